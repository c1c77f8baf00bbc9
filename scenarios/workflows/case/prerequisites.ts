/**
 * Why the law does not allow an event in the current state: the step it requires first, with the
 * provision. The engine adds it to "当前处于…阶段，不能…" so that a refusal teaches the order of
 * steps as the deadline refusals teach the periods.
 */
import type { Prerequisites } from '../define';

const NOT_YET_DECIDED = [
  'filing',
  'investigating',
  'notified',
  'hearingRequested',
  'hearingScheduled',
  'heard',
  'reviewed',
  'discussed',
];
const REVIEWED = ['reviewed', 'discussed'];

export const casePrerequisites: Prerequisites = {
  'officer.fileCase': () => '本案已经立案',
  'officer.recordEvidence': (state) =>
    state === 'filing'
      ? '调查取证在立案后进行：符合立案标准的，应当及时立案，全面、客观、公正地调查，收集有关证据（《行政处罚法》第五十四条）'
      : '调查已经终结并已告知当事人；告知后补充的证据须重新告知当事人（《行政处罚法》第四十四条）',
  'officer.issuePenaltyNotice': (state) =>
    state === 'filing'
      ? '须先立案并调查取证，查明事实后才能告知拟作出的行政处罚（《行政处罚法》第五十四条、第四十四条）'
      : '行政处罚告知书已经送达',
  'officer.registerStatement': (state) =>
    NOT_YET_DECIDED.includes(state)
      ? '陈述、申辩在行政机关告知拟作出的行政处罚及其事实、理由、依据后提出（《行政处罚法》第四十四条、第四十五条）'
      : '行政处罚决定已经作出，陈述、申辩须在作出决定之前听取（《行政处罚法》第六十二条）',
  'officer.registerHearingRequest': (state) =>
    ['filing', 'investigating'].includes(state)
      ? '听证申请在行政机关告知听证权利后五日内提出（《行政处罚法》第六十三条、第六十四条第（一）项）'
      : NOT_YET_DECIDED.includes(state)
        ? '当事人的听证申请已经登记'
        : '行政处罚决定已经作出，听证须在决定之前举行（《行政处罚法》第六十五条）',
  'officer.scheduleHearing': (state) =>
    ['hearingScheduled', 'heard'].includes(state)
      ? '听证会通知书已经送达'
      : '当事人要求听证后，行政机关才组织听证，并在举行听证的七日前通知当事人（《行政处罚法》第六十三条、第六十四条）',
  'officer.recordHearing': (state) =>
    state === 'heard'
      ? '听证已经举行'
      : '须先送达听证会通知书，在举行听证的七日前通知当事人时间、地点（《行政处罚法》第六十四条第（二）项）',
  'officer.issueDecision': (state) =>
    ['hearingRequested', 'hearingScheduled'].includes(state)
      ? '当事人要求听证的，须依法举行听证，听证结束后根据听证笔录作出决定（《行政处罚法》第六十五条）'
      : ['filing', 'investigating'].includes(state)
        ? '作出行政处罚决定之前，须告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知其陈述、申辩、要求听证的权利；未告知的，不得作出行政处罚决定（《行政处罚法》第四十四条、第六十二条）'
        : '行政处罚决定已经作出',
  'officer.legalReview': (state) =>
    REVIEWED.includes(state)
      ? '法制审核已经完成'
      : ['filing', 'investigating'].includes(state)
        ? '法制审核在告知当事人并听取其陈述、申辩（听证）之后、作出决定之前进行（《行政处罚法》第五十八条）'
        : ['hearingRequested', 'hearingScheduled'].includes(state)
          ? '当事人要求听证的，须在听证结束后进行法制审核（《行政处罚法》第五十八条第一款第（二）项）'
          : '行政处罚决定已经作出，法制审核须在决定之前进行（《行政处罚法》第五十八条）',
  'officer.collectiveDiscussion': (state) =>
    state === 'discussed'
      ? '集体讨论已经进行'
      : ['notified', 'heard'].includes(state)
        ? '须先经法制审核，再提交行政机关负责人集体讨论（《行政处罚法》第五十八条第一款）'
        : ['filing', 'investigating'].includes(state)
          ? '集体讨论在调查终结、告知当事人并听取意见之后进行（《行政处罚法》第五十七条）'
          : ['hearingRequested', 'hearingScheduled'].includes(state)
            ? '当事人要求听证的，须在听证结束后再提交集体讨论（《行政处罚法》第六十五条）'
            : '行政处罚决定已经作出，集体讨论须在决定之前进行（《行政处罚法》第五十七条第二款）',
  'officer.decideNoPenalty': (state) =>
    state === 'filing'
      ? '须先立案并调查取证，查明事实后才能决定不予行政处罚（《行政处罚法》第五十四条、第五十七条）'
      : NOT_YET_DECIDED.includes(state)
        ? '已经告知拟作出的行政处罚；本流程中不予处罚在调查终结后、告知之前决定（《行政处罚法》第五十七条第一款第（二）项）'
        : '本案已经作出决定',
  'officer.transferCase': (state) =>
    state === 'filing'
      ? '须先立案调查，核实涉嫌犯罪的情况后提出移送报告（《行政执法机关移送涉嫌犯罪案件的规定》第五条）'
      : state === 'transferred'
        ? '本案已经移送司法机关'
        : '行政处罚决定已经作出；涉嫌犯罪的案件应当在调查中及时移送，不得以行政处罚代替移送（《行政处罚法》第二十七条；《行政执法机关移送涉嫌犯罪案件的规定》第十一条）',
  'officer.serveDecision': (state) =>
    NOT_YET_DECIDED.includes(state)
      ? '尚未作出行政处罚决定，没有可送达的决定书（《行政处罚法》第六十一条）'
      : '行政处罚决定书已经送达',
  'officer.recordPayment': (state) =>
    state === 'transferred'
      ? '本案已经移送司法机关'
      : state === 'executed' || state === 'closed'
        ? '罚款缴纳已经登记'
        : '须先送达行政处罚决定书：当事人自收到决定书之日起十五日内缴纳罚款（《行政处罚法》第六十七条）',
  'officer.closeCase': (state) =>
    state === 'closed'
      ? '本案已经结案'
      : state === 'transferred'
        ? '本案已经移送司法机关'
        : '行政处罚决定执行完毕（不予处罚的，决定书送达）后，方可报负责人批准结案',
};
