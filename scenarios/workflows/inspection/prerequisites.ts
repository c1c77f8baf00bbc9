/**
 * Why the law does not allow an event in the current state: the step it requires first, with the
 * provision. The engine adds it to "当前处于…阶段，不能…" so that a refusal teaches the order of
 * steps as the deadline refusals teach the periods.
 */
import type { Prerequisites } from '../define';

const BEFORE_RECORD = ['planning', 'planned', 'onSite', 'findingsRecorded'];

export const inspectionPrerequisites: Prerequisites = {
  'officer.createPlan': () =>
    '检查结论已经录入，检查计划不能再修改：现场检查记录须如实记载检查的内容（《安全生产法》第六十八条）',
  'officer.startInspection': (state) =>
    state === 'planning'
      ? '须先制定检查计划，按照监督检查计划进行检查（《安全生产法》第六十二条第二款）'
      : '现场检查已经开始',
  'officer.recordFindings': (state) =>
    ['planning', 'planned'].includes(state)
      ? '须由两名以上执法人员出示有效执法证件开始现场检查后，才能录入检查结论（《行政处罚法》第四十二条、第五十五条；《安全生产法》第六十七条）'
      : '检查结论已经录入',
  'officer.issueOnSiteRecord': (state) =>
    BEFORE_RECORD.includes(state)
      ? '须先录入检查结论：现场检查记录写明检查的时间、地点、内容、发现的问题及其处理情况（《安全生产法》第六十八条）'
      : '现场检查记录已经制作',
  'officer.issueOnSiteMeasures': (state) =>
    BEFORE_RECORD.includes(state)
      ? '须先制作现场检查记录，记明发现的重大事故隐患（《安全生产法》第六十八条）'
      : '现场处理措施须在发现重大事故隐患时作出，在开具责令限期整改指令书之前（《安全生产法》第六十五条第一款第（三）项）',
  'officer.issueRectificationOrder': (state) =>
    BEFORE_RECORD.includes(state)
      ? '须先制作现场检查记录，记明发现的问题（《安全生产法》第六十八条）'
      : '责令限期整改指令书已经开具',
  'officer.closeInspection': (state) =>
    BEFORE_RECORD.includes(state) ? '须先制作现场检查记录（《安全生产法》第六十八条）' : '检查已经结束或已责令整改',
  'officer.issueRecheckOpinion': (state) =>
    BEFORE_RECORD.includes(state) || state === 'recorded'
      ? '复查针对责令限期整改指令书所列事项：须先开具指令书，并在整改期限届满后复查（《安全生产法》第六十五条第一款第（三）项）'
      : '复查已经完成',
};
