/** The assignment follow-up as an XLSX workbook (per unit, per officer, about), on the readiness export's sheet helper. */
import ExcelJS from 'exceljs';
import { ASSIGNMENT_STATUS_LABELS, PHASE_LABELS } from '../../ui/assignment';
import { beijingTime } from '../../utils/format';
import { addSheet } from '../report-export.server';
import type { getFollowUpForExport } from './follow-up.server';

type FollowUpExport = NonNullable<Awaited<ReturnType<typeof getFollowUpForExport>>>;

/** The per-officer sheet's headers, in order (the e2e test reads them back). */
export const OFFICER_SHEET_HEADERS = ['单位', '姓名', '用户名', '状态', '最高得分', '练兵次数', '最近练兵', '截止时间'];

/** The follow-up the viewer may see as a workbook: 按单位, 按执法人员, 说明. */
export async function assignmentWorkbook(view: FollowUpExport, scopeName: string, now = new Date()) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '执法练兵平台';
  const { assignment: a } = view;
  addSheet(
    workbook,
    '按单位',
    [
      { header: '单位', width: 18 },
      { header: '上级单位', width: 14 },
      { header: '应参加', width: 8 },
      { header: '已完成', width: 8 },
      { header: '完成率(%)', width: 10 },
      { header: '合格', width: 8 },
      { header: '合格率(%)', width: 10 },
      { header: '逾期', width: 8 },
      { header: '平均得分', width: 10 },
    ],
    view.units.map((u) => [
      u.name,
      u.parent_name ?? '',
      u.covered,
      u.completed,
      u.completionRate,
      u.passed,
      u.passRate,
      u.overdue,
      u.avg_score,
    ]),
  );
  const widths = [18, 10, 14, 14, 10, 10, 18, 18];
  addSheet(
    workbook,
    '按执法人员',
    OFFICER_SHEET_HEADERS.map((header, i) => ({ header, width: widths[i]! })),
    view.allOfficers.map((o) => [
      o.unit_name,
      o.display_name,
      o.username,
      ASSIGNMENT_STATUS_LABELS[o.status],
      o.score,
      o.started,
      o.last_attempt_at ? beijingTime(o.last_attempt_at) : '',
      beijingTime(o.due_at),
    ]),
  );
  addSheet(
    workbook,
    '说明',
    [
      { header: '项目', width: 16 },
      { header: '内容', width: 70 },
    ],
    [
      ['任务', a.title],
      ['布置单位', a.ownerUnitName],
      ['场景', view.scenarios.map((s) => s.title).join('、')],
      ['开始时间', beijingTime(a.opensAt)],
      ['截止时间', beijingTime(a.dueAt)],
      ['状态', a.closedAt ? '已关闭' : PHASE_LABELS[a.phase]],
      ['合格分数线', a.passMark],
      ['统计范围', scopeName],
      ['应参加', view.totals.covered],
      ['已完成', view.totals.completed],
      ['合格', view.totals.passed],
      ['已逾期', view.totals.overdue],
      ['导出时间', beijingTime(now.toISOString())],
      ['说明', '最高得分为各场景最高分的平均；练兵次数含进行中的；截止时间含延期。'],
    ],
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
