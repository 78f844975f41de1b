import type { DemoChallenge } from '../types.js';

/** Challenges from the hospital group: sepsis warning, endoscope disinfection checks, federated imaging (closed). */
export const HEALTH_CHALLENGES: DemoChallenge[] = [
  {
    key: 'sepsis',
    owner: 'tongxin',
    title: 'Early sepsis warning from routine vital signs and lab results',
    summary:
      'Warn ward clinicians of sepsis 6 hours before onset using only routinely charted vitals and labs, with a positive predictive value of at least 25% at 80% sensitivity.',
    description: `Context
Sepsis accounts for a large share of in-hospital deaths in our five hospitals. Ward patients are charted every 4–8 hours, and the qSOFA score we use today fires late and too often; nurses have started to ignore it.

What we need
- A model that predicts sepsis onset (Sepsis-3 definition) 6 hours ahead from routinely charted vitals, lab results and medication orders — no new devices;
- At 80% sensitivity, a positive predictive value of at least 25% on our retrospective data (2019–2024, about 410,000 admissions);
- An explanation clinicians can read at the bedside (which signals drove the alert);
- A silent prospective run of 3 months in two wards before any clinical use.

Data access
Data stay inside the hospital network; the team works on our secure analysis platform under the ethics approval we hold. Results are developed and published jointly.`,
    fields: ['health', 'ai'],
    keywords: ['sepsis', '脓毒症', 'early warning', 'clinical decision support', 'EHR', 'time series'],
    type: 'rfp',
    ipTerms: 'joint-rd',
    reward: { amount: 70000, currency: 'USD' },
    createdDaysAgo: 13,
    publishedDaysAgo: 12.5,
    deadlineInDays: 38,
    questions: [
      {
        asker: 'liu',
        askedDaysAgo: 11,
        text: 'Are free-text nursing notes available on the analysis platform, or only structured data?',
        answer: { daysAgo: 10.7, text: 'Structured data only for this project. Nursing notes need a separate ethics amendment, which we may file later. 本项目仅限结构化数据。' },
      },
    ],
    bids: [
      {
        bidder: 'liu',
        submittedDaysAgo: 6,
        summary: 'Temporal Fusion Transformer on irregular ward data, with variable-selection weights as bedside explanations and a silent-run protocol.',
        approach: `Irregular charting is handled by time-aware embeddings rather than imputation. The Temporal Fusion Transformer predicts the 6-hour risk, and its variable-selection weights show the clinician which vitals and labs moved the score.
We validate by hospital (train on four, test on the fifth) to check transfer, calibrate per ward, and set the alert threshold with the nursing leads to reach the PPV target. The silent prospective run logs every alert for review by two clinicians.`,
        price: { amount: 68000, currency: 'USD' },
        durationWeeks: 36,
        milestones: [
          { title: 'Cohort, labels and baseline (qSOFA, NEWS2)', weeks: 8, amount: 15000 },
          { title: 'Model, cross-hospital validation, explanations', weeks: 14, amount: 28000 },
          { title: 'Silent prospective run and report', weeks: 14, amount: 25000 },
        ],
        papers: ['lim-2021'],
      },
      {
        bidder: 'wang',
        submittedDaysAgo: 3,
        summary: '以多变量时序异常检测刻画患者偏离自身基线的程度，作为脓毒症预警的补充信号。',
        approach: '对每位患者建立个体化基线，用重构误差衡量生命体征偏离程度，再与化验结果组合训练预警模型。该方法对记录频率不规则较稳健。',
        price: { amount: 60000, currency: 'USD' },
        durationWeeks: 30,
        milestones: [
          { title: '个体基线模型', weeks: 12, amount: 25000 },
          { title: '预警模型与回顾性验证', weeks: 18, amount: 35000 },
        ],
      },
    ],
    saves: [
      { by: 'liu', daysAgo: 12 },
      { by: 'wang', daysAgo: 8 },
    ],
  },
  {
    key: 'endoscope',
    owner: 'tongxin',
    title: '软式内镜清洗消毒效果的床旁快速检测',
    summary: '寻求 10 分钟内出结果的软式内镜管腔残留蛋白和微生物快速检测方法，灵敏度不低于 ATP 生物荧光法，单次成本 ≤ 15 元。',
    description: `背景
我集团 5 家医院每年开展消化内镜诊疗约 28 万例。现行清洗消毒效果监测以 ATP 生物荧光法抽检和每季度微生物培养为主，培养结果需 48 小时以上，无法在内镜再次使用前发现问题。

需求
1. 针对内镜活检孔道和吸引管道，10 分钟内给出残留蛋白或微生物污染的定量或半定量结果；
2. 检出限不劣于 ATP 法，并能区分有机物残留与活菌污染；
3. 单次检测耗材成本 ≤ 15 元，操作简单，可由洗消护士完成；
4. 与现有洗消追溯系统对接，自动记录结果。

说明
本项目为创意征集，欢迎提出原理性方案，优秀方案将进入联合开发阶段。`,
    fields: ['health', 'biotech'],
    keywords: ['内镜消毒', '医院感染', 'ATP', '快速检测', 'endoscope reprocessing'],
    type: 'ideation',
    ipTerms: 'negotiable',
    reward: { amount: 200000, currency: 'CNY' },
    createdDaysAgo: 9,
    publishedDaysAgo: 8.7,
    deadlineInDays: 19,
    questions: [
      {
        asker: 'chen',
        askedDaysAgo: 6,
        text: '检测是否允许使用一次性冲洗取样后离线检测，还是必须在管道内原位检测？',
        answer: { daysAgo: 5.5, text: '冲洗取样后在床旁设备上检测即可，不要求原位检测。' },
      },
    ],
    bids: [
      {
        bidder: 'liu',
        submittedDaysAgo: 2,
        summary: '冲洗液中残留蛋白荧光染料检测 + 活菌 rRNA 等温扩增双通道床旁检测卡。',
        approach: '一个通道用蛋白结合荧光染料定量有机物残留（3 分钟）；另一个通道用针对细菌 16S rRNA 的等温扩增检测活菌（8 分钟），两者在同一张微流控卡上完成，读数仪通过接口上传追溯系统。估算耗材成本 12 元。',
        price: { amount: 190000, currency: 'CNY' },
        durationWeeks: 24,
        milestones: [
          { title: '原理验证与检出限测试', weeks: 10, amount: 80000 },
          { title: '微流控卡原型与临床比对', weeks: 14, amount: 110000 },
        ],
      },
    ],
    saves: [{ by: 'liu', daysAgo: 7 }],
  },
  {
    key: 'federated-imaging',
    owner: 'tongxin',
    title: 'Federated learning of chest CT nodule models across five hospitals',
    summary:
      'Train a lung-nodule detection model across our five hospitals without moving images, matching the accuracy of a model trained on pooled data within 2 points of sensitivity.',
    description: `Context
Each of our five hospitals holds 20,000–60,000 chest CT studies with radiologist-confirmed nodule annotations. Pooling the images is not allowed under our data governance rules, and models trained at one site lose 8–12 points of sensitivity at the others because of scanner and protocol differences.

What we need
- A federated training set-up running on one GPU server per hospital, with no image or annotation leaving its site;
- Nodule detection sensitivity within 2 points of a pooled-data baseline at 1 false positive per scan;
- Robustness to non-identical data (scanner vendors, slice thickness 1–5 mm);
- Deployment scripts our IT team can maintain, and a privacy review with the information-security office.

We provide
Five GPU servers (one per hospital), the annotated studies, and a radiologist panel to adjudicate disagreements.`,
    fields: ['health', 'ai', 'info-networks'],
    keywords: ['federated learning', '联邦学习', 'lung nodule', 'CT', 'privacy', 'medical imaging'],
    type: 'rfp',
    ipTerms: 'joint-rd',
    reward: { amount: 600000, currency: 'CNY' },
    createdDaysAgo: 20,
    publishedDaysAgo: 19.5,
    deadlineInDays: -2,
    questions: [
      {
        asker: 'liu',
        askedDaysAgo: 17,
        text: 'May the pooled-data baseline be trained by your own team inside one hospital on a copy of all five datasets, just for benchmarking?',
        answer: { daysAgo: 16.5, text: 'No copy of the data can be made. We will compute the baseline on a 10% sample from each site that the ethics committee has approved for pooling.' },
      },
      {
        asker: 'wang',
        askedDaysAgo: 14,
        text: '各医院之间的网络带宽大约是多少？是否可以使用专线？',
        answer: { daysAgo: 13.5, text: '各院之间有 100 Mbps 的医疗专网，可以用于模型参数交换。' },
      },
    ],
    bids: [
      {
        bidder: 'liu',
        submittedDaysAgo: 12,
        summary: 'Federated averaging with per-site batch normalisation and a 3D detection network; secure aggregation and a privacy review included.',
        approach: `We keep batch-normalisation statistics local to each hospital (FedBN), which handles scanner and slice-thickness differences, and average the remaining weights with FedAvg over the 100 Mbps private network.
Secure aggregation ensures no single update is visible to the server. We benchmark against the approved pooled 10% sample and deliver containerised training and inference that your IT team can run.`,
        price: { amount: 580000, currency: 'CNY' },
        durationWeeks: 40,
        milestones: [
          { title: 'Infrastructure at five sites and baseline', weeks: 12, amount: 180000 },
          { title: 'Federated training and evaluation', weeks: 18, amount: 250000 },
          { title: 'Privacy review and hand-over', weeks: 10, amount: 150000 },
        ],
        papers: ['mcmahan-2017'],
        decision: { status: 'shortlisted', daysAgo: 1 },
      },
      {
        bidder: 'wang',
        submittedDaysAgo: 8,
        summary: '基于知识蒸馏的联邦学习，各院只交换模型在公共数据上的预测，通信量更小。',
        approach: '各院在本地训练检测模型，只在公开的 LIDC 数据集上交换软标签进行蒸馏，通信量比参数平均低两个数量级，同时天然避免梯度泄露问题。',
        price: { amount: 520000, currency: 'CNY' },
        durationWeeks: 36,
        milestones: [
          { title: '本地模型与公共数据蒸馏框架', weeks: 16, amount: 220000 },
          { title: '五院联合训练与评估', weeks: 20, amount: 300000 },
        ],
      },
    ],
    saves: [
      { by: 'liu', daysAgo: 18 },
      { by: 'wang', daysAgo: 15 },
    ],
    // Judged blind by a panel of three; Chen Jing, once at Tsinghua, declared it and is recused from Wang's bid.
    blind: true,
    rubric: [
      { name: 'Technical approach', description: 'Federated training design, model quality on the five sites, handling of non-IID data', weight: 40 },
      { name: 'Privacy and compliance', description: 'No patient data leaves a hospital; fits PIPL and the hospitals’ ethics review', weight: 35 },
      { name: 'Team and track record', description: 'Experience with medical imaging and hospital IT; a realistic plan', weight: 25 },
    ],
    review: {
      reviewers: [
        { key: 'keller', assignedDaysAgo: 18 },
        { key: 'zhou', assignedDaysAgo: 18 },
        { key: 'chen', assignedDaysAgo: 17.8, conflicts: { organizations: ['Tsinghua University'], people: [], daysAgo: 17.5 } },
      ],
      scores: [
        {
          reviewer: 'keller',
          bidder: 'liu',
          daysAgo: 1.8,
          sheet: [
            { criterion: 'Technical approach', score: 4, comment: 'Sound FedProx setup; the per-site calibration plan is convincing.' },
            { criterion: 'Privacy and compliance', score: 5, comment: 'Secure aggregation plus a DPIA per site: exemplary.' },
            { criterion: 'Team and track record', score: 4, comment: 'Strong imaging group; hospital IT experience a little thin.' },
          ],
        },
        {
          reviewer: 'keller',
          bidder: 'wang',
          daysAgo: 1.7,
          sheet: [
            { criterion: 'Technical approach', score: 4, comment: 'Distillation on public data is clever and cheap to run.' },
            { criterion: 'Privacy and compliance', score: 3, comment: 'Logit sharing needs a membership-inference analysis.' },
            { criterion: 'Team and track record', score: 4, comment: 'Experienced team, but few clinical deployments.' },
          ],
        },
        {
          reviewer: 'zhou',
          bidder: 'liu',
          daysAgo: 1.6,
          sheet: [
            { criterion: 'Technical approach', score: 4, comment: '方案完整，非独立同分布数据的处理有实验支撑。' },
            { criterion: 'Privacy and compliance', score: 4, comment: '符合个人信息保护法要求，伦理审查安排清楚。' },
            { criterion: 'Team and track record', score: 5, comment: '团队在医学影像方面积累深厚。' },
          ],
        },
        {
          reviewer: 'zhou',
          bidder: 'wang',
          daysAgo: 1.5,
          sheet: [
            { criterion: 'Technical approach', score: 3, comment: '蒸馏效果依赖公共数据与本院数据的分布差异，需补充验证。' },
            { criterion: 'Privacy and compliance', score: 4, comment: '不传梯度，隐私风险较低。' },
            { criterion: 'Team and track record', score: 4, comment: '工程能力强。' },
          ],
        },
        {
          reviewer: 'chen',
          bidder: 'liu',
          daysAgo: 1.4,
          sheet: [
            { criterion: 'Technical approach', score: 5, comment: 'Clear milestones and a credible baseline at every site.' },
            { criterion: 'Privacy and compliance', score: 4, comment: 'Good; document the key management of the aggregation.' },
            { criterion: 'Team and track record', score: 4, comment: 'Realistic timeline.' },
          ],
        },
      ],
    },
  },
];
