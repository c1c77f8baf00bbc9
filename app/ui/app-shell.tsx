import { Form, NavLink } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { Role } from '../../db/schema';
import { ROLE_LABELS, ROLE_NAV } from '../utils/roles';

export interface ShellUser {
  displayName: string;
  role: Role;
  unit: { name: string };
}

/** The signed-in frame: header with who is signed in, the role's navigation, then the page. */
export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  return (
    <>
      <header className="app-header">
        <div className="app-header__inner">
          <a className="app-header__brand" href="/">
            执法练兵
          </a>
          <nav className="app-nav" aria-label="主导航">
            {ROLE_NAV[user.role].map((item) => (
              <NavLink key={item.to} to={item.to} end>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="app-header__user">
            <span className="app-header__who" data-testid="current-user">
              <strong>{user.displayName}</strong>
              <span>
                {user.unit.name} · {ROLE_LABELS[user.role]}
              </span>
            </span>
            <Form method="post" action="/logout">
              <button type="submit" className="button button--quiet">
                退出
              </button>
            </Form>
          </div>
        </div>
      </header>
      <main className="page">{children}</main>
    </>
  );
}
