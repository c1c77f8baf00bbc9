import { afterEach, beforeEach, vi } from 'vitest';
// zod configured as the server configures it, also for tests that import zod directly.
import '../scenarios/lib/zod';

// A console.error during a test is a bug we have not noticed yet: fail the test on it.
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length > 0) {
    throw new Error(
      `console.error was called during the test:\n${errors.map((a) => a.map(String).join(' ')).join('\n')}`,
    );
  }
});
