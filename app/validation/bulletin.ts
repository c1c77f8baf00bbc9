import { z } from './zod';

/** Why a submitted week is not a week (one message: the first thing wrong), or null. */
function weekProblem(value: string): string | null {
  if (value === '') return '请选择通报周次';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return '周次格式不正确：请从列表中选择一周（周一日期，年-月-日）';
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(value))
    return '周次不是有效日期：请从列表中选择一周';
  if (date.getUTCDay() !== 1) return '通报周次须从周一开始：请从列表中选择一周';
  return null;
}

/** The "生成通报" form: the week, named by its Monday (China time). Whether it has ended is the service's check. */
export const bulletinIssueSchema = z.object({
  week: z
    .string({ error: '请选择通报周次' })
    .trim()
    .superRefine((value, ctx) => {
      const message = weekProblem(value);
      if (message) ctx.addIssue({ code: 'custom', message, input: value });
    }),
});
export type BulletinIssueInput = z.infer<typeof bulletinIssueSchema>;

const level = z.enum(['green', 'amber', 'red']);

/** One ranking row: the readiness report's row for the week, with its rank and the change since the week before. */
export const bulletinRowSchema = z.object({
  rank: z.number(),
  unitId: z.number(),
  code: z.string(),
  name: z.string(),
  cityName: z.string().nullable(),
  officers: z.number(),
  drilled: z.number(),
  participationPct: z.number(),
  proficient: z.number(),
  proficientPct: z.number(),
  avgBestScore: z.number().nullable(),
  overdue: z.number(),
  level,
  bottomRanked: z.boolean(),
  real: z
    .object({
      enterprisesOnboarded: z.number(),
      inspections: z.number(),
      coverageInsufficient: z.boolean(),
      realParticipationPct: z.number(),
    })
    .nullable(),
  /** Null when the unit was not in the previous week's report. */
  change: z
    .object({
      rank: z.number(),
      drilled: z.number(),
      participationPct: z.number(),
      proficient: z.number(),
      proficientPct: z.number(),
    })
    .nullable(),
});
export type BulletinRow = z.infer<typeof bulletinRowSchema>;

const totalsSchema = z.object({
  units: z.number(),
  officers: z.number(),
  drilled: z.number(),
  participationPct: z.number(),
  proficient: z.number(),
  proficientPct: z.number(),
  green: z.number(),
  amber: z.number(),
  red: z.number(),
  withRealFigures: z.number(),
  coverageInsufficient: z.number(),
});

const namedUnitSchema = z.object({ unitId: z.number(), name: z.string(), reason: z.string() });

/** The content of an issued 通报 as stored (bulletins.content_json): every view renders from this alone. */
export const bulletinContentSchema = z.object({
  version: z.literal(1),
  title: z.string(),
  number: z.string(),
  issuer: z.string(),
  scope: z.object({ unitId: z.number(), code: z.string(), name: z.string(), level: z.string() }),
  period: z.object({ from: z.string(), to: z.string() }),
  previousPeriod: z.object({ from: z.string(), to: z.string() }),
  /** The instant at which mastery was judged (the end of the week). */
  asOf: z.string(),
  issuedAt: z.string(),
  scheduled: z.boolean(),
  /** The year of the imported real-system figures, or null when none were imported. */
  realYear: z.number().nullable(),
  thresholds: z.object({
    greenProficientPct: z.number(),
    redProficientPct: z.number(),
    redParticipationPct: z.number(),
    coverageMinInspections: z.number(),
  }),
  totals: totalsSchema,
  previousTotals: totalsSchema,
  paragraphs: z.array(z.string()),
  rows: z.array(bulletinRowSchema),
  praised: z.array(namedUnitSchema),
  criticised: z.array(namedUnitSchema),
  annex: z.array(
    z.object({
      unitId: z.number(),
      name: z.string(),
      officers: z.array(z.object({ name: z.string(), username: z.string(), missing: z.array(z.string()) })),
    }),
  ),
});
export type BulletinContent = z.infer<typeof bulletinContentSchema>;
