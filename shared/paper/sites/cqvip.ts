import { publishedDoi } from '../identifiers.js';
import type { Paper } from '../../schemas/paper.js';
import { assembledPaper } from '../assemble.js';
import { authorsFromNames, withLatinNames } from '../authors.js';
import { keywordList } from '../details.js';
import { issueLine } from './citation-line.js';
import { textAt, textOf, textsAt, textWithout } from './dom.js';
import type { SiteAdapter } from './site.js';

const CQVIP_HOST = /(?:^|\.)cqvip\.com$/i;
const ARTICLE_PATH = /\/Qikan\/Article\/Detail/i;

/**
 * CQVIP (维普) journal article pages (`lib.cqvip.com/Qikan/Article/Detail?id=…`, also on `qikan.` and
 * `cstj.`): the title from `.article-title h1` without its "认领" button and citation count, the English
 * title from the `em` beside it, authors from the author line with the pinyin the page prints in its `em`
 * ("Liu Zheng;Gong Yuanlin") kept as their Latin names, the abstract without its label and "收起" toggle,
 * keywords, journal from `.journal .from`, year and issue from "2023年第2期…", and a DOI when shown.
 */
export const cqvip: SiteAdapter = {
  name: 'CQVIP',
  matches: (url) => CQVIP_HOST.test(url.hostname) && ARTICLE_PATH.test(url.pathname),
  extract: cqvipPaper,
};

function cqvipPaper(document: Document, url: URL): Paper | null {
  const heading = document.querySelector('.article-title h1');
  const title = heading ? textWithout(heading, (child) => child.tagName !== 'SUP' && child.tagName !== 'SUB' && child.tagName !== 'I') : '';
  if (!title) return null;
  const names = textsAt(document, '.author span a').map((name) => name.replace(/[\s\d,，]+$/, ''));
  const latinNames = textAt(document, '.author em').replace(/\(.*?\)\s*$/, '').split(/\s*[;；]\s*/).filter((name) => name !== '');
  const journal = document.querySelector('.journal .from a');
  return assembledPaper(url.href, {
    title,
    translatedTitle: textAt(document, '.article-title em') || null,
    authors: withLatinNames(authorsFromNames(names), latinNames),
    doi: publishedDoi(textAt(document, '.doi a, .doi').replace(/^DOI[:：]?\s*/i, '')),
    venue: journal?.getAttribute('title')?.trim() || textOf(journal) || null,
    ...issueLine(textAt(document, '.journal .from .vol')),
    abstract: cqvipAbstract(document),
    keywords: keywordList(textsAt(document, '.subject span a')),
  });
}

/** The Chinese abstract: the first `.abstract` block, its "摘要：" label and "收起"/"展开更多" toggle removed. */
function cqvipAbstract(document: Document): string | null {
  const block = document.querySelector('.abstract');
  if (!block) return null;
  const text = textWithout(block, (child) => child.classList.contains('label') || child.tagName === 'A' || child.tagName === 'BUTTON');
  return text.replace(/^摘\s*要\s*[:：]?\s*/, '').replace(/\s*(?:收起|展开更多)$/, '') || null;
}
