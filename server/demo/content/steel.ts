import type { DemoChallenge } from '../types.js';

/** Challenges from the steel group: hydrogen ironmaking, converter lining (awarded), offshore corrosion. */
export const STEEL_CHALLENGES: DemoChallenge[] = [
  {
    key: 'hydrogen-dri',
    owner: 'jiangnan',
    title: 'Hydrogen direct reduction of iron ore pellets: sticking and metallization model',
    summary:
      'A validated model of pellet sticking and metallization in a hydrogen-rich shaft furnace, so we can set temperature and gas composition for 95% metallization without clustering.',
    description: `Context
The group is building a 500,000 t/year hydrogen-rich direct-reduction shaft furnace (up to 70% H2 in the reducing gas) as the first step away from the blast furnace. With high hydrogen, the reduction is endothermic; raising the gas temperature compensates, but above about 900 °C our pellets start to stick and form clusters that stop the burden from descending.

What we need
1. A kinetic and thermal model of pellet reduction under H2/CO/CH4 mixtures, coupled with a criterion for sticking (fresh iron whiskers, low-melting phases);
2. Validation against laboratory reduction tests on our pellets (we fund the tests at a laboratory of your choice);
3. An operating window: gas temperature, H2/CO ratio and pellet coating that reach ≥ 95% metallization with a sticking index below 5%.

We provide
Pellet chemistry and size distribution, pilot-furnace data from a 2,000 t trial campaign, and access to our process engineers.

Deliverables
The model (source code and documentation), the validation report, and recommendations for pellet coating and operation. Results are developed jointly and published jointly after the furnace starts up.`,
    fields: ['green-manufacturing', 'energy', 'resources'],
    keywords: ['hydrogen metallurgy', '氢冶金', 'direct reduction', 'DRI', 'pellet sticking', 'shaft furnace'],
    type: 'theoretical',
    ipTerms: 'joint-rd',
    reward: { amount: 2000000, currency: 'CNY' },
    createdDaysAgo: 15,
    publishedDaysAgo: 14.5,
    deadlineInDays: 52,
    questions: [
      {
        asker: 'zhao',
        askedDaysAgo: 13,
        text: '请问球团的碱度和 MgO 含量大致是多少？这对黏结行为影响很大。',
        answer: { daysAgo: 12.6, text: 'Basicity (CaO/SiO2) is 0.9–1.1 and MgO about 1.2%. We can also supply pellets with 0.5% more MgO from a trial batch. 碱度 0.9—1.1，MgO 约 1.2%。' },
      },
      {
        asker: 'zhou',
        askedDaysAgo: 8,
        text: 'Is a CFD model of the whole shaft expected, or is a single-pellet model with a bed-scale correlation enough?',
        answer: { daysAgo: 7.7, text: 'A single-pellet model with a bed-scale correlation is enough for the operating window; a full CFD model is welcome but not required.' },
      },
    ],
    bids: [
      {
        bidder: 'zhao',
        submittedDaysAgo: 7,
        summary: '单球团未反应核模型耦合铁晶须生长与低熔点相判据，配合热重—荷重软化联合实验验证，给出不黏结的操作窗口。',
        approach: `1. 建立 H2/CO/CH4 混合气氛下的多界面未反应核模型，考虑 H2 还原的吸热和水煤气变换反应；
2. 黏结判据：基于铁晶须形貌和 FeO-SiO2-CaO 低熔点相生成量，在荷重还原试验中标定黏结指数；
3. 床层尺度：用经验关联式将单球团结果推广到竖炉不同高度；
4. 实验：在我校热重和荷重软化设备上完成 60 组试验，覆盖 800—950 °C、H2 比例 30%—70%；
5. 给出球团 MgO 涂层方案和操作窗口，并在贵司 2000 吨试验数据上回测。`,
        price: { amount: 1850000, currency: 'CNY' },
        durationWeeks: 56,
        milestones: [
          { title: '单球团模型与实验方案', weeks: 12, amount: 400000 },
          { title: '60 组还原—黏结试验', weeks: 20, amount: 700000 },
          { title: '操作窗口与涂层方案，回测报告', weeks: 24, amount: 750000 },
        ],
      },
    ],
    saves: [
      { by: 'zhao', daysAgo: 14 },
      { by: 'zhou', daysAgo: 9 },
    ],
  },
  {
    key: 'converter-lining',
    owner: 'jiangnan',
    title: '转炉炉衬侵蚀在线监测与寿命预测',
    summary: '基于激光测厚和冶炼过程数据，预测 120 吨转炉镁碳砖炉衬的局部侵蚀与剩余寿命，指导溅渣护炉和补炉，目标炉龄提高 10%。',
    description: `背景
我司 3 座 120 吨顶底复吹转炉采用镁碳砖炉衬，平均炉龄约 9,000 炉。目前每 50 炉用激光测厚仪扫描一次，补炉和溅渣护炉主要依靠操作经验，渣线和耳轴部位经常需要紧急补炉，影响生产节奏。

需求
1. 融合激光测厚数据与冶炼过程数据（出钢温度、终点碳、渣成分、吹氧量等），建立炉衬局部侵蚀模型；
2. 提前 200 炉预测各区域剩余厚度，误差 ≤ 10 mm；
3. 给出溅渣护炉和补炉的建议，目标平均炉龄提高 10%，耐材消耗降低 5%；
4. 系统部署在我方服务器上，与现有 MES 对接。

我方提供
近 3 年 3 座转炉的激光测厚数据（约 600 次扫描）和完整冶炼过程数据。`,
    fields: ['high-end-equipment', 'ai', 'green-manufacturing'],
    keywords: ['转炉', '炉衬', '耐火材料', 'refractory', '寿命预测', 'predictive maintenance'],
    type: 'prototype',
    ipTerms: 'assignment',
    reward: { amount: 450000, currency: 'CNY' },
    createdDaysAgo: 21,
    publishedDaysAgo: 20.8,
    deadlineInDays: -4,
    questions: [
      {
        asker: 'wang',
        askedDaysAgo: 19,
        text: '激光测厚数据是点云原始数据还是已经网格化的厚度图？过程数据是否按炉次对齐？',
        answer: { daysAgo: 18.7, text: '提供原始点云和厂家软件导出的厚度网格图两种格式；过程数据已按炉次号对齐。' },
      },
    ],
    bids: [
      {
        bidder: 'zhao',
        submittedDaysAgo: 15,
        summary: '以炉衬传热与化学侵蚀方程为约束的物理信息神经网络，分区预测剩余厚度，并联动溅渣护炉策略。',
        approach: `将炉衬划分为 24 个区域，每个区域以一维传热—侵蚀方程作为物理约束，用物理信息神经网络拟合激光测厚数据与过程变量之间的关系。
相比纯数据模型，该方法在测厚间隔内也能给出物理上合理的厚度演变。我们曾在另一座 150 吨转炉上离线验证，200 炉预测平均误差 7.5 mm。
在此基础上，用优化方法给出每个班次的溅渣护炉强度和补炉位置建议，并开发与 MES 对接的看板。`,
        price: { amount: 420000, currency: 'CNY' },
        durationWeeks: 26,
        milestones: [
          { title: '数据治理与分区侵蚀模型', weeks: 8, amount: 120000 },
          { title: '剩余寿命预测与离线回测', weeks: 8, amount: 150000 },
          { title: '护炉建议与 MES 上线', weeks: 10, amount: 150000 },
        ],
        papers: ['raissi-2019-zhao'],
      },
      {
        bidder: 'wang',
        submittedDaysAgo: 13,
        summary: '点云配准后构建炉衬数字孪生，用梯度提升与时序模型预测各区域侵蚀速率。',
        approach: '对历次扫描点云做配准和差分，得到每个区域的侵蚀速率序列；以炉次过程数据为特征训练梯度提升模型，并用时序模型外推剩余寿命。提供三维可视化的数字孪生界面。',
        price: { amount: 380000, currency: 'CNY' },
        durationWeeks: 24,
        milestones: [
          { title: '点云配准与侵蚀速率数据集', weeks: 8, amount: 110000 },
          { title: '预测模型与数字孪生界面', weeks: 16, amount: 270000 },
        ],
        papers: ['raissi-2019'],
      },
    ],
    award: {
      bidder: 'zhao',
      daysAgo: 1.2,
      note: '赵磊教授团队的方案在我厂 3 号转炉近一年数据上回测，200 炉预测平均误差 6.8 mm，且物理模型便于炉前人员理解，与溅渣护炉规程结合紧密。感谢王晓东老师团队的出色方案，数字孪生界面思路我们会在后续项目中继续探讨。',
    },
    saves: [
      { by: 'zhao', daysAgo: 20 },
      { by: 'wang', daysAgo: 19.5 },
    ],
  },
  {
    key: 'offshore-corrosion',
    owner: 'jiangnan',
    title: 'Weathering steel for offshore wind towers: splash-zone corrosion model',
    summary:
      'Predict the 25-year splash-zone corrosion loss of our new Cu-Ni-Cr weathering steel from 2-year exposure data, to decide whether offshore tower sections can go unpainted.',
    description: `Context
Offshore wind towers are painted with three-coat systems that need maintenance every 10–15 years at very high cost at sea. We have developed a Cu-Ni-Cr-Mo weathering steel whose rust layer stabilises faster in marine atmospheres, and have two years of exposure data from racks on a platform in the East China Sea (atmospheric, splash and tidal zones).

What we need
- A model that extrapolates corrosion loss to 25 years in the splash zone, with uncertainty bounds, using our rack data, published marine-corrosion data and rust-layer characterisation;
- An opinion, with reasons, on whether unpainted or thin-coated tower sections are viable above the splash zone;
- Recommendations for additional accelerated tests that would shorten the decision.

We provide
Coupon weight-loss data at 3, 6, 12 and 24 months, rust-layer XRD and cross-sections, environmental records (chloride deposition, time of wetness).`,
    fields: ['marine-space', 'new-materials', 'energy'],
    keywords: ['marine corrosion', '海洋腐蚀', 'weathering steel', 'offshore wind', 'splash zone'],
    type: 'theoretical',
    ipTerms: 'nonexclusive-license',
    reward: { amount: 50000, currency: 'USD' },
    createdDaysAgo: 6,
    publishedDaysAgo: 5.5,
    deadlineInDays: 58,
    bids: [
      {
        bidder: 'zhao',
        submittedDaysAgo: 1,
        summary: 'Bilogarithmic corrosion law fitted per zone with a Bayesian hierarchy, tied to rust-layer protective-ability index.',
        approach: 'Fit C = A·t^n per exposure zone with Bayesian hierarchical priors from published marine data, link the exponent n to the rust layer’s α/γ* ratio from your XRD, and propagate uncertainty to 25 years. Propose wet–dry cyclic tests with chloride spray to tighten the bounds within six months.',
        price: { amount: 45000, currency: 'USD' },
        durationWeeks: 16,
        milestones: [
          { title: 'Data review and model fit', weeks: 8, amount: 20000 },
          { title: 'Extrapolation, opinion and test plan', weeks: 8, amount: 25000 },
        ],
      },
    ],
    saves: [
      { by: 'zhao', daysAgo: 5 },
      { by: 'mehta', daysAgo: 4 },
    ],
  },
];
