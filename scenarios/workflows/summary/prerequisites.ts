/**
 * Why the law does not allow an event in the current state of a 当场处罚: the step it requires first,
 * with the provision (added by the engine to "当前处于…阶段，不能…").
 */
import type { Prerequisites } from '../define';

const BEFORE_DECISION = ['arriving', 'found', 'notified', 'heard'];
const ENDED = '本次当场处罚已经转为普通程序，由立案后的调查程序继续办理（《行政处罚法》第五十四条）';

export const summaryPrerequisites: Prerequisites = {
  'officer.recordOnSite': () => '现场笔录已经制作',
  'officer.showCredentials': (state) =>
    state === 'arriving'
      ? '出示执法证件与现场笔录同时进行：请在现场笔录中记录出示执法证件（《行政处罚法》第五十二条、第五十五条）'
      : state === 'referredToGeneralProcedure'
        ? ENDED
        : '行政处罚决定已经作出，出示执法证件须在作出决定之前（《行政处罚法》第五十二条第一款）',
  'officer.notify': (state) =>
    state === 'arriving'
      ? '须先到达现场、两名以上执法人员查明事实并制作现场笔录（《行政处罚法》第四十二条、第五十一条）'
      : state === 'referredToGeneralProcedure'
        ? ENDED
        : '已经告知当事人拟作出的行政处罚',
  'officer.recordStatement': (state) =>
    ['arriving', 'found'].includes(state)
      ? '陈述、申辩在执法人员告知拟作出的行政处罚及其事实、理由、依据后提出（《行政处罚法》第四十四条、第四十五条）'
      : state === 'referredToGeneralProcedure'
        ? ENDED
        : state === 'heard'
          ? '陈述申辩已经记录'
          : '行政处罚决定已经作出，陈述、申辩须在作出决定之前听取（《行政处罚法》第六十二条）',
  'officer.decideOnSpot': (state) =>
    ['arriving', 'found'].includes(state)
      ? '作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知其陈述、申辩的权利（《行政处罚法》第四十四条、第六十二条）'
      : state === 'referredToGeneralProcedure'
        ? ENDED
        : '行政处罚决定已经作出',
  'officer.deliver': (state) =>
    BEFORE_DECISION.includes(state)
      ? '尚未作出行政处罚决定，没有可交付的决定书（《行政处罚法》第五十二条）'
      : state === 'referredToGeneralProcedure'
        ? ENDED
        : '决定书已经当场交付',
  'officer.file': (state) =>
    BEFORE_DECISION.includes(state) || state === 'decided'
      ? '当场作出的行政处罚决定书交付当事人后，报所属行政机关备案（《行政处罚法》第五十二条第三款）'
      : state === 'referredToGeneralProcedure'
        ? ENDED
        : '已经备案',
  'officer.referToGeneral': (state) =>
    state === 'arriving'
      ? '须先到达现场查明事实，再决定适用的程序'
      : state === 'referredToGeneralProcedure'
        ? '已经转为普通程序'
        : '行政处罚决定已经当场作出，不能再转为普通程序',
};
