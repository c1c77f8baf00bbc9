/**
 * Building blocks for inspection and inspection-document scenarios: the fixture shape, the step forms
 * of the 执法检查 workflow, the model answer and rubric items with their stable error codes.
 */
import {
  checkboxField,
  dateField,
  datetimeField,
  multiselectField,
  selectField,
  textareaField,
  type FieldSpec,
} from '../../lib/form';
import { standardItem, standardOptions, type StandardItem } from '../../lib/hazard-standard';
import type { Authority } from '../../lib/divisions';
import type { AnswerStep, RubricItem, Step } from '../../types';
import { defineStep } from '../../kit/step';
import { DOCUMENT_TYPES } from '../../law/document-numbers';
import {
  MEASURE_LABELS,
  MEASURES,
  onSiteMeasureLatestEnd,
  recheckDueBy,
  timeOrderProblem,
  type InspectionContext,
  type InspectionEvent,
  type InspectionInput,
  type Measure,
  type Verdict,
} from './machine';
import { LEGAL } from '../../law/legal-constants';
import { addDays, daysBetween } from '../../law/working-days';
import { list, valuesOf, withoutStep, withValues } from '../../kit/answers';
import { onWorkingDay, type EnterpriseProfile, type OfficerProfile } from '../../kit/people';

/**
 * What a non-compliant item is in law: a 安全生产违法行为 (a duty not performed, e.g. training not
 * recorded), corrected on the spot or within a deadline under 安全生产法 第65条第1款第(二)项, or an
 * 事故隐患 (an unsafe state of the site), removed under 第(三)项.
 */
export type Nature = 'violation' | 'hazard';
export const NATURE_TEXT: Record<Nature, string> = { violation: '安全生产违法行为', hazard: '事故隐患' };

export interface SiteItem {
  id: string;
  area: string;
  /** The checklist question. */
  checklist: string;
  /** What the officer sees on site. */
  observation: string;
  verdict: Verdict;
  /** Standard item that makes it a major hazard. */
  clause: string | null;
  /** Measures that fit when the hazard cannot be kept safe (major hazards). */
  measures: Measure[];
  /** The duty provision the item violates (安全生产法 2021), for the record and the order. */
  basis: string;
  nature: Nature;
}

export interface InspectionFixture {
  enterprise: EnterpriseProfile;
  enterpriseSummary: string;
  authority: Authority;
  officers: OfficerProfile[];
  plannedOn: string;
  inspectionOn: string;
  /** Time of day the inspection began and ended (HH:mm), on `inspectionOn`. */
  inspectionTimes: { start: string; end: string };
  items: SiteItem[];
  clauseGroups: StandardItem['group'][];
  signature: 'signed' | 'refused';
  /** Days the model answer gives for rectification. */
  rectifyDays: number;
  recheck: { rectifiedItemIds: string[]; observations: Record<string, string> };
  counters: Record<string, number>;
}

export const VERDICT_TEXT: Record<Verdict, string> = { ok: '符合要求', general: '一般事故隐患', major: '重大事故隐患' };
const VERDICT_OPTIONS = Object.entries(VERDICT_TEXT).map(([value, label]) => ({ value, label }));

export const majorItems = (f: InspectionFixture) => f.items.filter((i) => i.verdict === 'major');
export const hazardItems = (f: InspectionFixture) => f.items.filter((i) => i.verdict !== 'ok');
export const generalItems = (f: InspectionFixture) => f.items.filter((i) => i.verdict === 'general');
export const validOfficers = (f: InspectionFixture) =>
  f.officers.filter((o) => o.certificateValidUntil >= f.inspectionOn);

const step = <F extends Record<string, FieldSpec<unknown>>>(
  def: Parameters<typeof defineStep<InspectionEvent, F>>[0],
) => defineStep<InspectionEvent, F>(def);

const itemOptions = (f: InspectionFixture) => f.items.map((i) => ({ value: i.id, label: `${i.area}：${i.checklist}` }));

/** The workflow machine's input for an inspection fixture. */
export function inspectionMachineInput(f: InspectionFixture): InspectionInput {
  return {
    authority: f.authority.abbreviation,
    counters: f.counters,
    siteItemIds: f.items.map((i) => i.id),
    itemLabels: Object.fromEntries(f.items.map((i) => [i.id, i.area])),
  };
}

/** The forms of the inspection workflow for this fixture. */
export function inspectionSteps(f: InspectionFixture): Step[] {
  const findingFields: Record<string, FieldSpec<unknown>> = {};
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
        help: '判定为重大事故隐患时必选（《工贸企业重大事故隐患判定标准》）',
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
      availableIn: ['planning'],
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
        officerIds: multiselectField(
          'officerIds',
          '执法人员',
          f.officers.map((o) => ({
            value: o.id,
            label: `${o.name}（执法证号${o.certificateNo}，有效期至${o.certificateValidUntil}）`,
          })),
          { required: true, help: '不少于两名，且执法证件在有效期内' },
        ),
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
      title: `制作${DOCUMENT_TYPES.onSiteRecord.name}`,
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
      title: `开具${DOCUMENT_TYPES.onSiteMeasures.name}`,
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
      title: `开具${DOCUMENT_TYPES.rectificationOrder.name}`,
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
      title: `复查并开具${DOCUMENT_TYPES.recheckOpinion.name}`,
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

export const orderDeadline = (f: InspectionFixture) => addDays(f.inspectionOn, f.rectifyDays);
export const recheckDate = (f: InspectionFixture) => onWorkingDay(addDays(orderDeadline(f), 1));

function recordSummary(f: InspectionFixture): string {
  const found = hazardItems(f).map(
    (i, n) =>
      `${n + 1}. ${i.area}：${i.observation}（${VERDICT_TEXT[i.verdict]}${i.clause ? `，${standardItem(i.clause).citation}` : ''}；违反${i.basis}）`,
  );
  return `对${f.enterprise.name}进行现场检查，检查了${f.items.map((i) => i.area).join('、')}。发现问题：${found.join('；')}`.slice(
    0,
    2000,
  );
}

/** Model answers for each step of the inspection workflow. */
export function inspectionModelAnswer(f: InspectionFixture, from: 'plan' | 'record' = 'plan'): AnswerStep[] {
  const all: AnswerStep[] = [
    { stepId: 'plan', values: { plannedOn: f.plannedOn, itemIds: f.items.map((i) => i.id) } },
    {
      stepId: 'start',
      values: {
        startedOn: f.inspectionOn,
        officerIds: validOfficers(f)
          .slice(0, 2)
          .map((o) => o.id),
        certificatesShown: 'on',
      },
    },
    {
      stepId: 'findings',
      values: Object.fromEntries(
        f.items.flatMap((i) => [
          [`verdict_${i.id}`, i.verdict],
          [`clause_${i.id}`, i.clause ?? ''],
        ]),
      ),
    },
    {
      stepId: 'record',
      values: {
        date: f.inspectionOn,
        startedAt: `${f.inspectionOn}T${f.inspectionTimes.start}`,
        endedAt: `${f.inspectionOn}T${f.inspectionTimes.end}`,
        summary: recordSummary(f),
        signature: f.signature,
        ...(f.signature === 'refused' ? { refusalReported: 'on' } : {}),
      },
    },
    ...(majorItems(f).length > 0
      ? [
          {
            stepId: 'measures',
            values: {
              date: f.inspectionOn,
              itemIds: majorItems(f).map((i) => i.id),
              measures: [...new Set(majorItems(f).flatMap((i) => i.measures.slice(0, 1)))],
              // Until the rectification deadline: the order that follows gives the same date.
              until: orderDeadline(f),
            },
          },
        ]
      : []),
    {
      stepId: 'order',
      values: { date: f.inspectionOn, itemIds: hazardItems(f).map((i) => i.id), deadline: orderDeadline(f) },
    },
    { stepId: 'recheck', values: { date: recheckDate(f), rectifiedItemIds: f.recheck.rectifiedItemIds } },
  ];
  return from === 'plan' ? all : all.slice(all.findIndex((s) => s.stepId === 'record'));
}

/** Events that put an inspection-document scenario at the point where documents are due. */
export function presetThroughFindings(f: InspectionFixture, at: string): InspectionEvent[] {
  const team = validOfficers(f)
    .slice(0, 2)
    .map((o) => o.id);
  return [
    { type: 'officer.createPlan', at, plannedOn: f.plannedOn, itemIds: f.items.map((i) => i.id) },
    { type: 'officer.startInspection', at, startedOn: f.inspectionOn, officerIds: team, certificatesShown: true },
    {
      type: 'officer.recordFindings',
      at,
      findings: f.items.map((i) => ({ itemId: i.id, verdict: i.verdict, clause: i.clause })),
    },
  ];
}

/** Answers that reach the other outcomes of the workflow (for model-based tests and trainers). */
export function inspectionAlternatives(f: InspectionFixture, model: AnswerStep[]): AnswerStep[][] {
  const allOk = Object.fromEntries(
    f.items.flatMap((i) => [
      [`verdict_${i.id}`, 'ok'],
      [`clause_${i.id}`, ''],
    ]),
  );
  const alternatives: AnswerStep[][] = [];
  if (model.some((s) => s.stepId === 'findings')) {
    alternatives.push([
      ...withValues(model, 'findings', allOk).filter((s) => ['plan', 'start', 'findings', 'record'].includes(s.stepId)),
      { stepId: 'closeNoHazards', values: { date: f.inspectionOn } },
    ]);
  }
  const rectifiedAll = hazardItems(f).map((i) => i.id);
  const rectifiedNone: string[] = [];
  alternatives.push(
    withValues(model, 'recheck', {
      rectifiedItemIds: f.recheck.rectifiedItemIds.length === rectifiedAll.length ? rectifiedNone : rectifiedAll,
    }),
  );
  return alternatives;
}

type Item = RubricItem<InspectionFixture, 'inspection'>;
type Ctx = InspectionContext;

const names = (f: InspectionFixture, ids: string[]) =>
  ids.length === 0 ? '无' : ids.map((id) => f.items.find((i) => i.id === id)?.area ?? id).join('、');
const verdictOf = (c: Ctx, id: string) => c.findings.find((x) => x.itemId === id);

/** Rubric items for the inspection workflow; each scenario picks some and gives weights. */
export const inspectionRubric = {
  validTeam: (weight: number): Item => ({
    id: 'valid-team',
    code: 'EXPIRED_CERTIFICATE',
    title: '执法人员资格',
    weight,
    rule: '现场检查由两名以上持有效执法证件的执法人员进行，不得安排证件过期人员',
    citation: '《行政处罚法》第四十二条、第五十五条',
    feedbackAfter: ['start'],
    evaluate: ({ fixture, context }) => {
      const team = context.inspection?.officerIds ?? [];
      const invalid = team.filter((id) => !validOfficers(fixture).some((o) => o.id === id));
      const earned = team.length >= 2 && invalid.length === 0;
      return {
        earned,
        expected: `两名以上有效证件人员：${validOfficers(fixture)
          .map((o) => o.name)
          .join('、')}中选择`,
        actual:
          team.length === 0
            ? '未开始检查'
            : team.map((id) => fixture.officers.find((o) => o.id === id)?.name ?? id).join('、'),
        explanation: earned
          ? '执法人员人数和证件符合要求。'
          : `执法证件已过期的人员不能执法：${invalid.map((id) => fixture.officers.find((o) => o.id === id)?.name).join('、') || '未组成检查组'}。`,
      };
    },
    mistake: {
      description: '把执法证件已过期的人员编入检查组',
      apply: (answer, f) =>
        withValues(answer, 'start', {
          officerIds: [
            ...list(valuesOf(answer, 'start').officerIds),
            ...f.officers.filter((o) => !validOfficers(f).includes(o)).map((o) => o.id),
          ],
        }),
    },
  }),
  majorRecognised: (weight: number): Item => ({
    id: 'major-recognised',
    code: 'MAJOR_HAZARD_MISSED',
    title: '识别重大事故隐患',
    weight,
    rule: '对照《工贸企业重大事故隐患判定标准》，将符合情形的隐患判定为重大事故隐患',
    citation: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）',
    feedbackAfter: ['findings'],
    evaluate: ({ fixture, context }) => {
      const majors = majorItems(fixture);
      const missed = majors.filter((i) => verdictOf(context, i.id)?.verdict !== 'major');
      return {
        earned: context.findings.length > 0 && missed.length === 0,
        expected: `重大事故隐患：${names(
          fixture,
          majors.map((i) => i.id),
        )}`,
        actual: names(
          fixture,
          context.findings.filter((x) => x.verdict === 'major').map((x) => x.itemId),
        ),
        explanation:
          missed.length === 0 && context.findings.length > 0
            ? '重大事故隐患判定正确。'
            : `未判定为重大事故隐患：${names(
                fixture,
                missed.map((i) => i.id),
              )}。`,
      };
    },
    mistake: {
      description: '把重大事故隐患判定为一般事故隐患（于是也不能对其采取现场处理措施）',
      apply: (answer, f) =>
        withoutStep(
          withValues(
            answer,
            'findings',
            Object.fromEntries(
              majorItems(f).flatMap((i) => [
                [`verdict_${i.id}`, 'general'],
                [`clause_${i.id}`, ''],
              ]),
            ),
          ),
          'measures',
        ),
    },
  }),
  majorClause: (weight: number): Item => ({
    id: 'major-clause',
    code: 'WRONG_MAJOR_CLAUSE',
    title: '重大事故隐患判定依据',
    weight,
    rule: '判定为重大事故隐患的，引用《工贸企业重大事故隐患判定标准》中对应的条款',
    citation: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）',
    feedbackAfter: ['findings'],
    evaluate: ({ fixture, context }) => {
      const recognised = majorItems(fixture).filter((i) => verdictOf(context, i.id)?.verdict === 'major');
      const wrong = recognised.filter((i) => verdictOf(context, i.id)?.clause !== i.clause);
      return {
        earned: context.findings.length > 0 && wrong.length === 0,
        expected: majorItems(fixture)
          .map((i) => standardItem(i.clause!).citation)
          .join('；'),
        actual:
          recognised
            .map((i) => {
              const c = verdictOf(context, i.id)?.clause;
              return c ? standardItem(c).citation : '未选择';
            })
            .join('；') || '—',
        explanation:
          wrong.length === 0
            ? '判定依据引用正确（未识别的重大隐患另行扣分）。'
            : `判定依据不对应：${names(
                fixture,
                wrong.map((i) => i.id),
              )}。`,
      };
    },
    mistake: {
      description: '判定重大事故隐患时引用了不对应的条款',
      apply: (answer, f) => {
        const major = majorItems(f)[0]!;
        const other = standardOptions(f.clauseGroups).find((o) => o.value !== major.clause)!.value;
        return withValues(answer, 'findings', { [`clause_${major.id}`]: other });
      },
    },
  }),
  generalFound: (weight: number): Item => ({
    id: 'general-found',
    code: 'HAZARD_MISSED',
    title: '查处一般事故隐患',
    weight,
    rule: '检查中发现的一般事故隐患全部如实记录',
    citation: '《安全生产法》第六十五条、第一百零二条',
    feedbackAfter: ['findings'],
    evaluate: ({ fixture, context }) => {
      const missed = generalItems(fixture).filter((i) => verdictOf(context, i.id)?.verdict !== 'general');
      return {
        earned: context.findings.length > 0 && missed.length === 0,
        expected: `一般事故隐患：${names(
          fixture,
          generalItems(fixture).map((i) => i.id),
        )}`,
        actual: names(
          fixture,
          context.findings.filter((x) => x.verdict === 'general').map((x) => x.itemId),
        ),
        explanation:
          missed.length === 0 && context.findings.length > 0
            ? '一般事故隐患查处完整。'
            : `遗漏或误判的一般事故隐患：${names(
                fixture,
                missed.map((i) => i.id),
              )}。`,
      };
    },
    mistake: {
      description: '把一项一般事故隐患判为符合要求，并且没有列入指令书',
      apply: (answer, f) => {
        const item = generalItems(f)[0]!;
        let out = withValues(answer, 'findings', { [`verdict_${item.id}`]: 'ok' });
        out = withValues(out, 'order', {
          itemIds: list(valuesOf(out, 'order').itemIds).filter((id) => id !== item.id),
        });
        return out.map((s) =>
          s.stepId === 'recheck'
            ? {
                ...s,
                values: {
                  ...s.values,
                  rectifiedItemIds: list(s.values.rectifiedItemIds).filter((id) => id !== item.id),
                },
              }
            : s,
        );
      },
    },
  }),
  noFalseFinding: (weight: number): Item => ({
    id: 'no-false-finding',
    code: 'FALSE_FINDING',
    title: '不虚报隐患',
    weight,
    rule: '符合要求的项目不得记为隐患，认定事实须清楚',
    citation: '《行政处罚法》第四十条',
    feedbackAfter: ['findings'],
    evaluate: ({ fixture, context }) => {
      const wrong = fixture.items.filter(
        (i) => i.verdict === 'ok' && (verdictOf(context, i.id)?.verdict ?? 'ok') !== 'ok',
      );
      return {
        earned: context.findings.length > 0 && wrong.length === 0,
        expected: `符合要求：${names(
          fixture,
          fixture.items.filter((i) => i.verdict === 'ok').map((i) => i.id),
        )}`,
        actual:
          wrong.length === 0
            ? '未虚报'
            : `误记为隐患：${names(
                fixture,
                wrong.map((i) => i.id),
              )}`,
        explanation:
          wrong.length === 0
            ? '未把符合要求的项目记为隐患。'
            : `这些项目现场情况符合要求：${names(
                fixture,
                wrong.map((i) => i.id),
              )}。`,
      };
    },
    mistake: {
      description: '把符合要求的项目记为一般事故隐患（并责令整改）',
      apply: (answer, f) => {
        const item = f.items.find((i) => i.verdict === 'ok')!;
        const out = withValues(answer, 'findings', { [`verdict_${item.id}`]: 'general' });
        return out.some((s) => s.stepId === 'order')
          ? withValues(out, 'order', { itemIds: [...list(valuesOf(out, 'order').itemIds), item.id] })
          : out;
      },
    },
  }),
  onSiteMeasures: (weight: number): Item => ({
    id: 'onsite-measures',
    code: 'NO_ONSITE_MEASURES',
    title: '重大事故隐患的现场处理措施',
    weight,
    rule: '重大事故隐患在排除前或排除过程中无法保证安全的，开具现场处理措施决定书（撤出人员、暂时停产停业或停止使用设施设备），且在责令整改前作出',
    citation: '《安全生产法》第六十五条第一款第（三）项',
    feedbackAfter: ['measures', 'order'],
    evaluate: ({ fixture, context }) => {
      const majors = majorItems(fixture).map((i) => i.id);
      // Only hazards recorded as major may get measures (the machine refuses others): a major hazard
      // judged ordinary is lost once, under MAJOR_HAZARD_MISSED.
      const recognised = majors.filter((id) => verdictOf(context, id)?.verdict === 'major');
      const covered = context.measures?.itemIds ?? [];
      const earned = context.findings.length > 0 && recognised.every((id) => covered.includes(id));
      const pending = !earned && context.measures === null && context.order === null && context.closedOn === null;
      return {
        earned,
        pending,
        expected: `现场处理措施决定书，针对：${names(fixture, majors)}`,
        actual: context.measures ? `已开具，针对：${names(fixture, covered)}` : '未开具',
        explanation: earned
          ? recognised.length > 0
            ? '已对重大事故隐患采取现场处理措施。'
            : '未认定重大事故隐患，依法不能采取现场处理措施（在"识别重大事故隐患"一项扣分）。'
          : '重大事故隐患没有采取现场处理措施，排除前无法保证安全。',
      };
    },
    mistake: {
      description: '发现重大事故隐患后未开具现场处理措施决定书',
      apply: (answer) => withoutStep(answer, 'measures'),
    },
  }),
  measureFits: (weight: number): Item => ({
    id: 'measure-fits',
    code: 'WRONG_MEASURE',
    title: '现场处理措施恰当',
    weight,
    rule: '现场处理措施与隐患相适应：人员聚集的撤出人员，设施设备的停止使用，无法保证安全的暂时停产停业',
    citation: '《安全生产法》第六十五条第一款第（三）项',
    feedbackAfter: ['measures'],
    evaluate: ({ fixture, context }) => {
      const fitting = new Set(majorItems(fixture).flatMap((i) => i.measures));
      const chosen = context.measures?.measures ?? [];
      // Without any measure the loss is counted once, by NO_ONSITE_MEASURES, once the attempt moved past it.
      const earned = context.measures === null ? context.order !== null : chosen.every((m) => fitting.has(m));
      return {
        earned,
        pending: context.measures === null && context.order === null,
        expected: [...fitting].map((m) => MEASURE_LABELS[m]).join('或'),
        actual: chosen.length ? chosen.map((m) => MEASURE_LABELS[m]).join('、') : '未采取措施',
        explanation:
          context.measures === null
            ? earned
              ? '未开具现场处理措施决定书（在"重大事故隐患的现场处理措施"一项扣分）。'
              : '尚未作出现场处理措施。'
            : earned
              ? '措施与隐患相适应。'
              : '所选措施与隐患不相适应。',
      };
    },
    mistake: {
      description: '选择了与隐患不相适应的措施',
      apply: (answer, f) => {
        const fitting = new Set(majorItems(f).flatMap((i) => i.measures));
        return withValues(answer, 'measures', { measures: [MEASURES.find((m) => !fitting.has(m))!] });
      },
    },
  }),
  orderComplete: (weight: number): Item => ({
    id: 'order-complete',
    code: 'ORDER_INCOMPLETE',
    title: '责令限期整改指令书列明全部隐患',
    weight,
    rule: '责令限期整改指令书逐项列明已认定的全部事故隐患',
    citation: '《安全生产法》第六十五条第一款第（二）项、第（三）项，第一百零二条',
    feedbackAfter: ['order'],
    evaluate: ({ fixture, context }) => {
      const expected = context.findings.filter((x) => x.verdict !== 'ok').map((x) => x.itemId);
      const listed = context.order?.itemIds ?? [];
      const missing = expected.filter((id) => !listed.includes(id));
      return {
        earned: context.order !== null && missing.length === 0,
        expected: names(fixture, expected),
        actual: context.order ? names(fixture, listed) : '未开具',
        explanation:
          context.order && missing.length === 0
            ? '指令书列明了已认定的全部隐患。'
            : `指令书未列明：${names(fixture, missing)}。`,
      };
    },
    mistake: {
      description: '指令书漏列一项已认定的一般事故隐患',
      apply: (answer, f) => {
        const item = generalItems(f)[0]!;
        const out = withValues(answer, 'order', {
          itemIds: list(valuesOf(answer, 'order').itemIds).filter((id) => id !== item.id),
        });
        return out.map((s) =>
          s.stepId === 'recheck'
            ? {
                ...s,
                values: {
                  ...s.values,
                  rectifiedItemIds: list(s.values.rectifiedItemIds).filter((id) => id !== item.id),
                },
              }
            : s,
        );
      },
    },
  }),
  deadline: (weight: number): Item => ({
    id: 'deadline',
    code: 'WRONG_DEADLINE',
    title: '整改期限',
    weight,
    rule: `整改期限晚于指令书日期，且不超过${LEGAL.rectificationMaxDays.value}日`,
    citation: `《安全生产法》第六十五条第一款第（二）项、第（三）项；期限上限：${LEGAL.rectificationMaxDays.source}`,
    feedbackAfter: ['order'],
    evaluate: ({ context }) => {
      const order = context.order;
      const days = order ? daysBetween(order.date, order.deadline) : 0;
      const earned = order !== null && days > 0 && days <= LEGAL.rectificationMaxDays.value;
      return {
        earned,
        expected: `1至${LEGAL.rectificationMaxDays.value}日`,
        actual: order ? `${days}日（至${order.deadline}）` : '未开具',
        explanation: earned ? '整改期限合理。' : `整改期限应在${LEGAL.rectificationMaxDays.value}日以内。`,
      };
    },
    mistake: {
      description: '整改期限定为45日',
      apply: (answer, f) => {
        const deadline = addDays(f.inspectionOn, 45);
        const out = withValues(answer, 'order', { deadline });
        return withValues(out, 'recheck', { date: onWorkingDay(addDays(deadline, 1)) });
      },
    },
  }),
  signature: (weight: number): Item => ({
    id: 'signature',
    code: 'SIGNATURE_REFUSAL_NOT_REPORTED',
    title: '现场检查记录签字',
    weight,
    rule: '现场检查记录由检查人员和被检查单位负责人签字；负责人拒绝签字的，记录在案并向本部门报告',
    citation: '《安全生产法》第六十八条',
    feedbackAfter: ['record'],
    evaluate: ({ fixture, context }) => {
      const record = context.onSiteRecord;
      const earned =
        record !== null &&
        record.signature === fixture.signature &&
        (fixture.signature === 'signed' || record.refusalReported);
      return {
        earned,
        expected: fixture.signature === 'signed' ? '负责人已签字' : '负责人拒绝签字，记录在案并报告',
        actual: record
          ? `${record.signature === 'signed' ? '记为已签字' : '记为拒绝签字'}${record.refusalReported ? '，已报告' : ''}`
          : '未制作',
        explanation: earned ? '签字情况记录如实。' : '签字情况与现场不符，或拒绝签字未记录在案并报告。',
      };
    },
    mistake: {
      description: '负责人拒绝签字，却未记录在案并报告（或把已签字记为拒签）',
      apply: (answer, f) =>
        f.signature === 'refused'
          ? withValues(answer, 'record', { refusalReported: 'false' })
          : withValues(answer, 'record', { signature: 'refused', refusalReported: 'on' }),
    },
  }),
  recheckInTime: (weight: number): Item => ({
    id: 'recheck-in-time',
    code: 'RECHECK_LATE',
    title: '按时复查',
    weight,
    // A recheck on or before the deadline is refused by the workflow; this item judges only lateness.
    rule: `整改期满后${LEGAL.recheckPeriod.value}日内进行复查，不拖延`,
    citation: LEGAL.recheckPeriod.source,
    feedbackAfter: ['recheck'],
    evaluate: ({ context }) => {
      const order = context.order;
      const recheck = context.recheck;
      const late = order && recheck ? daysBetween(order.deadline, recheck.date) : null;
      const earned =
        order !== null &&
        recheck !== null &&
        recheck.date > order.deadline &&
        recheck.date <= recheckDueBy(order.deadline);
      return {
        earned,
        pending: recheck === null,
        expected: order
          ? `${addDays(order.deadline, 1)}至${recheckDueBy(order.deadline)}`
          : `整改期满后${LEGAL.recheckPeriod.value}日内`,
        actual: recheck ? recheck.date : '未复查',
        explanation: earned
          ? '复查及时。'
          : late !== null
            ? `整改期满${late}日后才复查，超过${LEGAL.recheckPeriod.value}日（期限最后一日为节假日的，顺延至节假日后第一个工作日）。`
            : '未复查。',
      };
    },
    mistake: {
      description: '整改期满20日后才复查',
      apply: (answer, f) => withValues(answer, 'recheck', { date: addDays(orderDeadline(f), 20) }),
    },
  }),
  recheckResult: (weight: number): Item => ({
    id: 'recheck-result',
    code: 'RECHECK_WRONG',
    title: '复查结论',
    weight,
    rule: '如实记录每项隐患的整改情况：整改完毕的闭环，逾期未整改的依法立案查处',
    citation: '《安全生产法》第六十五条、第一百零二条',
    feedbackAfter: ['recheck'],
    evaluate: ({ fixture, context }) => {
      const truth = [...fixture.recheck.rectifiedItemIds].sort();
      const got = context.recheck
        ? [...context.recheck.rectifiedItemIds].filter((id) => context.order?.itemIds.includes(id)).sort()
        : null;
      const relevant = truth.filter((id) => context.order?.itemIds.includes(id));
      const earned = got !== null && JSON.stringify(got) === JSON.stringify(relevant);
      return {
        earned,
        expected: `已整改：${names(fixture, truth)}`,
        actual: got ? `记为已整改：${names(fixture, got)}` : '未复查',
        explanation: earned ? '复查结论与现场一致。' : '复查结论与现场情况不符。',
      };
    },
    mistake: {
      description: '复查结论与现场不符',
      apply: (answer, f) => {
        const all = hazardItems(f).map((i) => i.id);
        return withValues(answer, 'recheck', {
          rectifiedItemIds: f.recheck.rectifiedItemIds.length === all.length ? all.slice(1) : all,
        });
      },
    },
  }),
};

/** The materials of an inspection fixture: the enterprise and what the officer sees on site. */
export function inspectionMaterials(f: InspectionFixture, taskLines: string[]) {
  return [
    { title: '任务', lines: taskLines },
    {
      title: '被检查单位',
      lines: [
        `${f.enterprise.name}（统一社会信用代码 ${f.enterprise.uscc}）`,
        `生产经营地址：${f.enterprise.operatingAddress}`,
        `主要负责人：${f.enterprise.principal}（${f.enterprise.principalPhone}）；安全管理负责人：${f.enterprise.safetyManager}`,
        f.enterpriseSummary,
      ],
    },
    {
      title: '执法人员',
      lines: f.officers.map((o) => `${o.name}，执法证号${o.certificateNo}，有效期至${o.certificateValidUntil}`),
    },
    {
      title: '计划与检查日期',
      lines: [
        `计划检查日期：${f.plannedOn}`,
        `现场检查日期：${f.inspectionOn}，${f.inspectionTimes.start}开始，${f.inspectionTimes.end}结束`,
        `执法机关：${f.authority.name}`,
      ],
    },
    { title: '现场情况', lines: f.items.map((i) => `${i.area}：${i.observation}`) },
    {
      title: '签字情况',
      lines: [
        f.signature === 'signed'
          ? '检查结束后，企业主要负责人在现场检查记录上签字。'
          : '检查结束后，企业主要负责人拒绝在现场检查记录上签字。',
      ],
    },
  ];
}
