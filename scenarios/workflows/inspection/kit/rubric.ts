/** The rubric items of the inspection workflow, each with its stable error code and the mistake that loses it. */
import {
  standardItem,
  standardOptions,
  standardReference,
  STANDARDS,
  type StandardId,
} from '../../../lib/hazard-standard';
import type { AnswerStep, RubricItem } from '../../../types';
import { MEASURE_LABELS, MEASURES, recheckDueBy, type InspectionContext } from '../machine';
import { LEGAL } from '../../../law/legal-constants';
import { addDays, daysBetween } from '../../../law/working-days';
import { list, valuesOf, withoutStep, withValues } from '../../../kit/answers';
import { onWorkingDay } from '../../../kit/people';
import { generalItems, hazardItems, majorItems, validOfficers, type InspectionFixture } from './fixture';
import { orderDeadline } from './answer';

type Item = RubricItem<InspectionFixture, 'inspection'>;
type Ctx = InspectionContext;

const names = (f: InspectionFixture, ids: string[]) =>
  ids.length === 0 ? '无' : ids.map((id) => f.items.find((i) => i.id === id)?.area ?? id).join('、');
const verdictOf = (c: Ctx, id: string) => c.findings.find((x) => x.itemId === id);

/** The answer with `itemId` left out of the 指令书 and so out of the 复查 too. */
function withoutOrderedItem(answer: AnswerStep[], itemId: string): AnswerStep[] {
  const out = withValues(answer, 'order', {
    itemIds: list(valuesOf(answer, 'order').itemIds).filter((id) => id !== itemId),
  });
  return out.map((s) =>
    s.stepId === 'recheck'
      ? {
          ...s,
          values: { ...s.values, rectifiedItemIds: list(s.values.rectifiedItemIds).filter((id) => id !== itemId) },
        }
      : s,
  );
}

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
  /** `standard`: the 判定标准 the scenario's enterprise is judged under (the 2023 工贸 standard unless given). */
  majorRecognised: (weight: number, standard: StandardId = 'gm2023'): Item => ({
    id: 'major-recognised',
    code: 'MAJOR_HAZARD_MISSED',
    title: '识别重大事故隐患',
    weight,
    rule: `对照${STANDARDS[standard].title}，将符合情形的隐患判定为重大事故隐患`,
    citation: standardReference(standard),
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
  /**
   * The clause must be the standard's item for what was seen; an item of another standard is refused by the
   * workflow (`clauseProblem`), so the choice here is among the items of the standard that applies.
   */
  majorClause: (weight: number, standard: StandardId = 'gm2023'): Item => ({
    id: 'major-clause',
    code: 'WRONG_MAJOR_CLAUSE',
    title: '重大事故隐患判定依据',
    weight,
    rule: `判定为重大事故隐患的，引用${STANDARDS[standard].title}中对应的条款`,
    citation: standardReference(standard),
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
        return withoutOrderedItem(withValues(answer, 'findings', { [`verdict_${item.id}`]: 'ok' }), item.id);
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
        return withoutOrderedItem(answer, generalItems(f)[0]!.id);
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

/**
 * The full inspection rubric with the usual weights (100 in all), judged under `standard`: for scenarios
 * whose enterprise is inspected from plan to recheck.
 */
export function fullInspectionRubric(standard: StandardId): Item[] {
  const r = inspectionRubric;
  return [
    r.validTeam(10),
    r.majorRecognised(15, standard),
    r.majorClause(10, standard),
    r.generalFound(10),
    r.noFalseFinding(5),
    r.onSiteMeasures(15),
    r.measureFits(5),
    r.orderComplete(5),
    r.deadline(10),
    r.signature(5),
    r.recheckInTime(5),
    r.recheckResult(5),
  ];
}
