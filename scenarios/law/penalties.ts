/**
 * Penalty articles of 《安全生产法》(2021) used by the drills, with their fine ranges. Ranges read
 * "以上、以下" as including the figure itself (全国人大常委会法工委《立法技术规范（试行）（一）》), and a
 * fine "X元以下" must still be more than zero. See docs/decisions/102-fine-ranges.md.
 */

export type ArticleId = 'art97' | 'art99' | 'art101' | 'art102';
export type TierId = 'first' | 'uncorrected';

export interface PenaltyTier {
  id: TierId;
  label: string;
  /** Smallest fine allowed (exclusive when `minExclusive`). */
  min: number;
  minExclusive: boolean;
  /** Largest fine allowed, inclusive; null when this tier has no fine on the unit. */
  max: number | null;
  /** Whether this tier includes 停产停业整顿 (always carries the right to a hearing). */
  suspension: boolean | 'ifSerious';
}

export interface PenaltyArticle {
  id: ArticleId;
  citation: string;
  short: string;
  violation: string;
  tiers: readonly PenaltyTier[];
  /** The fine range on the directly responsible persons in the uncorrected tier. */
  personRange: readonly [number, number] | null;
}

export const PENALTY_ARTICLES: Record<ArticleId, PenaltyArticle> = {
  art97: {
    id: 'art97',
    citation: '《安全生产法》第九十七条',
    short: '第九十七条',
    violation: '未按规定配备安全生产管理人员、未进行安全生产教育和培训、特种作业人员未取得相应资格上岗作业等',
    tiers: [
      {
        id: 'first',
        label: '责令限期改正，处十万元以下的罚款',
        min: 0,
        minExclusive: true,
        max: 100_000,
        suspension: false,
      },
      {
        id: 'uncorrected',
        label: '逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款',
        min: 100_000,
        minExclusive: false,
        max: 200_000,
        suspension: true,
      },
    ],
    personRange: [20_000, 50_000],
  },
  art99: {
    id: 'art99',
    citation: '《安全生产法》第九十九条',
    short: '第九十九条',
    violation: '未设置明显的安全警示标志、安全设备不符合标准或未经常性维护检测、未提供符合标准的劳动防护用品等',
    tiers: [
      {
        id: 'first',
        label: '责令限期改正，处五万元以下的罚款',
        min: 0,
        minExclusive: true,
        max: 50_000,
        suspension: false,
      },
      {
        id: 'uncorrected',
        label: '逾期未改正的，处五万元以上二十万元以下的罚款；情节严重的，责令停产停业整顿',
        min: 50_000,
        minExclusive: false,
        max: 200_000,
        suspension: 'ifSerious',
      },
    ],
    personRange: [10_000, 20_000],
  },
  art101: {
    id: 'art101',
    citation: '《安全生产法》第一百零一条',
    short: '第一百零一条',
    violation: '重大危险源未登记建档、未建立安全风险分级管控制度或事故隐患排查治理制度等',
    tiers: [
      {
        id: 'first',
        label: '责令限期改正，处十万元以下的罚款',
        min: 0,
        minExclusive: true,
        max: 100_000,
        suspension: false,
      },
      {
        id: 'uncorrected',
        label: '逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款',
        min: 100_000,
        minExclusive: false,
        max: 200_000,
        suspension: true,
      },
    ],
    personRange: [20_000, 50_000],
  },
  art102: {
    id: 'art102',
    citation: '《安全生产法》第一百零二条',
    short: '第一百零二条',
    violation: '未采取措施消除事故隐患',
    tiers: [
      {
        id: 'first',
        label: '责令立即消除或者限期消除，处五万元以下的罚款',
        min: 0,
        minExclusive: true,
        max: 50_000,
        suspension: false,
      },
      {
        id: 'uncorrected',
        label: '拒不执行的，责令停产停业整顿（单位罚款仍在五万元以下）',
        min: 0,
        minExclusive: true,
        max: 50_000,
        suspension: true,
      },
    ],
    personRange: [50_000, 100_000],
  },
};

export const ARTICLE_IDS = Object.keys(PENALTY_ARTICLES) as ArticleId[];

export function articleOptions() {
  return ARTICLE_IDS.map((id) => ({
    value: id,
    label: `${PENALTY_ARTICLES[id].citation}（${PENALTY_ARTICLES[id].violation}）`,
  }));
}

export const TIER_OPTIONS = [
  { value: 'first', label: '首次责令改正（第一档）' },
  { value: 'uncorrected', label: '逾期未改正/拒不执行（第二档）' },
];

/** Why `amount` is outside the article's range for the tier, or null when it is inside. */
export function fineRangeProblem(articleId: ArticleId, tierId: TierId, amount: number): string | null {
  const article = PENALTY_ARTICLES[articleId];
  const tier = article.tiers.find((t) => t.id === tierId);
  if (!tier) return `${article.citation}没有该处罚档次`;
  if (tier.max === null) return `${article.citation}该档次不处单位罚款`;
  const belowMin = tier.minExclusive ? amount <= tier.min : amount < tier.min;
  if (belowMin || amount > tier.max) {
    const range = tier.minExclusive ? `${yuan(tier.max)}以下` : `${yuan(tier.min)}以上${yuan(tier.max)}以下`;
    return `罚款金额${yuan(amount)}超出${article.citation}规定的幅度（${range}）`;
  }
  return null;
}

/** 行政处罚法 第63条: fines of a 较大数额, and 停产停业, carry the right to a hearing. */
export function hearingRightApplies(articleId: ArticleId, tierId: TierId, amount: number, threshold: number): boolean {
  const tier = PENALTY_ARTICLES[articleId].tiers.find((t) => t.id === tierId);
  return amount >= threshold || tier?.suspension === true;
}

export function yuan(amount: number): string {
  if (amount >= 10_000 && amount % 10_000 === 0) return `${amount / 10_000}万元`;
  return `${amount.toLocaleString('en-US')}元`;
}

export type ViolationId =
  | 'ppeNotProvided'
  | 'safetyDeviceDisabled'
  | 'uncertifiedSpecialOperators'
  | 'trainingNotRecorded'
  | 'warningSignsMissing'
  | 'equipmentNotMaintained'
  | 'hazardNotEliminated';

/**
 * A violation as a case cites it: the duty provision it breaks (涉嫌违反的条款, printed on the 立案审批表,
 * 告知书 and 决定书) and the penalty provision with its 项 (处罚依据). Texts checked against
 * 《安全生产法》(2021-06-10 修正) [V:S1 in shared/domain-reference.md].
 */
export interface Violation {
  id: ViolationId;
  /** 违法行为, as a 案由 reads. */
  act: string;
  /** The duty provision, e.g. 《中华人民共和国安全生产法》第四十五条. */
  duty: string;
  articleId: ArticleId;
  /** The 项 of the penalty article that names the act, e.g. 五 for 第九十九条第（五）项; null when the article has none. */
  item: string | null;
}

const LAW = '《中华人民共和国安全生产法》';

export const VIOLATIONS: Record<ViolationId, Violation> = {
  ppeNotProvided: {
    id: 'ppeNotProvided',
    act: '未为从业人员提供符合国家标准或者行业标准的劳动防护用品',
    duty: `${LAW}第四十五条`,
    articleId: 'art99',
    item: '五',
  },
  safetyDeviceDisabled: {
    id: 'safetyDeviceDisabled',
    act: '关闭直接关系生产安全的监控、报警、防护、救生设备、设施',
    duty: `${LAW}第三十六条第三款`,
    articleId: 'art99',
    item: '四',
  },
  uncertifiedSpecialOperators: {
    id: 'uncertifiedSpecialOperators',
    act: '特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业',
    duty: `${LAW}第三十条第一款`,
    articleId: 'art97',
    item: '七',
  },
  trainingNotRecorded: {
    id: 'trainingNotRecorded',
    act: '未如实记录安全生产教育和培训情况',
    duty: `${LAW}第二十八条第四款`,
    articleId: 'art97',
    item: '四',
  },
  warningSignsMissing: {
    id: 'warningSignsMissing',
    act: '未在有较大危险因素的生产经营场所和有关设施、设备上设置明显的安全警示标志',
    duty: `${LAW}第三十五条`,
    articleId: 'art99',
    item: '一',
  },
  equipmentNotMaintained: {
    id: 'equipmentNotMaintained',
    act: '未对安全设备进行经常性维护、保养和定期检测',
    duty: `${LAW}第三十六条第二款`,
    articleId: 'art99',
    item: '三',
  },
  hazardNotEliminated: {
    id: 'hazardNotEliminated',
    act: '未采取措施消除事故隐患',
    duty: `${LAW}第四十一条第二款`,
    articleId: 'art102',
    item: null,
  },
};

export const VIOLATION_IDS = Object.keys(VIOLATIONS) as ViolationId[];

export function violationOptions() {
  return VIOLATION_IDS.map((id) => ({
    value: id,
    label: `${VIOLATIONS[id].act}（违反${VIOLATIONS[id].duty.replace(LAW, '《安全生产法》')}）`,
  }));
}

/**
 * The penalty basis as a document prints it: the article with the 项 that names the act when the
 * article is the one the violation calls for, otherwise the bare article (a wrong article shows as
 * chosen, as it would on paper).
 */
export function penaltyBasis(violationId: ViolationId | null, articleId: ArticleId): string {
  const violation = violationId ? VIOLATIONS[violationId] : null;
  const article = `${LAW}${PENALTY_ARTICLES[articleId].short}`;
  return violation && violation.articleId === articleId && violation.item
    ? `${article}第（${violation.item}）项`
    : article;
}

// ── 简易程序 当场处罚 (scenarios/workflows/summary) ─────────────────────────────────────────────

/** Violations a 当场处罚 drill may name: the catalogue's, and those only the summary drills use. */
export type SummaryViolationId = ViolationId | 'cateringGasAlarmMissing';

export interface SummaryViolation extends Omit<Violation, 'id'> {
  id: SummaryViolationId;
}

/**
 * The catalogue with the summary drills' own entries. 第三十六条第四款 and 第九十九条第（八）项 were added by
 * the 2021 amendment (checked against the text in force since 2021-09-01).
 */
export const SUMMARY_VIOLATIONS: Record<SummaryViolationId, SummaryViolation> = {
  ...VIOLATIONS,
  cateringGasAlarmMissing: {
    id: 'cateringGasAlarmMissing',
    act: '餐饮等行业的生产经营单位使用燃气未安装可燃气体报警装置',
    duty: `${LAW}第三十六条第四款`,
    articleId: 'art99',
    item: '八',
  },
};

export const SUMMARY_VIOLATION_IDS = Object.keys(SUMMARY_VIOLATIONS) as SummaryViolationId[];

export function summaryViolationOptions() {
  return SUMMARY_VIOLATION_IDS.map((id) => ({
    value: id,
    label: `${SUMMARY_VIOLATIONS[id].act}（违反${SUMMARY_VIOLATIONS[id].duty.replace(LAW, '《安全生产法》')}）`,
  }));
}

/** 处罚依据 of a summary violation with its 项: 《中华人民共和国安全生产法》第九十九条第（八）项. */
export function summaryPenaltyBasis(id: SummaryViolationId): string {
  const v = SUMMARY_VIOLATIONS[id];
  return `${LAW}${PENALTY_ARTICLES[v.articleId].short}${v.item ? `第（${v.item}）项` : ''}`;
}

/**
 * Whether the article provides 警告. None of 第九十七、九十九、一百零一、一百零二条 (2021) does: each reads
 * "责令限期改正，处…以下的罚款", so a 警告 under them has no legal basis (《行政处罚法》第四条、第三十八条).
 */
export const ARTICLE_PROVIDES_WARNING: Record<ArticleId, boolean> = {
  art97: false,
  art99: false,
  art101: false,
  art102: false,
};
// ---------------------------------------------------------------------------------------------------------
// Decisions with substance (issue 14): 从轻、减轻 (《行政处罚法》第三十二条), 不予处罚 (第三十三条), fines on the
// responsible persons beside the unit (双罚, the `personRange` of each article above), 案件移送 (第二十七条).
// ---------------------------------------------------------------------------------------------------------

/** What the decision does with the range: an ordinary fine, 从轻 (lower part of the range) or 减轻 (below it). */
export type PenaltyKind = 'penalty' | 'lighter' | 'mitigated';
export const PENALTY_KINDS = ['penalty', 'lighter', 'mitigated'] as const satisfies readonly PenaltyKind[];
export const PENALTY_KIND_LABELS: Record<PenaltyKind, string> = {
  penalty: '在法定幅度内处罚',
  lighter: '从轻处罚（法定幅度内的较低部分）',
  mitigated: '减轻处罚（法定幅度的下限以下）',
};

/** 《行政处罚法》第三十二条: the circumstances in which a penalty 应当从轻或者减轻. */
export type MitigationId = 'eliminated' | 'coerced' | 'confessed' | 'meritorious' | 'other';
export const MITIGATIONS: Record<MitigationId, { label: string; item: string }> = {
  eliminated: { label: '主动消除或者减轻违法行为危害后果', item: '（一）' },
  coerced: { label: '受他人胁迫或者诱骗实施违法行为', item: '（二）' },
  confessed: { label: '主动供述行政机关尚未掌握的违法行为', item: '（三）' },
  meritorious: { label: '配合行政机关查处违法行为有立功表现', item: '（四）' },
  other: { label: '法律、法规、规章规定其他应当从轻或者减轻行政处罚的', item: '（五）' },
};
export const MITIGATION_IDS = Object.keys(MITIGATIONS) as MitigationId[];
export const mitigationCitation = (id: MitigationId) => `《行政处罚法》第三十二条第${MITIGATIONS[id].item}项`;

/** The tier's floor that 减轻 goes below; null when the tier reads "X元以下" and has no floor to go below. */
export function tierFloor(articleId: ArticleId, tierId: TierId): number | null {
  const tier = PENALTY_ARTICLES[articleId].tiers.find((t) => t.id === tierId);
  return tier && !tier.minExclusive && tier.min > 0 ? tier.min : null;
}

/**
 * Why the unit's fine does not fit the kind of decision, or null. 从轻 stays inside the range, in its
 * lower part (`lighterShare` of the span from the floor); 减轻 goes below the floor and stays above zero.
 * Both need a circumstance of 第三十二条; an ordinary penalty with such a circumstance found is refused,
 * since the article says 应当.
 */
export function decisionAmountProblem(
  articleId: ArticleId,
  tierId: TierId,
  kind: PenaltyKind,
  mitigation: MitigationId | null,
  amount: number,
  lighterShare: number,
): string | null {
  const article = PENALTY_ARTICLES[articleId];
  const tier = article.tiers.find((t) => t.id === tierId);
  if (!tier || tier.max === null) return fineRangeProblem(articleId, tierId, amount);
  if (kind === 'penalty') {
    if (mitigation)
      return `认定了${mitigationCitation(mitigation)}的情形（${MITIGATIONS[mitigation].label}），应当从轻或者减轻处罚`;
    return fineRangeProblem(articleId, tierId, amount);
  }
  if (!mitigation)
    return `从轻、减轻处罚须有《行政处罚法》第三十二条规定的情形（如主动消除或者减轻违法行为危害后果），须写明所依据的情形`;
  if (kind === 'lighter') {
    const range = fineRangeProblem(articleId, tierId, amount);
    if (range) return `从轻处罚在法定幅度内适用：${range}`;
    const top = lighterCeiling(articleId, tierId, lighterShare)!;
    if (amount > top)
      return `从轻处罚应在法定幅度的较低部分（${yuan(top)}以下）确定罚款金额（《行政处罚法》第三十二条；裁量基准）`;
    return null;
  }
  const floor = tierFloor(articleId, tierId);
  if (floor === null)
    return `${article.citation}该档次为"${yuan(tier.max)}以下"，没有可低于的下限，不能减轻处罚，可以从轻处罚`;
  if (amount >= floor) return `减轻处罚应在法定下限（${yuan(floor)}）以下确定罚款金额（《行政处罚法》第三十二条）`;
  if (amount <= 0) return '减轻处罚的罚款金额须大于零';
  return null;
}

/** The highest fine that still counts as 从轻 (the lower part of the range). */
export function lighterCeiling(articleId: ArticleId, tierId: TierId, lighterShare: number): number | null {
  const tier = PENALTY_ARTICLES[articleId].tiers.find((t) => t.id === tierId);
  if (!tier || tier.max === null) return null;
  return Math.floor(tier.min + (tier.max - tier.min) * lighterShare);
}

/** Whether the tier fines the directly responsible persons beside the unit (双罚). */
export function personFinesApply(articleId: ArticleId, tierId: TierId): boolean {
  return tierId === 'uncorrected' && PENALTY_ARTICLES[articleId].personRange !== null;
}

/** Why a fine on a responsible person is unlawful under the article and tier, or null. */
export function personFineProblem(articleId: ArticleId, tierId: TierId, amount: number): string | null {
  const article = PENALTY_ARTICLES[articleId];
  if (!personFinesApply(articleId, tierId) || !article.personRange)
    return `${article.citation}该档次不对直接负责的主管人员和其他直接责任人员处罚款（《行政处罚法》第四条：处罚须有法定依据）`;
  const [min, max] = article.personRange;
  if (amount < min || amount > max)
    return `对个人的罚款${yuan(amount)}超出${article.citation}规定的幅度（对直接负责的主管人员和其他直接责任人员处${yuan(min)}以上${yuan(max)}以下）`;
  return null;
}

/** 《行政处罚法》第三十三条第一款: the two grounds for 不予行政处罚. */
export type NoPenaltyGround = 'minorNoHarm' | 'firstOffence';
export const NO_PENALTY_GROUNDS: Record<NoPenaltyGround, { label: string; citation: string; mandatory: boolean }> = {
  minorNoHarm: {
    label: '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚',
    citation: '《行政处罚法》第三十三条第一款前段',
    mandatory: true,
  },
  firstOffence: {
    label: '初次违法且危害后果轻微并及时改正的，可以不予行政处罚',
    citation: '《行政处罚法》第三十三条第一款后段',
    mandatory: false,
  },
};
export const NO_PENALTY_GROUND_IDS = Object.keys(NO_PENALTY_GROUNDS) as NoPenaltyGround[];
export type Harm = 'none' | 'minor' | 'serious';
export const HARM_LABELS: Record<Harm, string> = {
  none: '没有造成危害后果',
  minor: '危害后果轻微',
  serious: '造成了较重的危害后果',
};

/** The facts on which 不予处罚 turns, as the investigation found them. */
export interface NoPenaltyFindings {
  minor: boolean;
  firstOffence: boolean;
  correctedInTime: boolean;
  harm: Harm;
}

/** Why the findings do not support the ground of 不予处罚, or null. */
export function noPenaltyProblem(ground: NoPenaltyGround, f: NoPenaltyFindings): string | null {
  const g = NO_PENALTY_GROUNDS[ground];
  if (!f.correctedInTime) return `当事人未及时改正违法行为，不符合${g.citation}不予处罚的条件`;
  if (ground === 'minorNoHarm') {
    if (!f.minor) return `违法行为并非轻微，不符合${g.citation}不予处罚的条件`;
    if (f.harm !== 'none') return `违法行为造成了危害后果，不符合${g.citation}"没有造成危害后果"的条件`;
    return null;
  }
  if (!f.firstOffence) return `当事人并非初次违法，不符合${g.citation}不予处罚的条件`;
  if (f.harm === 'serious') return `危害后果并非轻微，不符合${g.citation}不予处罚的条件`;
  return null;
}

/** The ground the law makes mandatory for the facts, else the discretionary one, else none. */
export function noPenaltyGroundFor(f: NoPenaltyFindings): NoPenaltyGround | null {
  if (noPenaltyProblem('minorNoHarm', f) === null) return 'minorNoHarm';
  if (noPenaltyProblem('firstOffence', f) === null) return 'firstOffence';
  return null;
}

/** Crimes an 应急 case may have to be transferred for (《行政处罚法》第二十七条第一款). */
export type CrimeId = 'dangerousOperation' | 'majorLiabilityAccident';
export const CRIMES: Record<CrimeId, { name: string; citation: string; elements: string }> = {
  dangerousOperation: {
    name: '危险作业罪',
    citation: '《中华人民共和国刑法》第一百三十四条之一第（一）项',
    elements:
      '在生产、作业中违反有关安全管理的规定，关闭、破坏直接关系生产安全的监控、报警、防护、救生设备、设施，具有发生重大伤亡事故或者其他严重后果的现实危险',
  },
  majorLiabilityAccident: {
    name: '重大责任事故罪',
    citation: '《中华人民共和国刑法》第一百三十四条第一款',
    elements: '在生产、作业中违反有关安全管理的规定，因而发生重大伤亡事故或者造成其他严重后果',
  },
};
export const CRIME_IDS = Object.keys(CRIMES) as CrimeId[];

/** Materials attached to a transfer (《行政执法机关移送涉嫌犯罪案件的规定》第六条). */
export type TransferMaterial = 'report' | 'evidence' | 'items' | 'expertise';
export const TRANSFER_MATERIALS: Record<TransferMaterial, string> = {
  report: '涉嫌犯罪案件情况的调查报告',
  evidence: '现场检查笔录、询问笔录、照片等有关涉嫌犯罪的材料',
  items: '涉案物品清单',
  expertise: '有关检验报告或者鉴定结论',
};
export const TRANSFER_MATERIAL_IDS = Object.keys(TRANSFER_MATERIALS) as TransferMaterial[];
/** What every transfer of an 应急 case must carry (the list and the expert opinion only where there are any). */
export const REQUIRED_TRANSFER_MATERIALS: readonly TransferMaterial[] = ['report', 'evidence'];
