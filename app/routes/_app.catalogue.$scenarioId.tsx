import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { getCatalogueEntryFor, type CatalogueEntryResult } from '../models/catalogue.server';
import { publishDraft, retireScenario } from '../models/scenario-library.server';
import { ErrorCode } from '../ui/error-code';
import { ErrorList } from '../ui/field';
import { CopyButton } from '../ui/scenario-library';
import { WorkflowGraph } from '../ui/workflow-graph';
import { getDb } from '../utils/db.server';
import { beijingTime } from '../utils/format';
import { parseForm } from '../utils/forms';
import { invariantResponse } from '../utils/http.server';
import { scenarioActionSchema } from '../validation/scenario-library';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${(data?.kind === 'authored' ? data.library.title : data?.entry.title) ?? '练兵场景'} · 场景目录 · 执法练兵平台`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['trainer', 'manager', 'admin']);
  const found = await getCatalogueEntryFor(getDb(), user, params.scenarioId ?? '');
  invariantResponse(found.found, '练兵场景不存在', { status: 404 });
  invariantResponse(found.allowed, '无权查看该场景：它不在您的管辖范围内', { status: 403 });
  return found as Extract<CatalogueEntryResult, { allowed: true }>;
}

type ActionResult = { formErrors: string[]; askRetire?: boolean };

/** The managers' panel: 发布 (through the gate) and 停用 (after a confirmation step). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ['trainer']);
  const id = params.scenarioId ?? '';
  const form = parseForm(scenarioActionSchema, await request.formData());
  if (!form.success) return data<ActionResult>({ formErrors: form.formErrors }, { status: 400 });
  const db = getDb();
  if (form.data.intent === 'retire' && form.data.confirm !== 'yes')
    return data<ActionResult>({ formErrors: [], askRetire: true });
  const result = form.data.intent === 'publish' ? await publishDraft(db, user, id) : await retireScenario(db, user, id);
  // A refusal by the gate is stored with the draft: the page shows it, now and after a reload.
  if (result.ok || 'failures' in result)
    throw redirect(
      result.ok && 'version' in result ? `/catalogue/${id}?published=${result.version}` : `/catalogue/${id}`,
    );
  invariantResponse(result.status !== 404, result.message, { status: 404 });
  invariantResponse(result.status !== 403, result.message, { status: 403 });
  return data<ActionResult>({ formErrors: [result.message] }, { status: result.status });
}

export default function CatalogueEntry() {
  const found = useLoaderData<typeof loader>();
  const s = found.entry;
  const title = found.kind === 'authored' ? found.library.title : found.entry.title;
  const usable = found.kind === 'builtIn' || found.library.status === 'published';
  return (
    <>
      <nav className="breadcrumb">
        <Link to="/catalogue">场景目录</Link> › <span aria-current="page">{title}</span>
      </nav>
      <div className="title-row">
        <h1>{title}</h1>
        <span>
          {usable ? (
            <>
              <Link
                to={`/scenarios/${found.kind === 'builtIn' ? found.entry.id : found.library.id}/demo`}
                className="button"
              >
                预览（逐步演示，不计成绩）
              </Link>{' '}
              <Link to={`/assignments/new`} className="button button--primary">
                布置任务
              </Link>
            </>
          ) : null}{' '}
          {found.copyable ? (
            <CopyButton from={found.kind === 'builtIn' ? found.entry.id : found.library.id} title={title} />
          ) : null}
        </span>
      </div>
      {found.kind === 'authored' ? <LibraryPanel library={found.library} /> : null}
      {found.kind === 'authored' && found.entryErrors.length > 0 ? (
        <div className="alert" role="alert">
          <p>草稿的定义有误，无法显示：</p>
          <ul>
            {found.entryErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {s ? <EntryBody s={s} /> : null}
    </>
  );
}

type Library = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: 'authored' }>['library'];

function LibraryPanel({ library }: { library: Library }) {
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const pending = navigation.state !== 'idle' ? navigation.formData?.get('intent') : undefined;
  const publishing = pending === 'publish';
  const published = params.get('published');
  const retired = library.status === 'retired';
  return (
    <section className="form-card" aria-labelledby="library-heading" data-testid="library-panel">
      <h2 id="library-heading">自编场景</h2>
      <dl className="facts">
        <div>
          <dt>状态</dt>
          <dd data-testid="library-status">{library.statusLabel}</dd>
        </div>
        <div>
          <dt>当前版本</dt>
          <dd>{library.publishedVersion ? `第 ${library.publishedVersion} 版` : '尚未发布'}</dd>
        </div>
        <div>
          <dt>所属单位</dt>
          <dd>{library.unitName}</dd>
        </div>
        <div>
          <dt>编写人</dt>
          <dd>{library.authorName}</dd>
        </div>
        <div>
          <dt>更新时间</dt>
          <dd>{beijingTime(library.updatedAt)}</dd>
        </div>
        {library.retiredAt ? (
          <div>
            <dt>停用时间</dt>
            <dd>{beijingTime(library.retiredAt)}</dd>
          </div>
        ) : null}
      </dl>
      {published && String(library.publishedVersion) === published && !library.draft ? (
        <p className="notice" role="status" data-testid="publish-done">
          已发布第 {published} 版：本单位及下级单位的执法人员现在可以练习，培训员可以布置任务。
        </p>
      ) : null}
      {retired ? (
        <p className="alert alert--info" role="note">
          该场景已停用：不能再开始新的练兵或布置任务，已有的练兵记录和报表保留。
        </p>
      ) : null}
      <ErrorList errors={answer?.formErrors} />

      {library.manageable ? (
        <>
          {library.draft && !retired ? (
            <div data-testid="draft-pending">
              <h3>待发布的草稿（第 {library.draft.version} 版）</h3>
              <p>
                <Link to={`/catalogue/${library.id}/edit`}>编辑</Link> ·{' '}
                <Link to={`/catalogue/${library.id}/preview`}>预览</Link>
              </p>
              {library.check && !library.check.ok ? (
                <div className="alert" role="alert" data-testid="publish-refused">
                  <p>
                    <strong>未能发布</strong>：{beijingTime(library.check.checkedAt)}
                    的检查未通过。请按下列原因修改草稿后再发布。
                  </p>
                  <ul>
                    {library.check.groups.map((g) => (
                      <li key={g.item ?? '-'} data-failure-item={g.item ?? ''}>
                        {g.title}
                        <ul>
                          {g.reasons.map((r) => (
                            <li key={r}>{r}</li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <Form method="post">
                <input type="hidden" name="intent" value="publish" />
                <p className="muted small">
                  发布前，系统用练兵引擎检查草稿：参考答案须得 100
                  分，每个评分项都有一条只丢该项分数的路径，每条流程路径都能走到结束，回放能重现状态和得分。
                </p>
                <button
                  type="submit"
                  className="button button--primary"
                  disabled={publishing}
                  aria-disabled={publishing}
                >
                  {publishing ? '正在检查…' : `发布第 ${library.draft.version} 版`}
                </button>
                {publishing ? (
                  <p role="status" data-testid="publish-progress">
                    <progress aria-label="正在检查草稿" />{' '}
                    正在用练兵引擎检查草稿（参考答案、各评分项和流程分支），约需几秒钟，请稍候……
                  </p>
                ) : null}
              </Form>
            </div>
          ) : null}
          {!library.draft && !retired ? (
            <p data-testid="edit-published">
              <Link to={`/catalogue/${library.id}/edit`} className="button">
                修改（形成第 {(library.publishedVersion ?? 0) + 1} 版草稿）
              </Link>{' '}
              <span className="muted small">修改发布前，练兵和任务继续使用当前版本。</span>
            </p>
          ) : null}

          {!retired ? (
            answer?.askRetire ? (
              <Form method="post" className="alert" data-testid="retire-confirm">
                <p>
                  确定停用“{library.title}
                  ”吗？停用后不能再开始新的练兵或布置任务；已有的练兵记录、成绩和报表保留。此操作不能撤销。
                </p>
                <input type="hidden" name="intent" value="retire" />
                <input type="hidden" name="confirm" value="yes" />
                <button type="submit" className="button button--danger" disabled={pending === 'retire'}>
                  确认停用
                </button>{' '}
                <Link to={`/catalogue/${library.id}`}>取消</Link>
              </Form>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="retire" />
                <button type="submit" className="button">
                  停用
                </button>
              </Form>
            )
          ) : null}
          {library.publishedVersion ? (
            <p>
              <Link to={`/catalogue/${library.id}/regrade`}>重新评分</Link>
              <span className="muted small">（预览新版本下已有成绩的变化，再决定是否应用）</span>
            </p>
          ) : null}
        </>
      ) : null}
      <p>
        <a href={`/catalogue/${library.id}/export.json`} download>
          导出 JSON
        </a>
        <span className="muted small">（供其他单位导入）</span>
      </p>

      {library.versions.length > 0 ? (
        <>
          <h3>已发布的版本</h3>
          <table className="table" data-testid="library-versions">
            <thead>
              <tr>
                <th scope="col">版本</th>
                <th scope="col">发布人</th>
                <th scope="col">发布时间</th>
              </tr>
            </thead>
            <tbody>
              {library.versions.map((v) => (
                <tr key={v.version}>
                  <td>第 {v.version} 版</td>
                  <td>{v.publishedBy}</td>
                  <td>{beijingTime(v.publishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

type Entry = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['entry']>;

function EntryBody({ s }: { s: Entry }) {
  return (
    <>
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
