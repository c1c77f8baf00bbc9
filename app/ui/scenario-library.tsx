import { Form } from '@remix-run/react';

/** 复制为新场景: a POST to /catalogue/new (a new draft, then its editor), so it works without JavaScript. */
export function CopyButton({ from, title }: { from: string; title: string }) {
  return (
    <Form method="post" action="/catalogue/new" style={{ display: 'inline' }}>
      <input type="hidden" name="from" value={from} />
      <button type="submit" className="button button--small" aria-label={`复制为新场景：${title}`}>
        复制为新场景
      </button>
    </Form>
  );
}
