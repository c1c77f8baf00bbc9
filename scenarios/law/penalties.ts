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
