import type { DemoPaper, DemoSubscription } from '../types.js';

/**
 * What the researchers clipped and what they watch for. The papers are real, well-known publications
 * (their DOIs and arXiv ids resolve); the quotes and notes are the demo researchers' own.
 */

export const PAPERS: DemoPaper[] = [
  {
    key: 'kojima-2009',
    owner: 'lin',
    clippedDaysAgo: 21,
    paper: {
      url: 'https://pubs.acs.org/doi/10.1021/ja809598r',
      title: 'Organometal Halide Perovskites as Visible-Light Sensitizers for Photovoltaic Cells',
      authors: [
        { given: 'Akihiro', family: 'Kojima' },
        { given: 'Kenjiro', family: 'Teshima' },
        { given: 'Yasuo', family: 'Shirai' },
        { given: 'Tsutomu', family: 'Miyasaka' },
      ],
      doi: '10.1021/ja809598r',
      year: 2009,
      venue: 'Journal of the American Chemical Society',
      note: '钙钛矿光伏的开山之作，投标时作为背景引用。',
    },
  },
  {
    key: 'harper-2019',
    owner: 'zhou',
    clippedDaysAgo: 17,
    paper: {
      url: 'https://www.nature.com/articles/s41586-019-1682-5',
      title: 'Recycling lithium-ion batteries from electric vehicles',
      authors: [
        { given: 'Gavin', family: 'Harper' },
        { given: 'Roberto', family: 'Sommerville' },
        { given: 'Emma', family: 'Kendrick' },
        { given: 'Laura', family: 'Driscoll' },
        { given: 'Peter', family: 'Slater' },
      ],
      doi: '10.1038/s41586-019-1682-5',
      year: 2019,
      venue: 'Nature',
      quote: 'direct recycling',
      note: '综述了火法、湿法与直接再生三条路线的经济性，可支撑我们的工艺选择。',
    },
  },
  {
    key: 'malhotra-2016',
    owner: 'wang',
    clippedDaysAgo: 18,
    paper: {
      url: 'https://arxiv.org/abs/1607.00148',
      title: 'LSTM-based Encoder-Decoder for Multi-sensor Anomaly Detection',
      authors: [
        { given: 'Pankaj', family: 'Malhotra' },
        { given: 'Anusha', family: 'Ramakrishnan' },
        { given: 'Gaurangi', family: 'Anand' },
        { given: 'Lovekesh', family: 'Vig' },
        { given: 'Puneet', family: 'Agarwal' },
        { given: 'Gautam', family: 'Shroff' },
      ],
      arxivId: '1607.00148',
      year: 2016,
      venue: 'ICML Anomaly Detection Workshop',
      note: '重构误差做异常分数，适合多传感器、少标签的场景。',
    },
  },
  {
    key: 'raissi-2019',
    owner: 'wang',
    clippedDaysAgo: 14,
    paper: {
      url: 'https://doi.org/10.1016/j.jcp.2018.10.045',
      title:
        'Physics-informed neural networks: A deep learning framework for solving forward and inverse problems involving nonlinear partial differential equations',
      authors: [
        { given: 'Maziar', family: 'Raissi' },
        { given: 'Paris', family: 'Perdikaris' },
        { given: 'George Em', family: 'Karniadakis' },
      ],
      doi: '10.1016/j.jcp.2018.10.045',
      year: 2019,
      venue: 'Journal of Computational Physics',
    },
  },
  {
    key: 'raissi-2019-zhao',
    owner: 'zhao',
    clippedDaysAgo: 16,
    paper: {
      url: 'https://doi.org/10.1016/j.jcp.2018.10.045',
      title:
        'Physics-informed neural networks: A deep learning framework for solving forward and inverse problems involving nonlinear partial differential equations',
      authors: [
        { given: 'Maziar', family: 'Raissi' },
        { given: 'Paris', family: 'Perdikaris' },
        { given: 'George Em', family: 'Karniadakis' },
      ],
      doi: '10.1016/j.jcp.2018.10.045',
      year: 2019,
      venue: 'Journal of Computational Physics',
      note: '把炉衬传热方程作为约束，少量测厚数据也能训练。',
    },
  },
  {
    key: 'ronneberger-2015',
    owner: 'chen',
    clippedDaysAgo: 13,
    paper: {
      url: 'https://arxiv.org/abs/1505.04597',
      title: 'U-Net: Convolutional Networks for Biomedical Image Segmentation',
      authors: [
        { given: 'Olaf', family: 'Ronneberger' },
        { given: 'Philipp', family: 'Fischer' },
        { given: 'Thomas', family: 'Brox' },
      ],
      arxivId: '1505.04597',
      year: 2015,
      venue: 'MICCAI',
      note: '病斑分割的基线网络。',
    },
  },
  {
    key: 'mcmahan-2017',
    owner: 'liu',
    clippedDaysAgo: 19,
    paper: {
      url: 'https://arxiv.org/abs/1602.05629',
      title: 'Communication-Efficient Learning of Deep Networks from Decentralized Data',
      authors: [
        { given: 'H. Brendan', family: 'McMahan' },
        { given: 'Eider', family: 'Moore' },
        { given: 'Daniel', family: 'Ramage' },
        { given: 'Seth', family: 'Hampson' },
        { given: 'Blaise', family: 'Agüera y Arcas' },
      ],
      arxivId: '1602.05629',
      year: 2017,
      venue: 'AISTATS',
      quote: 'Federated Averaging',
    },
  },
  {
    key: 'lim-2021',
    owner: 'liu',
    clippedDaysAgo: 9,
    paper: {
      url: 'https://arxiv.org/abs/1912.09363',
      title: 'Temporal Fusion Transformers for Interpretable Multi-horizon Time Series Forecasting',
      authors: [
        { given: 'Bryan', family: 'Lim' },
        { given: 'Sercan Ö.', family: 'Arık' },
        { given: 'Nicolas', family: 'Loeff' },
        { given: 'Tomas', family: 'Pfister' },
      ],
      arxivId: '1912.09363',
      year: 2021,
      venue: 'International Journal of Forecasting',
      note: 'Variable-selection weights give clinicians a per-patient explanation.',
    },
  },
  {
    key: 'kamaya-2011',
    owner: 'mehta',
    clippedDaysAgo: 12,
    paper: {
      url: 'https://www.nature.com/articles/nmat3066',
      title: 'A lithium superionic conductor',
      authors: [
        { given: 'Noriaki', family: 'Kamaya' },
        { given: 'Kenji', family: 'Homma' },
        { given: 'Yuichiro', family: 'Yamakawa' },
        { given: 'Masaaki', family: 'Hirayama' },
        { given: 'Ryoji', family: 'Kanno' },
      ],
      doi: '10.1038/nmat3066',
      year: 2011,
      venue: 'Nature Materials',
      note: 'LGPS: the conductivity benchmark our argyrodite work is measured against.',
    },
  },
  {
    key: 'he-2016',
    owner: 'keller',
    clippedDaysAgo: 15,
    paper: {
      url: 'https://arxiv.org/abs/1512.03385',
      title: 'Deep Residual Learning for Image Recognition',
      authors: [
        { given: 'Kaiming', family: 'He' },
        { given: 'Xiangyu', family: 'Zhang' },
        { given: 'Shaoqing', family: 'Ren' },
        { given: 'Jian', family: 'Sun' },
      ],
      arxivId: '1512.03385',
      year: 2016,
      venue: 'CVPR',
      note: 'Backbone for the spectrogram classifier of hydrophone recordings.',
    },
  },
];

export const SUBSCRIPTIONS: DemoSubscription[] = [
  { owner: 'lin', createdDaysAgo: 24.5, keywords: '钙钛矿 perovskite 封装 encapsulation', fields: ['energy', 'new-materials'], minReward: 100000 },
  { owner: 'zhou', createdDaysAgo: 24, keywords: '电池回收 battery recycling 湿法冶金', fields: ['resources'], minReward: null },
  { owner: 'zhou', createdDaysAgo: 23.9, keywords: '污泥 磷回收 sludge', fields: ['environment'], minReward: 300000 },
  { owner: 'keller', createdDaysAgo: 23.7, keywords: 'leak detection 漏损 acoustic', fields: ['smart-cities'], minReward: null },
  { owner: 'wang', createdDaysAgo: 23.4, keywords: 'anomaly detection 异常检测 digital twin 预测性维护', fields: ['ai'], minReward: 200000 },
  { owner: 'chen', createdDaysAgo: 23, keywords: '稻瘟病 remote sensing 土壤 nitrate', fields: ['agriculture'], minReward: null },
  { owner: 'liu', createdDaysAgo: 22.6, keywords: 'sepsis 脓毒症 federated learning 联邦学习', fields: ['health'], minReward: null },
  { owner: 'zhao', createdDaysAgo: 22.3, keywords: 'hydrogen metallurgy 氢冶金 耐火材料 refractory', fields: ['green-manufacturing'], minReward: null },
  { owner: 'mehta', createdDaysAgo: 21.9, keywords: 'solid electrolyte 固态电解质 sulfide', fields: ['new-materials', 'new-energy-vehicles'], minReward: 500000 },
];
