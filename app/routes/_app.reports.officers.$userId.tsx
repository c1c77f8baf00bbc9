import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '../models/auth.server';
import { getOfficerReadiness } from '../models/readiness.server';
import { AttemptTable } from '../ui/attempt-table';
import { SkillGrid } from '../ui/skill-grid';
import { getDb } from '../utils/db.server';
import { invariantResponse } from '../utils/http.server';
import { requireIdParam } from '../utils/params.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.officer.display_name ?? '执法人员'} · 练兵达标 · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager', 'admin']);
  const detail = await getOfficerReadiness(getDb(), user.unit, requireIdParam(params.userId, '执法人员'));
  invariantResponse(detail, '执法人员不存在或不在您的管辖范围内', { status: 404 });
  return detail;
}

export default function OfficerReadiness() {
  const { officer, skills, attempts } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="page-kicker">
        <Link to="/reports">练兵达标情况</Link> ›{' '}
        <Link to={`/reports/units/${officer.unit_code}`}>{officer.unit_name}</Link> › {officer.display_name}
      </p>
      <h1 data-testid="officer-name">
        {officer.display_name} <small className="muted">{officer.username}</small>
      </h1>
      <SkillGrid skills={skills} testId="officer-skills" />
      <section>
        <h2>练兵记录</h2>
        {attempts.length === 0 ? (
          <p className="empty">还没有练兵记录。</p>
        ) : (
          <AttemptTable attempts={attempts} testId="officer-attempts" hrefOf={(a) => `/reports/attempts/${a.id}`} />
        )}
      </section>
    </>
  );
}
