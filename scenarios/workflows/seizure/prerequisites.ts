/**
 * Why the law does not allow an event in the current state: the step it requires first, with the
 * provision. The engine adds it to "当前处于…阶段，不能…".
 */
import type { Prerequisites } from '../define';

const BEFORE_SEIZURE = ['approval', 'approved', 'recorded'];

export const seizurePrerequisites: Prerequisites = {
  'officer.approveSeizure': () => '负责人已经批准',
  'officer.recordEnforcement': () => '查封、扣押已经实施，现场笔录已经制作',
  'officer.issueSeizureDecision': (state) =>
    ['approval', 'approved'].includes(state)
      ? '须由两名以上执法人员出示执法身份证件、通知当事人到场并告知理由依据和权利后实施查封扣押，制作现场笔录；决定书和清单在实施时当场交付（《行政强制法》第十八条、第二十四条）'
      : '查封（扣押）决定书和清单已经交付',
  'officer.extendSeizure': (state) =>
    BEFORE_SEIZURE.includes(state)
      ? '须先交付查封（扣押）决定书，写明期限；延长在期限届满前经负责人批准（《行政强制法》第二十四条、第二十五条）'
      : '已经作出处理决定，查封扣押已经结束',
  'officer.decideOutcome': (state) =>
    BEFORE_SEIZURE.includes(state)
      ? '须先实施查封扣押并交付决定书和清单，再在期限内作出处理决定（《行政强制法》第二十四条、第二十七条）'
      : '已经作出处理决定',
};
