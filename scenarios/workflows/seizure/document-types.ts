/** The seizure's documents: printed name and the type code in their number (docs/law.md). */
import { ON_SITE_NOTE, type DocumentTypes, type IssuedDocument } from '../../law/document-numbers';

export const SEIZURE_DOCUMENTS = {
  seizureRecord: ON_SITE_NOTE,
  seizureDecision: { name: '查封（扣押）决定书', code: '查扣' },
  seizureList: { name: '查封（扣押）清单', code: '查清' },
  seizureExtension: { name: '延长查封（扣押）期限决定书', code: '查延' },
  seizureRelease: { name: '解除查封（扣押）决定书', code: '查解' },
  seizureDisposal: { name: '查封（扣押）物品处理决定书', code: '查处' },
} as const satisfies DocumentTypes;

export type SeizureDocumentType = keyof typeof SEIZURE_DOCUMENTS;
export type SeizureDocument = IssuedDocument<SeizureDocumentType>;
