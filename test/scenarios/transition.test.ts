/**
 * The engine moves machines with its own `nextWorkflowSnapshot` (one inert scope per machine) instead
 * of XState's `transition()` helper (a new actor per call). Both must give the same snapshot for every
 * event of every explored answer, refusals included.
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { nextWorkflowSnapshot } from '../../scenarios/engine';
import { listScenarios } from '../../scenarios/index';
import { WORKFLOWS } from '../../scenarios/workflows';
import { explorationAnswers, runAnswer } from './helpers';

const plain = (s: AnyMachineSnapshot) =>
  JSON.parse(JSON.stringify({ value: s.value, context: s.context, status: s.status }));

describe('nextWorkflowSnapshot', () => {
  for (const scenario of listScenarios()) {
    it(`matches XState's transition() on every explored answer of ${scenario.id}`, () => {
      const machine = WORKFLOWS[scenario.workflow].machine;
      let compared = 0;
      for (const answer of explorationAnswers(scenario, 'transition-1')) {
        const state = runAnswer(scenario.id, 'transition-1', answer);
        const fixture = scenario.fixture('transition-1');
        let [ours] = initialTransition(machine, scenario.machineInput(fixture));
        let [theirs] = initialTransition(machine, scenario.machineInput(fixture));
        const events = [
          ...(scenario.presetEvents?.(fixture, state.startedAt) ?? []),
          ...state.events.flatMap((e) => (e.kind === 'workflow' ? [e.event] : [])),
        ];
        for (const event of events) {
          ours = nextWorkflowSnapshot(machine, ours, event);
          [theirs] = transition(machine, theirs, event);
          expect(plain(ours)).toEqual(plain(theirs));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(3);
    });
  }
});

// The engine refuses an event (NOT_ALLOWED_NOW) when the snapshot comes back unchanged, instead of
// asking XState's `can` (which selects the transitions a second time): both must agree, for every
// event the explored answers hold, at every snapshot they pass through.
describe('an unchanged snapshot means XState could not take the event', () => {
  for (const scenario of listScenarios()) {
    it(`agrees with snapshot.can() along the explored answers of ${scenario.id}`, () => {
      const machine = WORKFLOWS[scenario.workflow].machine;
      const fixture = scenario.fixture('transition-1');
      const answers = explorationAnswers(scenario, 'transition-1').map((answer) =>
        runAnswer(scenario.id, 'transition-1', answer),
      );
      const candidates = answers.flatMap((state) =>
        state.events.flatMap((e) => (e.kind === 'workflow' ? [e.event] : [])),
      );
      let refused = 0;
      let taken = 0;
      for (const state of answers) {
        let [snapshot] = initialTransition(machine, scenario.machineInput(fixture));
        const events = [
          ...(scenario.presetEvents?.(fixture, state.startedAt) ?? []),
          ...state.events.flatMap((e) => (e.kind === 'workflow' ? [e.event] : [])),
        ];
        for (const event of events) {
          for (const candidate of candidates) {
            const unchanged = nextWorkflowSnapshot(machine, snapshot, candidate) === snapshot;
            expect(unchanged).toBe(!snapshot.can(candidate));
            if (unchanged) refused++;
            else taken++;
          }
          snapshot = nextWorkflowSnapshot(machine, snapshot, event);
        }
      }
      expect(refused).toBeGreaterThan(0);
      expect(taken).toBeGreaterThan(0);
    });
  }
});
