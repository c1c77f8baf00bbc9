import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../scenarios/prng';
import { distributeOfficers, QINHUANGDAO_OFFICERS } from '../db/demo/officers';
import { parseForm } from '../app/utils/forms';
import { safeRedirectPath } from '../app/utils/http.server';
import { loginSchema } from '../app/validation/auth';
import { createUserSchema, updateUserSchema } from '../app/validation/users';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

describe('form schemas', () => {
  it('login: empty fields get Chinese messages naming the field', () => {
    const result = parseForm(loginSchema, form({ username: '  ', password: '' }));
    expect(result).toMatchObject({
      success: false,
      fieldErrors: { username: ['请输入用户名'], password: ['请输入密码'] },
    });
  });

  it('login: a missing field (a hand-made POST) is an error, not a crash', () => {
    const result = parseForm(loginSchema, form({}));
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(result.fieldErrors).sort()).toEqual(['password', 'username']);
  });

  it('never echoes a password back into the page', () => {
    const result = parseForm(createUserSchema, form({ username: 'ab', password: 'short', displayName: '', role: 'x', unitCode: '' }));
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.values).not.toHaveProperty('password');
      expect(result.values.username).toBe('ab');
      expect(result.fieldErrors).toEqual({
        username: ['用户名至少 3 个字符'],
        displayName: ['请输入姓名'],
        password: ['密码至少 8 个字符'],
        role: ['请选择有效的角色'],
        unitCode: ['请选择所属单位'],
      });
    }
  });

  it('too long input is refused with its limit', () => {
    const result = parseForm(createUserSchema, form({ username: 'a'.repeat(33), password: 'x'.repeat(129), displayName: '张'.repeat(33), role: 'officer', unitCode: '130322' }));
    expect(result).toMatchObject({
      success: false,
      fieldErrors: {
        username: ['用户名不能超过 32 个字符'],
        password: ['密码不能超过 128 个字符'],
        displayName: ['姓名不能超过 32 个字符'],
      },
    });
  });

  it('an unknown intent on the edit page is a form error', () => {
    const result = parseForm(updateUserSchema, form({ intent: 'drop-table' }));
    expect(result).toMatchObject({ success: false, formErrors: [expect.any(String)] });
  });

  it('redirects after login stay on this site', () => {
    expect(safeRedirectPath('/units/130322')).toBe('/units/130322');
    expect(safeRedirectPath('//evil.example')).toBe('/');
    expect(safeRedirectPath('https://evil.example')).toBe('/');
    expect(safeRedirectPath('/\\evil.example')).toBe('/');
    expect(safeRedirectPath(null, '/admin')).toBe('/admin');
  });
});

describe('demo officer counts', () => {
  it('match the published Qinhuangdao table', () => {
    const text = readFileSync(new URL('../db/demo/published/qinhuangdao-online-enforcement-2023.tsv', import.meta.url), 'utf8');
    const rows = text.trim().split('\n').slice(1).map((line) => line.split('\t'));
    expect(Object.entries(QINHUANGDAO_OFFICERS)).toEqual(rows.map(([name, officers]) => [name, Number(officers)]));
  });

  it('distribute to an exact total however the weights round', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const units = Array.from({ length: 37 }, (_, i) => ({ code: String(i), isCityOffice: i % 9 === 0 }));
      const counts = distributeOfficers(units, 1001, createPrng(seed));
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(1001);
      expect(Math.min(...counts.values())).toBeGreaterThan(0);
    }
  });
});

describe('empty fields', () => {
  it('get one “请输入…” message each, not every rule they also break', () => {
    const result = parseForm(createUserSchema, form({ username: '', password: '', displayName: '', role: 'officer', unitCode: '' }));
    expect(result).toMatchObject({
      success: false,
      fieldErrors: { username: ['请输入用户名'], password: ['请输入密码'], displayName: ['请输入姓名'], unitCode: ['请选择所属单位'] },
    });
  });
});
