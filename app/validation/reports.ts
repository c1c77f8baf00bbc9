import { z } from './zod';

export const READINESS_SORT_KEYS = [
  'unit',
  'officers',
  'participation',
  'proficient',
  'onboarding',
  'inspection',
  'documents',
  'case',
  'avgBest',
  'inspections',
  'realParticipation',
] as const;
export type ReadinessSortKey = (typeof READINESS_SORT_KEYS)[number];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v));

/** The report's query string (a GET form, so it works without JavaScript and can be bookmarked). */
export const reportQuerySchema = z.object({
  period: z.enum(['week', 'month', 'year', 'custom']).catch('month'),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  year: z.coerce.number().int().min(2018).max(2100).optional().catch(undefined),
  sort: z.enum(READINESS_SORT_KEYS).catch('unit'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;
