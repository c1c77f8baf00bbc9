import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

function tsxUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? tsxUnder(path) : name.endsWith('.tsx') ? [path] : [];
  });
}

// A `maxlength` attribute makes the browser cut what the officer types or pastes (a 19-character
// credit code becomes 18) so the schema's length message never shows. Only inputs whose schema
// reports no error may carry one: the user list's search box (an over-long query is ignored).
it('no form input with a schema length message carries a maxLength attribute', () => {
  const found = tsxUnder('app').flatMap((file) =>
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .filter((line) => /maxLength=/.test(line))
      .map((line) => `${file}: ${line.trim()}`),
  );
  expect(found).toEqual([
    'app/routes/_app.admin._index.tsx: <input name="q" defaultValue={filters.q ?? \'\'} maxLength={64} />',
  ]);
});
