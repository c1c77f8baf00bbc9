/** Helpers the onboarding rubric and materials share. */
import { SPECIAL_FLAGS } from '../../../lib/industries';

/** The special flags as the trainee reads them (无 when there are none). */
export const flagLabel = (flags: readonly string[]) =>
  flags.length ? flags.map((x) => SPECIAL_FLAGS.find((o) => o.value === x)?.label ?? x).join('、') : '无';
