/** The trainee's materials: the inspection's and the case's own sections, and what the 复查 finds. */
import { inspectionMaterials, orderDeadline } from '../../inspection/kit';
import { caseMaterials } from '../../case/kit';
import { yuan } from '../../../law/penalties';
import type { RecheckCaseFixture } from './fixture';

export function recheckCaseMaterials(f: RecheckCaseFixture, taskLines: string[]) {
  const inspection = inspectionMaterials(f.inspection, taskLines).filter((s) =>
    ['任务', '被检查单位', '执法人员', '计划与检查日期', '现场情况'].includes(s.title),
  );
  // The case's facts and its course up to the decision's service (the chain ends there: no payment yet).
  const inCase = caseMaterials(f.case, [])
    .filter((s) => ['案件事实', '办案经过'].includes(s.title))
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
    {
      title: '直接责任人员',
      lines: f.persons.map(
        (p) =>
          `${p.role}${p.name}${f.refused ? `：经集体讨论，认定为直接负责的主管人员或其他直接责任人员，拟处罚款${yuan(p.amount)}` : ''}`,
      ),
    },
  ];
}
