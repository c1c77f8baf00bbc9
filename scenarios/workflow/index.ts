/** The three workflows, with what the engine needs to drive each one generically. */
import type { AnyStateMachine } from 'xstate';
import type { z } from '../lib/form';
import { caseEventSchema, caseMachine, caseProblem, type CaseContext, type CaseEvent } from './case-machine';
import {
  inspectionEventSchema,
  inspectionMachine,
  inspectionProblem,
  type InspectionContext,
  type InspectionEvent,
} from './inspection-machine';
import {
  onboardingEventSchema,
  onboardingMachine,
  onboardingProblem,
  type OnboardingContext,
  type OnboardingEvent,
} from './onboarding-machine';

export type WorkflowId = 'onboarding' | 'inspection' | 'case';
export type WorkflowEvent = OnboardingEvent | InspectionEvent | CaseEvent;

export interface WorkflowContexts {
  onboarding: OnboardingContext;
  inspection: InspectionContext;
  case: CaseContext;
}

export interface Workflow {
  id: WorkflowId;
  title: string;
  machine: AnyStateMachine;
  eventSchema: z.ZodType<WorkflowEvent>;
  /** What each event does, for refusals ("当前阶段不能…"). */
  eventLabels: Record<string, string>;
}

export const WORKFLOWS: Record<WorkflowId, Workflow> = {
  onboarding: {
    id: 'onboarding',
    title: '企业入库',
    machine: onboardingMachine,
    eventSchema: onboardingEventSchema as z.ZodType<WorkflowEvent>,
    eventLabels: {
      'officer.enterBasicInfo': '填写企业基本信息',
      'officer.classify': '填写行业与分级分类',
      'officer.enterContacts': '填写联系人信息',
      'officer.checkRegistry': '核查重复入库',
      'officer.updateExisting': '更新已入库企业信息',
      'officer.submitOnboarding': '提交入库',
      'officer.returnApplication': '退回入库申请',
    },
  },
  inspection: {
    id: 'inspection',
    title: '执法检查',
    machine: inspectionMachine,
    eventSchema: inspectionEventSchema as z.ZodType<WorkflowEvent>,
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
  },
  case: {
    id: 'case',
    title: '行政处罚案件',
    machine: caseMachine,
    eventSchema: caseEventSchema as z.ZodType<WorkflowEvent>,
    eventLabels: {
      'officer.fileCase': '立案（立案审批表）',
      'officer.recordEvidence': '调查取证',
      'officer.issuePenaltyNotice': '制作行政处罚告知书',
      'officer.registerStatement': '登记陈述申辩',
      'officer.registerHearingRequest': '登记听证申请',
      'officer.scheduleHearing': '通知听证',
      'officer.recordHearing': '举行听证',
      'officer.issueDecision': '作出行政处罚决定（行政处罚决定书）',
      'officer.serveDecision': '送达行政处罚决定书',
      'officer.recordPayment': '登记罚款缴纳',
      'officer.closeCase': '结案（结案审批表）',
    },
  },
};

/** The reason a workflow would refuse an event in its current context (null when it would not). */
export function workflowProblem(id: WorkflowId, context: unknown, event: WorkflowEvent): string | null {
  switch (id) {
    case 'onboarding':
      return onboardingProblem(context as OnboardingContext, event as OnboardingEvent);
    case 'inspection':
      return inspectionProblem(context as InspectionContext, event as InspectionEvent);
    case 'case':
      return caseProblem(context as CaseContext, event as CaseEvent);
  }
}

export { caseMachine, inspectionMachine, onboardingMachine };
