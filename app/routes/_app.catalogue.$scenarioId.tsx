import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { getCatalogueEntry } from '../models/catalogue.server';
import { ErrorCode } from '../ui/error-code';
import { WorkflowGraph } from '../ui/workflow-graph';
import { invariantResponse } from '../utils/http.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? '练兵场景'} · 场景目录 · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ['trainer', 'manager', 'admin']);
  const entry = getCatalogueEntry(params.scenarioId ?? '');
  invariantResponse(entry, '练兵场景不存在', { status: 404 });
  return entry;
}

export default function CatalogueEntry() {
  const s = useLoaderData<typeof loader>();
  return (
    <>
      <nav className="breadcrumb">
        <Link to="/catalogue">场景目录</Link> › <span aria-current="page">{s.title}</span>
      </nav>
      <div className="title-row">
        <h1>{s.title}</h1>
        <span>
          <Link to={`/scenarios/${s.id}/demo`} className="button">
            预览（逐步演示，不计成绩）
          </Link>{' '}
          <Link to={`/assignments/new`} className="button button--primary">
            布置任务
          </Link>
        </span>
      </div>
      <dl className="facts">
        <div>
          <dt>技能</dt>
          <dd data-testid="scenario-skill">{s.skillLabel}</dd>
        </div>
        <div>
          <dt>流程</dt>
          <dd>{s.workflowTitle}</dd>
        </div>
        <div>
          <dt>预计用时</dt>
          <dd data-testid="scenario-minutes">{s.estimatedMinutes} 分钟</dd>
        </div>
        <div>
          <dt>考核限时</dt>
          <dd>{s.assessmentTimeLimitMinutes ? `${s.assessmentTimeLimitMinutes} 分钟` : '不限'}</dd>
        </div>
        <div>
          <dt>版本</dt>
          <dd>第 {s.version} 版</dd>
        </div>
      </dl>
      <section>
        <h2>任务说明</h2>
        <p className="materials__brief" data-testid="scenario-brief">
          {s.brief}
        </p>
      </section>
      <section>
        <h2>操作步骤</h2>
        <ol>
          {s.steps.map((step) => (
            <li key={step.id}>
              {step.module} · {step.title}
              {step.optional ? '（视情况）' : ''}
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h2>评分细则（满分 100）</h2>
        <div className="table-scroll">
          <table className="table table--wrap" data-testid="scenario-rubric">
            <thead>
              <tr>
                <th scope="col">评分项</th>
                <th scope="col" className="num">
                  分值
                </th>
                <th scope="col">规则</th>
                <th scope="col">依据</th>
                <th scope="col">错误代码</th>
              </tr>
            </thead>
            <tbody>
              {s.rubric.map((item) => (
                <tr key={item.code}>
                  <td>{item.title}</td>
                  <td className="num">{item.weight}</td>
                  <td>{item.rule}</td>
                  <td>{item.citation}</td>
                  <td>
                    <ErrorCode code={item.code} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {s.hints.length > 0 ? (
        <section>
          <h2>练习提示（考核不提供）</h2>
          <ul>
            {s.hints.map((h) => (
              <li key={h.id}>
                {h.text}（扣 {h.cost} 分）
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section>
        <h2>业务流程图</h2>
        <p className="muted small">由场景的状态机生成。每个方框是一个办理阶段，箭头旁是执法人员在系统中的操作。</p>
        <WorkflowGraph graph={s.graph} />
        {s.unreachableStates.length > 0 ? (
          <>
            <h3>本场景不经过的阶段</h3>
            <ul>
              {s.unreachableStates.map((u) => (
                <li key={u.state}>
                  {u.label}：{u.reason}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <details>
          <summary>流程图文本（Mermaid 格式，可粘贴到支持该格式的文档中）</summary>
          <pre className="mermaid-source">{s.mermaid}</pre>
        </details>
      </section>
    </>
  );
}
