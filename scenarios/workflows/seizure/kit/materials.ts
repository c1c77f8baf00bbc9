/** The trainee's materials for a seizure fixture. */
import type { MaterialSection } from '../../../types';
import { officerLine } from '../../../kit/people';
import type { SeizureFixture } from './fixture';

/** The materials of a seizure fixture: the enterprise, the team, what is on site and what happens next. */
export function seizureMaterials(f: SeizureFixture, taskLines: string[]): MaterialSection[] {
  return [
    { title: '任务', lines: taskLines },
    {
      title: '当事人',
      lines: [
        `${f.enterprise.name}（统一社会信用代码 ${f.enterprise.uscc}）`,
        `生产经营地址：${f.enterprise.operatingAddress}`,
        `主要负责人：${f.enterprise.principal}（${f.enterprise.principalPhone}）`,
        f.enterpriseSummary,
      ],
    },
    {
      title: '执法机关和人员',
      lines: [
        `执法机关：${f.authority.name}；负责人：${f.head.name}（${f.head.title}）`,
        ...f.officers.map(officerLine),
      ],
    },
    {
      title: '时间',
      lines: [
        `${f.seizedOn} ${f.times.approvedAt}前后可向负责人当面报告；现场没有需要立即处置的紧急情况。`,
        `现场实施：${f.seizedOn} ${f.times.start}开始，${f.times.end}结束；当事人主要负责人在场。`,
      ],
    },
    {
      title: '现场情况（执法人员清点）',
      lines: f.items.map((i) => `${i.area}：${i.observation}（${i.name}，${i.spec}，共${i.quantity}${i.unit}）`),
    },
    {
      title: '当事人陈述和签名',
      lines: [
        `当事人陈述：${f.statement}`,
        f.signature === 'signed' ? '当事人在现场笔录上签名。' : '当事人拒绝在现场笔录上签名。',
      ],
    },
    {
      title: '查封扣押后',
      lines: [
        ...(f.extension ? [`${f.extension.on}：${f.extension.reason}`] : []),
        `${f.outcome.on}：${f.outcome.facts}`,
      ],
    },
  ];
}
