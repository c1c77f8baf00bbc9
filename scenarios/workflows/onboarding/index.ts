/** 企业入库: check the registry, then create or update the enterprise's record. */
import { defineWorkflow } from '../define';
import { enterpriseRecord } from './documents';
import type { OnboardingFixture } from './kit';
import { onboardingEventSchema, onboardingMachine, type OnboardingContext, type OnboardingEvent } from './machine';

export const onboardingWorkflow = defineWorkflow<'onboarding', OnboardingContext, OnboardingEvent>({
  id: 'onboarding',
  title: '企业入库',
  machine: onboardingMachine,
  eventSchema: onboardingEventSchema,
  eventLabels: {
    'officer.enterBasicInfo': '填写企业基本信息',
    'officer.classify': '填写行业与分级分类',
    'officer.enterContacts': '填写联系人信息',
    'officer.checkRegistry': '核查重复入库',
    'officer.updateExisting': '更新已入库企业信息',
    'officer.submitOnboarding': '提交入库',
    'officer.returnApplication': '退回入库申请',
  },
  // The 企业基本信息登记表 is a record without a document number.
  documentTypes: {},
  renderDocuments: ({ state, fixture, context }) => enterpriseRecord(state, fixture as OnboardingFixture, context),
});
