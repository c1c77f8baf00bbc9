/** The case's documents: printed name and the type code in their number (docs/law.md). */
import type { DocumentTypes, IssuedDocument } from '../../law/document-numbers';

export const CASE_DOCUMENTS = {
  caseFiling: { name: '立案审批表', code: '立' },
  penaltyNotice: { name: '行政处罚告知书', code: '罚告' },
  hearingNotice: { name: '听证告知书', code: '听告' },
  hearingSchedule: { name: '听证会通知书', code: '听通' },
  hearingRecord: { name: '听证笔录', code: '听笔' },
  caseReport: { name: '案件处理呈批表', code: '处呈' },
  legalReview: { name: '法制审核意见书', code: '法审' },
  collectiveDiscussion: { name: '集体讨论记录', code: '罚集' },
  noPenaltyDecision: { name: '不予行政处罚决定书', code: '不罚' },
  transferApproval: { name: '涉嫌犯罪案件移送审批表', code: '移审' },
  transferLetter: { name: '涉嫌犯罪案件移送书', code: '移' },
  penaltyDecision: { name: '行政处罚决定书', code: '罚' },
  serviceReceipt: { name: '送达回执', code: '回' },
  caseClosing: { name: '结案审批表', code: '结' },
} as const satisfies DocumentTypes;

export type CaseDocumentType = keyof typeof CASE_DOCUMENTS;
export type CaseDocument = IssuedDocument<CaseDocumentType>;
