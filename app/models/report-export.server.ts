import ExcelJS from 'exceljs';
import { SKILL_LABELS } from '../../scenarios/types';
import { GROUP_LABELS, LEVEL_LABELS } from '../ui/readiness-table';
import { csvLine, neutralizeCell } from '../utils/export-cells';
import { COVERAGE_MIN_INSPECTIONS, MASTERY_WINDOW_DAYS } from '../utils/readiness-rules';
import type { ReadinessRow } from './readiness.server';
import type { RosterRow } from './roster.server';

/** The readiness table's columns with their Chinese headers, shared by the XLSX and CSV exports. */
const COLUMNS: { header: string; width: number; value: (r: ReadinessRow) => string | number | null }[] = [
  { header: '市', width: 12, value: (r) => r.city?.name ?? '' },
  { header: '单位', width: 18, value: (r) => r.name },
  { header: '单位代码', width: 12, value: (r) => r.code },
  { header: '在册执法人员', width: 12, value: (r) => r.officers },
  { header: '参训人数', width: 10, value: (r) => r.drilled },
  { header: '参训率(%)', width: 10, value: (r) => r.participationPct },
  { header: '熟练掌握人数', width: 12, value: (r) => r.proficient },
  { header: '熟练掌握率(%)', width: 12, value: (r) => r.proficientPct },
  ...(Object.keys(SKILL_LABELS) as (keyof typeof SKILL_LABELS)[]).map((skill) => ({
    header: `${SKILL_LABELS[skill]}掌握率(%)`,
    width: 14,
    value: (r: ReadinessRow) => r.masteryPct[skill],
  })),
  { header: '平均最高分', width: 10, value: (r) => r.avgBestScore },
  { header: '逾期任务(人次)', width: 12, value: (r) => r.overdue },
  { header: '达标等级', width: 10, value: (r) => LEVEL_LABELS[r.level] },
  { header: '排名靠后', width: 10, value: (r) => (r.bottomRanked ? '是' : '') },
  { header: '系统执法人员数', width: 14, value: (r) => r.real?.officersOnRecord ?? null },
  { header: '系统检查次数(全年)', width: 16, value: (r) => r.real?.inspections ?? null },
  {
    header: '覆盖情况',
    width: 10,
    value: (r) => (r.real ? (r.real.coverageInsufficient ? '覆盖不足' : '覆盖达标') : '未导入'),
  },
  { header: '系统参与执法人员数', width: 16, value: (r) => r.real?.participatingOfficers ?? null },
  { header: '系统参与率(%)', width: 12, value: (r) => r.real?.realParticipationPct ?? null },
  { header: '企业入库数', width: 10, value: (r) => r.real?.enterprisesOnboarded ?? null },
  { header: '分组', width: 18, value: (r) => (r.group ? GROUP_LABELS[r.group] : '') },
];

interface ExportableReport {
  period: { from: string; to: string };
  year: number | null;
  rows: ReadinessRow[];
  priority: ReadinessRow[];
}

export function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: { header: string; width: number }[],
  rows: (string | number | null)[][],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((h) => ({ header: h.header, width: h.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(neutralizeCell));
  return sheet;
}

const SKILL_KEYS = Object.keys(SKILL_LABELS) as (keyof typeof SKILL_LABELS)[];

/** The roster sheet's columns: one row per officer on record. */
const ROSTER_COLUMNS: { header: string; width: number; value: (r: RosterRow) => string | number }[] = [
  { header: '单位', width: 18, value: (r) => r.unitName },
  { header: '单位代码', width: 12, value: (r) => r.unitCode },
  { header: '姓名', width: 10, value: (r) => r.name },
  { header: '用户名', width: 14, value: (r) => r.username },
  { header: '账号', width: 10, value: (r) => (r.canLogIn ? '可登录' : '未开通登录') },
  ...SKILL_KEYS.map((skill) => ({
    header: SKILL_LABELS[skill],
    width: 10,
    value: (r: RosterRow) => (r.mastered[skill] ? '已掌握' : '未掌握'),
  })),
  { header: '熟练掌握', width: 10, value: (r) => (r.proficient ? '是' : '否') },
  { header: '最近练兵', width: 12, value: (r) => r.lastDrill ?? '未参训' },
  { header: '逾期任务', width: 10, value: (r) => r.overdue },
];

/** The report as an XLSX workbook with Chinese headers, one sheet per view, and the officers' roster. */
export async function readinessWorkbook(
  report: ExportableReport,
  scopeName: string,
  roster: readonly RosterRow[] = [],
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '执法练兵平台';
  addSheet(
    workbook,
    '达标情况',
    COLUMNS,
    report.rows.map((r) => COLUMNS.map((c) => c.value(r))),
  );
  addSheet(
    workbook,
    '培训优先顺序',
    [
      { header: '顺序', width: 6 },
      { header: '单位', width: 18 },
      { header: '覆盖情况', width: 10 },
      { header: '熟练掌握率(%)', width: 12 },
      { header: '参训率(%)', width: 10 },
    ],
    report.priority.map((r, i) => [
      i + 1,
      r.name,
      r.real ? (r.real.coverageInsufficient ? '覆盖不足' : '覆盖达标') : '未导入',
      r.proficientPct,
      r.participationPct,
    ]),
  );
  addSheet(
    workbook,
    '分组',
    [
      { header: '分组', width: 20 },
      { header: '单位数', width: 8 },
      { header: '单位', width: 60 },
    ],
    (Object.keys(GROUP_LABELS) as (keyof typeof GROUP_LABELS)[]).map((g) => {
      const units = report.rows.filter((r) => r.group === g).map((r) => r.name);
      return [GROUP_LABELS[g], units.length, units.join('、')];
    }),
  );
  addSheet(
    workbook,
    '人员名单',
    ROSTER_COLUMNS,
    roster.map((r) => ROSTER_COLUMNS.map((c) => c.value(r))),
  );
  addSheet(
    workbook,
    '说明',
    [
      { header: '项目', width: 16 },
      { header: '内容', width: 80 },
    ],
    [
      ['范围', scopeName],
      ['统计周期', `${report.period.from} 至 ${report.period.to}`],
      ['系统统计年度', report.year ?? '未导入'],
      [
        '定义',
        `见 docs/readiness.md：熟练掌握＝四项技能均在${MASTERY_WINDOW_DAYS}天内以两套不同案例通过考核；覆盖不足＝全年系统执法检查不足${COVERAGE_MIN_INSPECTIONS}次`,
      ],
      ['人员名单', '在册执法人员（含未开通登录、未参训者），技能掌握以统计周期末为准，逾期任务为当前逾期的练兵任务数'],
    ],
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The readiness table as CSV (UTF-8 with a BOM so that Excel reads the Chinese). */
export function readinessCsv(report: ExportableReport): string {
  const lines = [csvLine(COLUMNS.map((c) => c.header))];
  for (const row of report.rows) lines.push(csvLine(COLUMNS.map((c) => c.value(row))));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
