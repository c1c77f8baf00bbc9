import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject, onTestFinished } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/connection';

/**
 * A real SQLite file for one test: a copy of the migrated (or seeded) base database, closed and
 * deleted when the test finishes.
 */
export function useTestDatabase(kind: 'migrated' | 'seeded' = 'seeded'): OpenedDatabase & { path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'drill-test-'));
  const path = join(dir, 'test.db');
  copyFileSync(inject(kind === 'seeded' ? 'seededDbPath' : 'migratedDbPath'), path);
  const opened = openDatabase(path);
  onTestFinished(async () => {
    await opened.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  return { ...opened, path };
}
