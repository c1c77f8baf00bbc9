/**
 * Writes docs/scenarios.md (scripts/scenarios-doc-content.ts builds it). Run with `npm run scenarios:docs`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listScenarios } from '../scenarios/index';
import { scenariosDoc } from './scenarios-doc-content';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'scenarios.md');

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, scenariosDoc());
console.log(`wrote ${out} (${listScenarios().length} scenarios)`);
