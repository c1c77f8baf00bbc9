import { isRouteErrorResponse, Link } from '@remix-run/react';

const TITLES: Record<number, { title: string; text: string }> = {
  400: { title: '请求有误', text: '提交的内容无法处理，请检查后重试。' },
  403: { title: '无权访问', text: '您没有权限查看此页面。如需访问，请联系本单位的系统管理员。' },
  404: { title: '页面不存在', text: '您要找的页面不存在，可能已被删除或地址有误。' },
  405: { title: '不支持的操作', text: '此页面不支持该操作。' },
  500: { title: '服务器出错', text: '服务器处理请求时出错。已记录该问题，请稍后再试。' },
};

/** Status and message of whatever a route threw, for the error page. */
export function errorStatus(error: unknown): { status: number; detail?: string } {
  if (isRouteErrorResponse(error)) {
    return { status: error.status, detail: typeof error.data === 'string' && error.data ? error.data : undefined };
  }
  return { status: 500 };
}

/** The Chinese title and default text for an HTTP status. */
export function errorText(status: number): { title: string; text: string } {
  return TITLES[status] ?? (status >= 500 ? TITLES[500]! : TITLES[400]!);
}

/** The Chinese page shown for 403, 404 and other errors. */
export function ErrorPage({ status, detail }: { status: number; detail?: string }) {
  const known = errorText(status);
  return (
    <section className="error-page" role="alert">
      <p className="error-page__status">{status}</p>
      <h1>{known.title}</h1>
      <p>{status < 500 && detail ? detail : known.text}</p>
      <p>
        <Link to="/">返回首页</Link>
      </p>
    </section>
  );
}
