/** The step forms of the 案件 workflow, with the checks they share. */
import {
  checkboxField,
  dateField,
  multiselectField,
  numberField,
  selectField,
  textareaField,
  textField,
  type FieldSpec,
} from '../../../lib/form';
import type { Step } from '../../../types';
import { defineStep } from '../../../kit/step';
import { appealTermFields, appealTermsOf } from '../../../kit/appeal-terms';
import {
  HEARING_CONCLUSION_LABELS,
  HEARING_CONCLUSIONS,
  SERVICE_METHOD_LABELS,
  SERVICE_METHODS,
  STATEMENT_REVIEW_LABELS,
  STATEMENT_REVIEWS,
  type CaseEvent,
  type HearingConclusion,
  type ServiceMethod,
  type StatementReview,
} from '../machine';
import { CASE_DOCUMENTS } from '../document-types';
import {
  articleOptions,
  CRIME_IDS,
  CRIMES,
  decisionAmountProblem,
  HARM_LABELS,
  MITIGATION_IDS,
  MITIGATIONS,
  mitigationCitation,
  NO_PENALTY_GROUND_IDS,
  NO_PENALTY_GROUNDS,
  PENALTY_ARTICLES,
  PENALTY_KIND_LABELS,
  PENALTY_KINDS,
  TIER_OPTIONS,
  TRANSFER_MATERIAL_IDS,
  TRANSFER_MATERIALS,
  violationOptions,
  type ArticleId,
  type CrimeId,
  type Harm,
  type MitigationId,
  type NoPenaltyGround,
  type PenaltyKind,
  type TierId,
  type TransferMaterial,
  type ViolationId,
} from '../../../law/penalties';
import { LEGAL } from '../../../law/legal-constants';
import type { CaseFixture } from './fixture';

const step = <F extends Record<string, FieldSpec<unknown>>>(def: Parameters<typeof defineStep<CaseEvent, F>>[0]) =>
  defineStep<CaseEvent, F>(def);

const amountField = (name: string, label: string) => numberField(name, label, { min: 1, max: 10_000_000, unit: '元' });

function penaltyRangeCheck(
  v: { articleId?: unknown; tierId?: unknown; amount?: unknown; kind?: unknown; mitigation?: unknown },
  issue: (path: string, message: string) => void,
) {
  // An article that is not one of the options already has its own field error; there is no range to check.
  if (
    typeof v.amount === 'number' &&
    typeof v.articleId === 'string' &&
    v.articleId in PENALTY_ARTICLES &&
    typeof v.tierId === 'string' &&
    (PENALTY_KINDS as readonly unknown[]).includes(v.kind) &&
    (v.mitigation === undefined || (MITIGATION_IDS as unknown[]).includes(v.mitigation))
  ) {
    const problem = decisionAmountProblem(
      v.articleId as ArticleId,
      v.tierId as TierId,
      v.kind as PenaltyKind,
      (v.mitigation as MitigationId | undefined) ?? null,
      v.amount,
      LEGAL.lighterShare.value,
    );
    if (problem) issue(v.kind !== 'penalty' && !v.mitigation ? 'mitigation' : 'amount', problem);
  }
  for (const i of [1, 2]) {
    const name = (v as Record<string, unknown>)[`person${i}Name`];
    const amount = (v as Record<string, unknown>)[`person${i}Amount`];
    if (name && amount === undefined) issue(`person${i}Amount`, '选择了受处罚人员的，须填写对其罚款的金额');
    if (!name && amount !== undefined) issue(`person${i}Name`, '填写了罚款金额的，须选择受处罚人员');
  }
}

/** The fields of the penalty's kind, 第三十二条 circumstance and the fines on responsible persons (双罚). */
function penaltyFields(f: CaseFixture) {
  const persons = personCandidates(f);
  const personOptions = persons.map((p) => ({ value: p.name, label: `${p.name}（${p.role}）` }));
  return {
    kind: selectField(
      'kind',
      '处罚裁量',
      PENALTY_KINDS.map((k) => ({ value: k, label: PENALTY_KIND_LABELS[k] })),
      { help: '从轻、减轻须有《行政处罚法》第三十二条规定的情形' },
    ),
    mitigation: selectField(
      'mitigation',
      '从轻、减轻的情形',
      MITIGATION_IDS.map((m) => ({ value: m, label: `${MITIGATIONS[m].label}（${mitigationCitation(m)}）` })),
      { required: false },
    ),
    person1Name: selectField('person1Name', '受处罚的直接责任人员（一）', personOptions, {
      required: false,
      help: '罚则规定对直接负责的主管人员和其他直接责任人员处罚款的（双罚）填写',
    }),
    person1Amount: numberField('person1Amount', '对其罚款金额（一）', {
      min: 1,
      max: 10_000_000,
      unit: '元',
      required: false,
    }),
    person2Name: selectField('person2Name', '受处罚的直接责任人员（二）', personOptions, { required: false }),
    person2Amount: numberField('person2Amount', '对其罚款金额（二）', {
      min: 1,
      max: 10_000_000,
      unit: '元',
      required: false,
    }),
  };
}

/** Who could be named as a responsible person: the enterprise's officers and those the facts name. */
function personCandidates(f: CaseFixture): { name: string; role: string }[] {
  const all = [
    { name: f.enterprise.legalRepresentative, role: '法定代表人' },
    { name: f.enterprise.principal, role: '主要负责人' },
    { name: f.enterprise.safetyManager, role: '安全管理人员' },
    ...f.responsible,
  ];
  return all.filter((p, i) => all.findIndex((x) => x.name === p.name) === i);
}

function personFinesOf(
  f: CaseFixture,
  v: { person1Name?: string; person1Amount?: number; person2Name?: string; person2Amount?: number },
) {
  const persons = personCandidates(f);
  return [
    [v.person1Name, v.person1Amount],
    [v.person2Name, v.person2Amount],
  ]
    .filter((x): x is [string, number] => typeof x[0] === 'string' && x[0] !== '' && typeof x[1] === 'number')
    .map(([name, amount]) => ({ name, role: persons.find((p) => p.name === name)?.role ?? '', amount }));
}

/** The forms of the case workflow. */
export function caseSteps(f: CaseFixture): Step[] {
  const officerOptions = f.officers.map((o) => ({ value: o.id, label: `${o.name}（执法证号${o.certificateNo}）` }));
  // Everyone who could sign: the officers handling the case and the authority's responsible person.
  const approverOptions = [
    ...f.officers.map((o) => ({ value: o.name, label: `${o.name}（执法人员）` })),
    { value: f.head, label: `${f.head}（${f.authority.name}负责人）` },
  ];
  return [
    step({
      id: 'file',
      module: '案件',
      title: `立案（${CASE_DOCUMENTS.caseFiling.name}）`,
      availableIn: ['filing'],
      eventType: 'officer.fileCase',
      fields: {
        filedOn: dateField('filedOn', '立案日期'),
        violationId: selectField('violationId', '涉嫌违法行为及违反的条款', violationOptions()),
        summary: textareaField('summary', '案情摘要', { maxLength: 2000 }),
        approvedBy: selectField('approvedBy', '审批负责人', approverOptions, { help: '立案报本机关负责人审批' }),
        approved: checkboxField('approved', '负责人已批准立案', { help: '《行政处罚法》第五十四条' }),
      },
      toEvent: (v, at) => ({
        type: 'officer.fileCase',
        at,
        filedOn: v.filedOn,
        violationId: v.violationId as ViolationId,
        summary: v.summary,
        approvedBy: v.approvedBy,
        approved: v.approved,
      }),
    }),
    step({
      id: 'evidence',
      module: '案件',
      title: '调查取证',
      availableIn: ['investigating'],
      eventType: 'officer.recordEvidence',
      repeatable: true,
      fields: {
        date: dateField('date', '取证日期'),
        kind: selectField('kind', '证据种类', [
          { value: 'inquiry', label: '询问笔录' },
          { value: 'inspection', label: '勘验（检查）笔录' },
          { value: 'documentary', label: '书证、照片' },
        ]),
        officerIds: multiselectField('officerIds', '执法人员', officerOptions, { required: true, help: '不少于两名' }),
      },
      toEvent: (v, at) => ({
        type: 'officer.recordEvidence',
        at,
        date: v.date,
        kind: v.kind as 'inquiry',
        officerIds: v.officerIds as string[],
      }),
    }),
    step({
      id: 'notice',
      module: '文书',
      title: `制作${CASE_DOCUMENTS.penaltyNotice.name}`,
      availableIn: ['investigating'],
      eventType: 'officer.issuePenaltyNotice',
      fields: {
        date: dateField('date', '送达日期'),
        articleId: selectField('articleId', '处罚依据', articleOptions()),
        tierId: selectField('tierId', '处罚档次', TIER_OPTIONS),
        amount: amountField('amount', '拟罚款金额'),
        ...penaltyFields(f),
        hearingRightStated: checkboxField('hearingRightStated', '告知当事人有要求听证的权利（同时制作听证告知书）'),
        statementDeadline: dateField('statementDeadline', '陈述申辩截止日期'),
        hearingDeadline: dateField('hearingDeadline', '听证申请截止日期', { required: false }),
      },
      refine: (v, issue) => {
        penaltyRangeCheck(v, issue);
        if (v.hearingRightStated && !v.hearingDeadline)
          issue('hearingDeadline', '告知听证权利的，须填写听证申请截止日期');
      },
      toEvent: (v, at) => ({
        type: 'officer.issuePenaltyNotice',
        at,
        date: v.date,
        articleId: v.articleId as ArticleId,
        tierId: v.tierId as TierId,
        amount: v.amount,
        kind: v.kind as PenaltyKind,
        mitigation: (v.mitigation as MitigationId | undefined) ?? null,
        personFines: personFinesOf(f, v),
        hearingRightStated: v.hearingRightStated,
        statementDeadline: v.statementDeadline,
        hearingDeadline: v.hearingRightStated ? (v.hearingDeadline ?? null) : null,
      }),
    }),
    step({
      id: 'statement',
      module: '案件',
      title: '登记陈述申辩',
      availableIn: ['notified', 'hearingRequested', 'hearingScheduled', 'heard', 'reviewed', 'discussed'],
      eventType: 'officer.registerStatement',
      optional: true,
      fields: {
        date: dateField('date', '陈述申辩日期'),
        summary: textareaField('summary', '陈述申辩要点', { maxLength: 2000 }),
      },
      toEvent: (v, at) => ({ type: 'officer.registerStatement', at, date: v.date, summary: v.summary }),
    }),
    step({
      id: 'hearingRequest',
      module: '案件',
      title: '登记听证申请',
      availableIn: ['notified'],
      eventType: 'officer.registerHearingRequest',
      optional: true,
      fields: { date: dateField('date', '听证申请日期') },
      toEvent: (v, at) => ({ type: 'officer.registerHearingRequest', at, date: v.date }),
    }),
    step({
      id: 'hearingSchedule',
      module: '文书',
      title: '送达听证会通知书',
      availableIn: ['hearingRequested'],
      eventType: 'officer.scheduleHearing',
      fields: {
        noticeDate: dateField('noticeDate', '通知日期'),
        hearingDate: dateField('hearingDate', '举行听证日期'),
        hearingTime: textField('hearingTime', '举行听证时间', {
          maxLength: 5,
          pattern: /^([01]\d|2[0-3]):[0-5]\d$/,
          patternMessage: '举行听证时间须为时:分，如09:30',
          help: '24小时制，如09:30',
        }),
        place: textField('place', '举行听证地点', { maxLength: 200 }),
      },
      toEvent: (v, at) => ({
        type: 'officer.scheduleHearing',
        at,
        noticeDate: v.noticeDate,
        hearingDate: v.hearingDate,
        hearingTime: v.hearingTime,
        place: v.place,
      }),
    }),
    step({
      id: 'hearingRecord',
      module: '案件',
      title: '举行听证（听证笔录）',
      availableIn: ['hearingScheduled'],
      eventType: 'officer.recordHearing',
      fields: {
        date: dateField('date', '听证日期'),
        partyArguments: textareaField('partyArguments', '当事人陈述、申辩和质证意见', { maxLength: 2000 }),
        conclusion: selectField(
          'conclusion',
          '听证意见',
          HEARING_CONCLUSIONS.map((c) => ({ value: c, label: HEARING_CONCLUSION_LABELS[c] })),
          { help: '听证结束后，根据听证笔录作出决定（《行政处罚法》第六十五条）' },
        ),
      },
      toEvent: (v, at) => ({
        type: 'officer.recordHearing',
        at,
        date: v.date,
        partyArguments: v.partyArguments,
        conclusion: v.conclusion as HearingConclusion,
      }),
    }),
    step({
      id: 'legalReview',
      module: '案件',
      title: `法制审核（${CASE_DOCUMENTS.legalReview.name}）`,
      availableIn: ['notified', 'heard'],
      eventType: 'officer.legalReview',
      optional: true,
      fields: {
        date: dateField('date', '审核日期'),
        reviewerId: selectField(
          'reviewerId',
          '法制审核人员',
          f.reviewers.map((r) => ({ value: r.id, label: `${r.name}（${r.unit}）` })),
          { help: '初次从事法制审核的人员须取得法律职业资格（《行政处罚法》第五十八条第二款）' },
        ),
        opinion: textareaField('opinion', '审核意见', { maxLength: 2000 }),
      },
      toEvent: (v, at) => ({
        type: 'officer.legalReview',
        at,
        date: v.date,
        reviewerId: v.reviewerId,
        opinion: v.opinion,
      }),
    }),
    step({
      id: 'discussion',
      module: '案件',
      title: `负责人集体讨论（${CASE_DOCUMENTS.collectiveDiscussion.name}）`,
      availableIn: ['reviewed'],
      eventType: 'officer.collectiveDiscussion',
      optional: true,
      fields: {
        date: dateField('date', '讨论日期'),
        participantIds: multiselectField(
          'participantIds',
          '参加讨论的负责人',
          f.leaders.map((l) => ({ value: l.id, label: l.name === f.head ? `${l.name}（主要负责人，主持）` : l.name })),
          { required: true },
        ),
        conclusion: textareaField('conclusion', '讨论决定', { maxLength: 2000 }),
      },
      toEvent: (v, at) => ({
        type: 'officer.collectiveDiscussion',
        at,
        date: v.date,
        participantIds: v.participantIds as string[],
        conclusion: v.conclusion,
      }),
    }),
    step({
      id: 'noPenalty',
      module: '文书',
      title: `制作${CASE_DOCUMENTS.noPenaltyDecision.name}`,
      availableIn: ['investigating'],
      eventType: 'officer.decideNoPenalty',
      optional: true,
      fields: {
        date: dateField('date', '决定日期'),
        minor: checkboxField('minor', '违法行为轻微'),
        firstOffence: checkboxField('firstOffence', '初次违法'),
        correctedInTime: checkboxField('correctedInTime', '已及时改正'),
        harm: selectField(
          'harm',
          '危害后果',
          (Object.keys(HARM_LABELS) as Harm[]).map((h) => ({ value: h, label: HARM_LABELS[h] })),
        ),
        ground: selectField(
          'ground',
          '不予处罚的依据',
          NO_PENALTY_GROUND_IDS.map((g) => ({
            value: g,
            label: `${NO_PENALTY_GROUNDS[g].citation}：${NO_PENALTY_GROUNDS[g].label}`,
          })),
        ),
        educated: checkboxField('educated', '已对当事人进行教育', { help: '《行政处罚法》第三十三条第三款' }),
        approvedBy: selectField('approvedBy', '决定负责人', approverOptions),
      },
      toEvent: (v, at) => ({
        type: 'officer.decideNoPenalty',
        at,
        date: v.date,
        ground: v.ground as NoPenaltyGround,
        minor: v.minor,
        firstOffence: v.firstOffence,
        correctedInTime: v.correctedInTime,
        harm: v.harm as Harm,
        educated: v.educated,
        approvedBy: v.approvedBy,
      }),
    }),
    step({
      id: 'transfer',
      module: '案件',
      title: `移送涉嫌犯罪案件（${CASE_DOCUMENTS.transferApproval.name}、${CASE_DOCUMENTS.transferLetter.name}）`,
      availableIn: ['investigating', 'notified', 'heard', 'reviewed', 'discussed'],
      eventType: 'officer.transferCase',
      optional: true,
      fields: {
        reportedOn: dateField('reportedOn', '移送报告日期'),
        approvedOn: dateField('approvedOn', '负责人批准日期', { help: '自接到报告之日起3日内作出决定' }),
        transferredOn: dateField('transferredOn', '移送日期', { help: '批准后24小时内移送' }),
        approvedBy: selectField('approvedBy', '审批负责人', approverOptions),
        crime: selectField(
          'crime',
          '涉嫌罪名',
          CRIME_IDS.map((c) => ({ value: c, label: `${CRIMES[c].name}（${CRIMES[c].citation}）` })),
        ),
        recipient: textField('recipient', '接受移送的公安机关', { maxLength: 200 }),
        materials: multiselectField(
          'materials',
          '随附材料',
          TRANSFER_MATERIAL_IDS.map((m) => ({ value: m, label: TRANSFER_MATERIALS[m] })),
          { required: false, help: '《行政执法机关移送涉嫌犯罪案件的规定》第六条' },
        ),
      },
      toEvent: (v, at) => ({
        type: 'officer.transferCase',
        at,
        reportedOn: v.reportedOn,
        approvedOn: v.approvedOn,
        transferredOn: v.transferredOn,
        approvedBy: v.approvedBy,
        crime: v.crime as CrimeId,
        recipient: v.recipient,
        materials: (v.materials as TransferMaterial[] | undefined) ?? [],
      }),
    }),
    step({
      id: 'decision',
      module: '文书',
      title: `制作${CASE_DOCUMENTS.penaltyDecision.name}`,
      availableIn: ['notified', 'heard', 'reviewed', 'discussed'],
      eventType: 'officer.issueDecision',
      fields: {
        date: dateField('date', '决定日期'),
        articleId: selectField('articleId', '处罚依据', articleOptions()),
        tierId: selectField('tierId', '处罚档次', TIER_OPTIONS),
        amount: amountField('amount', '罚款金额'),
        ...penaltyFields(f),
        correctionDeadline: dateField('correctionDeadline', '责令改正期限', {
          help: '责令当事人于该日前改正违法行为（《行政处罚法》第二十八条）',
        }),
        statementReview: selectField(
          'statementReview',
          '陈述申辩复核意见',
          STATEMENT_REVIEWS.map((r) => ({ value: r, label: STATEMENT_REVIEW_LABELS[r] })),
          { required: false, help: '当事人提出陈述、申辩的必填（《行政处罚法》第四十五条）' },
        ),
        reviewReason: textareaField('reviewReason', '复核理由', { required: false, maxLength: 2000 }),
        ...appealTermFields(),
      },
      refine: (v, issue) => {
        penaltyRangeCheck(v, issue);
        if (v.statementReview && !v.reviewReason) issue('reviewReason', '填写复核意见的，须写明复核理由');
        if (v.correctionDeadline && v.date && v.correctionDeadline < v.date)
          issue('correctionDeadline', '责令改正期限不能早于决定日期');
      },
      toEvent: (v, at) => ({
        type: 'officer.issueDecision',
        at,
        date: v.date,
        articleId: v.articleId as ArticleId,
        tierId: v.tierId as TierId,
        amount: v.amount,
        kind: v.kind as PenaltyKind,
        mitigation: (v.mitigation as MitigationId | undefined) ?? null,
        personFines: personFinesOf(f, v),
        correctionDeadline: v.correctionDeadline,
        statementReview: (v.statementReview as StatementReview | undefined) ?? null,
        reviewReason: v.reviewReason ?? '',
        ...appealTermsOf(v),
      }),
    }),
    step({
      id: 'serve',
      module: '文书',
      title: '送达决定书',
      availableIn: ['decided'],
      eventType: 'officer.serveDecision',
      fields: {
        date: dateField('date', '送达日期'),
        method: selectField(
          'method',
          '送达方式',
          SERVICE_METHODS.map((m) => ({ value: m, label: SERVICE_METHOD_LABELS[m] })),
        ),
        recipient: textField('recipient', '受送达人（签收人）', { maxLength: 40 }),
      },
      toEvent: (v, at) => ({
        type: 'officer.serveDecision',
        at,
        date: v.date,
        method: v.method as ServiceMethod,
        recipient: v.recipient,
      }),
    }),
    step({
      id: 'payment',
      module: '案件',
      title: '登记罚款缴纳',
      availableIn: ['served'],
      eventType: 'officer.recordPayment',
      fields: {
        date: dateField('date', '缴款日期', { help: '当事人按决定书数额缴纳罚款的日期' }),
        surcharge: numberField('surcharge', '加处罚款', {
          min: 0,
          max: 10_000_000,
          unit: '元',
          help: '逾期缴纳的，每日按罚款数额的百分之三加处罚款，不超过罚款数额',
        }),
      },
      toEvent: (v, at) => ({ type: 'officer.recordPayment', at, date: v.date, surcharge: v.surcharge }),
    }),
    step({
      id: 'close',
      module: '案件',
      title: `结案（${CASE_DOCUMENTS.caseClosing.name}）`,
      availableIn: ['executed', 'served'],
      eventType: 'officer.closeCase',
      fields: {
        date: dateField('date', '结案日期'),
        approvedBy: selectField('approvedBy', '审批负责人', approverOptions, { help: '结案报本机关负责人审批' }),
      },
      toEvent: (v, at) => ({ type: 'officer.closeCase', at, date: v.date, approvedBy: v.approvedBy }),
    }),
  ];
}
