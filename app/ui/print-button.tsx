import { Link } from '@remix-run/react';
import { useEffect, useState } from 'react';

/**
 * 打印 on a page that shows only what is to be printed. A link to the page itself (`href=""`), so it is
 * never a dead control: without JavaScript the note beside it names the browser's own print command (hydration removes it); with
 * JavaScript the click opens the print dialog.
 */
export function PrintButton({ label = '打印' }: { label?: string }) {
  // Rendered by the server (no JavaScript yet); hydration removes the hint, the click then prints.
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  return (
    <>
      <a
        href=""
        className="button button--primary no-print"
        data-testid="print-button"
        onClick={(e) => {
          e.preventDefault();
          window.print();
        }}
      >
        {label}
      </a>
      {scripted ? null : (
        <span className="muted small no-print" data-testid="print-hint">
          请使用浏览器菜单中的“打印”（Ctrl+P）打印本页。
        </span>
      )}
    </>
  );
}

/** 打印 on a page with more than the printout: a link to its print page (works without JavaScript). */
export function PrintLink({ to, label = '打印' }: { to: string; label?: string }) {
  return (
    <Link to={to} className="button no-print" data-testid="print-link">
      {label}
    </Link>
  );
}
