/** 行政处罚决定的执行: payment, 延期/分期, 加处罚款, 催告 and the application to the people's court. */
import { defineWorkflow } from '../define';
import { ENFORCEMENT_DOCUMENTS } from './document-types';
import { enforcementDocument } from './documents';
import type { EnforcementFixture } from './kit';
import { enforcementEventSchema, enforcementMachine, type EnforcementContext, type EnforcementEvent } from './machine';
import { enforcementPrerequisites } from './prerequisites';

export const enforcementWorkflow = defineWorkflow<'enforcement', EnforcementContext, EnforcementEvent>({
  id: 'enforcement',
  title: '处罚决定的执行',
  machine: enforcementMachine,
  eventSchema: enforcementEventSchema,
  eventLabels: {
    'officer.recordDecision': '登记已送达的行政处罚决定书',
    'officer.registerApplication': '登记延期（分期）缴纳申请',
    'officer.decideInstallment': '审批延期（分期）缴纳（审批表、批准书）',
    'officer.recordPayment': '登记罚款缴纳',
    'officer.issueReminder': '催告（催告书）',
    'officer.registerStatement': '登记陈述申辩并复核',
    'officer.applyToCourt': '申请人民法院强制执行（强制执行申请书）',
  },
  documentTypes: ENFORCEMENT_DOCUMENTS,
  prerequisites: enforcementPrerequisites,
  renderDocuments: ({ fixture, context }) =>
    context.documents.map((doc) => enforcementDocument(doc, fixture as EnforcementFixture, context)),
});
