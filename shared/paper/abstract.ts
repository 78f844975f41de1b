import { articleField, jsonText } from './json-ld.js';
import { dublinCore, metaValuesOf, type Page } from './page.js';
import { collapsedText, firstOf, withEntitiesDecoded, withoutMarkup } from './text.js';

/** A page's abstract: metadata first, the body's printed abstract when the metadata only teases it. */

/**
 * The page's abstract: `citation_abstract` or a Dublin Core abstract as stated; otherwise a description
 * (Dublin Core, JSON-LD, social tags) unless the abstract printed in the body is longer and the
 * description is only its opening (a teaser, often ending in "…"), when the body's wins. A body abstract
 * alone is used when the metadata has none. Abstract tags are taken as whole: the body is searched only
 * when they are missing, which keeps publisher pages from paying for a search of their full text.
 */
export function pageAbstract(page: Page): string | null {
  const stated = firstOf(metaValuesOf(page, ['citation_abstract', ...dublinCore('abstract')]), cleanedAbstract);
  if (stated) return stated;
  const descriptions = [
    ...metaValuesOf(page, dublinCore('description')),
    ...articleField(page, 'abstract', 'description').map((value) => jsonText(value) ?? ''),
    ...metaValuesOf(page, ['og:description', 'twitter:description']),
  ];
  return fullerAbstract(firstOf(descriptions, cleanedAbstract), page.bodyAbstract());
}

/**
 * `body` when `stated` is missing, only a teaser of it, or less than half its length (a description that is
 * an impact statement, or the opening of a structured abstract whose body starts "Background"), else `stated`.
 */
export function fullerAbstract(stated: string | null, body: string | null): string | null {
  if (!body) return stated;
  if (!stated) return body;
  return isTeaserOf(stated, body) || stated.length * 2 <= body.length ? body : stated;
}

const ELLIPSIS = /\s*(?:…|\.\.\.|\[\.\.\.\]|更多)\s*$/;

/** A shorter text that opens `full` (compared without spacing and punctuation), or that ends in "…". */
function isTeaserOf(teaser: string, full: string): boolean {
  if (full.length <= teaser.length) return false;
  const opening = comparable(teaser.replace(ELLIPSIS, ''));
  return ELLIPSIS.test(teaser) || (opening.length > 0 && comparable(full).startsWith(opening));
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Elements that hold an article's abstract on publishers' pages, most specific first. Tried one at a time:
 * a single selector list would answer the first match in document order, which on ScienceDirect is the
 * highlights box (also `div.abstract`) printed above the abstract.
 */
const BODY_ABSTRACT_SELECTORS = [
  '[role="doc-abstract"]', '#Abs1-content', '.abstract-content', '.abstractSection', '.hlFld-Abstract',
  'section.abstract', 'div.abstract', 'blockquote.abstract', '#abstract', '#abstracts',
];
/** Boxes that share the abstract's class but are not it: highlights, graphical abstracts, key points. */
const NOT_THE_ABSTRACT = /highlights|graphical|keypoints|key-points/i;
const MIN_BODY_ABSTRACT = 40;

/** The abstract printed in the document's body, without its heading; null when there is none worth using. */
export function bodyAbstract(document: Document): string | null {
  for (const selector of BODY_ABSTRACT_SELECTORS) {
    for (const element of document.querySelectorAll(selector)) {
      if (NOT_THE_ABSTRACT.test(`${element.id} ${element.getAttribute('class') ?? ''}`)) continue;
      const text = cleanedAbstract(blockText(element).replace(/^(?:abstract|summary|摘要)\s*[:：.]?\s*/i, ''));
      if (text && text.length >= MIN_BODY_ABSTRACT) return text;
    }
  }
  return null;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, dt, dd, section, div, blockquote, figure, td, th';
const SHOW_TEXT = 4;

/**
 * The element's text with a space where one block ends and another begins, as a reader sees it: a
 * structured abstract's "Background" heading does not run into its first sentence ("BackgroundSepsis").
 */
function blockText(element: Element): string {
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  let previousBlock: Element | null | undefined;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = node.parentElement?.closest(BLOCKS);
    if (previousBlock !== undefined && block !== previousBlock) parts.push(' ');
    parts.push(node.nodeValue ?? '');
    previousBlock = block;
  }
  return collapsedText(parts.join(''));
}

const ABSTRACT_HEADING = /^\s*<((?:[a-z]+:)?(?:h[1-6]|title))\b[^>]*>\s*(?:abstract|summary)\s*<\/\1>/i;

/** The abstract's text, without a leading "Abstract" heading, whether marked up or written "Abstract: …". */
export function cleanedAbstract(text: string): string | null {
  const body = withoutMarkup(withEntitiesDecoded(text).replace(ABSTRACT_HEADING, ''));
  return collapsedText(body).replace(/^(?:abstract|summary)\s*[:.]\s+/i, '') || null;
}
