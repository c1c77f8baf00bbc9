/**
 * Why the law does not allow an event in the current state: the step it requires first, with the
 * provision. The engine adds it to "当前处于…阶段，不能…" so that a refusal teaches the order of
 * steps as the deadline refusals teach the periods.
 */

type Prerequisite = (state: string) => string;

const NOT_YET_DECIDED = ['filing', 'investigating', 'notified', 'hearingRequested', 'hearingScheduled', 'heard'];

const CASE: Record<string, Prerequisite> = {
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
  'officer.serveDecision': (state) =>
    NOT_YET_DECIDED.includes(state)
      ? '尚未作出行政处罚决定，没有可送达的决定书（《行政处罚法》第六十一条）'
      : '行政处罚决定书已经送达',
  'officer.recordPayment': (state) =>
    state === 'executed' || state === 'closed'
      ? '罚款缴纳已经登记'
      : '须先送达行政处罚决定书：当事人自收到决定书之日起十五日内缴纳罚款（《行政处罚法》第六十七条）',
  'officer.closeCase': (state) =>
    state === 'closed' ? '本案已经结案' : '行政处罚决定执行完毕后，方可报负责人批准结案',
};

const BEFORE_RECORD = ['planning', 'planned', 'onSite', 'findingsRecorded'];

const INSPECTION: Record<string, Prerequisite> = {
  'officer.createPlan': () => '检查计划已经制定',
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

const BY_WORKFLOW: Record<string, Record<string, Prerequisite>> = { case: CASE, inspection: INSPECTION };

/** The law's reason why `eventType` cannot happen in `state`, or null when the workflow has none to give. */
export function prerequisiteOf(workflowId: string, eventType: string, state: string): string | null {
  return BY_WORKFLOW[workflowId]?.[eventType]?.(state) ?? null;
}
