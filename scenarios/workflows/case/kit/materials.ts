/** The trainee's materials for a case: the enterprise, the facts and what the party does. */
import { STATEMENT_REVIEW_LABELS } from '../machine';
import { LEGAL } from '../../../law/legal-constants';
import { VIOLATIONS, yuan } from '../../../law/penalties';
import { addLegalDays } from '../../../law/working-days';
import { caseTimeline } from './answer';
import type { CaseFixture } from './fixture';

/** Materials of a case: the enterprise, the facts and what the party does. */
export function caseMaterials(f: CaseFixture, taskLines: string[]) {
  const t = caseTimeline(f);
  const due = addLegalDays(t.servedOn, LEGAL.paymentPeriod.value);
  return [
    { title: '任务', lines: taskLines },
    {
      title: '当事人',
      lines: [
        `${f.enterprise.name}（统一社会信用代码 ${f.enterprise.uscc}）`,
        `地址：${f.enterprise.operatingAddress}；法定代表人：${f.enterprise.legalRepresentative}`,
        f.enterpriseSummary,
      ],
    },
    {
      title: '案件事实',
      lines: [
        f.facts,
        `违反的条款：${VIOLATIONS[f.violationId].duty}。`,
        `经案件审核和集体讨论，拟处罚款${yuan(f.amount)}；决定时责令当事人自决定之日起${f.correctionDays}日内改正。`,
        `${f.authority.name}负责人：${f.head}`,
      ],
    },
    {
      title: '执法人员',
      lines: f.officers.map((o) => `${o.name}，执法证号${o.certificateNo}，有效期至${o.certificateValidUntil}`),
    },
    {
      title: '办案经过',
      lines: [
        `立案日期：${f.filedOn}；告知书送达日期：${t.noticeOn}`,
        f.statement && t.statementOn
          ? `${t.statementOn}，当事人提出陈述申辩：${f.statement.text}经复核：${STATEMENT_REVIEW_LABELS[f.statement.review]}（${f.statement.reviewReason}）`
          : '当事人未提出陈述申辩。',
        t.hearingRequestOn
          ? `${t.hearingRequestOn}，当事人书面要求举行听证；听证拟于${t.hearingOn} ${f.hearing.time}在${f.hearing.place}举行，当事人将提出：${f.hearing.arguments}听证意见为维持拟作出的处罚。`
          : '当事人未要求听证。',
        `经集体讨论，决定于${t.decisionOn}作出行政处罚决定，并于决定后${f.serviceDelay}个工作日直接送达，由法定代表人${f.enterprise.legalRepresentative}签收。`,
        `当事人于收到决定书后第${f.payDelay}日缴纳罚款${t.paidOn > due ? '（已超过缴款期限）' : ''}。`,
      ],
    },
  ];
}
