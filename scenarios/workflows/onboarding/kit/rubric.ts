/** The rubric items of the onboarding workflow, each with its stable error code and the mistake that loses it. */
import { divisionByCode, divisionOptions } from '../../../lib/divisions';
import { industryByCode, industryOptions, RISK_CLASSES, RISK_RULE_TEXT } from '../../../lib/industries';
import { withRecomputedCheck } from '../../../lib/uscc';
import type { RubricItem } from '../../../types';
import type { OnboardingContext } from '../machine';
import { withoutStep, withValues } from '../../../kit/answers';
import { NOTE_OPTIONS, type OnboardingFixture } from './fixture';
import { flagLabel } from './shared';

type Item = RubricItem<OnboardingFixture, 'onboarding'>;
type Ctx = OnboardingContext;
const same = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const noteLabel = (codes: readonly string[]) =>
  codes.length ? codes.map((c) => NOTE_OPTIONS.find((o) => o.value === c)?.label ?? c).join('；') : '无';

/** Rubric items for onboarding. */
export const onboardingRubric = {
  uscc: (weight: number): Item => ({
    id: 'uscc',
    code: 'USCC_NOT_VERIFIED',
    title: '统一社会信用代码核实',
    weight,
    rule: '统一社会信用代码以营业执照为准，不得自行"修正"校验位',
    citation: '《法人和其他组织统一社会信用代码编码规则》（GB 32100-2015）',
    feedbackAfter: ['basic'],
    evaluate: ({ fixture, context }) => {
      const got = context.basic?.uscc ?? null;
      return {
        earned: got === fixture.truth.uscc,
        expected: fixture.truth.uscc,
        actual: got ?? '未填写',
        explanation:
          got === fixture.truth.uscc
            ? '代码与营业执照一致。'
            : '代码与营业执照不一致：申请表有笔误时应以营业执照为准，而不是重算校验位。',
      };
    },
    mistake: {
      description: '照申请表填写后重算校验位，得到一个"合法"但不属于该企业的代码',
      apply: (answer, f) =>
        withValues(answer, 'basic', {
          uscc:
            withRecomputedCheck(f.application.uscc) === f.truth.uscc
              ? withRecomputedCheck(f.registry[0]!.uscc.slice(0, 17) + '0')
              : withRecomputedCheck(f.application.uscc),
        }),
    },
  }),
  notes: (weight: number): Item => ({
    id: 'notes',
    code: 'MISSED_INVALID_DATA',
    title: '材料核验意见',
    weight,
    rule: '核验申请材料，如实记录发现的全部问题，不虚报',
    citation: '《安全生产法》第六十二条（监督检查职责）；互联网+执法企业入库核实要求',
    feedbackAfter: ['basic'],
    evaluate: ({ fixture, context }) => {
      const got = context.basic?.verificationNotes ?? [];
      const earned = context.basic !== null && same(got, fixture.expectedNotes);
      return {
        earned,
        expected: noteLabel(fixture.expectedNotes),
        actual: noteLabel(got),
        explanation: earned ? '核验意见完整准确。' : '核验意见遗漏或多报了问题。',
      };
    },
    mistake: {
      description: '未记录材料中的问题',
      apply: (answer) => withValues(answer, 'basic', { verificationNotes: [] }),
    },
  }),
  division: (weight: number): Item => ({
    id: 'division',
    code: 'DIVISION_WRONG',
    title: '行政区划',
    weight,
    rule: '行政区划按生产经营地址确定（属地监管），代码符合GB/T 2260',
    citation: '《安全生产法》第十条；《中华人民共和国行政区划代码》（GB/T 2260）',
    feedbackAfter: ['basic'],
    evaluate: ({ fixture, context }) => {
      const got = context.basic?.divisionCode ?? null;
      const name = (c: string | null) => (c ? `${c} ${divisionByCode(c, fixture.home)?.name ?? ''}` : '未填写');
      return {
        earned: got === fixture.truth.divisionCode,
        expected: name(fixture.truth.divisionCode),
        actual: name(got),
        explanation: got === fixture.truth.divisionCode ? '行政区划正确。' : '行政区划应与生产经营地址所在区县一致。',
      };
    },
    mistake: {
      description: '照抄申请表上的行政区划（或选错区县）',
      apply: (answer, f) =>
        withValues(answer, 'basic', {
          divisionCode:
            f.application.divisionCode !== f.truth.divisionCode
              ? f.application.divisionCode
              : divisionOptions(f.home).find((o) => o.value !== f.truth.divisionCode)!.value,
        }),
    },
  }),
  industry: (weight: number): Item => ({
    id: 'industry',
    code: 'INDUSTRY_WRONG',
    title: '行业分类',
    weight,
    rule: '国民经济行业按主营业务确定，监管行业与之对应',
    citation: '《国民经济行业分类》（GB/T 4754-2017）；《工贸企业重大事故隐患判定标准》第二条',
    feedbackAfter: ['classify'],
    evaluate: ({ fixture, context }) => {
      const got = context.classification?.industryCode ?? null;
      const label = (c: string | null) => (c ? `${c} ${industryByCode(c)?.name ?? ''}` : '未填写');
      return {
        earned: got === fixture.truth.industryCode,
        expected: label(fixture.truth.industryCode),
        actual: label(got),
        explanation: got === fixture.truth.industryCode ? '行业分类正确。' : '行业分类与企业主营业务不符。',
      };
    },
    mistake: {
      description: '选了同一监管行业下的另一个行业',
      apply: (answer, f) => {
        const other = industryOptions()
          .map((o) => industryByCode(o.value)!)
          .find((i) => i.sector === f.truth.sector && i.code !== f.truth.industryCode)!;
        return withValues(answer, 'classify', { industryCode: other.code });
      },
    },
  }),
  flags: (weight: number): Item => ({
    id: 'flags',
    code: 'FLAGS_WRONG',
    title: '涉及专项',
    weight,
    rule: '按现场核实的工艺标注粉尘涉爆、涉氨制冷、有限空间等专项，它们决定适用的检查清单',
    citation: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）专项类',
    feedbackAfter: ['classify'],
    evaluate: ({ fixture, context }) => {
      const got = context.classification?.flags ?? [];
      const earned = context.classification !== null && same(got, fixture.truth.flags);
      return {
        earned,
        expected: flagLabel(fixture.truth.flags),
        actual: flagLabel(got),
        explanation: earned ? '专项标注正确。' : '专项标注与现场核实的工艺不符。',
      };
    },
    mistake: {
      description: '照抄申请表，漏标专项',
      apply: (answer, f) => withValues(answer, 'classify', { flags: f.truth.flags.slice(1) }),
    },
  }),
  riskClass: (weight: number): Item => ({
    id: 'risk-class',
    code: 'RISK_CLASS_WRONG',
    title: '风险分级',
    weight,
    rule: RISK_RULE_TEXT,
    citation: '《安全生产法》第四十一条（安全风险分级管控）；本省分级分类监管办法',
    feedbackAfter: ['classify'],
    evaluate: ({ fixture, context }) => {
      const got = context.classification?.riskClass ?? null;
      return {
        earned: got === fixture.truth.riskClass,
        expected: `${fixture.truth.riskClass}级`,
        actual: got ? `${got}级` : '未填写',
        explanation: got === fixture.truth.riskClass ? '风险分级正确。' : RISK_RULE_TEXT,
      };
    },
    mistake: {
      description: '风险分级定错',
      apply: (answer, f) =>
        withValues(answer, 'classify', { riskClass: RISK_CLASSES.find((c) => c !== f.truth.riskClass)! }),
    },
  }),
  contacts: (weight: number): Item => ({
    id: 'contacts',
    code: 'CONTACTS_WRONG',
    title: '负责人及联系方式',
    weight,
    rule: '主要负责人、安全管理负责人及其电话按现场核实的情况填写',
    citation: '《安全生产法》第五条、第二十五条',
    feedbackAfter: ['contacts'],
    evaluate: ({ fixture, context }) => {
      const c = context.contacts;
      const t = fixture.truth;
      const earned =
        c !== null &&
        c.principal === t.principal &&
        c.principalPhone === t.principalPhone &&
        c.safetyManager === t.safetyManager &&
        c.safetyManagerPhone === t.safetyManagerPhone &&
        c.legalRepresentative === t.legalRepresentative;
      return {
        earned,
        expected: `主要负责人${t.principal}（${t.principalPhone}），安全管理负责人${t.safetyManager}（${t.safetyManagerPhone}）`,
        actual: c
          ? `主要负责人${c.principal}（${c.principalPhone}），安全管理负责人${c.safetyManager}（${c.safetyManagerPhone}）`
          : '未填写',
        explanation: earned ? '联系人信息正确。' : '联系人或电话与核实情况不符。',
      };
    },
    mistake: {
      description: '照抄申请表上有误的电话',
      apply: (answer, f) => withValues(answer, 'contacts', { principalPhone: f.truth.safetyManagerPhone }),
    },
  }),
  duplicate: (weight: number): Item => ({
    id: 'duplicate',
    code: 'DUPLICATE_MISSED',
    title: '重复入库核查',
    weight,
    rule: '以统一社会信用代码核查已入库企业：同一企业更新原记录，不得重复入库；名称相近的不同企业不得合并',
    citation: '《安全生产法》第六十二条（分类分级监督管理）；互联网+执法系统"一企一档"要求',
    feedbackAfter: ['registry', 'submit', 'update'],
    evaluate: ({ fixture, context, state }: { fixture: OnboardingFixture; context: Ctx; state: string }) => {
      const expected = fixture.duplicateOf;
      const got = context.matchId;
      const earned = got === expected && context.outcome !== null;
      // Judged as soon as the registry check is made; until the enterprise is submitted a right check is not yet a pass.
      const checked = context.outcome !== null || state === 'duplicateFound' || state === 'readyToSubmit';
      const wrong = checked && got !== expected;
      const name = (id: string | null) => (id ? (fixture.registry.find((r) => r.id === id)?.name ?? id) : '无重复');
      return {
        earned,
        pending: !earned && !wrong,
        expected: name(expected),
        actual: checked ? name(got) : '未核查',
        explanation:
          earned || (checked && !wrong)
            ? '重复入库核查正确。'
            : expected
              ? '该企业已入库（统一社会信用代码相同），应更新原记录。'
              : '名称相近但统一社会信用代码不同，不是同一企业。',
      };
    },
    mistake: {
      description: '重复入库核查判断错误',
      apply: (answer, f) => {
        const rest = withoutStep(withoutStep(answer, 'update'), 'submit');
        return f.duplicateOf
          ? [...withValues(rest, 'registry', { matchId: 'none' }), { stepId: 'submit', values: { confirmed: 'on' } }]
          : [
              ...withValues(rest, 'registry', { matchId: f.lookalikeId }),
              { stepId: 'update', values: { confirmed: 'on' } },
            ];
      },
    },
  }),
  onboarded: (weight: number): Item => ({
    id: 'onboarded',
    code: 'APPLICATION_RETURNED',
    title: '完成入库',
    weight,
    rule: '材料中的笔误和漏项可核实更正的，核实后完成入库，不简单退回',
    citation: '参照《行政许可法》第三十二条第一款第（三）项（可以当场更正的错误，允许当场更正）',
    feedbackAfter: ['submit', 'update', 'return'],
    evaluate: ({ context }) => {
      const earned = context.outcome === 'created' || context.outcome === 'updated';
      return {
        earned,
        expected: '核实更正后完成入库',
        actual:
          context.outcome === 'returned' ? `退回：${context.returnReason}` : context.outcome ? '已入库' : '未完成',
        explanation: earned ? '已完成入库。' : '可当场核实更正的问题不应退回申请。',
      };
    },
    mistake: {
      description: '核实完成后仍退回申请',
      apply: (answer) => [
        ...withoutStep(withoutStep(answer, 'update'), 'submit'),
        { stepId: 'return', values: { reason: '申请材料有误，请企业更正后重新提交。' } },
      ],
    },
  }),
};
