/** The inspection's documents (现场检查记录, 现场处理措施决定书, 责令限期整改指令书, 整改复查意见书) as printable content. */
import type { OfficerProfile } from '../../kit/people';
import { standardItem } from '../../lib/hazard-standard';
import type { Authority } from '../../lib/divisions';
import {
  base,
  chineseDate,
  chineseTime,
  COPIES,
  numberOf,
  officerCertificates,
  officerNames,
  statutoryAppealLine,
  type DocumentContent,
} from '../../lib/document';
import { INSPECTION_DOCUMENTS, type InspectionDocument } from './document-types';
import { NATURE_TEXT, VERDICT_TEXT, type InspectionFixture, type Nature, type SiteItem } from './kit';
import { MEASURE_LABELS, ON_SITE_POWERS, type InspectionContext } from './machine';

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

export function inspectionDocument(
  doc: InspectionDocument,
  f: InspectionFixture,
  c: InspectionContext,
): DocumentContent {
  const e = f.enterprise;
  const team = c.inspection?.officerIds ?? [];
  const head = base(doc, INSPECTION_DOCUMENTS[doc.type].name, f.authority);
  /** The foot of an instrument served on site: the officers sign, the enterprise's principal signs for it. */
  const servedOnSite = (): Pick<DocumentContent, 'signatures' | 'sealed' | 'note'> => ({
    signatures: [
      { label: '执法人员（签名）', value: officerNames(f.officers, team) },
      { label: '被检查单位负责人（签收）', value: '' },
    ],
    sealed: true,
    note: COPIES,
  });
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
              statutoryAppealLine(f.authority, '决定', '决定书'),
            ],
          },
        ],
        ...servedOnSite(),
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
              statutoryAppealLine(f.authority, '指令', '指令书'),
            ],
          },
        ],
        ...servedOnSite(),
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
      // Every type of the table has its case above: a new type fails to compile here until it is printed.
      throw new RangeError(`执法检查流程不开具${String(doc.type satisfies never)}`);
  }
}
