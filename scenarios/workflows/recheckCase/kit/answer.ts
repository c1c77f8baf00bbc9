/** The chain's answer builder: the 复查, then the case's own answer (imported) up to the service. */
import type { AnswerStep } from '../../../types';
import { caseAnswer, type CaseAnswerOptions } from '../../case/kit';
import { recheckDueBy } from '../../inspection/machine';
import { addDays } from '../../../law/working-days';
import { recheckCaseSteps } from './steps';
import { datedCase, type RecheckCaseFixture } from './fixture';

export interface RecheckCaseAnswerOptions {
  recheckOn?: string;
  rectifiedItemIds?: string[];
  /** The case's choices (article, tier, amount, persons' fines, hearing, statement, 法制审核 …). */
  case?: Omit<CaseAnswerOptions, 'from' | 'outcome'>;
}

/** A 复查 three days after the 复查 period ends (the late-复查 mistake). */
export const lateRecheckOn = (f: RecheckCaseFixture) =>
  addDays(recheckDueBy(addDays(f.inspection.inspectionOn, f.inspection.rectifyDays)), 3);

/** Builds an answer: with no options, the model answer. */
export function recheckCaseAnswer(f: RecheckCaseFixture, o: RecheckCaseAnswerOptions = {}): AnswerStep[] {
  const recheckOn = o.recheckOn ?? f.case.discoveredOn;
  const recheck: AnswerStep = {
    stepId: 'recheck',
    values: { date: recheckOn, rectifiedItemIds: o.rectifiedItemIds ?? f.inspection.recheck.rectifiedItemIds },
  };
  // The case's own answer, without what follows the service (缴款, 结案: the chain ends with the service).
  const stepIds = new Set(recheckCaseSteps(f).map((s) => s.id));
  const steps = caseAnswer(datedCase(f, recheckOn), { ...o.case, outcome: 'penalty' }).filter((s) =>
    stepIds.has(s.stepId),
  );
  return [recheck, ...steps];
}

/** The date of the answer's decision. */
const decisionOn = (answer: AnswerStep[]) => String(answer.find((s) => s.stepId === 'decision')?.values.date ?? '');

/**
 * Answers that reach the chain's other outcomes: everything removed at the 复查, and a hearing — with the
 * party's statement as it was and as the statement mistake has it, so that a hearing can follow either.
 * The hearing answers decide after the late-复查 answer's decision (the case review takes longer), so that
 * a 集体讨论 dated after a late 复查 never leaves a heard case without a decision it can still take.
 */
export function recheckCaseAlternatives(f: RecheckCaseFixture): AnswerStep[][] {
  const all = f.inspection.items.filter((i) => i.verdict !== 'ok').map((i) => i.id);
  const other = f.case.statement ? 'skip' : 'invent';
  const after = decisionOn(recheckCaseAnswer(f, { recheckOn: lateRecheckOn(f) }));
  let slow = f;
  while (decisionOn(recheckCaseAnswer(slow, { case: { hearing: true } })) <= after)
    slow = { ...slow, case: { ...slow.case, decisionDelay: slow.case.decisionDelay + 1 } };
  return [
    [{ stepId: 'recheck', values: { date: f.case.discoveredOn, rectifiedItemIds: all } }],
    recheckCaseAnswer(slow, { case: { hearing: true } }),
    recheckCaseAnswer(slow, { case: { hearing: true, statement: other } }),
  ];
}
