/** The documents of a 当场处罚 (现场笔录 … 备案表, or the switch to the general procedure) as printable content. */
import {
  appealLine,
  base,
  chineseDate,
  chineseTime,
  COPIES,
  numberOf,
  officerCertificates,
  officerNames,
  type DocumentContent,
  type DocumentField,
} from '../../lib/document';
import { LEGAL } from '../../law/legal-constants';
import { SUMMARY_VIOLATIONS, summaryPenaltyBasis, yuan } from '../../law/penalties';
import { paymentPlace } from '../case/documents';
import { SUMMARY_DOCUMENTS, type SummaryDocument } from './document-types';
import type { SummaryFixture } from './kit';
import {
  handoverDueBy,
  ON_SPOT_GROUND_LABELS,
  PENALTY_TYPE_LABELS,
  REFERRAL_REASON_LABELS,
  type ProposedPenalty,
  type SummaryContext,
} from './machine';

/** The party as the forms print it: a unit with its code and representative, a person with the shop he runs. */
function partyFields(f: SummaryFixture): DocumentField[] {
  const e = f.enterprise;
  return f.partyType === 'person'
    ? [
        { label: '当事人（姓名）', value: e.legalRepresentative },
        { label: '个体工商户名称', value: e.name },
        { label: '统一社会信用代码', value: e.uscc },
        { label: '经营场所', value: e.operatingAddress },
      ]
    : [
        { label: '当事人（单位名称）', value: e.name },
        { label: '统一社会信用代码', value: e.uscc },
        { label: '地址', value: e.operatingAddress },
        { label: '法定代表人（负责人）', value: e.legalRepresentative },
      ];
}

/** "你" for a person, "你单位" for a unit. */
const you = (f: SummaryFixture) => (f.partyType === 'person' ? '你' : '你单位');

function penaltyText(p: ProposedPenalty): string {
  return p.penaltyType === 'fine' ? `罚款人民币${yuan(p.amount)}` : PENALTY_TYPE_LABELS[p.penaltyType];
}

function team(f: SummaryFixture, c: SummaryContext): string[] {
  return c.onSite?.officerIds ?? [];
}

export function summaryDocument(doc: SummaryDocument, f: SummaryFixture, c: SummaryContext): DocumentContent {
  const e = f.enterprise;
  const head = base(doc, SUMMARY_DOCUMENTS[doc.type].name, f.authority);
  const ids = team(f, c);
  const officers = officerNames(f.officers, ids);
  const onSite = c.onSite;
  const when = onSite ? `${chineseDate(onSite.date)}${chineseTime(onSite.time)}` : chineseDate(doc.date);
  const where = onSite?.place ?? e.operatingAddress;
  switch (doc.type) {
    case 'summaryOnSiteNote':
      return {
        ...head,
        sections: [
          {
            fields: [
              ...partyFields(f),
              { label: '检查时间', value: when },
              { label: '检查地点', value: where },
              { label: '执法人员及执法证号', value: officerCertificates(f.officers, ids) },
            ],
            lines: [],
          },
          {
            heading: '表明身份',
            lines: [
              onSite?.credentialsShown
                ? '执法人员到达现场后，向当事人出示了执法证件，表明了身份（《行政处罚法》第五十二条、第五十五条）。'
                : c.lateCredentials
                  ? `执法人员于${chineseDate(c.lateCredentials.date)}补出示了执法证件。`
                  : '（笔录未记载执法人员出示执法证件）',
            ],
          },
          { heading: '现场情况', lines: (onSite?.facts ?? '').split(/\r?\n/).filter((l) => l.trim() !== '') },
          { lines: ['以上笔录已交当事人核对，确认无误。'] },
        ],
        signatures: [
          { label: '当事人（签名）', value: '' },
          { label: '执法人员（签名）', value: officers },
        ],
        sealed: false,
      };
    case 'summaryStatementRecord': {
      const n = c.notice;
      const s = c.statement!;
      return {
        ...head,
        sections: [
          {
            fields: [
              ...partyFields(f),
              { label: '时间', value: chineseDate(s.date) },
              { label: '地点', value: where },
              { label: '执法人员', value: officers },
            ],
            lines: [],
          },
          {
            heading: '告知情况',
            lines: n
              ? [
                  `执法人员告知当事人：${you(f)}存在“${SUMMARY_VIOLATIONS[n.violationId].act}”的行为，违反了${SUMMARY_VIOLATIONS[n.violationId].duty}的规定，依据${summaryPenaltyBasis(n.violationId)}的规定，拟给予${penaltyText(n)}的行政处罚。`,
                  n.rightsStated
                    ? `依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，${you(f)}有权进行陈述和申辩。`
                    : '（笔录未记载告知陈述、申辩的权利）',
                ]
              : ['—'],
          },
          { heading: '当事人陈述、申辩', lines: s.summary.split(/\r?\n/).filter((l) => l.trim() !== '') },
          {
            lines: [
              s.factsDisputed ? '当事人对违法事实提出异议。' : '当事人对违法事实无异议。',
              '以上笔录已交当事人核对，确认无误。',
            ],
          },
        ],
        signatures: [
          { label: '当事人（签名）', value: '' },
          { label: '执法人员（签名）', value: officers },
        ],
        sealed: false,
      };
    }
    case 'summaryDecision': {
      const d = c.decision!;
      const violation = SUMMARY_VIOLATIONS[d.violationId];
      const fine = d.penaltyType === 'fine';
      const collected = fine && d.paymentMethod === 'onSpot';
      return {
        ...head,
        sections: [
          { fields: partyFields(f), lines: [] },
          {
            heading: '违法行为',
            lines: [
              `经查，${when}，执法人员在${where}检查时发现：${onSite?.facts ?? ''}`,
              `${you(f)}的上述行为违反了${violation.duty}的规定。`,
              c.statement
                ? `执法人员已告知${you(f)}拟作出行政处罚的事实、理由、依据及依法享有的权利，并听取了${you(f)}的陈述、申辩。`
                : `执法人员已告知${you(f)}拟作出行政处罚的事实、理由、依据及依法享有的权利。`,
            ],
          },
          {
            heading: '处罚种类和依据',
            lines: [
              `依据${summaryPenaltyBasis(d.violationId)}和《中华人民共和国行政处罚法》第五十一条的规定，当场作出如下行政处罚决定：`,
              `1. ${penaltyText(d)}；`,
              `2. 责令${you(f)}于${chineseDate(d.correctionDeadline)}前改正上述违法行为（《中华人民共和国行政处罚法》第二十八条第一款）。`,
            ],
          },
          {
            heading: '作出决定的时间、地点',
            fields: [
              { label: '时间', value: chineseDate(d.date) },
              { label: '地点', value: where },
            ],
            lines: [],
          },
          ...(fine
            ? [
                {
                  heading: '罚款缴纳方式和期限',
                  lines: [
                    collected
                      ? `罚款由执法人员当场收缴（${ON_SPOT_GROUND_LABELS[d.onSpotGround!]}），并出具财政部门统一制发的专用票据；不出具专用票据的，${you(f)}有权拒绝缴纳（《中华人民共和国行政处罚法》第七十条）。`
                      : `${you(f)}应当自收到本决定书之日起${d.paymentDays}日内，持本决定书到${paymentPlace(f.authority)}缴纳罚款，或者通过电子支付系统缴纳（《中华人民共和国行政处罚法》第六十七条）。到期不缴纳罚款的，每日按罚款数额的${Math.round(LEGAL.latePaymentRate.value * 100)}%加处罚款，加处罚款的数额不超出罚款的数额（${LEGAL.latePaymentRate.source}）。`,
                  ],
                },
              ]
            : []),
          {
            heading: '救济途径和期限',
            lines: [appealLine(f.authority, '行政处罚决定', '决定书', d.reconsiderationDays, d.litigationMonths)],
          },
          {
            lines: [
              `作出决定的行政机关：${f.authority.name}。`,
              c.delivery?.signature === 'refused'
                ? `本决定书已于${chineseDate(c.delivery.date)}当场交付，当事人拒绝签收。`
                : '本决定书当场交付当事人（《中华人民共和国行政处罚法》第五十二条）。',
            ],
          },
        ],
        signatures: [
          { label: '执法人员（签名或盖章）及执法证号', value: officerCertificates(f.officers, ids) },
          {
            label: '当事人（签收）',
            value: c.delivery ? (c.delivery.signature === 'refused' ? '拒绝签收' : c.delivery.recipient) : '',
          },
        ],
        sealed: true,
        note: COPIES,
      };
    }
    case 'summaryFiling': {
      const d = c.decision;
      const filing = c.filing!;
      return {
        ...head,
        sections: [
          {
            fields: [
              { label: '决定书文号', value: numberOf(c.documents, 'summaryDecision') ?? '—' },
              ...partyFields(f),
              {
                label: '违法行为及处罚',
                value: d
                  ? `${SUMMARY_VIOLATIONS[d.violationId].act}；依据${summaryPenaltyBasis(d.violationId)}，${penaltyText(d)}`
                  : '—',
              },
              { label: '决定及交付日期', value: d ? chineseDate(d.date) : '—' },
              {
                label: '罚款缴纳',
                value:
                  !d || d.penaltyType !== 'fine'
                    ? '不涉及罚款'
                    : d.paymentMethod === 'onSpot'
                      ? `当场收缴，${filing.fineHandedOverOn ? `于${chineseDate(filing.fineHandedOverOn)}交至本机关` : '尚未交至本机关'}（应于${chineseDate(handoverDueBy(d.date))}前交至本机关）`
                      : `当事人自收到决定书之日起${d.paymentDays}日内到指定银行或者通过电子支付系统缴纳`,
              },
              { label: '执法人员', value: officers },
              { label: '备案日期', value: chineseDate(filing.date) },
            ],
            lines: [],
          },
          {
            lines: [
              `执法人员当场作出的行政处罚决定，报${f.authority.name}备案（《中华人民共和国行政处罚法》第五十二条第三款）。`,
            ],
          },
        ],
        signatures: [
          { label: '执法人员（签名）', value: officers },
          { label: '法制审核人员（签名）', value: '' },
        ],
        sealed: false,
      };
    }
    case 'summaryReferral': {
      const r = c.referral!;
      const n = c.notice;
      return {
        ...head,
        sections: [
          {
            fields: [
              ...partyFields(f),
              { label: '发现时间、地点', value: `${when}，${where}` },
              {
                label: '涉嫌违法行为',
                value: n
                  ? `${SUMMARY_VIOLATIONS[n.violationId].act}（违反${SUMMARY_VIOLATIONS[n.violationId].duty}）`
                  : (onSite?.facts ?? '—'),
              },
              {
                label: '拟给予的处罚',
                value: n ? `依据${summaryPenaltyBasis(n.violationId)}，${penaltyText(n)}` : '—',
              },
              {
                label: '当事人陈述、申辩',
                value: c.statement
                  ? `${c.statement.summary}${c.statement.factsDisputed ? '（对违法事实有异议）' : ''}`
                  : '未记录',
              },
              { label: '不适用简易程序的理由', value: REFERRAL_REASON_LABELS[r.reason] },
            ],
            lines: [],
          },
          { heading: '情况说明', lines: r.summary.split(/\r?\n/).filter((l) => l.trim() !== '') },
          {
            lines: [
              `本案不符合《中华人民共和国行政处罚法》第五十一条当场处罚的条件，拟依照该法第五十四条的规定报请立案，依照普通程序调查取证后作出处理。`,
            ],
          },
        ],
        signatures: [
          { label: '执法人员（签名）', value: officers },
          { label: '负责人审批（签名）', value: '' },
        ],
        sealed: false,
      };
    }
    default:
      throw new RangeError(`当场处罚流程不开具${String(doc.type satisfies never)}`);
  }
}
