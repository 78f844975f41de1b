import { publishedDoi } from '../identifiers.js';
import type { Paper } from '../../schemas/paper.js';
import { fullerAbstract } from '../abstract.js';
import { assembledPaper } from '../assemble.js';
import { authorsFromNames } from '../authors.js';
import { keywordList } from '../details.js';
import { issueLine } from './citation-line.js';
import { labelledRows, rowValue, splitList, textAt, textOf, textsAt, textWithout } from './dom.js';
import type { SiteAdapter } from './site.js';

const WANFANG_HOST = /(?:^|\.)wanfangdata\.com\.cn$/i;
const ARTICLE_PATH = /^\/(?:periodical|thesis|conference)\//i;

/**
 * Wanfang Data article pages (`d.wanfangdata.com.cn/periodical/<id>`, theses and conference papers): the
 * title from `.detailTitleCN` (without its icons) and the English one from `.detailTitleEN`, authors from
 * the author links (their superscript numbers dropped), the abstract from the summary block, Chinese and
 * English keywords, journal from `.periodicalName`, year, volume and issue from the publication line
 * ("2023,47(5)"), DOI and fund lines from the detail list.
 */
export const wanfang: SiteAdapter = {
  name: 'Wanfang Data',
  matches: (url) => WANFANG_HOST.test(url.hostname) && ARTICLE_PATH.test(url.pathname),
  extract: wanfangPaper,
};

function wanfangPaper(document: Document, url: URL): Paper | null {
  const heading = document.querySelector('.detailTitleCN');
  const title = heading ? textWithout(heading, (child) => child.hasAttribute('class')) : '';
  if (!title) return null;
  const rows = labelledRows(document, '.detailList .list');
  const summary = document.querySelector('.summary');
  const shownAbstract = summary ? textWithout(summary, (child) => child.classList.contains('item') || child.tagName === 'BUTTON') : '';
  const teaser = document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
  return assembledPaper(url.href, {
    title,
    translatedTitle: textAt(document, '.detailTitleEN') || null,
    authors: authorsFromNames(textsAt(document, '.author.detailTitle .itemUrl a').map((name) => name.replace(/[\s\d,，]+$/, ''))),
    doi: publishedDoi(textAt(document, '.doiStyle a') || rowValue(rows, /^DOI$/i)),
    venue: textAt(document, '.periodicalName') || null,
    ...issueLine(textOf(document.querySelector('.publishData')).replace(/^[^:：]*[:：]/, '')),
    abstract: fullerAbstract(teaser.trim() || null, shownAbstract.replace(/^摘要[:：]?\s*/, '') || null),
    keywords: keywordList(textsAt(document, '.keyword .itemKeyword a, .keyword a, .keywordEN a')),
    funding: splitList(rowValue(rows, /^基金/)),
  });
}
