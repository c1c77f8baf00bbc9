import { z } from './zod';

const version = z.coerce.number({ error: '页面版本无效，请刷新后重试' }).int().min(0).max(100_000);

/**
 * The envelope of every sandbox form: what to do and on which version of the attempt. The step's own
 * fields are parsed by the scenario's step schema (scenarios/), not here.
 */
export const drillActionSchema = z.discriminatedUnion(
  '_intent',
  [
    z.object({ _intent: z.literal('step'), _step: z.string().min(1).max(64), _version: version }),
    z.object({ _intent: z.literal('hint'), _hint: z.string().min(1).max(64), _version: version }),
    z.object({ _intent: z.literal('handIn'), _version: version }),
  ],
  { error: '未知的操作，请刷新页面后重试' },
);

export const startDrillSchema = z.object({
  scenarioId: z.string({ error: '请选择练兵场景' }).min(1, '请选择练兵场景').max(64, '练兵场景无效'),
  mode: z.enum(['practice', 'assessment'], { error: '请选择练习或考核' }),
});
