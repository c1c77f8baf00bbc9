// With no SESSION_SECRET the server keeps a random key beside the database instead of a public
// default (issue 12 point 7): created once with mode 0600, read again on every later start.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { readOrCreateSecretFile, secretFilePath } from '../../app/utils/session-secret.server';

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'drill-secret-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('the generated session secret', () => {
  it('lives beside the database', () => {
    expect(secretFilePath('/srv/drill/data/drill.db')).toBe('/srv/drill/data/session-secret');
  });

  it('is created once, random, readable by its owner only, and reused on the next start', () => {
    const dir = tempDir();
    const path = join(dir, 'nested', 'session-secret');
    const first = readOrCreateSecretFile(path);
    expect(first.created).toBe(true);
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const restart = readOrCreateSecretFile(path);
    expect(restart).toEqual({ secret: first.secret, created: false });

    const elsewhere = readOrCreateSecretFile(join(dir, 'other', 'session-secret'));
    expect(elsewhere.secret).not.toBe(first.secret);
  });

  it('tightens a file others can read, and keeps its secret', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const path = join(tempDir(), 'session-secret');
    writeFileSync(path, `${'k'.repeat(40)}\n`);
    chmodSync(path, 0o644);
    expect(readOrCreateSecretFile(path)).toEqual({ secret: 'k'.repeat(40), created: false });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('0600'));
  });

  it('refuses a file too short to be a real key rather than sign with it', () => {
    const path = join(tempDir(), 'session-secret');
    writeFileSync(path, 'short\n', { mode: 0o600 });
    expect(() => readOrCreateSecretFile(path)).toThrow(/过短/);
    expect(readFileSync(path, 'utf8')).toBe('short\n');
  });
});
