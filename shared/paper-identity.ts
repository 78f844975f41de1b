/**
 * The normal forms that decide whether two clips are the same paper. The server dedupes a researcher's
 * papers by normalized DOI, then arXiv id, then patent number, then normalized URL; `extractPaper` emits
 * DOIs and arXiv ids in these same forms, so a stored paper and a fresh clip compare equal by plain
 * string equality. Clips with no identifier in common (a CNKI page without a DOI and the publisher's
 * English page) meet through `workKeys` instead. Browser-safe: only `URL` and string APIs.
 */
import { plainPinyin, surnamePinyin } from './paper/chinese-surnames.js';
import type { Author } from './schemas/paper.js';

const RESOLVER_URL = /^(?:https?:\/\/)?(?:www\.|dx\.)?doi\.org\//i;
const DOI_SCHEME_PREFIX = /^(?:doi|info:doi|urn:doi)\s*[:/]\s*/i;
const DOI_SHAPE = /^10\.\d{4,9}(?:\.\d+)*\/\S+$/;
const INVISIBLE_CHARACTERS = /[\u200B-\u200D\u2060\uFEFF]/g;
const TRAILING_PUNCTUATION = /[.,;:'"!?\u201D\u2019]$/;
const CLOSING_TO_OPENING: Record<string, string> = { ')': '(', ']': '[', '}': '{', '>': '<' };

/**
 * The DOI in `input`, lower-cased, without resolver (`https://doi.org/`, `http://dx.doi.org/`) or scheme
 * (`doi:`, `info:doi/`, `urn:doi:`) prefix, percent-escapes decoded, trimmed, and without trailing
 * sentence punctuation or an unbalanced closing bracket (so `(doi:10.1000/xyz).` gives `10.1000/xyz`).
 * Null when what remains is not shaped like a DOI (`10.<registrant>/<suffix>`). A DOI inside some other
 * URL (a publisher's `/doi/10.…` page) is not recognised here: that is the page's URL, not a DOI.
 */
export function normalizeDoi(input: string): string | null {
  let text = input.replace(INVISIBLE_CHARACTERS, '').trim().replace(/^["'(<[]+/, '');
  if (RESOLVER_URL.test(text)) text = resolverPath(text);
  text = percentDecoded(text.replace(DOI_SCHEME_PREFIX, ''));
  const firstWord = text.split(/\s/, 1)[0] ?? '';
  const doi = withoutTrailingPunctuation(firstWord).toLowerCase();
  return DOI_SHAPE.test(doi) ? doi : null;
}

function resolverPath(resolverUrl: string): string {
  const path = resolverUrl.replace(RESOLVER_URL, '');
  return path.replace(/[?#].*$/, '');
}

function percentDecoded(text: string): string {
  if (!/%[0-9a-f]{2}/i.test(text)) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function withoutTrailingPunctuation(text: string): string {
  let result = text;
  for (;;) {
    const last = result.slice(-1);
    const opening = CLOSING_TO_OPENING[last];
    if (TRAILING_PUNCTUATION.test(result)) result = result.slice(0, -1);
    else if (opening !== undefined && count(result, opening) < count(result, last)) result = result.slice(0, -1);
    else return result;
  }
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/** The archives of arXiv's pre-2007 identifiers (`hep-th/9901001`); any other `word/1234567` is not arXiv. */
const OLD_ARXIV_ARCHIVES = new Set([
  'acc-phys', 'adap-org', 'alg-geom', 'ao-sci', 'astro-ph', 'atom-ph', 'bayes-an', 'chao-dyn', 'chem-ph',
  'cmp-lg', 'comp-gas', 'cond-mat', 'cs', 'dg-ga', 'funct-an', 'gr-qc', 'hep-ex', 'hep-lat', 'hep-ph',
  'hep-th', 'math', 'math-ph', 'mtrl-th', 'nlin', 'nucl-ex', 'nucl-th', 'patt-sol', 'physics', 'plasm-ph',
  'q-alg', 'q-bio', 'quant-ph', 'solv-int', 'supr-con',
]);
const NEW_ARXIV_ID = /^(\d{2})(\d{2})\.(\d{4,5})(?:v\d+)?$/;
const OLD_ARXIV_ID = /^([a-z]+(?:-[a-z]+)?)(?:\.[a-z-]+)?\/(\d{2})(\d{2})(\d{3})(?:v\d+)?$/i;
const ARXIV_HOST = /^(?:[a-z0-9-]+\.)*(?:arxiv\.org|ar5iv\.org)$/i;
const ARXIV_PAGE_PATH = /^\/(?:abs|pdf|html|format|ps|src)\/(.+?)(?:\.pdf)?\/?$/i;
const ARXIV_DATACITE_DOI = /^(?:(?:https?:\/\/)?(?:www\.|dx\.)?doi\.org\/|doi:\s*)?10\.48550\/arxiv\.(.+)$/i;

/**
 * The arXiv identifier in `input`, without version: `2101.00001` for `arXiv:2101.00001v2`,
 * `https://arxiv.org/abs/2101.00001v2` or `https://arxiv.org/pdf/2101.00001v3.pdf`, and `hep-th/9901001`
 * for old-style ids (a subject class, as in `math.GT/0309136`, is dropped: it was never part of the id).
 * Also accepts arXiv's DataCite DOI (`10.48550/arXiv.2101.00001`) and a trailing category (`[cs.LG]`).
 * Null when `input` is not an arXiv id: new-style ids must have a real month and the digit count arXiv
 * used in that period (4 before 2015, 5 since, none before the scheme began in April 2007); old-style ids
 * must name a real archive.
 */
export function normalizeArxivId(input: string): string | null {
  const text = input.replace(INVISIBLE_CHARACTERS, '').trim();
  const candidate = ARXIV_DATACITE_DOI.exec(text)?.[1] ?? arxivPathId(text) ?? text;
  return arxivIdOf(
    candidate
      .replace(/^arxiv\s*:\s*/i, '')
      .replace(/\s*\[[^\]]*\]$/, '')
      .trim(),
  );
}

function arxivPathId(text: string): string | null {
  if (!/^(?:https?:\/\/)?[^/\s]*(?:arxiv\.org|ar5iv\.org)\//i.test(text)) return null;
  const parsed = parsedUrl(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  if (!parsed || !ARXIV_HOST.test(parsed.hostname)) return null;
  const match = ARXIV_PAGE_PATH.exec(percentDecoded(parsed.pathname));
  return match?.[1] ?? null;
}

function arxivIdOf(candidate: string): string | null {
  const modern = NEW_ARXIV_ID.exec(candidate);
  if (modern) {
    const [, yy = '', mm = '', sequence = ''] = modern;
    const expectedDigits = Number(yy) >= 15 ? 5 : 4;
    const issuedSinceScheme = Number(`${yy}${mm}`) >= 704;
    return isMonth(mm) && issuedSinceScheme && sequence.length === expectedDigits ? `${yy}${mm}.${sequence}` : null;
  }
  const legacy = OLD_ARXIV_ID.exec(candidate);
  if (legacy) {
    const [, archive = '', yy = '', mm = '', sequence = ''] = legacy;
    const lowerArchive = archive.toLowerCase();
    return OLD_ARXIV_ARCHIVES.has(lowerArchive) && isMonth(mm) ? `${lowerArchive}/${yy}${mm}${sequence}` : null;
  }
  return null;
}

function isMonth(mm: string): boolean {
  const month = Number(mm);
  return month >= 1 && month <= 12;
}

const TRACKING_PARAMETER = /^(?:utm_.*|fbclid|gclid|gclsrc|dclid|msclkid|mc_cid|mc_eid|igshid|yclid)$/i;

/**
 * `input` in the form two URLs of the same page share: scheme and host lower-cased, default port, user
 * name and fragment dropped, no trailing slash on the path, tracking parameters (`utm_*`, `fbclid`, `gclid`
 * and their kin) removed and the remaining query parameters sorted by name (stable, so repeated names keep
 * their order). Input that is not an absolute URL is returned trimmed, without its fragment.
 */
export function normalizeUrl(input: string): string {
  const trimmed = input.trim();
  const parsed = parsedUrl(trimmed);
  if (!parsed) return trimmed.replace(/#.*$/, '');
  const params = new URLSearchParams(parsed.search);
  for (const name of [...new Set(params.keys())]) {
    if (TRACKING_PARAMETER.test(name)) params.delete(name);
  }
  params.sort();
  const query = params.toString();
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.protocol}//${parsed.host}${path}${query ? `?${query}` : ''}`;
}

function parsedUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

const PATENT_NUMBER = /^([A-Z]{2})(\d{5,})(?:[A-Z]\d?)?$/;

/**
 * A patent's number in the form every clip of it shares: country code and digits, upper-case, without
 * spaces, separators or the kind code ("CN 115123456 A", "CN:115123456:A" and "CN115123456B" all give
 * "CN115123456", since an application's publication and its grant are one invention). Null when `input`
 * is not shaped like a patent number.
 */
export function normalizePatentNumber(input: string): string | null {
  const compact = input.replace(INVISIBLE_CHARACTERS, '').toUpperCase().replace(/[\s,.:/-]/g, '');
  const match = PATENT_NUMBER.exec(compact);
  return match ? `${match[1]}${match[2]}` : null;
}

/** What identifies a clip: the fields `paperIdentity` and `workKeys` read. */
export interface PaperIdentityFields {
  url: string;
  doi?: string | null;
  arxivId?: string | null;
  patent?: { number: string } | null;
}

/**
 * The key a paper is deduped by: `doi:<normalized doi>` when it has a DOI, else `arxiv:<id>` when it has
 * an arXiv id, else `patent:<number>` for a patent, else `url:<normalized url>`. arXiv's own DataCite DOI
 * (`10.48550/arxiv.<id>`) keys as `arxiv:<id>`, so a preprint clipped with and without that DOI is still
 * one paper.
 */
export function paperIdentity(paper: PaperIdentityFields): string {
  const doi = paper.doi ? normalizeDoi(paper.doi) : null;
  const arxivFromDoi = doi ? ARXIV_DATACITE_DOI.exec(doi) : null;
  if (doi && !arxivFromDoi) return `doi:${doi}`;
  const arxivId = (paper.arxivId ? normalizeArxivId(paper.arxivId) : null) ?? (doi ? normalizeArxivId(doi) : null);
  if (arxivId) return `arxiv:${arxivId}`;
  if (doi) return `doi:${doi}`;
  const patent = paper.patent ? normalizePatentNumber(paper.patent.number) : null;
  if (patent) return `patent:${patent}`;
  return `url:${normalizeUrl(paper.url)}`;
}

/** What `workKeys` reads of a clip besides its identifiers. */
export interface WorkFields {
  title: string;
  translatedTitle?: string | null;
  year: number | null;
  authors: readonly Author[];
}

const MIN_TITLE_LENGTH = 6;

/**
 * The keys under which two clips of one work meet when they share no identifier: each of its titles (the
 * page's and its translation, lower-cased, without accents, spacing or punctuation) with its year and its
 * first author's family name — in every spelling known: as written, the Latin spelling the page gave, and
 * the pinyin of a Chinese surname (张 → zhang), so 张伟's CNKI clip meets Wei Zhang's English one. Empty
 * without a year, a first author or a title of some length, which would match too much.
 */
export function workKeys(paper: WorkFields): string[] {
  const first = paper.authors[0];
  if (paper.year === null || !first) return [];
  const families = new Set(
    [first.family, first.latin?.family ?? '', surnamePinyin(first.family) ?? ''].map(comparableText).filter((family) => family !== ''),
  );
  const titles = new Set(
    [paper.title, paper.translatedTitle ?? ''].map(comparableText).filter((title) => [...title].length >= MIN_TITLE_LENGTH),
  );
  return [...titles].flatMap((title) => [...families].map((family) => `${title}|${paper.year}|${family}`));
}

/** Text compared without case, accents, width, spacing or punctuation (CJK characters kept). */
function comparableText(text: string): string {
  return plainPinyin(text.normalize('NFKC')).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Whether two clips are one work: the same `paperIdentity`, or — unless both carry DOIs (or arXiv ids, or
 * patent numbers) that differ, which settles that they are different — a shared `workKeys` key.
 */
export function isSameWork(a: PaperIdentityFields & WorkFields, b: PaperIdentityFields & WorkFields): boolean {
  if (paperIdentity(a) === paperIdentity(b)) return true;
  const differ = (x: string | null, y: string | null) => x !== null && y !== null && x !== y;
  if (differ(a.doi ? normalizeDoi(a.doi) : null, b.doi ? normalizeDoi(b.doi) : null)) return false;
  if (differ(a.arxivId ? normalizeArxivId(a.arxivId) : null, b.arxivId ? normalizeArxivId(b.arxivId) : null)) return false;
  if (differ(a.patent ? normalizePatentNumber(a.patent.number) : null, b.patent ? normalizePatentNumber(b.patent.number) : null)) return false;
  const keys = new Set(workKeys(a));
  return workKeys(b).some((key) => keys.has(key));
}
