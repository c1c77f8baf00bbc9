/**
 * The chain's documents are printed by the inspection's and the case's renderers (imported, unchanged):
 * the case's 告知书 and 决定书 already print 停产停业整顿 where the tier orders it and each responsible
 * person's fine (双罚), and its 法制审核意见书 and 集体讨论记录.
 */
import type { DocumentContent } from '../../lib/document';
import { caseDocument } from '../case/documents';
import { inspectionDocument } from '../inspection/documents';
import type { InspectionDocument } from '../inspection/document-types';
import type { RecheckCaseFixture } from './kit/fixture';
import type { RecheckCaseContext } from './machine';

/** Every document the chain issued, in issue order: the inspection's first, then the case's. */
export function recheckCaseDocuments(f: RecheckCaseFixture, c: RecheckCaseContext): DocumentContent[] {
  const inspection = c.inspection.context.documents.map((doc: InspectionDocument) =>
    inspectionDocument(doc, f.inspection, c.inspection.context),
  );
  const part = c.case?.context;
  const inCase = part ? part.documents.map((doc) => caseDocument(doc, f.case, part)) : [];
  return [...inspection, ...inCase];
}
