import type { DemoChallenge } from '../types.js';

/** Challenges from the EV maker: a moisture-tolerant solid electrolyte and e-drive whine. */
export const VEHICLE_CHALLENGES: DemoChallenge[] = [
  {
    key: 'sulfide-electrolyte',
    owner: 'chiyuan',
    title: 'Moisture-tolerant sulfide solid electrolyte for pouch cells',
    summary:
      'A sulfide electrolyte that keeps ≥ 5 mS/cm after 24 h in a −40 °C dew-point dry room and releases less than 0.1 cm³/g of H2S, for 10 Ah solid-state pouch cells.',
    description: `Context
Our solid-state programme targets 10 Ah pouch cells with a high-nickel cathode and a silicon-carbon anode. Argyrodite-type sulfide electrolytes give us the conductivity we need, but they degrade and release H2S in the −40 °C dew-point dry rooms of our pilot line; a −60 °C room would cost us about CNY 40 million more.

Targets
- Ionic conductivity ≥ 5 mS/cm at 25 °C after 24 h exposure at −40 °C dew point;
- H2S release < 0.1 cm³ per gram over that exposure;
- Electrochemical window compatible with NCM811 (with or without a coating);
- Raw material cost below CNY 2,000 per kg at 10 t/year scale.

Scope
This is a theoretical and laboratory study: composition design (e.g. oxygen or halogen substitution, surface passivation), synthesis route, characterisation, and a scale-up assessment. Cell building is optional but welcome.

We provide
Dry-room access in Hefei, NCM811 cathode powder, and our in-house cell test data on the current electrolyte.`,
    fields: ['new-energy-vehicles', 'new-materials'],
    keywords: ['solid-state battery', '固态电池', 'sulfide electrolyte', 'argyrodite', 'H2S', 'dry room'],
    type: 'theoretical',
    ipTerms: 'exclusive-license',
    reward: { amount: 1500000, currency: 'CNY' },
    createdDaysAgo: 11,
    publishedDaysAgo: 10.5,
    deadlineInDays: 45,
    questions: [
      {
        asker: 'mehta',
        askedDaysAgo: 9,
        text: 'Is the 24 h exposure meant on loose powder or on pressed pellets? The difference in H2S release is large.',
        answer: { daysAgo: 8.4, text: 'On loose powder spread 2 mm thick, which is how it sits in our mixing step. 粉末平铺 2 mm 厚，与我们的混料工况一致。' },
      },
    ],
    bids: [
      {
        bidder: 'mehta',
        submittedDaysAgo: 4,
        summary: 'Oxygen- and iodine-co-substituted Li6PS5Cl with a LiF-rich surface shell; 6.1 mS/cm after dry-room exposure in our preliminary tests.',
        approach: `Partial O substitution on the sulfur sites lowers the hydrolysis driving force (hard–soft acid–base argument), iodine keeps the lattice soft enough for conductivity, and a thin fluoride shell formed by a gas-phase treatment passivates the particle surface.
Preliminary results on 5 g batches: 6.1 mS/cm after 24 h at −40 °C dew point, 0.07 cm³/g H2S. The plan scales synthesis to 1 kg by a solution route, verifies compatibility with LiNbO3-coated NCM811, and builds 1 Ah pouch cells to show cycling.`,
        price: { amount: 1450000, currency: 'CNY' },
        durationWeeks: 52,
        milestones: [
          { title: 'Composition screen and 50 g batches', weeks: 16, amount: 450000 },
          { title: 'Solution synthesis at 1 kg', weeks: 20, amount: 500000 },
          { title: '1 Ah pouch cells, 300 cycles', weeks: 16, amount: 500000 },
        ],
        papers: ['kamaya-2011'],
      },
      {
        bidder: 'lin',
        submittedDaysAgo: 2,
        summary: '以原子层沉积的超薄 Li3PO4 包覆提升硫化物电解质的空气稳定性，重点在表面工程而非体相改性。',
        approach: '采用流化床原子层沉积在硫化物颗粒表面生长 2—3 nm 的 Li3PO4 层，兼顾离子传导与阻水；对比体相掺杂路线，评估两者的成本和放大可行性。',
        price: { amount: 980000, currency: 'CNY' },
        durationWeeks: 40,
        milestones: [
          { title: '包覆工艺开发', weeks: 16, amount: 400000 },
          { title: '干燥间暴露与电导率验证', weeks: 12, amount: 280000 },
          { title: '放大评估报告', weeks: 12, amount: 300000 },
        ],
      },
    ],
    saves: [
      { by: 'mehta', daysAgo: 10 },
      { by: 'lin', daysAgo: 7 },
    ],
  },
  {
    key: 'edrive-nvh',
    owner: 'chiyuan',
    title: '电驱总成高频啸叫（NVH）抑制',
    summary: '针对 200 kW 三合一电驱总成在 4000—9000 rpm 区间的 48 阶电磁啸叫，征集不改变壳体模具的降噪方案，目标车内噪声降低 6 dB(A)。',
    description: `问题描述
新一代 200 kW 扁线电机三合一电驱总成在急加速工况下，4000—9000 rpm 区间出现明显的 48 阶电磁啸叫，车内主观评价 5.5 分（目标 7 分），客户投诉集中。

已做工作
- 斜极角优化，效果约 2 dB(A)；
- 减速器齿轮修形，对 48 阶无明显改善；
- 悬置刚度调整，影响其他工况。

需求
1. 分析啸叫的电磁力波来源和传递路径；
2. 提出电机电磁设计、控制策略（如谐波电流注入）或结构方面的改进方案；
3. 不改变壳体模具，成本增加不超过 80 元/台；
4. 在台架和实车上验证，车内 48 阶噪声降低 ≥ 6 dB(A)。

我方提供
样机 3 台、NVH 台架及半消声室试验时间、电磁和结构仿真模型。`,
    fields: ['high-end-equipment', 'new-energy-vehicles'],
    keywords: ['NVH', '电驱动', '电磁噪声', '谐波注入', 'e-drive'],
    type: 'rfp',
    ipTerms: 'assignment',
    reward: { amount: 400000, currency: 'CNY' },
    createdDaysAgo: 8,
    publishedDaysAgo: 7.6,
    deadlineInDays: 23,
    questions: [
      {
        asker: 'wang',
        askedDaysAgo: 5,
        text: '控制器软件是否允许修改电流环？谐波电流注入需要访问底层控制代码。',
        answer: { daysAgo: 4.5, text: '可以在我方工程师配合下修改电流环参数和注入策略，底层代码由我方团队实现。' },
      },
    ],
    saves: [
      { by: 'wang', daysAgo: 6 },
      { by: 'zhao', daysAgo: 5.5 },
    ],
  },
];
