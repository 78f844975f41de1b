import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPaper } from '../../shared/paper.js';
import { Paper } from '../../shared/schemas/paper.js';

const windows: Window[] = [];

afterAll(async () => {
  await Promise.all(windows.map((window) => window.happyDOM.close()));
});

/** The paper extracted from a saved fixture page, parsed as a browser would with no scripts run. */
function extractFixture(name: string, url: string) {
  const window = new Window({ url, settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true, disableCSSFileLoading: true } });
  windows.push(window);
  const html = readFileSync(new URL(`../fixtures/papers/${name}`, import.meta.url), 'utf8');
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const paper = extractPaper(document, url);
  if (paper) expect(Paper.parse(paper)).toEqual(paper);
  return paper;
}

const CNKI_URL = 'https://kns.cnki.net/kcms2/article/abstract?v=3uoqIhG8C44YLTlOAiTRKibYlV5Vjs7i&uniplatform=NZKPT&language=CHS';

describe('CNKI', () => {
  it('reads a kcms2 article page: title without badges, authors with institutions, top tip, full abstract, keywords, DOI, funds', () => {
    expect(extractFixture('cnki-kcms2.html', `${CNKI_URL}#abstract`)).toEqual({
      url: CNKI_URL,
      title: '基于深度强化学习的含高比例光伏配电网电压控制',
      translatedTitle: 'Voltage Control of Distribution Networks with High Penetration of Photovoltaics Based on Deep Reinforcement Learning',
      authors: [
        { given: '修远', family: '欧阳', affiliations: ['华北电力大学电气与电子工程学院', '国网北京市电力公司'] },
        { given: '伟', family: '张', affiliations: ['华北电力大学电气与电子工程学院'] },
        { given: '光明', family: '司马', affiliations: ['国网北京市电力公司'] },
      ],
      doi: '10.7500/AEPS20220501003',
      arxivId: null,
      year: 2023,
      venue: '电力系统自动化',
      volume: '47',
      issue: '5',
      abstract:
        '针对高比例分布式光伏接入配电网引起的电压越限问题，提出一种基于深度强化学习的电压控制方法。首先，将电压控制问题建模为马尔可夫决策过程；其次，采用多智能体深度确定性策略梯度算法训练控制策略；最后，在IEEE 33节点系统上验证了所提方法的有效性，结果表明电压越限率降低了92%。',
      keywords: ['深度强化学习', '配电网', '电压控制', '分布式光伏'],
      funding: ['国家自然科学基金资助项目(52077001)', '国家电网公司科技项目(5100-202155018A-0-0-00)'],
      pdfUrl: null,
      quote: null,
      note: null,
    });
  });

  it('reads an older kcms/detail page: source block, one institution for every author, labelled keywords and fund', () => {
    const url = 'http://kns.cnki.net/KCMS/detail/detail.aspx?dbcode=CJFQ&dbname=CJFDLAST2015&filename=SPZZ201412003';
    const institution = ['中国科学院大连化学物理研究所'];
    expect(extractFixture('cnki-kcms-detail.html', url)).toEqual({
      url,
      title: '基于部分酸水解-亲水作用色谱-质谱的黄芪多糖结构表征',
      authors: [
        { given: '图', family: '梁', affiliations: institution },
        { given: '青', family: '傅', affiliations: institution },
        { given: '华夏', family: '辛', affiliations: institution },
      ],
      doi: null,
      arxivId: null,
      year: 2014,
      venue: '色谱',
      issue: '12',
      abstract: '来自中药的水溶性多糖具有广谱治疗和低毒性特点,是天然药物及保健品研发中的重要组成部分。本研究对其他中药多糖的表征具有一定的示范作用。',
      keywords: ['多糖', '黄芪', '亲水作用色谱'],
      funding: ['国家自然科学基金(21275142)'],
      pdfUrl: null,
      quote: null,
      note: null,
    });
  });

  it('leaves CNKI pages that are not articles to the generic rules', () => {
    expect(extractFixture('cnki-kcms2.html', 'https://kns.cnki.net/kns8s/defaultresult/index')).toBeNull();
  });
});

describe('Wanfang Data', () => {
  it('reads a periodical page: both titles, authors without marks, the summary over the meta teaser, keywords in both languages', () => {
    const url = 'https://d.wanfangdata.com.cn/periodical/hgjz202303015';
    expect(extractFixture('wanfang.html', url)).toEqual({
      url,
      title: '锂离子电池硅基负极材料的研究进展',
      translatedTitle: 'Research Progress of Silicon-Based Anode Materials for Lithium-Ion Batteries',
      authors: [
        { given: '雪', family: '慕容' },
        { given: '建国', family: '王' },
        { given: '亮明', family: '诸葛' },
      ],
      doi: '10.16085/j.issn.1000-6613.2022-0815',
      arxivId: null,
      year: 2023,
      venue: '化工进展',
      volume: '42',
      issue: '3',
      abstract:
        '硅因其极高的理论比容量被认为是最有前景的锂离子电池负极材料之一。然而，硅在充放电过程中巨大的体积变化导致材料粉化和容量快速衰减。本文综述了纳米化、复合化和结构设计等改性策略的最新进展，并展望了硅基负极的产业化前景。',
      keywords: ['锂离子电池', '硅基负极', '体积膨胀', 'lithium-ion battery', 'silicon-based anode', 'volume expansion'],
      funding: ['国家重点研发计划(2022YFB2404800)', '国家自然科学基金(52172232)'],
      pdfUrl: null,
      quote: null,
      note: null,
    });
  });
});

describe('CQVIP', () => {
  it('reads a Qikan article page, keeping the pinyin the page prints beside each Chinese name', () => {
    const url = 'https://lib.cqvip.com/Qikan/Article/Detail?id=7109164886';
    expect(extractFixture('cqvip.html', url)).toEqual({
      url,
      title: '不同反应条件对三元前驱体性质的影响',
      translatedTitle: 'Effects of Different Reaction Conditions on the Properties of Ternary Precursors',
      authors: [
        { given: '元林', family: '龚', latin: { given: 'Yuanlin', family: 'Gong' } },
        { given: '娜娜', family: '欧阳', latin: { given: 'Nana', family: 'Ouyang' } },
        { given: '海荣', family: '蒋', latin: { given: 'Hairong', family: 'Jiang' } },
      ],
      doi: null,
      arxivId: null,
      year: 2023,
      venue: '广东化工',
      issue: '3',
      abstract:
        '随着车载动力电池的使用要求不断提高，对镍钴锰系三元前驱体的生产要求也越来越高。本文在车间连续式合成生产中对反应釜氨值、反应温度进行调整，并通过XRD、SEM和BET对样品进行了表征。',
      keywords: ['三元前驱体', '共沉淀法', '反应温度'],
      pdfUrl: null,
      quote: null,
      note: null,
    });
  });
});

describe('IEEE Xplore', () => {
  it('reads the xplGlobal.document.metadata object: names as IEEE splits them, author keywords, plain-text abstract, stamp PDF', () => {
    const url = 'https://ieeexplore.ieee.org/document/9876543';
    expect(extractFixture('ieee-xplore.html', url)).toEqual({
      url,
      title: 'Graph Neural Networks for Fault Location in Active Distribution Networks',
      authors: [
        { given: 'Wei', family: 'Li', affiliations: ['School of Electrical Engineering, Shandong University, Jinan, China'] },
        { given: 'Xiu', family: 'Ouyang', affiliations: ['State Grid Shandong Electric Power Company, Jinan, China'] },
        { given: 'Jane M.', family: 'Doe', affiliations: ['Department of ECE, University of Toronto, Toronto, ON, Canada'] },
      ],
      doi: '10.1109/TSG.2022.3176543',
      arxivId: null,
      year: 2022,
      venue: 'IEEE Transactions on Smart Grid',
      volume: '13',
      issue: '6',
      abstract:
        'Fault location in active distribution networks is difficult because distributed generators change fault currents. We propose a graph neural network that reads sparse {\\mu }PMU measurements {and} locates faults within one feeder section; on the IEEE 123-bus system it reaches 97.6% accuracy.',
      keywords: ['Active distribution network', 'fault location', 'graph neural network', 'micro-PMU'],
      pdfUrl: 'https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=9876543',
      quote: null,
      note: null,
    });
  });
});

const PATENT = {
  number: 'CN115123456A',
  applicationNumber: 'CN202210456789.X',
  filingDate: '2022-04-27',
  publicationDate: '2022-07-29',
};
const INVENTORS = [
  { given: '修远', family: '欧阳' },
  { given: '伟', family: '张' },
  { given: '明', family: '诸葛' },
];

describe('patents', () => {
  it('reads a Google Patents page as a patent: number, application, inventors, applicants, dates, the full abstract', () => {
    const url = 'https://patents.google.com/patent/CN115123456A/en';
    expect(extractFixture('google-patents.html', url)).toEqual({
      url,
      kind: 'patent',
      title: 'Lithium battery thermal runaway early-warning method based on gas sensors',
      authors: INVENTORS,
      doi: null,
      arxivId: null,
      year: 2022,
      venue: null,
      abstract:
        'The invention discloses a lithium battery thermal runaway early-warning method based on gas sensors, which comprises: collecting hydrogen, carbon monoxide and electrolyte vapour concentrations in a battery cabin; computing their rates of change; and raising a graded alarm when a trained threshold model predicts thermal runaway, so that the warning precedes venting by more than five minutes.',
      pdfUrl: 'https://patentimages.storage.googleapis.com/1a/2b/3c/abcdef123456/CN115123456A.pdf',
      patent: { ...PATENT, applicants: ['State Grid Corporation of China', 'North China Electric Power University'] },
      quote: null,
      note: null,
    });
  });

  it('reads a CNIPA search detail page as the same patent', () => {
    const url = 'https://pss-system.cponline.cnipa.gov.cn/conventionalSearch/detail?id=CN202210456789';
    expect(extractFixture('cnipa.html', url)).toEqual({
      url,
      kind: 'patent',
      title: '一种基于气体传感器的锂电池热失控预警方法',
      authors: INVENTORS,
      doi: null,
      arxivId: null,
      year: 2022,
      venue: null,
      abstract: '本发明公开了一种基于气体传感器的锂电池热失控预警方法，包括：采集电池舱内氢气、一氧化碳和电解液蒸气浓度；计算其变化率；当训练好的阈值模型预测热失控时发出分级报警。',
      pdfUrl: null,
      patent: { ...PATENT, applicants: ['国家电网有限公司', '华北电力大学'] },
      quote: null,
      note: null,
    });
  });
});
