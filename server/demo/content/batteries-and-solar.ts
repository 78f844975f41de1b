import type { DemoChallenge } from '../types.js';

/** Challenges from the battery maker and the PV company: perovskite stability, recycling, thermal runaway, and a draft. */
export const BATTERY_AND_SOLAR_CHALLENGES: DemoChallenge[] = [
  {
    key: 'perovskite',
    owner: 'jinglan',
    title: '钙钛矿太阳能电池湿热稳定性提升',
    summary: '寻求可量产的界面钝化与封装方案，使 1.2 m × 0.6 m 钙钛矿组件通过 IEC 61215 双 85 测试 1000 小时后效率保持率不低于 95%。',
    description: `背景
我司已建成 100 MW 钙钛矿单结组件中试线，组件初始效率 17.8%（全面积），但在 85 °C / 85% RH 湿热老化中，500 小时后效率衰减约 12%，主要失效表现为边缘黑化和电极腐蚀。

需求
1. 提出界面钝化、阻挡层或封装结构方面的改进方案，不改变现有狭缝涂布主工艺；
2. 全尺寸组件通过 IEC 61215 湿热测试（DH1000），效率保持率 ≥ 95%；
3. 新增材料成本不高于 8 元/平方米，可在现有产线上导入。

我方提供
- 标准组件样品 50 片和中试线工艺窗口数据；
- 第三方检测费用由我方承担；
- 研发阶段可派驻工程师配合。

交付物
技术方案报告、小试和中试验证数据、工艺文件及必要的专利申请材料。`,
    fields: ['energy', 'new-materials'],
    keywords: ['钙钛矿', 'perovskite', '湿热老化', '封装', '界面钝化'],
    type: 'prototype',
    ipTerms: 'joint-rd',
    reward: { amount: 800000, currency: 'CNY' },
    createdDaysAgo: 20.4,
    publishedDaysAgo: 20,
    deadlineInDays: 34,
    questions: [
      {
        asker: 'lin',
        askedDaysAgo: 18,
        text: '湿热测试是否允许使用丁基胶边缘密封？另外目前背板是玻璃还是高分子背板？',
        answer: { daysAgo: 17.5, text: '允许使用丁基胶，但需兼容我们的层压温度（不高于 150 °C）。目前为双玻结构，2.0 mm 半钢化玻璃。' },
      },
      {
        asker: 'mehta',
        askedDaysAgo: 15,
        text: 'Would you accept an inorganic barrier layer deposited by ALD if the throughput fits your line speed?',
        answer: { daysAgo: 14, text: '可以。线速度约 1.2 m/min，若 ALD 节拍能匹配或可离线批处理，我们愿意评估。Yes, if it keeps pace with about 1.2 m/min or can run as an offline batch.' },
      },
    ],
    bids: [
      {
        bidder: 'lin',
        submittedDaysAgo: 12,
        summary: '以自组装单分子层钝化 NiOx/钙钛矿界面，配合丁基胶-聚烯烃双重边封，目标 DH1000 保持率 96%。',
        approach: `我们课题组在小面积器件上已实现 DH1000 后效率保持率 97%（未封装器件在氮气中、封装器件在双 85 条件下）。方案分三部分：
1. 界面：以膦酸类自组装分子（SAM）替代部分 NiOx，减少界面缺陷和离子迁移通道；
2. 体相：引入少量胍盐添加剂，抑制湿热下的相分离；
3. 封装：丁基胶边封 + 聚烯烃（POE）胶膜，边缘加宽至 12 mm，并在激光划线区增加阻水涂层。
所有材料均可通过狭缝涂布或常压工艺导入，新增材料成本估算 5.6 元/平方米。`,
        price: { amount: 760000, currency: 'CNY' },
        durationWeeks: 36,
        milestones: [
          { title: '小面积器件验证（DH1000 保持率 ≥ 96%）', weeks: 10, amount: 200000 },
          { title: '30 cm × 30 cm 微组件工艺放大', weeks: 12, amount: 260000 },
          { title: '全尺寸组件中试与第三方检测', weeks: 14, amount: 300000 },
        ],
        papers: ['kojima-2009'],
        decision: { status: 'shortlisted', daysAgo: 3 },
      },
      {
        bidder: 'mehta',
        submittedDaysAgo: 9,
        summary: 'Spatial-ALD Al2O3/SnO2 barrier stack on the finished cell, deposited inline at atmospheric pressure.',
        approach: `A 40 nm Al2O3/SnO2 nanolaminate deposited by spatial atomic layer deposition at 100 °C directly on the top electrode. Spatial ALD runs at atmospheric pressure and can reach line speeds of 1–2 m/min with a 1.2 m wide head, so it fits your line.
We have measured water-vapour transmission rates below 1e-4 g/m²/day on similar stacks. The barrier protects the electrode from the halide corrosion that causes the edge darkening you describe.
Work plan: barrier optimisation on your cells, accelerated ageing at our lab, then a pilot head installed at your line with a tool partner.`,
        price: { amount: 820000, currency: 'CNY' },
        durationWeeks: 40,
        milestones: [
          { title: 'Barrier recipe on supplied cells, WVTR < 1e-4', weeks: 12, amount: 250000 },
          { title: 'DH1000 on 30 × 30 cm mini-modules', weeks: 14, amount: 270000 },
          { title: 'Pilot inline head and full-size module test', weeks: 14, amount: 300000 },
        ],
      },
    ],
    saves: [
      { by: 'lin', daysAgo: 19.5 },
      { by: 'mehta', daysAgo: 16 },
      { by: 'zhao', daysAgo: 10 },
    ],
  },
  {
    key: 'battery-recycling',
    owner: 'qiming',
    title: '退役动力电池梯次利用与高值回收',
    summary: '针对每年约 3 万吨退役磷酸铁锂和三元电池，征集快速分选、梯次利用评估和正极材料直接再生的整体技术方案。',
    description: `背景
随着首批新能源汽车动力电池进入退役期，我司售后体系每年回收电池包约 3 万吨，其中磷酸铁锂约 70%、三元约 30%。目前主要以拆解后交由第三方湿法回收为主，锂回收率不足 85%，磷酸铁锂回收基本不盈利。

需求
1. 快速分选：15 分钟内完成单个模组的健康状态（SOH）评估，误差 ≤ 3%，用于判断是否进入储能梯次利用；
2. 直接再生：对无法梯次利用的磷酸铁锂正极，提出补锂修复再生工艺，再生材料容量 ≥ 155 mAh/g；
3. 三元电池：锂回收率 ≥ 95%，镍钴锰回收率 ≥ 98%；
4. 给出万吨级产线的投资和运行成本估算。

我方提供
历史 BMS 数据（约 20 万辆车）、退役模组样品、中试场地（江苏常州）。

知识产权
成果由我方独占许可使用，研发方保留学术发表权（需提前 60 天告知）。`,
    fields: ['resources', 'environment', 'new-energy-vehicles'],
    keywords: ['电池回收', 'battery recycling', '梯次利用', '磷酸铁锂', '直接再生', 'SOH'],
    type: 'rfp',
    ipTerms: 'exclusive-license',
    reward: { amount: 1200000, currency: 'CNY' },
    createdDaysAgo: 19.2,
    publishedDaysAgo: 18.8,
    deadlineInDays: 41,
    questions: [
      {
        asker: 'zhou',
        askedDaysAgo: 17,
        text: '退役电池的来源车型和化学体系能否提供更细的分布？直接再生对原始材料批次比较敏感。',
        answer: { daysAgo: 16.2, text: '磷酸铁锂主要为 2017—2019 年乘用车和物流车电池，约 12 个供应商批次；三元以 NCM523 和 NCM622 为主。详细清单将在签约后提供。' },
      },
      {
        asker: 'wang',
        askedDaysAgo: 11,
        text: 'BMS 历史数据的采样频率是多少？是否包含充电过程的电压曲线？',
        answer: { daysAgo: 10.5, text: '云端数据 10 秒一帧，包含完整充电过程的单体电压和温度，约 20 万辆车、平均 4 年。' },
      },
      {
        asker: 'mehta',
        askedDaysAgo: 2,
        text: 'Would a proposal that covers only the direct regeneration of LFP cathodes be considered, or must it cover all four items?',
      },
    ],
    bids: [
      {
        bidder: 'zhou',
        submittedDaysAgo: 9,
        summary: '固相补锂直接再生磷酸铁锂 + 选择性浸出三元，已有 500 吨/年中试线数据支撑。',
        approach: `1. 分选：基于充电曲线的容量增量（IC）特征快速估计 SOH，配合模组级直流内阻测试，单模组 12 分钟；
2. 磷酸铁锂：低温破碎—风选—浮选分离正极粉，采用碳酸锂 + 葡萄糖固相补锂，700 °C 惰性气氛烧结，中试再生材料容量 157 mAh/g；
3. 三元：硫酸 + 双氧水还原浸出，萃取分离镍钴锰，锂以碳酸锂形式回收，中试锂回收率 95.6%；
4. 产线：给出 1 万吨/年的工艺包、设备清单和成本模型。`,
        price: { amount: 1150000, currency: 'CNY' },
        durationWeeks: 48,
        milestones: [
          { title: 'SOH 快速分选方法与样机', weeks: 12, amount: 300000 },
          { title: '磷酸铁锂直接再生百公斤级验证', weeks: 16, amount: 400000 },
          { title: '三元回收工艺优化与万吨级工艺包', weeks: 20, amount: 450000 },
        ],
        papers: ['harper-2019'],
        revisions: [{ daysAgo: 5, changes: { price: { amount: 1080000, currency: 'CNY' }, durationWeeks: 44 } }],
      },
      {
        bidder: 'wang',
        submittedDaysAgo: 6,
        summary: '仅承担分选部分：基于 20 万辆车 BMS 数据训练的 SOH 估计模型，误差 ≤ 2.5%。',
        approach: '利用云端充电片段的电压—容量特征，训练跨车型迁移的 SOH 估计模型；在拆解前即给出分选建议，减少 60% 的离线测试量。可与其他团队的回收工艺方案组合。',
        price: { amount: 320000, currency: 'CNY' },
        durationWeeks: 20,
        milestones: [
          { title: '数据清洗与基线模型', weeks: 8, amount: 120000 },
          { title: '跨车型迁移与现场验证', weeks: 12, amount: 200000 },
        ],
        papers: ['malhotra-2016'],
      },
    ],
    saves: [
      { by: 'zhou', daysAgo: 18 },
      { by: 'wang', daysAgo: 12 },
      { by: 'mehta', daysAgo: 3 },
    ],
  },
  {
    key: 'thermal-runaway',
    owner: 'qiming',
    title: 'Early warning of thermal runaway in battery energy-storage cabinets',
    summary:
      'Detect cell venting in 280 Ah LFP storage cabinets at least 10 minutes before thermal runaway, with fewer than one false alarm per cabinet per year.',
    description: `Context
We ship 2.5 MWh liquid-cooled energy-storage cabinets built from 280 Ah LFP cells. Today's protection relies on BMS voltage and temperature limits and a smoke detector, which trigger only once a cell is already in runaway.

What we need
- A detection method (sensors plus algorithm) that flags a venting or internally shorted cell at least 10 minutes before thermal runaway in our abuse tests (overcharge, nail penetration, external heating).
- False alarms below 1 per cabinet per year in field operation.
- Added hardware cost below USD 400 per cabinet; sensors must fit the existing cabinet without re-certification of the enclosure.

What we provide
Abuse-test facility time (20 tests), BMS logs of 300 cabinets in operation, engineering support for integration.

Deliverables
A working prototype on one cabinet, the detection algorithm with its validation report, and integration documents for our BMS team.`,
    fields: ['energy', 'ai', 'high-end-equipment'],
    keywords: ['thermal runaway', '热失控', 'energy storage', 'gas sensing', 'early warning'],
    type: 'prototype',
    ipTerms: 'exclusive-license',
    reward: { amount: 90000, currency: 'USD' },
    createdDaysAgo: 4.2,
    publishedDaysAgo: 3.6,
    deadlineInDays: 26,
    questions: [
      {
        asker: 'mehta',
        askedDaysAgo: 1.2,
        text: 'Are hydrogen and CO sensors acceptable inside the battery module, or only at cabinet level?',
      },
    ],
    bids: [
      {
        bidder: 'wang',
        submittedDaysAgo: 0.5,
        summary: 'Cabinet-level H2/CO sensing fused with BMS voltage anomalies by a multi-sensor anomaly detector.',
        approach: `Hydrogen is released in the first venting stage of LFP cells, well before runaway. We add two H2 and one CO sensor per cabinet (about USD 250) and fuse their signals with per-cell voltage and temperature deviations from the BMS.
The detector is an encoder-decoder trained on normal operation only; the reconstruction error of the joint signal is the alarm score. Thresholds are calibrated on your 300 cabinets' logs to keep false alarms below one per cabinet-year, and validated on the abuse tests.`,
        price: { amount: 85000, currency: 'USD' },
        durationWeeks: 24,
        milestones: [
          { title: 'Sensor selection and placement study', weeks: 6, amount: 20000 },
          { title: 'Detector trained on field logs', weeks: 8, amount: 30000 },
          { title: 'Abuse-test validation and integration', weeks: 10, amount: 35000 },
        ],
        papers: ['malhotra-2016'],
      },
    ],
    saves: [
      { by: 'wang', daysAgo: 3 },
      { by: 'mehta', daysAgo: 1.3 },
    ],
  },
  {
    key: 'electrode-defects',
    owner: 'qiming',
    title: '动力电池极片涂布缺陷在线视觉检测',
    summary: '在 80 m/min 涂布速度下在线识别漏涂、划痕、气泡和颗粒等缺陷，检出率 ≥ 99.5%，误报率 ≤ 0.1%。',
    description: `（草稿，尚未发布）
现有涂布线采用传统阈值算法检测，对浅划痕和小颗粒漏检较多。希望引入深度学习方法，在不更换相机的前提下提升检出率，并能在两周内适配新产品型号。`,
    fields: ['ai', 'green-manufacturing'],
    keywords: ['机器视觉', '缺陷检测', '极片涂布'],
    type: 'prototype',
    ipTerms: 'assignment',
    reward: { amount: 380000, currency: 'CNY' },
    createdDaysAgo: 1.5,
    deadlineInDays: 45,
  },
];
