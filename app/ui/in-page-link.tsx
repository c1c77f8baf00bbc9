import type { AnchorHTMLAttributes } from 'react';

/**
 * A link to an element of the same page. Without JavaScript it is a plain `#id` anchor. With it, the
 * click scrolls (and moves the focus) itself: a hash change would go through the router as a history
 * entry whose scroll position ScrollRestoration may restore instead of showing the target.
 */
export function InPageLink({
  target,
  focus = false,
  ...props
}: { target: string; focus?: boolean } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return (
    <a
      {...props}
      href={`#${target}`}
      onClick={(event) => {
        const element = document.getElementById(target);
        if (!element) return;
        event.preventDefault();
        element.scrollIntoView({ block: 'start' });
        if (focus) element.focus({ preventScroll: true });
      }}
    />
  );
}
