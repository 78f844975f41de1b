import { describe, expect, it } from 'vitest';
import { isSameWork, normalizeArxivId, normalizeDoi, normalizePatentNumber, normalizeUrl, paperIdentity, workKeys } from '../../shared/paper-identity.js';

describe('normalizeDoi', () => {
  it.each([
    ['10.1000/xyz', '10.1000/xyz'],
    ['https://doi.org/10.1000/XYZ', '10.1000/xyz'],
    ['http://dx.doi.org/10.1000/xyz', '10.1000/xyz'],
    ['https://www.doi.org/10.1000/xyz', '10.1000/xyz'],
    ['doi.org/10.1000/xyz', '10.1000/xyz'],
    ['doi:10.1000/xyz', '10.1000/xyz'],
    ['DOI: 10.1000/XYZ', '10.1000/xyz'],
    ['info:doi/10.1000/xyz', '10.1000/xyz'],
    ['urn:doi:10.1000/xyz', '10.1000/xyz'],
    ['  10.1000/xyz.  ', '10.1000/xyz'],
    ['10.1000/xyz,', '10.1000/xyz'],
    ['(doi:10.1000/xyz).', '10.1000/xyz'],
    ['10.1000/xyz\u200b', '10.1000/xyz'],
    ['https://doi.org/10.1000/xyz?via=ihub#main', '10.1000/xyz'],
    ['https://doi.org/10.1000%2Fxyz', '10.1000/xyz'],
    ['10.1016/S0006-3495(00)76315-0', '10.1016/s0006-3495(00)76315-0'],
    ['10.1093/nar/gkaa123', '10.1093/nar/gkaa123'],
    ['10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O', '10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-o'],
    ['10.1000.10/abc', '10.1000.10/abc'],
    ['10.1000/xyz in print', '10.1000/xyz'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDoi(input)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['xyz'],
    ['10.1000'],
    ['10.1000/'],
    ['10.12/abc'],
    ['11.1000/abc'],
    ['ISSN 1234-5678'],
    ['https://example.com/10.1000/xyz'],
    ['https://doi.org/'],
  ])('%j is not a DOI', (input) => {
    expect(normalizeDoi(input)).toBeNull();
  });
});

describe('normalizeArxivId', () => {
  it.each([
    ['2101.00001', '2101.00001'],
    ['2101.00001v2', '2101.00001'],
    ['arXiv:2101.00001v2', '2101.00001'],
    ['arxiv: 2101.00001', '2101.00001'],
    ['arXiv:2101.00001 [cs.LG]', '2101.00001'],
    ['0704.0001', '0704.0001'],
    ['1412.6980v9', '1412.6980'],
    ['https://arxiv.org/abs/2101.00001v2', '2101.00001'],
    ['https://arxiv.org/pdf/2101.00001v3', '2101.00001'],
    ['http://arxiv.org/pdf/2101.00001v3.pdf', '2101.00001'],
    ['https://export.arxiv.org/abs/2101.00001?context=cs', '2101.00001'],
    ['arxiv.org/abs/2101.00001', '2101.00001'],
    ['https://arxiv.org/html/2402.12345v1/', '2402.12345'],
    ['https://ar5iv.labs.arxiv.org/html/1706.03762', '1706.03762'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['hep-th/9901001v3', 'hep-th/9901001'],
    ['arXiv:HEP-TH/9901001', 'hep-th/9901001'],
    ['math.GT/0309136', 'math/0309136'],
    ['https://arxiv.org/abs/hep-th/9901001v1', 'hep-th/9901001'],
    ['https://arxiv.org/abs/math.GT/0309136', 'math/0309136'],
    ['10.48550/arXiv.2101.00001', '2101.00001'],
    ['https://doi.org/10.48550/arXiv.2101.00001', '2101.00001'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeArxivId(input)).toBe(expected);
  });

  it.each([
    [''],
    ['2113.00001'],
    ['2101.0001'],
    ['1412.12345'],
    ['0612.0001'],
    ['foo/9901001'],
    ['hep-th/9913001'],
    ['https://example.com/abs/2101.00001'],
    ['https://arxiv.org/list/cs.LG/recent'],
    ['10.1000/xyz'],
  ])('%j is not an arXiv id', (input) => {
    expect(normalizeArxivId(input)).toBeNull();
  });
});

describe('normalizeUrl', () => {
  it('lower-cases scheme and host but not the path', () => {
    expect(normalizeUrl('HTTPS://Example.COM/Paper/ABC')).toBe('https://example.com/Paper/ABC');
  });

  it('drops the fragment, trailing slashes and the default port', () => {
    expect(normalizeUrl('https://example.com:443/a/b/#section-2')).toBe('https://example.com/a/b');
    expect(normalizeUrl('https://example.com/')).toBe('https://example.com');
  });

  it('drops tracking parameters and sorts the rest', () => {
    expect(normalizeUrl('https://example.com/a?utm_source=x&b=2&fbclid=abc&a=1&gclid=z&UTM_Medium=m')).toBe(
      'https://example.com/a?a=1&b=2',
    );
  });

  it('keeps repeated parameters in their order', () => {
    expect(normalizeUrl('https://example.com/a?z=1&tag=b&tag=a')).toBe('https://example.com/a?tag=b&tag=a&z=1');
  });

  it('gives the same form for two spellings of one page', () => {
    expect(normalizeUrl('https://EXAMPLE.com/p?id=3&utm_campaign=mail#top')).toBe(normalizeUrl('https://example.com/p/?id=3'));
  });

  it('returns a non-URL trimmed and without its fragment', () => {
    expect(normalizeUrl('  not a url#frag ')).toBe('not a url');
  });
});

describe('paperIdentity', () => {
  it('keys by DOI first, normalized', () => {
    expect(paperIdentity({ doi: 'https://doi.org/10.1000/XYZ', arxivId: '2101.00001', url: 'https://a.example' })).toBe(
      'doi:10.1000/xyz',
    );
  });

  it('keys by arXiv id without version when there is no DOI', () => {
    expect(paperIdentity({ doi: null, arxivId: 'arXiv:2101.00001v3', url: 'https://arxiv.org/abs/2101.00001v3' })).toBe(
      'arxiv:2101.00001',
    );
  });

  it("keys arXiv's DataCite DOI as the arXiv id, so both clips of a preprint match", () => {
    const withDoi = paperIdentity({ doi: '10.48550/arXiv.2101.00001', url: 'https://arxiv.org/abs/2101.00001' });
    const withoutDoi = paperIdentity({ arxivId: '2101.00001v1', url: 'https://example.com/x' });
    expect(withDoi).toBe('arxiv:2101.00001');
    expect(withDoi).toBe(withoutDoi);
  });

  it('falls back to the normalized URL, ignoring values that are not identifiers', () => {
    expect(paperIdentity({ doi: 'n/a', arxivId: '', url: 'https://Example.com/paper/?utm_source=x#abs' })).toBe(
      'url:https://example.com/paper',
    );
  });
});

describe('patents', () => {
  it.each([
    ['CN115123456A', 'CN115123456'],
    ['CN 115123456 A', 'CN115123456'],
    ['CN:115123456:A', 'CN115123456'],
    ['cn115123456b', 'CN115123456'],
    ['US 9,876,543 B2', 'US9876543'],
    ['US20100123456A1', 'US20100123456'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePatentNumber(input)).toBe(expected);
  });

  it('refuses what is not a patent number, and keys a patent by its number before its URL', () => {
    expect(['', 'patent', '12345', 'CN12'].map(normalizePatentNumber)).toEqual([null, null, null, null]);
    expect(paperIdentity({ url: 'https://patents.google.com/patent/CN115123456A/en', patent: { number: 'CN115123456A' } })).toBe('patent:CN115123456');
    expect(paperIdentity({ url: 'https://pss-system.cponline.cnipa.gov.cn/detail?id=1', patent: { number: 'CN115123456B' } })).toBe('patent:CN115123456');
  });
});

describe('one work across languages and sites', () => {
  const cnki = {
    url: 'https://kns.cnki.net/kcms2/article/abstract?v=abc',
    doi: null,
    title: '基于深度强化学习的配电网电压控制',
    translatedTitle: 'Voltage Control of Distribution Networks Based on Deep Reinforcement Learning',
    year: 2023,
    authors: [{ given: '伟', family: '张' }],
  };
  const publisher = {
    url: 'https://ieeexplore.ieee.org/document/9876543',
    doi: '10.1109/tsg.2023.1',
    title: 'Voltage control of distribution networks based on deep reinforcement learning.',
    year: 2023,
    authors: [{ given: 'Wei', family: 'Zhang' }],
  };

  it('matches a CNKI clip without DOI to the English page by translated title, year and the pinyin of the surname', () => {
    expect(isSameWork(cnki, publisher)).toBe(true);
    expect(isSameWork(publisher, cnki)).toBe(true);
  });

  it('matches on the Latin spelling a page gave, and on the Chinese title when both clips are Chinese', () => {
    const rare = { ...cnki, authors: [{ given: '娜', family: '覃', latin: { given: 'Na', family: 'Tan' } }], translatedTitle: null };
    expect(isSameWork({ ...rare, title: publisher.title }, { ...publisher, authors: [{ given: 'Na', family: 'Tan' }] })).toBe(true);
    expect(isSameWork(rare, { ...rare, url: 'https://d.wanfangdata.com.cn/periodical/x', authors: [{ given: '娜', family: '覃' }] })).toBe(true);
  });

  it('keeps apart clips whose DOIs differ, or whose year or first author differ', () => {
    expect(isSameWork({ ...cnki, doi: '10.1000/other' }, publisher)).toBe(false);
    expect(isSameWork({ ...cnki, year: 2022 }, publisher)).toBe(false);
    expect(isSameWork({ ...cnki, authors: [{ given: '伟', family: '王' }] }, publisher)).toBe(false);
  });

  it('gives no keys without a year, a first author or a title of some length', () => {
    expect(workKeys({ ...cnki, year: null })).toEqual([]);
    expect(workKeys({ ...cnki, authors: [] })).toEqual([]);
    expect(workKeys({ title: 'Intro', year: 2020, authors: [{ given: 'Na', family: 'Li' }] })).toEqual([]);
    expect(workKeys(publisher)).toEqual(['voltagecontrolofdistributionnetworksbasedondeepreinforcementlearning|2023|zhang']);
  });
});
