/**
 * 企业入库: basic information (统一社会信用代码 with its GB 32100 check, 行政区划) → classification
 * (国民经济行业 and 监管行业, scale, risk class, special flags) → contacts → duplicate check against the
 * registry → onboarded (new, or an update of the existing record), or the application returned.
 */
import { assign, setup } from 'xstate';
import { z } from '../../lib/form';
import { divisionByCode } from '../../lib/divisions';
import {
  industryByCode,
  RISK_CLASSES,
  scaleForEmployees,
  SCALES,
  SPECIAL_FLAGS,
  SUPERVISED_SECTORS,
} from '../../lib/industries';
import { usccMessage, usccProblem } from '../../lib/uscc';
import { idSchema, instantSchema, shortText, type Refusal } from '../common';
import type { PracticeHome } from '../../types';

const flagValues = SPECIAL_FLAGS.map((f) => f.value) as [string, ...string[]];
export const PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export const onboardingEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('officer.enterBasicInfo'),
    at: instantSchema,
    name: shortText(100),
    uscc: shortText(18),
    registeredAddress: shortText(200),
    operatingAddress: shortText(200),
    divisionCode: shortText(6),
    verificationNotes: z.array(idSchema).max(20),
  }),
  z.object({
    type: z.literal('officer.classify'),
    at: instantSchema,
    industryCode: shortText(5),
    sector: z.enum(SUPERVISED_SECTORS as unknown as [string, ...string[]]),
    scale: z.enum(SCALES as unknown as [string, ...string[]]),
    employees: z.number().int().min(0).max(1_000_000),
    riskClass: z.enum(RISK_CLASSES),
    flags: z.array(z.enum(flagValues)).max(SPECIAL_FLAGS.length),
  }),
  z.object({
    type: z.literal('officer.enterContacts'),
    at: instantSchema,
    legalRepresentative: shortText(40),
    principal: shortText(40),
    principalPhone: shortText(20),
    safetyManager: shortText(40),
    safetyManagerPhone: shortText(20),
  }),
  z.object({ type: z.literal('officer.checkRegistry'), at: instantSchema, matchId: idSchema.nullable() }),
  z.object({ type: z.literal('officer.updateExisting'), at: instantSchema }),
  z.object({ type: z.literal('officer.submitOnboarding'), at: instantSchema }),
  z.object({ type: z.literal('officer.returnApplication'), at: instantSchema, reason: shortText(500) }),
]);
export type OnboardingEvent = z.infer<typeof onboardingEventSchema>;
type EventOf<T extends OnboardingEvent['type']> = Extract<OnboardingEvent, { type: T }>;

export interface RegistryEntry {
  id: string;
  name: string;
  uscc: string;
  divisionCode: string;
}

export interface OnboardingInput {
  registry: RegistryEntry[];
  /** The officer's practice home (its division joins the list of divisions), given by the engine. */
  home?: PracticeHome;
}

export type BasicInfo = Omit<EventOf<'officer.enterBasicInfo'>, 'type' | 'at'>;
export type Classification = Omit<EventOf<'officer.classify'>, 'type' | 'at'>;
export type Contacts = Omit<EventOf<'officer.enterContacts'>, 'type' | 'at'>;

export interface OnboardingContext {
  registry: RegistryEntry[];
  home?: PracticeHome;
  basic: BasicInfo | null;
  classification: Classification | null;
  contacts: Contacts | null;
  matchId: string | null;
  outcome: 'created' | 'updated' | 'returned' | null;
  returnReason: string | null;
  refusal: Refusal | null;
}

/** Chinese reason why the event may not happen now, or null. */
export function onboardingProblem(context: OnboardingContext, event: OnboardingEvent): string | null {
  switch (event.type) {
    case 'officer.enterBasicInfo': {
      if (event.name.trim() === '') return '请填写企业名称';
      const problem = usccProblem(event.uscc);
      if (problem) return usccMessage(problem);
      if (!divisionByCode(event.divisionCode, context.home)) return '行政区划代码不在本辖区（GB/T 2260）';
      if (event.operatingAddress.trim() === '') return '请填写生产经营地址';
      return null;
    }
    case 'officer.classify': {
      const industry = industryByCode(event.industryCode);
      if (!industry) return '国民经济行业代码不正确（GB/T 4754-2017）';
      if (industry.sector !== event.sector)
        return `国民经济行业"${industry.name}"属于监管行业"${industry.sector}"，与所选监管行业不一致`;
      if (scaleForEmployees(event.employees) !== event.scale)
        return `从业人员${event.employees}人与企业规模"${event.scale}"不一致`;
      return null;
    }
    case 'officer.enterContacts': {
      for (const [label, value] of [
        ['法定代表人', event.legalRepresentative],
        ['主要负责人', event.principal],
        ['安全管理负责人', event.safetyManager],
      ] as const) {
        if (value.trim() === '') return `请填写${label}`;
      }
      if (!PHONE_RE.test(event.principalPhone)) return '主要负责人联系电话格式不正确';
      if (!PHONE_RE.test(event.safetyManagerPhone)) return '安全管理负责人联系电话格式不正确';
      return null;
    }
    case 'officer.checkRegistry':
      if (event.matchId !== null && !context.registry.some((r) => r.id === event.matchId))
        return '所选企业不在已入库企业名录中';
      return null;
    case 'officer.returnApplication':
      if (event.reason.trim() === '') return '退回申请须写明理由';
      return null;
    default:
      return null;
  }
}

const accepts = ({ context, event }: { context: OnboardingContext; event: OnboardingEvent }) =>
  onboardingProblem(context, event) === null;

const returnTransition = [
  { guard: 'isReturnReasoned' as const, target: 'returned' as const, actions: 'returnApplication' as const },
  { actions: 'refuse' as const },
];

export const onboardingMachine = setup({
  types: {
    context: {} as OnboardingContext,
    events: {} as OnboardingEvent,
    input: {} as OnboardingInput,
  },
  guards: {
    isBasicInfoValid: accepts,
    isClassificationConsistent: accepts,
    areContactsComplete: accepts,
    isRegistryMatchKnown: accepts,
    isDuplicate: (args) => accepts(args) && args.event.type === 'officer.checkRegistry' && args.event.matchId !== null,
    isReturnReasoned: accepts,
  },
  actions: {
    refuse: assign({
      refusal: ({ context, event }) => ({
        eventType: event.type,
        reason: onboardingProblem(context, event) ?? '当前阶段不能办理该事项',
      }),
    }),
    recordBasicInfo: assign(({ event }) => {
      const { type: _t, at: _a, ...basic } = event as EventOf<'officer.enterBasicInfo'>;
      return { basic };
    }),
    recordClassification: assign(({ event }) => {
      const { type: _t, at: _a, ...classification } = event as EventOf<'officer.classify'>;
      return { classification };
    }),
    recordContacts: assign(({ event }) => {
      const { type: _t, at: _a, ...contacts } = event as EventOf<'officer.enterContacts'>;
      return { contacts };
    }),
    recordMatch: assign(({ event }) => ({ matchId: (event as EventOf<'officer.checkRegistry'>).matchId })),
    updateExisting: assign({ outcome: 'updated' as const }),
    createEnterprise: assign({ outcome: 'created' as const }),
    returnApplication: assign(({ event }) => ({
      outcome: 'returned' as const,
      returnReason: (event as EventOf<'officer.returnApplication'>).reason,
    })),
  },
}).createMachine({
  id: 'onboarding',
  context: ({ input }) => ({
    registry: input.registry,
    ...(input.home ? { home: input.home } : {}),
    basic: null,
    classification: null,
    contacts: null,
    matchId: null,
    outcome: null,
    returnReason: null,
    refusal: null,
  }),
  initial: 'draft',
  states: {
    draft: {
      description: '填写基本信息',
      on: {
        'officer.enterBasicInfo': [
          { guard: 'isBasicInfoValid', target: 'basicInfo', actions: 'recordBasicInfo' },
          { actions: 'refuse' },
        ],
        'officer.returnApplication': returnTransition,
      },
    },
    basicInfo: {
      description: '行业与分级分类',
      on: {
        'officer.classify': [
          { guard: 'isClassificationConsistent', target: 'classified', actions: 'recordClassification' },
          { actions: 'refuse' },
        ],
        'officer.returnApplication': returnTransition,
      },
    },
    classified: {
      description: '联系人信息',
      on: {
        'officer.enterContacts': [
          { guard: 'areContactsComplete', target: 'contactsEntered', actions: 'recordContacts' },
          { actions: 'refuse' },
        ],
        'officer.returnApplication': returnTransition,
      },
    },
    contactsEntered: {
      description: '重复入库核查',
      on: {
        'officer.checkRegistry': [
          { guard: 'isDuplicate', target: 'duplicateFound', actions: 'recordMatch' },
          { guard: 'isRegistryMatchKnown', target: 'readyToSubmit', actions: 'recordMatch' },
          { actions: 'refuse' },
        ],
        'officer.returnApplication': returnTransition,
      },
    },
    duplicateFound: {
      description: '发现已入库企业',
      on: {
        'officer.updateExisting': { target: 'onboarded', actions: 'updateExisting' },
        'officer.returnApplication': returnTransition,
      },
    },
    readyToSubmit: {
      description: '待提交入库',
      on: {
        'officer.submitOnboarding': { target: 'onboarded', actions: 'createEnterprise' },
        'officer.returnApplication': returnTransition,
      },
    },
    onboarded: { description: '已入库', type: 'final' },
    returned: { description: '已退回补正', type: 'final' },
  },
});
