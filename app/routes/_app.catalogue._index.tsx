import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { listCatalogue } from '../models/catalogue.server';

export const meta: MetaFunction = () => [{ title: '场景目录 · 执法练兵平台' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['trainer', 'manager', 'admin']);
  return { scenarios: listCatalogue() };
}

export default function Catalogue() {
  const { scenarios } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>场景目录</h1>
      <p className="lead">
        可布置的练兵场景：任务说明、技能、预计用时、评分细则和业务流程图。每个场景可先预览参考答案的逐步演示（不计成绩、不留记录）。
      </p>
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
              <th scope="col">预览</th>
            </tr>
          </thead>
          <tbody>
            {scenarios.map((s) => (
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
