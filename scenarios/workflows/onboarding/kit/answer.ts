/** The model answer of an onboarding fixture. */
import { scaleForEmployees } from '../../../lib/industries';
import type { AnswerStep } from '../../../types';
import type { OnboardingFixture } from './fixture';

/** The model answer: the verified record, the problems found, the right registry decision. */
export function onboardingModelAnswer(f: OnboardingFixture): AnswerStep[] {
  const t = f.truth;
  return [
    {
      stepId: 'basic',
      values: {
        name: t.name,
        uscc: t.uscc,
        registeredAddress: t.registeredAddress,
        operatingAddress: t.operatingAddress,
        divisionCode: t.divisionCode,
        verificationNotes: f.expectedNotes,
      },
    },
    {
      stepId: 'classify',
      values: {
        industryCode: t.industryCode,
        sector: t.sector,
        employees: String(t.employees),
        scale: scaleForEmployees(t.employees),
        riskClass: t.riskClass,
        flags: t.flags,
      },
    },
    {
      stepId: 'contacts',
      values: {
        legalRepresentative: t.legalRepresentative,
        principal: t.principal,
        principalPhone: t.principalPhone,
        safetyManager: t.safetyManager,
        safetyManagerPhone: t.safetyManagerPhone,
      },
    },
    { stepId: 'registry', values: { matchId: f.duplicateOf ?? 'none' } },
    f.duplicateOf
      ? { stepId: 'update', values: { confirmed: 'on' } }
      : { stepId: 'submit', values: { confirmed: 'on' } },
  ];
}
