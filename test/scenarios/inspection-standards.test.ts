/**
 * The 重大事故隐患 standards of the inspection workflow: every catalogue item knows its standard and
 * citation; an enterprise is judged under exactly one standard (the 2023 工贸 standard's 第二条 leaves
 * 危险化学品 to the 2017 化工和危险化学品 standard, 安监总管三〔2017〕121号), and a clause of the other standard
 * is not offered by the form and is refused by the workflow in every inspection scenario.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, applyStep, scoreAttempt } from '../../scenarios/engine';
import { getScenario, listScenarios } from '../../scenarios/index';
import {
  STANDARD_ITEMS,
  STANDARDS,
  standardItem,
  standardOf,
  standardReference,
  type StandardId,
} from '../../scenarios/lib/hazard-standard';
import { majorItems, type InspectionFixture } from '../../scenarios/workflows/inspection/kit';
import type { InspectionContext, InspectionEvent } from '../../scenarios/workflows/inspection/machine';
import { minutesAfter, runAnswer, T0 } from './helpers';

const INSPECTIONS = listScenarios().filter((s) => s.workflow === 'inspection');
/** Scenarios where the trainee records the findings (document scenarios start after them). */
const WITH_FINDINGS = INSPECTIONS.filter((s) => s.modelAnswer(s.fixture('std-1')).some((a) => a.stepId === 'findings'));
const SEEDS = ['std-1', 'std-2', 'std-3', 'std-4', 'std-5', 'std-6'];
const other = (standard: StandardId): StandardId => (standard === 'gm2023' ? 'hc2017' : 'gm2023');

function fixtureOf(id: string, seed: string) {
  return getScenario(id)!.fixture(seed) as InspectionFixture;
}

/** The attempt just before the findings, and the model answer's findings values. */
function beforeFindings(id: string, seed: string) {
  const scenario = getScenario(id)!;
  const fixture = fixtureOf(id, seed);
  const answer = scenario.modelAnswer(fixture);
  const index = answer.findIndex((s) => s.stepId === 'findings');
  return { fixture, state: runAnswer(id, seed, answer.slice(0, index)), values: answer[index]!.values };
}

describe('the catalogue', () => {
  it('gives every item a unique id, a standard and a citation that names that standard', () => {
    expect(new Set(STANDARD_ITEMS.map((i) => i.id)).size).toBe(STANDARD_ITEMS.length);
    for (const item of STANDARD_ITEMS) {
      expect(item.text.length).toBeGreaterThan(5);
      expect(item.citation.startsWith(STANDARDS[item.standard].title)).toBe(true);
      expect(item.citation).toMatch(
        item.standard === 'gm2023'
          ? /第[一二三四五六七八九十]+条第（[一二三四五六七八九十]+）项$/
          : /第[一二三四五六七八九十]+项$/,
      );
    }
  });

  it('cites the 121号 items by their number in the notice', () => {
    expect(standardItem('H12').citation).toBe(
      '《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第十二项',
    );
    expect(standardItem('H20').citation).toBe(
      '《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第二十项',
    );
    expect(standardItem('M4').citation).toBe('《工贸企业重大事故隐患判定标准》第四条第（四）项');
    expect(standardReference('hc2017')).toBe(
      '《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》（安监总管三〔2017〕121号）',
    );
  });

  it('puts an enterprise under one standard only', () => {
    expect(standardOf(['管理类', '冶金'])).toBe('gm2023');
    expect(standardOf(['化工和危险化学品'])).toBe('hc2017');
    expect(() => standardOf(['管理类', '化工和危险化学品'])).toThrow(RangeError);
  });
});

it('covers the 危化 and 冶金 scenarios', () => {
  const ids = INSPECTIONS.map((s) => s.id);
  expect(ids).toContain('inspect-hazardous-chemicals');
  expect(ids).toContain('inspect-metallurgy');
});

describe('inspect-hazardous-chemicals: judged under 安监总管三〔2017〕121号', () => {
  it.each(SEEDS)('draws one major hazard per seed and it cites a 121号 item (seed %s)', (seed) => {
    const fixture = fixtureOf('inspect-hazardous-chemicals', seed);
    const majors = majorItems(fixture);
    expect(majors).toHaveLength(1);
    const item = standardItem(majors[0]!.clause!);
    expect(item.standard).toBe('hc2017');
    expect(item.citation).toContain('《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》');
    expect(majors[0]!.measures.length).toBeGreaterThan(0);
  });

  it('draws every major hazard of its list over the seeds', () => {
    const drawn = new Set(
      Array.from({ length: 40 }, (_, n) => majorItems(fixtureOf('inspect-hazardous-chemicals', `d${n}`))[0]!.clause),
    );
    expect([...drawn].sort()).toEqual(['H12', 'H18', 'H20', 'H5']);
  });

  it('rubric judges the clause under the 121号 standard', () => {
    const rubric = getScenario('inspect-hazardous-chemicals')!.rubric;
    for (const code of ['MAJOR_HAZARD_MISSED', 'WRONG_MAJOR_CLAUSE']) {
      expect(rubric.find((r) => r.code === code)!.citation).toBe(standardReference('hc2017'));
    }
  });

  it('refuses a 工贸 clause with 第二条, through the form and as an event', () => {
    const { fixture, state, values } = beforeFindings('inspect-hazardous-chemicals', 'std-1');
    const major = majorItems(fixture)[0]!;
    const viaForm = applyStep(state, {
      stepId: 'findings',
      values: { ...values, [`clause_${major.id}`]: 'D3' },
      at: minutesAfter(T0, 60),
    });
    expect(viaForm.ok).toBe(false);
    if (!viaForm.ok) expect(viaForm.fieldErrors?.[`clause_${major.id}`]).toBeDefined();
    const event: InspectionEvent = {
      type: 'officer.recordFindings',
      at: minutesAfter(T0, 60),
      findings: fixture.items.map((i) => ({
        itemId: i.id,
        verdict: i.verdict,
        clause: i.id === major.id ? 'M1' : i.clause,
      })),
    };
    const viaEvent = applyEvent(state, event);
    expect(viaEvent.ok).toBe(false);
    if (viaEvent.ok) return;
    expect(viaEvent.code).toBe('REFUSED');
    expect(viaEvent.reason).toContain(major.area);
    expect(viaEvent.reason).toContain('《工贸企业重大事故隐患判定标准》第二条');
    expect(viaEvent.reason).toContain('安监总管三〔2017〕121号');
  });
});

describe('inspect-metallurgy: judged under 第四条 of the 2023 工贸 standard', () => {
  it.each(SEEDS)('cites a 冶金 item of 第四条 (seed %s)', (seed) => {
    const majors = majorItems(fixtureOf('inspect-metallurgy', seed));
    expect(majors).toHaveLength(1);
    const item = standardItem(majors[0]!.clause!);
    expect(item.group).toBe('冶金');
    expect(item.citation).toMatch(/^《工贸企业重大事故隐患判定标准》第四条第（[一二三四]）项$/);
  });

  it('scores an answer that calls the drawn 冶金 hazard ordinary below 100', () => {
    const scenario = getScenario('inspect-metallurgy')!;
    const fixture = fixtureOf('inspect-metallurgy', 'std-2');
    const major = majorItems(fixture)[0]!;
    const answer = scenario
      .modelAnswer(fixture)
      .filter((s) => s.stepId !== 'measures')
      .map((s) =>
        s.stepId === 'findings'
          ? { ...s, values: { ...s.values, [`verdict_${major.id}`]: 'general', [`clause_${major.id}`]: '' } }
          : s,
      );
    const total = scoreAttempt(runAnswer('inspect-metallurgy', 'std-2', answer)).total;
    expect(total).toBeLessThan(100);
  });
});

describe.each(INSPECTIONS.map((s) => [s.id] as const))('%s: one standard applies', (id) => {
  it('offers only the clauses of the standard that applies, and the rubric cites that standard', () => {
    const fixture = fixtureOf(id, 'std-1');
    const standard = standardOf(fixture.clauseGroups);
    const findings = getScenario(id)!
      .steps(fixture)
      .find((s) => s.id === 'findings')!;
    const clauseFields = findings.fields.filter((f) => f.name.startsWith('clause_'));
    expect(clauseFields.length).toBe(fixture.items.length);
    for (const field of clauseFields) {
      const options = (field.options ?? []).map((o) => o.value);
      expect(options.length).toBeGreaterThan(0);
      for (const value of options) expect(standardItem(value).standard).toBe(standard);
    }
    for (const item of getScenario(id)!.rubric.filter((r) =>
      ['MAJOR_HAZARD_MISSED', 'WRONG_MAJOR_CLAUSE'].includes(r.code),
    ))
      expect(item.citation).toBe(standardReference(standard));
  });

  it.each(SEEDS)('every drawn major hazard is an item of that standard (seed %s)', (seed) => {
    const fixture = fixtureOf(id, seed);
    for (const item of majorItems(fixture))
      expect(standardItem(item.clause!).standard).toBe(standardOf(fixture.clauseGroups));
  });

  it.runIf(WITH_FINDINGS.some((s) => s.id === id))(
    'refuses, as an event, a clause of the other standard and an unknown clause, naming the standard that applies',
    () => {
      const { fixture, state } = beforeFindings(id, 'std-3');
      const standard = standardOf(fixture.clauseGroups);
      const major = majorItems(fixture)[0]!;
      const wrong = STANDARD_ITEMS.find((i) => i.standard === other(standard))!;
      const findingsWith = (clause: string): InspectionEvent => ({
        type: 'officer.recordFindings',
        at: minutesAfter(T0, 60),
        findings: fixture.items.map((i) => ({
          itemId: i.id,
          verdict: i.verdict,
          clause: i.id === major.id ? clause : i.clause,
        })),
      });
      for (const clause of [wrong.id, 'X99']) {
        const result = applyEvent(state, findingsWith(clause));
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        expect(result.code).toBe('REFUSED');
        expect(result.reason).toContain(STANDARDS[standard].title);
      }
      const lawful = applyEvent(state, findingsWith(major.clause!));
      expect(lawful.ok).toBe(true);
      if (lawful.ok) expect((lawful.state.snapshot.context as InspectionContext).standard).toBe(standard);
    },
  );
});
