/** 文书制作：查封不符合国家标准的非防爆电气设备，整改后在期限内解除（《安全生产法》第六十五条第一款第（四）项）. */
import type { ScenarioDefinition } from '../types';
import {
  seizureAlternatives,
  seizureFixture,
  seizureMachineInput,
  seizureMaterials,
  seizureModelAnswer,
  seizureRubric as r,
  seizureSteps,
  type ItemTemplate,
  type SeizureFixture,
} from '../workflows/seizure/kit';

const EXPLOSION_PROOF =
  '有根据认为不符合GB 3836.1《爆炸性环境 第1部分：设备 通用要求》和GB 50058《爆炸危险环境电力装置设计规范》关于爆炸危险区域选用防爆电气设备的要求';

const SEIZABLE: ItemTemplate[] = [
  {
    id: 'spray-fan',
    area: '喷漆房',
    name: '非防爆轴流排风机',
    spec: '普通型三相异步电机驱动，无防爆标志',
    quantity: [2, 4],
    unit: '台',
    observation: '喷漆房（使用溶剂型油漆的爆炸性气体环境）内的轴流排风机电机铭牌为普通型，无防爆标志和防爆合格证',
    category: 'substandard',
    basis: EXPLOSION_PROOF,
    mode: 'seal',
    keptAt: '喷漆房原处（断开电源，张贴封条）',
  },
  {
    id: 'mixing-lamps',
    area: '调漆间',
    name: '非防爆照明灯具',
    spec: '普通LED吸顶灯，开关设在室内',
    quantity: [4, 8],
    unit: '盏',
    observation: '调漆间存放并调配油漆、稀释剂，顶部照明为普通LED吸顶灯，照明开关设在调漆间内',
    category: 'substandard',
    basis: EXPLOSION_PROOF,
    mode: 'seal',
    keptAt: '调漆间原处（断开电源，张贴封条）',
  },
];

const OTHERS: ItemTemplate[] = [
  {
    id: 'exit-goods',
    area: '总装车间',
    name: '钢梁构件',
    spec: 'H型钢半成品',
    quantity: [6, 15],
    unit: '件',
    observation: '车间东侧安全出口前堆放H型钢半成品，出口被堵',
    category: 'hazard',
    basis: '违反《安全生产法》第四十二条第二款（禁止占用、封堵出口、疏散通道），应责令立即清理',
    mode: 'detain',
    keptAt: '原处',
  },
  {
    id: 'dust-collector',
    area: '打磨区',
    name: '滤筒除尘器',
    spec: '脉冲反吹滤筒式',
    quantity: [1, 2],
    unit: '台',
    observation: '除尘器本体及管道完好、接地可靠，但灰斗积灰未按制度及时清理',
    category: 'hazard',
    basis: '未落实清灰制度，属一般事故隐患，应责令限期清理',
    mode: 'seal',
    keptAt: '原处',
  },
  {
    id: 'welding-machine',
    area: '焊接区',
    name: '交流电焊机',
    spec: 'BX1-500',
    quantity: [3, 6],
    unit: '台',
    observation: '电焊机外壳接地良好，一次线、二次线绝缘完好，有定期检查记录',
    category: 'ok',
    basis: '符合要求',
    mode: 'seal',
    keptAt: '原处',
  },
  {
    id: 'gas-cylinders',
    area: '切割区',
    name: '氧气瓶、乙炔瓶',
    spec: '40升钢瓶',
    quantity: [4, 8],
    unit: '个',
    observation: '氧气瓶与乙炔瓶分开存放，间距大于5米，防震圈、瓶帽齐全，乙炔瓶直立使用',
    category: 'ok',
    basis: '符合要求',
    mode: 'detain',
    keptAt: '原处',
  },
];

function fixture(seed: string): SeizureFixture {
  return seizureFixture(seed, {
    scenarioId: 'seize-substandard-equipment',
    divisionCodes: ['130302', '130306', '130322', '130324'],
    nameSuffix: '钢结构有限公司',
    industryCode: 'C3311',
    employees: [60, 300],
    enterpriseSummary: '钢结构制造企业，设有使用溶剂型油漆的喷漆房和调漆间（爆炸危险区域）。',
    seizable: SEIZABLE,
    others: OTHERS,
    statements: [
      '我们不知道喷漆房要用防爆电机，马上联系厂家更换。',
      '排风机是去年新买的，请允许先用着，边用边换。',
      '对查封没有异议，配合整改。',
    ],
    reportReason:
      '执法人员检查发现该单位喷漆房、调漆间等爆炸危险区域使用非防爆电气设备，有根据认为不符合保障安全生产的国家标准，继续使用可能引发火灾爆炸。',
    signatureRefusalRate: 0.3,
    course: {
      kind: 'release',
      days: [8, 20],
      facts:
        '企业已拆除喷漆房、调漆间内的非防爆排风机和照明灯具，更换为有防爆合格证的防爆型设备；执法人员现场核查符合要求，被查封的设备将移出爆炸危险区域另作他用，企业申请解除查封。',
      reason:
        '你单位已将喷漆房、调漆间内的非防爆电气设备更换为防爆型设备，经本机关现场核查符合要求，被查封的设备不再用于爆炸危险区域，不再需要查封。',
    },
  });
}

export const seizeSubstandardEquipment: ScenarioDefinition<SeizureFixture, 'seizure'> = {
  id: 'seize-substandard-equipment',
  version: 1,
  title: '文书制作：查封非防爆电气设备',
  brief:
    '检查中发现一家钢结构企业的喷漆房、调漆间使用非防爆电气设备。请依法办理查封：报负责人批准，由两名以上持有效证件的执法人员实施并制作现场笔录（逐项认定哪些属于可以查封的对象，一般事故隐患责令整改而不查封），当场交付查封决定书和清单（数量与清点一致、期限不超过30日），企业整改后在期限内作出解除查封决定。',
  skill: 'documents',
  workflow: 'seizure',
  estimatedMinutes: 20,
  assessmentTimeLimitMinutes: 30,
  fixture,
  materials: (f) =>
    seizureMaterials(f, [
      `你是${f.authority.name}的执法人员，检查${f.enterprise.name}时发现下列情况。`,
      '请依照《安全生产法》第六十五条第一款第（四）项和《行政强制法》办理查封，并制作文书。',
    ]),
  machineInput: seizureMachineInput,
  steps: seizureSteps,
  hints: [
    {
      id: 'scope',
      stepId: 'record',
      text: '只有不符合国家标准或者行业标准的设施、设备、器材，以及违法生产、储存、使用、经营、运输的危险物品可以查封扣押；堵塞出口、积灰等一般事故隐患应责令整改。',
      cost: 5,
    },
    {
      id: 'period',
      stepId: 'decision',
      text: '查封期限自实施之日起计算，不得超过30日（《行政强制法》第二十五条）。',
      cost: 5,
    },
    {
      id: 'release',
      stepId: 'outcome',
      text: '不再需要查封的，应当及时解除；期限届满前必须作出决定（《行政强制法》第二十七条、第二十八条）。',
      cost: 3,
    },
  ],
  rubric: [
    r.validTeam(10),
    r.approvedBefore(15),
    r.seizableOnly(20),
    r.listComplete(15),
    r.period(15),
    r.outcomeInTime(25),
  ],
  unreachableStates: [
    {
      state: 'confiscated',
      reason: '不符合标准的设施、设备不属于依法应当没收的非法财物，没收决定一律被拒绝（《行政强制法》第二十七条）',
    },
  ],
  modelAnswer: seizureModelAnswer,
  alternativeAnswers: seizureAlternatives,
};
