import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { getCataloguePage } from '../models/catalogue.server';
import { CopyButton } from '../ui/scenario-library';
import { getDb } from '../utils/db.server';
import { beijingTime } from '../utils/format';

export const meta: MetaFunction = () => [{ title: '场景目录 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['trainer', 'manager', 'admin']);
  return getCataloguePage(getDb(), user);
}

export default function Catalogue() {
  const { canAuthor, builtIns, authored } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="title-row">
        <h1>场景目录</h1>
        {canAuthor ? (
          <span>
            <Link to="/catalogue/new" className="button button--primary">
              新建场景
            </Link>{' '}
            <Link to="/catalogue/import" className="button">
              导入场景
            </Link>
          </span>
        ) : null}
      </div>
      <p className="lead">
        可布置的练兵场景：任务说明、技能、预计用时、评分细则和业务流程图。每个场景可先预览参考答案的逐步演示（不计成绩、不留记录）。
      </p>
      <h2>内置场景</h2>
      <div className="table-scroll">
        <table className="table" data-testid="catalogue">
          <thead>
            <tr>
              <th scope="col">场景</th>
              <th scope="col">技能</th>
              <th scope="col">流程</th>
              <th scope="col" className="num">
                预计用时
              </th>
              <th scope="col" className="num">
                考核限时
              </th>
              <th scope="col" className="num">
                评分项
              </th>
              <th scope="col">{canAuthor ? '预览与复制' : '预览'}</th>
            </tr>
          </thead>
          <tbody>
            {builtIns.map((s) => (
              <tr key={s.id} data-catalogue-scenario={s.id}>
                <td>
                  <Link to={`/catalogue/${s.id}`}>{s.title}</Link>
                </td>
                <td>{s.skillLabel}</td>
                <td>{s.workflowTitle}</td>
                <td className="num">{s.estimatedMinutes} 分钟</td>
                <td className="num">
                  {s.assessmentTimeLimitMinutes ? `${s.assessmentTimeLimitMinutes} 分钟` : '不限'}
                </td>
                <td className="num">{s.rubricItems}</td>
                <td>
                  <Link to={`/scenarios/${s.id}/demo`}>演示</Link>
                  {s.copyable ? (
                    <>
                      {' '}
                      <CopyButton from={s.id} title={s.title} />
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="authored-heading">
        <h2 id="authored-heading">自编场景</h2>
        {authored.length === 0 ? (
          <p className="muted">
            暂无本单位及上级单位编写的场景。{canAuthor ? '可从内置场景复制，或导入其他单位共享的场景文件。' : ''}
          </p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="authored-catalogue">
              <thead>
                <tr>
                  <th scope="col">场景</th>
                  <th scope="col">状态</th>
                  <th scope="col" className="num">
                    版本
                  </th>
                  <th scope="col">技能</th>
                  <th scope="col">所属单位</th>
                  <th scope="col">编写人</th>
                  <th scope="col">更新时间</th>
                  {canAuthor ? <th scope="col">编写</th> : null}
                </tr>
              </thead>
              <tbody>
                {authored.map((s) => (
                  <tr key={s.id} data-authored-scenario={s.id}>
                    <td>
                      <Link to={`/catalogue/${s.id}`}>{s.title}</Link>
                    </td>
                    <td data-testid="authored-status">
                      {s.statusLabel}
                      {s.status === 'published' && s.hasDraft && s.manageable ? '（有待发布的修改）' : ''}
                    </td>
                    <td className="num">{s.version ? `第 ${s.version} 版` : '—'}</td>
                    <td>{s.skillLabel}</td>
                    <td>{s.unitName}</td>
                    <td>{s.authorName}</td>
                    <td>{beijingTime(s.updatedAt)}</td>
                    {canAuthor ? <td>{s.copyable ? <CopyButton from={s.id} title={s.title} /> : null}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
