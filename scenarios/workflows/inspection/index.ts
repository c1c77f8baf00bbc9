/** 执法检查: plan, inspect on site, record, order rectification, re-check. */
import { defineWorkflow } from '../define';
import { INSPECTION_DOCUMENTS } from './document-types';
import { inspectionDocument } from './documents';
import type { InspectionFixture } from './kit';
import { inspectionEventSchema, inspectionMachine, type InspectionContext, type InspectionEvent } from './machine';
import { inspectionPrerequisites } from './prerequisites';

export const inspectionWorkflow = defineWorkflow<'inspection', InspectionContext, InspectionEvent>({
  id: 'inspection',
  title: '执法检查',
  machine: inspectionMachine,
  eventSchema: inspectionEventSchema,
  eventLabels: {
    'officer.createPlan': '制定检查计划',
    'officer.startInspection': '开始现场检查',
    'officer.recordFindings': '录入检查结论和隐患',
    'officer.issueOnSiteRecord': '制作现场检查记录',
    'officer.issueOnSiteMeasures': '开具现场处理措施决定书',
    'officer.issueRectificationOrder': '开具责令限期整改指令书',
    'officer.closeInspection': '结束检查',
    'officer.issueRecheckOpinion': '复查并开具整改复查意见书',
  },
  documentTypes: INSPECTION_DOCUMENTS,
  prerequisites: inspectionPrerequisites,
  renderDocuments: ({ fixture, context }) =>
    context.documents.map((doc) => inspectionDocument(doc, fixture as InspectionFixture, context)),
});
