/** The enforcement documents (审批表, 批准书, 催告书, 强制执行申请书) as printable content. */
import {
  base,
  chineseDate,
  numberOf,
  partyReceipt,
  type DocumentContent,
  type DocumentField,
} from '../../lib/document';
import { LEGAL } from '../../law/legal-constants';
import { yuan } from '../../law/penalties';
import { addWorkingDays } from '../../law/working-days';
import { ENFORCEMENT_DOCUMENTS, type EnforcementDocument } from './document-types';
import type { EnforcementFixture } from './kit';
import { violationOf } from './kit/fixture';
import { APPLICATION_KIND_LABELS, paymentDueDate, REMINDER_REVIEW_LABELS, type EnforcementContext } from './machine';

const RATE = `${Math.round(LEGAL.latePaymentRate.value * 100)}%`;
/** 行政处罚法 第67条: where and how the fine is paid. */
const PAY_WAY = '持行政处罚决定书到指定的银行缴纳，或者通过电子支付系统缴纳（《中华人民共和国行政处罚法》第六十七条）';

function decisionLine(f: EnforcementFixture, c: EnforcementContext): string {
  const d = c.decision ?? f.decision;
  return `本机关于${chineseDate(d.decidedOn)}作出《行政处罚决定书》${d.number}，对你单位${violationOf(f).act}的行为处以罚款人民币${yuan(d.amount)}，该决定书已于${chineseDate(d.servedOn)}送达你单位。`;
}

const PARTY: readonly [string, keyof EnforcementFixture['enterprise']][] = [
  ['当事人', 'name'],
  ['统一社会信用代码', 'uscc'],
  ['地址', 'operatingAddress'],
  ['法定代表人', 'legalRepresentative'],
];

function partyFields(f: EnforcementFixture): DocumentField[] {
  return PARTY.map(([label, key]) => ({ label, value: String(f.enterprise[key]) }));
}

function planLines(plan: { dueOn: string; amount: number }[]): string[] {
  return plan.map((p, i) => `第${i + 1}期：${chineseDate(p.dueOn)}前缴纳罚款人民币${yuan(p.amount)}；`);
}

/** One issued document of the enforcement as printable content. */
export function enforcementDocument(
  doc: EnforcementDocument,
  f: EnforcementFixture,
  c: EnforcementContext,
): DocumentContent {
  const e = f.enterprise;
  const head = base(doc, ENFORCEMENT_DOCUMENTS[doc.type].name, f.authority);
  const d = c.decision ?? f.decision;
  switch (doc.type) {
    case 'installmentReview': {
      const i = c.installment!;
      const app = c.application;
      return {
        ...head,
        sections: [
          {
            fields: [
              ...partyFields(f),
              { label: '行政处罚决定书文号', value: d.number },
              { label: '罚款数额', value: `人民币${yuan(d.amount)}` },
              { label: '申请日期', value: app ? chineseDate(app.date) : '—' },
              { label: '申请事项', value: app ? APPLICATION_KIND_LABELS[app.kind] : '—' },
              { label: '申请理由', value: app?.reason ?? '—' },
              {
                label: '经济困难情况',
                value: i.hardshipFound ? '经审查，确有经济困难' : '经审查，不能证明确有经济困难',
              },
            ],
            lines: [],
          },
          { heading: '承办人意见', lines: [i.opinion] },
          ...(i.approved ? [{ heading: '拟批准的缴纳期限和数额', lines: planLines(i.plan) }] : []),
          {
            heading: '审批意见',
            lines: [
              i.approved
                ? `同意${app ? APPLICATION_KIND_LABELS[app.kind] : '延期（分期）缴纳'}（《中华人民共和国行政处罚法》第六十六条第二款）。`
                : '不同意延期（分期）缴纳。',
            ],
          },
        ],
        signatures: [
          { label: '承办人（签名）', value: '' },
          { label: '审批负责人（签名）', value: i.approvedBy },
        ],
        sealed: false,
      };
    }
    case 'installmentApproval': {
      const i = c.installment!;
      const app = c.application;
      const kind = app ? APPLICATION_KIND_LABELS[app.kind] : '延期（分期）缴纳';
      return {
        ...head,
        addressee: `${e.name}：`,
        sections: [
          {
            lines: [
              `你单位于${app ? chineseDate(app.date) : '—'}提出${kind}罚款的申请。${decisionLine(f, c)}`,
              `经审查，你单位确有经济困难。依据《中华人民共和国行政处罚法》第六十六条第二款的规定，本机关同意你单位${kind}上述罚款，缴纳期限和数额如下：`,
              ...planLines(i.plan),
              `缴纳方式：${PAY_WAY}。`,
              ...(i.consequencesStated
                ? [
                    `你单位未按上述期限缴纳的，自该期缴纳期限届满次日起，每日按罚款数额的${RATE}加处罚款，加处罚款的数额不超出罚款的数额（《中华人民共和国行政处罚法》第七十二条；《中华人民共和国行政强制法》第四十五条），本机关将依法申请人民法院强制执行。`,
                  ]
                : []),
            ],
          },
        ],
        ...partyReceipt(),
      };
    }
    case 'paymentReminder': {
      const r = c.reminder!;
      const until = addWorkingDays(r.date, LEGAL.reminderWaitPeriod.value);
      const from = paymentDueDate(d.servedOn);
      return {
        ...head,
        addressee: `${e.name}：`,
        sections: [
          {
            lines: [
              decisionLine(f, c),
              `你单位在规定的期限（${chineseDate(from)}）内未缴纳罚款。依据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，现催告你单位履行下列义务：`,
            ],
          },
          {
            fields: [
              {
                label: '履行期限',
                value: `自收到本催告书之日起${LEGAL.reminderWaitPeriod.value}日（工作日）内，即${chineseDate(until)}前`,
              },
              { label: '履行方式', value: PAY_WAY },
              { label: '罚款', value: `人民币${yuan(r.fine)}` },
              {
                label: '加处罚款',
                value: `截至${chineseDate(r.date)}人民币${yuan(r.surcharge)}；自缴款期限届满次日起每日按罚款数额的${RATE}计算至实际缴纳之日，总额不超出罚款数额`,
              },
              { label: '合计（截至催告之日）', value: `人民币${yuan(r.fine + r.surcharge)}` },
            ],
            lines: [],
          },
          {
            lines: [
              ...(r.rightsStated
                ? [
                    '你单位收到本催告书后有权进行陈述和申辩（《中华人民共和国行政强制法》第三十六条）。如需陈述、申辩，请在上述履行期限内向本机关提出。',
                  ]
                : []),
              '逾期仍不履行的，本机关将依法申请人民法院强制执行。',
            ],
          },
        ],
        ...partyReceipt(),
      };
    }
    case 'courtApplication': {
      const a = c.courtApplication!;
      const r = c.reminder;
      const s = c.statement;
      return {
        ...head,
        addressee: `${a.court}：`,
        sections: [
          {
            heading: '申请人',
            fields: [
              { label: '名称', value: f.authority.name },
              { label: '负责人', value: a.approvedBy },
            ],
            lines: [],
          },
          { heading: '被申请人', fields: partyFields(f), lines: [] },
          {
            heading: '申请事项',
            lines: [
              `请求依法强制执行被申请人罚款人民币${yuan(a.fine)}，加处罚款人民币${yuan(a.surcharge)}（计至${chineseDate(a.date)}），合计人民币${yuan(a.fine + a.surcharge)}。`,
            ],
          },
          {
            heading: '事实和理由',
            lines: [
              `申请人于${chineseDate(d.decidedOn)}作出《行政处罚决定书》${d.number}：${f.facts}被申请人的行为违反了${violationOf(f).duty}的规定，申请人决定对其处以罚款人民币${yuan(d.amount)}。该决定书于${chineseDate(d.servedOn)}送达被申请人。`,
              `被申请人在法定期限内未申请行政复议，也未提起行政诉讼（复议、诉讼期限于${chineseDate(a.appealsLapsedOn)}届满），又不履行缴纳罚款的义务。`,
              r
                ? `申请人于${chineseDate(r.date)}向被申请人送达《催告书》${numberOf(c.documents, 'paymentReminder') ?? ''}，催告书送达${LEGAL.reminderWaitPeriod.value}日（工作日）后被申请人仍未履行。`
                : '',
              s
                ? `被申请人于${chineseDate(s.date)}提出陈述、申辩：${s.summary}经复核，${REMINDER_REVIEW_LABELS[s.review]}：${s.reason}`
                : '被申请人收到催告书后未提出陈述、申辩。',
              `依据《中华人民共和国行政强制法》第五十三条、第五十四条和《中华人民共和国行政处罚法》第七十二条第一款第（四）项的规定，申请人在法定期限内（至${chineseDate(a.lastDay)}）特向贵院申请强制执行。`,
            ].filter((l) => l !== ''),
          },
          {
            heading: '附件（《中华人民共和国行政强制法》第五十五条）',
            lines: [
              '1. 行政处罚决定书及送达回执；',
              '2. 作出决定的事实、理由和依据（案件调查终结报告、证据材料）；',
              '3. 当事人的意见及催告情况（催告书及送达回执、陈述申辩记录）；',
              '4. 申请强制执行标的情况。',
            ],
          },
        ],
        signatures: [{ label: '行政机关负责人（签名）', value: a.approvedBy }],
        sealed: true,
        note: '本申请书一式两份：一份送人民法院，一份存档。',
      };
    }
    default:
      throw new RangeError(`执行流程不开具${String(doc.type satisfies never)}`);
  }
}
