import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';

// GET renders `rows` rows of drill-like markup (the bench picks `rows` so the page weighs what the
// drill page weighs); POST reads the urlencoded form and answers 303, like a step submit.
export function loader({ request }: LoaderFunctionArgs) {
  const rows = Math.min(2000, Math.max(1, Number(new URL(request.url).searchParams.get('rows')) || 50));
  return { rows, title: '粉尘涉爆企业执法检查' };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  return redirect(`/?step=${encodeURIComponent(String(form.get('_step') ?? ''))}`, 303);
}

export default function Page() {
  const { rows, title } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{title}</h1>
      <ul>
        {Array.from({ length: rows }, (_, i) => (
          <li key={i} className="system-module">
            <a href={`?step=step-${i}`}>第{i + 1}项：核查企业粉尘清扫制度与记录</a>{' '}
            <span className="tag">当前不可办理</span>
          </li>
        ))}
      </ul>
      <Form method="post">
        <input type="hidden" name="_intent" value="step" />
        <input type="text" name="enterpriseName" defaultValue="" />
        <button type="submit">提交</button>
      </Form>
    </main>
  );
}
