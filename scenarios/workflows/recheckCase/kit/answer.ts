/** The chain's answer builder: the 复查, then the case's own answer (imported) with 第一百零二条's measures. */
import type { AnswerStep } from '../../../types';
import { PENALTY_ARTICLES, type ArticleId, type TierId } from '../../../law/penalties';
import { caseAnswer, type CaseAnswerOptions } from '../../case/kit';
import { datedCase, type RecheckCaseFixture } from './fixture';
import { personFineField } from './steps';

export interface RecheckCaseAnswerOptions {
  recheckOn?: string;
  rectifiedItemIds?: string[];
  /** The case's choices (article, tier, amount, hearing, statement …). */
  case?: Omit<CaseAnswerOptions, 'from'>;
  /** Whether 停产停业整顿 is ordered; by default when the tier is the uncorrected one. */
  suspension?: boolean;
  /** The persons fined; by default all of them when the tier is the uncorrected one. */
  personIds?: string[];
}

/** A fine inside the article's range for the persons (the fixture's when the article is 第一百零二条). */
function personAmount(articleId: ArticleId, proposed: number): number {
  const range = PENALTY_ARTICLES[articleId].personRange;
  if (!range || articleId === 'art102') return proposed;
  return Math.round((range[0] + range[1]) / 2 / 1000) * 1000;
}

/** Builds an answer: with no options, the model answer. */
export function recheckCaseAnswer(f: RecheckCaseFixture, o: RecheckCaseAnswerOptions = {}): AnswerStep[] {
  const recheckOn = o.recheckOn ?? f.case.discoveredOn;
  const recheck: AnswerStep = {
    stepId: 'recheck',
    values: { date: recheckOn, rectifiedItemIds: o.rectifiedItemIds ?? f.inspection.recheck.rectifiedItemIds },
  };
  const tierId: TierId = o.case?.tierId ?? f.case.tierId;
  const articleId: ArticleId = o.case?.articleId ?? f.case.articleId;
  const uncorrected = tierId === 'uncorrected';
  const suspension = o.suspension ?? uncorrected;
  const fined = o.personIds ?? (uncorrected ? f.persons.map((p) => p.id) : []);
  const measures: Record<string, string> = {
    ...(suspension ? { suspension: 'on' } : {}),
    ...Object.fromEntries(
      f.persons.map((p) => [
        personFineField(p.id),
        fined.includes(p.id) ? String(personAmount(articleId, p.amount)) : '',
      ]),
    ),
  };
  const steps = caseAnswer(datedCase(f, recheckOn), o.case ?? {})
    .filter((s) => s.stepId !== 'payment' && s.stepId !== 'close')
    .map((s) =>
      s.stepId === 'notice' || s.stepId === 'decision' ? { ...s, values: { ...s.values, ...measures } } : s,
    );
  return [recheck, ...steps];
}

/**
 * Answers that reach the chain's other outcomes: everything removed at the 复查, and a hearing — with the
 * party's statement as it was and as the statement mistake has it, so that a hearing can follow either.
 */
export function recheckCaseAlternatives(f: RecheckCaseFixture): AnswerStep[][] {
  const all = f.inspection.items.filter((i) => i.verdict !== 'ok').map((i) => i.id);
  return [
    [{ stepId: 'recheck', values: { date: f.case.discoveredOn, rectifiedItemIds: all } }],
    recheckCaseAnswer(f, { case: { hearing: true } }),
    recheckCaseAnswer(f, { case: { hearing: true, statement: f.case.statement ? 'skip' : 'invent' } }),
  ];
}
