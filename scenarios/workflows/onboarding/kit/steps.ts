/** The step forms of the 企业入库 workflow for an onboarding fixture. */
import {
  checkboxField,
  multiselectField,
  numberField,
  selectField,
  textareaField,
  textField,
  type FieldSpec,
} from '../../../lib/form';
import { divisionOptions } from '../../../lib/divisions';
import {
  industryByCode,
  industryOptions,
  RISK_CLASSES,
  RISK_RULE_TEXT,
  SCALES,
  scaleForEmployees,
  sectorOptions,
  SPECIAL_FLAGS,
} from '../../../lib/industries';
import { usccMessage, usccProblem } from '../../../lib/uscc';
import type { Step } from '../../../types';
import { defineStep } from '../../../kit/step';
import { PHONE_RE, type OnboardingEvent } from '../machine';
import { NOTE_OPTIONS, type OnboardingFixture } from './fixture';

const step = <F extends Record<string, FieldSpec<unknown>>>(
  def: Omit<Parameters<typeof defineStep<OnboardingEvent, F>>[0], 'module'>,
) => defineStep<OnboardingEvent, F>({ ...def, module: '企业管理' });

const phone = (name: string, label: string) =>
  textField(name, label, {
    maxLength: 20,
    pattern: PHONE_RE,
    patternMessage: `${label}格式不正确（手机号或带区号的固定电话）`,
  });
const confirm = (label: string) => checkboxField('confirmed', label);

/** The forms of the onboarding workflow. */
export function onboardingSteps(f: OnboardingFixture): Step[] {
  const notBefore = ['draft', 'basicInfo', 'classified', 'contactsEntered', 'duplicateFound', 'readyToSubmit'];
  return [
    step({
      id: 'basic',
      title: '企业基本信息',
      availableIn: ['draft'],
      eventType: 'officer.enterBasicInfo',
      fields: {
        name: textField('name', '企业名称', { maxLength: 100 }),
        uscc: textField('uscc', '统一社会信用代码', {
          maxLength: 18,
          check: (v) => {
            const problem = usccProblem(v.toUpperCase());
            return problem ? usccMessage(problem) : null;
          },
          help: '18位，以营业执照为准',
        }),
        registeredAddress: textField('registeredAddress', '注册地址', { maxLength: 200 }),
        operatingAddress: textField('operatingAddress', '生产经营地址', { maxLength: 200 }),
        divisionCode: selectField('divisionCode', '行政区划（生产经营地）', divisionOptions(f.home)),
        verificationNotes: multiselectField('verificationNotes', '材料核验发现的问题', NOTE_OPTIONS),
      },
      toEvent: (v, at) => ({
        type: 'officer.enterBasicInfo',
        at,
        name: v.name,
        uscc: v.uscc.toUpperCase(),
        registeredAddress: v.registeredAddress,
        operatingAddress: v.operatingAddress,
        divisionCode: v.divisionCode,
        verificationNotes: v.verificationNotes,
      }),
    }),
    step({
      id: 'classify',
      title: '行业与分级分类',
      availableIn: ['basicInfo'],
      eventType: 'officer.classify',
      fields: {
        industryCode: selectField('industryCode', '国民经济行业（GB/T 4754-2017）', industryOptions()),
        sector: selectField('sector', '监管行业', sectorOptions()),
        employees: numberField('employees', '从业人员数', { min: 0, max: 1_000_000, unit: '人' }),
        scale: selectField(
          'scale',
          '企业规模',
          SCALES.map((s) => ({ value: s, label: s })),
        ),
        riskClass: selectField(
          'riskClass',
          '风险分级',
          RISK_CLASSES.map((c) => ({ value: c, label: `${c}级` })),
          { help: RISK_RULE_TEXT },
        ),
        flags: multiselectField('flags', '涉及专项', SPECIAL_FLAGS),
      },
      refine: (v, issue) => {
        const industry = industryByCode(v.industryCode);
        if (industry && v.sector && industry.sector !== v.sector)
          issue('sector', `国民经济行业"${industry.name}"属于监管行业"${industry.sector}"`);
        if (typeof v.employees === 'number' && v.scale && scaleForEmployees(v.employees) !== v.scale)
          issue('scale', `从业人员${v.employees}人应为${scaleForEmployees(v.employees)}企业`);
      },
      toEvent: (v, at) => ({
        type: 'officer.classify',
        at,
        industryCode: v.industryCode,
        sector: v.sector,
        scale: v.scale,
        employees: v.employees,
        riskClass: v.riskClass as 'A',
        flags: v.flags,
      }),
    }),
    step({
      id: 'contacts',
      title: '联系人信息',
      availableIn: ['classified'],
      eventType: 'officer.enterContacts',
      fields: {
        legalRepresentative: textField('legalRepresentative', '法定代表人', { maxLength: 40 }),
        principal: textField('principal', '主要负责人', { maxLength: 40 }),
        principalPhone: phone('principalPhone', '主要负责人联系电话'),
        safetyManager: textField('safetyManager', '安全管理负责人', { maxLength: 40 }),
        safetyManagerPhone: phone('safetyManagerPhone', '安全管理负责人联系电话'),
      },
      toEvent: (v, at) => ({ type: 'officer.enterContacts', at, ...v }),
    }),
    step({
      id: 'registry',
      title: '重复入库核查',
      availableIn: ['contactsEntered'],
      eventType: 'officer.checkRegistry',
      fields: {
        matchId: selectField('matchId', '核查结果', [
          { value: 'none', label: '未发现已入库的同一企业' },
          ...f.registry.map((r) => ({ value: r.id, label: `与已入库企业为同一企业：${r.name}（${r.uscc}）` })),
        ]),
      },
      toEvent: (v, at) => ({ type: 'officer.checkRegistry', at, matchId: v.matchId === 'none' ? null : v.matchId }),
    }),
    step({
      id: 'update',
      title: '更新已入库企业信息',
      availableIn: ['duplicateFound'],
      eventType: 'officer.updateExisting',
      fields: { confirmed: confirm('确认以本次核实的信息更新已入库企业记录') },
      refine: (v, issue) => {
        if (!v.confirmed) issue('confirmed', '请确认更新已入库企业记录');
      },
      toEvent: (_v, at) => ({ type: 'officer.updateExisting', at }),
    }),
    step({
      id: 'submit',
      title: '提交入库',
      availableIn: ['readyToSubmit'],
      eventType: 'officer.submitOnboarding',
      fields: { confirmed: confirm('确认信息已核实，提交入库') },
      refine: (v, issue) => {
        if (!v.confirmed) issue('confirmed', '请确认信息已核实');
      },
      toEvent: (_v, at) => ({ type: 'officer.submitOnboarding', at }),
    }),
    step({
      id: 'return',
      title: '退回入库申请',
      availableIn: notBefore,
      eventType: 'officer.returnApplication',
      optional: true,
      fields: { reason: textareaField('reason', '退回理由', { maxLength: 500 }) },
      toEvent: (v, at) => ({ type: 'officer.returnApplication', at, reason: v.reason }),
    }),
  ];
}
