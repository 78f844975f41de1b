import { publishedDoi } from '../identifiers.js';
import type { Author, Paper } from '../../schemas/paper.js';
import { cleanedAbstract } from '../abstract.js';
import { assembledPaper } from '../assemble.js';
import { authorFromName, withConventionalCase } from '../names.js';
import { yearOf } from '../dates-venue.js';
import { keywordList } from '../details.js';
import { absoluteHttpUrl, collapsedText, withEntitiesDecoded, withoutMarkup } from '../text.js';
import type { SiteAdapter } from './site.js';

const IEEE_HOST = /(?:^|\.)ieeexplore\.ieee\.org$/i;
const DOCUMENT_PATH = /\/document\/\d+|[?&]arnumber=\d+/i;
const METADATA_MARK = 'xplGlobal.document.metadata';

type Json = { [key: string]: unknown };

/**
 * IEEE Xplore document pages (`ieeexplore.ieee.org/document/<number>`), whose metadata is the object a
 * script assigns to `xplGlobal.document.metadata`, not meta tags: title, authors (first and last names as
 * IEEE splits them, with affiliations), DOI, the journal or proceedings, year, volume, issue, the abstract,
 * the author keywords (IEEE's own index terms when the authors gave none) and the PDF's stamp address.
 */
export const ieeeXplore: SiteAdapter = {
  name: 'IEEE Xplore',
  matches: (url) => IEEE_HOST.test(url.hostname) && DOCUMENT_PATH.test(url.pathname + url.search),
  extract: ieeePaper,
};

function ieeePaper(document: Document, url: URL): Paper | null {
  const metadata = scriptMetadata(document);
  const title = metadata ? plainText(metadata['title']) || plainText(metadata['displayDocTitle']) : '';
  if (!metadata || !title) return null;
  return assembledPaper(url.href, {
    title,
    authors: ieeeAuthors(metadata['authors']),
    doi: publishedDoi(plainText(metadata['doi'])),
    year: yearOf(plainText(metadata['publicationYear'])) ?? yearOf(plainText(metadata['publicationDate'])),
    venue: plainText(metadata['publicationTitle']) || plainText(metadata['displayPublicationTitle']) || null,
    volume: plainText(metadata['volume']) || null,
    issue: plainText(metadata['issue']) || null,
    abstract: cleanedAbstract(plainText(metadata['abstract'])),
    keywords: ieeeKeywords(metadata['keywords']),
    pdfUrl: absoluteHttpUrl(plainText(metadata['pdfUrl']), url),
  });
}

/** The object the page's script assigns to `xplGlobal.document.metadata`, or null. */
function scriptMetadata(document: Document): Json | null {
  for (const script of document.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    const mark = text.indexOf(METADATA_MARK);
    if (mark < 0) continue;
    const start = text.indexOf('{', mark + METADATA_MARK.length);
    const end = start < 0 ? -1 : objectEnd(text, start);
    if (end < 0) continue;
    try {
      const value = JSON.parse(text.slice(start, end + 1)) as unknown;
      if (isJson(value)) return value;
    } catch {
      continue;
    }
  }
  return null;
}

/** The index of the brace closing the object that opens at `start`, skipping braces inside strings; -1 if unclosed. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '{') depth++;
    else if (character === '}' && --depth === 0) return index;
  }
  return -1;
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ANY_TAG = /<\/?[a-z][\w:-]*\b[^<>]*>/gi;

/** A metadata value as plain text: markup (`<inline-formula>`, `<tex-math>` around LaTeX) and entities removed. */
function plainText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? collapsedText(withoutMarkup(withEntitiesDecoded(value)).replace(ANY_TAG, '')) : '';
}

function ieeeAuthors(value: unknown): Author[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isJson).flatMap((entry) => {
    const family = plainText(entry['lastName']);
    const named = family ? withConventionalCase({ given: plainText(entry['firstName']), family }) : authorFromName(plainText(entry['name']));
    if (!named) return [];
    const affiliations = (Array.isArray(entry['affiliation']) ? entry['affiliation'] : [entry['affiliation']]).map(plainText).filter((text) => text !== '');
    return [affiliations.length > 0 ? { ...named, affiliations } : named];
  });
}

/** The "Author Keywords" group, else IEEE's own index terms ("IEEE Keywords"). */
function ieeeKeywords(value: unknown): string[] {
  const groups = Array.isArray(value) ? value.filter(isJson) : [];
  const terms = (pattern: RegExp) =>
    groups.filter((group) => pattern.test(plainText(group['type']))).flatMap((group) => (Array.isArray(group['kwd']) ? group['kwd'].map(plainText) : []));
  const authors = terms(/author/i);
  return keywordList(authors.length > 0 ? authors : terms(/^ieee/i));
}
