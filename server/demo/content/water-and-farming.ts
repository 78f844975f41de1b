import type { DemoChallenge } from '../types.js';

/** Challenges from the city water utility and the agritech company. */
export const WATER_AND_FARMING_CHALLENGES: DemoChallenge[] = [
  {
    key: 'leak-detection',
    owner: 'binjiang',
    title: '智慧水务：供水管网漏损智能检测与定位',
    summary: '利用现有 1,200 个压力和流量监测点及新增声学传感器，实现 DN100 以上管道漏点的自动发现和 ±20 m 定位，目标两年内产销差率从 14% 降到 9%。',
    description: `背景
滨江市供水管网总长约 5,800 公里，已划分 186 个独立计量分区（DMA），产销差率约 14%，其中物理漏损约占三分之二。目前主要依靠人工听漏，平均每个漏点从发生到定位需要 40 天以上。

需求
1. 基于 DMA 夜间最小流量和压力监测数据，自动发现新增漏损并定位到 DMA 和管段；
2. 结合新增声学（噪声记录仪或水听器）传感器，将漏点定位到 ±20 m 以内；
3. 给出传感器最优布设方案，新增硬件投资不超过 600 万元；
4. 在 3 个试点 DMA 完成 6 个月运行验证，漏点发现时间缩短到 7 天以内。

我方提供
三年 SCADA 和 DMA 数据、管网 GIS 和水力模型（InfoWorks WS）、试点区域的现场配合和开挖验证。

说明
方案以普通许可方式授权我方使用，研发方可在其他城市推广。`,
    fields: ['smart-cities', 'ai', 'info-networks'],
    keywords: ['智慧水务', '漏损检测', 'leak detection', 'DMA', '声学传感', '水力模型'],
    type: 'prototype',
    ipTerms: 'nonexclusive-license',
    reward: { amount: 600000, currency: 'CNY' },
    createdDaysAgo: 17,
    publishedDaysAgo: 16.5,
    deadlineInDays: 0.6,
    questions: [
      {
        asker: 'keller',
        askedDaysAgo: 15,
        text: 'What share of the network is plastic (PE/PVC) pipe? Acoustic signals attenuate much faster in plastic than in ductile iron.',
        answer: { daysAgo: 14.6, text: '约 35% 为 PE 管，主要分布在 2010 年后的新城区；老城区以球墨铸铁和灰口铸铁为主。About 35% is PE, mostly in districts built after 2010.' },
      },
      {
        asker: 'wang',
        askedDaysAgo: 8,
        text: 'DMA 夜间流量数据的采样间隔是多少？是否有历史漏点的维修记录可以作为标签？',
        answer: { daysAgo: 7.5, text: '15 分钟一个点；有近三年约 2,300 条维修工单，含位置和发现时间，可作为标签使用。' },
      },
    ],
    bids: [
      {
        bidder: 'keller',
        submittedDaysAgo: 10,
        summary: 'Hydrophone network on trunk mains plus noise loggers in plastic districts, with a CNN on spectrograms for leak localisation.',
        approach: `Two-layer design. Layer one: DMA-level detection from night-flow and pressure residuals against your InfoWorks model, which flags a district within 48 hours of a new leak. Layer two: localisation with hydrophones on ductile-iron trunk mains (cross-correlation, ±10 m) and dense noise loggers in PE districts where signals fade quickly.
A residual CNN classifies spectrograms to separate leaks from pumps, traffic and consumption noise, which cuts false call-outs. Sensor placement is optimised by a greedy coverage algorithm within the CNY 6 million budget.`,
        price: { amount: 580000, currency: 'CNY' },
        durationWeeks: 40,
        milestones: [
          { title: 'DMA anomaly detection on historical data', weeks: 10, amount: 150000 },
          { title: 'Sensor placement and installation in 3 pilot DMAs', weeks: 10, amount: 180000 },
          { title: '6-month pilot operation and evaluation', weeks: 20, amount: 250000 },
        ],
        papers: ['he-2016'],
      },
      {
        bidder: 'wang',
        submittedDaysAgo: 4,
        summary: '以维修工单为弱标签训练多传感器时序异常检测模型，结合水力模型反演定位漏损管段。',
        approach: '以 DMA 夜间流量、压力和用水量构建多元时序，用编码器—解码器模型学习正常模式，重构误差作为漏损分数；发现异常后用水力模型灵敏度矩阵反演最可能的漏损管段，再由人工或声学设备精确定位。方案对新增硬件依赖小。',
        price: { amount: 450000, currency: 'CNY' },
        durationWeeks: 32,
        milestones: [
          { title: '异常检测模型与历史回测', weeks: 10, amount: 150000 },
          { title: '水力模型反演定位', weeks: 10, amount: 150000 },
          { title: '试点运行', weeks: 12, amount: 150000 },
        ],
        papers: ['malhotra-2016'],
        revisions: [{ daysAgo: 1.5, changes: { price: { amount: 420000, currency: 'CNY' } } }],
      },
    ],
    saves: [
      { by: 'keller', daysAgo: 16 },
      { by: 'wang', daysAgo: 9 },
    ],
  },
  {
    key: 'sludge',
    owner: 'binjiang',
    title: '市政污泥低碳处置与磷资源回收',
    summary: '为日处理 30 万吨的污水厂每天产生的 300 吨含水率 80% 污泥，征集低碳处置与磷回收路线，磷回收率 ≥ 60%，处置成本不高于现状。',
    description: `背景
我集团 4 座污水处理厂每日产生脱水污泥约 300 吨（含水率 80%），目前外运焚烧，处置费约 320 元/吨，且碳排放较高。污泥中磷含量约占干基 3%，有较高回收价值。

需求
1. 提出“深度脱水—厌氧消化或热水解—磷回收”等整体路线，比较不少于两种方案的技术经济性；
2. 磷回收率 ≥ 60%，回收产品（如鸟粪石、磷酸钙或蓝铁矿）满足肥料或工业原料标准；
3. 全流程碳排放较现状降低 30% 以上；
4. 吨污泥综合处置成本不高于 320 元。

我方提供
污泥理化性质和全年检测数据、场地条件、现有工艺运行数据。`,
    fields: ['environment', 'resources'],
    keywords: ['污泥处置', '磷回收', 'sludge', 'phosphorus recovery', '鸟粪石', '低碳'],
    type: 'rfp',
    ipTerms: 'joint-rd',
    reward: { amount: 700000, currency: 'CNY' },
    createdDaysAgo: 7,
    publishedDaysAgo: 6.5,
    deadlineInDays: 30,
    questions: [
      {
        asker: 'keller',
        askedDaysAgo: 5,
        text: 'Do the plants use iron salts for chemical phosphorus removal? That decides between struvite and vivianite recovery.',
        answer: { daysAgo: 4.7, text: '两座厂投加聚合硫酸铁，另两座为生物除磷。Two plants dose ferric sulphate, the other two rely on biological phosphorus removal.' },
      },
    ],
    bids: [
      {
        bidder: 'zhou',
        submittedDaysAgo: 2,
        summary: '热水解 + 厌氧消化 + 蓝铁矿磁选回收磷，适配投加铁盐的现状工艺。',
        approach: '对投加铁盐的两座厂，消化污泥中磷主要以蓝铁矿形式存在，可用磁选回收并进一步提纯；生物除磷厂采用鸟粪石结晶。热水解提高产气率，沼气发电抵消部分能耗。我们将完成实验室和 1 吨/天中试验证，并给出全生命周期碳排放核算。',
        price: { amount: 680000, currency: 'CNY' },
        durationWeeks: 36,
        milestones: [
          { title: '污泥表征与路线比选', weeks: 8, amount: 150000 },
          { title: '1 吨/天中试', weeks: 20, amount: 380000 },
          { title: '技术经济与碳排放评估', weeks: 8, amount: 150000 },
        ],
      },
    ],
    saves: [{ by: 'zhou', daysAgo: 6 }],
  },
  {
    key: 'soil-nitrate',
    owner: 'fenghe',
    title: 'Low-cost in-field soil nitrate sensor for smallholder plots',
    summary:
      'A buried sensor that reports soil nitrate every hour for a full season, within ±10 mg/kg of lab analysis, at a unit cost below CNY 200, to cut nitrogen fertiliser by 15%.',
    description: `Context
We manage 1.2 million mu of farmland on behalf of smallholders and co-operatives in the Huang-Huai-Hai plain and the middle Yangtze. Nitrogen is applied by calendar, and soil tests come back from the lab after two weeks — too late to adjust top-dressing.

What we need
- A sensor buried at 20 cm that reports nitrate-N hourly over a 150-day season;
- Accuracy within ±10 mg/kg against lab analysis (KCl extraction) in loam and clay loam soils;
- Unit cost below CNY 200 at 10,000 units, battery or solar powered, data over NB-IoT or LoRa;
- A field trial on at least 3 sites with our agronomists.

Deliverables
Sensor prototypes (50 units), calibration method, field-trial report, and a bill of materials for volume production. We license the design non-exclusively; the developer may sell it elsewhere.`,
    fields: ['agriculture', 'info-networks', 'environment'],
    keywords: ['soil nitrate', '土壤硝态氮', 'precision fertilisation', 'ion-selective electrode', 'NB-IoT'],
    type: 'prototype',
    ipTerms: 'nonexclusive-license',
    reward: { amount: 300000, currency: 'CNY' },
    createdDaysAgo: 21.3,
    publishedDaysAgo: 20.9,
    deadlineInDays: -6,
    questions: [
      {
        asker: 'keller',
        askedDaysAgo: 19,
        text: 'Is a reading every hour really needed, or would every 6 hours do? It changes the power budget a lot.',
        answer: { daysAgo: 18.5, text: 'Every 6 hours is acceptable outside the top-dressing windows; during the two 3-week windows we need hourly readings.' },
      },
    ],
    bids: [
      {
        bidder: 'chen',
        submittedDaysAgo: 16,
        summary: '丝网印刷离子选择电极阵列 + 温度与含水率补偿，团队已在三省试验站完成两季田间验证。',
        approach: `传感器采用丝网印刷的硝酸根离子选择电极阵列（4 支冗余），配合土壤温度和体积含水率测量，用补偿模型消除温湿度漂移。
已在山东、江苏、湖南试验站完成两季验证：与实验室 KCl 浸提结果相比平均偏差 ±8 mg/kg。整机采用太阳能板 + 超级电容，LoRa 回传，万台规模物料成本约 150 元。`,
        price: { amount: 280000, currency: 'CNY' },
        durationWeeks: 30,
        milestones: [
          { title: '50 台样机与实验室标定', weeks: 10, amount: 100000 },
          { title: '三地一季田间试验', weeks: 16, amount: 130000 },
          { title: '量产物料清单与标定规程', weeks: 4, amount: 50000 },
        ],
      },
      {
        bidder: 'keller',
        submittedDaysAgo: 14,
        summary: 'Impedance-spectroscopy probe with machine-learning calibration, no ion-selective membrane to foul.',
        approach: 'Electrochemical impedance at four frequencies with a learned calibration against lab samples. No membrane means no drift from fouling, but calibration must be done per soil type.',
        price: { amount: 260000, currency: 'CNY' },
        durationWeeks: 34,
        milestones: [
          { title: 'Probe design and lab calibration', weeks: 14, amount: 120000 },
          { title: 'Field trial on 3 sites', weeks: 20, amount: 140000 },
        ],
        decision: { status: 'rejected', daysAgo: 4, feedback: 'Per-soil calibration is too costly for smallholder plots. Thank you for a clear and honest proposal.' },
      },
    ],
    award: {
      bidder: 'chen',
      daysAgo: 2.5,
      note: 'Prof. Chen’s team brought two seasons of field data from three provinces, agreeing with lab tests within ±8 mg/kg, at a unit cost around CNY 150. 我们期待明年春季在山东的 2,000 亩示范。',
    },
    saves: [
      { by: 'chen', daysAgo: 20 },
      { by: 'keller', daysAgo: 19 },
    ],
  },
  {
    key: 'rice-blast',
    owner: 'fenghe',
    title: '基于无人机多光谱影像的稻瘟病早期识别',
    summary: '在叶瘟发病初期（病叶率 < 5%）通过无人机多光谱影像识别发病田块和中心病株，准确率 ≥ 85%，指导精准施药，减少农药用量 30%。',
    description: `背景
稻瘟病是我司托管稻田（约 40 万亩，湖南、江西、安徽）最主要的病害，目前依靠植保员巡田发现，往往在病害扩散后才统防统治，农药用量大且效果不稳定。

需求
1. 利用多光谱（含红边和近红外波段）无人机影像，在叶瘟发病初期识别发病田块和中心病株位置；
2. 田块级识别准确率 ≥ 85%，中心病株定位误差 ≤ 2 m；
3. 单架次作业面积不小于 500 亩，影像处理在 4 小时内出图；
4. 输出可直接导入植保无人机的处方图。

我方提供
自有多光谱无人机 6 架、两季历史影像和植保调查记录、试验田块。

知识产权
面议，可接受联合开发或技术许可。`,
    fields: ['agriculture', 'ai', 'biotech'],
    keywords: ['稻瘟病', 'rice blast', '多光谱', '无人机', '植保', '处方图'],
    type: 'prototype',
    ipTerms: 'negotiable',
    reward: { amount: 350000, currency: 'CNY' },
    createdDaysAgo: 12,
    publishedDaysAgo: 11.8,
    deadlineInDays: 27,
    questions: [
      {
        asker: 'wang',
        askedDaysAgo: 10,
        text: '历史影像是否有逐株或逐区块的病情标注？还是只有田块级的调查记录？',
        answer: { daysAgo: 9.6, text: '约 300 个田块有 1 m × 1 m 样方级调查记录，其余只有田块级病叶率。' },
      },
      {
        asker: 'chen',
        askedDaysAgo: 8,
        text: '影像的地面分辨率和飞行高度是多少？红边波段的中心波长是多少？',
        answer: { daysAgo: 7.8, text: '飞行高度 100 m，地面分辨率约 5 cm；红边中心波长 717 nm，近红外 842 nm。' },
      },
    ],
    bids: [
      {
        bidder: 'chen',
        submittedDaysAgo: 5,
        summary: '多光谱植被指数时序变化 + 样方标注训练的语义分割网络，田块级识别与中心病株定位一体化。',
        approach: '以红边归一化指数（NDRE）等多个指数的时序变化发现早期胁迫，再用在 300 个样方标注上训练的 U-Net 分割疑似病斑区域；结合气象病害预测模型降低误报。处理流程部署在边缘服务器，4 小时内输出处方图。',
        price: { amount: 330000, currency: 'CNY' },
        durationWeeks: 28,
        milestones: [
          { title: '历史影像建模与回测', weeks: 10, amount: 120000 },
          { title: '当季田间验证', weeks: 14, amount: 150000 },
          { title: '处方图系统交付', weeks: 4, amount: 60000 },
        ],
        papers: ['ronneberger-2015'],
      },
    ],
    saves: [
      { by: 'chen', daysAgo: 11 },
      { by: 'wang', daysAgo: 10.5 },
    ],
  },
];
