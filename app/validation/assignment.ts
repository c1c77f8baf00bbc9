import { plainText, z } from './zod';

/** Dates in forms are Beijing time (`datetime-local`, no zone); stored as UTC ISO strings. */
export const FORM_TIME_ZONE_OFFSET = '+08:00';

/** A stored ISO instant as a `datetime-local` value in Beijing time (for defaults and re-display). */
export function toBeijingInput(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 60 * 60 * 1000);
  return shifted.toISOString().slice(0, 16);
}

const beijingDateTime = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}`, abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/, {
      error: `${label}格式不正确（应为 年-月-日 时:分）`,
      abort: true,
    })
    .transform((value, ctx) => {
      const [date, time] = value.split(/[T ]/) as [string, string];
      const ms = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}${FORM_TIME_ZONE_OFFSET}`);
      if (Number.isNaN(ms)) {
        ctx.addIssue({ code: 'custom', message: `${label}不是有效的日期时间` });
        return z.NEVER;
      }
      return new Date(ms).toISOString();
    });

/** Checkbox groups arrive as one string, several strings, or nothing. */
const list = (message: string) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
    z.array(z.string({ error: message }).trim().min(1, message).max(64, message)).max(500, message),
  );

const officerUsernames = z
  .string()
  .superRefine(plainText('指定执法人员', { multiline: true }))
  .max(5000, '指定执法人员过多，请改为按单位布置')
  .optional()
  .transform((v) => [...new Set((v ?? '').split(/[\s,，、;；]+/).filter(Boolean))]);

const intIn = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label}须为 ${min}–${max} 的整数` })
    .int(`${label}须为 ${min}–${max} 的整数`)
    .min(min, `${label}须为 ${min}–${max} 的整数`)
    .max(max, `${label}须为 ${min}–${max} 的整数`);

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const STALE_FORM = '页面已过期，请刷新页面后重新提交';

/** Days before the due date at which the app reminds those not done, unless the form says otherwise. */
export const DEFAULT_REMIND_DAYS_BEFORE = 3;
/** How many officers the 布置任务 form's search lists at most. */
export const OFFICER_SEARCH_LIMIT = 50;

/** The token a 布置任务 form is rendered with (see `createAssignment`). */
export const formTokenSchema = z.string({ error: STALE_FORM }).regex(/^[A-Za-z0-9_-]{16,64}$/, STALE_FORM);

/** The "布置练兵任务" form. */
export const createAssignmentSchema = z
  .object({
    // Generated when the form is rendered: a second POST of the same form creates nothing new.
    formToken: formTokenSchema,
    // Empty: named after the scenarios.
    title: z
      .string()
      .trim()
      .superRefine(plainText('任务名称'))
      .max(60, '任务名称不能超过 60 个字符')
      .optional()
      .default(''),
    scenarioIds: list('练兵场景无效').pipe(z.array(z.string()).min(1, '请至少选择一个练兵场景')),
    unitCodes: list('单位代码无效'),
    officerUsernames,
    // Officers ticked in the form's search results (usernames); merged with those typed.
    officerPicks: list('执法人员无效'),
    mode: z.enum(['practice', 'assessment'], { error: '请选择练习或考核' }),
    passMark: z.preprocess(emptyAsUndefined, intIn('合格分数线', 0, 100).default(80)),
    opensAt: beijingDateTime('开始时间'),
    dueAt: beijingDateTime('截止时间'),
    attemptsAllowed: z.preprocess(emptyAsUndefined, intIn('允许次数', 1, 20).default(3)),
    note: z
      .string()
      .trim()
      .superRefine(plainText('说明', { multiline: true }))
      .max(500, '说明不能超过 500 个字符')
      .optional()
      .default(''),
    competition: z.preprocess((v) => v === 'on' || v === 'true' || v === '1', z.boolean()),
    // Optional in the type: callers that do not set it get DEFAULT_REMIND_DAYS_BEFORE.
    remindDaysBefore: z.preprocess(emptyAsUndefined, intIn('自动提醒提前天数', 0, 30).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.unitCodes.length === 0 && v.officerUsernames.length === 0 && v.officerPicks.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['unitCodes'], message: '请至少选择一个单位或指定执法人员' });
    }
    if (v.dueAt <= v.opensAt) ctx.addIssue({ code: 'custom', path: ['dueAt'], message: '截止时间须晚于开始时间' });
    if (v.competition && v.mode !== 'assessment')
      ctx.addIssue({ code: 'custom', path: ['competition'], message: '比武须为考核模式' });
  })
  .transform(({ officerPicks, ...v }) => ({
    ...v,
    officerUsernames: [...new Set([...v.officerUsernames, ...officerPicks])],
  }));
export type CreateAssignmentInput = z.infer<typeof createAssignmentSchema>;

/** The 布置任务 form's officer search (a GET that reloads the form): the words to look for. */
export const officerSearchSchema = z.object({
  // A longer query is cut, not refused (no error is shown beside a search box).
  q: z
    .string()
    .transform((v) => v.trim().slice(0, 40))
    .optional()
    .catch(undefined),
});

const reason = z
  .string({ error: '请填写延期原因' })
  .trim()
  .superRefine(plainText('延期原因'))
  .min(2, '请填写延期原因（至少 2 个字）')
  .max(200, '延期原因不能超过 200 个字符');

/** The follow-up page's forms, told apart by `intent`. */
export const assignmentActionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('extend'),
      scope: z.enum(['all', 'unit', 'officer'], { error: '请选择延期范围' }),
      unitCode: z.string().trim().max(16, '单位代码无效').optional(),
      username: z.string().trim().max(32, '用户名无效').optional(),
      dueAt: beijingDateTime('新的截止时间'),
      reason,
      // The assignment's version the form was built on: a stale form (someone extended since) gets 409.
      version: z.coerce.number({ error: STALE_FORM }).int(STALE_FORM).min(0, STALE_FORM),
    }),
    z.object({ intent: z.literal('close') }),
    z.object({
      intent: z.literal('remind'),
      message: z
        .string()
        .trim()
        .superRefine(plainText('提醒内容'))
        .max(200, '提醒内容不能超过 200 个字符')
        .optional()
        .default(''),
    }),
  ],
  { error: '未知的操作，请刷新页面后重试' },
);
export type AssignmentActionInput = z.infer<typeof assignmentActionSchema>;

/** Starting an attempt from an assignment. */
export const startAssignedSchema = z.object({
  scenarioId: z.string({ error: '请选择练兵场景' }).trim().min(1, '请选择练兵场景').max(64, '练兵场景无效'),
});

/** Filters of the follow-up page's officer list (bad values fall back, never fail). */
export const followUpQuerySchema = z.object({
  unit: z.string().trim().max(16).optional().catch(undefined),
  status: z.enum(['all', 'notDone', 'overdue', 'passed']).default('all').catch('all'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
