/** Practice in one's own name (issue 15, point 9): the practice home and fixtures moved to it. */
import { describe, expect, it } from 'vitest';
import { listScenarios } from '../../scenarios';
import { attemptFixture, replayAttempt, scoreAttempt, startAttempt } from '../../scenarios/engine';
import { renderDocuments } from '../../scenarios/documents';
import { practiceHomeOf } from '../../scenarios/lib/divisions';
import { isValidUscc } from '../../scenarios/lib/uscc';
import type { AttemptState, PracticeHome } from '../../scenarios/types';
import { applyStep } from '../../scenarios/engine';
import { minutesAfter, T0 } from './helpers';

const HEBEI = { name: '河北省', code: '130000' };
const QHD = { name: '秦皇岛市', code: '130300' };
const TS = { name: '唐山市', code: '130200' };

const CHANGLI = practiceHomeOf({ name: '昌黎县', code: '130322', level: 'county' }, QHD, HEBEI);
const HAIGANG = practiceHomeOf({ name: '海港区', code: '130302', level: 'county' }, QHD, HEBEI);
const LUANNAN = practiceHomeOf({ name: '滦南县', code: '130224', level: 'county' }, TS, HEBEI);
const LUNAN = practiceHomeOf({ name: '路南区', code: '130202', level: 'county' }, TS, HEBEI);
const QHD_CITY = practiceHomeOf({ name: '秦皇岛市本级', code: '130300-00', level: 'county' }, QHD, HEBEI);
const LUTAI = practiceHomeOf({ name: '芦台经济开发区', code: '130200-01', level: 'county' }, TS, HEBEI);
const PROVINCE = practiceHomeOf({ name: '河北省', code: '130000', level: 'province' }, null, HEBEI);

describe('practiceHomeOf', () => {
  it('keeps 秦皇岛 divisions as the authorities table has them', () => {
    expect(CHANGLI).toEqual({
      authority: '昌黎县应急管理局',
      abbreviation: '秦昌',
      city: '秦皇岛市',
      division: { code: '130322', name: '昌黎县', fullName: '河北省秦皇岛市昌黎县' },
    });
    expect(HAIGANG).toMatchObject({ authority: '秦皇岛市海港区应急管理局', abbreviation: '秦海' });
    expect(HAIGANG.division).toEqual({ code: '130302', name: '海港区', fullName: '河北省秦皇岛市海港区' });
  });

  it('derives a county and a district of another city in the same pattern', () => {
    expect(LUANNAN).toEqual({
      authority: '滦南县应急管理局',
      abbreviation: '唐滦',
      city: '唐山市',
      division: { code: '130224', name: '滦南县', fullName: '河北省唐山市滦南县' },
    });
    expect(LUNAN).toMatchObject({ authority: '唐山市路南区应急管理局', abbreviation: '唐路' });
  });

  it('gives 市本级 the city authority, a zone its own, the province the 厅', () => {
    expect(QHD_CITY).toEqual({
      authority: '秦皇岛市应急管理局',
      abbreviation: '冀秦',
      city: '秦皇岛市',
      division: { code: '130300', name: '秦皇岛市', fullName: '河北省秦皇岛市' },
    });
    expect(practiceHomeOf({ name: '唐山市', code: '130200', level: 'city' }, TS, HEBEI)).toMatchObject({
      authority: '唐山市应急管理局',
      abbreviation: '冀唐',
    });
    expect(LUTAI).toEqual({
      authority: '芦台经济开发区应急管理局',
      abbreviation: '唐芦',
      city: '唐山市',
      division: { code: '130200', name: '芦台经济开发区', fullName: '河北省唐山市芦台经济开发区' },
    });
    expect(PROVINCE).toEqual({
      authority: '河北省应急管理厅',
      abbreviation: '冀',
      city: '河北省',
      division: { code: '130000', name: '河北省', fullName: '河北省' },
    });
  });
});

function play(scenarioId: string, seed: string, home?: PracticeHome): AttemptState {
  const scenario = listScenarios().find((s) => s.id === scenarioId)!;
  const answer = scenario.modelAnswer(attemptFixture({ scenarioId, seed, ...(home ? { home } : {}) }));
  let state = startAttempt({ scenarioId, seed, mode: 'practice', at: T0, home });
  answer.forEach((step, i) => {
    const result = applyStep(state, { stepId: step.stepId, values: step.values, at: minutesAfter(T0, i + 1) });
    if (!result.ok) throw new Error(`${scenarioId}/${seed}/${home?.authority}: ${step.stepId}: ${result.reason}`);
    state = result.state;
  });
  return state;
}

describe('every scenario in one’s own name', () => {
  for (const home of [CHANGLI, LUANNAN, LUNAN, QHD_CITY, LUTAI, PROVINCE]) {
    for (const scenario of listScenarios()) {
      it(`${scenario.id} as ${home.authority}`, () => {
        const state = play(scenario.id, 'home-1', home);
        expect(state.home).toEqual(home);
        expect(scoreAttempt(state).total).toBe(100);
        const printed = JSON.stringify(renderDocuments(state));
        expect(printed).toContain(home.authority);
        expect(printed.split(/应急管理[局厅]/).length, 'every authority named is the home').toBe(
          printed.split(home.authority).length,
        );
        const numbers = printed.match(/（[^（）]+?）应急[^〔]+〔\d{4}〕\d+号/g) ?? [];
        for (const n of numbers) expect(n.startsWith(`（${home.abbreviation}）`)).toBe(true);
        if (home.city !== '秦皇岛市') expect(printed).not.toContain('秦皇岛');
        const fixture = attemptFixture(state) as { enterprise?: { uscc: string }; truth?: { uscc: string } };
        const uscc = (fixture.enterprise ?? fixture.truth)?.uscc;
        if (uscc) {
          expect(uscc.slice(2, 8)).toBe(home.division.code);
          expect(isValidUscc(uscc)).toBe(true);
        }
      });
    }
  }
});

describe('one seed, many homes (competitions)', () => {
  it('scores the same answer identically and prints each home’s authority and numbers', () => {
    for (const scenario of listScenarios()) {
      // The answer as officers of 昌黎县 would enter it, also entered under 滦南县: same dates, amounts, items.
      const changli = play(scenario.id, 'contest-7', CHANGLI);
      const luannan = play(scenario.id, 'contest-7', LUANNAN);
      const plain = play(scenario.id, 'contest-7');
      const items = (s: AttemptState) => scoreAttempt(s).items.map((i) => [i.code, i.earned]);
      expect(items(luannan)).toEqual(items(changli));
      expect(items(plain)).toEqual(items(changli));
      const dates = (s: AttemptState) => s.events.map((e) => e.at);
      expect(dates(luannan)).toEqual(dates(changli));
      const a = JSON.stringify(renderDocuments(changli));
      const b = JSON.stringify(renderDocuments(luannan));
      expect(a).toContain('昌黎县应急管理局');
      expect(a).not.toContain('滦南县');
      expect(b).toContain('滦南县应急管理局');
      expect(b).not.toContain('昌黎县');
      if (a.includes('应急罚') || a.includes('应急检记')) {
        expect(a).toContain('（秦昌）应急');
        expect(b).toContain('（唐滦）应急');
      }
      // Everything but the names is the same case: amounts and dates in print match.
      const figures = (s: string) => s.match(/\d{4}年\d{1,2}月\d{1,2}日|人民币[\d,.万]+元|〔\d{4}〕\d+号/g);
      expect(figures(b)).toEqual(figures(a));
    }
  });
});

describe('replay with the stored home', () => {
  it('rebuilds the state and score; without a home the attempt is as before', () => {
    for (const scenario of listScenarios()) {
      const state = play(scenario.id, 'replay-3', LUANNAN);
      const rebuilt = replayAttempt({
        scenarioId: state.scenarioId,
        seed: state.seed,
        mode: state.mode,
        startedAt: state.startedAt,
        events: state.events,
        scenarioVersion: state.scenarioVersion,
        home: state.home,
      });
      expect(rebuilt).toEqual(state);
      expect(scoreAttempt(rebuilt)).toEqual(scoreAttempt(state));
      const old = play(scenario.id, 'replay-3');
      expect('home' in old).toBe(false);
      const oldRebuilt = replayAttempt({ ...old, events: old.events, home: null });
      expect(oldRebuilt).toEqual(old);
      expect(JSON.stringify(renderDocuments(oldRebuilt))).toBe(JSON.stringify(renderDocuments(old)));
    }
  });
});
