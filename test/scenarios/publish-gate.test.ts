/**
 * The publishing gate (issue 16): every built-in scenario passes it; drafts derived from a built-in by
 * changing data are refused, with Chinese reasons naming the item; the gate never throws; a draft with a
 * built-in's id never reaches the engine's shared caches.
 */
import { describe, expect, it } from 'vitest';
import { checkPublishable, type GateFailure } from '../../scenarios/authoring/gate';
import { attemptFixture, attemptSteps, stepOutline, withScenario } from '../../scenarios/engine';
import { getScenario, listScenarios } from '../../scenarios/index';
import type { AnswerStep, AnyScenario } from '../../scenarios/types';

const SEEDS = ['publish-1'];

function builtin(id: string): AnyScenario {
  const scenario = getScenario(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return scenario;
}

function failuresOf(draft: AnyScenario): GateFailure[] {
  const result = checkPublishable(draft, { seeds: SEEDS });
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.failures;
}

describe('the publishing gate', () => {
  it('passes every built-in scenario', () => {
    const refused = listScenarios().flatMap((scenario) => {
      const result = checkPublishable(scenario); // the default sample: two seeds
      return result.ok ? [] : [{ id: scenario.id, failures: result.failures }];
    });
    expect(refused).toEqual([]);
    // Its own budget: the gate explores every scenario's simple paths (≈3 s on an idle core, 2 seeds).
  }, 300_000);

  it('refuses rubric weights that do not sum to 100, naming the items and their weights', () => {
    const base = builtin('onboard-dust-enterprise');
    const [first, ...rest] = base.rubric;
    const draft = { ...base, rubric: [{ ...first!, weight: first!.weight - 5 }, ...rest] };
    const failure = failuresOf(draft).find((f) => f.check === 'rubric');
    expect(failure?.reason).toContain('权重合计须为100，现为95');
    expect(failure?.reason).toContain(`${first!.title}（${first!.code}）${first!.weight - 5}`);
  });

  it('refuses a rubric item whose mistake loses nothing, naming the item', () => {
    const base = builtin('onboard-dust-enterprise');
    const item = base.rubric[1]!;
    const draft = {
      ...base,
      rubric: base.rubric.map((i) =>
        i === item ? { ...i, mistake: { ...i.mistake, apply: (answer: unknown[]) => answer } } : i,
      ),
    } as AnyScenario;
    const failures = failuresOf(draft);
    expect(failures).toEqual([
      {
        check: 'mistake',
        item: item.code,
        reason: `评分项"${item.title}"（${item.code}）没有一条只丢该项分数的路径：其错误答案不丢分（种子publish-1）`,
      },
    ]);
  });

  it('refuses a rubric item whose mistake the workflow refuses, naming the item and the step', () => {
    const base = builtin('onboard-dust-enterprise');
    const item = base.rubric[3]!;
    const draft = {
      ...base,
      rubric: base.rubric.map((i) =>
        i === item
          ? {
              ...i,
              mistake: { ...i.mistake, apply: (answer: AnswerStep[]) => answer.filter((s) => s.stepId !== 'contacts') },
            }
          : i,
      ),
    } as AnyScenario;
    const failure = failuresOf(draft).find((f) => f.item === item.code);
    expect(failure?.check).toBe('mistake');
    expect(failure?.reason).toMatch(
      new RegExp(`^评分项"${item.title}"（${item.code}）的错误答案第3步"重复入库核查"被拒绝（种子publish-1）：`),
    );
  });

  it('refuses a rubric item that always earns, naming the item', () => {
    const base = builtin('onboard-dust-enterprise');
    const item = base.rubric[2]!;
    const draft = {
      ...base,
      rubric: base.rubric.map((i) =>
        i === item ? { ...i, evaluate: () => ({ earned: true, expected: '', actual: '', explanation: '' }) } : i,
      ),
    } as AnyScenario;
    const failure = failuresOf(draft).find((f) => f.item === item.code);
    expect(failure?.check).toBe('mistake');
    expect(failure?.reason).toContain(`评分项"${item.title}"（${item.code}）没有一条只丢该项分数的路径`);
  });

  it('refuses a model answer with a step removed that does not score 100, naming the item it loses', () => {
    const base = builtin('summary-unit-on-spot');
    const draft = {
      ...base,
      modelAnswer: (fixture: unknown) => base.modelAnswer(fixture).filter((step) => step.stepId !== 'statement'),
    };
    const lost = base.rubric.find((i) => i.code === 'STATEMENT_NOT_HEARD')!;
    const reasons = failuresOf(draft)
      .filter((f) => f.check === 'modelAnswer')
      .map((f) => f.reason);
    expect(reasons).toContain(
      `参考答案得${100 - lost.weight}分，不是100分（种子publish-1），失分项："${lost.title}"（${lost.code}）`,
    );
  });

  it('refuses a model answer whose step the workflow refuses, naming the step and the reason', () => {
    const base = builtin('onboard-dust-enterprise');
    const draft = {
      ...base,
      modelAnswer: (fixture: unknown) => base.modelAnswer(fixture).filter((step) => step.stepId !== 'basic'),
    };
    const failure = failuresOf(draft).find((f) => f.check === 'modelAnswer');
    expect(failure?.reason).toMatch(
      /^参考答案第1步"行业与分级分类"被拒绝（种子publish-1）：当前处于"填写基本信息"阶段/,
    );
  });

  it('turns a fixture that throws into a failure, not an exception', () => {
    const draft = {
      ...builtin('case-first-minor-no-penalty'),
      fixture: () => {
        throw new Error('企业模板缺失');
      },
    };
    const failures = failuresOf(draft);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]!.reason).toMatch(/场景代码出错：企业模板缺失$/);
  });

  it('turns a rubric evaluate that throws into a failure naming the item', () => {
    const base = builtin('onboard-dust-enterprise');
    const item = base.rubric[0]!;
    const draft = {
      ...base,
      rubric: base.rubric.map((i) =>
        i === item
          ? {
              ...i,
              evaluate: () => {
                throw new TypeError('评分规则缺少期望值');
              },
            }
          : i,
      ),
    } as AnyScenario;
    const reasons = failuresOf(draft).map((f) => f.reason);
    expect(reasons.some((r) => r.includes('评分规则缺少期望值'))).toBe(true);
  });

  it('refuses a draft whose states exceed the exploration limit (not a pass)', () => {
    const result = checkPublishable(builtin('case-alarm-disabled'), { seeds: SEEDS, pathLimit: 3 });
    expect(result).toEqual({
      ok: false,
      failures: [{ check: 'paths', reason: '流程分支过多，无法在限定范围内验证（探索上限3个状态）' }],
    });
  });

  it('bounds the simple paths enumerated too, not only the states visited', () => {
    // 82 states within the limit of 100, but ≈1 800 simple paths: beyond 100 × KEYINGS_PER_STATE keyings.
    const result = checkPublishable(builtin('docs-penalty-notice-decision'), { seeds: SEEDS, pathLimit: 100 });
    expect(result).toEqual({
      ok: false,
      failures: [{ check: 'paths', reason: '流程分支过多，无法在限定范围内验证（探索上限100个状态）' }],
    });
  });

  it('keeps a draft with a built-in id out of the built-in cached fixtures and forms', () => {
    const base = builtin('onboard-dust-enterprise');
    const key = { scenarioId: base.id, seed: 'publish-1' };
    const before = attemptFixture(key);
    const draft: AnyScenario = {
      ...base,
      fixture: (seed: string) => {
        const fixture = base.fixture(seed) as { application: { name: string } };
        return { ...fixture, application: { ...fixture.application, name: '草稿企业有限公司' } };
      },
      steps: (fixture: unknown) => base.steps(fixture).map((step) => ({ ...step, title: `草稿：${step.title}` })),
    };
    withScenario(draft, () => {
      expect((attemptFixture(key) as { application: { name: string } }).application.name).toBe('草稿企业有限公司');
      expect(attemptSteps(key)[0]!.title).toMatch(/^草稿：/);
    });
    checkPublishable(draft, { seeds: SEEDS });
    expect(attemptFixture(key)).toBe(before);
    expect(attemptFixture({ ...key, seed: 'publish-2' })).toEqual(base.fixture('publish-2'));
    expect(attemptSteps(key).every((step) => !step.title.startsWith('草稿'))).toBe(true);
    expect(stepOutline(base.id).every((step) => !step.title.startsWith('草稿'))).toBe(true);
    // And the other way round: a built-in cached first does not leak into a draft's check.
    withScenario(draft, () =>
      expect((attemptFixture(key) as { application: { name: string } }).application.name).toBe('草稿企业有限公司'),
    );
  });
});
