/**
 * A fixture moved to the officer's practice home (属地管辖: an authority inspects enterprises in its own
 * jurisdiction). The scenario draws its fixture exactly as without a home — the same dates, amounts,
 * people and trade names for every home, so officers of different units competing on one seed get the
 * same case — and this maps the drawn county onto the home: the authority (name, document-number
 * abbreviation), the enterprise's division code, the USCC's registration-division digits (check
 * character recomputed; a deliberately wrong one stays wrong), addresses and every text naming the
 * county's authority or the city. When the home is another of 秦皇岛's divisions the two are swapped, so
 * an enterprise drawn elsewhere in the city (a registry entry, a trap) never lands on the home.
 */
import { divisionByCode, homeAuthority, type Authority } from '../lib/divisions';
import { usccCheckCharacter } from '../lib/uscc';
import type { PracticeHome } from '../types';

const USCC_SHAPE = /^[0-9A-Z]{2}\d{6}[0-9A-Z]{10}$/;

function moveUscc(code: string, divisions: Map<string, string>): string {
  const to = divisions.get(code.slice(2, 8));
  if (to === undefined) return code;
  const wasValid = usccCheckCharacter(code.slice(0, 17)) === code[17];
  const first17 = `${code.slice(0, 2)}${to}${code.slice(8, 17)}`;
  const check = usccCheckCharacter(first17);
  if (check === null) return code;
  if (wasValid) return first17 + check;
  // Keep a wrong check character wrong.
  return first17 + (code[17] === check ? (check === '0' ? '1' : '0') : code[17]);
}

function stemOf(authorityName: string): string {
  return authorityName.replace(/应急管理[局厅]$/, '');
}

const CITY = '秦皇岛市';

function isAuthority(v: unknown): v is Authority {
  const a = v as Partial<Authority> | null;
  return (
    typeof a === 'object' &&
    a !== null &&
    typeof a.name === 'string' &&
    typeof a.abbreviation === 'string' &&
    typeof a.divisionCode === 'string'
  );
}

/** The fixture's authority: its `authority`, or the first one nested (a chain's inspection and case). */
function authorityIn(value: unknown): Authority | null {
  if (isAuthority(value)) return value;
  if (value === null || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  if (isAuthority(record.authority)) return record.authority;
  for (const v of Object.values(record)) {
    const found = authorityIn(v);
    if (found) return found;
  }
  return null;
}

/** The fixture as drawn, moved to `home`; it also carries `home` (the onboarding forms' division list). */
export function rehomeFixture<F>(fixture: F, home: PracticeHome): F {
  const from = authorityIn(fixture);
  if (!from) return fixture;
  const fromDivision = divisionByCode(from.divisionCode) ?? {
    code: from.divisionCode,
    name: stemOf(from.name),
    fullName: `河北省${stemOf(from.name)}`,
  };
  const to = homeAuthority(home);
  const swap = divisionByCode(home.division.code) !== undefined && home.division.code !== fromDivision.code;
  const homeStem = stemOf(home.authority);
  const police = (authority: string, stem: string) => `${stem}公安${authority.endsWith('厅') ? '厅' : '局'}`;
  const texts = new Map<string, string>([
    [fromDivision.fullName, home.division.fullName],
    [from.name, home.authority],
    [police(from.name, stemOf(from.name)), police(home.authority, homeStem)],
    [stemOf(from.name), homeStem],
    // Document numbers drawn into the fixture (an execution case's 决定书).
    [`（${from.abbreviation}）`, `（${home.abbreviation}）`],
  ]);
  const divisions = new Map<string, string>([[fromDivision.code, home.division.code]]);
  if (swap) {
    const homeDivision = divisionByCode(home.division.code)!;
    texts.set(homeDivision.fullName, fromDivision.fullName);
    texts.set(home.authority, from.name);
    texts.set(police(home.authority, homeStem), police(from.name, stemOf(from.name)));
    texts.set(homeStem, stemOf(from.name));
    texts.set(`（${home.abbreviation}）`, `（${from.abbreviation}）`);
    divisions.set(home.division.code, fromDivision.code);
  }
  if (home.city !== CITY) {
    texts.set(CITY, home.city);
    texts.set(CITY.replace(/市$/, ''), home.city.replace(/[市省]$/, ''));
  }
  for (const [k, v] of [...texts]) if (k === v || k === '') texts.delete(k);
  const pattern =
    texts.size === 0
      ? null
      : new RegExp(
          [...texts.keys()]
            .sort((a, b) => b.length - a.length)
            .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('|'),
          'g',
        );
  const isFrom = (v: Record<string, unknown>) =>
    v.name === from.name && v.abbreviation === from.abbreviation && v.divisionCode === from.divisionCode;
  const move = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') {
      if (key === 'divisionCode' && divisions.has(value)) return divisions.get(value);
      if (USCC_SHAPE.test(value)) return moveUscc(value, divisions);
      return pattern ? value.replace(pattern, (m) => texts.get(m)!) : value;
    }
    if (Array.isArray(value)) return value.map((v) => move(v, null));
    if (value !== null && typeof value === 'object') {
      if (isFrom(value as Record<string, unknown>)) return { ...to };
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, move(v, k)]));
    }
    return value;
  };
  return { ...(move(fixture, null) as F), home };
}
