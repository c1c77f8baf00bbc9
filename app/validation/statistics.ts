import { plainText, z } from './zod';

/**
 * The columns of the real system's per-unit statistics export (在线执法统计口径), with the header names
 * exactly as published (shared/data/qinhuangdao-online-enforcement-2023.tsv).
 */
export const STATISTICS_COLUMNS = [
  { key: 'unitName', header: '地区' },
  { key: 'officersOnRecord', header: '执法人员数' },
  { key: 'enterprisesOnboarded', header: '企业入库数' },
  { key: 'inspections', header: '检查次数 全年' },
  { key: 'hazards', header: '查处隐患数 全年' },
  { key: 'majorHazards', header: '查处重大隐患数 全年' },
  { key: 'cases', header: '立案次数 全年' },
  { key: 'penaltiesWan', header: '行政处罚金额 全年(万元)' },
  { key: 'documents', header: '开具文书数 全年' },
  { key: 'participatingOfficers', header: '参与执法人员数 全年' },
] as const;

export type StatisticsKey = (typeof STATISTICS_COLUMNS)[number]['key'];

/** Header text as it may come out of Excel: full-width brackets, stray or doubled spaces. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\s+/g, ' ')
    .replace(/ ?\( ?/g, '(')
    .replace(/ ?\) ?/g, ')')
    .trim();
}

const count = (label: string) =>
  z.coerce
    .number({ error: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(0, `${label}不能为负数`)
    .max(10_000_000, `${label}数值过大`);

/** One row of the export, parsed from its cells (strings). */
export const statisticsRowSchema = z
  .object({
    unitName: z.string().trim().min(1, '地区不能为空').max(64, '地区不能超过 64 个字符').superRefine(plainText('地区')),
    officersOnRecord: count('执法人员数'),
    enterprisesOnboarded: count('企业入库数'),
    inspections: count('检查次数'),
    hazards: count('查处隐患数'),
    majorHazards: count('查处重大隐患数'),
    cases: count('立案次数'),
    penaltiesWan: z.coerce
      .number({ error: '行政处罚金额须为数字' })
      .min(0, '行政处罚金额不能为负数')
      .max(1_000_000, '行政处罚金额数值过大'),
    documents: count('开具文书数'),
    participatingOfficers: count('参与执法人员数'),
  })
  // Figures the real system cannot produce: a typo or a shifted column, never a real count.
  .superRefine((row, ctx) => {
    if (row.participatingOfficers > row.officersOnRecord) {
      ctx.addIssue({
        code: 'custom',
        path: ['participatingOfficers'],
        message: `“参与执法人员数 全年”（${row.participatingOfficers}）不能大于“执法人员数”（${row.officersOnRecord}）`,
      });
    }
    if (row.majorHazards > row.hazards) {
      ctx.addIssue({
        code: 'custom',
        path: ['majorHazards'],
        message: `“查处重大隐患数 全年”（${row.majorHazards}）不能大于“查处隐患数 全年”（${row.hazards}）`,
      });
    }
  });
export type StatisticsRow = z.infer<typeof statisticsRowSchema>;

/** The year in China (UTC+8), where the statistics are kept, whatever the server's time zone. */
export function chinaYear(now = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** Largest export we accept (the national table has a few thousand rows). */
export const MAX_STATISTICS_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Data rows one import may hold. A province has a few hundred county-level units and the whole
 * country about 3,500 (2,800-odd county divisions plus 市本级 and 开发区), so 5,000 takes the national
 * table with room to spare; anything longer is not a per-unit table (a 100,000-row file froze the
 * server: docs/security.md).
 */
export const MAX_STATISTICS_ROWS = 5_000;

/** The upload form (the file itself is checked by the parser: type, size, headers, rows). */
export const statisticsUploadSchema = z.object({
  periodYear: z.coerce
    .number({ error: '请填写统计年度' })
    .int('统计年度须为整数')
    .min(2018, '统计年度不能早于 2018 年')
    // The current year is allowed: the system exports the year to date.
    .refine((year) => year <= chinaYear(), { error: () => `统计年度不能晚于今年（${chinaYear()} 年）` }),
});

/** The value of a row's select that leaves the row out of the import (a 合计 or city total row). */
export const SKIP_ROW = 'skip';

/**
 * The mapping form: `intent` (commit, discard, save this page's choices and go to page `goto`, or
 * skip every row still undecided), the figures the manager confirmed replacing (`replaces`, from the
 * preview), and for each row of the page not matched by name (`row-{index}`) a unit code or `SKIP_ROW`.
 */
export const statisticsMappingSchema = z
  .object({
    // Absent when a page button (`goto`) was pressed.
    intent: z.enum(['commit', 'discard', 'save', 'skipUndecided'], { error: '未知的操作' }).optional(),
    goto: z.coerce.number().int().min(1).max(1_000_000).optional(),
    replaces: z.string().max(2000, '确认信息无效，请重新核对').optional(),
  })
  .catchall(z.string().trim().max(32, '单位代码无效'));
