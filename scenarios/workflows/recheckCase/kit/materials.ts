/** The trainee's materials: the inspection's and the case's own sections, and what the 复查 finds. */
import { inspectionMaterials, orderDeadline } from '../../inspection/kit';
import { caseMaterials } from '../../case/kit';
import type { RecheckCaseFixture } from './fixture';

export function recheckCaseMaterials(f: RecheckCaseFixture, taskLines: string[]) {
  const inspection = inspectionMaterials(f.inspection, taskLines).filter((s) =>
    ['任务', '被检查单位', '执法人员', '计划与检查日期', '现场情况'].includes(s.title),
  );
  // The case's facts (with the responsible persons and, when the unit refuses, their proposed fines), the
  // 法制审核 staff and the leadership, and its course up to the decision's service (no payment yet).
  const inCase = caseMaterials(f.case, [])
    .filter((s) => ['案件事实', '法制审核人员和本机关负责人', '办案经过'].includes(s.title))
    .map((s) => ({ ...s, lines: s.lines.filter((l) => !l.includes('缴纳罚款')) }));
  const deadline = orderDeadline(f.inspection);
  return [
    ...inspection,
    {
      title: '整改指令与复查',
      lines: [
        `${f.inspection.inspectionOn}检查后，执法人员当场开具责令限期整改指令书，责令于${deadline}前整改完毕。`,
        `整改期满后复查时的现场情况：${f.inspection.items
          .filter((i) => f.inspection.recheck.observations[i.id])
          .map((i) => `${i.area}——${f.inspection.recheck.observations[i.id]}`)
          .join('；')}`,
        f.recheckNote,
      ],
    },
    ...inCase,
  ];
}
