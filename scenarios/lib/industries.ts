/** 国民经济行业分类 (GB/T 4754-2017, excerpt) and the 监管行业 each falls under for 工贸 supervision. */

export type SupervisedSector =
  '冶金' | '有色' | '建材' | '机械' | '轻工' | '纺织' | '烟草' | '商贸' | '危险化学品' | '非煤矿山' | '烟花爆竹';

export const SUPERVISED_SECTORS: readonly SupervisedSector[] = [
  '冶金',
  '有色',
  '建材',
  '机械',
  '轻工',
  '纺织',
  '烟草',
  '商贸',
  '危险化学品',
  '非煤矿山',
  '烟花爆竹',
];

export interface Industry {
  code: string;
  name: string;
  sector: SupervisedSector;
}

export const INDUSTRIES: readonly Industry[] = [
  { code: 'C1353', name: '肉制品及副产品加工', sector: '轻工' },
  { code: 'C1361', name: '水产品冷冻加工', sector: '轻工' },
  { code: 'C1512', name: '白酒制造', sector: '轻工' },
  { code: 'C2110', name: '木质家具制造', sector: '轻工' },
  { code: 'C2221', name: '机制纸及纸板制造', sector: '轻工' },
  { code: 'C1711', name: '棉纺纱加工', sector: '纺织' },
  { code: 'C3120', name: '炼钢', sector: '冶金' },
  { code: 'C3252', name: '铝压延加工', sector: '有色' },
  { code: 'C3311', name: '金属结构制造', sector: '机械' },
  { code: 'C3011', name: '水泥制造', sector: '建材' },
  { code: 'C3021', name: '水泥制品制造', sector: '建材' },
  { code: 'F5211', name: '百货零售', sector: '商贸' },
  { code: 'C2614', name: '有机化学原料制造', sector: '危险化学品' },
  { code: 'G5942', name: '危险化学品仓储', sector: '危险化学品' },
  // Codes and names: GB/T 4754-2017 小类 (checked against a transcription of the standard's code table).
  // 监管行业: 应急管理部办公厅《冶金有色建材机械轻工纺织烟草商贸行业安全监管分类标准（试行）》
  // (应急厅〔2019〕17号): 冶金 is division 31 only and 机械 divisions 33–40 and 43, so 炼焦 (25) is not 冶金;
  // coking plants produce 煤焦油、粗苯、焦炉煤气 and are supervised as 危险化学品 enterprises. 造纸和纸制品业 (22)
  // is 轻工 and 餐饮业 (62) 商贸 in the same standard.
  { code: 'C2231', name: '纸和纸板容器制造', sector: '轻工' },
  { code: 'C2521', name: '炼焦', sector: '危险化学品' },
  { code: 'C3389', name: '其他金属制日用品制造', sector: '机械' },
  { code: 'C3411', name: '锅炉及辅助设备制造', sector: '机械' },
  { code: 'C3431', name: '轻小型起重设备制造', sector: '机械' },
  { code: 'H6291', name: '小吃服务', sector: '商贸' },
];

export function industryByCode(code: string): Industry | undefined {
  return INDUSTRIES.find((i) => i.code === code);
}

export function industryOptions() {
  return INDUSTRIES.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }));
}

export function sectorOptions() {
  return SUPERVISED_SECTORS.map((s) => ({ value: s, label: s }));
}

export type EnterpriseScale = '大型' | '中型' | '小型' | '微型';
export const SCALES: readonly EnterpriseScale[] = ['大型', '中型', '小型', '微型'];

/**
 * Size class from staff count for industry (统计上大中小微型企业划分办法 2017: 工业 large ≥1000,
 * medium ≥300, small ≥20, micro below); revenue is not simulated, so staff decides.
 */
export function scaleForEmployees(employees: number): EnterpriseScale {
  if (employees >= 1000) return '大型';
  if (employees >= 300) return '中型';
  if (employees >= 20) return '小型';
  return '微型';
}

/** Flags that select the special checklists (专项类). */
export const SPECIAL_FLAGS = [
  { value: 'dust', label: '粉尘涉爆' },
  { value: 'confinedSpace', label: '有限空间作业' },
  { value: 'ammonia', label: '涉氨制冷' },
  { value: 'majorHazardSource', label: '重大危险源' },
  { value: 'metallurgy', label: '金属冶炼' },
] as const;
export type SpecialFlag = (typeof SPECIAL_FLAGS)[number]['value'];

/** Risk classes; the scheme varies by province, the drill uses A (highest) to D. */
export const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/**
 * The drill's risk-class rule (分级分类 differs by province; this is the training rule, stated in
 * each scenario's materials): A for metal smelting or a major hazard source, B for dust explosion or
 * ammonia refrigeration, C for confined-space work only, D otherwise.
 */
export function riskClassFor(flags: readonly SpecialFlag[]): RiskClass {
  if (flags.includes('metallurgy') || flags.includes('majorHazardSource')) return 'A';
  if (flags.includes('dust') || flags.includes('ammonia')) return 'B';
  if (flags.includes('confinedSpace')) return 'C';
  return 'D';
}

export const RISK_RULE_TEXT =
  '本练兵的分级规则：涉及金属冶炼或重大危险源为A级；粉尘涉爆或涉氨制冷为B级；仅涉及有限空间作业为C级；其他为D级（各省分级分类办法不同）。';
