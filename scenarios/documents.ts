/**
 * The documents an attempt produced, as printable content: one `DocumentContent` per issued document,
 * in issue order, built by the attempt's workflow from what the officer entered (the workflow context)
 * and from the simulated enterprise (the fixture). A wrong value entered shows as that wrong value, as
 * it would on paper.
 */
import { attemptFixture } from './engine';
import type { DocumentContent } from './lib/document';
import type { AttemptState } from './types';
import { workflowOf } from './workflows';

export type { DocumentContent, DocumentField, DocumentSection } from './lib/document';
export { chineseDate, chineseTime } from './lib/document';

/** The documents the attempt produced, as printable content, in issue order. */
export function renderDocuments(state: AttemptState): DocumentContent[] {
  return workflowOf(state.workflow).renderDocuments({
    state,
    fixture: attemptFixture(state),
    context: state.snapshot.context,
  });
}
