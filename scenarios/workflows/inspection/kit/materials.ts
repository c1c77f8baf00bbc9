/** The trainee's materials for an inspection fixture. */
import type { InspectionFixture } from './fixture';
import { officerLine } from '../../../kit/people';

/** The materials of an inspection fixture: the enterprise and what the officer sees on site. */
export function inspectionMaterials(f: InspectionFixture, taskLines: string[]) {
  return [
    { title: '任务', lines: taskLines },
    {
      title: '被检查单位',
      lines: [
        `${f.enterprise.name}（统一社会信用代码 ${f.enterprise.uscc}）`,
        `生产经营地址：${f.enterprise.operatingAddress}`,
        `主要负责人：${f.enterprise.principal}（${f.enterprise.principalPhone}）；安全管理负责人：${f.enterprise.safetyManager}`,
        f.enterpriseSummary,
      ],
    },
    {
      title: '执法人员',
      lines: f.officers.map(officerLine),
    },
    {
      title: '计划与检查日期',
      lines: [
        `计划检查日期：${f.plannedOn}`,
        `现场检查日期：${f.inspectionOn}，${f.inspectionTimes.start}开始，${f.inspectionTimes.end}结束`,
        `执法机关：${f.authority.name}`,
      ],
    },
    { title: '现场情况', lines: f.items.map((i) => `${i.area}：${i.observation}`) },
    {
      title: '签字情况',
      lines: [
        f.signature === 'signed'
          ? '检查结束后，企业主要负责人在现场检查记录上签字。'
          : '检查结束后，企业主要负责人拒绝在现场检查记录上签字。',
      ],
    },
  ];
}
