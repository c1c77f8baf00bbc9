/** The case's documents (立案审批表 … 结案审批表) as printable content. */
import type { Authority } from '../../lib/divisions';
import {
  appealLine,
  base,
  chineseDate,
  chineseTime,
  numberOf,
  partyReceipt,
  officerNames,
  type DocumentContent,
  type DocumentField,
} from '../../lib/document';
import { CASE_DOCUMENTS, type CaseDocument } from './document-types';
import { divisionByCode } from '../../lib/divisions';
import { LEGAL } from '../../law/legal-constants';
import {
  CRIMES,
  HARM_LABELS,
  MITIGATIONS,
  mitigationCitation,
  NO_PENALTY_GROUNDS,
  PENALTY_ARTICLES,
  PENALTY_KIND_LABELS,
  penaltyBasis,
  TRANSFER_MATERIALS,
  VIOLATIONS,
  yuan,
  type ArticleId,
  type TierId,
  type Violation,
} from '../../law/penalties';
import type { CaseFixture } from './kit';
import {
  HEARING_CONCLUSION_LABELS,
  SERVICE_METHOD_LABELS,
  STATEMENT_REVIEW_LABELS,
  totalFines,
  type CaseContext,
  type PersonFine,
} from './machine';
import type { MitigationId, PenaltyKind } from '../../law/penalties';

const EVIDENCE_LABELS: Record<CaseContext['evidence'][number]['kind'], string> = {
  inquiry: '询问笔录',
  inspection: '勘验（检查）笔录',
  documentary: '书证、照片',
};

/** The violation the case was filed for (the fixture's when the filing is missing). */
function filedViolation(f: CaseFixture, c: CaseContext): Violation {
  return VIOLATIONS[c.filing?.violationId ?? f.violationId];
}

function caseName(f: CaseFixture, c: CaseContext): string {
  return `${f.enterprise.name}涉嫌${filedViolation(f, c).act}案`;
}

function partyFields(f: CaseFixture): DocumentField[] {
  const e = f.enterprise;
  return [
    { label: '当事人', value: e.name },
    { label: '统一社会信用代码', value: e.uscc },
    { label: '地址', value: e.operatingAddress },
    { label: '法定代表人', value: e.legalRepresentative },
  ];
}

function evidenceText(c: CaseContext): string {
  if (c.evidence.length === 0) return '现场检查取得的证据';
  return c.evidence.map((x) => `${chineseDate(x.date)}${EVIDENCE_LABELS[x.kind]}`).join('、');
}

/** "违反了…的规定，依据…的规定": the duty provision of the filed violation and the penalty basis with its 项. */
function legalBasis(
  f: CaseFixture,
  c: CaseContext,
  p: { articleId: ArticleId; tierId: TierId },
): { violated: string; basis: string } {
  const article = PENALTY_ARTICLES[p.articleId];
  const tier = article.tiers.find((t) => t.id === p.tierId);
  return {
    violated: `违反了${filedViolation(f, c).duty}的规定`,
    basis: `依据${penaltyBasis(c.filing?.violationId ?? null, p.articleId)}${tier ? `（${tier.label}）` : ''}的规定`,
  };
}

/** "从轻处罚" and the circumstance of 第三十二条 it rests on, as a decision or notice words it. */
function kindClause(p: { kind: PenaltyKind | 'none'; mitigation: MitigationId | null }): string {
  if (p.kind === 'penalty' || !p.mitigation) return '';
  return `鉴于你单位具有${MITIGATIONS[p.mitigation].label}的情形，依据${mitigationCitation(p.mitigation)}的规定，${p.kind === 'lighter' ? '予以从轻处罚' : '予以减轻处罚'}，`;
}

/** Whether the tier of the penalty orders 停产停业整顿 as well (e.g. 第九十七条第二档). */
const suspends = (p: { articleId: ArticleId; tierId: TierId }) =>
  PENALTY_ARTICLES[p.articleId].tiers.find((t) => t.id === p.tierId)?.suspension === true;

/** The numbered items of a 决定书: correction, 停产停业整顿 where the tier orders it, the unit's fine, each person's. */
function decisionItems(d: NonNullable<CaseContext['decision']>): string[] {
  const items = [
    `责令你单位于${chineseDate(d.correctionDeadline)}前改正上述违法行为（《中华人民共和国行政处罚法》第二十八条第一款）`,
    ...(suspends(d) ? ['责令你单位停产停业整顿'] : []),
    `处罚款人民币${yuan(d.amount)}`,
    ...d.personFines.map(
      (p) => `对直接负责的主管人员或者其他直接责任人员${p.name}（${p.role}）处罚款人民币${yuan(p.amount)}`,
    ),
  ];
  return items.map((x, i) => `${i + 1}. ${x}${i === items.length - 1 ? '。' : '；'}`);
}

/** The fines on the directly responsible persons (双罚), one line each. */
function personFineLines(fines: PersonFine[], verb: '拟' | ''): string[] {
  return fines.map(
    (p) => `对直接负责的主管人员或者其他直接责任人员${p.name}（${p.role}）${verb}处罚款人民币${yuan(p.amount)}。`,
  );
}

function caseTeam(c: CaseContext): string[] {
  return [...new Set(c.evidence.flatMap((x) => x.officerIds))];
}

/**
 * Where the fine is paid (《行政处罚法》第六十七条: 到指定的银行或者通过电子支付系统缴纳). The drills' authorities are
 * simulated; the bank named is the simulated collecting bank of the city's 非税收入.
 */
export function paymentPlace(authority: Authority): string {
  const fullName = (authority.division ?? divisionByCode(authority.divisionCode))?.fullName ?? '';
  const city = /省(.+?市)/.exec(fullName)?.[1] ?? /^(.+?[市省])/.exec(authority.name)?.[1] ?? '';
  return `${city}财政非税收入代收银行（中国工商银行${city.replace(/市$/, '')}分行各营业网点）`;
}

export function caseDocument(doc: CaseDocument, f: CaseFixture, c: CaseContext): DocumentContent {
  const e = f.enterprise;
  const head = base(doc, CASE_DOCUMENTS[doc.type].name, f.authority);
  const team = caseTeam(c);
  const officers = officerNames(f.officers, team);
  switch (doc.type) {
    case 'caseFiling': {
      const filing = c.filing!;
      const violation = VIOLATIONS[filing.violationId];
      return {
        ...head,
        sections: [
          {
            fields: [
              { label: '案件名称', value: caseName(f, c) },
              { label: '案件来源', value: `监督检查发现（${chineseDate(c.discoveredOn)}现场检查）` },
              ...partyFields(f),
              { label: '主要负责人', value: `${e.principal}（联系电话：${e.principalPhone}）` },
              { label: '涉嫌违反的条款', value: `${violation.duty}（${violation.act}）` },
              { label: '立案日期', value: chineseDate(filing.filedOn) },
            ],
            lines: [],
          },
          { heading: '案情摘要', lines: filing.summary.split(/\r?\n/).filter((l) => l.trim() !== '') },
          { heading: '审批意见', lines: ['同意立案。（《行政处罚法》第五十四条）'] },
        ],
        signatures: [
          { label: '承办人（签名）', value: officers },
          { label: '审批负责人（签名）', value: filing.approvedBy },
        ],
        sealed: false,
      };
    }
    case 'penaltyNotice': {
      const n = c.notice!;
      const law = legalBasis(f, c, n);
      return {
        ...head,
        addressee: `${e.name}：`,
        sections: [
          { lines: [`经查，${f.facts}`, `以上事实有${evidenceText(c)}等证据为证。`] },
          {
            lines: [
              `你单位的上述行为${law.violated}，${law.basis}，${kindClause(n)}本机关拟对你单位作出${suspends(n) ? '责令停产停业整顿，并处' : ''}罚款人民币${yuan(n.amount)}的行政处罚。`,
              ...personFineLines(n.personFines, '拟'),
              `依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩。如需陈述、申辩，请于${chineseDate(n.statementDeadline)}前向本机关提出；逾期未提出的，视为放弃上述权利。`,
              ...(n.hearingRightStated
                ? [
                    `依据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求举行听证。如要求听证，请于${n.hearingDeadline ? chineseDate(n.hearingDeadline) : '（未填写）'}前向本机关提出；逾期未提出的，视为放弃听证权利。`,
                  ]
                : []),
            ],
          },
          { lines: [`本机关地址及联系人：${f.authority.name}，承办人${officers || '（未指定）'}。`] },
        ],
        ...partyReceipt(),
      };
    }
    case 'hearingNotice': {
      const n = c.notice!;
      const law = legalBasis(f, c, n);
      return {
        ...head,
        addressee: `${e.name}：`,
        sections: [
          {
            lines: [
              `本机关已于${chineseDate(n.date)}向你单位送达《行政处罚告知书》${numberOf(c.documents, 'penaltyNotice') ?? ''}，你单位的行为${law.violated}，本机关拟${law.basis}对你单位作出罚款人民币${yuan(n.amount)}的行政处罚。`,
              `依据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有要求举行听证的权利。如要求听证，应当在告知后${LEGAL.hearingRequestPeriod.value}个工作日内，即${n.hearingDeadline ? chineseDate(n.hearingDeadline) : '（未填写）'}前，向本机关提出；逾期未提出的，视为放弃听证权利。`,
              `本机关将在举行听证的${LEGAL.hearingNoticePeriod.value}日前，通知你单位举行听证的时间、地点。`,
            ],
          },
        ],
        ...partyReceipt(),
      };
    }
    case 'hearingSchedule': {
      const h = c.hearing!;
      return {
        ...head,
        addressee: `${e.name}：`,
        sections: [
          {
            lines: [
              `你单位${c.hearingRequest ? `于${chineseDate(c.hearingRequest.date)}` : ''}对本机关《行政处罚告知书》${numberOf(c.documents, 'penaltyNotice') ?? ''}拟作出的行政处罚提出听证要求。依据《中华人民共和国行政处罚法》第六十四条的规定，本机关定于${chineseDate(h.hearingDate)}${chineseTime(h.hearingTime)}在${h.place}举行听证。`,
              '听证由本机关指定的非本案调查人员主持，除涉及国家秘密、商业秘密或者个人隐私依法予以保密外，听证公开举行；你单位认为主持人与本案有直接利害关系的，有权申请回避（第六十四条第（三）项、第（四）项）。',
              '你单位可以由法定代表人亲自参加听证，也可以委托一至二人代理；委托代理的，代理人应当持授权委托书（第六十四条第（五）项）。',
              '无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证（第六十四条第（六）项）。',
            ],
          },
        ],
        ...partyReceipt(),
      };
    }
    case 'hearingRecord': {
      const h = c.hearing!;
      const n = c.notice;
      const law = n ? legalBasis(f, c, n) : null;
      return {
        ...head,
        sections: [
          {
            fields: [
              { label: '案件名称', value: caseName(f, c) },
              { label: '听证时间', value: `${chineseDate(h.heldOn ?? h.hearingDate)}${chineseTime(h.hearingTime)}` },
              { label: '听证地点', value: h.place },
              { label: '当事人', value: `${e.name}（法定代表人：${e.legalRepresentative}）` },
              { label: '调查人员', value: officers },
              { label: '听证主持人', value: '' },
              { label: '记录人', value: '' },
            ],
            lines: [],
          },
          {
            heading: '调查人员提出的违法事实、证据和处罚建议',
            lines: [
              `经查，${f.facts}以上事实有${evidenceText(c)}等证据为证。`,
              n && law ? `当事人的行为${law.violated}，建议${law.basis}，处罚款人民币${yuan(n.amount)}。` : '',
            ].filter((l) => l !== ''),
          },
          {
            heading: '当事人陈述、申辩和质证意见',
            lines: (h.partyArguments ?? '').split(/\r?\n/).filter((l) => l.trim() !== ''),
          },
          { heading: '听证意见', lines: [h.conclusion ? `${HEARING_CONCLUSION_LABELS[h.conclusion]}。` : '—'] },
          { lines: ['本笔录已交当事人核对无误（《行政处罚法》第六十四条第（八）项）。'] },
        ],
        signatures: [
          { label: '当事人或其代理人（签名）', value: '' },
          { label: '听证主持人（签名）', value: '' },
          { label: '记录人（签名）', value: '' },
        ],
        sealed: false,
      };
    }
    case 'caseReport': {
      const n = c.notice;
      return {
        ...head,
        sections: [
          {
            fields: [
              { label: '案件名称', value: caseName(f, c) },
              ...partyFields(f),
              { label: '拟处罚意见', value: n ? `${legalBasis(f, c, n).basis}，罚款人民币${yuan(n.amount)}` : '—' },
              {
                label: '陈述申辩',
                value: c.statement
                  ? `${chineseDate(c.statement.date)}：${c.statement.summary}`
                  : '当事人未提出陈述、申辩',
              },
              {
                label: '听证',
                value: c.hearing?.heldOn ? `${chineseDate(c.hearing.heldOn)}举行听证` : '当事人未要求听证',
              },
            ],
            lines: [],
          },
          { heading: '违法事实', lines: [f.facts] },
        ],
        signatures: [
          { label: '承办人（签名）', value: officers },
          { label: '负责人审批（签名）', value: '' },
        ],
        sealed: false,
      };
    }
    case 'penaltyDecision': {
      const d = c.decision!;
      const statement = c.statement;
      const hearing = c.hearing?.heldOn ? c.hearing : null;
      const notice = c.notice;
      const noticeNumber = numberOf(c.documents, 'penaltyNotice');
      const law = legalBasis(f, c, d);
      return {
        ...head,
        sections: [
          { fields: partyFields(f), lines: [] },
          { heading: '违法事实', lines: [`经查，${f.facts}`, `以上事实有${evidenceText(c)}等证据为证。`] },
          {
            heading: '告知及陈述申辩、听证',
            lines: [
              notice
                ? `本机关于${chineseDate(notice.date)}向你单位送达《行政处罚告知书》${noticeNumber ?? ''}，告知拟作出的行政处罚及你单位依法享有的权利。`
                : '本机关已告知你单位拟作出的行政处罚及依法享有的权利。',
              statement
                ? `你单位于${chineseDate(statement.date)}提出陈述、申辩：“${statement.summary}”本机关对你单位提出的事实、理由和证据进行了复核，复核意见：${d.statementReview ? STATEMENT_REVIEW_LABELS[d.statementReview] : '（未写明）'}${d.reviewReason ? `。${d.reviewReason}` : '。'}`
                : '你单位在规定期限内未提出陈述、申辩。',
              hearing
                ? `应你单位要求，本机关于${chineseDate(hearing.heldOn!)}依法举行了听证，你单位提出：${hearing.partyArguments ?? ''}经听证，${hearing.conclusion ? HEARING_CONCLUSION_LABELS[hearing.conclusion] : ''}。`
                : notice?.hearingRightStated
                  ? '你单位在规定期限内未要求听证。'
                  : '',
            ].filter((l) => l !== ''),
          },
          {
            heading: '处罚依据及决定',
            lines: [
              `你单位的上述行为${law.violated}。${law.basis}，${kindClause(d)}本机关决定：`,
              ...decisionItems(d),
              ...(d.kind !== 'penalty' ? [`（${PENALTY_KIND_LABELS[d.kind as PenaltyKind]}）`] : []),
              ...(c.legalReview && c.discussion
                ? [
                    `本决定经法制审核（${chineseDate(c.legalReview.date)}）并经本机关负责人集体讨论（${chineseDate(c.discussion.date)}）作出（《中华人民共和国行政处罚法》第五十七条第二款、第五十八条）。`,
                  ]
                : []),
            ],
          },
          {
            heading: '履行方式和期限',
            lines: [
              `你单位应当自收到本决定书之日起${d.paymentDays}日内，持本决定书到${paymentPlace(f.authority)}缴纳罚款，或者通过电子支付系统缴纳（《中华人民共和国行政处罚法》第六十七条）。到期不缴纳罚款的，本机关将依据${LEGAL.latePaymentRate.source}的规定，每日按罚款数额的${Math.round(LEGAL.latePaymentRate.value * 100)}%加处罚款，加处罚款的数额不超出罚款的数额。`,
            ],
          },
          {
            heading: '救济途径和期限',
            lines: [appealLine(f.authority, '行政处罚决定', '决定书', d.reconsiderationDays, d.litigationMonths)],
          },
        ],
        ...partyReceipt(),
      };
    }
    case 'serviceReceipt': {
      const s = c.service!;
      const type = c.decision?.kind === 'none' ? 'noPenaltyDecision' : 'penaltyDecision';
      const decisionNumber = numberOf(c.documents, type);
      return {
        ...head,
        sections: [
          {
            fields: [
              { label: '送达文书名称及文号', value: `${CASE_DOCUMENTS[type].name} ${decisionNumber ?? ''}`.trim() },
              { label: '受送达人', value: e.name },
              { label: '送达时间', value: chineseDate(s.date) },
              { label: '送达地点', value: e.operatingAddress },
              { label: '送达方式', value: SERVICE_METHOD_LABELS[s.method] },
              { label: '收件人', value: s.recipient },
              { label: '送达人', value: officers },
            ],
            lines: [],
          },
          {
            lines: [
              s.method === 'lodged'
                ? '受送达人拒绝签收，送达人邀请有关基层组织或者所在单位的代表到场，说明情况，在送达回执上记明拒收事由和日期，把文书留在受送达人的住所（《中华人民共和国民事诉讼法》有关留置送达的规定；《行政处罚法》第六十一条）。'
                : `${CASE_DOCUMENTS[type].name}依照《中华人民共和国行政处罚法》第六十一条的规定送达。`,
            ],
          },
        ],
        signatures: [
          { label: '收件人（签名）', value: s.method === 'lodged' ? '拒绝签收' : s.recipient },
          { label: '送达人（签名）', value: officers },
        ],
        sealed: false,
      };
    }
    case 'caseClosing': {
      const d = c.decision;
      const p = c.payment;
      const none = d?.kind === 'none';
      const decisionNumber = numberOf(c.documents, none ? 'noPenaltyDecision' : 'penaltyDecision');
      return {
        ...head,
        sections: [
          {
            fields: [
              { label: '案件名称', value: caseName(f, c) },
              ...partyFields(f),
              { label: '立案日期', value: c.filing ? chineseDate(c.filing.filedOn) : '—' },
              {
                label: '处罚决定',
                value: !d
                  ? '—'
                  : none
                    ? `${decisionNumber ?? ''}，${chineseDate(d.date)}作出不予行政处罚决定（${NO_PENALTY_GROUNDS[d.noPenalty!.ground].citation}）`
                    : `${decisionNumber ?? ''}，${chineseDate(d.date)}作出，${legalBasis(f, c, d).basis}，罚款人民币${yuan(d.amount)}${d.personFines.length ? `；对${d.personFines.map((x) => `${x.name}罚款人民币${yuan(x.amount)}`).join('、')}` : ''}`,
              },
              { label: '送达日期', value: c.service ? chineseDate(c.service.date) : '—' },
              {
                label: '执行情况',
                value: p
                  ? `${d?.personFines.length ? '当事人及受处罚人员' : '当事人'}于${chineseDate(p.date)}缴纳罚款${d?.personFines.length ? '合计' : ''}人民币${yuan(p.amount)}${p.surcharge > 0 ? `，加处罚款人民币${yuan(p.surcharge)}` : '，未产生加处罚款'}`
                  : none
                    ? '不予行政处罚，已对当事人进行教育，无需执行'
                    : '—',
              },
              { label: '结案日期', value: chineseDate(c.closedOn ?? doc.date) },
            ],
            lines: [],
          },
          {
            heading: '结案理由',
            lines: [none ? '不予行政处罚决定书已送达，申请结案。' : '行政处罚决定已执行完毕，申请结案。'],
          },
          { heading: '审批意见', lines: ['同意结案。'] },
        ],
        signatures: [
          { label: '承办人（签名）', value: officers },
          { label: '审批负责人（签名）', value: c.closing?.approvedBy ?? '' },
        ],
        sealed: false,
      };
    }
    case 'legalReview': {
      const r = c.legalReview!;
      const reviewer = c.reviewers.find((x) => x.id === r.reviewerId);
      const n = c.notice;
      return {
        ...head,
        sections: [
          {
            fields: [
              { label: '案件名称', value: caseName(f, c) },
              ...partyFields(f),
              { label: '承办人', value: officers },
              {
                label: '拟作出的处罚',
                value: n
                  ? [
                      `${legalBasis(f, c, n).basis}，罚款人民币${yuan(n.amount)}`,
                      ...n.personFines.map((p) => `对${p.name}（${p.role}）罚款人民币${yuan(p.amount)}`),
                    ].join('；')
                  : '—',
              },
              { label: '听证', value: c.hearing?.heldOn ? `${chineseDate(c.hearing.heldOn)}举行听证` : '未举行听证' },
              { label: '审核日期', value: chineseDate(r.date) },
            ],
            lines: [],
          },
          {
            heading: '审核内容',
            lines: [
              '依据《中华人民共和国行政处罚法》第五十八条第一款，对行政执法主体是否合法、执法人员是否具备执法资格，案件事实是否清楚、证据是否合法充分，适用法律、法规、规章是否准确，执法程序是否合法，处罚是否适当进行审核。',
            ],
          },
          { heading: '审核意见', lines: r.opinion.split(/\r?\n/).filter((l) => l.trim() !== '') },
        ],
        signatures: [
          {
            label: '法制审核人员（签名）',
            value: reviewer
              ? `${reviewer.name}（${reviewer.unit}${reviewer.qualified ? '，已取得法律职业资格' : ''}）`
              : '',
          },
        ],
        sealed: false,
      };
    }
    case 'collectiveDiscussion': {
      const m = c.discussion!;
      const names = m.participantIds.map((id) => c.leaders.find((l) => l.id === id)?.name ?? id);
      return {
        ...head,
        sections: [
          {
            fields: [
              { label: '案件名称', value: caseName(f, c) },
              ...partyFields(f),
              { label: '讨论时间', value: chineseDate(m.date) },
              { label: '地点', value: `${f.authority.name}会议室` },
              { label: '主持人', value: c.head },
              { label: '参加人员', value: names.join('、') },
              { label: '汇报人', value: officers },
              {
                label: '法制审核',
                value: c.legalReview
                  ? `${chineseDate(c.legalReview.date)}法制审核意见书${numberOf(c.documents, 'legalReview') ?? ''}`
                  : '—',
              },
            ],
            lines: [],
          },
          {
            heading: '讨论内容',
            lines: [
              `承办人汇报案件事实、证据、当事人陈述申辩${c.hearing?.heldOn ? '及听证' : ''}情况和拟处罚意见；与会负责人依据《中华人民共和国行政处罚法》第五十七条第二款进行集体讨论。`,
            ],
          },
          { heading: '讨论决定', lines: m.conclusion.split(/\r?\n/).filter((l) => l.trim() !== '') },
        ],
        signatures: [
          { label: '主持人（签名）', value: c.head },
          { label: '参加人员（签名）', value: names.join('、') },
          { label: '记录人（签名）', value: '' },
        ],
        sealed: false,
      };
    }
    case 'noPenaltyDecision': {
      const d = c.decision!;
      const np = d.noPenalty!;
      const ground = NO_PENALTY_GROUNDS[np.ground];
      const violation = filedViolation(f, c);
      return {
        ...head,
        sections: [
          { fields: partyFields(f), lines: [] },
          { heading: '违法事实', lines: [`经查，${f.facts}`, `以上事实有${evidenceText(c)}等证据为证。`] },
          {
            heading: '不予行政处罚的理由和依据',
            lines: [
              `你单位的上述行为违反了${violation.duty}的规定。`,
              `经查明，你单位的违法行为${np.findings.minor ? '轻微' : '并非轻微'}，${np.findings.firstOffence ? '系初次违法' : '并非初次违法'}，${np.findings.correctedInTime ? '已及时改正' : '未及时改正'}，${HARM_LABELS[np.findings.harm]}。`,
              `依据${ground.citation}（${ground.label}）的规定，本机关决定对你单位不予行政处罚。`,
              '依据《中华人民共和国行政处罚法》第三十三条第三款的规定，本机关已对你单位进行了教育，你单位应当严格遵守安全生产法律、法规，防止再次发生同类违法行为。',
            ],
          },
          {
            heading: '救济途径和期限',
            lines: [appealLine(f.authority, '不予行政处罚决定', '决定书', d.reconsiderationDays, d.litigationMonths)],
          },
        ],
        ...partyReceipt(),
      };
    }
    case 'transferApproval': {
      const t = c.transfer!;
      const crime = CRIMES[t.crime];
      return {
        ...head,
        sections: [
          {
            fields: [
              { label: '案件名称', value: caseName(f, c) },
              ...partyFields(f),
              { label: '立案日期', value: c.filing ? chineseDate(c.filing.filedOn) : '—' },
              { label: '涉嫌罪名', value: `${crime.name}（${crime.citation}）` },
              { label: '移送报告日期', value: chineseDate(t.reportedOn) },
              { label: '拟移送机关', value: t.recipient },
            ],
            lines: [],
          },
          {
            heading: '涉嫌犯罪的事实',
            lines: [
              `经查，${f.facts}`,
              `以上事实有${evidenceText(c)}等证据为证。当事人的行为涉嫌${crime.elements}，依据《中华人民共和国行政处罚法》第二十七条第一款和《行政执法机关移送涉嫌犯罪案件的规定》第三条，应当移送公安机关依法处理。`,
            ],
          },
          {
            heading: '审批意见',
            lines: [`同意移送。（${chineseDate(t.approvedOn)}，《行政执法机关移送涉嫌犯罪案件的规定》第五条）`],
          },
        ],
        signatures: [
          { label: '承办人（签名）', value: officers },
          { label: '审批负责人（签名）', value: t.approvedBy },
        ],
        sealed: false,
      };
    }
    case 'transferLetter': {
      const t = c.transfer!;
      const crime = CRIMES[t.crime];
      return {
        ...head,
        addressee: `${t.recipient}：`,
        sections: [
          {
            lines: [
              `本机关在查处${caseName(f, c)}过程中，发现${e.name}涉嫌${crime.name}（${crime.citation}）。经查，${f.facts}`,
              `依据《中华人民共和国行政处罚法》第二十七条第一款和《行政执法机关移送涉嫌犯罪案件的规定》第三条、第六条的规定，现将该案移送你局，请依法审查。`,
            ],
          },
          {
            heading: '随附材料',
            lines: t.materials.length
              ? t.materials.map((m, i) => `${i + 1}. ${TRANSFER_MATERIALS[m]}`)
              : ['（未附材料）'],
          },
          {
            lines: [
              '请自接受移送之日起3日内依法审查，并将立案或者不予立案的决定书面告知本机关（《行政执法机关移送涉嫌犯罪案件的规定》第八条）。',
            ],
          },
        ],
        signatures: [{ label: '接收人（签名）', value: '' }],
        sealed: true,
        note: '本文书一式三份：一份送公安机关，一份抄送同级人民检察院，一份存档。',
      };
    }
    default:
      // Every type of the table has its case above: a new type fails to compile here until it is printed.
      throw new RangeError(`案件流程不开具${String(doc.type satisfies never)}`);
  }
}
