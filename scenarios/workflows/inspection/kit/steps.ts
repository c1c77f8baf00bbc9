/** The step forms of the 执法检查 workflow for an inspection fixture. */
import {
  checkboxField,
  dateField,
  datetimeField,
  multiselectField,
  selectField,
  textareaField,
  type FieldSpec,
} from '../../../lib/form';
import { standardOf, standardOptions, STANDARDS } from '../../../lib/hazard-standard';
import type { Step } from '../../../types';
import { officerOptions } from '../../../kit/people';
import { defineStep } from '../../../kit/step';
import { INSPECTION_DOCUMENTS } from '../document-types';
import {
  MEASURE_LABELS,
  MEASURES,
  onSiteMeasureLatestEnd,
  timeOrderProblem,
  type InspectionEvent,
  type Measure,
  type Verdict,
} from '../machine';
import { LEGAL } from '../../../law/legal-constants';
import { VERDICT_TEXT, type InspectionFixture } from './fixture';

const VERDICT_OPTIONS = Object.entries(VERDICT_TEXT).map(([value, label]) => ({ value, label }));

const step = <F extends Record<string, FieldSpec<unknown>>>(
  def: Parameters<typeof defineStep<InspectionEvent, F>>[0],
) => defineStep<InspectionEvent, F>(def);

const itemOptions = (f: InspectionFixture) => f.items.map((i) => ({ value: i.id, label: `${i.area}：${i.checklist}` }));

/** The forms of the inspection workflow for this fixture. */
export function inspectionSteps(f: InspectionFixture): Step[] {
  const findingFields: Record<string, FieldSpec<unknown>> = {};
  const standard = STANDARDS[standardOf(f.clauseGroups)];
  for (const item of f.items) {
    findingFields[`verdict_${item.id}`] = selectField(
      `verdict_${item.id}`,
      `${item.area}：${item.checklist}`,
      VERDICT_OPTIONS,
      { required: false },
    );
    findingFields[`clause_${item.id}`] = selectField(
      `clause_${item.id}`,
      `${item.area}：重大事故隐患判定依据`,
      standardOptions(f.clauseGroups),
      {
        required: false,
        help: `判定为重大事故隐患时必选（${standard.title}）`,
      },
    );
  }
  const recheckIntro = `复查时现场情况：${f.items
    .filter((i) => f.recheck.observations[i.id])
    .map((i) => `${i.area}——${f.recheck.observations[i.id]}`)
    .join('；')}`;
  return [
    step({
      id: 'plan',
      module: '执法检查',
      title: '制定检查计划',
      // Correctable: a revised plan replaces the old one until the findings are recorded.
      availableIn: ['planning', 'planned', 'onSite'],
      repeatable: true,
      eventType: 'officer.createPlan',
      fields: {
        plannedOn: dateField('plannedOn', '计划检查日期'),
        itemIds: multiselectField('itemIds', '检查项目', itemOptions(f), { required: true }),
      },
      toEvent: (v, at) => ({ type: 'officer.createPlan', at, plannedOn: v.plannedOn, itemIds: v.itemIds as string[] }),
    }),
    step({
      id: 'start',
      module: '执法检查',
      title: '开始现场检查',
      availableIn: ['planned'],
      eventType: 'officer.startInspection',
      fields: {
        startedOn: dateField('startedOn', '检查日期'),
        officerIds: multiselectField('officerIds', '执法人员', officerOptions(f.officers), {
          required: true,
          help: '不少于两名，且执法证件在有效期内',
        }),
        certificatesShown: checkboxField('certificatesShown', '已向被检查单位出示执法证件'),
      },
      toEvent: (v, at) => ({
        type: 'officer.startInspection',
        at,
        startedOn: v.startedOn,
        officerIds: v.officerIds as string[],
        certificatesShown: v.certificatesShown,
      }),
    }),
    step({
      id: 'findings',
      module: '隐患',
      title: '录入检查结论和隐患',
      availableIn: ['onSite'],
      eventType: 'officer.recordFindings',
      fields: findingFields,
      refine: (v, issue) => {
        for (const item of f.items) {
          if (v[`verdict_${item.id}`] === 'major' && !v[`clause_${item.id}`])
            issue(`clause_${item.id}`, `${item.area}判定为重大事故隐患的，须选择判定依据条款`);
        }
      },
      toEvent: (v, at) => ({
        type: 'officer.recordFindings',
        at,
        findings: f.items
          .filter((i) => v[`verdict_${i.id}`])
          .map((i) => ({
            itemId: i.id,
            verdict: v[`verdict_${i.id}`] as Verdict,
            clause: v[`verdict_${i.id}`] === 'major' ? ((v[`clause_${i.id}`] as string | undefined) ?? null) : null,
          })),
      }),
    }),
    step({
      id: 'record',
      module: '文书',
      title: `制作${INSPECTION_DOCUMENTS.onSiteRecord.name}`,
      availableIn: ['findingsRecorded'],
      eventType: 'officer.issueOnSiteRecord',
      fields: {
        date: dateField('date', '检查记录日期'),
        startedAt: datetimeField('startedAt', '检查开始时间', {
          help: '检查当日的开始时间（《安全生产法》第六十八条）',
        }),
        endedAt: datetimeField('endedAt', '检查结束时间'),
        summary: textareaField('summary', '检查情况', { maxLength: 2000 }),
        signature: selectField('signature', '被检查单位签字情况', [
          { value: 'signed', label: '被检查单位负责人已签字' },
          { value: 'refused', label: '被检查单位负责人拒绝签字' },
        ]),
        refusalReported: checkboxField('refusalReported', '拒绝签字的，已将情况记录在案并向本部门报告', {
          help: '《安全生产法》第六十八条',
        }),
      },
      refine: (v, issue) => {
        const problem = v.startedAt && v.endedAt ? timeOrderProblem(minute(v.startedAt), minute(v.endedAt)) : null;
        if (problem) issue('endedAt', problem);
      },
      toEvent: (v, at) => ({
        type: 'officer.issueOnSiteRecord',
        at,
        date: v.date,
        startedAt: minute(v.startedAt),
        endedAt: minute(v.endedAt),
        summary: v.summary,
        signature: v.signature as 'signed' | 'refused',
        refusalReported: v.refusalReported,
      }),
    }),
    step({
      id: 'measures',
      module: '文书',
      title: `开具${INSPECTION_DOCUMENTS.onSiteMeasures.name}`,
      availableIn: ['recorded'],
      eventType: 'officer.issueOnSiteMeasures',
      optional: true,
      fields: {
        date: dateField('date', '决定日期'),
        itemIds: multiselectField('itemIds', '针对的重大事故隐患', itemOptions(f), {
          required: true,
          help: '只能针对已认定的重大事故隐患（《安全生产法》第六十五条第一款第（三）项）',
        }),
        measures: multiselectField(
          'measures',
          '现场处理措施',
          MEASURES.map((m) => ({ value: m, label: MEASURE_LABELS[m] })),
          { required: true },
        ),
        until: dateField('until', '措施期限至', {
          help: `措施执行的最后一日，不超过决定之日起${LEGAL.onSiteMeasureMaxMonths.value}个月；重大事故隐患排除后经审查同意可提前恢复`,
        }),
      },
      refine: (v, issue) => {
        if (v.until && v.date && v.until <= v.date) issue('until', '措施期限须晚于决定日期');
        else if (v.until && v.date && v.until > onSiteMeasureLatestEnd(v.date))
          issue(
            'until',
            `措施期限不能超过决定之日起${LEGAL.onSiteMeasureMaxMonths.value}个月（${LEGAL.onSiteMeasureMaxMonths.source}）`,
          );
      },
      toEvent: (v, at) => ({
        type: 'officer.issueOnSiteMeasures',
        at,
        date: v.date,
        itemIds: v.itemIds as string[],
        measures: v.measures as Measure[],
        until: v.until,
      }),
    }),
    step({
      id: 'order',
      module: '文书',
      title: `开具${INSPECTION_DOCUMENTS.rectificationOrder.name}`,
      availableIn: ['recorded'],
      eventType: 'officer.issueRectificationOrder',
      fields: {
        date: dateField('date', '指令书日期'),
        itemIds: multiselectField('itemIds', '责令整改的隐患', itemOptions(f), { required: true }),
        deadline: dateField('deadline', '整改期限', { help: '责令于该日前整改完毕' }),
      },
      refine: (v, issue) => {
        if (v.deadline && v.date && v.deadline <= v.date) issue('deadline', '整改期限须晚于指令书日期');
      },
      toEvent: (v, at) => ({
        type: 'officer.issueRectificationOrder',
        at,
        date: v.date,
        itemIds: v.itemIds as string[],
        deadline: v.deadline,
      }),
    }),
    step({
      id: 'closeNoHazards',
      module: '执法检查',
      title: '结束检查（未发现隐患）',
      availableIn: ['recorded'],
      eventType: 'officer.closeInspection',
      optional: true,
      fields: { date: dateField('date', '结束日期') },
      toEvent: (v, at) => ({ type: 'officer.closeInspection', at, date: v.date }),
    }),
    step({
      id: 'recheck',
      module: '执法检查',
      title: `复查并开具${INSPECTION_DOCUMENTS.recheckOpinion.name}`,
      intro: recheckIntro,
      availableIn: ['rectifying'],
      eventType: 'officer.issueRecheckOpinion',
      fields: {
        date: dateField('date', '复查日期'),
        rectifiedItemIds: multiselectField('rectifiedItemIds', '已整改完毕的隐患', itemOptions(f)),
      },
      toEvent: (v, at) => ({
        type: 'officer.issueRecheckOpinion',
        at,
        date: v.date,
        rectifiedItemIds: v.rectifiedItemIds as string[],
      }),
    }),
  ];
}

/** `datetime-local` may post seconds; the record keeps minutes. */
const minute = (value: string) => value.slice(0, 16);
