import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPaper } from '../../shared/paper.js';

const windows: Window[] = [];

afterAll(async () => {
  await Promise.all(windows.map((window) => window.happyDOM.close()));
});

function extract(head: string, body = '<p>Body text</p>') {
  const url = 'https://journal.example.org/article/42';
  const window = new Window({ url });
  windows.push(window);
  const html = `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
  return extractPaper(new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document, url);
}

function meta(name: string, content: string, lang?: string): string {
  return `<meta name="${name}" content="${content}"${lang ? ` xml:lang="${lang}"` : ''}>`;
}

function authorsOf(...names: string[]) {
  return extract(meta('citation_title', 'A title') + names.map((name) => meta('citation_author', name)).join(''))?.authors;
}

describe('Chinese names', () => {
  it.each([
    ['Wei LI', 'Wei', 'Li'],
    ['Xiao-Ming WANG', 'Xiao-Ming', 'Wang'],
    ['Zhang Wei', 'Wei', 'Zhang'],
    ['Wei Zhang', 'Wei', 'Zhang'],
    ['Ouyang Xiu', 'Xiu', 'Ouyang'],
    ['Xiu Ouyang', 'Xiu', 'Ouyang'],
    ['Sima Guangming', 'Guangming', 'Sima'],
    ['Hairong Jiang', 'Hairong', 'Jiang'],
    ['Li Na', 'Na', 'Li'],
    ['张伟', '伟', '张'],
    ['欧阳修', '修', '欧阳'],
    ['诸葛亮', '亮', '诸葛'],
    ['上官婉儿', '婉儿', '上官'],
    ['皇甫嵩', '嵩', '皇甫'],
    ['尉迟恭', '恭', '尉迟'],
    ['令狐冲', '冲', '令狐'],
    ['端木蓉', '蓉', '端木'],
    ['夏侯惇', '惇', '夏侯'],
    ['慕容复', '复', '慕容'],
  ])('%s → given %j, family %j', (name, given, family) => {
    expect(authorsOf(name)).toEqual([{ given, family }]);
  });

  it('still reads PubMed initials after a surname, and Western names as before', () => {
    expect(authorsOf('Li W', 'Smith JA', 'Smith MA', 'Lee HU', 'Jean Dupont', 'Maria Li')).toEqual([
      { given: 'W', family: 'Li' },
      { given: 'JA', family: 'Smith' },
      { given: 'MA', family: 'Smith' },
      { given: 'HU', family: 'Lee' },
      { given: 'Jean', family: 'Dupont' },
      { given: 'Maria', family: 'Li' },
    ]);
  });

  it('keeps the pinyin beside the Chinese name when a page gives both lists, split where the surname falls', () => {
    const paper = extract(
      meta('citation_title', '一个标题') +
        meta('citation_authors', '欧阳修；张伟；李娜', 'zh') +
        meta('citation_authors', 'OUYANG Xiu; Wei ZHANG; Li Na', 'en'),
    );
    expect(paper?.authors).toEqual([
      { given: '修', family: '欧阳', latin: { given: 'Xiu', family: 'Ouyang' } },
      { given: '伟', family: '张', latin: { given: 'Wei', family: 'Zhang' } },
      { given: '娜', family: '李', latin: { given: 'Na', family: 'Li' } },
    ]);
  });

  it('pairs nothing when the two lists differ in length', () => {
    const paper = extract(
      meta('citation_title', '一个标题') + meta('citation_authors', '欧阳修；张伟', 'zh') + meta('citation_authors', 'Zhang Wei', 'en'),
    );
    expect(paper?.authors).toEqual([
      { given: '修', family: '欧阳' },
      { given: '伟', family: '张' },
    ]);
  });
});

describe('keywords, translated titles and abstracts from metadata', () => {
  it('keeps the author keywords in every language, each once, and the title in the other language', () => {
    const paper = extract(
      meta('citation_title', '深度学习综述', 'zh') +
        meta('citation_title', 'A Survey of Deep Learning', 'en') +
        meta('citation_keywords', '深度学习；神经网络', 'zh') +
        meta('citation_keywords', 'deep learning; neural networks; Deep Learning', 'en') +
        meta('keywords', 'journal, home, news'),
    );
    expect(paper).toMatchObject({
      title: '深度学习综述',
      translatedTitle: 'A Survey of Deep Learning',
      keywords: ['深度学习', '神经网络', 'deep learning', 'neural networks'],
    });
  });

  it('reads JSON-LD keywords, and leaves the field out when there are none', () => {
    const jsonLd = JSON.stringify({ '@type': 'ScholarlyArticle', name: 'T', keywords: ['photovoltaics', 'perovskite'] });
    expect(extract(`<script type="application/ld+json">${jsonLd}</script>`)?.keywords).toEqual(['photovoltaics', 'perovskite']);
    expect(extract(meta('citation_title', 'T'))).not.toHaveProperty('keywords');
  });

  it('prefers the full abstract in the body to a teaser in the description', () => {
    const full =
      'Perovskite solar cells degrade under heat and light. We passivate the interface with a fluorinated ammonium salt and keep 95% of the initial efficiency after 1000 hours.';
    const teaser = meta('citation_title', 'T') + meta('citation_doi', '10.1000/x') + meta('og:description', 'Perovskite solar cells degrade under heat and…');
    expect(extract(teaser, `<section class="abstract"><h2>Abstract</h2><p>${full}</p></section>`)?.abstract).toBe(full);
    const opening = meta('citation_title', 'T') + meta('dc.description', 'Perovskite solar cells degrade under heat and light.');
    expect(extract(opening, `<div id="abstract">${full}</div>`)?.abstract).toBe(full);
  });

  it('keeps a stated abstract that is not a teaser of the body text, and uses the body when nothing is stated', () => {
    const stated = meta('citation_title', 'T') + meta('citation_abstract', 'A different, complete summary of the work.');
    const body = '<div class="abstract">An abstract printed in the page that is longer than the stated summary of the work.</div>';
    expect(extract(stated, body)?.abstract).toBe('A different, complete summary of the work.');
    expect(extract(meta('citation_title', 'T'), body)?.abstract).toBe('An abstract printed in the page that is longer than the stated summary of the work.');
  });
});
