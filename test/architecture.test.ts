import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const importsOf = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/^\s*import\s[^;]*?from\s+['"]([^'"]+)['"]/gms)].map(
    (m) => m[1]!,
  );

describe('layering', () => {
  it('client-safe app code (ui, validation, non-server utils) imports no server module, kysely or better-sqlite3', () => {
    const clientSafe = [...filesUnder('app/ui'), ...filesUnder('app/validation'), ...filesUnder('app/utils')].filter(
      (f) => !f.includes('.server.'),
    );
    expect(clientSafe.length).toBeGreaterThan(0);
    const offenders = clientSafe.flatMap((file) =>
      importsOf(file)
        .filter((spec) => /\.server(\.tsx?)?$|^kysely$|^better-sqlite3$|^node:/.test(spec))
        .map((spec) => `${relative(root, join(root, file))} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('routes stay thin: no SQL, no Kysely query building in app/routes', () => {
    const offenders = filesUnder('app/routes').filter((file) =>
      /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`|from ['"]kysely['"]/.test(
        readFileSync(join(root, file), 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('route components use nothing imported from a server module (it is stubbed out in the browser)', () => {
    const offenders = filesUnder('app/routes').flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      const serverNames = [
        ...text.matchAll(/^import\s+(?!type\b)\{([^}]*)\}\s+from\s+['"][^'"]*\.server['"]/gm),
      ].flatMap((m) =>
        m[1]!
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name && !name.startsWith('type '))
          .map((name) => name.split(/\s+as\s+/).pop()!),
      );
      const component = text.indexOf('export default function');
      if (component === -1) return [];
      // String literals ("handIn" as a form value) are not uses of the import.
      const client = text.slice(component).replace(/'[^'\n]*'|"[^"\n]*"/g, "''");
      return serverNames.filter((name) => new RegExp(`\\b${name}\\b`).test(client)).map((name) => `${file} → ${name}`);
    });
    expect(offenders).toEqual([]);
  });

  it('db/ does not depend on routes, models or UI', () => {
    const offenders = filesUnder('db').flatMap((file) =>
      importsOf(file)
        .filter((spec) => /app\/(routes|models|ui)\//.test(spec))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('zod is configured in one module: nothing else imports zod at run time (types are fine)', () => {
    const offenders = ['app', 'scenarios', 'db', 'scripts', 'e2e']
      .flatMap(filesUnder)
      .filter(
        (file) =>
          file !== 'scenarios/lib/zod.ts' &&
          /^\s*import\s(?!type\b)[^;]*?from\s+['"]zod(\/[^'"]*)?['"]/m.test(readFileSync(join(root, file), 'utf8')),
      );
    expect(offenders).toEqual([]);
  });
});
