/**
 * What every printable document shares: its content shape, Chinese dates and times, the appeal notice,
 * officers' names. Each workflow's renderers (`workflows/<id>/documents.ts`) build on these. Wording
 * follows the 安全生产行政执法文书 forms; every legal figure comes from `LEGAL`.
 */
import type { OfficerProfile } from '../kit/people';
import type { IssuedDocument } from '../law/document-numbers';
import type { Authority } from './divisions';
import { LEGAL } from '../law/legal-constants';

/** A labelled entry of a form-style document (立案审批表, 现场检查记录 …). */
export interface DocumentField {
  label: string;
  /** Empty when the entry is left blank to be filled in by hand (a signature). */
  value: string;
}

export interface DocumentSection {
  heading?: string;
  /** Form rows, printed as a ruled table. */
  fields?: DocumentField[];
  /** Paragraphs of the body, in order. */
  lines: string[];
}

/** One printable document. */
export interface DocumentContent {
  /** The workflow's document type id (or 'enterpriseRecord' for the onboarding record). */
  type: string;
  title: string;
  /** The document number; null for a record that carries none (企业基本信息登记表). */
  number: string | null;
  /** YYYY-MM-DD. */
  date: string;
  /** Full name of the issuing authority. */
  authority: string;
  /** The party the document is addressed to ("XX有限公司："), for letters. */
  addressee?: string;
  sections: DocumentSection[];
  signatures: DocumentField[];
  /** Whether the authority's seal line (name, 印章, date) closes the document. */
  sealed: boolean;
  /** Small print at the foot (how many copies, who keeps them). */
  note?: string;
}

/** 09:30 → 9时30分. */
export function chineseTime(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return `${h}时${String(m).padStart(2, '0')}分`;
}

/** 2025-03-10 → 2025年3月10日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

export const COPIES = '本文书一式两份：一份存档，一份交当事人。';

/** The people's government that hears a reconsideration of the authority's acts (《行政复议法》第二十四条). */
function reconsiderationBody(authority: Authority): string {
  return authority.name.replace(/应急管理局$/, '人民政府');
}

/** The appeal notice: `act` is what is appealed (行政处罚决定), `paper` the document served (决定书). */
export function appealLine(authority: Authority, act: string, paper: string, days: number, months: number): string {
  return `如不服本${act}，可以自收到本${paper}之日起${days}日内向${reconsiderationBody(authority)}申请行政复议，或者在${months}个月内依法向人民法院提起行政诉讼；行政复议或者行政诉讼期间，本${act}不停止执行，法律另有规定的除外。`;
}

/** The appeal notice with the statutory periods (《行政复议法》第二十条, 《行政诉讼法》第四十六条). */
export function statutoryAppealLine(authority: Authority, act: string, paper: string): string {
  return appealLine(authority, act, paper, LEGAL.reconsiderationPeriod.value, LEGAL.litigationPeriod.value);
}

/** The foot of a sealed letter the party signs for on receipt, with the copies note. */
export function partyReceipt(): Pick<DocumentContent, 'signatures' | 'sealed' | 'note'> {
  return { signatures: [{ label: '当事人（签收）', value: '' }], sealed: true, note: COPIES };
}

export function officerNames(officers: readonly OfficerProfile[], ids: readonly string[]): string {
  return ids.map((id) => officers.find((o) => o.id === id)?.name ?? id).join('、');
}

export function officerCertificates(officers: readonly OfficerProfile[], ids: readonly string[]): string {
  return ids
    .map((id) => {
      const o = officers.find((x) => x.id === id);
      return o ? `${o.name}（执法证号：${o.certificateNo}）` : id;
    })
    .join('；');
}

export function numberOf(documents: readonly IssuedDocument[], type: string): string | null {
  return documents.find((d) => d.type === type)?.number ?? null;
}

/** The head every numbered document shares; `title` is the type's printed name. */
export function base(
  doc: IssuedDocument,
  title: string,
  authority: Authority,
): Pick<DocumentContent, 'type' | 'title' | 'number' | 'date' | 'authority'> {
  return {
    type: doc.type,
    title,
    number: doc.number,
    date: doc.date,
    authority: authority.name,
  };
}
