/** The inspection's documents: printed name and the type code in their number (docs/law.md). */
import type { DocumentTypes, IssuedDocument } from '../../law/document-numbers';

export const INSPECTION_DOCUMENTS = {
  onSiteRecord: { name: '现场检查记录', code: '检记' },
  onSiteMeasures: { name: '现场处理措施决定书', code: '现决' },
  rectificationOrder: { name: '责令限期整改指令书', code: '责改' },
  recheckOpinion: { name: '整改复查意见书', code: '复查' },
} as const satisfies DocumentTypes;

export type InspectionDocumentType = keyof typeof INSPECTION_DOCUMENTS;
export type InspectionDocument = IssuedDocument<InspectionDocumentType>;
