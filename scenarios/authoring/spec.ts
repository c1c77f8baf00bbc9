/**
 * Scenario definitions as data (issue 16, point 1): a zod schema per workflow for what a scenario chooses,
 * validated against the catalogues (industries, divisions, 判定标准, violations and tiers, the workflow's steps,
 * states and rubric item library), and `scenarioFromSpec`, which builds a ScenarioDefinition from a parsed
 * spec with the workflow's kit. Nothing in a spec is code: names and task lines are templates with named
 * placeholders filled from the fixture or from the spec's declared draws. Pure: no I/O, no clock.
 *
 * Covered workflows: case (案件办理 and its 文书 scenarios), inspection (执法检查 and its 文书 scenarios),
 * onboarding (企业入库), summary (简易程序当场处罚), enforcement (处罚决定的执行), seizure (查封扣押) and
 * recheckCase (复查转立案): every workflow of the registry. The last three are appended below the others
 * rather than kept in their own files: their schemas share the common part, and a module that imported it
 * from here while this one imported theirs would be an import cycle between constants.
 */
import { z } from '../lib/zod';
import { createPrng, type Prng } from '../prng';
import * as people from '../kit/people';
import { corruptUscc, generateUscc, withRecomputedCheck } from '../lib/uscc';
import { DIVISIONS } from '../lib/divisions';
import {
  INDUSTRIES,
  SPECIAL_FLAGS,
  SUPERVISED_SECTORS,
  industryByCode,
  type SpecialFlag,
  type SupervisedSector,
} from '../lib/industries';
import { STANDARD_ITEMS, findStandardItem, type StandardGroup, standardOf } from '../lib/hazard-standard';
import {
  CRIME_IDS,
  MITIGATION_IDS,
  NO_PENALTY_GROUNDS,
  PENALTY_ARTICLES,
  VIOLATIONS,
  VIOLATION_IDS,
  SUMMARY_VIOLATION_IDS,
  fineRangeProblem,
  yuan,
  noPenaltyGroundFor,
  type CrimeId,
  type MitigationId,
  type SummaryViolationId,
  type TierId,
  type ViolationId,
} from '../law/penalties';
import {
  buildCaseFixture,
  caseAnswer,
  caseInput,
  caseMaterials,
  caseRubric,
  caseSteps,
  presetThroughInvestigation,
  type CaseAnswerOptions,
  type CaseFixture,
} from '../workflows/case/kit';
import {
  inspectionAlternatives,
  inspectionFixture,
  inspectionMachineInput,
  inspectionMaterials,
  inspectionModelAnswer,
  inspectionRubric,
  inspectionSteps,
  presetThroughFindings,
  type InspectionFixture,
  type Template,
} from '../workflows/inspection/kit';
import {
  NOTE_OPTIONS,
  baseFixture,
  onboardingMaterials,
  onboardingModelAnswer,
  onboardingRubric,
  onboardingSteps,
  registryWith,
  trueRecord,
  type EnterpriseRecord,
  type NoteCode,
  type OnboardingFixture,
} from '../workflows/onboarding/kit';
import type { OnboardingInput } from '../workflows/onboarding/machine';
import { MEASURES } from '../workflows/inspection/machine';
import {
  buildSummaryFixture,
  summaryAnswer,
  summaryMachineInput,
  summaryMaterials,
  summaryRubric,
  summarySteps,
  type SummaryAnswerOptions,
  type SummaryFixture,
} from '../workflows/summary/kit';
import { PARTY_TYPES, REFERRAL_REASONS } from '../workflows/summary/machine';
import { STATEMENT_REVIEWS } from '../workflows/case/machine';
import { workflowOf } from '../workflows';
import type { AnyScenario, Hint, ScenarioDefinition, Skill } from '../types';
import { LEGAL } from '../law/legal-constants';
import {
  buildEnforcementFixture,
  enforcementAnswer,
  enforcementMaterials,
  enforcementPreset,
  enforcementRubric,
  enforcementSteps,
  type EnforcementFixture,
} from '../workflows/enforcement/kit';
import type { EnforcementInput } from '../workflows/enforcement/machine';
import {
  seizureAlternatives,
  seizureFixture,
  seizureMachineInput,
  seizureMaterials,
  seizureModelAnswer,
  seizureRubric,
  seizureSteps,
  type ItemTemplate,
  type SeizureFixture,
} from '../workflows/seizure/kit';
import { CATEGORIES, SEIZABLE, type Category } from '../workflows/seizure/machine';
import {
  recheckCaseAlternatives,
  recheckCaseAnswer,
  recheckCaseFixture,
  recheckCaseInput,
  recheckCaseMaterials,
  recheckCasePreset,
  recheckCaseRubric,
  recheckCaseSteps,
  type RecheckCaseFixture,
} from '../workflows/recheckCase/kit';

// ---------------------------------------------------------------------------------------------------------
// Catalogues the schema checks against

/** The placeholder in an enterprise name pattern that the drawn trade name (字号) fills. */
export const TRADE_PLACEHOLDER = '{字号}';

/** The skills a scenario of each workflow may train, as the built-ins use them. */
export const SPEC_SKILLS = {
  case: ['case', 'documents'],
  inspection: ['inspection', 'documents'],
  onboarding: ['onboarding'],
  summary: ['documents', 'case'],
  enforcement: ['documents', 'case'],
  seizure: ['documents', 'case'],
  recheckCase: ['case'],
} as const satisfies Record<string, readonly Skill[]>;

/** The step ids of each covered workflow's forms (a test checks them against the kits' `…Steps`). */
export const SPEC_STEP_IDS = {
  case: [
    'file',
    'evidence',
    'notice',
    'statement',
    'hearingRequest',
    'hearingSchedule',
    'hearingRecord',
    'legalReview',
    'discussion',
    'noPenalty',
    'transfer',
    'decision',
    'serve',
    'payment',
    'close',
  ],
  inspection: ['plan', 'start', 'findings', 'record', 'measures', 'order', 'closeNoHazards', 'recheck'],
  onboarding: ['basic', 'classify', 'contacts', 'registry', 'update', 'submit', 'return'],
  summary: ['onSite', 'credentials', 'notify', 'statement', 'decision', 'deliver', 'file', 'refer'],
  /** All of them when the party applies for installments; only reminder, statement and apply otherwise. */
  enforcement: ['installment', 'payment', 'reminder', 'statement', 'apply'],
  seizure: ['approve', 'record', 'decision', 'extend', 'outcome'],
  recheckCase: [
    'recheck',
    'file',
    'evidence',
    'notice',
    'statement',
    'hearingRequest',
    'hearingSchedule',
    'hearingRecord',
    'legalReview',
    'discussion',
    'decision',
    'serve',
  ],
} as const;

/** The rubric item libraries: the keys a spec's rubric may name. */
export const RUBRIC_LIBRARIES = {
  case: caseRubric,
  inspection: inspectionRubric,
  onboarding: onboardingRubric,
  summary: summaryRubric,
  enforcement: enforcementRubric,
  seizure: seizureRubric,
  recheckCase: recheckCaseRubric,
} as const;

/**
 * Placeholders a task line may use: filled from the (possibly re-homed) fixture when the card is shown. In an
 * onboarding scenario {企业} is the name the application gives.
 */
export const TASK_PLACEHOLDERS = { 机关: '执法机关名称', 企业: '企业名称' } as const;

const STANDARD_GROUPS = [...new Set(STANDARD_ITEMS.map((i) => i.group))] as [StandardGroup, ...StandardGroup[]];
const DIVISION_CODES = new Set(DIVISIONS.map((d) => d.code));

const placeholders = (template: string) => [...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);

/** Fills `{name}` placeholders; an unknown one is left as written (the schema refuses specs that have any). */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

// ---------------------------------------------------------------------------------------------------------
// Common part

const slug = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, '场景编号只能由小写英文字母、数字和连字符组成（如 case-my-scenario）');
/** A text field; refusals are prefixed with the field's path by `parseScenarioSpec`. */
const text = (_field: string, max = 2000) => z.string().trim().min(1, '不能为空').max(max, `不超过${max}字`);

const hintSchema = z.object({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]*$/, '提示编号只能由英文字母、数字和连字符组成'),
  stepId: z.string().nullable(),
  text: text('hints.text', 500),
  cost: z.number().int('扣分须为整数').min(0, '扣分不能为负').max(20, '扣分不超过20分'),
});

const rubricEntry = z.object({
  item: z.string(),
  weight: z.number().int('权重须为整数').min(1, '权重至少为1').max(100),
});

/** A random draw made before the kit's builder (in this order), whose value a text template may use. */
const drawSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pick'),
    name: z.string().regex(/^[^{}\s]+$/, '名称不能含空白或花括号'),
    values: z.array(z.union([z.string().min(1), z.number()])).min(1, '至少一个候选值'),
  }),
  z.object({
    kind: z.literal('int'),
    name: z.string().regex(/^[^{}\s]+$/, '名称不能含空白或花括号'),
    min: z.number().int(),
    max: z.number().int(),
  }),
]);
export type Draw = z.infer<typeof drawSchema>;

const commonShape = {
  id: slug,
  version: z.number().int('版本号须为整数').min(1, '版本号从1开始'),
  title: text('title', 60),
  brief: text('brief'),
  skill: z.enum(['onboarding', 'inspection', 'documents', 'case']),
  estimatedMinutes: z.number().int('须为整数').min(1).max(240),
  assessmentTimeLimitMinutes: z.number().int('须为整数').min(1).max(480).optional(),
  /** The task card's opening lines; placeholders {机关} and {企业}. */
  taskLines: z.array(text('taskLines', 300)).min(1, '至少一行任务说明'),
  hints: z.array(hintSchema),
  rubric: z.array(rubricEntry).min(1, '至少一个评分项'),
  unreachableStates: z.array(z.object({ state: z.string(), reason: text('unreachableStates.reason', 300) })).optional(),
};

type Issue = { path: (string | number)[]; message: string };
const fieldPath = (path: (string | number)[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
const issue = (path: (string | number)[], message: string): Issue => ({
  path,
  message: `${fieldPath(path)}：${message}`,
});

interface CommonSpec {
  id: string;
  skill: Skill;
  estimatedMinutes: number;
  assessmentTimeLimitMinutes?: number | undefined;
  taskLines: string[];
  hints: { id: string; stepId: string | null }[];
  rubric: { item: string; weight: number }[];
  unreachableStates?: { state: string }[] | undefined;
}

function commonIssues(workflow: keyof typeof SPEC_SKILLS, spec: CommonSpec): Issue[] {
  const out: Issue[] = [];
  const skills: readonly Skill[] = SPEC_SKILLS[workflow];
  if (!skills.includes(spec.skill))
    out.push(issue(['skill'], `流程“${workflow}”的场景只能训练${skills.join('、')}技能，不能是“${spec.skill}”`));
  if (spec.assessmentTimeLimitMinutes !== undefined && spec.assessmentTimeLimitMinutes < spec.estimatedMinutes)
    out.push(issue(['assessmentTimeLimitMinutes'], '考核时限不能短于预计用时'));
  spec.taskLines.forEach((line, i) => {
    for (const name of placeholders(line))
      if (!(name in TASK_PLACEHOLDERS))
        out.push(issue(['taskLines', i], `未知的占位符“{${name}}”，只能使用{机关}、{企业}`));
  });
  const steps: readonly string[] = SPEC_STEP_IDS[workflow];
  const hintIds = new Set<string>();
  spec.hints.forEach((h, i) => {
    if (hintIds.has(h.id)) out.push(issue(['hints', i, 'id'], `提示编号“${h.id}”重复`));
    hintIds.add(h.id);
    if (h.stepId !== null && !steps.includes(h.stepId))
      out.push(issue(['hints', i, 'stepId'], `流程“${workflow}”没有步骤“${h.stepId}”（可选：${steps.join('、')}）`));
  });
  const library = RUBRIC_LIBRARIES[workflow];
  const items = new Set<string>();
  spec.rubric.forEach((r, i) => {
    if (!(r.item in library))
      out.push(
        issue(
          ['rubric', i, 'item'],
          `流程“${workflow}”的评分项库中没有“${r.item}”（可选：${Object.keys(library).join('、')}）`,
        ),
      );
    if (items.has(r.item)) out.push(issue(['rubric', i, 'item'], `评分项“${r.item}”重复`));
    items.add(r.item);
  });
  const total = spec.rubric.reduce((sum, r) => sum + r.weight, 0);
  if (total !== 100) out.push(issue(['rubric'], `评分项权重合计为${total}，应为100`));
  const states = Object.keys(workflowOf(workflow).machine.states);
  spec.unreachableStates?.forEach((u, i) => {
    if (!states.includes(u.state))
      out.push(issue(['unreachableStates', i, 'state'], `流程“${workflow}”没有状态“${u.state}”`));
  });
  return out;
}

function drawIssues(draws: Draw[], templates: { path: (string | number)[]; text: string }[]): Issue[] {
  const out: Issue[] = [];
  const names = new Set<string>();
  draws.forEach((d, i) => {
    if (names.has(d.name)) out.push(issue(['draws', i, 'name'], `随机量“${d.name}”重复`));
    names.add(d.name);
    if (d.kind === 'int' && d.min > d.max) out.push(issue(['draws', i, 'max'], '最大值不能小于最小值'));
  });
  for (const t of templates)
    for (const name of placeholders(t.text))
      if (!names.has(name)) out.push(issue(t.path, `占位符“{${name}}”没有在 draws 中声明`));
  return out;
}

function enterpriseIssues(e: {
  namePattern: string;
  industryCode: string;
  sector: string;
  divisionCodes?: readonly string[] | undefined;
}): Issue[] {
  const out: Issue[] = [];
  const names = placeholders(e.namePattern);
  if (!names.includes('字号'))
    out.push(issue(['enterprise', 'namePattern'], `企业名称模板须含占位符${TRADE_PLACEHOLDER}（抽取的字号）`));
  for (const n of names)
    if (n !== '字号')
      out.push(issue(['enterprise', 'namePattern'], `未知的占位符“{${n}}”，只能使用${TRADE_PLACEHOLDER}`));
  const industry = industryByCode(e.industryCode);
  if (!industry)
    out.push(
      issue(['enterprise', 'industryCode'], `行业代码“${e.industryCode}”不在国民经济行业分类（GB/T 4754）目录中`),
    );
  else if (industry.sector !== e.sector)
    out.push(
      issue(
        ['enterprise', 'sector'],
        `${industry.code} ${industry.name}属于“${industry.sector}”监管行业，不是“${e.sector}”`,
      ),
    );
  e.divisionCodes?.forEach((code, i) => {
    if (!DIVISION_CODES.has(code))
      out.push(issue(['enterprise', 'divisionCodes', i], `行政区划代码“${code}”不在目录中`));
  });
  return out;
}

const enterpriseShape = {
  /** The enterprise name with {字号} where the drawn trade name goes, e.g. 秦皇岛{字号}特钢有限公司. */
  namePattern: text('enterprise.namePattern', 60),
  industryCode: z.string(),
  /** 监管行业: must be the industry's (a check that the trainer picked the industry they meant). */
  sector: z.string(),
  summary: text('enterprise.summary', 500),
};

function addIssues(ctx: z.RefinementCtx, issues: Issue[]) {
  for (const i of issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
}

// ---------------------------------------------------------------------------------------------------------
// Case (案件办理, and the 文书 scenarios on the case workflow)

const statementSchema = z.object({
  text: text('statements.text', 500),
  review: z.enum(STATEMENT_REVIEWS),
  reviewReason: text('statements.reviewReason', 500),
});

export const caseSpecSchema = z
  .object({
    ...commonShape,
    workflow: z.literal('case'),
    draws: z.array(drawSchema).default([]),
    enterprise: z.object({
      ...enterpriseShape,
      /** Divisions the enterprise may lie in; by default the kit's six. */
      divisionCodes: z.array(z.string()).min(1).optional(),
    }),
    violation: z.object({ id: z.string(), tier: z.enum(['first', 'uncorrected']) }),
    /** 违法事实; may use the draws' placeholders. */
    facts: text('facts'),
    /** The fines the model answer may propose (one is drawn); each within the tier's range. */
    amounts: z.array(z.number().int().positive()).min(1, '至少一个罚款金额'),
    statements: z.array(statementSchema).min(1).nullable(),
    hearingRequested: z.boolean(),
    hearingArguments: text('hearingArguments', 500).optional(),
    findings: z
      .object({
        minor: z.boolean(),
        firstOffence: z.boolean(),
        correctedInTime: z.boolean(),
        harm: z.enum(['none', 'minor', 'serious']),
      })
      .optional(),
    mitigation: z
      .enum(MITIGATION_IDS as [MitigationId, ...MitigationId[]])
      .nullable()
      .optional(),
    crime: z
      .enum(CRIME_IDS as [CrimeId, ...CrimeId[]])
      .nullable()
      .optional(),
    crimeAssessment: text('crimeAssessment', 500).optional(),
    /** `throughInvestigation`: the case is filed and investigated before the trainee takes over (文书 scenarios). */
    preset: z.enum(['none', 'throughInvestigation']),
    /** Answers reaching the other outcomes (alternative answers); the model answer is the kit's. */
    alternatives: z.array(
      z.object({ outcome: z.enum(['penalty', 'noPenalty', 'transfer']).optional(), hearing: z.boolean().optional() }),
    ),
  })
  .superRefine((spec, ctx) => {
    const issues = [
      ...commonIssues('case', spec),
      ...enterpriseIssues(spec.enterprise),
      ...drawIssues(spec.draws, [
        { path: ['facts'], text: spec.facts },
        ...(spec.crimeAssessment ? [{ path: ['crimeAssessment'], text: spec.crimeAssessment }] : []),
        ...(spec.hearingArguments ? [{ path: ['hearingArguments'], text: spec.hearingArguments }] : []),
      ]),
    ];
    const violation = (VIOLATIONS as Record<string, (typeof VIOLATIONS)[ViolationId] | undefined>)[spec.violation.id];
    if (!violation)
      issues.push(
        issue(
          ['violation', 'id'],
          `违法行为“${spec.violation.id}”不在违法行为目录中（可选：${VIOLATION_IDS.join('、')}）`,
        ),
      );
    else {
      const article = PENALTY_ARTICLES[violation.articleId];
      if (!article.tiers.some((t) => t.id === spec.violation.tier))
        issues.push(issue(['violation', 'tier'], `${article.citation}没有“${spec.violation.tier}”处罚档次`));
      else
        spec.amounts.forEach((amount, i) => {
          const problem = fineRangeProblem(violation.articleId, spec.violation.tier as TierId, amount);
          if (problem) issues.push(issue(['amounts', i], problem));
        });
    }
    if (spec.crime && !spec.crimeAssessment)
      issues.push(issue(['crimeAssessment'], '涉嫌犯罪的案件须写明犯罪构成要件的核查情况'));
    if (spec.hearingRequested && !spec.hearingArguments)
      issues.push(issue(['hearingArguments'], '当事人要求听证的，须写明听证中的陈述和申辩'));
    if (spec.preset === 'throughInvestigation') {
      // The kit's answers start at the 告知书 only on the way to a penalty; a transfer or 不予处罚 starts at 立案.
      const ground = spec.findings ? noPenaltyGroundFor(spec.findings) : null;
      const other = spec.crime
        ? '移送涉嫌犯罪案件'
        : ground && NO_PENALTY_GROUNDS[ground].mandatory
          ? '不予处罚'
          : null;
      if (other)
        issues.push(
          issue(['preset'], `预置立案和调查取证的场景从告知开始办理，只能以处罚结案；本案的事实要求${other}`),
        );
      spec.alternatives.forEach((a, i) => {
        if (a.outcome !== undefined && a.outcome !== 'penalty')
          issues.push(issue(['alternatives', i, 'outcome'], '预置立案和调查取证的场景，其他答案也只能以处罚结案'));
      });
    }
    addIssues(ctx, issues);
  });
export type CaseSpec = z.infer<typeof caseSpecSchema>;

// ---------------------------------------------------------------------------------------------------------
// Inspection (执法检查, and the 文书 scenarios on the inspection workflow)

const siteTemplateSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, '检查项编号只能由小写英文字母、数字和连字符组成'),
  area: text('area', 40),
  checklist: text('checklist', 200),
  bad: text('bad', 300),
  ok: text('ok', 300),
  fixed: text('fixed', 300),
  badVerdict: z.enum(['general', 'major']),
  clause: z.string().nullable(),
  measures: z.array(z.enum(MEASURES)),
  basis: text('basis', 200),
  nature: z.enum(['violation', 'hazard']),
});

/** Inspection rubric items judged only on 检查计划, 现场检查 and 检查结论: a `throughFindings` preset does them. */
const FINDINGS_PRESET_ITEMS: readonly string[] = Object.entries(inspectionRubric)
  .filter(([, make]) => make(1).feedbackAfter.every((step) => ['plan', 'start', 'findings'].includes(step)))
  .map(([item]) => item);

export const inspectionSpecSchema = z
  .object({
    ...commonShape,
    workflow: z.literal('inspection'),
    enterprise: z.object({
      ...enterpriseShape,
      divisionCodes: z.array(z.string()).min(1, '至少一个行政区划'),
      employees: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    }),
    /** The checklists of the 判定标准 that apply (all of one standard). */
    clauseGroups: z.array(z.enum(STANDARD_GROUPS)).min(1),
    /** Site items of which one is drawn as the major hazard found; each cites a 判定标准 item. */
    majors: z.array(siteTemplateSchema).min(1, '至少一个重大事故隐患候选项'),
    /** Site items of which two are drawn as general hazards. */
    generals: z.array(siteTemplateSchema).min(2, '至少两个一般事故隐患候选项'),
    maxPlanDelayDays: z.number().int().min(0).max(10),
    mayHaveExpiredOfficer: z.boolean(),
    signatureRefusalRate: z.number().min(0).max(1),
    rectifyDays: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    /** `throughFindings`: plan, inspection and findings are preset (文书 scenarios). */
    preset: z.enum(['none', 'throughFindings']),
    /** Whether the workflow's other outcomes are answered (the kit's alternatives). */
    alternatives: z.boolean(),
  })
  .superRefine((spec, ctx) => {
    const issues = [...commonIssues('inspection', spec), ...enterpriseIssues(spec.enterprise)];
    const standards = new Set(spec.clauseGroups.map((g) => STANDARD_ITEMS.find((i) => i.group === g)!.standard));
    if (standards.size > 1) issues.push(issue(['clauseGroups'], '所选检查表须属于同一判定标准'));
    const ids = new Set<string>();
    (['majors', 'generals'] as const).forEach((list) =>
      spec[list].forEach((t, i) => {
        if (ids.has(t.id)) issues.push(issue([list, i, 'id'], `检查项编号“${t.id}”重复`));
        ids.add(t.id);
        if (list === 'majors') {
          if (t.badVerdict !== 'major')
            issues.push(issue([list, i, 'badVerdict'], '重大事故隐患候选项的判定须为重大事故隐患'));
          // The model answer takes the item's measures; the 措施恰当 item's mistake takes one it does not list.
          if (t.measures.length === 0)
            issues.push(issue([list, i, 'measures'], '重大事故隐患须至少有一项相适应的现场处理措施'));
          else if (t.measures.length === MEASURES.length && spec.rubric.some((r) => r.item === 'measureFits'))
            issues.push(
              issue(
                [list, i, 'measures'],
                '列出了全部现场处理措施，评分项“measureFits”（现场处理措施恰当）便没有不相适应的措施可选错',
              ),
            );
          const item = t.clause === null ? undefined : findStandardItem(t.clause);
          if (!item)
            issues.push(
              issue([list, i, 'clause'], `判定标准条目“${t.clause ?? ''}”不存在，重大事故隐患须引用判定标准条目`),
            );
          else if (!spec.clauseGroups.includes(item.group))
            issues.push(issue([list, i, 'clause'], `判定标准条目${item.id}属于“${item.group}”，不在所选检查表中`));
        } else {
          if (t.badVerdict !== 'general')
            issues.push(issue([list, i, 'badVerdict'], '一般事故隐患候选项的判定须为一般事故隐患'));
          if (t.clause !== null) issues.push(issue([list, i, 'clause'], '一般事故隐患不引用重大事故隐患判定标准条目'));
        }
      }),
    );
    if (spec.enterprise.employees[0] > spec.enterprise.employees[1])
      issues.push(issue(['enterprise', 'employees'], '从业人数下限不能大于上限'));
    if (spec.rectifyDays[0] > spec.rectifyDays[1]) issues.push(issue(['rectifyDays'], '整改期限下限不能大于上限'));
    if (spec.preset === 'throughFindings')
      spec.rubric.forEach((r, i) => {
        if (FINDINGS_PRESET_ITEMS.includes(r.item))
          issues.push(
            issue(
              ['rubric', i, 'item'],
              `检查计划、现场检查和检查结论已预置（throughFindings），学员无法在评分项“${r.item}”上失分，请去掉该评分项`,
            ),
          );
      });
    addIssues(ctx, issues);
  });
export type InspectionSpec = z.infer<typeof inspectionSpecSchema>;

// ---------------------------------------------------------------------------------------------------------
// Onboarding (企业入库)

const FLAG_VALUES = SPECIAL_FLAGS.map((f) => f.value) as [SpecialFlag, ...SpecialFlag[]];
const NOTE_VALUES = NOTE_OPTIONS.map((n) => n.value) as [NoteCode, ...NoteCode[]];
/** Registry ids the kit gives the three unrelated enterprises it adds. */
const OTHER_REGISTRY_IDS = ['ent-100', 'ent-101', 'ent-102'];
const registryId = z.string().regex(/^ent-\d{3}$/, '名录编号须为 ent- 加三位数字');

/**
 * What is planted in the application and the registry, drawn in this order after the true record:
 * the problems the trainee must find (each with the 核验意见 it calls for) and the registry entries.
 */
const plantSchema = z.discriminatedUnion('kind', [
  /** The application's USCC has a typo (check digit fails). */
  z.object({ kind: z.literal('usccTypo') }),
  /** The application gives another division than the operating address's. */
  z.object({ kind: z.literal('wrongDivision') }),
  /** The application declares none of the special flags. */
  z.object({ kind: z.literal('flagsOmitted') }),
  /** The application's principal's phone is out of service. */
  z.object({ kind: z.literal('stalePhone') }),
  /** The application names the enterprise otherwise than its licence. */
  z.object({ kind: z.literal('misnamed'), namePattern: text('namePattern', 60) }),
  /** The enterprise is already in the registry under its former name (same USCC, an old division). */
  z.object({ kind: z.literal('formerRecord'), id: registryId, namePattern: text('namePattern', 60) }),
  /** The enterprise is already in the registry under its present name. */
  z.object({ kind: z.literal('registered'), id: registryId }),
  /** Another enterprise with a similar name (not a duplicate). */
  z.object({
    kind: z.literal('lookalike'),
    id: registryId,
    namePattern: text('namePattern', 60),
    division: z.enum(['any', 'other']),
  }),
]);
type Plant = z.infer<typeof plantSchema>;

const PLANT_NOTES: Partial<Record<Plant['kind'], NoteCode>> = {
  usccTypo: 'usccMismatch',
  wrongDivision: 'divisionMismatch',
  flagsOmitted: 'flagMissing',
  stalePhone: 'phoneInvalid',
  misnamed: 'nameMismatch',
  formerRecord: 'nameChanged',
};

/** Placeholders a site note may use, filled from the true record (and the plants). */
export const SITE_NOTE_PLACEHOLDERS = [
  '企业',
  '生产经营地址',
  '从业人员',
  '主要负责人',
  '主要负责人电话',
  '原名称',
  '专项补充',
] as const;

export const onboardingSpecSchema = z
  .object({
    ...commonShape,
    workflow: z.literal('onboarding'),
    enterprise: z.object({
      namePattern: text('enterprise.namePattern', 60),
      industryCode: z.string(),
      sector: z.string(),
      employees: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    }),
    /** The special flags (专项) the enterprise truly has. */
    flags: z.array(z.enum(FLAG_VALUES)),
    /** A flag it has with the given probability (drawn first); {专项补充} in a site note then reads `text`. */
    optionalFlag: z
      .object({ flag: z.enum(FLAG_VALUES), probability: z.number().gt(0).lt(1), text: text('optionalFlag.text', 200) })
      .optional(),
    plants: z.array(plantSchema),
    /** What the officer verified on site (the 现场核实情况). */
    siteNotes: z.array(text('siteNotes', 300)).min(1),
    /** The 核验意见 the model answer records, in order; must be those the plants call for. */
    expectedNotes: z.array(z.enum(NOTE_VALUES)),
  })
  .superRefine((spec, ctx) => {
    const issues = [
      ...commonIssues('onboarding', spec),
      ...enterpriseIssues({ ...spec.enterprise, divisionCodes: undefined }),
    ];
    if (spec.enterprise.employees[0] > spec.enterprise.employees[1])
      issues.push(issue(['enterprise', 'employees'], '从业人数下限不能大于上限'));
    if (new Set(spec.flags).size !== spec.flags.length) issues.push(issue(['flags'], '专项重复'));
    if (spec.optionalFlag && spec.flags.includes(spec.optionalFlag.flag))
      issues.push(issue(['optionalFlag', 'flag'], '可能具有的专项不能同时列为确定具有的专项'));
    // The 行业分类 item is lost by picking another industry of the same 监管行业 (the form refuses one of another).
    const industryItem = spec.rubric.findIndex((r) => r.item === 'industry');
    const sector = industryByCode(spec.enterprise.industryCode)?.sector;
    if (industryItem >= 0 && sector && INDUSTRIES.filter((i) => i.sector === sector).length < 2)
      issues.push(
        issue(
          ['rubric', industryItem, 'item'],
          `评分项“industry”（行业分类）的错误答案须选同属“${sector}”监管行业的另一个行业，目录中该监管行业只有一个行业，请去掉该评分项或换一个行业`,
        ),
      );
    const kinds = spec.plants.map((p) => p.kind);
    const ids = new Set<string>(OTHER_REGISTRY_IDS);
    spec.plants.forEach((p, i) => {
      if (kinds.indexOf(p.kind) !== i) issues.push(issue(['plants', i, 'kind'], `“${p.kind}”只能设置一次`));
      if ('id' in p) {
        if (ids.has(p.id)) issues.push(issue(['plants', i, 'id'], `名录编号“${p.id}”已被占用`));
        ids.add(p.id);
      }
      if ('namePattern' in p) {
        if (!placeholders(p.namePattern).includes('字号'))
          issues.push(issue(['plants', i, 'namePattern'], `企业名称模板须含占位符${TRADE_PLACEHOLDER}（抽取的字号）`));
        for (const n of placeholders(p.namePattern))
          if (n !== '字号')
            issues.push(issue(['plants', i, 'namePattern'], `未知的占位符“{${n}}”，只能使用${TRADE_PLACEHOLDER}`));
      }
    });
    if (kinds.includes('formerRecord') && kinds.includes('registered'))
      issues.push(issue(['plants'], '已入库记录只能有一条（原名称或现名称）'));
    if (!kinds.includes('lookalike')) issues.push(issue(['plants'], '须有一家名称相近的其他企业（lookalike）'));
    if (kinds.includes('flagsOmitted') && spec.flags.length === 0)
      issues.push(issue(['plants'], '企业确定具有的专项为空时，不能设置“漏报专项”'));
    const called = new Set(kinds.map((k) => PLANT_NOTES[k]).filter((n): n is NoteCode => n !== undefined));
    const given = new Set(spec.expectedNotes);
    if (given.size !== spec.expectedNotes.length) issues.push(issue(['expectedNotes'], '核验意见重复'));
    for (const n of called)
      if (!given.has(n))
        issues.push(issue(['expectedNotes'], `缺少核验意见“${NOTE_OPTIONS.find((o) => o.value === n)!.label}”`));
    for (const n of given)
      if (!called.has(n))
        issues.push(
          issue(['expectedNotes'], `核验意见“${NOTE_OPTIONS.find((o) => o.value === n)!.label}”没有对应的题设`),
        );
    spec.siteNotes.forEach((note, i) => {
      for (const n of placeholders(note)) {
        if (!(SITE_NOTE_PLACEHOLDERS as readonly string[]).includes(n))
          issues.push(issue(['siteNotes', i], `未知的占位符“{${n}}”（可用：${SITE_NOTE_PLACEHOLDERS.join('、')}）`));
        else if (n === '原名称' && !kinds.includes('formerRecord'))
          issues.push(issue(['siteNotes', i], '占位符“{原名称}”须有原名称的已入库记录（formerRecord）'));
        else if (n === '专项补充' && !spec.optionalFlag)
          issues.push(issue(['siteNotes', i], '占位符“{专项补充}”须设置 optionalFlag'));
      }
    });
    addIssues(ctx, issues);
  });
export type OnboardingSpec = z.infer<typeof onboardingSpecSchema>;

// ---------------------------------------------------------------------------------------------------------
// Summary (简易程序: 当场处罚, or the switch to the general procedure)

/** The placeholder of the 裁量基准 text that the drawn fine fills (written 1,000 as the built-ins do). */
export const AMOUNT_PLACEHOLDER = '{罚款金额}';

export const summarySpecSchema = z
  .object({
    ...commonShape,
    workflow: z.literal('summary'),
    partyType: z.enum(PARTY_TYPES),
    enterprise: z.object(enterpriseShape),
    violationId: z.string(),
    facts: text('facts'),
    amounts: z.array(z.number().int().positive()).min(1),
    /** The 裁量基准 rule in words, with {罚款金额}. */
    guideline: text('guideline', 300),
    statements: z.array(z.object({ text: text('statements.text', 500), disputesFacts: z.boolean() })).min(1),
    referralReason: z.enum(REFERRAL_REASONS).nullable(),
    referralSummary: text('referralSummary', 500).optional(),
    /** The procedures the alternative answers take (the model answer takes the lawful one). */
    alternatives: z.array(z.enum(['onSpot', 'general'])),
  })
  .superRefine((spec, ctx) => {
    const issues = [...commonIssues('summary', spec), ...enterpriseIssues(spec.enterprise)];
    if (!(SUMMARY_VIOLATION_IDS as string[]).includes(spec.violationId))
      issues.push(
        issue(
          ['violationId'],
          `违法行为“${spec.violationId}”不在违法行为目录中（可选：${SUMMARY_VIOLATION_IDS.join('、')}）`,
        ),
      );
    if (!placeholders(spec.guideline).includes('罚款金额'))
      issues.push(issue(['guideline'], `裁量基准须含占位符${AMOUNT_PLACEHOLDER}`));
    for (const n of placeholders(spec.guideline))
      if (n !== '罚款金额') issues.push(issue(['guideline'], `未知的占位符“{${n}}”，只能使用${AMOUNT_PLACEHOLDER}`));
    if (spec.referralReason !== null && !spec.referralSummary)
      issues.push(issue(['referralSummary'], '不适用简易程序的，须写明转普通程序需要调查的情况'));
    addIssues(ctx, issues);
  });
export type SummarySpec = z.infer<typeof summarySpecSchema>;

// ---------------------------------------------------------------------------------------------------------
// Enforcement (处罚决定的执行: 延期（分期）缴纳, or 催告 and the application to the people's court)

/** The rubric items that can be lost in each course of an enforcement scenario. */
export const ENFORCEMENT_COURSE_ITEMS = {
  installments: ['installment', 'surcharge', 'documentFields'],
  court: [
    'reminderBeforeApplication',
    'applicationNotTooEarly',
    'applicationNotTooLate',
    'surcharge',
    'documentFields',
  ],
} as const;
const ENFORCEMENT_COURSE_STEPS = {
  installments: SPEC_STEP_IDS.enforcement,
  court: ['reminder', 'statement', 'apply'],
} as const;
const COURSE_LABELS = { installments: '当事人申请分期缴纳', court: '当事人逾期不缴纳、申请强制执行' } as const;

/** Why an amount fits no tier of the violation's article, or null. */
function anyTierProblem(violationId: ViolationId, amount: number): string | null {
  const article = PENALTY_ARTICLES[VIOLATIONS[violationId].articleId];
  if (article.tiers.some((t) => fineRangeProblem(article.id, t.id, amount) === null)) return null;
  return `罚款金额${yuan(amount)}不在${article.citation}任何处罚档次的幅度内（${article.tiers.map((t) => t.label).join('；')}）`;
}

export const enforcementSpecSchema = z
  .object({
    ...commonShape,
    workflow: z.literal('enforcement'),
    /** `installments`: the party applies for installments and pays them; `court`: it never pays. */
    course: z.enum(['installments', 'court']),
    enterprise: z.object(enterpriseShape),
    /** The violation the served decision found. */
    violationId: z.string(),
    facts: text('facts'),
    /** The fines the decision may have imposed (one is drawn); each within a tier of the article. */
    amounts: z.array(z.number().int().positive()).min(1, '至少一个罚款金额'),
    /** `court`: what the party may say after the 催告书 (drawn half the time), with the review's reason. */
    statements: z.array(z.object({ text: text('statements.text', 500), reason: text('statements.reason', 500) })),
    /** `installments`: the hardship the party shows (one is drawn). */
    hardship: z.array(z.object({ reason: text('hardship.reason', 200), evidence: text('hardship.evidence', 200) })),
    /** `installments`: also answer the workflow's other outcome (the application refused, 催告, the court). */
    alternatives: z.boolean(),
  })
  .superRefine((spec, ctx) => {
    const issues = [...commonIssues('enforcement', spec), ...enterpriseIssues(spec.enterprise)];
    const course = spec.course;
    const steps: readonly string[] = ENFORCEMENT_COURSE_STEPS[course];
    spec.hints.forEach((h, i) => {
      if (
        h.stepId !== null &&
        !steps.includes(h.stepId) &&
        (SPEC_STEP_IDS.enforcement as readonly string[]).includes(h.stepId)
      )
        issues.push(
          issue(
            ['hints', i, 'stepId'],
            `${COURSE_LABELS[course]}的场景没有步骤“${h.stepId}”（可选：${steps.join('、')}）`,
          ),
        );
    });
    const items: readonly string[] = ENFORCEMENT_COURSE_ITEMS[course];
    spec.rubric.forEach((r, i) => {
      if (r.item in enforcementRubric && !items.includes(r.item))
        issues.push(
          issue(
            ['rubric', i, 'item'],
            `${COURSE_LABELS[course]}的场景中评分项“${r.item}”无从失分（可选：${items.join('、')}）`,
          ),
        );
    });
    if (!(VIOLATION_IDS as string[]).includes(spec.violationId))
      issues.push(
        issue(['violationId'], `违法行为“${spec.violationId}”不在违法行为目录中（可选：${VIOLATION_IDS.join('、')}）`),
      );
    else
      spec.amounts.forEach((amount, i) => {
        const problem = anyTierProblem(spec.violationId as ViolationId, amount);
        if (problem) issues.push(issue(['amounts', i], problem));
        else if (course === 'installments' && amount < 2000)
          issues.push(issue(['amounts', i], '分期缴纳的罚款分两期、每期以千元计，罚款金额不少于2000元'));
      });
    if (course === 'installments') {
      if (spec.hardship.length === 0)
        issues.push(issue(['hardship'], '当事人申请分期缴纳的，须写明确有经济困难的理由和证明材料'));
      if (spec.statements.length > 0)
        issues.push(issue(['statements'], '当事人按期分期缴纳，不经催告，没有催告后的陈述申辩'));
    } else {
      if (spec.hardship.length > 0) issues.push(issue(['hardship'], '当事人未申请分期缴纳，不能设置经济困难的理由'));
      if (spec.alternatives) issues.push(issue(['alternatives'], '当事人逾期不缴纳的场景只有申请强制执行一种结局'));
    }
    addIssues(ctx, issues);
  });
export type EnforcementSpec = z.infer<typeof enforcementSpecSchema>;

// ---------------------------------------------------------------------------------------------------------
// Seizure (查封扣押, 《安全生产法》第六十五条第一款第（四）项 and 《行政强制法》)

const itemTemplateSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, '物品编号只能由小写英文字母、数字和连字符组成'),
  area: text('area', 40),
  name: text('name', 60),
  spec: text('spec', 100),
  quantity: z.tuple([z.number().int().min(1, '数量至少为1'), z.number().int().min(1, '数量至少为1')]),
  unit: text('unit', 10),
  observation: text('observation', 300),
  category: z.enum(CATEGORIES),
  basis: text('basis', 300),
  mode: z.enum(['seal', 'detain']),
  keptAt: text('keptAt', 100),
});

/** Days from the seizure to the outcome: a release within the first period, a confiscation in the extension. */
export const SEIZURE_OUTCOME_DAYS = {
  release: [1, LEGAL.seizureMaxDays.value - 8],
  confiscate: [LEGAL.seizureMaxDays.value + 1, LEGAL.seizureMaxDays.value + LEGAL.seizureExtensionMaxDays.value - 8],
} as const;

export const seizureSpecSchema = z
  .object({
    ...commonShape,
    workflow: z.literal('seizure'),
    enterprise: z.object({
      ...enterpriseShape,
      divisionCodes: z.array(z.string()).min(1, '至少一个行政区划'),
      employees: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    }),
    /** Items that may be seized; all are on site. */
    seizable: z.array(itemTemplateSchema).min(1, '至少一项可以查封扣押的财物'),
    /** Items that may not be seized (hazards to order removed, or in order); two are on site. */
    others: z.array(itemTemplateSchema).min(2, '至少两项不能查封扣押的现场情况'),
    /** What the party says on site (one is drawn). */
    statements: z.array(text('statements', 300)).min(1, '至少一条当事人的陈述'),
    /** 报告事由: why the officers ask the head to approve. */
    reportReason: text('reportReason', 500),
    signatureRefusalRate: z.number().min(0).max(1),
    /** What happens after the seizure, on a day drawn from `days` after it. */
    course: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('release'),
        days: z.tuple([z.number().int(), z.number().int()]),
        facts: text('course.facts', 500),
        reason: text('course.reason', 500),
      }),
      z.object({
        kind: z.literal('confiscate'),
        days: z.tuple([z.number().int(), z.number().int()]),
        facts: text('course.facts', 500),
        reason: text('course.reason', 500),
        extensionReason: text('course.extensionReason', 300),
        /** The provision that makes the goods liable to confiscation. */
        basis: text('course.basis', 200),
      }),
    ]),
    /** Also answer the workflow's other outcome (releasing goods the model answer confiscates). */
    alternatives: z.boolean(),
  })
  .superRefine((spec, ctx) => {
    const issues = [...commonIssues('seizure', spec), ...enterpriseIssues(spec.enterprise)];
    const ids = new Set<string>();
    (['seizable', 'others'] as const).forEach((list) =>
      spec[list].forEach((t, i) => {
        if (ids.has(t.id)) issues.push(issue([list, i, 'id'], `物品编号“${t.id}”重复`));
        ids.add(t.id);
        if (t.quantity[0] > t.quantity[1]) issues.push(issue([list, i, 'quantity'], '数量下限不能大于上限'));
        const seizable = SEIZABLE.includes(t.category);
        if (list === 'seizable' && !seizable)
          issues.push(
            issue(
              [list, i, 'category'],
              '可以查封扣押的只有不符合国家标准或者行业标准的设施、设备、器材，和违法生产、储存、使用、经营、运输的危险物品（《安全生产法》第六十五条第一款第（四）项）',
            ),
          );
        if (list === 'others' && seizable)
          issues.push(issue([list, i, 'category'], '可以查封扣押的财物须列入 seizable（现场全部出现）'));
      }),
    );
    if (spec.enterprise.employees[0] > spec.enterprise.employees[1])
      issues.push(issue(['enterprise', 'employees'], '从业人数下限不能大于上限'));
    const [low, high] = SEIZURE_OUTCOME_DAYS[spec.course.kind];
    const [from, to] = spec.course.days;
    if (from > to) issues.push(issue(['course', 'days'], '天数下限不能大于上限'));
    else if (from < low || to > high)
      issues.push(
        issue(
          ['course', 'days'],
          spec.course.kind === 'release'
            ? `解除须在查封扣押期限（${LEGAL.seizureMaxDays.value}日）内作出，计入节假日顺延，天数须在${low}至${high}之间`
            : `没收在延长的期限内作出：须晚于原期限（${LEGAL.seizureMaxDays.value}日）并计入节假日顺延，天数须在${low}至${high}之间`,
        ),
      );
    if (spec.course.kind === 'confiscate')
      spec.seizable.forEach((t, i) => {
        if (t.category !== ('illegalGoods' satisfies Category))
          issues.push(
            issue(
              ['seizable', i, 'category'],
              '处理结果为没收的，查封扣押的财物须都是违法生产、储存、使用、经营、运输的危险物品；不符合标准的设施、设备没有没收的依据，应当解除（《行政强制法》第二十七条、第二十八条）',
            ),
          );
      });
    addIssues(ctx, issues);
  });
export type SeizureSpec = z.infer<typeof seizureSpecSchema>;

// ---------------------------------------------------------------------------------------------------------
// Recheck → case (复查 of a 责令限期整改指令书, then the case under 《安全生产法》第一百零二条)

export const recheckCaseSpecSchema = z
  .object({
    ...commonShape,
    workflow: z.literal('recheckCase'),
    enterprise: z.object({ ...enterpriseShape, divisionCodes: z.array(z.string()).min(1, '至少一个行政区划') }),
    /** Ordinary hazards on site: two are drawn as found and ordered removed, the others are in order. */
    templates: z.array(siteTemplateSchema).min(3, '至少三个一般事故隐患候选项（抽取两项作为发现的隐患）'),
    /** How many of the two hazards are removed by the 复查. */
    rectifiedCount: z.union([z.literal(0), z.literal(1)]),
    /** Whether the unit 拒不执行 (the uncorrected tier of 第一百零二条, with the fines on the responsible persons). */
    refused: z.boolean(),
    /** What the officers find and hear at the 复查 beyond the site. */
    recheckNote: text('recheckNote', 500),
    /** The fines the case may propose (one is drawn); each within the tier `refused` gives. */
    amounts: z.array(z.number().int().positive()).min(1, '至少一个罚款金额'),
    statements: z.array(statementSchema).min(1).nullable(),
    hearingArguments: text('hearingArguments', 500),
    /** Also answer the workflow's other outcomes (everything rectified; a hearing). */
    alternatives: z.boolean(),
  })
  .superRefine((spec, ctx) => {
    const issues = [...commonIssues('recheckCase', spec), ...enterpriseIssues(spec.enterprise)];
    const ids = new Set<string>();
    spec.templates.forEach((t, i) => {
      if (ids.has(t.id)) issues.push(issue(['templates', i, 'id'], `检查项编号“${t.id}”重复`));
      ids.add(t.id);
      if (t.badVerdict !== 'general')
        issues.push(issue(['templates', i, 'badVerdict'], '复查转立案的隐患是责令限期整改的一般事故隐患'));
      if (t.clause !== null)
        issues.push(issue(['templates', i, 'clause'], '一般事故隐患不引用重大事故隐患判定标准条目'));
    });
    const tier: TierId = spec.refused ? 'uncorrected' : 'first';
    spec.amounts.forEach((amount, i) => {
      const problem = fineRangeProblem(VIOLATIONS.hazardNotEliminated.articleId, tier, amount);
      if (problem) issues.push(issue(['amounts', i], problem));
    });
    spec.rubric.forEach((r, i) => {
      if (r.item === 'personFines' && !spec.refused)
        issues.push(
          issue(
            ['rubric', i, 'item'],
            '单位没有拒不执行的，第一百零二条不处罚直接负责的主管人员和其他直接责任人员，不能选择评分项“personFines”',
          ),
        );
    });
    addIssues(ctx, issues);
  });
export type RecheckCaseSpec = z.infer<typeof recheckCaseSpecSchema>;

// ---------------------------------------------------------------------------------------------------------
// Any spec

export const scenarioSpecSchema = z.discriminatedUnion('workflow', [
  caseSpecSchema,
  inspectionSpecSchema,
  onboardingSpecSchema,
  summarySpecSchema,
  enforcementSpecSchema,
  seizureSpecSchema,
  recheckCaseSpecSchema,
]);
export type ScenarioSpec = z.infer<typeof scenarioSpecSchema>;
/** What a trainer writes (before defaults are filled in). */
export type ScenarioSpecInput = z.input<typeof scenarioSpecSchema>;

/** Parses a spec; the refusal lists each problem in Chinese, naming its field path. */
export function parseScenarioSpec(input: unknown): { ok: true; spec: ScenarioSpec } | { ok: false; errors: string[] } {
  const result = scenarioSpecSchema.safeParse(input);
  if (result.success) return { ok: true, spec: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => {
      const path = fieldPath(i.path.filter((p): p is string | number => typeof p !== 'symbol'));
      return i.code === 'custom' || !path || i.message.startsWith(`${path}：`) ? i.message : `${path}：${i.message}`;
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Spec → ScenarioDefinition

const namePatternFn = (pattern: string) => (trade: string) => pattern.split(TRADE_PLACEHOLDER).join(trade);

function drawAll(prng: Prng, draws: Draw[]): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const d of draws) values[d.name] = d.kind === 'pick' ? prng.pick(d.values) : prng.int(d.min, d.max);
  return values;
}

const taskLines = (lines: string[], f: { authority: { name: string }; enterprise: { name: string } }) =>
  lines.map((l) => fillTemplate(l, { 机关: f.authority.name, 企业: f.enterprise.name }));

function commonDefinition(spec: ScenarioSpec) {
  return {
    id: spec.id,
    version: spec.version,
    title: spec.title,
    brief: spec.brief,
    skill: spec.skill,
    estimatedMinutes: spec.estimatedMinutes,
    ...(spec.assessmentTimeLimitMinutes !== undefined
      ? { assessmentTimeLimitMinutes: spec.assessmentTimeLimitMinutes }
      : {}),
    hints: spec.hints.map((h): Hint => ({ id: h.id, stepId: h.stepId, text: h.text, cost: h.cost })),
    ...(spec.unreachableStates ? { unreachableStates: spec.unreachableStates.map((u) => ({ ...u })) } : {}),
  };
}

function caseScenario(spec: CaseSpec): ScenarioDefinition<CaseFixture, 'case'> {
  const fixture = (seed: string): CaseFixture => {
    const prng = createPrng(`${spec.id}:${seed}`);
    const vars = drawAll(prng, spec.draws);
    return buildCaseFixture(
      prng,
      {
        namePattern: namePatternFn(spec.enterprise.namePattern),
        industryCode: spec.enterprise.industryCode,
        ...(spec.enterprise.divisionCodes ? { divisionCodes: spec.enterprise.divisionCodes } : {}),
        enterpriseSummary: spec.enterprise.summary,
        violationId: spec.violation.id as ViolationId,
        tierId: spec.violation.tier,
        facts: fillTemplate(spec.facts, vars),
        amounts: [...spec.amounts],
        statements: spec.statements ? spec.statements.map((s) => ({ ...s })) : null,
        ...(spec.hearingArguments !== undefined ? { hearingArguments: fillTemplate(spec.hearingArguments, vars) } : {}),
        hearingRequested: spec.hearingRequested,
        ...(spec.findings ? { findings: { ...spec.findings } } : {}),
        ...(spec.mitigation !== undefined ? { mitigation: spec.mitigation } : {}),
        ...(spec.crime !== undefined ? { crime: spec.crime } : {}),
        ...(spec.crimeAssessment !== undefined ? { crimeAssessment: fillTemplate(spec.crimeAssessment, vars) } : {}),
      },
      people,
      generateUscc,
    );
  };
  const preset = spec.preset === 'throughInvestigation';
  const base: CaseAnswerOptions = preset ? { from: 'notice' } : {};
  const options = (a: CaseSpec['alternatives'][number]): CaseAnswerOptions => ({
    ...base,
    ...(a.outcome !== undefined ? { outcome: a.outcome } : {}),
    ...(a.hearing !== undefined ? { hearing: a.hearing } : {}),
  });
  return {
    ...commonDefinition(spec),
    workflow: 'case',
    fixture,
    materials: (f) => caseMaterials(f, taskLines(spec.taskLines, f)),
    machineInput: caseInput,
    ...(preset ? { presetEvents: presetThroughInvestigation } : {}),
    steps: caseSteps,
    rubric: spec.rubric.map((r) => caseRubric[r.item as keyof typeof caseRubric](r.weight)),
    modelAnswer: (f) => caseAnswer(f, base),
    ...(spec.alternatives.length > 0
      ? { alternativeAnswers: (f: CaseFixture) => spec.alternatives.map((a) => caseAnswer(f, options(a))) }
      : {}),
  };
}

function inspectionScenario(spec: InspectionSpec): ScenarioDefinition<InspectionFixture, 'inspection'> {
  const template = (t: InspectionSpec['majors'][number]): Template => ({ ...t, measures: [...t.measures] });
  const fixture = (seed: string): InspectionFixture =>
    inspectionFixture(seed, {
      scenarioId: spec.id,
      divisionCodes: [...spec.enterprise.divisionCodes],
      maxPlanDelayDays: spec.maxPlanDelayDays,
      majors: spec.majors.map(template),
      generals: spec.generals.map(template),
      nameSuffix: '',
      namePattern: namePatternFn(spec.enterprise.namePattern),
      employees: [...spec.enterprise.employees],
      industryCode: spec.enterprise.industryCode,
      enterpriseSummary: spec.enterprise.summary,
      clauseGroups: [...spec.clauseGroups],
      mayHaveExpiredOfficer: spec.mayHaveExpiredOfficer,
      signatureRefusalRate: spec.signatureRefusalRate,
      rectifyDays: [...spec.rectifyDays],
    });
  const from = spec.preset === 'throughFindings' ? 'record' : 'plan';
  const standard = standardOf(spec.clauseGroups);
  return {
    ...commonDefinition(spec),
    workflow: 'inspection',
    fixture,
    materials: (f) => inspectionMaterials(f, taskLines(spec.taskLines, f)),
    machineInput: inspectionMachineInput,
    ...(spec.preset === 'throughFindings' ? { presetEvents: presetThroughFindings } : {}),
    steps: inspectionSteps,
    rubric: spec.rubric.map((r) =>
      r.item === 'majorRecognised' || r.item === 'majorClause'
        ? inspectionRubric[r.item](r.weight, standard)
        : inspectionRubric[r.item as Exclude<keyof typeof inspectionRubric, 'majorRecognised' | 'majorClause'>](
            r.weight,
          ),
    ),
    modelAnswer: (f) => inspectionModelAnswer(f, from),
    ...(spec.alternatives
      ? { alternativeAnswers: (f: InspectionFixture) => inspectionAlternatives(f, inspectionModelAnswer(f, from)) }
      : {}),
  };
}

function onboardingFixtureFromSpec(spec: OnboardingSpec, seed: string): OnboardingFixture {
  const prng = createPrng(`${spec.id}:${seed}`);
  const optional = spec.optionalFlag ? prng.next() < spec.optionalFlag.probability : false;
  const flags: SpecialFlag[] = optional ? [...spec.flags, spec.optionalFlag!.flag] : [...spec.flags];
  const { record: truth, trade } = trueRecord(prng, {
    name: namePatternFn(spec.enterprise.namePattern),
    industryCode: spec.enterprise.industryCode,
    flags,
    employees: [...spec.enterprise.employees],
  });
  let application: EnterpriseRecord = { ...truth };
  const registry: Parameters<typeof registryWith>[1] = [];
  let duplicateOf: string | null = null;
  let lookalikeId = '';
  let formerName = '';
  for (const p of spec.plants) {
    switch (p.kind) {
      case 'usccTypo':
        application = { ...application, uscc: corruptUscc(prng, truth.uscc) };
        break;
      case 'wrongDivision':
        application = {
          ...application,
          divisionCode: prng.pick(DIVISIONS.filter((d) => d.code !== truth.divisionCode)).code,
        };
        break;
      case 'flagsOmitted':
        application = { ...application, flags: [] };
        break;
      case 'stalePhone':
        application = { ...application, principalPhone: people.mobile(prng) };
        break;
      case 'misnamed':
        application = { ...application, name: namePatternFn(p.namePattern)(trade) };
        break;
      case 'formerRecord': {
        formerName = namePatternFn(p.namePattern)(trade);
        registry.push({ id: p.id, name: formerName, uscc: truth.uscc, divisionCode: prng.pick(DIVISIONS).code });
        duplicateOf = p.id;
        break;
      }
      case 'registered':
        registry.push({ id: p.id, name: truth.name, uscc: truth.uscc, divisionCode: truth.divisionCode });
        duplicateOf = p.id;
        break;
      case 'lookalike': {
        const pool = p.division === 'other' ? DIVISIONS.filter((d) => d.code !== truth.divisionCode) : DIVISIONS;
        const divisionCode = prng.pick(pool).code;
        registry.push({
          id: p.id,
          name: namePatternFn(p.namePattern)(trade),
          uscc: generateUscc(prng, divisionCode),
          divisionCode,
        });
        lookalikeId = p.id;
        break;
      }
    }
  }
  const values = {
    企业: truth.name,
    生产经营地址: truth.operatingAddress,
    从业人员: truth.employees,
    主要负责人: truth.principal,
    主要负责人电话: truth.principalPhone,
    原名称: formerName,
    专项补充: optional ? spec.optionalFlag!.text : '',
  };
  return baseFixture(prng, truth, application, {
    siteNotes: spec.siteNotes.map((n) => fillTemplate(n, values)),
    expectedNotes: [...spec.expectedNotes],
    registry: registryWith(prng, registry),
    duplicateOf,
    lookalikeId,
  });
}

function onboardingScenario(spec: OnboardingSpec): ScenarioDefinition<OnboardingFixture, 'onboarding'> {
  return {
    ...commonDefinition(spec),
    workflow: 'onboarding',
    fixture: (seed) => onboardingFixtureFromSpec(spec, seed),
    materials: (f) =>
      onboardingMaterials(
        f,
        spec.taskLines.map((l) => fillTemplate(l, { 机关: f.authority.name, 企业: f.application.name })),
      ),
    machineInput: (f): OnboardingInput => ({ registry: f.registry }),
    steps: onboardingSteps,
    rubric: spec.rubric.map((r) => onboardingRubric[r.item as keyof typeof onboardingRubric](r.weight)),
    modelAnswer: onboardingModelAnswer,
  };
}

function summaryScenario(spec: SummarySpec): ScenarioDefinition<SummaryFixture, 'summary'> {
  const fixture = (seed: string): SummaryFixture =>
    buildSummaryFixture(
      createPrng(`${spec.id}:${seed}`),
      {
        partyType: spec.partyType,
        violationId: spec.violationId as SummaryViolationId,
        namePattern: namePatternFn(spec.enterprise.namePattern),
        industryCode: spec.enterprise.industryCode,
        enterpriseSummary: spec.enterprise.summary,
        facts: spec.facts,
        amounts: [...spec.amounts],
        guideline: (amount) => fillTemplate(spec.guideline, { 罚款金额: amount.toLocaleString('en-US') }),
        statements: spec.statements.map((x) => ({ ...x })),
        referralReason: spec.referralReason,
        ...(spec.referralSummary !== undefined ? { referralSummary: spec.referralSummary } : {}),
      },
      people,
      generateUscc,
      withRecomputedCheck,
    );
  return {
    ...commonDefinition(spec),
    workflow: 'summary',
    fixture,
    materials: (f) => summaryMaterials(f, taskLines(spec.taskLines, f)),
    machineInput: summaryMachineInput,
    steps: summarySteps,
    rubric: spec.rubric.map((r) => summaryRubric[r.item as keyof typeof summaryRubric](r.weight)),
    modelAnswer: (f) => summaryAnswer(f),
    ...(spec.alternatives.length > 0
      ? {
          alternativeAnswers: (f: SummaryFixture) =>
            spec.alternatives.map((procedure) => summaryAnswer(f, { procedure } satisfies SummaryAnswerOptions)),
        }
      : {}),
  };
}

function enforcementScenario(spec: EnforcementSpec): ScenarioDefinition<EnforcementFixture, 'enforcement'> {
  const installments = spec.course === 'installments';
  const fixture = (seed: string): EnforcementFixture =>
    buildEnforcementFixture(createPrng(`${spec.id}:${seed}`), {
      kind: spec.course,
      namePattern: namePatternFn(spec.enterprise.namePattern),
      industryCode: spec.enterprise.industryCode,
      enterpriseSummary: spec.enterprise.summary,
      violationId: spec.violationId as ViolationId,
      facts: spec.facts,
      amounts: [...spec.amounts],
      // An empty list would still make the kit draw: leave it out instead.
      ...(spec.statements.length > 0 ? { statements: spec.statements.map((x) => ({ ...x })) } : {}),
      ...(spec.hardship.length > 0 ? { hardship: spec.hardship.map((x) => ({ ...x })) } : {}),
    });
  return {
    ...commonDefinition(spec),
    workflow: 'enforcement',
    fixture,
    materials: (f) => enforcementMaterials(f, taskLines(spec.taskLines, f)),
    machineInput: (f): EnforcementInput => ({
      authority: f.authority.abbreviation,
      counters: f.counters,
      head: f.head,
    }),
    presetEvents: enforcementPreset,
    steps: (f) => enforcementSteps(f, { installments }),
    rubric: spec.rubric.map((r) => enforcementRubric[r.item as keyof typeof enforcementRubric](r.weight)),
    modelAnswer: (f) => enforcementAnswer(f),
    ...(spec.alternatives
      ? { alternativeAnswers: (f: EnforcementFixture) => [enforcementAnswer(f, { refuseInstallments: true })] }
      : {}),
  };
}

function seizureScenario(spec: SeizureSpec): ScenarioDefinition<SeizureFixture, 'seizure'> {
  const item = (t: SeizureSpec['seizable'][number]): ItemTemplate => ({ ...t, quantity: [...t.quantity] });
  const fixture = (seed: string): SeizureFixture =>
    seizureFixture(seed, {
      scenarioId: spec.id,
      divisionCodes: [...spec.enterprise.divisionCodes],
      nameSuffix: '',
      namePattern: namePatternFn(spec.enterprise.namePattern),
      industryCode: spec.enterprise.industryCode,
      employees: [...spec.enterprise.employees],
      enterpriseSummary: spec.enterprise.summary,
      seizable: spec.seizable.map(item),
      others: spec.others.map(item),
      statements: [...spec.statements],
      reportReason: spec.reportReason,
      signatureRefusalRate: spec.signatureRefusalRate,
      course: { ...spec.course, days: [...spec.course.days] },
    });
  return {
    ...commonDefinition(spec),
    workflow: 'seizure',
    fixture,
    materials: (f) => seizureMaterials(f, taskLines(spec.taskLines, f)),
    machineInput: seizureMachineInput,
    steps: seizureSteps,
    rubric: spec.rubric.map((r) => seizureRubric[r.item as keyof typeof seizureRubric](r.weight)),
    modelAnswer: seizureModelAnswer,
    ...(spec.alternatives ? { alternativeAnswers: seizureAlternatives } : {}),
  };
}

function recheckCaseScenario(spec: RecheckCaseSpec): ScenarioDefinition<RecheckCaseFixture, 'recheckCase'> {
  const template = (t: RecheckCaseSpec['templates'][number]): Template => ({ ...t, measures: [...t.measures] });
  const fixture = (seed: string): RecheckCaseFixture =>
    recheckCaseFixture(seed, {
      scenarioId: spec.id,
      divisionCodes: [...spec.enterprise.divisionCodes],
      nameSuffix: '',
      namePattern: namePatternFn(spec.enterprise.namePattern),
      industryCode: spec.enterprise.industryCode,
      enterpriseSummary: spec.enterprise.summary,
      templates: spec.templates.map(template),
      rectifiedCount: spec.rectifiedCount,
      refused: spec.refused,
      recheckNote: spec.recheckNote,
      amounts: [...spec.amounts],
      statements: spec.statements ? spec.statements.map((x) => ({ ...x })) : null,
      hearingArguments: spec.hearingArguments,
    });
  return {
    ...commonDefinition(spec),
    workflow: 'recheckCase',
    fixture,
    materials: (f) => recheckCaseMaterials(f, taskLines(spec.taskLines, f.inspection)),
    machineInput: recheckCaseInput,
    presetEvents: recheckCasePreset,
    steps: recheckCaseSteps,
    rubric: spec.rubric.map((r) => recheckCaseRubric[r.item as keyof typeof recheckCaseRubric](r.weight)),
    modelAnswer: (f) => recheckCaseAnswer(f),
    ...(spec.alternatives ? { alternativeAnswers: recheckCaseAlternatives } : {}),
  };
}

/** Builds the scenario a parsed spec describes, with its workflow's kit. */
export function scenarioFromSpec(spec: ScenarioSpec): AnyScenario {
  switch (spec.workflow) {
    case 'case':
      return caseScenario(spec);
    case 'inspection':
      return inspectionScenario(spec);
    case 'onboarding':
      return onboardingScenario(spec);
    case 'summary':
      return summaryScenario(spec);
    case 'enforcement':
      return enforcementScenario(spec);
    case 'seizure':
      return seizureScenario(spec);
    case 'recheckCase':
      return recheckCaseScenario(spec);
  }
}

// Re-exported for editors that offer choices from the catalogues rather than typed text.
export { INDUSTRIES, SUPERVISED_SECTORS, STANDARD_ITEMS, VIOLATION_IDS, DIVISIONS };
export type { SupervisedSector };

/**
 * A built-in scenario defined by its spec (scenarios/<id>/spec.ts): checked like a trainer's, so a
 * built-in can never hold what the editor would refuse. A refusal here is a programming error and
 * stops the module loading, with the reasons.
 */
export function builtInFromSpec(input: ScenarioSpecInput): AnyScenario {
  const parsed = parseScenarioSpec(input);
  if (!parsed.ok) throw new Error(`内置场景${input.id}的定义无效：\n${parsed.errors.join('\n')}`);
  return scenarioFromSpec(parsed.spec);
}
