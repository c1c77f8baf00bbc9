/** The step forms of the 查封扣押 workflow for a seizure fixture. */
import {
  checkboxField,
  dateField,
  datetimeField,
  multiselectField,
  numberField,
  selectField,
  textareaField,
  textField,
  type FieldSpec,
} from '../../../lib/form';
import type { Step } from '../../../types';
import { officerOptions } from '../../../kit/people';
import { defineStep } from '../../../kit/step';
import { LEGAL } from '../../../law/legal-constants';
import { SEIZURE_DOCUMENTS } from '../document-types';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  OUTCOME_LABELS,
  OUTCOMES,
  type Category,
  type Outcome,
  type SeizureEvent,
} from '../machine';
import { HEAD_ID, type SeizureFixture } from './fixture';

const step = <F extends Record<string, FieldSpec<unknown>>>(def: Parameters<typeof defineStep<SeizureEvent, F>>[0]) =>
  defineStep<SeizureEvent, F>(def);

/** `datetime-local` may post seconds; the events keep minutes. */
const minute = (value: string) => value.slice(0, 16);

const approverOptions = (f: SeizureFixture) => [
  { value: HEAD_ID, label: `${f.head.name}（${f.authority.name}${f.head.title}，行政机关负责人）` },
  ...f.officers.map((o) => ({ value: o.id, label: `${o.name}（执法人员）` })),
];

/** The forms of the seizure workflow for this fixture. */
export function seizureSteps(f: SeizureFixture): Step[] {
  const itemOptions = f.items.map((i) => ({ value: i.id, label: `${i.area}：${i.name}（${i.spec}）` }));
  const findingFields: Record<string, FieldSpec<unknown>> = {};
  for (const item of f.items)
    findingFields[`cat_${item.id}`] = selectField(
      `cat_${item.id}`,
      `认定：${item.area}——${item.name}`,
      CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
      { required: false },
    );
  const quantityFields: Record<string, FieldSpec<unknown>> = {};
  for (const item of f.items)
    quantityFields[`qty_${item.id}`] = numberField(`qty_${item.id}`, `清单数量：${item.name}（${item.unit}）`, {
      required: false,
      min: 0,
      max: 1_000_000,
      help: '只填查封扣押的财物，按现场清点的数量',
    });
  return [
    step({
      id: 'approve',
      module: '执法检查',
      title: '报请负责人批准查封扣押',
      availableIn: ['approval', 'recorded', 'seized'],
      eventType: 'officer.approveSeizure',
      fields: {
        approvedAt: datetimeField('approvedAt', '批准时间', {
          help: '实施前报批；情况紧急当场实施的，24小时内补办（《行政强制法》第十八条第（一）项、第十九条）',
        }),
        approvedBy: selectField('approvedBy', '批准人', approverOptions(f)),
        report: textareaField('report', '报告事由（拟查封扣押的财物、理由和依据）', { maxLength: 2000 }),
      },
      toEvent: (v, at) => ({
        type: 'officer.approveSeizure',
        at,
        approvedAt: minute(v.approvedAt),
        approvedBy: v.approvedBy as string,
        report: v.report,
      }),
    }),
    step({
      id: 'record',
      module: '执法检查',
      title: `实施查封扣押并制作${SEIZURE_DOCUMENTS.seizureRecord.name}`,
      availableIn: ['approval', 'approved'],
      eventType: 'officer.recordEnforcement',
      fields: {
        startedAt: datetimeField('startedAt', '实施开始时间'),
        endedAt: datetimeField('endedAt', '实施结束时间'),
        officerIds: multiselectField('officerIds', '执法人员', officerOptions(f.officers), {
          required: true,
          help: '两名以上，执法证件在有效期内（《行政强制法》第十八条第（二）项）',
        }),
        certificatesShown: checkboxField('certificatesShown', '已出示执法身份证件'),
        emergency: checkboxField('emergency', '情况紧急，未经批准当场实施（24小时内补办批准手续）', {
          help: '《行政强制法》第十九条',
        }),
        partyPresent: selectField('partyPresent', '当事人到场情况', [
          { value: 'present', label: '已通知当事人到场，当事人在场' },
          { value: 'absent', label: '当事人不到场，已邀请见证人到场' },
        ]),
        witness: textField('witness', '见证人（当事人不到场时）', { required: false, maxLength: 40 }),
        rightsTold: checkboxField('rightsTold', '已当场告知查封扣押的理由、依据以及当事人依法享有的权利、救济途径'),
        statement: textareaField('statement', '当事人的陈述和申辩', { maxLength: 2000, required: false }),
        signature: selectField('signature', '现场笔录签名情况', [
          { value: 'signed', label: '当事人和执法人员已签名' },
          { value: 'refused', label: '当事人拒绝签名，已在笔录中注明' },
        ]),
        ...findingFields,
      },
      refine: (v, issue) => {
        if (v.startedAt && v.endedAt && minute(v.endedAt) <= minute(v.startedAt))
          issue('endedAt', '结束时间须晚于开始时间');
      },
      toEvent: (v, at) => ({
        type: 'officer.recordEnforcement',
        at,
        startedAt: minute(v.startedAt),
        endedAt: minute(v.endedAt),
        officerIds: v.officerIds as string[],
        certificatesShown: v.certificatesShown,
        emergency: v.emergency,
        partyPresent: v.partyPresent === 'present',
        witness: (v.witness as string | undefined) ?? '',
        rightsTold: v.rightsTold,
        statement: (v.statement as string | undefined) ?? '',
        signature: v.signature as 'signed' | 'refused',
        findings: f.items
          .filter((i) => (v as Record<string, unknown>)[`cat_${i.id}`])
          .map((i) => ({ itemId: i.id, category: (v as Record<string, unknown>)[`cat_${i.id}`] as Category })),
      }),
    }),
    step({
      id: 'decision',
      module: '文书',
      title: `交付${SEIZURE_DOCUMENTS.seizureDecision.name}和${SEIZURE_DOCUMENTS.seizureList.name}`,
      availableIn: ['recorded'],
      eventType: 'officer.issueSeizureDecision',
      fields: {
        date: dateField('date', '决定日期', { help: '决定书和清单在实施时当场交付（《行政强制法》第二十四条）' }),
        itemIds: multiselectField('itemIds', '查封扣押的财物', itemOptions, { required: true }),
        ...quantityFields,
        periodStart: dateField('periodStart', '期限起算日'),
        periodEnd: dateField('periodEnd', '期限届满日', {
          help: `不得超过${LEGAL.seizureMaxDays.value}日（${LEGAL.seizureMaxDays.source}）`,
        }),
      },
      toEvent: (v, at) => ({
        type: 'officer.issueSeizureDecision',
        at,
        date: v.date,
        items: (v.itemIds as string[]).map((itemId) => ({
          itemId,
          quantity: ((v as Record<string, unknown>)[`qty_${itemId}`] as number | undefined) ?? 0,
        })),
        periodStart: v.periodStart,
        periodEnd: v.periodEnd,
      }),
    }),
    step({
      id: 'extend',
      module: '文书',
      title: `延长期限（${SEIZURE_DOCUMENTS.seizureExtension.name}）`,
      availableIn: ['seized'],
      eventType: 'officer.extendSeizure',
      optional: true,
      fields: {
        date: dateField('date', '延长决定日期', { help: '须在期限届满前' }),
        approvedBy: selectField('approvedBy', '批准人', approverOptions(f)),
        days: numberField('days', '延长天数', {
          min: 0,
          max: 365,
          unit: '日',
          help: `不得超过${LEGAL.seizureExtensionMaxDays.value}日（${LEGAL.seizureExtensionMaxDays.source}）`,
        }),
        reason: textareaField('reason', '延长理由（情况复杂的具体情形）', { maxLength: 2000, required: false }),
        partyNotified: checkboxField('partyNotified', '已书面告知当事人并说明理由', {
          help: '《行政强制法》第二十五条第二款',
        }),
      },
      toEvent: (v, at) => ({
        type: 'officer.extendSeizure',
        at,
        date: v.date,
        approvedBy: v.approvedBy as string,
        days: v.days,
        reason: (v.reason as string | undefined) ?? '',
        partyNotified: v.partyNotified,
      }),
    }),
    step({
      id: 'outcome',
      module: '文书',
      title: '作出处理决定或解除查封扣押',
      availableIn: ['seized'],
      eventType: 'officer.decideOutcome',
      intro: `查封扣押后的情况：${f.outcome.facts}`,
      fields: {
        date: dateField('date', '决定日期'),
        outcome: selectField(
          'outcome',
          '处理结果',
          OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] })),
        ),
        reason: textareaField('reason', '事实和理由', { maxLength: 2000, required: false }),
      },
      toEvent: (v, at) => ({
        type: 'officer.decideOutcome',
        at,
        date: v.date,
        outcome: v.outcome as Outcome,
        reason: (v.reason as string | undefined) ?? '',
      }),
    }),
  ];
}
