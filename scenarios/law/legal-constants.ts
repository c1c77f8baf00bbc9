/**
 * Every legal figure the workflow relies on, in one place, with its source and the date from which it
 * applies. `check: true` marks figures that domain.md flags "(check)": taken from repealed rules or
 * common practice, to be corrected here (and only here) once the 2026 rules are confirmed.
 */

export interface LegalFigure<T> {
  value: T;
  unit: 'working-days' | 'days' | 'months' | 'yuan' | 'rate-per-day' | 'persons' | 'hours' | 'share';
  source: string;
  effectiveFrom: string;
  check: boolean;
  note?: string;
}

export const LEGAL = {
  /** 行政处罚法 第42条, 第55条: at least two officers, who show their 执法证件. */
  minimumOfficers: {
    value: 2,
    unit: 'persons',
    source: '《行政处罚法》第四十二条、第五十五条',
    effectiveFrom: '2021-07-15',
    check: false,
  },
  /** Period for 陈述、申辩 after the 告知书 is served, before a decision may be made. */
  statementPeriod: {
    value: 3,
    unit: 'working-days',
    source:
      '常见实务（原《安全生产违法行为行政处罚办法》及地方规定：收到告知书之日起3日内）；《行政处罚法》第四十四条、第六十二条要求先听取陈述申辩',
    effectiveFrom: '2015-05-01',
    check: true,
    note: '2015年办法已由应急管理部令第18号废止（2026-02-01施行），新规数值待核实',
  },
  /** 行政处罚法 第64条(一): the party asks for a hearing within 5 days of being told. */
  hearingRequestPeriod: {
    value: 5,
    unit: 'working-days',
    source: '《行政处罚法》第六十四条第（一）项、第八十五条',
    effectiveFrom: '2021-07-15',
    check: false,
  },
  /** 行政处罚法 第64条(二): notice of the hearing at least 7 days before it. */
  hearingNoticePeriod: {
    value: 7,
    unit: 'working-days',
    source: '《行政处罚法》第六十四条第（二）项、第八十五条',
    effectiveFrom: '2021-07-15',
    check: false,
  },
  /** 行政处罚法 第60条: decide within 90 days of filing. */
  decisionPeriod: {
    value: 90,
    unit: 'days',
    source: '《行政处罚法》第六十条',
    effectiveFrom: '2021-07-15',
    check: false,
  },
  /** 行政处罚法 第61条: serve the decision within 7 days when not served on the spot. */
  decisionServicePeriod: {
    value: 7,
    unit: 'working-days',
    source: '《行政处罚法》第六十一条、第八十五条',
    effectiveFrom: '2021-07-15',
    check: false,
  },
  /** 行政处罚法 第67条: pay within 15 days of receiving the decision. */
  paymentPeriod: {
    value: 15,
    unit: 'days',
    source: '《行政处罚法》第六十七条',
    effectiveFrom: '2021-07-15',
    check: false,
  },
  /** 行政处罚法 第72条(一): 3% of the fine per day late, capped at the fine. */
  latePaymentRate: {
    value: 0.03,
    unit: 'rate-per-day',
    source: '《行政处罚法》第七十二条第一款第（一）项',
    effectiveFrom: '2021-07-15',
    check: false,
  },
  /** 复查 after the rectification deadline. */
  recheckPeriod: {
    value: 7,
    unit: 'days',
    source: '原《河北省安全生产违法行为行政处罚规定》（2007）第三十六条：整改期满之日起7日内复查',
    effectiveFrom: '2007-03-01',
    check: true,
    note: '该规定已于2026-01-01被河北省人民政府令〔2025〕第6号取代，新规数值待核实',
  },
  /** 现场处理措施 (撤出人员, 暂时停产停业, 停止使用设施设备): how long the measure may last at most. */
  onSiteMeasureMaxMonths: {
    value: 6,
    unit: 'months',
    source:
      '原《安全生产违法行为行政处罚办法》（2015）第十四条：暂时停产停业、停止使用相关设施设备的期限一般不超过6个月',
    effectiveFrom: '2015-05-01',
    check: true,
    note: '2015年办法已由应急管理部令第18号废止（2026-02-01施行），新规是否保留该期限待核实',
  },
  /** Longest rectification period the drill accepts in a 责令限期整改指令书. */
  rectificationMaxDays: {
    value: 30,
    unit: 'days',
    source: '执法文书系统惯例（责令限期整改指令书标注"30日内"），非法律规定',
    effectiveFrom: '2015-05-01',
    check: true,
  },
  /** 较大数额罚款 for a unit, which carries the right to a hearing (行政处罚法 第63条). */
  hearingThresholdUnit: {
    value: 30000,
    unit: 'yuan',
    source: '原《安全生产违法行为行政处罚办法》（2015）第三十三条：生产经营单位3万元以上；《行政处罚法》第六十三条',
    effectiveFrom: '2015-05-01',
    check: true,
    note: '2015年办法已废止，新规及河北省数额待核实',
  },
  /** 较大数额罚款 for a person. */
  hearingThresholdPerson: {
    value: 10000,
    unit: 'yuan',
    source: '原《安全生产违法行为行政处罚办法》（2015）第三十三条：个人1万元以上',
    effectiveFrom: '2015-05-01',
    check: true,
  },
  /** 行政处罚法 第51条: on-the-spot penalty limits. */
  summaryLimitUnit: {
    value: 3000,
    unit: 'yuan',
    source: '《行政处罚法》第五十一条',
    effectiveFrom: '2021-07-15',
    check: false,
  },
  summaryLimitPerson: {
    value: 200,
    unit: 'yuan',
    source: '《行政处罚法》第五十一条',
    effectiveFrom: '2021-07-15',
    check: false,
  },
  /** Appeal periods printed on a decision. */
  reconsiderationPeriod: {
    value: 60,
    unit: 'days',
    source: '《行政复议法》（2023）第二十条',
    effectiveFrom: '2024-01-01',
    check: false,
  },
  litigationPeriod: {
    value: 6,
    unit: 'months',
    source: '《行政诉讼法》第四十六条',
    effectiveFrom: '2017-07-01',
    check: false,
  },

  // ── 简易程序 当场处罚 (scenarios/workflows/summary) ──
  /** 行政处罚法 第52条第3款: an on-the-spot decision is filed with the authority; the period is the old 办法's. */
  summaryFilingPeriod: {
    value: 5,
    unit: 'working-days',
    source:
      '《行政处罚法》第五十二条第三款（报所属行政机关备案）；原《安全生产违法行为行政处罚办法》（2015）：当场作出行政处罚决定后应当及时报告，并在5日内报所属部门备案',
    effectiveFrom: '2015-05-01',
    check: true,
    note: '法律只规定"报所属行政机关备案"，未规定期限；5日取自已由应急管理部令第18号废止（2026-02-01施行）的2015年办法，按《行政处罚法》第八十五条以工作日计算，新规数值待核实',
  },
  /** 行政处罚法 第68条(一): an officer may collect a fine on the spot when it is 100 元 or less. */
  onSpotCollectionMax: {
    value: 100,
    unit: 'yuan',
    source: '《行政处罚法》第六十八条第（一）项',
    effectiveFrom: '2021-07-15',
    check: false,
  },
  /** 行政处罚法 第71条: a fine collected on the spot reaches the authority within 2 days. */
  onSpotFineHandoverPeriod: {
    value: 2,
    unit: 'working-days',
    source: '《行政处罚法》第七十一条、第八十五条',
    effectiveFrom: '2021-07-15',
    check: false,
  },

  // ── enforcement workflow (执行：催告、申请人民法院强制执行、延期/分期缴纳) ──
  /** 行政强制法 第54条: the court may be applied to once 10 days have passed since the 催告书 was served; 第69条: working days. */
  reminderWaitPeriod: {
    value: 10,
    unit: 'working-days',
    source: '《行政强制法》第五十四条、第六十九条',
    effectiveFrom: '2012-01-01',
    check: false,
    note: '"催告书送达十日后"按第十个工作日届满后的次日起方可申请理解',
  },
  /** 行政强制法 第53条: apply to the court within 3 months after the appeal periods lapse. */
  courtApplicationWindow: {
    value: 3,
    unit: 'months',
    source: '《行政强制法》第五十三条',
    effectiveFrom: '2012-01-01',
    check: false,
  },
  /**
   * Latest due date of a deferred payment or the last installment: no later than the last day on which the
   * authority may still apply to the court (so that a default can still be enforced).
   */
  installmentLatestDue: {
    value: 3,
    unit: 'months',
    source:
      '执法实务规则（依《行政处罚法》第六十六条批准延期、分期缴纳时，最后一期不晚于《行政强制法》第五十三条规定的申请强制执行期限届满之日），非法律明文规定',
    effectiveFrom: '2021-07-15',
    check: true,
    note: '取值与courtApplicationWindow相同：以复议、诉讼期限届满之日起3个月为限；待核实新规是否另有规定',
  },

  // ── seizure workflow (查封、扣押：《安全生产法》第六十五条第一款第（四）项，《行政强制法》第十八条至第二十八条) ──
  /** 行政强制法 第25条第1款: a 查封、扣押 lasts at most 30 days (over ten days: calendar days, 第69条). */
  seizureMaxDays: {
    value: 30,
    unit: 'days',
    source: '《行政强制法》第二十五条第一款',
    effectiveFrom: '2012-01-01',
    check: false,
    note: '《安全生产法》（2021）第六十五条第一款第（四）项只规定"依法作出处理决定"，未另设期限；原"十五日内"出自旧法和已废止的规章',
  },
  /** 行政强制法 第25条第1款: where the case is complex, the head may extend it once by at most 30 days. */
  seizureExtensionMaxDays: {
    value: 30,
    unit: 'days',
    source: '《行政强制法》第二十五条第一款、第二款',
    effectiveFrom: '2012-01-01',
    check: false,
  },
  /** 行政强制法 第19条: measures taken on the spot in an emergency are reported and approved within 24 hours. */
  emergencyApprovalHours: {
    value: 24,
    unit: 'hours',
    source: '《行政强制法》第十九条',
    effectiveFrom: '2012-01-01',
    check: false,
  },

  // ---- Decisions with substance (issue 14): 从轻, 案件移送 ----
  /** 从轻处罚: the fine stays in the lower part of the range — here the lower half of the span from the floor. */
  lighterShare: {
    value: 0.5,
    unit: 'share',
    source:
      '《行政处罚法》第三十二条（从轻在法定幅度内）；"较低部分"按各地行政处罚裁量基准惯例取幅度的下半部分（如《河北省应急管理系统行政裁量权基准》）',
    effectiveFrom: '2021-07-15',
    check: true,
    note: '比例取自裁量基准惯例，非法律规定',
  },
  /** The responsible person approves or refuses a transfer within 3 days of the written report. */
  transferApprovalDays: {
    value: 3,
    unit: 'days',
    source: '《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号，2020年修订）第五条第二款',
    effectiveFrom: '2020-08-07',
    check: true,
    note: '条文序号按2001年文本；2020年修订（国务院令第730号）后序号待核实',
  },
  /** An approved transfer goes to the public security organ within 24 hours. */
  transferAfterApprovalDays: {
    value: 1,
    unit: 'days',
    source: '《行政执法机关移送涉嫌犯罪案件的规定》第五条第二款（决定批准的，应当在24小时内向同级公安机关移送）',
    effectiveFrom: '2020-08-07',
    check: true,
    note: '24小时按批准之日起1日计（日期粒度）',
  },
  /** 集体讨论: the authority's responsible persons who must take part, at least. */
  collectiveDiscussionQuorum: {
    value: 3,
    unit: 'persons',
    source: '《行政处罚法》第五十七条第二款（行政机关负责人集体讨论决定）；人数按机关负责人会议议事规则惯例',
    effectiveFrom: '2021-07-15',
    check: true,
    note: '法律未规定人数，取本机关负责人（含主要负责人）3人以上',
  },
} satisfies Record<string, LegalFigure<number>>;

/**
 * Statutory holidays and the weekend days worked in their place (国务院办公厅 annual notices), used
 * for the working-day periods of 行政处罚法 第85条. Years missing here fall back to Monday-Friday.
 */
export const HOLIDAY_CALENDAR: LegalFigure<Record<number, { holidays: string[]; workdays: string[] }>> = {
  value: {
    2024: {
      holidays: [
        '2024-01-01',
        ...range('2024-02-10', 8),
        ...range('2024-04-04', 3),
        ...range('2024-05-01', 5),
        '2024-06-10',
        ...range('2024-09-15', 3),
        ...range('2024-10-01', 7),
      ],
      workdays: [
        '2024-02-04',
        '2024-02-18',
        '2024-04-07',
        '2024-04-28',
        '2024-05-11',
        '2024-09-14',
        '2024-09-29',
        '2024-10-12',
      ],
    },
    2025: {
      holidays: [
        '2025-01-01',
        ...range('2025-01-28', 8),
        ...range('2025-04-04', 3),
        ...range('2025-05-01', 5),
        ...range('2025-05-31', 3),
        ...range('2025-10-01', 8),
      ],
      workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    },
  },
  unit: 'days',
  source:
    '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）；关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
  effectiveFrom: '2024-01-01',
  check: true,
  note: '按通知整理；其他年份仅按周一至周五计算',
};

function range(start: string, days: number): string[] {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const out: string[] = [];
  for (let i = 0; i < days; i++) out.push(new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10));
  return out;
}
