// Any URL no other route matches: the Chinese 404 page (root ErrorBoundary).
export async function loader() {
  throw new Response('您要找的页面不存在，可能已被删除或地址有误。', { status: 404 });
}

export default function NotFound() {
  return null;
}
