/**
 * Document types and their numbers, as real systems print them:
 * `（{authority abbreviation}）应急{type code}〔{year}〕{n}号`. One inspection or one case is one register
 * entry: its first document (检记, or 立 once the case is approved) draws the next running number of the
 * authority's year, and every later document of the same inspection or case carries that number and year
 * with its own type code (shared/domain-reference.md §2.1: "all documents of one case share one running
 * number"), so a 罚告 15号 never sits beside a 听告 61号 in one case.
 */

/** A document type: its printed name and the type code inside its number (罚告 in （冀秦）应急罚告〔2025〕3号). */
export interface DocumentTypeSpec {
  name: string;
  code: string;
}

/** A workflow's document types by id; each workflow declares its own (its registry entry carries them). */
export type DocumentTypes = Record<string, DocumentTypeSpec>;

/**
 * Documents that several procedures make under one name, so one code (a registry test holds every name to
 * one code): the 现场笔录 of 行政处罚法 第五十五条 and 行政强制法 第十八条第（七）项, made in a 简易程序 and at a
 * 查封扣押 alike. The code is this project's choice (no national text fixes it, domain-reference §2.1).
 */
export const ON_SITE_NOTE = { name: '现场笔录', code: '现笔' } as const satisfies DocumentTypeSpec;

/** A document issued in an attempt. */
export interface IssuedDocument<Type extends string = string> {
  type: Type;
  number: string;
  date: string;
}

/** Counters per `${type}:${year}` of the type that opens a register entry; the next number is counter + 1. */
export type DocumentCounters = Record<string, number>;

export function formatDocumentNumber(abbreviation: string, code: string, year: number, n: number): string {
  return `（${abbreviation}）应急${code}〔${year}〕${n}号`;
}

/** Parses a number printed by `formatDocumentNumber`. */
export function parseDocumentNumber(
  text: string,
): { abbreviation: string; code: string; year: number; n: number } | null {
  const m = /^（(.+?)）应急(.+?)〔(\d{4})〕(\d+)号$/.exec(text);
  if (!m) return null;
  return { abbreviation: m[1]!, code: m[2]!, year: Number(m[3]), n: Number(m[4]) };
}

/**
 * Issues a document of the inspection or case whose documents so far are `issued`: the first one draws
 * the next number of its type's counter for the year of `date`; later ones reuse that number and year.
 * `openedBy` is the number of a register entry opened elsewhere that these documents join (the case's
 * 决定书 for its execution): then even the first reuses it.
 */
export function issueDocument<Types extends DocumentTypes, Type extends keyof Types & string>(
  types: Types,
  counters: DocumentCounters,
  abbreviation: string,
  type: Type,
  date: string,
  issued: readonly IssuedDocument[],
  openedBy: string | null = null,
): { document: IssuedDocument<Type>; counters: DocumentCounters } {
  const code = types[type]!.code;
  const first = openedBy ?? issued[0]?.number;
  const entry = first ? parseDocumentNumber(first) : null;
  if (entry)
    return {
      document: { type, number: formatDocumentNumber(abbreviation, code, entry.year, entry.n), date },
      counters,
    };
  const year = Number(date.slice(0, 4));
  const key = `${type}:${year}`;
  const n = (counters[key] ?? 0) + 1;
  return {
    document: { type, number: formatDocumentNumber(abbreviation, code, year, n), date },
    counters: { ...counters, [key]: n },
  };
}

/** What a workflow context keeps of its register entry: the counters, the authority's abbreviation, the documents. */
export interface DocumentRegister<Type extends string> {
  counters: DocumentCounters;
  authority: string;
  documents: readonly IssuedDocument<Type>[];
}

/** The context fields after issuing one more document of `types` (a machine action spreads them in); `openedBy` as in issueDocument. */
export function withIssuedDocument<Types extends DocumentTypes, Type extends keyof Types & string>(
  types: Types,
  register: DocumentRegister<Type>,
  type: Type,
  date: string,
  openedBy: string | null = null,
): { counters: DocumentCounters; documents: IssuedDocument<Type>[] } {
  const { document, counters } = issueDocument(
    types,
    register.counters,
    register.authority,
    type,
    date,
    register.documents,
    openedBy,
  );
  return { counters, documents: [...register.documents, document] };
}
