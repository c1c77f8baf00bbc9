/** The rubric items of the seizure workflow, each with its stable error code and the mistake that loses it. */
import type { AnswerStep, RubricItem } from '../../../types';
import { LEGAL } from '../../../law/legal-constants';
import { addDays } from '../../../law/working-days';
import { list, valuesOf, withValues } from '../../../kit/answers';
import { OUTCOME_LABELS, SEIZABLE, SEIZURE_LAW, latestPeriodEnd, seizureEnd, type SeizureContext } from '../machine';
import { itemName, seizableItems, validOfficers, type SeizureFixture } from './fixture';
import { periodEndOf } from './answer';

type Item = RubricItem<SeizureFixture, 'seizure'>;
type Ctx = SeizureContext;

const names = (f: SeizureFixture, ids: string[]) =>
  ids.length === 0 ? '无' : ids.map((id) => itemName(f, id)).join('、');
const seizureDay = (c: Ctx) => c.record?.startedAt.slice(0, 10) ?? null;

/** Moves `stepId` to just before `beforeId` (or to the end) with new values. */
function moveStep(answer: AnswerStep[], stepId: string, beforeId: string | null, values: AnswerStep['values']) {
  const rest = answer.filter((s) => s.stepId !== stepId);
  const at = beforeId ? rest.findIndex((s) => s.stepId === beforeId) : rest.length;
  const moved = { stepId, values: { ...valuesOf(answer, stepId), ...values } };
  return at < 0 ? [...rest, moved] : [...rest.slice(0, at), moved, ...rest.slice(at)];
}

/** The seizure's lawful last day in the model answer: the first period, or the extended one. */
const modelEnd = (f: SeizureFixture) => (f.extension ? addDays(periodEndOf(f), f.extension.days) : periodEndOf(f));

/** Rubric items for the seizure workflow; each scenario picks some and gives weights. */
export const seizureRubric = {
  validTeam: (weight: number): Item => ({
    id: 'valid-team',
    code: 'EXPIRED_CERTIFICATE',
    title: '执法人员资格',
    weight,
    rule: '查封扣押由两名以上具备资格、持有效执法证件的行政执法人员实施，不得安排证件过期人员',
    citation: '《行政强制法》第十七条第三款、第十八条第（二）项、第（三）项',
    feedbackAfter: ['record'],
    evaluate: ({ fixture, context }) => {
      const team = context.record?.officerIds ?? [];
      const invalid = team.filter((id) => !validOfficers(fixture).some((o) => o.id === id));
      const earned = team.length >= LEGAL.minimumOfficers.value && invalid.length === 0;
      const name = (id: string) => fixture.officers.find((o) => o.id === id)?.name ?? id;
      return {
        earned,
        pending: context.record === null,
        expected: `两名以上有效证件人员：从${validOfficers(fixture)
          .map((o) => o.name)
          .join('、')}中选择`,
        actual: team.length === 0 ? '尚未实施' : team.map(name).join('、'),
        explanation: earned
          ? '执法人员人数和证件符合要求。'
          : `执法证件已过期的人员不能实施行政强制措施：${invalid.map(name).join('、') || '未组成执法组'}。`,
      };
    },
    mistake: {
      description: '把执法证件已过期的人员编入执法组',
      apply: (answer, f) =>
        withValues(answer, 'record', {
          officerIds: [
            ...list(valuesOf(answer, 'record').officerIds),
            ...f.officers.filter((o) => !validOfficers(f).includes(o)).map((o) => o.id),
          ],
        }),
    },
  }),
  approvedBefore: (weight: number): Item => ({
    id: 'approved-before',
    code: 'NO_APPROVAL',
    title: '实施前报负责人批准',
    weight,
    rule: '实施查封扣押前向行政机关负责人报告并经批准；只有情况紧急需要当场实施的，才可在24小时内补办批准手续',
    citation: '《行政强制法》第十八条第（一）项、第十九条',
    feedbackAfter: ['record'],
    evaluate: ({ context }) => {
      const a = context.approval;
      const earned = a !== null && !a.afterwards;
      return {
        earned,
        pending: a === null && context.record === null,
        expected: '实施前经负责人批准（本案现场没有紧急情况）',
        actual: a
          ? a.afterwards
            ? `先行实施，${a.approvedAt.replace('T', ' ')}补办批准`
            : `实施前批准（${a.approvedAt.replace('T', ' ')}）`
          : '未经批准',
        explanation: earned
          ? '实施前已报经负责人批准。'
          : '现场没有需要当场实施的紧急情况，应当先报负责人批准再实施；按紧急情况先实施后补办，不符合第十九条的条件。',
      };
    },
    mistake: {
      description: '没有紧急情况却先行实施查封扣押，事后补办批准手续',
      apply: (answer, f) => {
        const recorded = withValues(answer, 'record', { emergency: 'on' });
        // Reported by telephone as the measure began: the same minute also passes as a prior approval,
        // so the graph tests can still complete an attempt that submits it first.
        const afterwards = `${f.seizedOn}T${f.times.start}`;
        return moveStep(recorded, 'approve', answer.some((s) => s.stepId === 'extend') ? 'extend' : 'outcome', {
          approvedAt: afterwards,
        });
      },
    },
  }),
  seizableOnly: (weight: number): Item => ({
    id: 'seizable-only',
    code: 'WRONG_ITEMS_SEIZED',
    title: '查封扣押对象',
    weight,
    rule: '只查封扣押有根据认为不符合国家标准或者行业标准的设施、设备、器材，以及违法生产、储存、使用、经营、运输的危险物品，且不遗漏；一般事故隐患责令整改，不予查封扣押',
    citation: `${SEIZURE_LAW.power}；《行政强制法》第二十三条`,
    feedbackAfter: ['decision'],
    evaluate: ({ fixture, context }) => {
      const expected = seizableItems(fixture).map((i) => i.id);
      const seized = context.decision?.items.map((i) => i.itemId) ?? [];
      const extra = seized.filter((id) => !expected.includes(id));
      const missed = expected.filter((id) => !seized.includes(id));
      const earned = context.decision !== null && extra.length === 0 && missed.length === 0;
      return {
        earned,
        pending: context.decision === null,
        expected: names(fixture, expected),
        actual: context.decision ? names(fixture, seized) : '尚未决定',
        explanation: earned
          ? '查封扣押对象与法定范围一致。'
          : [
              extra.length ? `不属于第六十五条第一款第（四）项对象的：${names(fixture, extra)}（应责令整改）` : '',
              missed.length ? `遗漏：${names(fixture, missed)}` : '',
            ]
              .filter(Boolean)
              .join('；') + '。',
      };
    },
    mistake: {
      description: '把只需责令整改的一般事故隐患（或符合要求的物品）认定为不符合标准的设备并一并查封',
      apply: (answer, f) => {
        const other = f.items.find((i) => !SEIZABLE.includes(i.category))!;
        const out = withValues(answer, 'record', { [`cat_${other.id}`]: seizableItems(f)[0]!.category });
        return withValues(out, 'decision', {
          itemIds: [...list(valuesOf(out, 'decision').itemIds), other.id],
          [`qty_${other.id}`]: String(other.quantity),
        });
      },
    },
  }),
  listComplete: (weight: number): Item => ({
    id: 'list-complete',
    code: 'LIST_INCOMPLETE',
    title: '查封扣押清单',
    weight,
    rule: '清单逐项写明查封扣押财物的名称、数量，与现场清点一致，一式二份由当事人和行政机关分别保存',
    citation: `${SEIZURE_LAW.decision}第二款第（三）项、第三款`,
    feedbackAfter: ['decision'],
    evaluate: ({ fixture, context }) => {
      const listed = context.decision?.items ?? [];
      const wrong = listed.filter((l) => {
        const item = fixture.items.find((i) => i.id === l.itemId);
        return item !== undefined && item.quantity !== l.quantity;
      });
      const earned = context.decision !== null && wrong.length === 0;
      const describe = (rows: typeof listed) =>
        rows
          .map((l) => {
            const item = fixture.items.find((i) => i.id === l.itemId);
            return `${itemName(fixture, l.itemId)}${l.quantity}${item?.unit ?? ''}`;
          })
          .join('、');
      return {
        earned,
        pending: context.decision === null,
        expected: seizableItems(fixture)
          .map((i) => `${i.name}${i.quantity}${i.unit}`)
          .join('、'),
        actual: context.decision ? describe(listed) : '尚未制作',
        explanation: earned ? '清单数量与现场清点一致。' : `清单数量与现场清点不一致：${describe(wrong)}。`,
      };
    },
    mistake: {
      description: '清单中一项财物的数量与现场清点不一致（少记一件）',
      apply: (answer, f) => {
        const item = seizableItems(f)[0]!;
        return withValues(answer, 'decision', { [`qty_${item.id}`]: String(item.quantity - 1) });
      },
    },
  }),
  period: (weight: number): Item => ({
    id: 'period',
    code: 'WRONG_PERIOD',
    title: '查封扣押期限',
    weight,
    rule: `期限自实施查封扣押之日起算，届满日不超过该日起${LEGAL.seizureMaxDays.value}日`,
    citation: `${LEGAL.seizureMaxDays.source}；${SEIZURE_LAW.decision}第二款第（二）项`,
    feedbackAfter: ['decision'],
    evaluate: ({ context }) => {
      const d = context.decision;
      const day = seizureDay(context);
      const earned = d !== null && day !== null && d.periodStart === day && d.periodEnd <= latestPeriodEnd(day);
      return {
        earned,
        pending: d === null,
        expected: day
          ? `自${day}起，至迟${latestPeriodEnd(day)}届满`
          : `自实施之日起不超过${LEGAL.seizureMaxDays.value}日`,
        actual: d ? `自${d.periodStart}起至${d.periodEnd}止` : '尚未决定',
        explanation: earned
          ? '期限起算和届满日正确。'
          : `期限应自实施查封扣押之日（${day ?? '—'}）起算；从其后某日起算${LEGAL.seizureMaxDays.value}日，实际查封扣押超过法定期限。`,
      };
    },
    mistake: {
      description: '期限从实施次日起算满30日，实际查封扣押31日',
      apply: (answer, f) =>
        withValues(answer, 'decision', {
          periodStart: addDays(f.seizedOn, 1),
          periodEnd: addDays(f.seizedOn, 1 + LEGAL.seizureMaxDays.value),
        }),
    },
  }),
  extension: (weight: number): Item => ({
    id: 'extension',
    code: 'WRONG_EXTENSION',
    title: '延长查封扣押期限',
    weight,
    rule: '情况复杂需要延长的，在期限届满前经负责人批准延长（不超过30日），并及时书面告知当事人、说明理由',
    citation: `${LEGAL.seizureExtensionMaxDays.source}`,
    feedbackAfter: ['extend', 'outcome'],
    evaluate: ({ fixture, context }) => {
      const x = context.extension;
      const needed = fixture.extension !== null;
      const earned = x ? x.partyNotified : !needed;
      return {
        earned,
        pending: x === null && context.outcome === null,
        expected: needed ? `期限届满（${periodEndOf(fixture)}）前延长，书面告知当事人并说明理由` : '不需要延长',
        actual: x
          ? `${x.date}延长${x.days}日至${x.until}${x.partyNotified ? '，已书面告知' : '，未书面告知当事人'}`
          : '未延长',
        explanation: earned
          ? x
            ? '延长期限合法，已书面告知当事人。'
            : '本案不需要延长。'
          : x
            ? '延长查封扣押的决定应当及时书面告知当事人，并说明理由。'
            : '本案事实在第一个期限内无法查清，应在期限届满前依法延长；期限届满只能解除。',
      };
    },
    mistake: {
      description: '延长期限后没有书面告知当事人',
      apply: (answer) => withValues(answer, 'extend', { partyNotified: '' }),
    },
  }),
  outcomeInTime: (weight: number): Item => ({
    id: 'outcome-in-time',
    code: 'LATE_OUTCOME',
    title: '期限内作出处理决定',
    weight,
    rule: '在查封扣押期限（含依法延长的期限）内查清事实，作出没收等处理决定或者解除查封扣押',
    citation: `${SEIZURE_LAW.outcome}、${SEIZURE_LAW.release}；《行政强制法》第六十二条第（三）项`,
    feedbackAfter: ['outcome'],
    evaluate: ({ context }) => {
      const o = context.outcome;
      const end = seizureEnd(context);
      const earned = o !== null && end !== null && o.date <= end;
      return {
        earned,
        pending: o === null,
        expected: end ? `${end}前` : '期限内',
        actual: o ? `${o.date}${OUTCOME_LABELS[o.outcome]}` : '未作出',
        explanation: earned
          ? '在期限内作出了决定。'
          : o
            ? `期限已于${end}届满仍未解除，超期查封扣押。`
            : '没有作出处理决定或解除决定。',
      };
    },
    mistake: {
      description: '期限届满3日后才解除查封扣押',
      apply: (answer, f) =>
        withValues(answer, 'outcome', {
          date: addDays(modelEnd(f), 3),
          outcome: 'release',
          reason: '查封扣押期限已经届满，予以解除。',
        }),
    },
  }),
  rightOutcome: (weight: number): Item => ({
    id: 'right-outcome',
    code: 'WRONG_OUTCOME',
    title: '处理决定',
    weight,
    rule: '违法事实清楚、依法应当没收的非法财物予以没收；不再需要查封扣押的解除',
    citation: `${SEIZURE_LAW.outcome}；《危险化学品安全管理条例》第七十七条第三款`,
    feedbackAfter: ['outcome'],
    evaluate: ({ fixture, context }) => {
      const o = context.outcome;
      const end = seizureEnd(context);
      // A release after the period lapsed is what the law then requires (第28条第1款第（四）项): its lateness is LATE_OUTCOME.
      const forced = o !== null && o.outcome === 'release' && end !== null && o.date > end;
      const earned = o !== null && (o.outcome === fixture.outcome.kind || forced);
      return {
        earned,
        pending: o === null,
        expected: OUTCOME_LABELS[fixture.outcome.kind],
        actual: o ? OUTCOME_LABELS[o.outcome] : '未作出',
        explanation: earned
          ? forced
            ? '期限届满只能解除（超期在"期限内作出处理决定"一项扣分）。'
            : '处理决定正确。'
          : '违法经营的危险化学品依法应当没收，不应解除扣押后退还。',
      };
    },
    mistake: {
      description: '违法事实查清后解除扣押、退还违法经营的危险化学品',
      apply: (answer) => withValues(answer, 'outcome', { outcome: 'release', reason: '调查终结，解除扣押。' }),
    },
  }),
};
