/**
 * The bar's property test for issue 16: any definition the schema accepts either publishes or is refused
 * with reasons — never an exception, never a scenario that throws during an attempt.
 *
 * Definitions are generated mostly by editing the built-in specs with values drawn from the catalogues the
 * schema checks against (industries, violations and tiers, amounts inside and outside the tier's range,
 * 判定标准 items, rubric items and weights, hints, draws, statements, …) plus some junk, so that both
 * accepted and refused definitions come out in quantity. Each accepted one is built, put through the
 * publishing gate, and when it publishes, attempts at it are walked at random (random steps, values from
 * the model answer, the mistakes and the alternatives, and random values), touching everything the
 * attempt page shows, and replayed.
 *
 * Reproduce a failure with what it prints: SPEC_PROPERTY_SEED=<seed> SPEC_PROPERTY_PATH=<path> npx vitest run
 * <this file>; a long local run: SPEC_PROPERTY_RUNS=2000 (and another SPEC_PROPERTY_SEED) npx vitest run <this file>.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkPublishable, type GateCheck } from '../../scenarios/authoring/gate';
import { minutesAfter, T0 } from '../../scenarios/authoring/explore';
import {
  RUBRIC_LIBRARIES,
  SPEC_SKILLS,
  SPEC_STEP_IDS,
  parseScenarioSpec,
  scenarioFromSpec,
  type ScenarioSpecInput,
} from '../../scenarios/authoring/spec';
import { BUILT_IN_SPECS } from '../../scenarios/authoring/spec-examples';
import { renderDocuments } from '../../scenarios/documents';
import {
  attemptDocuments,
  attemptFixture,
  attemptMaterials,
  availableSteps,
  attemptSteps,
  finishAttempt,
  applyStep,
  practiceFeedback,
  replayAttempt,
  scoreAttempt,
  startAttempt,
  useHint,
  withScenario,
} from '../../scenarios/engine';
import { DIVISIONS, practiceHomeOf } from '../../scenarios/lib/divisions';
import type { FieldDescriptor } from '../../scenarios/lib/form';
import { STANDARD_ITEMS } from '../../scenarios/lib/hazard-standard';
import { INDUSTRIES, SPECIAL_FLAGS, SUPERVISED_SECTORS } from '../../scenarios/lib/industries';
import {
  CRIME_IDS,
  MITIGATION_IDS,
  PENALTY_ARTICLES,
  SUMMARY_VIOLATION_IDS,
  VIOLATIONS,
  VIOLATION_IDS,
  type ViolationId,
} from '../../scenarios/law/penalties';
import { createPrng, type Prng } from '../../scenarios/prng';
import type { AnswerStep, AnyScenario, ApplyResult, AttemptState, PracticeHome, Step } from '../../scenarios/types';
import { MEASURES } from '../../scenarios/workflows/inspection/machine';
import { NOTE_OPTIONS } from '../../scenarios/workflows/onboarding/kit';
import { REFERRAL_REASONS } from '../../scenarios/workflows/summary/machine';
import { STATEMENT_REVIEWS } from '../../scenarios/workflows/case/machine';
import { workflowOf, type WorkflowId } from '../../scenarios/workflows';

const RUNS = Number(process.env.SPEC_PROPERTY_RUNS ?? 300);
const SEED = Number(process.env.SPEC_PROPERTY_SEED ?? 16_2026);
/** The counterexample path fast-check printed: replays that case first (with SPEC_PROPERTY_SEED). */
const PATH = process.env.SPEC_PROPERTY_PATH;
/** Random walks per published definition, and most actions per walk. */
const WALKS = 3;
const WALK_ACTIONS = 40;
const GATE = { seeds: ['publish-1'], pathLimit: 2000 };

/** The workflows that have a spec schema, as the schema lists them. */
type SpecWorkflow = keyof typeof SPEC_STEP_IDS;
const SPEC_WORKFLOWS = Object.keys(SPEC_STEP_IDS) as SpecWorkflow[];

// ---------------------------------------------------------------------------------------------------------
// Edits: a named change to a draft (a deep copy of a spec), printed by name when fast-check reports a case

// The drafts are edited in place; their shape is the schema's business, not the generator's.
type Draft = Record<string, any>;
interface Edit {
  what: string;
  apply(draft: Draft): void;
}

function edit<T>(what: string, values: fc.Arbitrary<T>, apply: (draft: Draft, value: T) => void): fc.Arbitrary<Edit> {
  return values.map((value) => {
    const shown = `${what} ${fc.stringify(value)}`;
    return { what: shown, apply: (draft: Draft) => apply(draft, value), [fc.toStringMethod]: () => shown };
  });
}

/** An edit drawn `weight` times as often as the others. */
const often = (arbitrary: fc.Arbitrary<Edit>, weight = 3): fc.WeightedArbitrary<Edit> => ({ arbitrary, weight });
const pickOf = <T>(items: readonly T[]) => fc.constantFrom(...items);
const has = (value: unknown): value is Draft => typeof value === 'object' && value !== null;

// Text: mostly plausible Chinese, some with placeholders (known and unknown), some junk.
const SENTENCES = [
  '执法人员检查时发现该公司存在违法行为。',
  '该公司主要负责人当场承认。',
  '现场未见相关记录。',
  '秦皇岛某企业',
  '请依法办理。',
];
const PLACEHOLDER_TEXTS = [
  '{机关}对{企业}开展检查。',
  '{企业}的{未知}',
  '{字号}',
  '{罚款金额}元',
  '{place}处未设置标志',
  '{{企业}}',
  '{',
  '}{',
  '{ }',
];
const junkText = fc.oneof(
  fc.constantFrom('', ' ', '\n\t'),
  fc.string({ maxLength: 8 }),
  fc.string({ minLength: 301, maxLength: 320 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const text = fc.oneof(
  { weight: 6, arbitrary: pickOf(SENTENCES) },
  { weight: 2, arbitrary: pickOf(PLACEHOLDER_TEXTS) },
  { weight: 1, arbitrary: junkText },
);
/** Mostly valid values of a catalogue, sometimes one outside it. */
const mostly = <T, U>(valid: readonly T[], ...invalid: U[]): fc.Arbitrary<T | U> =>
  fc.oneof({ weight: 9, arbitrary: pickOf(valid) }, { weight: 1, arbitrary: pickOf(invalid) });

/** Weights of `count` items that sum to 100 (each at least 1). */
const weightsOf = (count: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: count - 1, maxLength: count - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 100];
    return points.slice(1).map((p, i) => p - points[i]!);
  });

/** Every path in a JSON-like value, for the junk edits. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (!has(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}
function setAt(draft: Draft, path: (string | number)[], value: unknown, remove = false) {
  let node: Draft = draft;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path[path.length - 1]!;
  if (remove && Array.isArray(node)) node.splice(Number(last), 1);
  else if (remove) delete node[last];
  else node[last] = value;
}

/** A [low, high] pair inside [min, max], mostly in order; sometimes reversed or below the minimum. */
const pairOf = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min: min - 1, max }), fc.integer({ min: min - 1, max }), fc.nat(9))
    .map(([a, b, spoil]) => (spoil === 0 ? [b, a] : [Math.min(a, b), Math.max(a, b)]));

/** The penalty tier a case draft names, if its violation and tier are in the catalogue. */
function tierOf(draft: Draft) {
  const violation = (VIOLATIONS as Record<string, (typeof VIOLATIONS)[ViolationId] | undefined>)[draft.violation?.id];
  return violation && PENALTY_ARTICLES[violation.articleId].tiers.find((t) => t.id === draft.violation?.tier);
}

/** An amount at `share` of the tier's range: shares in [0, 1] fall inside, others outside. */
function amountAt(draft: Draft, share: number): number {
  const tier = tierOf(draft);
  const [min, max] = tier && tier.max !== null ? [tier.min, tier.max] : [0, 100_000];
  return Math.round((min + (max - min) * share) / 100) * 100;
}
const shares = fc.array(
  fc.oneof(
    { weight: 8, arbitrary: fc.double({ min: 0.01, max: 1, noNaN: true }) },
    { weight: 2, arbitrary: fc.constantFrom(0, -0.2, 1.2, 3) },
  ),
  { minLength: 1, maxLength: 3 },
);

// ---------------------------------------------------------------------------------------------------------
// Edits every workflow shares

function commonEdits(workflow: SpecWorkflow): fc.MaybeWeightedArbitrary<Edit>[] {
  const steps: readonly string[] = SPEC_STEP_IDS[workflow];
  const library = Object.keys(RUBRIC_LIBRARIES[workflow as keyof typeof RUBRIC_LIBRARIES] ?? {});
  const states = Object.keys(workflowOf(workflow as WorkflowId).machine.states);
  const skills = SPEC_SKILLS[workflow as keyof typeof SPEC_SKILLS] as readonly string[];
  const hint = fc.record({
    id: mostly(['a', 'b', 'c-1', 'hint2'], '1bad', '', 'a b'),
    stepId: fc.oneof(pickOf(steps), fc.constant(null), fc.constant('nowhere')),
    text: text,
    cost: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 20 }) }, fc.constantFrom(-1, 21, 2.5)),
  });
  const rubric = fc.shuffledSubarray(library, { minLength: 1, maxLength: Math.min(library.length, 8) }).chain((items) =>
    fc.record({
      items: fc.constant(items),
      weights: weightsOf(items.length),
      spoil: fc.oneof(
        { weight: 8, arbitrary: fc.constant(null) },
        fc.constantFrom('weight+1', 'unknown', 'duplicate', 'zero'),
      ),
    }),
  );
  const rubricEdit = edit('rubric', rubric, (d, { items, weights, spoil }) => {
    d.rubric = items.map((item, i) => ({ item, weight: weights[i]! }));
    if (spoil === 'weight+1') d.rubric[0].weight += 1;
    if (spoil === 'unknown') d.rubric[0].item = 'bribery';
    if (spoil === 'duplicate' && d.rubric.length > 1) d.rubric[1].item = d.rubric[0].item;
    if (spoil === 'zero') d.rubric.push({ item: items[0], weight: 0 });
  });
  return [
    often(rubricEdit, 2),
    edit('title', text, (d, v) => (d.title = v)),
    edit('brief', text, (d, v) => (d.brief = v)),
    edit('skill', mostly(skills, 'onboarding', 'inspection', 'documents', 'case', 'cooking'), (d, v) => (d.skill = v)),
    edit(
      'minutes',
      fc.tuple(fc.integer({ min: -2, max: 250 }), fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined })),
      (d, [estimated, limit]) => {
        d.estimatedMinutes = estimated;
        d.assessmentTimeLimitMinutes = limit;
      },
    ),
    edit('id', mostly(['my-draft', 'case-alarm-disabled', 'x', 'a1-b2'], 'Case One', '-x', ''), (d, v) => (d.id = v)),
    edit('version', fc.integer({ min: -1, max: 5 }), (d, v) => (d.version = v)),
    edit('taskLines', fc.array(text, { maxLength: 3 }), (d, v) => (d.taskLines = v)),
    edit('add hint', hint, (d, v) => (d.hints = [...(d.hints ?? []), v])),
    edit('drop hints', fc.nat(), (d, n) => (d.hints = (d.hints ?? []).filter((_: unknown, i: number) => i !== n % 3))),
    edit('rubric merge', fc.nat(), (d, n) => {
      // Drops one item and gives its weight to another: still 100.
      if (!Array.isArray(d.rubric) || d.rubric.length < 2) return;
      const i = n % d.rubric.length;
      const [gone] = d.rubric.splice(i, 1);
      d.rubric[0].weight += gone.weight;
    }),
    edit(
      'unreachableStates',
      fc.option(fc.subarray([...states, 'nowhere'], { maxLength: 3 }), { nil: undefined }),
      (d, v) => (d.unreachableStates = v?.map((state) => ({ state, reason: '本场景不会到达' }))),
    ),
    edit(
      'industry',
      fc.record({
        industry: mostly(INDUSTRIES, { code: 'C9999', name: '无', sector: '轻工' }),
        sector: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, pickOf(SUPERVISED_SECTORS)),
      }),
      (d, { industry, sector }) => {
        if (!has(d.enterprise)) return;
        d.enterprise.industryCode = industry.code;
        d.enterprise.sector = sector ?? industry.sector;
      },
    ),
    edit(
      'namePattern',
      mostly(
        ['秦皇岛{字号}有限公司', '{字号}', '{字号}{字号}厂', '{字号}小吃店'],
        '无字号公司',
        '{字号}{企业}',
        '',
        '{字号',
      ),
      (d, v) => has(d.enterprise) && (d.enterprise.namePattern = v),
    ),
    edit('junk', fc.tuple(fc.nat(), fc.anything({ maxDepth: 2 }), fc.boolean()), (d, [n, junk, remove]) => {
      const paths = pathsOf(d);
      if (paths.length > 0) setAt(d, paths[n % paths.length]!, junk, remove);
    }),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Edits per workflow: one entry per workflow with a spec (a workflow without an entry gets the common edits)

const CASE_EDITS: fc.MaybeWeightedArbitrary<Edit>[] = [
  edit(
    'violation',
    fc.record({
      id: mostly(VIOLATION_IDS, 'speeding'),
      tier: pickOf(['first', 'uncorrected']),
      shares,
    }),
    (d, { id, tier, shares }) => {
      d.violation = { id, tier };
      d.amounts = shares.map((s) => amountAt(d, s));
    },
  ),
  edit('amounts', shares, (d, v) => (d.amounts = v.map((s) => amountAt(d, s)))),
  edit(
    'statements',
    fc.option(
      fc.array(fc.record({ text, review: mostly(STATEMENT_REVIEWS, 'ignored'), reviewReason: text }), {
        maxLength: 3,
      }),
      { nil: null },
    ),
    (d, v) => (d.statements = v),
  ),
  edit('hearing', fc.tuple(fc.boolean(), fc.option(text, { nil: undefined })), (d, [requested, args]) => {
    d.hearingRequested = requested;
    d.hearingArguments = args;
  }),
  edit(
    'findings',
    fc.option(
      fc.record({
        minor: fc.boolean(),
        firstOffence: fc.boolean(),
        correctedInTime: fc.boolean(),
        harm: mostly(['none', 'minor', 'serious'], 'fatal'),
      }),
      { nil: undefined },
    ),
    (d, v) => (d.findings = v),
  ),
  edit('mitigation', fc.option(mostly(MITIGATION_IDS, 'bribe'), { nil: undefined }), (d, v) => (d.mitigation = v)),
  edit(
    'crime',
    fc.tuple(fc.option(pickOf(CRIME_IDS)), fc.option(text, { nil: undefined })),
    (d, [crime, assessment]) => {
      d.crime = crime;
      d.crimeAssessment = assessment;
    },
  ),
  edit('preset', mostly(['none', 'throughInvestigation'], 'throughFindings'), (d, v) => (d.preset = v)),
  edit(
    'alternatives',
    fc.array(
      fc.record(
        { outcome: mostly(['penalty', 'noPenalty', 'transfer'], 'pardon'), hearing: fc.boolean() },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    ),
    (d, v) => (d.alternatives = v),
  ),
  edit(
    'draws',
    fc.tuple(
      fc.array(
        fc.oneof(
          fc.record({
            kind: fc.constant('pick'),
            name: mostly(['place', 'ppm', 'workers'], 'a b', '{x}'),
            values: fc.array(fc.oneof(pickOf(SENTENCES), fc.integer()), { maxLength: 3 }),
          }),
          fc.record({
            kind: fc.constant('int'),
            name: mostly(['workers', 'ppm', 'n'], ''),
            min: fc.integer({ min: -5, max: 10 }),
            max: fc.integer({ min: -5, max: 10 }),
          }),
        ),
        { maxLength: 3 },
      ),
      fc.subarray(['place', 'ppm', 'workers', 'n', 'undeclared']),
    ),
    (d, [draws, used]) => {
      d.draws = draws;
      d.facts = `执法人员检查时发现${used.map((n) => `{${n}}`).join('、')}。`;
    },
  ),
  edit(
    'divisionCodes',
    fc.option(
      fc.array(
        mostly(
          DIVISIONS.map((x) => x.code),
          '999999',
        ),
        { maxLength: 3 },
      ),
      { nil: undefined },
    ),
    (d, v) => has(d.enterprise) && (d.enterprise.divisionCodes = v),
  ),
];

const STANDARD_GROUPS = [...new Set(STANDARD_ITEMS.map((i) => i.group))];
const siteTemplate = (verdict: 'major' | 'general') =>
  fc.record({
    id: mostly(['t-1', 't-2', 't-3', 'entry-procedure', 'drill'], 'Bad Id'),
    area: text,
    checklist: text,
    bad: text,
    ok: text,
    fixed: text,
    badVerdict: fc.oneof({ weight: 9, arbitrary: fc.constant(verdict) }, fc.constantFrom('major', 'general')),
    clause:
      verdict === 'major'
        ? mostly(
            STANDARD_ITEMS.map((i) => i.id),
            null,
            'Z9',
          )
        : fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, pickOf(STANDARD_ITEMS.map((i) => i.id))),
    measures: fc.subarray([...MEASURES]),
    basis: text,
    nature: pickOf(['violation', 'hazard']),
  });

const INSPECTION_EDITS: fc.MaybeWeightedArbitrary<Edit>[] = [
  edit('clauseGroups', fc.subarray(STANDARD_GROUPS, { minLength: 1, maxLength: 3 }), (d, v) => (d.clauseGroups = v)),
  edit('clause', fc.tuple(fc.nat(), pickOf(STANDARD_ITEMS)), (d, [n, item]) => {
    // A 判定标准 item of a checklist the draft has, mostly (the item's group is added when missing).
    if (!Array.isArray(d.majors) || d.majors.length === 0) return;
    d.majors[n % d.majors.length].clause = item.id;
    if (Array.isArray(d.clauseGroups) && !d.clauseGroups.includes(item.group) && n % 4 !== 0)
      d.clauseGroups = [...new Set([...d.clauseGroups, item.group])];
  }),
  edit('add major', siteTemplate('major'), (d, v) => Array.isArray(d.majors) && d.majors.push(v)),
  edit('add general', siteTemplate('general'), (d, v) => Array.isArray(d.generals) && d.generals.push(v)),
  often(
    edit('major measures', fc.subarray([...MEASURES]), (d, v) => {
      if (Array.isArray(d.majors)) for (const major of d.majors) if (has(major)) major.measures = v;
    }),
    2,
  ),
  edit('drop site items', fc.tuple(fc.nat(), fc.boolean()), (d, [n, majors]) => {
    const list = majors ? d.majors : d.generals;
    if (Array.isArray(list) && list.length > 0) list.splice(n % list.length, 1);
  }),
  edit('maxPlanDelayDays', fc.integer({ min: -1, max: 11 }), (d, v) => (d.maxPlanDelayDays = v)),
  edit('mayHaveExpiredOfficer', fc.boolean(), (d, v) => (d.mayHaveExpiredOfficer = v)),
  edit(
    'signatureRefusalRate',
    fc.oneof({ weight: 5, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }, fc.constantFrom(-0.1, 1.5)),
    (d, v) => (d.signatureRefusalRate = v),
  ),
  often(
    edit('rectifyDays', pairOf(1, 90), (d, v) => (d.rectifyDays = v)),
    2,
  ),
  edit('employees', pairOf(1, 2000), (d, v) => has(d.enterprise) && (d.enterprise.employees = v)),
  edit(
    'divisionCodes',
    fc.array(
      mostly(
        DIVISIONS.map((x) => x.code),
        '999999',
      ),
      { maxLength: 4 },
    ),
    (d, v) => has(d.enterprise) && (d.enterprise.divisionCodes = v),
  ),
  edit(
    'preset',
    fc.tuple(mostly(['none', 'throughFindings'], 'throughInvestigation'), fc.boolean()),
    (d, [preset, alternatives]) => {
      d.preset = preset;
      d.alternatives = alternatives;
    },
  ),
];

const FLAGS = SPECIAL_FLAGS.map((f) => f.value);
const PLANT_NOTES: Record<string, string> = {
  usccTypo: 'usccMismatch',
  wrongDivision: 'divisionMismatch',
  flagsOmitted: 'flagMissing',
  stalePhone: 'phoneInvalid',
  misnamed: 'nameMismatch',
  formerRecord: 'nameChanged',
};
const PLANT_KINDS = [
  'usccTypo',
  'wrongDivision',
  'flagsOmitted',
  'stalePhone',
  'misnamed',
  'formerRecord',
  'registered',
];
/** Plants of the given kinds (ids fresh, a lookalike mostly added); `spoil` sometimes breaks a rule of the schema. */
function plantsOf(kinds: readonly string[], lookalike: boolean, spoil: number) {
  const plants: Draft[] = kinds
    .filter((k) => spoil % 6 === 0 || !(k === 'registered' && kinds.includes('formerRecord')))
    .map((kind, i) => {
      const id = spoil % 11 === 0 ? 'ent-100' : `ent-3${10 + i}`;
      if (kind === 'misnamed') return { kind, namePattern: spoil % 13 === 0 ? '无字号' : '秦皇岛{字号}厂' };
      if (kind === 'formerRecord') return { kind, id, namePattern: '秦皇岛{字号}旧厂' };
      if (kind === 'registered') return { kind, id };
      return { kind };
    });
  if (lookalike)
    plants.push({
      kind: 'lookalike',
      id: 'ent-399',
      namePattern: spoil % 17 === 0 ? '{字号}{未知}' : '秦皇岛{字号}贸易有限公司',
      division: spoil % 2 === 0 ? 'any' : 'other',
    });
  if (spoil % 19 === 0) plants.push({ ...plants[0] });
  return plants;
}
const ONBOARDING_EDITS: fc.MaybeWeightedArbitrary<Edit>[] = [
  edit('flags', fc.subarray(FLAGS), (d, v) => (d.flags = v)),
  edit(
    'optionalFlag',
    fc.option(
      fc.record({
        flag: pickOf(FLAGS),
        probability: fc.oneof(
          { weight: 5, arbitrary: fc.double({ min: 0.01, max: 0.99, noNaN: true }) },
          fc.constantFrom(0, 1),
        ),
        text,
      }),
      { nil: undefined },
    ),
    (d, v) => (d.optionalFlag = v),
  ),
  often(
    edit(
      'plants',
      fc.tuple(
        fc.oneof(fc.subarray(PLANT_KINDS, { maxLength: 4 }), fc.constantFrom([], ['registered'], ['stalePhone'])),
        mostly([true], false),
        fc.nat(),
      ),
      (d, [kinds, lookalike, spoil]) => {
        d.plants = plantsOf(kinds, lookalike, spoil);
        // The 核验意见 the plants call for, mostly exactly.
        const notes = [...new Set(d.plants.map((p: Draft) => PLANT_NOTES[p.kind]).filter(Boolean))];
        d.expectedNotes = spoil % 7 === 0 ? [...notes, 'phoneInvalid'] : notes;
      },
    ),
    3,
  ),
  edit(
    'siteNotes',
    fc.array(
      fc.oneof(
        pickOf(['企业名称：{企业}', '地址：{生产经营地址}', '原名称：{原名称}', '专项{专项补充}', '从业{从业人员}人']),
        text,
      ),
      { minLength: 0, maxLength: 4 },
    ),
    (d, v) => (d.siteNotes = v),
  ),
  edit('expectedNotes', fc.subarray(NOTE_OPTIONS.map((o) => o.value)), (d, v) => (d.expectedNotes = v)),
  edit('employees', pairOf(1, 2000), (d, v) => has(d.enterprise) && (d.enterprise.employees = v)),
];

const SUMMARY_EDITS: fc.MaybeWeightedArbitrary<Edit>[] = [
  edit('partyType', mostly(['unit', 'person'], 'company'), (d, v) => (d.partyType = v)),
  edit('violationId', mostly(SUMMARY_VIOLATION_IDS, 'littering'), (d, v) => (d.violationId = v)),
  often(
    edit(
      'amounts',
      fc.array(
        fc.oneof(
          fc.constantFrom(50, 100, 150, 200, 201, 1000, 2000, 3000, 3001, 50_000),
          fc.integer({ min: -10, max: 5000 }),
        ),
        { minLength: 0, maxLength: 3 },
      ),
      (d, v) => (d.amounts = v),
    ),
    2,
  ),
  edit(
    'guideline',
    mostly(['首次被发现的，罚款{罚款金额}元', '{罚款金额}'], '罚款一千元', '{罚款金额}{企业}'),
    (d, v) => (d.guideline = v),
  ),
  edit(
    'statements',
    fc.array(fc.record({ text, disputesFacts: fc.boolean() }), { minLength: 0, maxLength: 3 }),
    (d, v) => (d.statements = v),
  ),
  often(
    edit(
      'referral',
      fc.tuple(fc.option(mostly(REFERRAL_REASONS, 'tired')), fc.option(text, { nil: undefined })),
      (d, [reason, summary]) => {
        d.referralReason = reason;
        d.referralSummary = summary;
      },
    ),
    2,
  ),
  edit('alternatives', fc.array(mostly(['onSpot', 'general'], 'appeal'), { maxLength: 3 }), (d, v) => {
    d.alternatives = v;
  }),
  edit('facts', text, (d, v) => (d.facts = v)),
];

/** Workflow-specific edits; a workflow with a spec but no entry here is generated with the common edits. */
const WORKFLOW_EDITS: Partial<Record<SpecWorkflow, fc.MaybeWeightedArbitrary<Edit>[]>> = {
  case: CASE_EDITS,
  inspection: INSPECTION_EDITS,
  onboarding: ONBOARDING_EDITS,
  summary: SUMMARY_EDITS,
};

const specific = (workflow: SpecWorkflow) => WORKFLOW_EDITS[workflow] ?? [];
const basesOf = (workflow: SpecWorkflow) => BUILT_IN_SPECS.filter((s) => s.workflow === workflow);
/** A built-in of the workflow to start from (every built-in is written as a spec). */
const baseOf = (workflow: SpecWorkflow) => fc.constantFrom(...basesOf(workflow));

/** A definition: a built-in spec with a few edits, or (rarely) anything at all. */
const definitionArb: fc.Arbitrary<{ workflow: string; input: unknown; edits: string[] }> = fc.oneof(
  {
    weight: 30,
    arbitrary: pickOf(SPEC_WORKFLOWS.filter((w) => basesOf(w).length > 0)).chain((workflow) =>
      fc
        .record({
          base: baseOf(workflow),
          // The workflow's own edits count twice: they are what the catalogues check.
          edits: fc.array(fc.oneof(...commonEdits(workflow), ...specific(workflow), ...specific(workflow)), {
            maxLength: 5,
          }),
        })
        .map(({ base, edits }) => {
          const draft: Draft = structuredClone(base);
          for (const e of edits) e.apply(draft);
          return { workflow, input: draft, edits: edits.map((e) => e.what) };
        }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.anything(), fc.record({ workflow: pickOf(SPEC_WORKFLOWS), id: fc.string() }))
      .map((input) => ({ workflow: 'junk', input, edits: [] })),
  },
);

// ---------------------------------------------------------------------------------------------------------
// Random walks of an attempt

const CJK = /[\u4e00-\u9fff]/;
/** A Chinese message: some CJK after the field path (a refusal reads "field.path：原因"). */
const isChinese = (message: string) => CJK.test(message.slice(message.indexOf('：') + 1));

const HOMES: PracticeHome[] = [
  practiceHomeOf(
    { name: '昌黎县', code: '130322', level: 'county' },
    { name: '秦皇岛市', code: '130300' },
    { name: '河北省', code: '130000' },
  ),
  practiceHomeOf({ name: '河北省', code: '130000', level: 'province' }, null, { name: '河北省', code: '130000' }),
  practiceHomeOf(
    { name: '正定县', code: '130123', level: 'county' },
    { name: '石家庄市', code: '130100' },
    { name: '河北省', code: '130000' },
  ),
  practiceHomeOf(
    { name: '经济技术开发区', code: '130300-01', level: 'county' },
    { name: '秦皇岛市', code: '130300' },
    { name: '河北省', code: '130000' },
  ),
];

const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A random raw value for a form field: near the answer's value, another option, blank or junk. */
function randomValue(field: FieldDescriptor, answer: string | string[] | undefined, prng: Prng): string | string[] {
  const base = Array.isArray(answer) ? answer[0] : answer;
  const options = field.options?.map((o) => o.value) ?? [];
  const junk = [
    ...['', ' ', 'x', '0', '-0', '-1', '0.5', '1,000', '999999999999999', '1e3'],
    ...['2025-02-30', '2024-02-29', '1900-01-01', '9999-12-31', '2025-01-06T25:00', '2025-01-06T09:00:59'],
    'a'.repeat((field.maxLength ?? 100) + 1),
  ];
  if (prng.next() < 0.15) return prng.pick(junk);
  switch (field.kind) {
    case 'select':
      return prng.pick([...options, '']);
    case 'multiselect':
      return prng.shuffle(options).slice(0, prng.int(0, options.length));
    case 'checkbox':
      return prng.pick(['on', '']);
    case 'number': {
      const n = Number(base);
      return String(
        Number.isFinite(n) ? Math.round(n * prng.pick([0, 0.5, 0.99, 1, 1.01, 2, 10])) : prng.int(-5, 300_000),
      );
    }
    case 'date':
      return base && /^\d{4}-\d{2}-\d{2}/.test(base) ? shiftDate(base, prng.int(-20, 60)) : '2025-01-06';
    case 'datetime':
      return base && /^\d{4}-\d{2}-\d{2}/.test(base)
        ? `${shiftDate(base, prng.int(-3, 10))}T${prng.pick(['08:00', '09:30', '23:59'])}`
        : '2025-01-06T09:00';
    default:
      return prng.pick([base ?? '', prng.pick(SENTENCES), `${base ?? ''}${prng.pick(SENTENCES)}`]);
  }
}

/** Values for a step: an answer's (model, mistake or alternative) as it is, or with some fields changed. */
function valuesFor(step: Step, state: AttemptState, answers: AnswerStep[][], prng: Prng) {
  const done = state.events.filter((e) => e.kind === 'workflow' && e.stepId === step.id).length;
  const candidates = answers.flatMap((a) => {
    const occurrences = a.filter((s) => s.stepId === step.id);
    const values = occurrences[done]?.values ?? occurrences[0]?.values;
    return values ? [values] : [];
  });
  const base = candidates.length > 0 ? prng.pick(candidates) : {};
  if (candidates.length > 0 && prng.next() < 0.6) return base;
  const values: Record<string, unknown> = { ...base };
  for (const field of step.fields)
    if (candidates.length === 0 || prng.next() < 0.3) values[field.name] = randomValue(field, base[field.name], prng);
  if (prng.next() < 0.05) values.extra = 'x';
  return values;
}

/** Everything the attempt page shows of a state; none of it may throw. */
function showAll(state: AttemptState) {
  const score = scoreAttempt(state);
  expect(score.total).toBeGreaterThanOrEqual(0);
  expect(score.total).toBeLessThanOrEqual(100);
  availableSteps(state);
  attemptMaterials(state);
  attemptDocuments(state);
  renderDocuments(state);
  const last = state.events.findLast((e) => e.kind === 'workflow');
  if (last?.kind === 'workflow' && last.stepId && state.mode === 'practice') practiceFeedback(state, last.stepId);
}

function expectRefusalInChinese(result: ApplyResult) {
  if (!result.ok) expect(result.reason).toMatch(CJK);
}

/** One random attempt: steps, hints, hand-ins and bad times, each checked and the whole replayed. */
function walk(scenario: AnyScenario, prng: Prng) {
  const home = prng.next() < 0.3 ? prng.pick(HOMES) : undefined;
  const mode = prng.next() < 0.7 ? 'practice' : 'assessment';
  const seed = prng.pick(['publish-1', 'walk', `w${prng.int(0, 9999)}`]);
  let state = startAttempt({ scenarioId: scenario.id, seed, mode, at: T0, ...(home ? { home } : {}) });
  const fixture = attemptFixture(state);
  const answers = [
    scenario.modelAnswer(fixture),
    ...scenario.rubric.map((item) => item.mistake.apply(scenario.modelAnswer(fixture), fixture)),
    ...(scenario.alternativeAnswers?.(fixture) ?? []),
  ];
  let minutes = 0;
  const later = () => minutesAfter(T0, (minutes += prng.next() < 0.05 ? prng.int(600, 6000) : prng.int(0, 30)));
  showAll(state);
  for (let i = 0; i < WALK_ACTIONS && state.status === 'active'; i++) {
    const roll = prng.next();
    let result: ApplyResult;
    if (roll < 0.8) {
      const all = attemptSteps(state);
      const available = state.current.availableStepIds;
      const stepId = prng.next() < 0.9 && available.length > 0 ? prng.pick(available) : prng.pick(all).id;
      const step = all.find((s) => s.id === stepId)!;
      result = applyStep(state, { stepId: step.id, values: valuesFor(step, state, answers, prng), at: later() });
    } else if (roll < 0.9) {
      const hintId = prng.pick([...scenario.hints.map((h) => h.id), 'no-such-hint']);
      result = useHint(state, { hintId, at: later() });
    } else if (roll < 0.95) {
      result = applyStep(state, { stepId: prng.pick(['nope', ...state.current.availableStepIds]), values: {}, at: T0 });
    } else {
      result = finishAttempt(state, { at: later(), reason: prng.pick(['abandoned', 'timeUp'] as const) });
    }
    expectRefusalInChinese(result);
    if (result.ok) {
      state = result.state;
      showAll(state);
    }
  }
  const replayed = replayAttempt({
    scenarioId: scenario.id,
    seed,
    mode,
    startedAt: T0,
    events: state.events,
    scenarioVersion: scenario.version,
    ...(home ? { home } : {}),
  });
  expect(JSON.stringify(replayed)).toBe(JSON.stringify(state));
}

// ---------------------------------------------------------------------------------------------------------
// The property

const GATE_CHECKS: GateCheck[] = ['scenario', 'rubric', 'modelAnswer', 'mistake', 'paths', 'replay'];
type Outcome = 'refused' | 'published' | 'gateRefused';

describe('scenario definitions (property)', () => {
  test('any definition the schema accepts either publishes or is refused with reasons, and its attempts never throw', () => {
    const tally: Record<string, Record<Outcome, number>> = {};
    const count = (workflow: string, outcome: Outcome) => {
      tally[workflow] ??= { refused: 0, published: 0, gateRefused: 0 };
      tally[workflow][outcome]++;
    };
    const property = fc.property(definitionArb, fc.integer(), ({ workflow, input }, walkSeed) => {
      const parsed = parseScenarioSpec(input);
      if (!parsed.ok) {
        expect(parsed.errors.length).toBeGreaterThan(0);
        for (const error of parsed.errors) expect(isChinese(error), error).toBe(true);
        count(workflow, 'refused');
        return;
      }
      const scenario = scenarioFromSpec(parsed.spec);
      const result = checkPublishable(scenario, GATE);
      if (!result.ok) {
        expect(result.failures.length).toBeGreaterThan(0);
        for (const failure of result.failures) {
          expect(GATE_CHECKS).toContain(failure.check);
          expect(failure.reason).toMatch(CJK);
          // The gate turns an exception into a failure; from a definition the schema accepted, it is a bug.
          expect(failure.reason).not.toContain('场景代码出错');
        }
        count(workflow, 'gateRefused');
        return;
      }
      count(workflow, 'published');
      const prng = createPrng(walkSeed);
      withScenario(scenario, () => {
        for (let i = 0; i < WALKS; i++) walk(scenario, prng);
      });
    });
    const report = fc.check(property, { seed: SEED, numRuns: RUNS, ...(PATH ? { path: PATH } : {}) });
    if (report.failed)
      throw new Error(
        `${fc.defaultReportMessage(report)}\nReproduce: SPEC_PROPERTY_SEED=${report.seed} SPEC_PROPERTY_PATH=${report.counterexamplePath}`,
        { cause: report.errorInstance },
      );
    if (process.env.SPEC_PROPERTY_RUNS) console.info(JSON.stringify(tally)); // a long run shows what it covered
    if (PATH) return; // a replayed counterexample is one case
    // Both kinds come out in quantity, for every workflow with generated edits.
    for (const workflow of SPEC_WORKFLOWS.filter((w) => WORKFLOW_EDITS[w])) {
      const t = tally[workflow];
      expect(t, workflow).toBeDefined();
      expect(t!.refused, `${workflow} refused`).toBeGreaterThanOrEqual(5);
      expect(t!.published, `${workflow} published`).toBeGreaterThanOrEqual(3);
      expect(t!.gateRefused, `${workflow} refused by the gate`).toBeGreaterThanOrEqual(1);
    }
    expect(tally.junk?.refused ?? 0).toBeGreaterThan(0);
  }, 240_000);
});
