import { publishedDoi } from '../identifiers.js';
import type { Author, Paper } from '../../schemas/paper.js';
import { fullerAbstract } from '../abstract.js';
import { assembledPaper } from '../assemble.js';
import { authorFromName } from '../names.js';
import { issueLine } from './citation-line.js';
import { labelledRows, rowValue, splitList, textAt, textOf, textsAt, textWithout } from './dom.js';
import type { SiteAdapter } from './site.js';

const CNKI_HOST = /(?:^|\.)cnki\.net$/i;
const ARTICLE_PATH = /\/kcms2?\//i;
/** The rows under the title: the current `div.row`/`li.top-space` layout and the older `wxBaseinfo` paragraphs. */
const ROWS = '.row, [class^="row"], li.top-space, .wxBaseinfo p';
/** Inline formatting a title keeps (chemical formulas, italics); every other child is a badge or a button. */
const TITLE_MARKUP = new Set(['SUP', 'SUB', 'I', 'B', 'EM', 'STRONG']);

/**
 * CNKI article pages, `kns.cnki.net/kcms2/article/abstract?v=…` and the older `kcms/detail/detail.aspx`:
 * the title from `.wx-tit h1` (without the site's badges), the English title from `.wx-tit h2` when shown,
 * authors from the first `h3` with their institutions matched by the superscript numbers in the second,
 * journal, year, volume and issue from the top tip ("电力系统自动化. 2023,47(05)", or the old
 * `.sourinfo` block), the full abstract (`#abstract_text`, which holds what `#ChDivSummary` may cut short),
 * keywords, DOI and fund lines from the labelled rows.
 */
export const cnki: SiteAdapter = {
  name: 'CNKI',
  matches: (url) => CNKI_HOST.test(url.hostname) && ARTICLE_PATH.test(url.pathname),
  extract: cnkiPaper,
};

function cnkiPaper(document: Document, url: URL): Paper | null {
  // Searches are kept to the article's own block: a long page's reference list and related links are most of its DOM.
  const header = document.querySelector('.wx-tit');
  const heading = header?.querySelector('h1');
  const title = heading ? textWithout(heading, (child) => !TITLE_MARKUP.has(child.tagName.toUpperCase())) : '';
  if (!header || !title) return null;
  const article = document.querySelector('.doc') ?? document.querySelector('.wxmain') ?? document;
  const rows = labelledRows(article, ROWS);
  const source = sourceLine(document);
  return assembledPaper(url.href, {
    title,
    translatedTitle: textAt(header, 'h2') || null,
    authors: cnkiAuthors(document, header),
    doi: publishedDoi(rowValue(rows, /^DOI$/i)),
    venue: source.venue,
    ...source.issue,
    abstract: cnkiAbstract(document, rows),
    keywords: cnkiKeywords(article, rows),
    funding: splitList(rowValue(rows, /^基金/)).filter((line) => !/^[\d\s]+$/.test(line)),
  });
}

function sourceLine(document: Document) {
  const tip = document.querySelector('.top-tip');
  if (tip) {
    const venue = textAt(tip, 'a') || (textOf(tip).split(/\s*\.\s*/)[0] ?? '');
    return { venue, issue: issueLine(textOf(tip).slice(venue.length)) };
  }
  return { venue: textAt(document, '.sourinfo .title'), issue: issueLine(textAt(document, '.sourinfo')) };
}

function cnkiAbstract(document: Document, rows: Map<string, string>): string | null {
  const hidden = document.getElementById('abstract_text');
  const full = (hidden?.getAttribute('value') ?? '').trim() || textOf(hidden);
  const shown = textOf(document.getElementById('ChDivSummary')) || rowValue(rows, /^(?:摘要|Abstract)$/i);
  const cleaned = (text: string) => text.replace(/\s*(?:更多|还原|更多还原|收起)\s*$/, '').trim() || null;
  return fullerAbstract(cleaned(shown), cleaned(full)) ?? cleaned(shown);
}

function cnkiKeywords(article: ParentNode, rows: Map<string, string>): string[] {
  const linked = textsAt(article, '.keywords a').map((keyword) => keyword.replace(/[;；,，]+$/, ''));
  return linked.length > 0 ? linked : splitList(rowValue(rows, /^(?:关键词|Keywords)$/i));
}

/** Authors with the institutions their superscript numbers point to (or the only institution listed). */
function cnkiAuthors(document: Document, header: Element): Author[] {
  const lines = [...header.querySelectorAll('h3')];
  const authorLine = document.getElementById('authorpart') ?? lines[0];
  if (!authorLine) return [];
  const institutions = institutionsByNumber(lines.find((line) => line !== authorLine && line.id !== 'authorpart'));
  const entries = [...authorLine.querySelectorAll(':scope > span')];
  const people = entries.length > 0 ? entries : [...authorLine.querySelectorAll('a')];
  return people.flatMap((person) => {
    const author = authorFromName(textWithout(person, (child) => child.tagName.toUpperCase() === 'SUP'));
    if (!author) return [];
    const marks = splitList(textAt(person, 'sup'));
    const affiliations =
      marks.length > 0 ? marks.map((mark) => institutions.get(mark) ?? '').filter((name) => name !== '') : institutions.size === 1 ? [...institutions.values()] : [];
    return [affiliations.length > 0 ? { ...author, affiliations } : author];
  });
}

/** "1. 清华大学电机工程与应用电子技术系" → 1 → the institution; unnumbered ones are numbered in order. */
function institutionsByNumber(line: Element | undefined): Map<string, string> {
  const institutions = new Map<string, string>();
  if (!line) return institutions;
  const items = [...line.querySelectorAll('a, span')].filter((item) => item.querySelector('a, span') === null);
  for (const [index, item] of items.entries()) {
    const match = /^\s*(\d+)\s*[.、．]?\s*(.+)$/.exec(textOf(item));
    const name = (match?.[2] ?? textOf(item)).trim();
    if (name) institutions.set(match?.[1] ?? String(index + 1), name);
  }
  return institutions;
}
