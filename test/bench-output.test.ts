/** The bench keeps a successful build's stderr clean of esbuild's exit-time goroutine dump, and nothing else. */
import { expect, it } from 'vitest';
import { withoutKnownNoise } from '../scripts/bench/lib';

const DUMP = [
  'fatal error: all goroutines are asleep - deadlock!',
  '',
  'goroutine 1 [chan receive]:',
  'github.com/evanw/esbuild/internal/helpers.(*ThreadSafeWaitGroup).Wait(...)',
  '        github.com/evanw/esbuild/internal/helpers/waitgroup.go:36',
  'main.runService.func2()',
].join('\n');
const VITE = "The CJS build of Vite's Node API is deprecated. See https://vite.dev/guide/troubleshooting.html";

it('drops the goroutine dump and the Vite CJS notice', () => {
  expect(withoutKnownNoise(`${VITE}\n${DUMP}\n`)).toBe('');
});

it('keeps every other line, before the dump too', () => {
  const warning = 'warning: route "routes/x.tsx" exports nothing';
  expect(withoutKnownNoise(`${VITE}\n${warning}\n${DUMP}`)).toBe(warning);
  expect(withoutKnownNoise(`${warning}\n`)).toBe(warning);
});
