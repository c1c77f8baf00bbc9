/**
 * The documents of a 简易程序 当场处罚: printed name and the type code in their number (docs/law.md). The
 * codes all start with 简 so that they never meet another workflow's; the codes are this project's
 * choice (no national text fixes them, shared/domain-reference.md §2.1).
 */
import { ON_SITE_NOTE, type DocumentTypes, type IssuedDocument } from '../../law/document-numbers';

export const SUMMARY_DOCUMENTS = {
  summaryOnSiteNote: ON_SITE_NOTE,
  summaryStatementRecord: { name: '陈述申辩笔录', code: '简陈' },
  summaryDecision: { name: '行政（当场）处罚决定书', code: '简罚' },
  summaryFiling: { name: '当场处罚决定备案表', code: '简备' },
  summaryReferral: { name: '简易程序转普通程序审批表', code: '简转' },
} as const satisfies DocumentTypes;

export type SummaryDocumentType = keyof typeof SUMMARY_DOCUMENTS;
export type SummaryDocument = IssuedDocument<SummaryDocumentType>;
