/**
 * The publishing gate: a scenario (a trainer's draft, not in the registry) is published only when the
 * engine proves it teaches right — its model answer scores 100, each rubric item has a path that loses
 * exactly its weight, every explored path ends in a final state, and replay reproduces state and score.
 * Pure (no I/O, clock or database) and total: whatever the scenario's code does, the answer is a list
 * of failures in Chinese, one per item, never an exception.
 */
import type { AnyStateMachine } from 'xstate';
import { replayAttempt, scoreAttempt, stepOutline, withScenario } from '../engine';
import type { AnyScenario, AttemptState } from '../types';
import { workflowOf } from '../workflows';
import { finishedSimplePathEnds, lostCodes, submitAnswer, T0, type AnswerRun } from './explore';

export type GateCheck = 'scenario' | 'rubric' | 'modelAnswer' | 'mistake' | 'paths' | 'replay';

export interface GateFailure {
  check: GateCheck;
  /** The rubric item's code (with its title in the reason) the failure is about, if one. */
  item?: string;
  /** Chinese, for the trainer. */
  reason: string;
}

export type GateResult = { ok: true } | { ok: false; failures: GateFailure[] };

export interface GateOptions {
  /** Sample seeds the answers are run and replayed on; the first is also explored. */
  seeds?: string[];
  /** Most states the path exploration may visit before it gives up (a refusal, not a pass). */
  pathLimit?: number;
}

export const GATE_SEEDS = ['publish-1', 'publish-2'];
const PATH_LIMIT = 5000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Checks a scenario for publishing; `{ ok: true }` only when every check passes on every sample seed. */
export function checkPublishable(scenario: AnyScenario, options: GateOptions = {}): GateResult {
  const seeds = options.seeds?.length ? options.seeds : GATE_SEEDS;
  const failures: GateFailure[] = [];
  /** Runs one check; an exception from the scenario's code becomes that check's failure. */
  const guard = <T>(check: GateCheck, item: string | undefined, what: string, run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      failures.push({ check, ...(item ? { item } : {}), reason: `${what}时场景代码出错：${messageOf(error)}` });
      return undefined;
    }
  };
  const fail = (check: GateCheck, item: string | undefined, reason: string) =>
    failures.push({ check, ...(item ? { item } : {}), reason });

  guard('scenario', undefined, '检查场景', () =>
    withScenario(scenario, () => {
      checkRubricShape(scenario, fail);
      for (const seed of seeds) {
        const model = guard('modelAnswer', undefined, `运行参考答案（种子${seed}）`, () =>
          checkModelAnswer(scenario, seed, fail),
        );
        // The mistakes are edits of the model answer: judged only where the model answer itself holds.
        if (!model?.ok || scoreAttempt(model.state).total !== 100) continue;
        const modelEnd = model.state;
        guard('replay', undefined, `重放参考答案（种子${seed}）`, () =>
          checkReplay(scenario, seed, modelEnd, undefined, '参考答案', fail),
        );
        for (const item of scenario.rubric) {
          const name = `评分项"${item.title}"（${item.code}）`;
          guard('mistake', item.code, `${name}的错误答案（种子${seed}）`, () => {
            const fixture = scenario.fixture(seed);
            const run = submitAnswer(scenario.id, seed, item.mistake.apply(scenario.modelAnswer(fixture), fixture));
            const end = checkMistake(scenario, seed, item, name, run, fail);
            if (end) checkReplay(scenario, seed, end, item.code, `${name}的错误答案`, fail);
          });
        }
      }
      guard('paths', undefined, '探索流程分支', () => checkPaths(scenario, seeds[0]!, options.pathLimit, fail));
    }),
  );
  return failures.length === 0 ? { ok: true } : { ok: false, failures };
}

type Fail = (check: GateCheck, item: string | undefined, reason: string) => void;

function checkRubricShape(scenario: AnyScenario, fail: Fail): void {
  if (scenario.rubric.length === 0) return fail('rubric', undefined, '没有评分项');
  const seen = new Set<string>();
  for (const item of scenario.rubric) {
    const name = `评分项"${item.title}"（${item.code}）`;
    if (!Number.isInteger(item.weight) || item.weight <= 0)
      fail('rubric', item.code, `${name}的权重须为正整数，现为${item.weight}`);
    if (seen.has(item.code)) fail('rubric', item.code, `${name}的错误代码与其他评分项重复`);
    seen.add(item.code);
  }
  const total = scenario.rubric.reduce((sum, item) => sum + item.weight, 0);
  if (total !== 100)
    fail(
      'rubric',
      undefined,
      `评分项权重合计须为100，现为${total}（${scenario.rubric.map((i) => `${i.title}（${i.code}）${i.weight}`).join('、')}）`,
    );
}

function stepTitle(scenario: AnyScenario, stepId: string): string {
  return stepOutline(scenario.id).find((s) => s.id === stepId)?.title ?? stepId;
}

function lostNames(scenario: AnyScenario, codes: string[]): string {
  return codes.map((code) => `"${scenario.rubric.find((i) => i.code === code)?.title ?? code}"（${code}）`).join('、');
}

/** Why an answer's run did not finish ("参考答案第2步…被拒绝…", "…未办结"), or null when it did. */
function unfinished(scenario: AnyScenario, seed: string, run: AnswerRun, who: string): string | null {
  if (!run.ok)
    return `${who}第${run.index + 1}步"${stepTitle(scenario, run.stepId)}"被拒绝（种子${seed}）：${run.reason}`;
  if (run.state.status !== 'finished')
    return `${who}办完后流程停在"${run.state.current.stateLabel}"，未办结（种子${seed}）`;
  return null;
}

function checkModelAnswer(scenario: AnyScenario, seed: string, fail: Fail): AnswerRun {
  const run = submitAnswer(scenario.id, seed, scenario.modelAnswer(scenario.fixture(seed)));
  const problem = unfinished(scenario, seed, run, '参考答案');
  if (problem || !run.ok) {
    fail('modelAnswer', undefined, problem ?? '');
    return run;
  }
  const { total } = scoreAttempt(run.state);
  const lost = lostCodes(run.state);
  if (total !== 100)
    fail(
      'modelAnswer',
      undefined,
      `参考答案得${total}分，不是100分（种子${seed}），失分项：${lostNames(scenario, lost)}`,
    );
  for (const code of lost)
    fail('modelAnswer', code, `参考答案丢失了评分项${lostNames(scenario, [code])}的分数（种子${seed}）`);
  return run;
}

/** The mistake path's end when it finished (for replay), after judging it. */
function checkMistake(
  scenario: AnyScenario,
  seed: string,
  item: AnyScenario['rubric'][number],
  name: string,
  run: AnswerRun,
  fail: Fail,
): AttemptState | undefined {
  const problem = unfinished(scenario, seed, run, `${name}的错误答案`);
  if (problem || !run.ok) {
    fail('mistake', item.code, problem ?? '');
    return undefined;
  }
  const lost = lostCodes(run.state);
  const total = scoreAttempt(run.state).total;
  if (lost.length === 0)
    fail('mistake', item.code, `${name}没有一条只丢该项分数的路径：其错误答案不丢分（种子${seed}）`);
  else if (lost.length !== 1 || lost[0] !== item.code)
    fail('mistake', item.code, `${name}的错误答案丢失的是${lostNames(scenario, lost)}，而不是只丢该项（种子${seed}）`);
  else if (total !== 100 - item.weight)
    fail('mistake', item.code, `${name}的错误答案得${total}分，应为${100 - item.weight}分（种子${seed}）`);
  return run.state;
}

function checkReplay(
  scenario: AnyScenario,
  seed: string,
  state: AttemptState,
  item: string | undefined,
  what: string,
  fail: Fail,
): void {
  let replayed: AttemptState;
  try {
    replayed = replayAttempt({
      scenarioId: scenario.id,
      seed,
      mode: state.mode,
      startedAt: T0,
      events: state.events,
      scenarioVersion: scenario.version,
    });
  } catch (error) {
    return fail('replay', item, `${what}按记录重放失败（种子${seed}）：${messageOf(error)}`);
  }
  if (JSON.stringify(replayed) !== JSON.stringify(state))
    fail('replay', item, `${what}按记录重放后的状态与原来不同（种子${seed}）`);
  else if (JSON.stringify(scoreAttempt(replayed)) !== JSON.stringify(scoreAttempt(state)))
    fail('replay', item, `${what}按记录重放后的得分与原来不同（种子${seed}）`);
}

function checkPaths(scenario: AnyScenario, seed: string, limit = PATH_LIMIT, fail: Fail): void {
  let ends: AttemptState[];
  try {
    ({ ends } = finishedSimplePathEnds(scenario, seed, limit));
  } catch (error) {
    if (messageOf(error).includes('Traversal limit exceeded'))
      return fail('paths', undefined, `流程分支过多，无法在限定范围内验证（探索上限${limit}个状态）`);
    throw error;
  }
  if (ends.length === 0) return fail('paths', undefined, '探索到的路径没有一条办结');
  const machine = workflowOf(scenario.workflow).machine as AnyStateMachine;
  const reported = new Set<string>();
  for (const end of ends) {
    const node = machine.getStateNodeById(`${machine.id}.${end.current.state}`);
    const total = scoreAttempt(end).total;
    const reason =
      node.type !== 'final'
        ? `有一条路径在"${end.current.stateLabel}"结束，该状态不是流程的终止状态`
        : total < 0 || total > 100
          ? `有一条路径在"${end.current.stateLabel}"结束，得分${total}不在0至100之间`
          : null;
    if (reason && !reported.has(reason)) {
      reported.add(reason);
      fail('paths', undefined, reason);
    }
  }
}
