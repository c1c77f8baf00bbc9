/** The enforcement documents: printed name and the type code in their number (shared/domain-reference.md §2.1). */
import type { DocumentTypes, IssuedDocument } from '../../law/document-numbers';

export const ENFORCEMENT_DOCUMENTS = {
  installmentReview: { name: '延期（分期）缴纳罚款审批表', code: '缴审' },
  installmentApproval: { name: '延期（分期）缴纳罚款批准书', code: '缴批' },
  paymentReminder: { name: '催告书', code: '执行催告' },
  courtApplication: { name: '强制执行申请书', code: '强执' },
} as const satisfies DocumentTypes;

export type EnforcementDocumentType = keyof typeof ENFORCEMENT_DOCUMENTS;
export type EnforcementDocument = IssuedDocument<EnforcementDocumentType>;
