import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '../models/auth.server';
import { getDemoFor } from '../models/demo.server';
import { practiceHomeOfUnit } from '../models/practice-home.server';
import { DemoPlayback } from '../ui/demo-playback';
import { getDb } from '../utils/db.server';
import { invariantResponse } from '../utils/http.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `演示 · ${data?.scenario.title ?? '练兵场景'} · 执法练兵平台` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const step = Number(new URL(request.url).searchParams.get('step') ?? '1');
  const db = getDb();
  const home = await practiceHomeOfUnit(db, user.unit);
  const view = await getDemoFor(db, user, params.scenarioId ?? '', Number.isSafeInteger(step) ? step - 1 : 0, home);
  invariantResponse(view, '练兵场景不存在', { status: 404 });
  // An open assessment of this scenario closes its demo (assessment integrity).
  if (!view.ok) throw data(view.reason, { status: view.status });
  // Officers come from their drills; trainers and others preview from the catalogue.
  const back =
    user.role === 'officer'
      ? { to: '/officer', label: '演示结束，返回我的练兵' }
      : { to: `/catalogue/${view.scenario.id}`, label: '演示结束，返回场景目录' };
  return { ...view, back };
}

export default function DemoPage() {
  const view = useLoaderData<typeof loader>();
  return (
    <div className="drill">
      <p className="page-kicker">
        <span className="badge badge--practice">演示</span> 参考答案逐步演示（不计成绩）
      </p>
      <h1>{view.scenario.title}</h1>
      <DemoPlayback
        view={view}
        stepLink={(step, label) => <Link to={`?step=${step}`}>{label}</Link>}
        end={<Link to={view.back.to}>{view.back.label}</Link>}
      />
    </div>
  );
}
