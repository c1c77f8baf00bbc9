import { z } from './zod';

/** A scenario id as the library makes them: a built-in's slug or a trainer's `custom-…`. */
const scenarioId = z
  .string({ error: '请选择作为起点的场景' })
  .trim()
  .min(1, { error: '请选择作为起点的场景', abort: true })
  .max(80, '场景编号无效')
  .regex(/^[a-z][a-z0-9-]*$/, '场景编号无效');

/** 新建场景 and 复制为新场景: the scenario the new draft starts from. */
export const newScenarioSchema = z.object({ from: scenarioId });
export type NewScenarioInput = z.infer<typeof newScenarioSchema>;

/** The manager's panel on a trainer's scenario, told apart by `intent`. */
export const scenarioActionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('publish') }),
    // 停用 takes a second step: the first POST (without `confirm`) asks, the second does it.
    z.object({ intent: z.literal('retire'), confirm: z.literal('yes').optional() }),
  ],
  { error: '未知的操作' },
);
export type ScenarioActionInput = z.infer<typeof scenarioActionSchema>;

/** Largest scenario file 导入 reads (a built-in's definition is about 10 KB). */
export const MAX_SCENARIO_FILE_BYTES = 256 * 1024;
