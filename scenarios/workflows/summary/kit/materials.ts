/** The trainee's materials for a 当场处罚: the party, what is found on the spot and what the party says. */
import { LEGAL } from '../../../law/legal-constants';
import { SUMMARY_VIOLATIONS, yuan } from '../../../law/penalties';
import { PARTY_TYPE_LABELS } from '../machine';
import type { SummaryFixture } from './fixture';

/** Materials of a 当场处罚 scenario. */
export function summaryMaterials(f: SummaryFixture, taskLines: string[]) {
  const e = f.enterprise;
  const person = f.partyType === 'person';
  return [
    { title: '任务', lines: taskLines },
    {
      title: '当事人',
      lines: [
        person
          ? `${e.legalRepresentative}（${e.name}经营者，个体工商户统一社会信用代码 ${e.uscc}）`
          : `${e.name}（统一社会信用代码 ${e.uscc}）；法定代表人：${e.legalRepresentative}`,
        `地址：${e.operatingAddress}`,
        `当事人类别：${PARTY_TYPE_LABELS[f.partyType]}`,
        f.enterpriseSummary,
      ],
    },
    {
      title: '现场情况',
      lines: [
        `${f.date} ${f.time}，${f.authority.name}执法人员${f.officers
          .slice(0, 2)
          .map((o) => o.name)
          .join('、')}到达现场。`,
        f.facts,
        `涉及的条款：违反${SUMMARY_VIOLATIONS[f.violationId].duty}。`,
        `本机关裁量基准：${f.guideline}。`,
        `当场处罚限额：公民${yuan(LEGAL.summaryLimitPerson.value)}，法人或者其他组织${yuan(LEGAL.summaryLimitUnit.value)}（${LEGAL.summaryLimitUnit.source}）。`,
      ],
    },
    {
      title: '当事人的陈述、申辩',
      lines: [
        `执法人员告知后，当事人${person ? e.legalRepresentative : `负责人${e.legalRepresentative}`}表示："${f.statement.text}"`,
      ],
    },
  ];
}
