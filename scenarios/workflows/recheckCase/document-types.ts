/**
 * The chain's documents are the inspection's and the case's: the same printed names and number codes, the
 * very same specs (imported, so a code is written once). The 整改复查意见书 keeps the inspection's register
 * number; the case draws its own with 立案.
 */
import type { DocumentTypes, IssuedDocument } from '../../law/document-numbers';
import { CASE_DOCUMENTS, type CaseDocumentType } from '../case/document-types';
import { INSPECTION_DOCUMENTS, type InspectionDocumentType } from '../inspection/document-types';

export const RECHECK_CASE_DOCUMENTS = {
  ...INSPECTION_DOCUMENTS,
  ...CASE_DOCUMENTS,
} as const satisfies DocumentTypes;

export type RecheckCaseDocumentType = InspectionDocumentType | CaseDocumentType;
export type RecheckCaseDocument = IssuedDocument<RecheckCaseDocumentType>;
