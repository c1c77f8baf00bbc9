/**
 * Document types and their numbers, as real systems print them:
 * `（{authority abbreviation}）应急{type code}〔{year}〕{n}号`. One inspection or one case is one register
 * entry: its first document (检记, or 立 once the case is approved) draws the next running number of the
 * authority's year, and every later document of the same inspection or case carries that number and year
 * with its own type code (shared/domain-reference.md §2.1: "all documents of one case share one running
 * number"), so a 罚告 15号 never sits beside a 听告 61号 in one case.
 */

export const DOCUMENT_TYPES = {
  onSiteRecord: { name: '现场检查记录', code: '检记' },
  onSiteMeasures: { name: '现场处理措施决定书', code: '现决' },
  rectificationOrder: { name: '责令限期整改指令书', code: '责改' },
  recheckOpinion: { name: '整改复查意见书', code: '复查' },
  caseFiling: { name: '立案审批表', code: '立' },
  penaltyNotice: { name: '行政处罚告知书', code: '罚告' },
  hearingNotice: { name: '听证告知书', code: '听告' },
  hearingSchedule: { name: '听证会通知书', code: '听通' },
  hearingRecord: { name: '听证笔录', code: '听笔' },
  caseReport: { name: '案件处理呈批表', code: '处呈' },
  penaltyDecision: { name: '行政处罚决定书', code: '罚' },
  serviceReceipt: { name: '送达回执', code: '回' },
  caseClosing: { name: '结案审批表', code: '结' },
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPES;

/** A document issued in an attempt. */
export interface IssuedDocument {
  type: DocumentType;
  number: string;
  date: string;
}

/** Counters per `${type}:${year}` of the type that opens a register entry; the next number is counter + 1. */
export type DocumentCounters = Record<string, number>;

export function formatDocumentNumber(abbreviation: string, type: DocumentType, year: number, n: number): string {
  return `（${abbreviation}）应急${DOCUMENT_TYPES[type].code}〔${year}〕${n}号`;
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
 */
export function issueDocument(
  counters: DocumentCounters,
  abbreviation: string,
  type: DocumentType,
  date: string,
  issued: readonly IssuedDocument[],
): { document: IssuedDocument; counters: DocumentCounters } {
  const entry = issued.length > 0 ? parseDocumentNumber(issued[0]!.number) : null;
  if (entry)
    return {
      document: { type, number: formatDocumentNumber(abbreviation, type, entry.year, entry.n), date },
      counters,
    };
  const year = Number(date.slice(0, 4));
  const key = `${type}:${year}`;
  const n = (counters[key] ?? 0) + 1;
  return {
    document: { type, number: formatDocumentNumber(abbreviation, type, year, n), date },
    counters: { ...counters, [key]: n },
  };
}
