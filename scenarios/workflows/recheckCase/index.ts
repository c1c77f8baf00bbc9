/** 复查转立案: a failed 复查 of a hazard ordered removed, then the case under 安全生产法 第一百零二条. */
import { defineWorkflow } from '../define';
import { caseWorkflow } from '../case';
import { inspectionWorkflow } from '../inspection';
import { RECHECK_CASE_DOCUMENTS } from './document-types';
import { recheckCaseDocuments } from './documents';
import type { RecheckCaseFixture } from './kit/fixture';
import {
  CASE_EVENT_TYPES,
  INSPECTION_EVENT_TYPES,
  recheckCaseEventSchema,
  recheckCaseMachine,
  type RecheckCaseContext,
  type RecheckCaseEvent,
} from './machine';
import { recheckCasePrerequisites } from './prerequisites';

export const recheckCaseWorkflow = defineWorkflow<'recheckCase', RecheckCaseContext, RecheckCaseEvent>({
  id: 'recheckCase',
  title: '复查转立案（事故隐患逾期未消除）',
  machine: recheckCaseMachine,
  eventSchema: recheckCaseEventSchema,
  // The inspection's and the case's own labels.
  eventLabels: Object.fromEntries([
    ...INSPECTION_EVENT_TYPES.map((t) => [t, inspectionWorkflow.eventLabels[t]]),
    ...CASE_EVENT_TYPES.map((t) => [t, caseWorkflow.eventLabels[t]]),
  ]) as Record<RecheckCaseEvent['type'], string>,
  documentTypes: RECHECK_CASE_DOCUMENTS,
  prerequisites: recheckCasePrerequisites,
  renderDocuments: ({ fixture, context }) => recheckCaseDocuments(fixture as RecheckCaseFixture, context),
});
