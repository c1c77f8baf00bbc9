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
  fineRangeProblem,
  PENALTY_ARTICLES,
  TIER_OPTIONS,
  violationOptions,
  type ArticleId,
  type TierId,
  type ViolationId,
} from '../../../law/penalties';
import type { CaseFixture } from './fixture';

const step = <F extends Record<string, FieldSpec<unknown>>>(def: Parameters<typeof defineStep<CaseEvent, F>>[0]) =>
  defineStep<CaseEvent, F>(def);

const amountField = (name: string, label: string) => numberField(name, label, { min: 1, max: 10_000_000, unit: '元' });

function penaltyRangeCheck(
  v: { articleId?: unknown; tierId?: unknown; amount?: unknown },
  issue: (path: string, message: string) => void,
) {
  // An article that is not one of the options already has its own field error; there is no range to check.
  if (
    typeof v.amount === 'number' &&
    typeof v.articleId === 'string' &&
    v.articleId in PENALTY_ARTICLES &&
    typeof v.tierId === 'string'
  ) {
    const problem = fineRangeProblem(v.articleId as ArticleId, v.tierId as TierId, v.amount);
    if (problem) issue('amount', problem);
  }
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
        hearingRightStated: v.hearingRightStated,
        statementDeadline: v.statementDeadline,
        hearingDeadline: v.hearingRightStated ? (v.hearingDeadline ?? null) : null,
      }),
    }),
    step({
      id: 'statement',
      module: '案件',
      title: '登记陈述申辩',
      availableIn: ['notified', 'hearingRequested', 'hearingScheduled', 'heard'],
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
      id: 'decision',
      module: '文书',
      title: `制作${CASE_DOCUMENTS.penaltyDecision.name}`,
      availableIn: ['notified', 'heard'],
      eventType: 'officer.issueDecision',
      fields: {
        date: dateField('date', '决定日期'),
        articleId: selectField('articleId', '处罚依据', articleOptions()),
        tierId: selectField('tierId', '处罚档次', TIER_OPTIONS),
        amount: amountField('amount', '罚款金额'),
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
        paymentDays: numberField('paymentDays', '缴款期限（收到决定书之日起，日）', { min: 1, max: 365 }),
        reconsiderationDays: numberField('reconsiderationDays', '申请行政复议期限（日）', { min: 1, max: 365 }),
        litigationMonths: numberField('litigationMonths', '提起行政诉讼期限（月）', { min: 1, max: 60 }),
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
        correctionDeadline: v.correctionDeadline,
        statementReview: (v.statementReview as StatementReview | undefined) ?? null,
        reviewReason: v.reviewReason ?? '',
        paymentDays: v.paymentDays,
        reconsiderationDays: v.reconsiderationDays,
        litigationMonths: v.litigationMonths,
      }),
    }),
    step({
      id: 'serve',
      module: '文书',
      title: '送达行政处罚决定书',
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
      availableIn: ['executed'],
      eventType: 'officer.closeCase',
      fields: {
        date: dateField('date', '结案日期'),
        approvedBy: selectField('approvedBy', '审批负责人', approverOptions, { help: '结案报本机关负责人审批' }),
      },
      toEvent: (v, at) => ({ type: 'officer.closeCase', at, date: v.date, approvedBy: v.approvedBy }),
    }),
  ];
}
