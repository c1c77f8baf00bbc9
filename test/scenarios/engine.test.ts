/** Engine behaviour the app relies on: modes, hints, time limits, rejections. */
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  applyStep,
  attemptMaterials,
  availableSteps,
  finishAttempt,
  isFinished,
  scoreAttempt,
  startAttempt,
  useHint,
} from '../../scenarios/engine';
import { getScenario, listScenarios } from '../../scenarios/index';
import { minutesAfter, runAnswer, T0 } from './helpers';

describe('registry', () => {
  it('has at least eight scenarios, two per skill, with Chinese titles and integer versions', () => {
    const all = listScenarios();
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const skill of ['onboarding', 'inspection', 'documents', 'case'] as const)
      expect(listScenarios({ skill }).length).toBeGreaterThanOrEqual(2);
    for (const s of all) {
      expect(Number.isInteger(s.version)).toBe(true);
      expect(s.title).toMatch(/[\u4e00-\u9fff]/);
      expect(s.brief).toMatch(/[\u4e00-\u9fff]/);
      expect(getScenario(s.id)).toBe(s);
    }
    expect(getScenario('nope')).toBeUndefined();
  });

  it.each(listScenarios().map((s) => [s.id]))(
    '%s: fixtures are deterministic per seed and differ across seeds',
    (id) => {
      const s = getScenario(id)!;
      expect(JSON.stringify(s.fixture('a'))).toBe(JSON.stringify(s.fixture('a')));
      expect(JSON.stringify(s.fixture('a'))).not.toBe(JSON.stringify(s.fixture('b')));
    },
  );

  it.each(listScenarios().map((s) => [s.id]))('%s: every field has a Chinese label and a max length', (id) => {
    const s = getScenario(id)!;
    for (const step of s.steps(s.fixture('fields'))) {
      expect(['企业管理', '执法检查', '隐患', '文书', '案件']).toContain(step.module);
      for (const field of step.fields) {
        expect(field.label).toMatch(/[\u4e00-\u9fff]/);
        expect(field.maxLength).toBeGreaterThan(0);
        if (field.kind === 'text' || field.kind === 'textarea') {
          const result = step.schema.safeParse({ [field.name]: 'x'.repeat(field.maxLength! + 1) });
          expect(result.success).toBe(false);
          const messages = result.success
            ? []
            : result.error.issues.filter((i) => i.path[0] === field.name).map((i) => i.message);
          expect(messages.join()).toContain(field.label);
        }
      }
    }
  });
});

describe('modes', () => {
  const id = 'inspect-dust-explosion';
  const fixture = getScenario(id)!.fixture('modes');
  const answer = getScenario(id)!.modelAnswer(fixture);

  it('practice gives feedback after each step; assessment only at the end', () => {
    const practice = startAttempt({ scenarioId: id, seed: 'modes', mode: 'practice', at: T0 });
    const assessment = startAttempt({ scenarioId: id, seed: 'modes', mode: 'assessment', at: T0 });
    const start = answer.slice(0, 2);
    let p = practice;
    let a = assessment;
    start.forEach((step, i) => {
      const rp = applyStep(p, { ...step, at: minutesAfter(T0, i + 1) });
      const ra = applyStep(a, { ...step, at: minutesAfter(T0, i + 1) });
      if (!rp.ok || !ra.ok) throw new Error('rejected');
      if (step.stepId === 'start') expect(rp.feedback.map((f) => f.code)).toEqual(['EXPIRED_CERTIFICATE']);
      expect(ra.feedback).toEqual([]);
      p = rp.state;
      a = ra.state;
    });
    const end = runAnswer(id, 'modes', answer, 'assessment');
    expect(isFinished(end)).toBe(true);
  });

  it('hints cost points in practice and are refused in assessment', () => {
    const state = startAttempt({ scenarioId: id, seed: 'modes', mode: 'practice', at: T0 });
    const hinted = useHint(state, { hintId: 'major', at: minutesAfter(T0, 1) });
    expect(hinted.ok).toBe(true);
    if (!hinted.ok) return;
    expect(hinted.feedback[0]!.message).toContain('粉尘');
    expect(useHint(hinted.state, { hintId: 'major', at: minutesAfter(T0, 2) }).ok).toBe(false);
    let s = hinted.state;
    answer.forEach((step, i) => {
      const r = applyStep(s, { ...step, at: minutesAfter(T0, i + 3) });
      if (!r.ok) throw new Error(r.reason);
      s = r.state;
    });
    expect(scoreAttempt(s).total).toBe(95);
    expect(scoreAttempt(s).hintDeduction).toBe(5);
    const exam = startAttempt({ scenarioId: id, seed: 'modes', mode: 'assessment', at: T0 });
    expect(useHint(exam, { hintId: 'major', at: minutesAfter(T0, 1) }).ok).toBe(false);
  });

  it('judges the assessment time limit from event times', () => {
    const exam = startAttempt({ scenarioId: id, seed: 'modes', mode: 'assessment', at: T0 });
    expect(exam.deadline).toBe(minutesAfter(T0, 40));
    const late = applyStep(exam, { ...answer[0]!, at: minutesAfter(T0, 41) });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.code).toBe('TIME_UP');
    // The officer reads the deadline in Beijing time, not as an ISO instant.
    if (!late.ok) expect(late.reason).toMatch(/截止北京时间\d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
    expect(finishAttempt(exam, { at: minutesAfter(T0, 30), reason: 'timeUp' }).ok).toBe(false);
    const done = finishAttempt(exam, { at: minutesAfter(T0, 41), reason: 'timeUp' });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(isFinished(done.state)).toBe(true);
    expect(scoreAttempt(done.state).total).toBeLessThan(100);
    expect(done.feedback.length).toBe(getScenario(id)!.rubric.length);
    expect(applyStep(done.state, { ...answer[0]!, at: minutesAfter(T0, 42) }).ok).toBe(false);
  });

  it('rejects unknown and malformed events with a reason and no change', () => {
    const state = startAttempt({ scenarioId: id, seed: 'modes', mode: 'practice', at: T0 });
    const text = JSON.stringify(state);
    for (const event of [
      null,
      42,
      { type: 'officer.fly', at: minutesAfter(T0, 1) },
      { type: 'officer.createPlan', at: minutesAfter(T0, 1) },
      { type: 'officer.createPlan', at: 'yesterday', plannedOn: '2025-01-01', itemIds: [] },
    ]) {
      const result = applyEvent(state, event);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(applyStep(state, { stepId: 'ghost', values: {}, at: minutesAfter(T0, 1) }).ok).toBe(false);
    expect(JSON.stringify(state)).toBe(text);
  });

  it('offers the available steps and the materials for the page', () => {
    const state = startAttempt({ scenarioId: id, seed: 'modes', mode: 'practice', at: T0 });
    expect(availableSteps(state).map((s) => s.id)).toEqual(['plan']);
    const sections = attemptMaterials(state);
    expect(sections.map((s) => s.title)).toContain('现场情况');
  });
});
