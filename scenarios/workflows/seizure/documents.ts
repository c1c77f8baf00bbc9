/**
 * The seizure's documents (现场笔录, 查封（扣押）决定书, 查封（扣押）清单, 延长查封（扣押）期限决定书,
 * 解除查封（扣押）决定书, 查封（扣押）物品处理决定书) as printable content.
 */
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
import { LEGAL } from '../../law/legal-constants';
import { daysBetween } from '../../law/working-days';
import { SEIZURE_DOCUMENTS, type SeizureDocument } from './document-types';
import { HOLD_LABELS, type SeizureFixture, type SeizureItem } from './kit/fixture';
import { CATEGORY_LABELS, SEIZURE_LAW, seizureEnd, type SeizureContext } from './machine';

/** Statute citations as printed on documents: the full name of the law. */
const printed = (citation: string) =>
  citation
    .replace(/《安全生产法》/g, '《中华人民共和国安全生产法》')
    .replace(/《行政强制法》/g, '《中华人民共和国行政强制法》');

/** 2025-03-10T09:30 → 2025年3月10日9时30分. */
const dateTime = (value: string) => `${chineseDate(value)}${chineseTime(value.slice(11, 16))}`;

const itemOf = (f: SeizureFixture, id: string): SeizureItem | undefined => f.items.find((i) => i.id === id);

/** One list row: 1. 名称（规格）数量单位，查封/扣押，存放地点. */
function listLine(f: SeizureFixture, itemId: string, quantity: number, n: number): string {
  const item = itemOf(f, itemId);
  if (!item) return `${n}. ${itemId}：${quantity}`;
  return `${n}. ${item.name}（${item.spec}）${quantity}${item.unit}，${HOLD_LABELS[item.mode]}，${item.mode === 'seal' ? '就地封存于' : '存放于'}${item.keptAt}`;
}

/** How the measure is named for these items: 查封, 扣押, or 查封、扣押. */
function holdText(f: SeizureFixture, ids: readonly string[]): string {
  const modes = [...new Set(ids.map((id) => itemOf(f, id)?.mode ?? 'seal'))].sort((a) => (a === 'seal' ? -1 : 1));
  return modes.map((m) => HOLD_LABELS[m]).join('、');
}

export function seizureDocument(doc: SeizureDocument, f: SeizureFixture, c: SeizureContext): DocumentContent {
  const e = f.enterprise;
  const team = c.record?.officerIds ?? [];
  const head = base(doc, SEIZURE_DOCUMENTS[doc.type].name, f.authority);
  const decisionNumber = numberOf(c.documents, 'seizureDecision') ?? '';
  const seizedIds = c.decision?.items.map((i) => i.itemId) ?? [];
  const appeal = (act: string, paper: string) => statutoryAppealLine(f.authority, act, paper);
  const officerSignatures = [
    { label: '执法人员（签名）', value: officerNames(f.officers, team) },
    { label: '当事人（签收）', value: '' },
  ];
  /** A decision addressed to the party: one body, the officers' signatures, the seal, two copies. */
  const letter = (lines: string[]): DocumentContent => ({
    ...head,
    addressee: `${e.name}：`,
    sections: [{ lines }],
    signatures: officerSignatures,
    sealed: true,
    note: COPIES,
  });
  /** "本机关于…作出《查封（扣押）决定书》（文号），对你单位的下列财物予以查封：" and the list. */
  const recital = (extra = '') => [
    `本机关于${chineseDate(c.decision!.date)}作出《${SEIZURE_DOCUMENTS.seizureDecision.name}》（${decisionNumber}），对你单位的下列财物予以${holdText(f, seizedIds)}${extra}：`,
    ...c.decision!.items.map((l, i) => listLine(f, l.itemId, l.quantity, i + 1)),
  ];
  switch (doc.type) {
    case 'seizureRecord': {
      const r = c.record!;
      const a = c.approval;
      return {
        ...head,
        sections: [
          {
            fields: [
              { label: '当事人', value: e.name },
              { label: '统一社会信用代码', value: e.uscc },
              { label: '地址', value: e.operatingAddress },
              { label: '主要负责人', value: `${e.principal}（联系电话：${e.principalPhone}）` },
              { label: '实施地点', value: `${e.name}生产经营场所（${e.operatingAddress}）` },
              { label: '实施时间', value: `${dateTime(r.startedAt)}至${chineseTime(r.endedAt.slice(11, 16))}` },
              { label: '执法人员', value: officerCertificates(f.officers, team) },
              {
                label: '批准情况',
                value: r.emergency
                  ? `情况紧急，当场实施，${a ? `已于${dateTime(a.approvedAt)}` : `须在${LEGAL.emergencyApprovalHours.value}小时内`}向本机关负责人报告并补办批准手续`
                  : a
                    ? `已于${dateTime(a.approvedAt)}报经本机关负责人${f.head.name}批准`
                    : '未经批准',
              },
            ],
            lines: [
              `执法人员${officerNames(f.officers, team)}共${team.length}名，已向当事人出示执法身份证件，${r.partyPresent ? `通知当事人到场，当事人主要负责人${e.principal}在场` : `当事人未到场，邀请见证人${r.witness}到场`}。`,
              `执法人员当场告知当事人采取查封、扣押的理由、依据以及当事人依法享有的陈述权、申辩权和申请行政复议、提起行政诉讼的权利（${printed(SEIZURE_LAW.procedure)}）。`,
            ],
          },
          {
            heading: '现场情况及认定',
            lines: f.items.map((item, i) => {
              const found = r.findings.find((x) => x.itemId === item.id);
              return `${i + 1}. ${item.area}：${item.observation}（${item.name}，${item.spec}，共${item.quantity}${item.unit}）——${found ? CATEGORY_LABELS[found.category] : '未认定'}。`;
            }),
          },
          { heading: '当事人陈述和申辩', lines: [r.statement] },
          {
            heading: '签名情况',
            lines: [
              r.signature === 'signed'
                ? `${r.partyPresent ? '当事人' : '见证人'}已核对本笔录并签名。`
                : '当事人拒绝签名，已在笔录中注明。',
            ],
          },
        ],
        signatures: [
          { label: '执法人员（签名）', value: officerNames(f.officers, team) },
          {
            label: r.partyPresent ? '当事人（签名）' : '见证人（签名）',
            value: r.signature === 'signed' ? (r.partyPresent ? e.principal : r.witness) : '拒绝签名',
          },
        ],
        sealed: false,
      };
    }
    case 'seizureDecision': {
      const d = c.decision!;
      const grounds = [...new Set(d.items.map((i) => c.record?.findings.find((x) => x.itemId === i.itemId)?.category))]
        .filter((x) => x !== undefined)
        .map((x) => CATEGORY_LABELS[x]);
      return letter([
        `本机关执法人员于${chineseDate(d.date)}在你单位生产经营场所（${e.operatingAddress}）检查时发现：`,
        ...d.items.map((l, i) => {
          const item = itemOf(f, l.itemId);
          return item ? `${i + 1}. ${item.area}：${item.observation}（${item.basis}）。` : `${i + 1}. ${l.itemId}。`;
        }),
        `上述财物属于${grounds.join('，以及')}。依据${printed(SEIZURE_LAW.power)}和${printed(SEIZURE_LAW.decision)}的规定，本机关决定对上述财物予以${holdText(f, seizedIds)}，财物的名称、数量详见《${SEIZURE_DOCUMENTS.seizureList.name}》（${numberOf(c.documents, 'seizureList') ?? ''}）。`,
        `${holdText(f, seizedIds)}期限为${daysBetween(d.periodStart, d.periodEnd)}日，自${chineseDate(d.periodStart)}起至${chineseDate(d.periodEnd)}止。情况复杂需要延长的，经本机关负责人批准可以延长，但延长期限不超过${LEGAL.seizureExtensionMaxDays.value}日，并书面告知你单位（${printed(SEIZURE_LAW.period)}）。`,
        `${holdText(f, seizedIds)}期间，本机关对上述财物妥善保管，不得使用或者损毁，保管费用由本机关承担（${printed(SEIZURE_LAW.custody)}）${seizedIds.some((id) => itemOf(f, id)?.mode === 'seal') ? '；就地查封的财物，任何单位和个人不得擅自启封、转移、使用或者处置' : ''}。`,
        appeal('决定', '决定书'),
      ]);
    }
    case 'seizureList': {
      const d = c.decision!;
      return {
        ...head,
        sections: [
          {
            fields: [
              { label: '当事人', value: e.name },
              { label: '地址', value: e.operatingAddress },
              { label: '查封（扣押）决定书', value: decisionNumber },
              { label: '查封（扣押）日期', value: chineseDate(d.date) },
            ],
            lines: [],
          },
          {
            heading: '查封（扣押）财物',
            lines: d.items.map((l, i) => listLine(f, l.itemId, l.quantity, i + 1)),
          },
          { lines: ['当事人核对无误后签名。'] },
        ],
        signatures: [
          { label: '执法人员（签名）', value: officerNames(f.officers, team) },
          { label: '当事人（签名）', value: '' },
        ],
        sealed: true,
        note: `本清单一式二份，由当事人和本机关分别保存（${printed(SEIZURE_LAW.decision)}第三款）。`,
      };
    }
    case 'seizureExtension': {
      const d = c.decision!;
      const x = c.extension!;
      return letter([
        `本机关于${chineseDate(d.date)}作出《${SEIZURE_DOCUMENTS.seizureDecision.name}》（${decisionNumber}），对你单位的财物予以${holdText(f, seizedIds)}，期限至${chineseDate(d.periodEnd)}止。`,
        `因${x.reason.replace(/。$/, '')}，情况复杂，经本机关负责人批准，依据${printed(SEIZURE_LAW.period)}第一款的规定，决定将${holdText(f, seizedIds)}期限延长${x.days}日，至${chineseDate(x.until)}止。`,
        appeal('决定', '决定书'),
      ]);
    }
    case 'seizureRelease': {
      const o = c.outcome!;
      const lapsed = o.date > seizureEnd(c)!;
      return letter([
        ...recital(),
        `经查，${o.reason.replace(/。$/, '')}。`,
        `依据${printed(SEIZURE_LAW.release)}第一款第（${lapsed ? '四' : '五'}）项的规定，本机关决定自${chineseDate(o.date)}起解除对上述财物的${holdText(f, seizedIds)}，并立即退还（${printed(SEIZURE_LAW.release)}第二款）。请你单位持本决定书和《${SEIZURE_DOCUMENTS.seizureList.name}》当场核对、签收。`,
      ]);
    }
    case 'seizureDisposal': {
      const o = c.outcome!;
      const x = c.extension;
      return letter([
        ...recital(x ? `，并于${chineseDate(x.date)}延长期限至${chineseDate(x.until)}` : ''),
        `经查，${o.reason.replace(/。$/, '')}。`,
        `违法事实清楚。依据${printed(SEIZURE_LAW.outcome)}${f.outcome.basis ? `和${f.outcome.basis}` : ''}的规定，本机关决定对上述${holdText(f, seizedIds)}的财物予以没收，依法交由有关专业单位处置。`,
        appeal('决定', '决定书'),
      ]);
    }
    default:
      throw new RangeError(`查封扣押流程不开具${String(doc.type satisfies never)}`);
  }
}
