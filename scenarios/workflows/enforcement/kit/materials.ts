/** The trainee's materials for an enforcement scenario: the decision served, the party and what it does. */
import type { MaterialSection } from '../../../types';
import { chineseDate } from '../../../lib/document';
import { yuan } from '../../../law/penalties';
import { paymentDueDate } from '../machine';
import { partyMaterial } from '../../../kit/people';
import type { EnforcementFixture } from './fixture';
import { violationOf } from './fixture';

/** Materials of an enforcement scenario. */
export function enforcementMaterials(f: EnforcementFixture, taskLines: string[]): MaterialSection[] {
  const d = f.decision;
  const sections: MaterialSection[] = [
    { title: '任务', lines: taskLines },
    partyMaterial(f.enterprise, f.enterpriseSummary),
    {
      title: '行政处罚决定',
      lines: [
        `${f.authority.name}于${chineseDate(d.decidedOn)}作出行政处罚决定书${d.number}：${f.facts}`,
        `当事人的行为违反了${violationOf(f).duty}的规定，决定处罚款人民币${yuan(d.amount)}。`,
        `决定书于${chineseDate(d.servedOn)}直接送达，由法定代表人签收；缴款期限届满日为${chineseDate(paymentDueDate(d.servedOn))}。`,
        `${f.authority.name}负责人：${f.head}`,
      ],
    },
  ];
  if (f.reminderOn)
    sections.push({
      title: '执行情况',
      lines: [
        '缴款期限届满，当事人未缴纳罚款，也未申请延期或者分期缴纳。',
        `${chineseDate(f.reminderOn)}，局里决定催告当事人履行（当日送达催告书）。`,
        f.statement
          ? `${chineseDate(f.statement.date)}，当事人书面提出：${f.statement.text}经复核，理由不成立：${f.statement.reason}`
          : '当事人收到催告书后未提出陈述、申辩。',
        '至今当事人未申请行政复议，也未提起行政诉讼，仍未缴纳罚款。',
      ],
    });
  if (f.application)
    sections.push({
      title: '当事人的申请',
      lines: [
        `${chineseDate(f.application.date)}，当事人书面申请分期缴纳罚款：${f.application.reason}。`,
        `所附证明材料：${f.application.evidence}。`,
        `申请的分期计划：${f.requestedPlan.map((p, i) => `第${i + 1}期${chineseDate(p.dueOn)}前缴纳${yuan(p.amount)}`).join('，')}。`,
        `局里拟于${chineseDate(f.approvalOn!)}审批；当事人获批后按期缴纳：${f.paidOn.map((p, i) => `第${i + 1}期于${chineseDate(p)}缴纳`).join('，')}。`,
      ],
    });
  return sections;
}
