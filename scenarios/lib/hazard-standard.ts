/**
 * The 重大事故隐患 judgment standards used by the drills, each item knowing its standard, its clause and
 * how it is cited:
 * - 《工贸企业重大事故隐患判定标准》(应急管理部令第10号, in force 2023-05-15), cited as 第X条第（Y）项;
 * - 《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》(安监总管三〔2017〕121号), whose
 *   20 items are numbered 一 to 二十, cited as 第Y项.
 * The 2023 standard's 第二条 limits it to 冶金、有色、建材、机械、轻工、纺织、烟草、商贸 enterprises and leaves
 * 危险化学品 to its own rules, so an enterprise is judged under exactly one of them (`standardOf`).
 */

export type StandardId = 'gm2023' | 'hc2017';

export interface HazardStandard {
  id: StandardId;
  /** The title in 《》. */
  title: string;
  /** The instrument's number, e.g. 应急管理部令第10号. */
  number: string;
  /** The enterprises it applies to (for refusals and help texts). */
  appliesTo: string;
}

export const STANDARDS: Record<StandardId, HazardStandard> = {
  gm2023: {
    id: 'gm2023',
    title: '《工贸企业重大事故隐患判定标准》',
    number: '应急管理部令第10号',
    appliesTo: '冶金、有色、建材、机械、轻工、纺织、烟草、商贸等工贸企业（第二条）',
  },
  hc2017: {
    id: 'hc2017',
    title: '《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》',
    number: '安监总管三〔2017〕121号',
    appliesTo: '化工和危险化学品生产经营单位',
  },
};

/** The standard's title with its number, as a rubric or document cites the whole standard. */
export const standardReference = (id: StandardId) => `${STANDARDS[id].title}（${STANDARDS[id].number}）`;

export type StandardGroup = '管理类' | '冶金' | '粉尘防爆' | '液氨制冷' | '有限空间' | '化工和危险化学品';

export interface StandardItem {
  id: string;
  standard: StandardId;
  group: StandardGroup;
  text: string;
  citation: string;
}

const STD = STANDARDS.gm2023.title;

/**
 * The article that lists each group's items, and the standard the group belongs to. 第三条 and 第四条
 * are verified in the text (domain-reference.md S6; 第四条（一）至（四） also in the 2023-06-01 reprint,
 * anzhuopai.com/szb/pc/col/202306/01/content_202904.html). 第十一条 (粉尘), 第十二条 (液氨), 第十三条
 * (有限空间) are taken from the opening line of each article as quoted verbatim from 《国务院公报》2023年
 * 第19号 in a third party's check (github.com/PerryLink/dsh-hidden-risk-map, rules/evidence); we did not
 * read the gazette ourselves. The same source gives 第十四条 (monitoring and alarm devices out of order
 * count as major hazards) and 第十五条 (in force; repeals the 2017 standard). Item numbers (Y) follow S6's
 * fragments. The 121号 items are listed in the notice as 一 to 二十 (S7); their wording here follows the
 * full list seen in public code (domain-reference.md C3).
 */
const GROUPS: Record<StandardGroup, { standard: StandardId; article: string }> = {
  管理类: { standard: 'gm2023', article: '第三条' },
  冶金: { standard: 'gm2023', article: '第四条' },
  粉尘防爆: { standard: 'gm2023', article: '第十一条' },
  液氨制冷: { standard: 'gm2023', article: '第十二条' },
  有限空间: { standard: 'gm2023', article: '第十三条' },
  化工和危险化学品: { standard: 'hc2017', article: '' },
};
const cite = (group: Exclude<StandardGroup, '化工和危险化学品'>, item: string) =>
  `${STD}${GROUPS[group].article}第（${item}）项`;
const gm = (id: string, group: Exclude<StandardGroup, '化工和危险化学品'>, item: string, text: string) => ({
  id,
  standard: 'gm2023' as const,
  group,
  text,
  citation: cite(group, item),
});
const hc = (id: string, item: string, text: string): StandardItem => ({
  id,
  standard: 'hc2017',
  group: '化工和危险化学品',
  text,
  citation: `${STANDARDS.hc2017.title}第${item}项`,
});

export const STANDARD_ITEMS: readonly StandardItem[] = [
  gm('G1', '管理类', '一', '未对承包单位、承租单位的安全生产工作统一协调、管理，或者未定期进行安全检查'),
  gm('G2', '管理类', '二', '特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业'),
  gm('G3', '管理类', '三', '金属冶炼企业主要负责人、安全生产管理人员未按照规定经考核合格'),
  gm(
    'M1',
    '冶金',
    '一',
    '会议室、活动室、休息室、操作室、交接班室、更衣室（含澡堂）等6类人员聚集场所，以及钢铁水罐冷（热）修工位设置在铁水、钢水、液渣吊运跨的地坪区域内',
  ),
  gm(
    'M2',
    '冶金',
    '二',
    '生产期间冶炼、精炼和铸造生产区域的事故坑、炉下渣坑，以及熔融金属泄漏和喷溅影响范围内的炉前平台、炉基区域、厂房内吊运和地面运输通道等6类区域存在积水',
  ),
  gm(
    'M3',
    '冶金',
    '三',
    '炼钢连铸流程未设置事故钢水罐、中间罐漏钢坑（槽）、中间罐溢流坑（槽）、漏钢回转溜槽，或者模铸流程未设置事故钢水罐（坑、槽）',
  ),
  gm(
    'M4',
    '冶金',
    '四',
    '转炉、电弧炉、AOD炉、LF炉、RH炉、VOD炉等炼钢炉的水冷元件未设置出水温度、进出水流量差等监测报警装置，或者监测报警装置未与炉体倾动、氧（副）枪自动提升、电极自动断电和升起装置联锁',
  ),
  gm(
    'D1',
    '粉尘防爆',
    '一',
    '粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内，或者粉尘爆炸危险场所内设有员工宿舍、会议室、办公室、休息室等人员聚集场所',
  ),
  gm(
    'D2',
    '粉尘防爆',
    '二',
    '不同类别的可燃性粉尘、可燃性粉尘与可燃气体等易加剧爆炸危险的介质共用一套除尘系统，或者不同建（构）筑物、不同防火分区共用一套除尘系统、除尘系统互联互通',
  ),
  gm('D3', '粉尘防爆', '三', '干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施'),
  gm(
    'D4',
    '粉尘防爆',
    '四',
    '铝镁等金属粉尘除尘系统采用正压除尘方式，或者其他可燃性粉尘除尘系统采用正压吹送粉尘时，未采取火花探测消除等防范点燃源措施',
  ),
  gm('D7', '粉尘防爆', '七', '除尘器、收尘仓等划分为20区的粉尘爆炸危险场所电气设备不符合防爆要求'),
  gm('D10', '粉尘防爆', '十', '未落实粉尘清理制度，造成作业现场积尘严重'),
  gm('A1', '液氨制冷', '一', '包装、分割、产品整理场所的空调系统采用氨直接蒸发制冷'),
  gm('A2', '液氨制冷', '二', '快速冻结装置未设置在单独的作业间内，或者作业间内作业人员数量超过9人'),
  gm('C1', '有限空间', '一', '未对有限空间进行辨识、建立安全管理台账，并且未设置明显的安全警示标志'),
  gm(
    'C2',
    '有限空间',
    '二',
    '未落实有限空间作业审批，或者未执行"先通风、再检测、后作业"要求，或者作业现场未设置监护人员',
  ),
  hc('H1', '一', '危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格'),
  hc('H2', '二', '特种作业人员未持证上岗'),
  hc(
    'H4',
    '四',
    '涉及重点监管危险化工工艺的装置未实现自动化控制，系统未实现紧急停车功能，装备的自动化控制系统、紧急停车系统未投入使用',
  ),
  hc(
    'H5',
    '五',
    '构成一级、二级重大危险源的危险化学品罐区未实现紧急切断功能；涉及毒性气体、液化气体、剧毒液体的一级、二级重大危险源的危险化学品罐区未配备独立的安全仪表系统',
  ),
  hc(
    'H12',
    '十二',
    '涉及可燃和有毒有害气体泄漏的场所未按国家标准设置检测报警装置，爆炸危险场所未按国家标准安装使用防爆电气设备',
  ),
  hc('H15', '十五', '安全阀、爆破片等安全附件未正常投用'),
  hc('H18', '十八', '未按照国家标准制定动火、进入受限空间等特殊作业管理制度，或者制度未有效执行'),
  hc('H20', '二十', '未按国家标准分区分类储存危险化学品，超量、超品种储存危险化学品，相互禁配物质混放混存'),
];

export function findStandardItem(id: string): StandardItem | undefined {
  return STANDARD_ITEMS.find((i) => i.id === id);
}

export function standardItem(id: string): StandardItem {
  const item = findStandardItem(id);
  if (!item) throw new RangeError(`unknown standard item ${id}`);
  return item;
}

/**
 * The one standard an enterprise whose checklists are `groups` is judged under; groups of two standards
 * together are a fixture error (第二条 of the 2023 standard: 危险化学品 has its own rules).
 */
export function standardOf(groups: readonly StandardGroup[]): StandardId {
  const standards = new Set(groups.map((g) => GROUPS[g].standard));
  if (standards.size !== 1) throw new RangeError(`clause groups ${groups.join('、')} are not of one standard`);
  return [...standards][0]!;
}

/** The clause choices for an enterprise: the items of its groups, all of the one standard that applies. */
export function standardOptions(groups: readonly StandardGroup[]) {
  standardOf(groups);
  return STANDARD_ITEMS.filter((i) => groups.includes(i.group)).map((i) => ({
    value: i.id,
    label: `${i.group}：${i.text}`,
  }));
}
