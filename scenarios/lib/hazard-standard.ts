/**
 * Items of 《工贸企业重大事故隐患判定标准》(应急管理部令第10号, in force 2023-05-15) used by the
 * drills, cited as 第X条第（Y）项. The article of each group is written once, in ARTICLES.
 */

export interface StandardItem {
  id: string;
  group: '管理类' | '冶金' | '粉尘防爆' | '液氨制冷' | '有限空间';
  text: string;
  citation: string;
}

const STD = '《工贸企业重大事故隐患判定标准》';

/**
 * The article that lists each group's items. 第三条 and 第四条 are verified in the text
 * (domain-reference.md S6). 第十一条 (粉尘), 第十二条 (液氨), 第十三条 (有限空间) are taken from the
 * opening line of each article as quoted verbatim from 《国务院公报》2023年第19号 in a third party's
 * check (github.com/PerryLink/dsh-hidden-risk-map, rules/evidence); we did not read the gazette
 * ourselves. The same source gives 第十四条 (monitoring and alarm devices out of order count as major
 * hazards) and 第十五条 (in force; repeals the 2017 standard). Item numbers (Y) follow S6's fragments.
 */
const ARTICLES: Record<StandardItem['group'], string> = {
  管理类: '第三条',
  冶金: '第四条',
  粉尘防爆: '第十一条',
  液氨制冷: '第十二条',
  有限空间: '第十三条',
};
const cite = (group: StandardItem['group'], item: string) => `${STD}${ARTICLES[group]}第（${item}）项`;

export const STANDARD_ITEMS: readonly StandardItem[] = [
  {
    id: 'G1',
    group: '管理类',
    text: '未对承包单位、承租单位的安全生产工作统一协调、管理，或者未定期进行安全检查',
    citation: cite('管理类', '一'),
  },
  {
    id: 'G2',
    group: '管理类',
    text: '特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业',
    citation: cite('管理类', '二'),
  },
  {
    id: 'G3',
    group: '管理类',
    text: '金属冶炼企业主要负责人、安全生产管理人员未按照规定经考核合格',
    citation: cite('管理类', '三'),
  },
  {
    id: 'M1',
    group: '冶金',
    text: '会议室、活动室、休息室、操作室、交接班室、更衣室（含澡堂）等6类人员聚集场所，以及钢铁水罐冷（热）修工位设置在铁水、钢水、液渣吊运影响范围内',
    citation: cite('冶金', '一'),
  },
  {
    id: 'D1',
    group: '粉尘防爆',
    text: '粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内，或者粉尘爆炸危险场所内设有员工宿舍、会议室、办公室、休息室等人员聚集场所',
    citation: cite('粉尘防爆', '一'),
  },
  {
    id: 'D2',
    group: '粉尘防爆',
    text: '不同类别的可燃性粉尘、可燃性粉尘与可燃气体等易加剧爆炸危险的介质共用一套除尘系统，或者不同建（构）筑物、不同防火分区共用一套除尘系统、除尘系统互联互通',
    citation: cite('粉尘防爆', '二'),
  },
  {
    id: 'D3',
    group: '粉尘防爆',
    text: '干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施',
    citation: cite('粉尘防爆', '三'),
  },
  {
    id: 'D4',
    group: '粉尘防爆',
    text: '铝镁等金属粉尘除尘系统采用正压除尘方式，或者其他可燃性粉尘除尘系统采用正压吹送粉尘时，未采取火花探测消除等防范点燃源措施',
    citation: cite('粉尘防爆', '四'),
  },
  {
    id: 'D7',
    group: '粉尘防爆',
    text: '除尘器、收尘仓等划分为20区的粉尘爆炸危险场所电气设备不符合防爆要求',
    citation: cite('粉尘防爆', '七'),
  },
  { id: 'D10', group: '粉尘防爆', text: '未落实粉尘清理制度，造成作业现场积尘严重', citation: cite('粉尘防爆', '十') },
  {
    id: 'A1',
    group: '液氨制冷',
    text: '包装、分割、产品整理场所的空调系统采用氨直接蒸发制冷',
    citation: cite('液氨制冷', '一'),
  },
  {
    id: 'A2',
    group: '液氨制冷',
    text: '快速冻结装置未设置在单独的作业间内，或者作业间内作业人员数量超过9人',
    citation: cite('液氨制冷', '二'),
  },
  {
    id: 'C1',
    group: '有限空间',
    text: '未对有限空间进行辨识、建立安全管理台账，并且未设置明显的安全警示标志',
    citation: cite('有限空间', '一'),
  },
  {
    id: 'C2',
    group: '有限空间',
    text: '未落实有限空间作业审批，或者未执行"先通风、再检测、后作业"要求，或者作业现场未设置监护人员',
    citation: cite('有限空间', '二'),
  },
];

export function standardItem(id: string): StandardItem {
  const item = STANDARD_ITEMS.find((i) => i.id === id);
  if (!item) throw new RangeError(`unknown standard item ${id}`);
  return item;
}

export function standardOptions(groups: readonly StandardItem['group'][]) {
  return STANDARD_ITEMS.filter((i) => groups.includes(i.group)).map((i) => ({
    value: i.id,
    label: `${i.group}：${i.text}`,
  }));
}
