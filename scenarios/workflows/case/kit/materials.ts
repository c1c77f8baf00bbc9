/** The trainee's materials for a case: the enterprise, the facts and what the party does. */
import { STATEMENT_REVIEW_LABELS } from '../machine';
import { LEGAL } from '../../../law/legal-constants';
import { HARM_LABELS, MITIGATIONS, VIOLATIONS, yuan } from '../../../law/penalties';
import { addLegalDays } from '../../../law/working-days';
import { officerLine, partyMaterial } from '../../../kit/people';
import { caseTimeline, expectedOutcome, modelPersonFines, otherOutcomeTimeline } from './answer';
import type { CaseFixture } from './fixture';

/** Materials of a case: the enterprise, the facts and what the party does. */
export function caseMaterials(f: CaseFixture, taskLines: string[]) {
  const t = caseTimeline(f);
  const due = addLegalDays(t.servedOn, LEGAL.paymentPeriod.value);
  const outcome = expectedOutcome(f);
  const persons = modelPersonFines(f, f.articleId, f.tierId);
  const staff = {
    title: '法制审核人员和本机关负责人',
    lines: [
      ...f.reviewers.map(
        (r) =>
          `${r.name}，${r.unit}，${r.qualified ? '已通过国家统一法律职业资格考试取得法律职业资格' : '初次从事法制审核，尚未取得法律职业资格'}`,
      ),
      `本机关负责人：${f.leaders.map((l) => (l.name === f.head ? `${l.name}（主要负责人）` : l.name)).join('、')}`,
    ],
  };
  const party = partyMaterial(f.enterprise, f.enterpriseSummary);
  const responsible = `直接负责的主管人员和其他直接责任人员：${f.responsible.map((p) => `${p.name}（${p.role}）`).join('、')}。`;
  if (outcome !== 'penalty') {
    const o = otherOutcomeTimeline(f);
    return [
      { title: '任务', lines: taskLines },
      party,
      {
        title: '案件事实',
        lines: [
          f.facts,
          `违反的条款：${VIOLATIONS[f.violationId].duty}。`,
          ...(f.crimeAssessment ? [f.crimeAssessment] : []),
          `调查查明：违法行为${f.findings.minor ? '轻微' : '并非轻微'}；${f.findings.firstOffence ? '当事人系初次违法' : '当事人曾因同类违法行为受到处罚'}；${f.findings.correctedInTime ? '已及时改正' : '未及时改正'}；${HARM_LABELS[f.findings.harm]}。`,
          responsible,
          `${f.authority.name}负责人：${f.head}`,
        ],
      },
      {
        title: '执法人员',
        lines: f.officers.map(officerLine),
      },
      staff,
      {
        title: '办案经过',
        lines:
          outcome === 'transfer'
            ? [
                `立案日期：${f.filedOn}；${o.inquiryOn}完成询问笔录。`,
                `${o.reportedOn}，专案组提出移送的书面报告；负责人于${o.approvedOn}批准，当日移送${f.transferRecipient}。`,
              ]
            : [
                `立案日期：${f.filedOn}；${o.inquiryOn}完成询问笔录，调查终结。`,
                `${f.authority.name}负责人拟于${o.decisionOn}作出决定，决定后${f.serviceDelay}个工作日直接送达，由法定代表人${f.enterprise.legalRepresentative}签收，其后报批结案。`,
              ],
      },
    ];
  }
  return [
    { title: '任务', lines: taskLines },
    party,
    {
      title: '案件事实',
      lines: [
        f.facts,
        `违反的条款：${VIOLATIONS[f.violationId].duty}。`,
        `经案件审核，拟处罚款${yuan(f.amount)}；决定时责令当事人自决定之日起${f.correctionDays}日内改正。`,
        ...(f.crimeAssessment ? [f.crimeAssessment] : []),
        ...(f.mitigation ? [`调查查明：当事人${MITIGATIONS[f.mitigation].label}。`] : []),
        responsible,
        ...(persons.length
          ? [`经案件审核，拟对${persons.map((p) => p.name).join('、')}各处罚款${yuan(persons[0]!.amount)}。`]
          : []),
        `${f.authority.name}负责人：${f.head}`,
      ],
    },
    {
      title: '执法人员',
      lines: f.officers.map(officerLine),
    },
    staff,
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
        `告知、听取意见${t.hearingOn ? '和听证' : ''}后，拟于${t.decisionOn}作出行政处罚决定，并于决定后${f.serviceDelay}个工作日直接送达，由法定代表人${f.enterprise.legalRepresentative}签收。`,
        `当事人于收到决定书后第${f.payDelay}日缴纳罚款${t.paidOn > due ? '（已超过缴款期限）' : ''}。`,
      ],
    },
  ];
}
