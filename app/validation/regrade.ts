import { z } from './zod';

/** Whether a value is a real calendar day written YYYY-MM-DD. */
const isDay = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** A China-time calendar day as a date input sends it (YYYY-MM-DD), with the field's name in each message. */
const day = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .superRefine((value, ctx) => {
      const message = value === '' ? `请填写${label}` : isDay(value) ? null : `${label}不是有效日期（格式：年-月-日）`;
      if (message) ctx.addIssue({ code: 'custom', message, input: value });
    });

const fields = {
  toVersion: z.coerce
    .number({ error: '请选择按哪一版重新评分' })
    .int({ error: '请从列表中选择版本' })
    .min(1, { error: '请从列表中选择版本' }),
  unit: z
    .string({ error: '请选择单位' })
    .trim()
    .min(1, { error: '请选择单位' })
    .max(20, { error: '请从列表中选择单位' }),
  from: day('开始日期'),
  to: day('结束日期'),
};

/** The period must run forwards; the last day is included. Judged only once both days are valid. */
function periodInOrder(value: { from: string; to: string }, ctx: z.RefinementCtx<{ from: string; to: string }>) {
  if (isDay(value.from) && isDay(value.to) && value.to < value.from)
    ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期', input: value.to });
}

/** The 重新评分预览 form (GET, so the preview is a URL): version, unit (its subtree) and period. */
export const regradePreviewSchema = z.object(fields).superRefine(periodInOrder);
export type RegradePreviewInput = z.infer<typeof regradePreviewSchema>;

/** The 应用重新评分 form: the previewed choice, the preview's fingerprint and the confirmation. */
export const regradeApplySchema = z
  .object({
    ...fields,
    fingerprint: z
      .string({ error: '缺少预览标识，请重新预览后再应用' })
      .regex(/^[0-9a-f]{64}$/, { error: '预览标识无效，请重新预览后再应用' }),
    confirm: z.literal('on', { error: '请先勾选“我已核对上述预览”，再应用重新评分' }),
  })
  .superRefine(periodInOrder);
export type RegradeApplyInput = z.infer<typeof regradeApplySchema>;
