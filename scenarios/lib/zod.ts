/**
 * zod, configured: the one module that imports it at run time (test/architecture.test.ts checks).
 * zod's settings are global and `jitless` is read when a schema is created, so every module that
 * builds schemas imports `z` from here and is configured before its first schema, whatever the entry
 * point (server, scripts, Vitest, or the pure scenarios alone in e2e helpers). docs/decisions/170.
 */
import { z } from 'zod';

// Chinese default messages; fields override them where a domain message reads better.
z.config(z.locales.zhCN());
// Each attempt builds its own forms (their options come from its fixture) and parses each form about
// once, so zod's compiled fast path (built per schema with `new Function`) costs more than it saves.
z.config({ jitless: true });

export { z };
