/** The model answer of a seizure fixture, and answers with the workflow's other outcome. */
import type { AnswerStep } from '../../../types';
import { addDays } from '../../../law/working-days';
import { withValues } from '../../../kit/answers';
import { CATEGORY_LABELS } from '../machine';
import { HEAD_ID, HOLD_LABELS, seizableItems, validOfficers, type SeizureFixture } from './fixture';

export const periodEndOf = (f: SeizureFixture) => addDays(f.seizedOn, f.periodDays);

function report(f: SeizureFixture): string {
  const items = seizableItems(f).map((i) => `${i.name}${i.quantity}${i.unit}（${CATEGORY_LABELS[i.category]}）`);
  return `${f.reportReason}拟${[...new Set(seizableItems(f).map((i) => HOLD_LABELS[i.mode]))].join('、')}：${items.join('；')}。依据《安全生产法》第六十五条第一款第（四）项，报请批准。`;
}

/** Model answers for each step of the seizure workflow. */
export function seizureModelAnswer(f: SeizureFixture): AnswerStep[] {
  const seizable = seizableItems(f);
  const answer: AnswerStep[] = [
    {
      stepId: 'approve',
      values: { approvedAt: `${f.seizedOn}T${f.times.approvedAt}`, approvedBy: HEAD_ID, report: report(f) },
    },
    {
      stepId: 'record',
      values: {
        startedAt: `${f.seizedOn}T${f.times.start}`,
        endedAt: `${f.seizedOn}T${f.times.end}`,
        officerIds: validOfficers(f)
          .slice(0, 2)
          .map((o) => o.id),
        certificatesShown: 'on',
        partyPresent: 'present',
        rightsTold: 'on',
        statement: f.statement,
        signature: f.signature,
        ...Object.fromEntries(f.items.map((i) => [`cat_${i.id}`, i.category])),
      },
    },
    {
      stepId: 'decision',
      values: {
        date: f.seizedOn,
        itemIds: seizable.map((i) => i.id),
        ...Object.fromEntries(seizable.map((i) => [`qty_${i.id}`, String(i.quantity)])),
        periodStart: f.seizedOn,
        periodEnd: periodEndOf(f),
      },
    },
    ...(f.extension
      ? [
          {
            stepId: 'extend',
            values: {
              date: f.extension.on,
              approvedBy: HEAD_ID,
              days: String(f.extension.days),
              reason: f.extension.reason,
              partyNotified: 'on',
            },
          },
        ]
      : []),
    { stepId: 'outcome', values: { date: f.outcome.on, outcome: f.outcome.kind, reason: f.outcome.reason } },
  ];
  return answer;
}

/** Answers that reach the workflow's other final state (for model-based tests and trainers). */
export function seizureAlternatives(f: SeizureFixture): AnswerStep[][] {
  // Releasing the goods instead of confiscating them is lawful in form; it is only wrong on the facts.
  if (f.outcome.kind === 'confiscate')
    return [withValues(seizureModelAnswer(f), 'outcome', { outcome: 'release', reason: '不再需要扣押，予以解除。' })];
  return [];
}
