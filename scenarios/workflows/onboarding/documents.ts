/** The onboarding's record (企业基本信息登记表) as printable content; it carries no document number. */
import type { DocumentContent } from '../../lib/document';
import { divisionByCode } from '../../lib/divisions';
import { industryByCode, SPECIAL_FLAGS } from '../../lib/industries';
import type { AttemptState } from '../../types';
import type { OnboardingFixture } from './kit';
import type { OnboardingContext } from './machine';

function beijingDate(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function enterpriseRecord(state: AttemptState, f: OnboardingFixture, c: OnboardingContext): DocumentContent[] {
  if ((c.outcome !== 'created' && c.outcome !== 'updated') || !c.basic || !c.classification || !c.contacts) return [];
  const b = c.basic;
  const k = c.classification;
  const p = c.contacts;
  const last = [...state.events].reverse().find((e) => e.kind === 'workflow');
  const matched = c.matchId ? c.registry.find((r) => r.id === c.matchId) : null;
  return [
    {
      type: 'enterpriseRecord',
      title: '企业基本信息登记表',
      number: null,
      date: beijingDate(last?.at ?? state.startedAt),
      authority: f.authority.name,
      sections: [
        {
          heading: '基本信息',
          fields: [
            { label: '企业名称', value: b.name },
            { label: '统一社会信用代码', value: b.uscc },
            { label: '注册地址', value: b.registeredAddress },
            { label: '生产经营地址', value: b.operatingAddress },
            {
              label: '行政区划',
              value: `${b.divisionCode} ${divisionByCode(b.divisionCode, f.home)?.name ?? ''}`.trim(),
            },
          ],
          lines: [],
        },
        {
          heading: '行业与分级分类',
          fields: [
            { label: '国民经济行业', value: `${k.industryCode} ${industryByCode(k.industryCode)?.name ?? ''}`.trim() },
            { label: '监管行业', value: k.sector },
            { label: '企业规模', value: k.scale },
            { label: '从业人员数', value: `${k.employees}人` },
            { label: '风险分级', value: `${k.riskClass}级` },
            {
              label: '涉及专项',
              value: k.flags.map((x) => SPECIAL_FLAGS.find((s) => s.value === x)?.label ?? x).join('、') || '无',
            },
          ],
          lines: [],
        },
        {
          heading: '负责人及联系方式',
          fields: [
            { label: '法定代表人', value: p.legalRepresentative },
            { label: '主要负责人', value: `${p.principal}（${p.principalPhone}）` },
            { label: '安全管理负责人', value: `${p.safetyManager}（${p.safetyManagerPhone}）` },
          ],
          lines: [],
        },
        {
          heading: '入库情况',
          lines: [
            c.outcome === 'updated' && matched
              ? `经核查，该企业已入库（${matched.name}，${matched.uscc}），本次以核实的信息更新原记录。`
              : '经核查，未发现已入库的同一企业，新增入库。',
            '本表为企业入库登记记录，不编文书号。',
          ],
        },
      ],
      signatures: [{ label: '核实人（签名）', value: '' }],
      sealed: false,
    },
  ];
}
