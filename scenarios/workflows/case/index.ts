/** 行政处罚案件 (一般程序): file, investigate, notify, hear the party, decide, serve, execute, close. */
import { defineWorkflow } from '../define';
import { CASE_DOCUMENTS } from './document-types';
import { caseDocument } from './documents';
import type { CaseFixture } from './kit';
import { caseEventSchema, caseMachine, type CaseContext, type CaseEvent } from './machine';
import { casePrerequisites } from './prerequisites';

export const caseWorkflow = defineWorkflow<'case', CaseContext, CaseEvent>({
  id: 'case',
  title: '行政处罚案件',
  machine: caseMachine,
  eventSchema: caseEventSchema,
  eventLabels: {
    'officer.fileCase': '立案（立案审批表）',
    'officer.recordEvidence': '调查取证',
    'officer.issuePenaltyNotice': '制作行政处罚告知书',
    'officer.registerStatement': '登记陈述申辩',
    'officer.registerHearingRequest': '登记听证申请',
    'officer.scheduleHearing': '通知听证',
    'officer.recordHearing': '举行听证',
    'officer.issueDecision': '作出行政处罚决定（行政处罚决定书）',
    'officer.legalReview': '法制审核（法制审核意见书）',
    'officer.collectiveDiscussion': '负责人集体讨论（集体讨论记录）',
    'officer.decideNoPenalty': '作出不予行政处罚决定（不予行政处罚决定书）',
    'officer.transferCase': '移送涉嫌犯罪案件（移送审批表、移送书）',
    'officer.serveDecision': '送达决定书',
    'officer.recordPayment': '登记罚款缴纳',
    'officer.closeCase': '结案（结案审批表）',
  },
  documentTypes: CASE_DOCUMENTS,
  prerequisites: casePrerequisites,
  renderDocuments: ({ fixture, context }) =>
    context.documents.map((doc) => caseDocument(doc, fixture as CaseFixture, context)),
});
