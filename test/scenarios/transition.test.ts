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
