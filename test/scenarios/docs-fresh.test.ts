import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { scenariosDoc } from '../../scripts/scenarios-doc-content';

// docs/scenarios.md is generated; a change to a scenario or a workflow must regenerate it
// (`npm run scenarios:docs`). It once went stale when a step became repeatable.
it('docs/scenarios.md is what `npm run scenarios:docs` writes', () => {
  const committed = readFileSync(new URL('../../docs/scenarios.md', import.meta.url), 'utf8');
  expect(committed === scenariosDoc(), 'docs/scenarios.md 已过期：请运行 npm run scenarios:docs').toBe(true);
});
