import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../scenarios/prng';
import { distributeOfficers, QINHUANGDAO_OFFICERS } from '../db/demo/officers';
import { parseForm } from '../app/utils/forms';
import { safeRedirectPath } from '../app/utils/http.server';
import { loginSchema } from '../app/validation/auth';
import { createUserSchema, updateUserSchema } from '../app/validation/users';
import { assignmentActionSchema, createAssignmentSchema } from '../app/validation/assignment';

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
    const result = parseForm(
      createUserSchema,
      form({ username: 'ab', password: 'short', displayName: '', role: 'x', unitCode: '' }),
    );
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
    const result = parseForm(
      createUserSchema,
      form({
        username: 'a'.repeat(33),
        password: 'x'.repeat(129),
        displayName: '张'.repeat(33),
        role: 'officer',
        unitCode: '130322',
      }),
    );
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
    const text = readFileSync(
      new URL('../db/demo/published/qinhuangdao-online-enforcement-2023.tsv', import.meta.url),
      'utf8',
    );
    const rows = text
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
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
    const result = parseForm(
      createUserSchema,
      form({ username: '', password: '', displayName: '', role: 'officer', unitCode: '' }),
    );
    expect(result).toMatchObject({
      success: false,
      fieldErrors: {
        username: ['请输入用户名'],
        password: ['请输入密码'],
        displayName: ['请输入姓名'],
        unitCode: ['请选择所属单位'],
      },
    });
  });
});

describe('names, titles and notes refuse invisible characters (one shared refinement)', () => {
  const FORBIDDEN: [string, string][] = [
    ['\u0000', 'U+0000'],
    ['\u0001', 'U+0001'],
    ['\u001B', 'U+001B'],
    ['\u007F', 'U+007F'],
    ['\u0085', 'U+0085'],
    ['\u202A', 'U+202A'],
    ['\u202B', 'U+202B'],
    ['\u202C', 'U+202C'],
    ['\u202D', 'U+202D'],
    ['\u202E', 'U+202E'],
    ['\u2066', 'U+2066'],
    ['\u2067', 'U+2067'],
    ['\u2068', 'U+2068'],
    ['\u2069', 'U+2069'],
    ['\u200E', 'U+200E'],
    ['\u200F', 'U+200F'],
    ['\u061C', 'U+061C'],
    ['\u200B', 'U+200B'],
    ['\u200C', 'U+200C'],
    ['\u200D', 'U+200D'],
    ['\u2060', 'U+2060'],
    ['\uFEFF', 'U+FEFF'],
  ];
  const message = (label: string, code: string) =>
    `${label}含有不允许的不可见字符（${code}：控制字符、零宽字符或文字方向控制符），请删除后重新输入`;
  const validUser = {
    username: 'new.officer',
    displayName: '张三',
    password: 'Secret@2026',
    role: 'officer',
    unitCode: '130322',
  };
  const validAssignment = {
    formToken: 'a'.repeat(22),
    scenarioIds: 'inspect-dust-explosion',
    unitCodes: '130322',
    mode: 'assessment',
    opensAt: '2026-03-02T09:00',
    dueAt: '2026-03-09T18:00',
  };
  // [schema, valid fields, field, label]: every stored free-text name, title and note.
  const FIELDS: [Parameters<typeof parseForm>[0], Record<string, string>, string, string][] = [
    [createUserSchema, validUser, 'username', '用户名'],
    [createUserSchema, validUser, 'displayName', '姓名'],
    [
      updateUserSchema,
      { intent: 'reassign', displayName: '张三', role: 'officer', unitCode: '130322' },
      'displayName',
      '姓名',
    ],
    [createAssignmentSchema, validAssignment, 'title', '任务名称'],
    [createAssignmentSchema, validAssignment, 'note', '说明'],
    [createAssignmentSchema, { ...validAssignment, unitCodes: '' }, 'officerUsernames', '指定执法人员'],
    [
      assignmentActionSchema,
      { intent: 'extend', scope: 'all', dueAt: '2026-03-12T18:00', version: '0', reason: '汛期值守' },
      'reason',
      '延期原因',
    ],
    [assignmentActionSchema, { intent: 'remind' }, 'message', '提醒内容'],
  ];

  for (const [schema, valid, field, label] of FIELDS) {
    it(`${label}（${field}）: every forbidden character is refused with a message naming the field`, () => {
      expect(
        parseForm(
          schema,
          form({ ...valid, [field]: field === 'username' || field === 'officerUsernames' ? 'ab.cd' : '正常文字' }),
        ).success,
      ).toBe(true);
      for (const [ch, code] of FORBIDDEN) {
        const value = field === 'username' || field === 'officerUsernames' ? `ab${ch}cd` : `正常${ch}文字`;
        const result = parseForm(schema, form({ ...valid, [field]: value }));
        expect(result.success, `${field} ${code}`).toBe(false);
        if (!result.success) expect(result.fieldErrors[field], `${field} ${code}`).toEqual([message(label, code)]);
      }
    });
  }

  it('single-line fields refuse line breaks and tabs; the note and the username list keep them', () => {
    const title = parseForm(createAssignmentSchema, form({ ...validAssignment, title: '第一行\n第二行' }));
    expect(title.success ? [] : title.fieldErrors.title).toEqual([message('任务名称', 'U+000A')]);
    const name = parseForm(createUserSchema, form({ ...validUser, displayName: '张\t三' }));
    expect(name.success ? [] : name.fieldErrors.displayName).toEqual([message('姓名', 'U+0009')]);
    const note = parseForm(createAssignmentSchema, form({ ...validAssignment, note: '第一行\r\n第二行\t附注' }));
    expect(note.success && note.data.note).toBe('第一行\r\n第二行\t附注');
    const list = parseForm(
      createAssignmentSchema,
      form({ ...validAssignment, unitCodes: '', officerUsernames: 'zf130322001\tzf130322002\nzf130322003' }),
    );
    expect(list.success && list.data.officerUsernames).toEqual(['zf130322001', 'zf130322002', 'zf130322003']);
  });

  it('ordinary Chinese, full-width punctuation and emoji pass', () => {
    const result = parseForm(
      createAssignmentSchema,
      form({ ...validAssignment, title: '2026年“安全生产月”练兵（第①批）🚒', note: '请于 18:00 前完成。' }),
    );
    expect(result.success).toBe(true);
  });
});
