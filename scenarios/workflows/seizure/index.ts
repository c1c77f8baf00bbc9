/** 查封、扣押: approval, on-site enforcement, decision and list, extension, and the outcome within the period. */
import { defineWorkflow } from '../define';
import { SEIZURE_DOCUMENTS } from './document-types';
import { seizureDocument } from './documents';
import type { SeizureFixture } from './kit';
import { seizureEventSchema, seizureMachine, type SeizureContext, type SeizureEvent } from './machine';
import { seizurePrerequisites } from './prerequisites';

export const seizureWorkflow = defineWorkflow<'seizure', SeizureContext, SeizureEvent>({
  id: 'seizure',
  title: '查封扣押',
  machine: seizureMachine,
  eventSchema: seizureEventSchema,
  eventLabels: {
    'officer.approveSeizure': '报请负责人批准',
    'officer.recordEnforcement': '实施查封扣押（现场笔录）',
    'officer.issueSeizureDecision': '交付查封（扣押）决定书和清单',
    'officer.extendSeizure': '延长查封扣押期限',
    'officer.decideOutcome': '作出处理决定或解除',
  },
  documentTypes: SEIZURE_DOCUMENTS,
  prerequisites: seizurePrerequisites,
  renderDocuments: ({ fixture, context }) =>
    context.documents.map((doc) => seizureDocument(doc, fixture as SeizureFixture, context)),
});
