/** For an event offered out of order: the step the law requires first, with its provision. */
import type { Prerequisites } from '../define';

const DONE = ['paid', 'appliedToCourt'];

export const enforcementPrerequisites: Prerequisites = {
  'officer.recordDecision': () => '行政处罚决定书已经登记',
  'officer.registerApplication': (state) =>
    DONE.includes(state) ? '执行已经终结' : '当事人的延期（分期）缴纳申请已经处理',
  'officer.decideInstallment': (state) =>
    state === 'awaitingDecision'
      ? '须先登记已送达的行政处罚决定书'
      : DONE.includes(state)
        ? '执行已经终结'
        : '延期（分期）缴纳申请已经审批，或者已经进入催告程序（《行政处罚法》第六十六条）',
  'officer.recordPayment': (state) =>
    state === 'awaitingDecision'
      ? '须先登记已送达的行政处罚决定书：当事人自收到决定书之日起十五日内缴纳罚款（《行政处罚法》第六十七条）'
      : state === 'paid'
        ? '罚款已经缴清'
        : '已申请人民法院强制执行，由人民法院执行',
  'officer.issueReminder': (state) =>
    state === 'awaitingDecision'
      ? '须先登记已送达的行政处罚决定书'
      : state === 'reminded'
        ? '催告书已经送达'
        : '执行已经终结',
  'officer.registerStatement': () =>
    '当事人收到催告书后有权进行陈述和申辩：须先送达催告书（《行政强制法》第三十五条第（四）项、第三十六条）',
  'officer.applyToCourt': (state) =>
    DONE.includes(state)
      ? '执行已经终结'
      : '申请人民法院强制执行前，应当催告当事人履行义务；催告书送达十日后当事人仍未履行的，方可申请（《行政强制法》第五十四条）',
};
