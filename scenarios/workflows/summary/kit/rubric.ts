/** Rubric items of the 当场处罚 workflow, with their stable error codes and the mistake each one catches. */
import type { RubricItem } from '../../../types';
import { LEGAL } from '../../../law/legal-constants';
import { appealTermsResult } from '../../../kit/appeal-terms';
import { PENALTY_ARTICLES, SUMMARY_VIOLATIONS, yuan } from '../../../law/penalties';
import { workingDaysBetween } from '../../../law/working-days';
import {
  filingDueBy,
  ON_SPOT_GROUND_LABELS,
  PARTY_TYPE_LABELS,
  REFERRAL_REASON_LABELS,
  summaryLimit,
  type SummaryContext,
} from '../machine';
import { lawfulProcedure, otherAmount, summaryAnswer } from './answer';
import type { SummaryFixture } from './fixture';

type Item = RubricItem<SummaryFixture, 'summary'>;

/** Whether the procedure has been settled: decided on the spot or switched to the general procedure. */
const settled = (c: SummaryContext) => c.decision !== null || c.referral !== null;

/** Rubric items for the 当场处罚 workflow. */
export const summaryRubric = {
  credentials: (weight: number): Item => ({
    id: 'credentials',
    code: 'CREDENTIALS_NOT_SHOWN',
    title: '出示执法证件',
    weight,
    rule: '执法人员到达现场即向当事人出示执法证件、表明身份，再检查、告知和作出决定',
    citation: '《行政处罚法》第五十二条第一款、第五十五条第一款',
    feedbackAfter: ['onSite', 'credentials'],
    evaluate: ({ context }) => {
      const onSite = context.onSite;
      const earned = onSite?.credentialsShown === true;
      return {
        earned,
        pending: onSite === null,
        expected: '现场检查开始时出示执法证件',
        actual: onSite
          ? onSite.credentialsShown
            ? '现场检查开始时出示'
            : context.lateCredentials
              ? `告知后才出示（${context.lateCredentials.date}）`
              : '未出示'
          : '尚未到达现场',
        explanation: earned
          ? '执法人员表明了身份。'
          : '执法人员应当先出示执法证件、表明身份；当事人有权拒绝未出示证件的检查和处罚。',
      };
    },
    mistake: {
      description: '到达现场未出示执法证件，告知和听取陈述申辩之后才补出示',
      apply: (_answer, f) => summaryAnswer(f, { lateCredentials: true }),
    },
  }),
  rightsStated: (weight: number): Item => ({
    id: 'rights-stated',
    code: 'RIGHTS_NOT_STATED',
    title: '告知事实、理由、依据和权利',
    weight,
    rule: '作出行政处罚决定之前，告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知其陈述、申辩的权利',
    citation: '《行政处罚法》第四十四条、第六十二条',
    feedbackAfter: ['notify'],
    evaluate: ({ context }) => {
      const n = context.notice;
      const earned = n !== null && n.factsStated && n.rightsStated;
      return {
        earned,
        pending: n === null && !settled(context),
        expected: '告知违法事实、理由、依据和陈述申辩权利',
        actual: n
          ? [
              n.factsStated ? '告知了事实、理由和依据' : '未告知事实和依据',
              n.rightsStated ? '告知了权利' : '未告知陈述申辩权利',
            ].join('，')
          : '未告知',
        explanation: earned
          ? '告知完整。'
          : '未告知事实、理由、依据或者陈述申辩权利的，不得作出行政处罚决定（《行政处罚法》第六十二条）。',
      };
    },
    mistake: {
      description: '告知了拟作出的处罚，未告知当事人有权陈述、申辩',
      apply: (_answer, f) => summaryAnswer(f, { rightsStated: false }),
    },
  }),
  statementHeard: (weight: number): Item => ({
    id: 'statement-heard',
    code: 'STATEMENT_NOT_HEARD',
    title: '听取并记录陈述申辩',
    weight,
    rule: '充分听取当事人的陈述、申辩并记录，再决定是否当场处罚',
    citation: '《行政处罚法》第四十五条、第六十二条',
    feedbackAfter: ['statement', 'decision', 'refer'],
    evaluate: ({ context }) => {
      const s = context.statement;
      const earned = s !== null;
      return {
        earned,
        pending: !earned && !settled(context),
        expected: '记录当事人的陈述、申辩（陈述申辩笔录）',
        actual: s ? `已记录：${s.summary}` : settled(context) ? '未听取陈述申辩即作出处理' : '尚未听取',
        explanation: earned
          ? '陈述、申辩已听取并记录。'
          : '当事人在现场提出了陈述、申辩，执法人员必须充分听取并记录；拒绝听取的，不得作出行政处罚决定。',
      };
    },
    mistake: {
      description: '告知后不听取、不记录当事人的陈述申辩，直接处理',
      apply: (_answer, f) => summaryAnswer(f, { skipStatement: true }),
    },
  }),
  procedure: (weight: number): Item => ({
    id: 'procedure',
    code: 'WRONG_PROCEDURE',
    title: '适用程序',
    weight,
    rule: '违法事实确凿并有法定依据、拟给予警告或者限额以内罚款的，可以当场处罚；事实有争议、超过限额或者其他处罚种类的，转为普通程序立案调查',
    citation: '《行政处罚法》第五十一条、第五十四条',
    feedbackAfter: ['decision', 'refer'],
    evaluate: ({ fixture, context }) => {
      const lawful = lawfulProcedure(fixture);
      const chosen = context.referral ? 'general' : context.decision ? 'onSpot' : null;
      const earned = chosen === lawful;
      const label = (p: 'onSpot' | 'general') => (p === 'onSpot' ? '简易程序当场处罚' : '转为普通程序立案调查');
      return {
        earned,
        pending: chosen === null,
        expected: fixture.referralReason
          ? `${label(lawful)}（${REFERRAL_REASON_LABELS[fixture.referralReason]}）`
          : label(lawful),
        actual: chosen ? label(chosen) : '尚未选择',
        explanation: earned
          ? '适用程序正确。'
          : fixture.referralReason
            ? `${REFERRAL_REASON_LABELS[fixture.referralReason]}，不符合"违法事实确凿并有法定依据"的当场处罚条件，应当转为普通程序。`
            : '本案违法事实确凿、当事人无异议、罚款在限额以内，应当依照简易程序当场作出决定。',
      };
    },
    mistake: {
      description: '当事人对违法事实提出异议，却记为无异议并当场作出处罚决定（可当场处罚时：无故转为普通程序）',
      apply: (_answer, f) => summaryAnswer(f, { procedure: lawfulProcedure(f) === 'onSpot' ? 'general' : 'onSpot' }),
    },
  }),
  amount: (weight: number): Item => ({
    id: 'amount',
    code: 'WRONG_AMOUNT',
    title: '罚款数额',
    weight,
    rule: `罚款在当场处罚限额（公民${yuan(LEGAL.summaryLimitPerson.value)}、法人或者其他组织${yuan(LEGAL.summaryLimitUnit.value)}）以内、在罚则规定的幅度以内，并按本机关裁量基准确定`,
    citation: '《行政处罚法》第五十一条、第三十四条；《安全生产法》第九十九条',
    feedbackAfter: ['notify', 'decision'],
    evaluate: ({ fixture, context }) => {
      const d = context.decision;
      const limit = summaryLimit(fixture.partyType);
      const article = PENALTY_ARTICLES[SUMMARY_VIOLATIONS[fixture.violationId].articleId];
      const earned =
        d !== null && d.penaltyType === 'fine' && d.amount === fixture.amount && d.amount <= limit && d.amount > 0;
      return {
        earned,
        pending: d === null,
        expected: `罚款${yuan(fixture.amount)}（${fixture.guideline}；${PARTY_TYPE_LABELS[fixture.partyType]}当场罚款不超过${yuan(limit)}，${article.citation}：${article.tiers[0]!.label}）`,
        actual: d ? (d.penaltyType === 'fine' ? `罚款${yuan(d.amount)}` : '未处罚款') : '未作出决定',
        explanation: earned ? '罚款数额正确。' : '罚款数额须符合当场处罚限额、罚则幅度和本机关的裁量基准。',
      };
    },
    mistake: {
      description: '罚款数额在限额内，但不符合裁量基准',
      apply: (_answer, f) => summaryAnswer(f, { amount: otherAmount(f) }),
    },
  }),
  collection: (weight: number): Item => ({
    id: 'collection',
    code: 'UNLAWFUL_COLLECTION',
    title: '罚款缴纳方式',
    weight,
    rule: `罚款由当事人自收到决定书之日起${LEGAL.paymentPeriod.value}日内到指定银行或者通过电子支付系统缴纳；执法人员只在第六十八条、第六十九条规定的情形当场收缴`,
    citation: '《行政处罚法》第六十七条、第六十八条、第六十九条',
    feedbackAfter: ['decision'],
    evaluate: ({ fixture, context }) => {
      const d = context.decision;
      const ground = d?.paymentMethod === 'onSpot' ? d.onSpotGround : null;
      const lawful =
        d !== null &&
        (d.paymentMethod === 'bank' ||
          (ground === 'smallFine' && d.amount <= LEGAL.onSpotCollectionMax.value) ||
          (ground === 'hardToEnforce' && fixture.hardToEnforce) ||
          (ground === 'remoteArea' && fixture.remoteArea));
      return {
        earned: lawful,
        pending: d === null,
        expected: '到指定银行或者通过电子支付系统缴纳',
        actual: d ? (ground ? `当场收缴（${ON_SPOT_GROUND_LABELS[ground]}）` : '到银行或者电子支付缴纳') : '未作出决定',
        explanation: lawful
          ? '缴纳方式合法。'
          : `当事人在固定场所经营，事后可以执行；罚款超过${yuan(LEGAL.onSpotCollectionMax.value)}，也不在边远、水上、交通不便地区，不得当场收缴（罚缴分离，《行政处罚法》第六十七条）。`,
      };
    },
    mistake: {
      description: '以"事后难以执行"为由当场收缴在固定场所经营的当事人的罚款',
      apply: (_answer, f) => summaryAnswer(f, { collectOnSpot: 'hardToEnforce' }),
    },
  }),
  filed: (weight: number): Item => ({
    id: 'filed',
    code: 'NOT_FILED',
    title: '报所属行政机关备案',
    weight,
    rule: `当场作出的行政处罚决定，于${LEGAL.summaryFilingPeriod.value}个工作日内报所属行政机关备案`,
    citation: '《行政处罚法》第五十二条第三款；原《安全生产违法行为行政处罚办法》（2015）',
    feedbackAfter: ['file'],
    evaluate: ({ context }) => {
      const d = context.decision;
      const filing = context.filing;
      const days = d && filing ? workingDaysBetween(d.date, filing.date) : null;
      const earned = days !== null && days <= LEGAL.summaryFilingPeriod.value;
      return {
        earned,
        pending: filing === null,
        expected: d ? `${filingDueBy(d.date)}前备案` : `决定后${LEGAL.summaryFilingPeriod.value}个工作日内备案`,
        actual: filing ? `${filing.date}备案（决定后${days}个工作日）` : '未备案',
        explanation: earned ? '备案及时。' : '当场处罚决定未在期限内报所属行政机关备案。',
      };
    },
    mistake: {
      description: '决定后8个工作日才报备案',
      apply: (_answer, f) => summaryAnswer(f, { filingDelay: 8 }),
    },
  }),
  decisionFields: (weight: number): Item => ({
    id: 'decision-fields',
    code: 'WRONG_DECISION_FIELDS',
    title: '决定书的履行期限和救济途径',
    weight,
    rule: `决定书载明缴款期限${LEGAL.paymentPeriod.value}日、申请行政复议期限${LEGAL.reconsiderationPeriod.value}日、提起行政诉讼期限${LEGAL.litigationPeriod.value}个月，并责令改正`,
    citation: '《行政处罚法》第五十二条第二款、第六十七条；《行政复议法》第二十条；《行政诉讼法》第四十六条',
    feedbackAfter: ['decision'],
    evaluate: ({ context }) =>
      appealTermsResult(context.decision, {
        notMade: '未作出决定',
        right: '决定书载明的期限正确。',
        wrong: '决定书载明的期限与法律规定不一致。',
      }),
    mistake: {
      description: '把申请行政复议期限写成15日',
      apply: (_answer, f) => summaryAnswer(f, { reconsiderationDays: 15 }),
    },
  }),
};
