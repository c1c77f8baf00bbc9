/** 简易程序 当场处罚: show credentials, record, notify, hear, decide on the spot or switch to the general procedure. */
import { defineWorkflow } from '../define';
import { SUMMARY_DOCUMENTS } from './document-types';
import { summaryDocument } from './documents';
import type { SummaryFixture } from './kit';
import { summaryEventSchema, summaryMachine, type SummaryContext, type SummaryEvent } from './machine';
import { summaryPrerequisites } from './prerequisites';

export const summaryWorkflow = defineWorkflow<'summary', SummaryContext, SummaryEvent>({
  id: 'summary',
  title: '简易程序当场处罚',
  machine: summaryMachine,
  eventSchema: summaryEventSchema,
  eventLabels: {
    'officer.recordOnSite': '现场检查（现场笔录）',
    'officer.showCredentials': '补出示执法证件',
    'officer.notify': '告知拟作出的行政处罚',
    'officer.recordStatement': '听取陈述申辩（陈述申辩笔录）',
    'officer.decideOnSpot': '当场作出处罚决定（行政（当场）处罚决定书）',
    'officer.deliver': '当场交付决定书',
    'officer.file': '报所属行政机关备案',
    'officer.referToGeneral': '转为普通程序（立案调查）',
  },
  documentTypes: SUMMARY_DOCUMENTS,
  prerequisites: summaryPrerequisites,
  renderDocuments: ({ fixture, context }) =>
    context.documents.map((doc) => summaryDocument(doc, fixture as SummaryFixture, context)),
});
