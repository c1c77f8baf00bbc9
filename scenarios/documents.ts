/**
 * The documents an attempt produced, as printable content: one `DocumentContent` per issued document,
 * in issue order, built from what the officer entered (the workflow context) and from the simulated
 * enterprise (the fixture). A wrong value entered shows as that wrong value, as it would on paper.
 * Wording follows the 安全生产行政执法文书 forms; every legal figure comes from `LEGAL`.
 */
import { attemptFixture } from './engine';
import type { CaseFixture } from './kit/case-kit';
import { NATURE_TEXT, VERDICT_TEXT, type InspectionFixture, type Nature, type SiteItem } from './kit/inspection-kit';
import type { OnboardingFixture } from './kit/onboarding-kit';
import type { OfficerProfile } from './kit/people';
import type { Authority } from './lib/divisions';
import { standardItem } from './lib/hazard-standard';
import { divisionByCode } from './lib/divisions';
import { industryByCode, SPECIAL_FLAGS } from './lib/industries';
import type { AttemptState } from './types';
import {
  HEARING_CONCLUSION_LABELS,
  SERVICE_METHOD_LABELS,
  STATEMENT_REVIEW_LABELS,
  type CaseContext,
} from './workflow/case-machine';
import { DOCUMENT_TYPES, type DocumentType, type IssuedDocument } from './workflow/document-numbers';
import { MEASURE_LABELS, ON_SITE_POWERS, type InspectionContext } from './workflow/inspection-machine';
import { LEGAL } from './workflow/legal-constants';
import type { OnboardingContext } from './workflow/onboarding-machine';
import {
  PENALTY_ARTICLES,
  penaltyBasis,
  VIOLATIONS,
  yuan,
  type ArticleId,
  type TierId,
  type Violation,
} from './workflow/penalties';

/** A labelled entry of a form-style document (立案审批表, 现场检查记录 …). */
export interface DocumentField {
  label: string;
  /** Empty when the entry is left blank to be filled in by hand (a signature). */
  value: string;
}

export interface DocumentSection {
  heading?: string;
  /** Form rows, printed as a ruled table. */
  fields?: DocumentField[];
  /** Paragraphs of the body, in order. */
  lines: string[];
}

/** One printable document. */
export interface DocumentContent {
  type: DocumentType | 'enterpriseRecord';
  title: string;
  /** The document number; null for a record that carries none (企业基本信息登记表). */
  number: string | null;
  /** YYYY-MM-DD. */
  date: string;
  /** Full name of the issuing authority. */
  authority: string;
  /** The party the document is addressed to ("XX有限公司："), for letters. */
  addressee?: string;
  sections: DocumentSection[];
  signatures: DocumentField[];
  /** Whether the authority's seal line (name, 印章, date) closes the document. */
  sealed: boolean;
  /** Small print at the foot (how many copies, who keeps them). */
  note?: string;
}

/** 09:30 → 9时30分. */
export function chineseTime(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return `${h}时${String(m).padStart(2, '0')}分`;
}

/** 2025-03-10 → 2025年3月10日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

const EVIDENCE_LABELS: Record<CaseContext['evidence'][number]['kind'], string> = {
  inquiry: '询问笔录',
  inspection: '勘验（检查）笔录',
  documentary: '书证、照片',
};
const COPIES = '本文书一式两份：一份存档，一份交当事人。';

/** The people's government that hears a reconsideration of the authority's acts (《行政复议法》第二十四条). */
function reconsiderationBody(authority: Authority): string {
  return authority.name.replace(/应急管理局$/, '人民政府');
}

/** The appeal notice: `act` is what is appealed (行政处罚决定), `paper` the document served (决定书). */
function appealLine(authority: Authority, act: string, paper: string, days: number, months: number): string {
  return `如不服本${act}，可以自收到本${paper}之日起${days}日内向${reconsiderationBody(authority)}申请行政复议，或者在${months}个月内依法向人民法院提起行政诉讼；行政复议或者行政诉讼期间，本${act}不停止执行，法律另有规定的除外。`;
}

function officerNames(officers: readonly OfficerProfile[], ids: readonly string[]): string {
  return ids.map((id) => officers.find((o) => o.id === id)?.name ?? id).join('、');
}

function officerCertificates(officers: readonly OfficerProfile[], ids: readonly string[]): string {
  return ids
    .map((id) => {
      const o = officers.find((x) => x.id === id);
      return o ? `${o.name}（执法证号：${o.certificateNo}）` : id;
    })
    .join('；');
}

function numberOf(documents: readonly IssuedDocument[], type: DocumentType): string | null {
  return documents.find((d) => d.type === type)?.number ?? null;
}

function base(
  doc: IssuedDocument,
  authority: Authority,
): Pick<DocumentContent, 'type' | 'title' | 'number' | 'date' | 'authority'> {
  return {
    type: doc.type,
    title: DOCUMENT_TYPES[doc.type].name,
    number: doc.number,
    date: doc.date,
    authority: authority.name,
  };
}

// ---------------------------------------------------------------- inspection

/** 检查时间 as the form prints it: 2025年3月10日9时05分至11时30分 (the end's date only if another day). */
function inspectionTimeText(startedAt: string, endedAt: string): string {
  const [startDay, startClock] = startedAt.split('T') as [string, string];
  const [endDay, endClock] = endedAt.split('T') as [string, string];
  return `${chineseDate(startDay)}${chineseTime(startClock)}至${endDay === startDay ? '' : chineseDate(endDay)}${chineseTime(endClock)}`;
}

// Site items not in the fixture (never in practice) are treated as hazards.
const natureOf = (f: InspectionFixture, itemId: string): Nature =>
  f.items.find((i) => i.id === itemId)?.nature ?? 'hazard';

function hazardLine(f: InspectionFixture, c: InspectionContext, itemId: string, n: number): string {
  const item: SiteItem | undefined = f.items.find((i) => i.id === itemId);
  const finding = c.findings.find((x) => x.itemId === itemId);
  // A major hazard says so with its clause; other items are named by what they are in law.
  const verdict = !finding
    ? '未认定'
    : finding.verdict === 'general'
      ? item?.nature === 'violation'
        ? NATURE_TEXT.violation
        : VERDICT_TEXT.general
      : VERDICT_TEXT[finding.verdict];
  const clause = finding?.verdict === 'major' && finding.clause ? `，依据${standardItem(finding.clause).citation}` : '';
  if (!item) return `${n}. ${itemId}（${verdict}${clause}）`;
  return `${n}. ${item.area}：${item.observation}（${verdict}${clause}；违反${item.basis}的规定）。`;
}

/** 第1、3项 for the positions (1-based) of `ids` in `all`. */
function positions(all: readonly string[], ids: readonly string[]): string {
  return `第${ids.map((id) => all.indexOf(id) + 1).join('、')}项`;
}

/** Statute citations as printed on documents: the full name of the law. */
const printed = (citation: string) => citation.replace('《安全生产法》', '《中华人民共和国安全生产法》');

function inspectionDocument(doc: IssuedDocument, f: InspectionFixture, c: InspectionContext): DocumentContent {
  const e = f.enterprise;
  const team = c.inspection?.officerIds ?? [];
  const head = base(doc, f.authority);
  switch (doc.type) {
    case 'onSiteRecord': {
      const record = c.onSiteRecord!;
      const checked = (c.plan?.itemIds ?? c.findings.map((x) => x.itemId)).map((id, i) => {
        const item = f.items.find((x) => x.id === id);
        const finding = c.findings.find((x) => x.itemId === id);
        const clause =
          finding?.verdict === 'major' && finding.clause ? `（${standardItem(finding.clause).citation}）` : '';
        return `${i + 1}. ${item ? `${item.area}——${item.checklist}` : id}：${finding ? VERDICT_TEXT[finding.verdict] : '未检查'}${clause}`;
      });
      return {
        ...head,
        sections: [
          {
            fields: [
              { label: '被检查单位', value: e.name },
              { label: '统一社会信用代码', value: e.uscc },
              { label: '地址', value: e.operatingAddress },
              { label: '主要负责人', value: `${e.principal}（联系电话：${e.principalPhone}）` },
              { label: '安全管理负责人', value: e.safetyManager },
              { label: '检查场所', value: `${e.name}生产经营场所（${e.operatingAddress}）` },
              { label: '检查时间', value: inspectionTimeText(record.startedAt, record.endedAt) },
              { label: '执法人员', value: officerCertificates(f.officers, team) },
            ],
            lines: [
              `我们是${f.authority.name}的执法人员${officerNames(f.officers, team)}，共${team.length}名，已向被检查单位出示执法证件。`,
            ],
          },
          { heading: '检查情况', lines: record.summary.split(/\r?\n/).filter((l) => l.trim() !== '') },
          { heading: '检查项目及结论', lines: checked },
          {
            heading: '签字情况',
            lines: [
              record.signature === 'signed'
                ? '被检查单位负责人已核对本记录并签字。'
                : `被检查单位负责人拒绝签字${record.refusalReported ? '，执法人员已将情况记录在案，并向本部门报告（《安全生产法》第六十八条）' : ''}。`,
            ],
          },
        ],
        signatures: [
          { label: '检查人员（签名）', value: officerNames(f.officers, team) },
          { label: '被检查单位负责人（签名）', value: record.signature === 'signed' ? e.principal : '拒绝签字' },
        ],
        sealed: false,
      };
    }
    case 'onSiteMeasures': {
      const m = c.measures!;
      return {
        ...head,
        addressee: `${e.name}：`,
        sections: [
          {
            lines: [
              `本机关于${chineseDate(c.inspection?.startedOn ?? m.date)}对你单位进行现场检查时，发现你单位存在下列事故隐患，在排除前或者排除过程中无法保证安全：`,
            ],
          },
          { lines: m.itemIds.map((id, i) => hazardLine(f, c, id, i + 1)) },
          {
            lines: [
              `依据${printed(ON_SITE_POWERS.hazard)}的规定，现作出如下现场处理决定：`,
              ...m.measures.map((x, i) => `${i + 1}. ${MEASURE_LABELS[x]}。`),
              `措施期限：自${chineseDate(m.date)}起至${chineseDate(m.until)}止。`,
              '重大事故隐患排除后，经本机关审查同意，方可恢复生产经营和使用；期限届满时重大事故隐患仍未排除的，本机关将依法处理。',
              appealLine(
                f.authority,
                '决定',
                '决定书',
                LEGAL.reconsiderationPeriod.value,
                LEGAL.litigationPeriod.value,
              ),
            ],
          },
        ],
        signatures: [
          { label: '执法人员（签名）', value: officerNames(f.officers, team) },
          { label: '被检查单位负责人（签收）', value: '' },
        ],
        sealed: true,
        note: COPIES,
      };
    }
    case 'rectificationOrder': {
      const o = c.order!;
      const violations = o.itemIds.filter((id) => natureOf(f, id) === 'violation');
      const hazards = o.itemIds.filter((id) => natureOf(f, id) === 'hazard');
      // 第65条第1款: violations are corrected within a deadline under (二), hazards removed under (三).
      const orders = [
        ...(violations.length > 0
          ? [
              `对上述${positions(o.itemIds, violations)}安全生产违法行为，依据${printed(ON_SITE_POWERS.violation)}的规定，责令你单位于${chineseDate(o.deadline)}前改正完毕。`,
            ]
          : []),
        ...(hazards.length > 0
          ? [
              `对上述${positions(o.itemIds, hazards)}事故隐患，依据${printed(ON_SITE_POWERS.hazard)}的规定，责令你单位于${chineseDate(o.deadline)}前整改完毕，达到有关法律法规规章和标准规定的要求。`,
            ]
          : []),
      ];
      return {
        ...head,
        addressee: `${e.name}：`,
        sections: [
          { lines: [`经查，你单位存在下列问题：`] },
          { lines: o.itemIds.map((id, i) => hazardLine(f, c, id, i + 1)) },
          {
            lines: [
              ...orders,
              '由此造成事故的，依法追究有关人员的责任。',
              '整改期间，你单位应当采取措施，确保安全生产。对安全不能得到保障的，应当从危险区域内撤出作业人员。',
              appealLine(
                f.authority,
                '指令',
                '指令书',
                LEGAL.reconsiderationPeriod.value,
                LEGAL.litigationPeriod.value,
              ),
            ],
          },
        ],
        signatures: [
          { label: '执法人员（签名）', value: officerNames(f.officers, team) },
          { label: '被检查单位负责人（签收）', value: '' },
        ],
        sealed: true,
        note: COPIES,
      };
    }
    case 'recheckOpinion': {
      const r = c.recheck!;
      const o = c.order;
      const orderNumber = numberOf(c.documents, 'rectificationOrder');
      const items = o?.itemIds ?? [];
      const outstanding = items.filter((id) => !r.rectifiedItemIds.includes(id));
      return {
        ...head,
        addressee: `${e.name}：`,
        sections: [
          {
            lines: [
              o
                ? `本机关于${chineseDate(o.date)}作出《责令限期整改指令书》${orderNumber ?? ''}，责令你单位于${chineseDate(o.deadline)}前对所列问题整改完毕。本机关于${chineseDate(r.date)}进行了复查，复查情况如下：`
                : `本机关于${chineseDate(r.date)}进行了复查，复查情况如下：`,
            ],
          },
          {
            lines: items.map((id, i) => {
              const item = f.items.find((x) => x.id === id);
              return `${i + 1}. ${item ? `${item.area}：${item.observation}` : id}——复查情况：${r.rectifiedItemIds.includes(id) ? '已整改完毕' : '未整改完毕'}。`;
            }),
          },
          {
            lines: [
              outstanding.length === 0
                ? '复查意见：指令书所列问题已全部整改完毕，符合要求。'
                : `复查意见：${positions(items, outstanding)}问题逾期未整改完毕，本机关将依法立案查处${outstanding.some((id) => natureOf(f, id) === 'hazard') ? '（事故隐患逾期未消除的，依照《中华人民共和国安全生产法》第一百零二条）' : ''}。`,
            ],
          },
        ],
        signatures: [
          { label: '复查人员（签名）', value: officerNames(f.officers, team) },
          { label: '被复查单位负责人（签收）', value: '' },
        ],
        sealed: true,
        note: COPIES,
      };
    }
    default:
      throw new RangeError(`执法检查流程不开具${DOCUMENT_TYPES[doc.type].name}`);
  }
}

// ---------------------------------------------------------------- case

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

function caseTeam(c: CaseContext): string[] {
  return [...new Set(c.evidence.flatMap((x) => x.officerIds))];
}

/**
 * Where the fine is paid (《行政处罚法》第六十七条: 到指定的银行或者通过电子支付系统缴纳). The drills' authorities are
 * simulated; the bank named is the simulated collecting bank of the city's 非税收入.
 */
function paymentPlace(authority: Authority): string {
  const city =
    /省(.+?市)/.exec(divisionByCode(authority.divisionCode)?.fullName ?? '')?.[1] ??
    /^(.+?市)/.exec(authority.name)?.[1] ??
    '';
  return `${city}财政非税收入代收银行（中国工商银行${city.replace(/市$/, '')}分行各营业网点）`;
}

function caseDocument(doc: IssuedDocument, f: CaseFixture, c: CaseContext): DocumentContent {
  const e = f.enterprise;
  const head = base(doc, f.authority);
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
              `你单位的上述行为${law.violated}，${law.basis}，本机关拟对你单位作出罚款人民币${yuan(n.amount)}的行政处罚。`,
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
        signatures: [{ label: '当事人（签收）', value: '' }],
        sealed: true,
        note: COPIES,
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
        signatures: [{ label: '当事人（签收）', value: '' }],
        sealed: true,
        note: COPIES,
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
        signatures: [{ label: '当事人（签收）', value: '' }],
        sealed: true,
        note: COPIES,
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
              `你单位的上述行为${law.violated}。${law.basis}，本机关决定：`,
              `1. 责令你单位于${chineseDate(d.correctionDeadline)}前改正上述违法行为（《中华人民共和国行政处罚法》第二十八条第一款）；`,
              `2. 处罚款人民币${yuan(d.amount)}。`,
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
        signatures: [{ label: '当事人（签收）', value: '' }],
        sealed: true,
        note: COPIES,
      };
    }
    case 'serviceReceipt': {
      const s = c.service!;
      const decisionNumber = numberOf(c.documents, 'penaltyDecision');
      return {
        ...head,
        sections: [
          {
            fields: [
              { label: '送达文书名称及文号', value: `行政处罚决定书 ${decisionNumber ?? ''}`.trim() },
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
                : '行政处罚决定书依照《中华人民共和国行政处罚法》第六十一条的规定送达。',
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
      const decisionNumber = numberOf(c.documents, 'penaltyDecision');
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
                value: d
                  ? `${decisionNumber ?? ''}，${chineseDate(d.date)}作出，${legalBasis(f, c, d).basis}，罚款人民币${yuan(d.amount)}`
                  : '—',
              },
              { label: '送达日期', value: c.service ? chineseDate(c.service.date) : '—' },
              {
                label: '执行情况',
                value: p
                  ? `当事人于${chineseDate(p.date)}缴纳罚款人民币${yuan(p.amount)}${p.surcharge > 0 ? `，加处罚款人民币${yuan(p.surcharge)}` : '，未产生加处罚款'}`
                  : '—',
              },
              { label: '结案日期', value: chineseDate(c.closedOn ?? doc.date) },
            ],
            lines: [],
          },
          { heading: '结案理由', lines: ['行政处罚决定已执行完毕，申请结案。'] },
          { heading: '审批意见', lines: ['同意结案。'] },
        ],
        signatures: [
          { label: '承办人（签名）', value: officers },
          { label: '审批负责人（签名）', value: c.closing?.approvedBy ?? '' },
        ],
        sealed: false,
      };
    }
    default:
      throw new RangeError(`案件流程不开具${DOCUMENT_TYPES[doc.type].name}`);
  }
}

// ---------------------------------------------------------------- onboarding

function beijingDate(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}

function enterpriseRecord(state: AttemptState, f: OnboardingFixture, c: OnboardingContext): DocumentContent[] {
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
            { label: '行政区划', value: `${b.divisionCode} ${divisionByCode(b.divisionCode)?.name ?? ''}`.trim() },
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

/** The documents the attempt produced, as printable content, in issue order. */
export function renderDocuments(state: AttemptState): DocumentContent[] {
  const fixture = attemptFixture(state);
  switch (state.workflow) {
    case 'inspection': {
      const context = state.snapshot.context as InspectionContext;
      return context.documents.map((doc) => inspectionDocument(doc, fixture as InspectionFixture, context));
    }
    case 'case': {
      const context = state.snapshot.context as CaseContext;
      return context.documents.map((doc) => caseDocument(doc, fixture as CaseFixture, context));
    }
    case 'onboarding':
      return enterpriseRecord(state, fixture as OnboardingFixture, state.snapshot.context as OnboardingContext);
  }
}
