/** The step forms of a 当场处罚, with the checks they share. */
import {
  checkboxField,
  dateField,
  multiselectField,
  numberField,
  selectField,
  textareaField,
  textField,
} from '../../../lib/form';
import type { FieldSpec } from '../../../lib/form';
import type { Step } from '../../../types';
import { defineStep } from '../../../kit/step';
import { appealTermFields, appealTermsOf } from '../../../kit/appeal-terms';
import { summaryViolationOptions, type SummaryViolationId } from '../../../law/penalties';
import { SUMMARY_DOCUMENTS } from '../document-types';
import {
  ON_SPOT_GROUND_LABELS,
  ON_SPOT_GROUNDS,
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  PENALTY_TYPE_LABELS,
  PENALTY_TYPES,
  REFERRAL_REASON_LABELS,
  REFERRAL_REASONS,
  SIGNATURE_LABELS,
  SIGNATURES,
  type OnSpotGround,
  type PaymentMethod,
  type PenaltyType,
  type ReferralReason,
  type Signature,
  type SummaryEvent,
} from '../machine';
import type { SummaryFixture } from './fixture';

const step = <F extends Record<string, FieldSpec<unknown>>>(def: Parameters<typeof defineStep<SummaryEvent, F>>[0]) =>
  defineStep<SummaryEvent, F>(def);

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

const penaltyFields = (amountLabel: string) => ({
  violationId: selectField('violationId', '违法行为及违反的条款', summaryViolationOptions()),
  penaltyType: selectField('penaltyType', '处罚种类', options(PENALTY_TYPES, PENALTY_TYPE_LABELS)),
  amount: numberField('amount', amountLabel, {
    min: 0,
    max: 10_000_000,
    unit: '元',
    help: '处罚种类为罚款时填写；警告填0',
  }),
});

/** The forms of the 当场处罚 workflow. */
export function summarySteps(f: SummaryFixture): Step[] {
  const officerOptions = f.officers.map((o) => ({ value: o.id, label: `${o.name}（执法证号${o.certificateNo}）` }));
  return [
    step({
      id: 'onSite',
      module: '执法检查',
      title: `现场检查（${SUMMARY_DOCUMENTS.summaryOnSiteNote.name}）`,
      availableIn: ['arriving'],
      eventType: 'officer.recordOnSite',
      fields: {
        date: dateField('date', '检查日期'),
        time: textField('time', '检查时间', {
          maxLength: 5,
          pattern: /^([01]\d|2[0-3]):[0-5]\d$/,
          patternMessage: '检查时间须为时:分，如09:30',
          help: '24小时制，如09:30',
        }),
        place: textField('place', '检查地点', { maxLength: 200 }),
        officerIds: multiselectField('officerIds', '执法人员', officerOptions, {
          required: true,
          help: '不少于两名，执法证在有效期内',
        }),
        credentialsShown: checkboxField('credentialsShown', '执法人员已向当事人出示执法证件、表明身份', {
          help: '《行政处罚法》第五十二条、第五十五条',
        }),
        facts: textareaField('facts', '现场发现的违法事实', { maxLength: 2000 }),
      },
      toEvent: (v, at) => ({
        type: 'officer.recordOnSite',
        at,
        date: v.date,
        time: v.time,
        place: v.place,
        officerIds: v.officerIds as string[],
        credentialsShown: v.credentialsShown,
        facts: v.facts,
      }),
    }),
    step({
      id: 'credentials',
      module: '执法检查',
      title: '出示执法证件（补正）',
      availableIn: ['found', 'notified', 'heard'],
      eventType: 'officer.showCredentials',
      optional: true,
      fields: { date: dateField('date', '出示日期') },
      toEvent: (v, at) => ({ type: 'officer.showCredentials', at, date: v.date }),
    }),
    step({
      id: 'notify',
      module: '案件',
      title: '告知拟作出的行政处罚',
      availableIn: ['found'],
      eventType: 'officer.notify',
      fields: {
        date: dateField('date', '告知日期'),
        ...penaltyFields('拟罚款金额'),
        factsStated: checkboxField('factsStated', '已告知违法事实、理由和依据'),
        rightsStated: checkboxField('rightsStated', '已告知当事人依法享有陈述、申辩的权利', {
          help: '《行政处罚法》第四十四条',
        }),
      },
      toEvent: (v, at) => ({
        type: 'officer.notify',
        at,
        date: v.date,
        violationId: v.violationId as SummaryViolationId,
        penaltyType: v.penaltyType as PenaltyType,
        amount: v.amount,
        factsStated: v.factsStated,
        rightsStated: v.rightsStated,
      }),
    }),
    step({
      id: 'statement',
      module: '案件',
      title: `听取陈述申辩（${SUMMARY_DOCUMENTS.summaryStatementRecord.name}）`,
      availableIn: ['notified'],
      eventType: 'officer.recordStatement',
      optional: true,
      fields: {
        date: dateField('date', '陈述申辩日期'),
        summary: textareaField('summary', '当事人陈述、申辩的内容', { maxLength: 2000 }),
        factsDisputed: checkboxField('factsDisputed', '当事人对违法事实提出异议', {
          help: '违法事实有争议的，不能当场处罚（《行政处罚法》第五十一条）',
        }),
      },
      toEvent: (v, at) => ({
        type: 'officer.recordStatement',
        at,
        date: v.date,
        summary: v.summary,
        factsDisputed: v.factsDisputed,
      }),
    }),
    step({
      id: 'decision',
      module: '文书',
      title: `当场作出处罚决定（${SUMMARY_DOCUMENTS.summaryDecision.name}）`,
      availableIn: ['notified', 'heard'],
      eventType: 'officer.decideOnSpot',
      fields: {
        date: dateField('date', '决定日期'),
        ...penaltyFields('罚款金额'),
        correctionDeadline: dateField('correctionDeadline', '责令改正期限', {
          help: '责令当事人于该日前改正违法行为（《行政处罚法》第二十八条）',
        }),
        paymentMethod: selectField('paymentMethod', '罚款缴纳方式', options(PAYMENT_METHODS, PAYMENT_METHOD_LABELS)),
        onSpotGround: selectField(
          'onSpotGround',
          '当场收缴的法定情形',
          options(ON_SPOT_GROUNDS, ON_SPOT_GROUND_LABELS),
          {
            required: false,
            help: '仅当场收缴时填写（《行政处罚法》第六十八条、第六十九条）',
          },
        ),
        ...appealTermFields(),
      },
      refine: (v, issue) => {
        if (v.paymentMethod === 'onSpot' && v.penaltyType === 'fine' && !v.onSpotGround)
          issue('onSpotGround', '当场收缴罚款的，须选择法定情形');
        if (v.correctionDeadline && v.date && v.correctionDeadline < v.date)
          issue('correctionDeadline', '责令改正期限不能早于决定日期');
      },
      toEvent: (v, at) => ({
        type: 'officer.decideOnSpot',
        at,
        date: v.date,
        violationId: v.violationId as SummaryViolationId,
        penaltyType: v.penaltyType as PenaltyType,
        amount: v.amount,
        correctionDeadline: v.correctionDeadline,
        paymentMethod: v.paymentMethod as PaymentMethod,
        onSpotGround: (v.onSpotGround as OnSpotGround | undefined) ?? null,
        ...appealTermsOf(v),
      }),
    }),
    step({
      id: 'deliver',
      module: '文书',
      title: '当场交付决定书',
      availableIn: ['decided'],
      eventType: 'officer.deliver',
      fields: {
        date: dateField('date', '交付日期'),
        recipient: textField('recipient', '签收人', { maxLength: 40 }),
        signature: selectField('signature', '签收情况', options(SIGNATURES, SIGNATURE_LABELS)),
      },
      toEvent: (v, at) => ({
        type: 'officer.deliver',
        at,
        date: v.date,
        recipient: v.recipient,
        signature: v.signature as Signature,
      }),
    }),
    step({
      id: 'file',
      module: '案件',
      title: `报所属行政机关备案（${SUMMARY_DOCUMENTS.summaryFiling.name}）`,
      availableIn: ['delivered'],
      eventType: 'officer.file',
      fields: {
        date: dateField('date', '备案日期'),
        fineHandedOverOn: dateField('fineHandedOverOn', '当场收缴的罚款交至本机关的日期', {
          required: false,
          help: '仅当场收缴罚款时填写（《行政处罚法》第七十一条）',
        }),
      },
      toEvent: (v, at) => ({ type: 'officer.file', at, date: v.date, fineHandedOverOn: v.fineHandedOverOn ?? null }),
    }),
    step({
      id: 'refer',
      module: '案件',
      title: `转为普通程序（${SUMMARY_DOCUMENTS.summaryReferral.name}）`,
      availableIn: ['found', 'notified', 'heard'],
      eventType: 'officer.referToGeneral',
      optional: true,
      fields: {
        date: dateField('date', '日期'),
        reason: selectField('reason', '不适用简易程序的理由', options(REFERRAL_REASONS, REFERRAL_REASON_LABELS)),
        summary: textareaField('summary', '情况说明（需要调查核实的事项）', { maxLength: 2000 }),
      },
      toEvent: (v, at) => ({
        type: 'officer.referToGeneral',
        at,
        date: v.date,
        reason: v.reason as ReferralReason,
        summary: v.summary,
      }),
    }),
  ];
}
