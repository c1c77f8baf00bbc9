/** The trainee's materials for an onboarding fixture. */
import { divisionByCode } from '../../../lib/divisions';
import { industryByCode, RISK_RULE_TEXT } from '../../../lib/industries';
import type { OnboardingFixture } from './fixture';
import { flagLabel } from './shared';

/** Materials: the application as filed, the licence, what was verified on site, the registry. */
export function onboardingMaterials(f: OnboardingFixture, task: string[]) {
  const a = f.application;
  return [
    { title: '任务', lines: task },
    {
      title: '企业入库申请表（企业填报）',
      lines: [
        `企业名称：${a.name}`,
        `统一社会信用代码：${a.uscc}`,
        `注册地址：${a.registeredAddress}`,
        `生产经营地址：${a.operatingAddress}`,
        `行政区划：${a.divisionCode} ${divisionByCode(a.divisionCode, f.home)?.name ?? ''}`,
        `国民经济行业：${a.industryCode} ${industryByCode(a.industryCode)?.name ?? ''}`,
        `从业人员：${a.employees}人`,
        `涉及专项：${flagLabel(a.flags)}`,
        `法定代表人：${a.legalRepresentative}；主要负责人：${a.principal}（${a.principalPhone}）；安全管理负责人：${a.safetyManager}（${a.safetyManagerPhone}）`,
      ],
    },
    {
      title: '营业执照（副本）',
      lines: [
        `名称：${f.licence.name}`,
        `统一社会信用代码：${f.licence.uscc}`,
        `住所：${f.licence.registeredAddress}`,
        `法定代表人：${f.licence.legalRepresentative}`,
        `成立日期：${f.licence.establishedOn}`,
      ],
    },
    { title: '现场核实情况', lines: f.siteNotes },
    {
      title: '已入库企业名录（节选）',
      lines: f.registry.map(
        (r) => `${r.name}，${r.uscc}，${divisionByCode(r.divisionCode, f.home)?.name ?? r.divisionCode}`,
      ),
    },
    { title: '分级规则', lines: [RISK_RULE_TEXT] },
  ];
}
