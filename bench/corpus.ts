import { FIELD_IDS, type FieldId } from '../shared/fields.js';
import type { ChallengeRow, SubscriptionRow } from '../server/store/rows.js';

/**
 * A deterministic bilingual corpus for the benchmarks: challenges, queries and subscriptions drawn from a
 * technical vocabulary of the 14 fields in English and Chinese. The same seed always gives the same data,
 * so figures from two runs compare.
 */

/** A seeded pseudo-random source (mulberry32): fast, and good enough for shaping test data. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items (fewer if there are not that many). */
  sample<T>(items: readonly T[], count: number): T[];
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    sample(items, count) {
      const pool = [...items];
      const out: (typeof items)[number][] = [];
      while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return out;
    },
  };
}

/** Technical terms per field, in each language; not translations of each other, as in real postings. */
export const VOCABULARY: Record<FieldId, { en: readonly string[]; zh: readonly string[] }> = {
  'info-networks': {
    en: ['5G base station', 'optical transceiver', 'edge computing', 'network slicing', 'low-latency routing', 'millimeter-wave antenna', 'satellite internet', 'software-defined networking', 'packet loss', 'Wi-Fi 7 chipset', 'fiber splicing', 'network security'],
    zh: ['5G基站', '光模块', '边缘计算', '网络切片', '毫米波天线', '卫星互联网', '软件定义网络', '数据中心交换机', '光纤熔接', '工业互联网', '网络安全', '低时延传输'],
  },
  'green-manufacturing': {
    en: ['additive manufacturing', 'laser welding', 'predictive maintenance', 'digital twin', 'injection molding', 'energy-efficient machining', 'surface coating', 'cutting fluid recycling', 'industrial robot', 'waste heat recovery', 'lean production', 'powder metallurgy'],
    zh: ['增材制造', '激光焊接', '预测性维护', '数字孪生', '注塑成型', '节能加工', '表面涂层', '切削液回收', '工业机器人', '余热回收', '精益生产', '粉末冶金'],
  },
  agriculture: {
    en: ['precision irrigation', 'crop disease detection', 'soil moisture sensor', 'greenhouse climate control', 'seed breeding', 'drone spraying', 'livestock monitoring', 'biological fertilizer', 'post-harvest storage', 'aquaculture feed', 'rice transplanter', 'pest forecasting'],
    zh: ['精准灌溉', '作物病害识别', '土壤墒情传感器', '温室环境控制', '种子育种', '植保无人机', '畜禽养殖监测', '生物有机肥', '果蔬保鲜', '水产饲料', '水稻插秧机', '病虫害预测'],
  },
  energy: {
    en: ['perovskite solar cell', 'photovoltaic inverter', 'wind turbine blade', 'grid-scale storage', 'hydrogen electrolyzer', 'heat pump', 'smart grid', 'flow battery', 'concentrated solar power', 'power forecasting', 'carbon capture', 'nuclear fusion'],
    zh: ['钙钛矿太阳能电池', '光伏逆变器', '风电叶片', '储能电站', '电解水制氢', '热泵', '智能电网', '液流电池', '光热发电', '功率预测', '碳捕集', '核聚变'],
  },
  resources: {
    en: ['rare earth separation', 'tailings reuse', 'ore flotation', 'lithium extraction', 'copper smelting', 'mine ventilation', 'geological survey', 'coal gasification', 'heavy metal recovery', 'groundwater exploration', 'blast optimization', 'mineral processing'],
    zh: ['稀土分离', '尾矿综合利用', '浮选', '盐湖提锂', '铜冶炼', '矿井通风', '地质勘探', '煤气化', '重金属回收', '地下水勘查', '爆破优化', '选矿工艺'],
  },
  environment: {
    en: ['wastewater treatment', 'VOC abatement', 'soil remediation', 'microplastic detection', 'air quality monitoring', 'sludge drying', 'membrane bioreactor', 'desulfurization', 'landfill leachate', 'carbon footprint', 'noise control', 'plastic recycling'],
    zh: ['污水处理', '挥发性有机物治理', '土壤修复', '微塑料检测', '空气质量监测', '污泥干化', '膜生物反应器', '烟气脱硫', '垃圾渗滤液', '碳足迹核算', '噪声治理', '废塑料回收'],
  },
  'marine-space': {
    en: ['seawater desalination', 'underwater robot', 'satellite attitude control', 'offshore platform corrosion', 'sonar imaging', 'rocket engine', 'ocean buoy', 'deep-sea sensor', 'remote sensing', 'ship hull coating', 'tidal energy', 'space debris'],
    zh: ['海水淡化', '水下机器人', '卫星姿态控制', '海洋平台防腐', '声呐成像', '火箭发动机', '海洋浮标', '深海传感器', '遥感影像', '船体涂料', '潮汐能', '空间碎片'],
  },
  'smart-cities': {
    en: ['traffic signal optimization', 'smart parking', 'building energy management', 'water leak detection', 'urban flood forecasting', 'street lighting control', 'waste collection routing', 'public transit scheduling', 'bridge health monitoring', 'facial recognition', 'smart meter', 'elevator safety'],
    zh: ['交通信号优化', '智慧停车', '楼宇能耗管理', '管网漏损检测', '城市内涝预警', '路灯控制', '垃圾清运路径', '公交调度', '桥梁健康监测', '人脸识别', '智能电表', '电梯安全'],
  },
  health: {
    en: ['medical imaging', 'wearable ECG', 'drug delivery', 'cancer screening', 'surgical robot', 'hospital infection control', 'rehabilitation exoskeleton', 'point-of-care diagnostics', 'telemedicine', 'hearing aid', 'blood glucose monitoring', 'sleep apnea'],
    zh: ['医学影像', '可穿戴心电', '药物递送', '癌症早筛', '手术机器人', '院内感染防控', '康复外骨骼', '即时检测', '远程医疗', '助听器', '血糖监测', '睡眠呼吸暂停'],
  },
  biotech: {
    en: ['gene editing', 'cell culture media', 'monoclonal antibody', 'enzyme engineering', 'synthetic biology', 'fermentation scale-up', 'protein purification', 'mRNA vaccine', 'microbial strain', 'biosensor', 'DNA sequencing', 'cell therapy'],
    zh: ['基因编辑', '细胞培养基', '单克隆抗体', '酶工程', '合成生物学', '发酵放大', '蛋白纯化', 'mRNA疫苗', '菌种选育', '生物传感器', '基因测序', '细胞治疗'],
  },
  'new-materials': {
    en: ['graphene film', 'carbon fiber composite', 'silicon carbide wafer', 'high-entropy alloy', 'ceramic membrane', 'aerogel insulation', 'biodegradable plastic', 'solid electrolyte', 'quantum dot', 'superhydrophobic coating', 'magnesium alloy', 'perovskite crystal'],
    zh: ['石墨烯薄膜', '碳纤维复合材料', '碳化硅晶圆', '高熵合金', '陶瓷膜', '气凝胶隔热', '可降解塑料', '固态电解质', '量子点', '超疏水涂层', '镁合金', '钙钛矿晶体'],
  },
  'high-end-equipment': {
    en: ['CNC machine tool', 'precision bearing', 'hydraulic valve', 'lithography stage', 'industrial gas turbine', 'high-speed train bogie', 'servo motor', 'vacuum pump', 'harmonic reducer', 'laser cutting head', 'semiconductor wafer handling', 'gearbox vibration'],
    zh: ['数控机床', '精密轴承', '液压阀', '光刻机工件台', '燃气轮机', '高铁转向架', '伺服电机', '真空泵', '谐波减速器', '激光切割头', '晶圆传输', '齿轮箱振动'],
  },
  'new-energy-vehicles': {
    en: ['lithium-ion battery', 'battery management system', 'fast charging', 'battery recycling', 'electric motor', 'thermal runaway', 'fuel cell stack', 'solid-state battery', 'vehicle-to-grid', 'autonomous driving', 'silicon anode', 'charging pile'],
    zh: ['锂离子电池', '电池管理系统', '快充', '动力电池回收', '驱动电机', '热失控', '燃料电池电堆', '固态电池', '车网互动', '自动驾驶', '硅负极', '充电桩'],
  },
  ai: {
    en: ['defect detection', 'large language model', 'reinforcement learning', 'computer vision', 'speech recognition', 'anomaly detection', 'knowledge graph', 'federated learning', 'model compression', 'time series forecasting', 'visual inspection', 'recommendation system'],
    zh: ['缺陷检测', '大语言模型', '强化学习', '计算机视觉', '语音识别', '异常检测', '知识图谱', '联邦学习', '模型压缩', '时间序列预测', '视觉检测', '推荐系统'],
  },
};

const EN_TITLES = [
  (a: string, b: string) => `Low-cost ${a} for ${b}`,
  (a: string, b: string) => `${a}: improving ${b}`,
  (a: string) => `Scalable ${a}`,
  (a: string, b: string) => `${a} in ${b} applications`,
  (a: string) => `Next-generation ${a}`,
  (a: string, b: string) => `Reliable ${a} with ${b}`,
];
const ZH_TITLES = [
  (a: string, b: string) => `${a}在${b}中的应用`,
  (a: string, b: string) => `面向${b}的${a}研发`,
  (a: string) => `${a}关键技术攻关`,
  (a: string) => `低成本${a}制备工艺`,
  (a: string, b: string) => `${a}与${b}集成方案`,
  (a: string) => `高可靠${a}系统开发`,
];
const EN_SENTENCES = [
  (a: string, b: string) => `We are looking for a partner to develop ${a} that can be integrated with our existing ${b}.`,
  (a: string) => `The current ${a} suffers from high cost and short service life in field conditions.`,
  (a: string, b: string) => `Proposals should explain how ${a} performance will be validated, including tests of ${b}.`,
  (a: string) => `A working prototype of the ${a} is expected within twelve months, with a pilot at our plant.`,
  (a: string, b: string) => `Prior experience with ${a} or ${b} is an advantage; joint publications are welcome.`,
  (a: string) => `Key metrics include efficiency, durability and the unit cost of ${a} at volume.`,
  () => 'The deliverables are a technical report, test data and a transfer of know-how to our engineers.',
  () => 'Intellectual property terms are negotiable and milestone payments are possible.',
];
const ZH_SENTENCES = [
  (a: string, b: string) => `我公司寻求合作团队开发${a}，并与现有${b}系统集成。`,
  (a: string) => `目前${a}存在成本高、寿命短等问题，难以满足现场应用需求。`,
  (a: string, b: string) => `方案需说明${a}性能的验证方法，包括${b}相关测试。`,
  (a: string) => `要求在十二个月内完成${a}样机研制，并在我司产线开展中试。`,
  (a: string, b: string) => `具有${a}或${b}研究基础的团队优先，欢迎联合发表论文。`,
  (a: string) => `关键指标包括效率、可靠性以及${a}的量产成本。`,
  () => '交付物包括技术报告、测试数据以及向我方工程师的技术转移。',
  () => '知识产权归属可协商，可按里程碑分期支付。',
];

const DAY = 86_400_000;
/** Every generated time is relative to this instant, so the corpus does not change with the clock. */
export const CORPUS_EPOCH = Date.parse('2026-06-01T00:00:00.000Z');

export type Language = 'en' | 'zh' | 'mixed';

function terms(random: Random, field: FieldId, language: 'en' | 'zh', count: number): string[] {
  return random.sample(VOCABULARY[field][language], count);
}

/** `count` challenges: about 47% English, 47% Chinese, 6% Chinese with English terms; 90% open. */
export function generateChallenges(count: number, seed = 1): ChallengeRow[] {
  const random = createRandom(seed);
  const rows: ChallengeRow[] = [];
  for (let n = 0; n < count; n++) {
    const roll = random.next();
    const language: Language = roll < 0.47 ? 'en' : roll < 0.94 ? 'zh' : 'mixed';
    const text = language === 'en' ? 'en' : 'zh';
    const primary = random.pick(FIELD_IDS);
    const fields = random.chance(0.3) ? [primary, random.pick(FIELD_IDS.filter((f) => f !== primary))] : [primary];
    const [a, b, c, d] = terms(random, primary, text, 4) as [string, string, string, string];
    const other = terms(random, fields[1] ?? random.pick(FIELD_IDS), text, 1)[0]!;
    const titles = text === 'en' ? EN_TITLES : ZH_TITLES;
    const sentences = text === 'en' ? EN_SENTENCES : ZH_SENTENCES;
    const sentence = () => random.pick(sentences)(random.pick([a, b, c, d, other]), random.pick([a, b, c, d]));
    let title = random.pick(titles)(a, b);
    if (language === 'mixed') title += `（${random.pick(VOCABULARY[primary].en)}）`;
    const summary = Array.from({ length: random.int(1, 2) }, sentence).join(text === 'en' ? ' ' : '');
    const description = Array.from({ length: random.int(3, 7) }, sentence).join(text === 'en' ? ' ' : '');
    const created = CORPUS_EPOCH + random.int(0, 150) * DAY + random.int(0, DAY);
    const statusRoll = random.next();
    const status = statusRoll < 0.9 ? 'open' : statusRoll < 0.95 ? 'closed' : statusRoll < 0.98 ? 'draft' : 'awarded';
    rows.push({
      id: `chl_${n.toString(36).padStart(6, '0')}`,
      ownerId: `acc_e${random.int(0, 1999)}`,
      title,
      summary,
      description,
      fields,
      keywords: [a, c, ...(random.chance(0.5) ? [d] : [])],
      type: random.pick(['ideation', 'theoretical', 'prototype', 'rfp'] as const),
      reward: { amount: random.int(5, 200) * 10_000, currency: 'CNY' },
      deadline: new Date(created + random.int(30, 365) * DAY).toISOString(),
      ipTerms: random.pick(['assignment', 'exclusive-license', 'nonexclusive-license', 'joint-rd', 'equity', 'negotiable'] as const),
      status,
      award: null,
      counters: { bids: random.int(0, 12), saves: random.int(0, 40), questions: random.int(0, 5) },
      createdAt: new Date(created).toISOString(),
      publishedAt: status === 'draft' ? null : new Date(created + DAY).toISOString(),
      closedAt: null,
      updatedAt: new Date(created + DAY).toISOString(),
      cancelledAt: null,
      reminderSentAt: null,
    });
  }
  return rows;
}

export interface Query {
  text: string;
  language: Language;
}

function inflect(random: Random, phrase: string): string {
  const words = phrase.split(' ');
  if (random.chance(0.3)) words[words.length - 1] += 's';
  return random.chance(0.3) ? words.join(' ').toLowerCase() : words.join(' ');
}

/** `count` search queries: 40% English (plurals, lower case), 40% Chinese (spaced or run together), 20% mixed. */
export function generateQueries(count: number, seed = 2): Query[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (): Query => {
    const field = random.pick(FIELD_IDS);
    const roll = random.next();
    if (roll < 0.4) {
      const words = terms(random, field, 'en', random.int(1, 2)).map((t) => inflect(random, t));
      return { text: words.join(' '), language: 'en' };
    }
    if (roll < 0.8) {
      return { text: terms(random, field, 'zh', random.int(1, 2)).join(random.chance(0.5) ? ' ' : ''), language: 'zh' };
    }
    return { text: `${terms(random, field, 'zh', 1)[0]} ${terms(random, field, 'en', 1)[0]}`, language: 'mixed' };
  });
}

function longestWord(phrase: string): string {
  return phrase.split(/[ -]/).reduce((longest, word) => (word.length > longest.length ? word : longest));
}

/**
 * How specific subscribers are. `broad`: each phrase is one term of the vocabulary or its telling word
 * ("desalination"), so with 336 terms per language a publish alerts a few percent of all accounts.
 * `specific`: each phrase joins two terms of one field ("graphene film aerogel insulation"), matching only
 * challenges that mention both.
 */
export type Specificity = 'broad' | 'specific';

/**
 * `count` subscriptions of `accounts` researchers (plus a few enterprises, so owners get filtered): 1–3
 * phrases mostly of one field and language; 15% with fields, 15% with a minimum reward, 5% paused, 4%
 * fields-only.
 */
export function generateSubscriptions(count: number, accounts: number, specificity: Specificity, seed = 3): SubscriptionRow[] {
  const random = createRandom(seed);
  const at = new Date(CORPUS_EPOCH).toISOString();
  const phrase = (field: FieldId, language: 'en' | 'zh') => {
    if (specificity === 'specific') return terms(random, field, language, 2).join(' ');
    const term = random.pick(VOCABULARY[field][language]);
    return language === 'en' && random.chance(0.3) ? longestWord(term) : term;
  };
  return Array.from({ length: count }, (_, n): SubscriptionRow => {
    const field = random.pick(FIELD_IDS);
    const fieldsOnly = random.chance(0.04);
    const language = random.chance(0.5) ? 'en' : 'zh';
    const phrases = fieldsOnly
      ? []
      : Array.from({ length: random.int(1, 3) }, () => phrase(random.chance(0.8) ? field : random.pick(FIELD_IDS), language));
    const keywords = phrases.join(random.pick([', ', '; ', '，', '、']));
    return {
      id: `sub_${n.toString(36).padStart(6, '0')}`,
      accountId: random.chance(0.05) ? `acc_e${random.int(0, 1999)}` : `acc_r${random.int(0, accounts - 1)}`,
      keywords,
      fields: fieldsOnly || random.chance(0.15) ? random.sample(FIELD_IDS, random.int(1, 2)) : [],
      minReward: random.chance(0.15) ? random.int(1, 100) * 10_000 : null,
      active: !random.chance(0.05),
      createdAt: at,
      updatedAt: at,
    };
  });
}
