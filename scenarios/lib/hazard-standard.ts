/**
 * Items of 《工贸企业重大事故隐患判定标准》(应急管理部令第10号, in force 2023-05-15) used by the
 * drills. Citations name the article where it is verified (第三条, 第四条) and otherwise the group of
 * the standard and the item number, rather than guess an article number.
 */

export interface StandardItem {
  id: string;
  group: '管理类' | '冶金' | '粉尘防爆' | '液氨制冷' | '有限空间';
  text: string;
  citation: string;
}

const STD = '《工贸企业重大事故隐患判定标准》';

export const STANDARD_ITEMS: readonly StandardItem[] = [
  { id: 'G1', group: '管理类', text: '未对承包单位、承租单位的安全生产工作统一协调、管理，或者未定期进行安全检查', citation: `${STD}第三条第（一）项` },
  { id: 'G2', group: '管理类', text: '特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业', citation: `${STD}第三条第（二）项` },
  { id: 'G3', group: '管理类', text: '金属冶炼企业主要负责人、安全生产管理人员未按照规定经考核合格', citation: `${STD}第三条第（三）项` },
  { id: 'M1', group: '冶金', text: '会议室、活动室、休息室、操作室、交接班室、更衣室（含澡堂）等6类人员聚集场所，以及钢铁水罐冷（热）修工位设置在铁水、钢水、液渣吊运影响范围内', citation: `${STD}第四条第（一）项` },
  { id: 'D1', group: '粉尘防爆', text: '粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内，或者粉尘爆炸危险场所内设有员工宿舍、会议室、办公室、休息室等人员聚集场所', citation: `${STD}存在粉尘爆炸危险的工贸企业第（一）项` },
  { id: 'D2', group: '粉尘防爆', text: '不同类别的可燃性粉尘、可燃性粉尘与可燃气体等易加剧爆炸危险的介质共用一套除尘系统，或者不同建（构）筑物、不同防火分区共用一套除尘系统、除尘系统互联互通', citation: `${STD}存在粉尘爆炸危险的工贸企业第（二）项` },
  { id: 'D3', group: '粉尘防爆', text: '干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施', citation: `${STD}存在粉尘爆炸危险的工贸企业第（三）项` },
  { id: 'D4', group: '粉尘防爆', text: '铝镁等金属粉尘除尘系统采用正压除尘方式，或者其他可燃性粉尘除尘系统采用正压吹送粉尘时，未采取火花探测消除等防范点燃源措施', citation: `${STD}存在粉尘爆炸危险的工贸企业第（四）项` },
  { id: 'D7', group: '粉尘防爆', text: '除尘器、收尘仓等划分为20区的粉尘爆炸危险场所电气设备不符合防爆要求', citation: `${STD}存在粉尘爆炸危险的工贸企业第（七）项` },
  { id: 'D10', group: '粉尘防爆', text: '未落实粉尘清理制度，造成作业现场积尘严重', citation: `${STD}存在粉尘爆炸危险的工贸企业第（十）项` },
  { id: 'A1', group: '液氨制冷', text: '包装、分割、产品整理场所的空调系统采用氨直接蒸发制冷', citation: `${STD}使用液氨制冷的工贸企业第（一）项` },
  { id: 'A2', group: '液氨制冷', text: '快速冻结装置未设置在单独的作业间内，或者作业间内作业人员数量超过9人', citation: `${STD}使用液氨制冷的工贸企业第（二）项` },
  { id: 'C1', group: '有限空间', text: '未对有限空间进行辨识、建立安全管理台账，并且未设置明显的安全警示标志', citation: `${STD}存在硫化氢、一氧化碳等中毒风险有限空间作业的工贸企业第（一）项` },
  { id: 'C2', group: '有限空间', text: '未落实有限空间作业审批，或者未执行"先通风、再检测、后作业"要求，或者作业现场未设置监护人员', citation: `${STD}存在硫化氢、一氧化碳等中毒风险有限空间作业的工贸企业第（二）项` },
];

export function standardItem(id: string): StandardItem {
  const item = STANDARD_ITEMS.find((i) => i.id === id);
  if (!item) throw new RangeError(`unknown standard item ${id}`);
  return item;
}

export function standardOptions(groups: readonly StandardItem['group'][]) {
  return STANDARD_ITEMS.filter((i) => groups.includes(i.group)).map((i) => ({ value: i.id, label: `${i.group}：${i.text}` }));
}
