/**
 * The chain's forms: the inspection's 复查 form and the case's forms (their own steps, imported), with
 * the notice and the decision extended by what 第一百零二条 adds — 停产停业整顿 and the persons' fines.
 */
import { checkboxField, formSchema, numberField, z, type FieldSpec } from '../../../lib/form';
import type { Step } from '../../../types';
import { inspectionSteps } from '../../inspection/kit';
import { caseSteps } from '../../case/kit';
import { PENALTY_ARTICLES, yuan } from '../../../law/penalties';
import type { PersonFine } from '../machine';
import type { RecheckCaseFixture } from './fixture';

const ART102 = PENALTY_ARTICLES.art102;
const PERSON_RANGE = ART102.personRange!;

/** The form field of a person's fine. */
export const personFineField = (personId: string) => `personFine_${personId}`;

function measureFields(f: RecheckCaseFixture): Record<string, FieldSpec<unknown>> {
  return {
    suspension: checkboxField('suspension', '责令停产停业整顿', {
      help: `生产经营单位拒不执行的，责令停产停业整顿（${ART102.citation}）`,
    }),
    ...Object.fromEntries(
      f.persons.map((p) => [
        personFineField(p.id),
        numberField(personFineField(p.id), `对${p.role}${p.name}的罚款`, {
          required: false,
          min: 1,
          max: 10_000_000,
          unit: '元',
          help: `单位拒不执行的，对直接负责的主管人员和其他直接责任人员处${yuan(PERSON_RANGE[0])}以上${yuan(PERSON_RANGE[1])}以下的罚款；不处罚的留空`,
        }),
      ]),
    ),
  };
}

/** The case's notice or decision form with the measures of 第一百零二条 added. */
function withMeasures(step: Step, f: RecheckCaseFixture): Step {
  const fields = measureFields(f);
  return {
    ...step,
    fields: [...step.fields, ...Object.values(fields).map((x) => x.descriptor)],
    get schema() {
      return z.intersection(step.schema, formSchema(fields)) as unknown as Step['schema'];
    },
    toEvent: (parsed, at) => {
      const personFines: PersonFine[] = f.persons.flatMap((p) => {
        const amount = parsed[personFineField(p.id)];
        return typeof amount === 'number' ? [{ personId: p.id, amount }] : [];
      });
      const event = { ...step.toEvent(parsed, at), suspension: parsed.suspension === true, personFines };
      return event as unknown as ReturnType<Step['toEvent']>;
    },
  };
}

/** The forms the trainee fills in, from the 复查 to the service of the decision. */
export function recheckCaseSteps(f: RecheckCaseFixture): Step[] {
  const recheck = inspectionSteps(f.inspection).filter((s) => s.id === 'recheck');
  const inCase = caseSteps(f.case)
    .filter((s) => !['payment', 'close'].includes(s.id))
    .map((s) => (s.id === 'notice' || s.id === 'decision' ? withMeasures(s, f) : s));
  return [...recheck, ...inCase];
}
