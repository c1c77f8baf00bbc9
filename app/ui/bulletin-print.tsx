import { useEffect, useState } from 'react';

/** 打印: shown once JavaScript runs (without it the page says to use the browser's print). */
export function PrintButton() {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button button--primary" onClick={() => window.print()}>
      打印
    </button>
  );
}
