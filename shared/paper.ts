import { normalizeArxivId, normalizeDoi } from './paper-identity.js';
import type { Author, Paper } from './schemas/paper.js';

/**
 * The paper described by a page, read from the metadata publishers embed for reference managers, or null
 * when the page is not a paper. Browser-safe: reads the DOM only through `querySelectorAll`,
 * `getAttribute`, `textContent` and `document.title`, so it runs the same in a content script and under
 * happy-dom. Never throws on malformed markup or JSON-LD.
 *
 * A page is a paper when it has a title (from any source, the page's `<title>` included) and at least one
 * scholarly signal (the exact rule):
 * - a non-empty Highwire `citation_*` (or bepress `bepress_citation_*`) or PRISM `prism.*` meta tag;
 * - Dublin Core naming a creator or contributor together with a bibliographic identifier (a DC identifier
 *   that is not a plain web address: a DOI, handle, URN, ISBN…) or a container citation (`DC.citation.*`,
 *   `DC.relation.isPartOf`, `DCTERMS.isPartOf`, `DCTERMS.bibliographicCitation`) — CMSs and government
 *   sites stamp `DC.creator`, `DC.title` and the page's own URL on ordinary pages, so a creator alone is not
 *   enough;
 * - a JSON-LD node typed ScholarlyArticle, MedicalScholarlyArticle, Report, Thesis or Chapter (a plain
 *   `Article` is not a signal: blog engines emit it for every post, though its data is used once the page
 *   is known to be a paper);
 * - a DOI in a meta tag, in the article's JSON-LD, or in the page's URL (a `doi.org` address, a path
 *   segment starting `10.<registrant>/` as in `/doi/10.1145/…` or `/article/10.1007/…`, or a `doi=` query
 *   parameter), its `<link rel="canonical">` or `og:url`;
 * - an arXiv id (`citation_arxiv_id`, an arXiv URL, or an arXiv identifier in the metadata).
 * `og:` tags alone (a blog post, a news page) are not a signal.
 *
 * Each field is taken from the first source that yields a usable value, in the order Highwire
 * `citation_*`, then Dublin Core and PRISM, then JSON-LD, then `og:`/`twitter:` tags, then the page's URL
 * and `<title>` (cleaned of a site name only where it certainly is one). The venue falls back to the
 * publisher only after every journal, conference and book title; the year falls back to the arXiv id's
 * month last. Authors come whole from one source (the first with any usable name), never merged across
 * sources, since sources spell the same people differently; a page with no author metadata at all may
 * still name them in a marked-up byline (`author-group` … `given-name`/`surname`). When a page repeats a
 * tag in several languages (`xml:lang`/`lang` on the meta tag, as bilingual Chinese journals do) the
 * unmarked tags win, then those in the document's language, then the first language given.
 *
 * `doi` is only a DOI the page states. On arXiv, with no journal DOI given, it stays null rather than
 * arXiv's DataCite DOI (`10.48550/arxiv.<id>`, which Zotero fills in): that DOI is a pure function of
 * `arxivId`, which already identifies the paper, and `paperIdentity` keys both forms as the same paper.
 * `pdfUrl` is `citation_pdf_url` (or a `<link rel="alternate" type="application/pdf">`) made absolute
 * against `url`, else `https://arxiv.org/pdf/<id>` when there is an arXiv id. `url` is `url` without its
 * fragment. `quote` and `note` are always null: the clipper fills them. Absent values are null, never "".
 */
export function extractPaper(document: Document, url: string): Paper | null {
  const page = readPage(document, url);
  const doi = pageDoi(page);
  const arxivId = pageArxivId(page, doi);
  if (!doi && !arxivId && !hasScholarlyMarkup(page)) return null;
  const title = pageTitle(page);
  if (!title) return null;
  return {
    url: withoutFragment(url),
    title,
    authors: pageAuthors(page),
    doi,
    arxivId,
    year: pageYear(page, arxivId),
    venue: pageVenue(page),
    abstract: pageAbstract(page),
    pdfUrl: pagePdfUrl(page, arxivId),
    quote: null,
    note: null,
  };
}

type JsonObject = { [key: string]: unknown };

interface MetaTag {
  value: string;
  lang: string;
}

/** Everything `extractPaper` reads from a page's DOM, gathered once. */
interface Page {
  meta: Map<string, MetaTag[]>;
  language: string;
  article: JsonObject | null;
  articleIsScholarly: boolean;
  jsonLdNodesById: Map<string, JsonObject>;
  url: URL | null;
  alternateUrls: string[];
  pdfLinks: string[];
  documentTitle: string;
  bylineAuthors: Author[];
}

function readPage(document: Document, url: string): Page {
  const nodes = readJsonLdNodes(document);
  const scholarly = nodes.find((node) => typeNames(node).some((type) => SCHOLARLY_TYPES.has(type)));
  const article = scholarly ?? nodes.find((node) => typeNames(node).some((type) => ARTICLE_TYPES.has(type)));
  const meta = readMetaTags(document);
  return {
    meta,
    language: languageCode(
      document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang') ?? '',
    ),
    article: article ?? null,
    articleIsScholarly: scholarly !== undefined,
    jsonLdNodesById: nodesById(nodes),
    url: parsedUrl(url),
    alternateUrls: [...linkHrefs(document, 'canonical'), ...(meta.get('og:url') ?? []).map((tag) => tag.value)],
    pdfLinks: linkHrefs(document, 'alternate', 'application/pdf'),
    documentTitle: document.title ?? '',
    bylineAuthors: authorGroupNames(document),
  };
}

function readMetaTags(document: Document): Map<string, MetaTag[]> {
  const tags = new Map<string, MetaTag[]>();
  for (const element of document.querySelectorAll('meta')) {
    const value = collapsedText(element.getAttribute('content') ?? '');
    if (!value) continue;
    const lang = languageCode(element.getAttribute('xml:lang') ?? element.getAttribute('lang') ?? '');
    for (const key of metaKeys(element)) {
      const list = tags.get(key) ?? [];
      list.push({ value, lang });
      tags.set(key, list);
    }
  }
  return tags;
}

/** A meta tag is keyed by `name`, `property` (RDFa, possibly several), `itemprop` or `id`, any case. */
function metaKeys(element: Element): string[] {
  const names = ['name', 'property', 'itemprop', 'id'].flatMap((attribute) =>
    (element.getAttribute(attribute) ?? '').split(/\s+/),
  );
  return [...new Set(names.filter((name) => name !== '').map(canonicalMetaKey))];
}

/** `bepress_citation_x` is Highwire under another name; `DC:title` and `dc.title` are the same term. */
function canonicalMetaKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^bepress_citation_/, 'citation_')
    .replace(/^(dc|dcterms|prism)[:.]/, '$1.');
}

const LANGUAGE_ALIASES: Record<string, string> = { cn: 'zh', chi: 'zh', zho: 'zh', eng: 'en' };

function languageCode(tag: string): string {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return LANGUAGE_ALIASES[primary] ?? primary;
}

/** The values of one meta key, in document order, restricted to the page's primary language. */
function metaValues(page: Page, key: string): string[] {
  const tags = page.meta.get(key) ?? [];
  const languages = new Set(tags.map((tag) => tag.lang));
  if (languages.size <= 1) return tags.map((tag) => tag.value);
  const chosen = languages.has('') ? '' : languages.has(page.language) ? page.language : (tags[0]?.lang ?? '');
  return tags.filter((tag) => tag.lang === chosen).map((tag) => tag.value);
}

function metaValuesOf(page: Page, keys: readonly string[]): string[] {
  return keys.flatMap((key) => metaValues(page, key));
}

/** The Dublin Core keys for the given terms, in both the `dc.` and `dcterms.` namespaces. */
function dublinCore(...terms: string[]): string[] {
  return terms.flatMap((term) => [`dc.${term}`, `dcterms.${term}`]);
}

function linkHrefs(document: Document, rel: string, type?: string): string[] {
  const hrefs: string[] = [];
  for (const link of document.querySelectorAll('link')) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const linkType = (link.getAttribute('type') ?? '').trim().toLowerCase();
    const href = (link.getAttribute('href') ?? '').trim();
    if (href && rels.includes(rel) && (type === undefined || linkType === type)) hrefs.push(href);
  }
  return hrefs;
}

const SCHOLARLY_TYPES = new Set(['scholarlyarticle', 'medicalscholarlyarticle', 'report', 'thesis', 'chapter']);
const ARTICLE_TYPES = new Set(['article']);
const MAX_JSON_LD_DEPTH = 6;

/**
 * Every typed node of the page's JSON-LD blocks, in document order. Only containers (`@graph`,
 * `mainEntity`, arrays) are descended into: an article's `citation` list holds other scholarly articles,
 * which must not be mistaken for the page's own.
 */
function readJsonLdNodes(document: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const script of document.querySelectorAll('script')) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (type.startsWith('application/ld+json')) collectNodes(parsedJsonLd(script.textContent ?? ''), nodes, 0);
  }
  return nodes;
}

function collectNodes(value: unknown, nodes: JsonObject[], depth: number): void {
  if (depth > MAX_JSON_LD_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, nodes, depth + 1);
    return;
  }
  if (!isJsonObject(value)) return;
  if (value['@type'] !== undefined) nodes.push(value);
  collectNodes(value['@graph'], nodes, depth + 1);
  collectNodes(value['mainEntity'], nodes, depth + 1);
}

/** Parsed JSON, tolerating the HTML-comment and CDATA wrappers and raw newlines real pages contain. */
function parsedJsonLd(text: string): unknown {
  const body = text
    .trim()
    .replace(/^(?:<!--|(?:\/\/|\/\*)\s*<!\[CDATA\[\s*(?:\*\/)?)/, '')
    .replace(/(?:-->|(?:\/\/|\/\*)\s*\]\]>\s*(?:\*\/)?)$/, '');
  for (const candidate of [body, body.replace(/[\u0000-\u001f]+/g, ' ')]) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      continue;
    }
  }
  return null;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `@type` names lower-cased without vocabulary prefix (`schema:ScholarlyArticle`, `http://schema.org/…`). */
function typeNames(node: JsonObject): string[] {
  return asList(node['@type'])
    .filter((type): type is string => typeof type === 'string')
    .map((type) => (type.split(/[/:#]/).pop() ?? '').toLowerCase());
}

function nodesById(nodes: JsonObject[]): Map<string, JsonObject> {
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node);
  }
  return byId;
}

/** The node a bare `{"@id": …}` reference points to, or the value itself. */
function dereferenced(page: Page, value: unknown): unknown {
  if (!isJsonObject(value) || typeof value['@id'] !== 'string' || Object.keys(value).length > 1) return value;
  return page.jsonLdNodesById.get(value['@id']) ?? value;
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (isJsonObject(value) && Array.isArray(value['@list'])) return value['@list'];
  return [value];
}

/** The first string a JSON-LD value holds: a string, a `{"@value": …}`, or the first of a list. */
function jsonText(value: unknown): string | null {
  if (typeof value === 'string') return collapsedText(value) || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(jsonText).find((text) => text !== null) ?? null;
  if (isJsonObject(value)) return jsonText(value['@value']);
  return null;
}

/** Every string an identifier-like JSON-LD value holds, PropertyValue objects and lists included. */
function jsonIdentifiers(value: unknown): string[] {
  return asList(value).flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (!isJsonObject(item)) return [];
    return [item['value'], item['@value'], item['@id'], item['url']].filter(
      (part): part is string => typeof part === 'string',
    );
  });
}

function articleField(page: Page, ...keys: string[]): unknown[] {
  const article = page.article;
  return article ? keys.map((key) => article[key]) : [];
}

function articleIdentifiers(page: Page): string[] {
  return articleField(page, 'identifier', 'sameAs', '@id', 'url').flatMap(jsonIdentifiers);
}

function articleTitle(page: Page): string | null {
  const [headline, name] = articleField(page, 'headline', 'name').map(jsonText);
  if (!headline) return name ?? null;
  const truncatedHeadline = headline.replace(/(?:…|\.\.\.)$/, '');
  return name && name.length > headline.length && name.startsWith(truncatedHeadline) ? name : headline;
}

/** The name of the periodical, proceedings or book the article is part of, walking up nested issues. */
function articleContainerName(page: Page): string | null {
  let container = dereferenced(page, asList(articleField(page, 'isPartOf')[0])[0]);
  let fallback: string | null = null;
  for (let level = 0; level < MAX_JSON_LD_DEPTH && isJsonObject(container); level++) {
    const name = jsonText(container['name']);
    const types = typeNames(container);
    const isIssueOrVolume = types.includes('publicationissue') || types.includes('publicationvolume');
    if (name && (types.includes('periodical') || !isIssueOrVolume)) return name;
    fallback ??= name;
    container = dereferenced(page, asList(container['isPartOf'])[0]);
  }
  return fallback ?? (typeof container === 'string' ? collapsedText(container) || null : null);
}

function articlePublisherName(page: Page): string | null {
  const publisher = dereferenced(page, asList(articleField(page, 'publisher')[0])[0]);
  return isJsonObject(publisher) ? jsonText(publisher['name']) : jsonText(publisher);
}

function articleAuthors(page: Page): Author[] {
  const [author, creator] = articleField(page, 'author', 'creator');
  const entries = asList(author).length > 0 ? asList(author) : asList(creator);
  return entries.map((entry) => jsonLdAuthor(dereferenced(page, entry))).filter((a): a is Author => a !== null);
}

function jsonLdAuthor(entry: unknown): Author | null {
  if (typeof entry === 'string') return authorFromName(entry);
  if (!isJsonObject(entry)) return null;
  const family = jsonText(entry['familyName']);
  if (family) return withConventionalCase({ given: jsonText(entry['givenName']) ?? '', family });
  const name = jsonText(entry['name']);
  if (!name) return null;
  return typeNames(entry).includes('organization') ? { given: '', family: name } : authorFromName(name);
}

function hasScholarlyMarkup(page: Page): boolean {
  const keys = [...page.meta.keys()];
  if (keys.some((key) => key.startsWith('citation_') || key.startsWith('prism.'))) return true;
  return page.articleIsScholarly || hasBibliographicDublinCore(page);
}

/** DC keys only a bibliographic record has: Google Scholar's journal fields for Dublin Core. */
const BIBLIOGRAPHIC_DC_KEY = /^(?:dc|dcterms)\.(?:citation\.|bibliographiccitation$|relation\.ispartof$|ispartof$)/;

function hasBibliographicDublinCore(page: Page): boolean {
  const creators = metaValuesOf(page, dublinCore('creator', 'contributor', 'contributor.author'));
  const identifiers = metaValuesOf(page, dublinCore('identifier', 'identifier.doi', 'identifier.uri'));
  const citesContainer = [...page.meta.keys()].some((key) => BIBLIOGRAPHIC_DC_KEY.test(key));
  return creators.length > 0 && (citesContainer || identifiers.some(isBibliographicIdentifier));
}

/** A DOI, handle, URN, ISBN or similar — anything but the address of a web page. */
function isBibliographicIdentifier(identifier: string): boolean {
  if (normalizeDoi(identifier) || /hdl\.handle\.net\//i.test(identifier)) return true;
  return !/^(?:https?:\/\/|www\.)/i.test(identifier) && /\d/.test(identifier);
}

const DOI_META_KEYS = ['citation_doi', 'doi', 'prism.doi', ...dublinCore('identifier.doi', 'identifier')];

function pageDoi(page: Page): string | null {
  const stated = [...metaValuesOf(page, DOI_META_KEYS), ...articleIdentifiers(page)];
  const fromMetadata = firstOf(stated, (text) => normalizeDoi(text) ?? doiInUrl(text));
  if (fromMetadata) return fromMetadata;
  const addresses = [page.url?.href ?? '', ...page.alternateUrls];
  return firstOf(addresses, doiInUrl);
}

const DOI_IN_PATH = /\/(10\.\d{4,9}(?:\.\d+)*\/[^?#]+)/;
const VIEW_SUFFIX_SEGMENT =
  /\/(?:full|abstract|pdf|epdf|pdfdirect|meta|fulltext|figures|references|html|summary|citedby|suppl|info)\/?$/i;
const VIEW_SUFFIX_EXTENSION =
  /\.(?:full|abstract|short|long|pdf|html?|epub|xml|full-text|article-info|article-metrics|supplementary-material)$/i;
const PREPRINT_VERSION = /^(10\.1101\/\d{4}\.\d{2}\.\d{2}\.\d+)v\d+$/i;

/**
 * The DOI a URL carries: a resolver address, a path segment from `10.<registrant>/` on (with trailing
 * view segments such as `/full` or `.full.pdf` and a bioRxiv/medRxiv version dropped), or a `doi=` query
 * parameter.
 */
function doiInUrl(text: string): string | null {
  const url = parsedUrl(text.trim());
  if (!url) return null;
  if (/(?:^|\.)doi\.org$/i.test(url.hostname)) return normalizeDoi(url.href);
  const inPath = DOI_IN_PATH.exec(percentDecoded(url.pathname))?.[1];
  if (inPath) {
    let candidate = inPath;
    for (let previous = ''; previous !== candidate; ) {
      previous = candidate;
      candidate = candidate.replace(/\/+$/, '').replace(VIEW_SUFFIX_SEGMENT, '').replace(VIEW_SUFFIX_EXTENSION, '');
    }
    const doi = normalizeDoi(candidate);
    if (doi) return doi.replace(PREPRINT_VERSION, '$1');
  }
  for (const [name, value] of url.searchParams) {
    if (name.toLowerCase() === 'doi') return normalizeDoi(value);
  }
  return null;
}

function pageArxivId(page: Page, doi: string | null): string | null {
  const stated = metaValues(page, 'citation_arxiv_id');
  const mentioned = [...metaValuesOf(page, dublinCore('identifier')), ...articleIdentifiers(page)].filter((text) =>
    /arxiv/i.test(text),
  );
  const addresses = [page.url?.href ?? '', ...page.alternateUrls, ...metaValues(page, 'citation_pdf_url')].filter(
    (text) => /ar(?:xiv|5iv)\.org\//i.test(text),
  );
  return firstOf([...stated, ...mentioned, ...addresses, doi ?? ''], normalizeArxivId);
}

function pageTitle(page: Page): string | null {
  const stated = [
    ...metaValuesOf(page, ['citation_title', ...dublinCore('title'), 'prism.title']),
    articleTitle(page) ?? '',
  ];
  const social = metaValuesOf(page, ['og:title', 'twitter:title']).map((title) => withoutSiteName(title, page));
  return firstOf([...stated, ...social, withoutSiteName(page.documentTitle, page)], cleanedTitle);
}

function cleanedTitle(text: string): string | null {
  return collapsedText(withoutMarkup(withEntitiesDecoded(text))) || null;
}

const TITLE_SEPARATOR = /(\s+(?:\||-|–|—|::|·)\s+)/;
const GENERIC_HOST_LABELS = new Set(['www', 'com', 'org', 'net', 'edu', 'gov', 'ac', 'co', 'cn', 'uk', 'de', 'jp']);

interface SiteNames {
  siteName: string;
  host: string;
  hostLabels: string[];
}

/**
 * A page or social title without what is certainly not the paper's title: arXiv's `[2101.00001] ` prefix,
 * and leading or trailing segments (split on ` | `, ` - `, ` — `…) that name the site — equal to
 * `og:site_name` or to the host, or containing a word of the host name ("Nature" on nature.com, "Wiley
 * Online Library" on onlinelibrary.wiley.com). Anything less certain is left in place.
 */
function withoutSiteName(pageTitle: string, page: Page): string {
  const title = collapsedText(pageTitle).replace(/^\[([^\]]+)\]\s+/, (prefix, id: string) =>
    normalizeArxivId(id) ? '' : prefix,
  );
  const parts = title.split(TITLE_SEPARATOR);
  const names = siteNames(page);
  while (parts.length > 2 && namesSite(parts[parts.length - 1] ?? '', names)) parts.splice(-2, 2);
  while (parts.length > 2 && namesSite(parts[0] ?? '', names)) parts.splice(0, 2);
  return parts.join('');
}

function siteNames(page: Page): SiteNames {
  const host = (page.url?.hostname ?? '').toLowerCase().replace(/^www\./, '');
  return {
    siteName: compactWord(metaValues(page, 'og:site_name')[0] ?? ''),
    host: compactWord(host),
    hostLabels: host.split('.').filter((label) => label.length >= 3 && !GENERIC_HOST_LABELS.has(label)),
  };
}

function namesSite(segment: string, names: SiteNames): boolean {
  const compact = compactWord(segment);
  if (!compact) return false;
  if (compact === names.siteName || compact === names.host) return true;
  const words = segment.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return words.length <= 5 && names.hostLabels.some((label) => words.includes(label));
}

function compactWord(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function pageAuthors(page: Page): Author[] {
  const sources: (() => Author[])[] = [
    () => authorsFromNames(metaValues(page, 'citation_author').flatMap(splitAuthorValue)),
    () => authorsFromNames(metaValues(page, 'citation_authors').flatMap(splitAuthorList)),
    () => authorsFromNames(metaValuesOf(page, dublinCore('creator')).flatMap(splitAuthorValue)),
    () => {
      const contributors = metaValuesOf(page, dublinCore('contributor.author', 'contributor'));
      return authorsFromNames(contributors.flatMap(splitAuthorValue));
    },
    () => withoutDuplicates(articleAuthors(page)),
    () => withoutDuplicates(page.bylineAuthors),
  ];
  for (const source of sources) {
    const authors = source();
    if (authors.length > 0) return authors;
  }
  return [];
}

function authorsFromNames(names: string[]): Author[] {
  return withoutDuplicates(
    names
      .map(authorFromName)
      .filter((author): author is Author => author !== null),
  );
}

function withoutDuplicates(authors: Author[]): Author[] {
  const seen = new Set<string>();
  return authors.filter((author) => {
    const key = `${author.given}\u0000${author.family}`.toLowerCase().normalize('NFKC');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The byline some publishers (ScienceDirect) render instead of author meta tags: an `author-group`
 * element whose authors mark their names up as `given-name` and `surname`. Scoped to that container so
 * the same classes in a reference list are never read.
 */
function authorGroupNames(document: Document): Author[] {
  const authors: Author[] = [];
  for (const surname of document.querySelectorAll('#author-group .surname, .author-group .surname')) {
    const given = surname.parentElement?.querySelector('.given-name');
    const family = collapsedText(surname.textContent ?? '');
    if (family) authors.push(withConventionalCase({ given: collapsedText(given?.textContent ?? ''), family }));
  }
  return authors;
}

/** One author tag naming several people: split on `;` and on CJK list punctuation, never on a comma. */
function splitAuthorValue(value: string): string[] {
  return value.split(/[;；，、]/);
}

/**
 * A `citation_authors` list: split on `;` when there is one; otherwise on commas (ASCII, full-width or
 * `、`) when every part is a whole name (CJK, or two or more words) — so "Smith, John" stays one person
 * but "ZHANG Wei, LI Na" and "张伟，李娜" are two — or into "Last, First" pairs when there are four or more
 * parts in pairs ("Doe, J., Roe, R.").
 */
function splitAuthorList(value: string): string[] {
  const normalized = value.replace(/；/g, ';').replace(/[，、]/g, ',');
  if (normalized.includes(';')) return normalized.split(';');
  const parts = normalized
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const invertedWithParticle = parts.length === 2 && /^\p{Ll}/u.test(parts[0] ?? '');
  const allWholeNames = parts.every((part) => CJK_NAME.test(part) || (part.includes(' ') && !isSuffix(part)));
  if (parts.length > 1 && allWholeNames && !invertedWithParticle) return parts;
  if (parts.length < 4 || parts.length % 2 !== 0 || parts.some(isSuffix)) return [normalized];
  return parts.flatMap((part, index) => (index % 2 === 0 ? [`${part}, ${parts[index + 1] ?? ''}`] : []));
}

const ET_AL = /^(?:et\.?\s*al\.?|and others|others|等|等人)$/i;
const CORPORATE_WORDS = [
  'collaboration', 'consortium', 'group', 'team', 'committee', 'council', 'association', 'society', 'organisation',
  'organization', 'institute', 'university', 'network', 'initiative', 'investigators',
];
const CORPORATE_NAME = new RegExp(`\\b(?:${CORPORATE_WORDS.join('|')})\\b`, 'i');
const HONORIFIC = /^(?:(?:dr|prof|professor|mr|mrs|ms|sir)\.?\s+)+(?=\S+\s)/i;
const ORCID = /(?:https?:\/\/orcid\.org\/)?\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b/gi;
const EMAIL = /\S+@\S+\.\S+/g;
const DEGREES = /(?:(?:,\s*|\s+)(?:ph\.?\s?d|m\.\s?d|d\.?\s?phil)\.?)+$/i;
const NAME_SUFFIX = /^(?:jr|sr|jnr|snr|ii|iii|iv|2nd|3rd)\.?$/i;
const FAMILY_PARTICLES = new Set([
  'van', 'von', 'vom', 'zu', 'zum', 'de', 'del', 'della', 'dello', 'delle', 'dei', 'degli', 'der', 'den', 'des',
  'di', 'da', 'das', 'dos', 'du', 'ten', 'ter', 'al', 'el', 'bin', 'ibn',
]);

/**
 * An author from a name as pages write it: "Last, First", "First Last", "First M. Last", PubMed's
 * "Last FM", with family particles ("Ludwig van Beethoven" → family "van Beethoven") and suffixes ("Jr.",
 * "III", kept with the family name so "given family" still reads right); CJK names; organisations
 * ("ATLAS Collaboration") whole as the family name; affiliation marks, roles in parentheses, ORCIDs,
 * e-mail addresses, honorifics and degrees removed. Null for an empty name or "et al.". A trailing
 * capitalised surname of up to three letters ("Wei LI") is read as PubMed initials, the commoner case.
 */
function authorFromName(raw: string): Author | null {
  const name = cleanedName(raw);
  if (!name || !/\p{L}/u.test(name) || ET_AL.test(name)) return null;
  const cjk = cjkAuthor(name);
  if (cjk) return cjk;
  if (CORPORATE_NAME.test(name)) return { given: '', family: name };
  const author = name.includes(',') ? invertedAuthor(name) : naturalOrderAuthor(name);
  return author.given || author.family ? withConventionalCase(author) : null;
}

function cleanedName(raw: string): string {
  return collapsedText(withEntitiesDecoded(raw).replace(ORCID, ' ').replace(EMAIL, ' '))
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/^[\s*†‡§¶#,;:]+/u, '')
    .replace(/[\s\d*†‡§¶#,;:]+$/u, '')
    .replace(HONORIFIC, '')
    .replace(DEGREES, '')
    .trim();
}

function isSuffix(word: string): boolean {
  return NAME_SUFFIX.test(word.trim());
}

function invertedAuthor(name: string): Author {
  const parts = name
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const [first = '', ...rest] = parts;
  if (rest.length === 0) return naturalOrderAuthor(first);
  if (rest.length === 1 && isSuffix(rest[0] ?? '')) return withFamilySuffix(naturalOrderAuthor(first), rest[0] ?? '');
  const givenWords = rest.filter((part) => !isSuffix(part)).join(' ').split(' ');
  const suffixes = [...rest.filter(isSuffix), ...givenWords.filter(isSuffix)];
  return {
    given: givenWords.filter((word) => !isSuffix(word)).join(' '),
    family: [first, ...suffixes].join(' '),
  };
}

function naturalOrderAuthor(name: string): Author {
  const words = name.split(' ');
  const last = words[words.length - 1] ?? '';
  const suffix = words.length > 2 && isSuffix(last) ? words.pop() : undefined;
  const author =
    words.length === 1
      ? { given: '', family: words[0] ?? '' }
      : isCapitalizedSurnameFirst(words)
        ? { given: words.slice(1).join(' '), family: words[0] ?? '' }
        : endsWithInitials(words)
          ? { given: last, family: words.slice(0, -1).join(' ') }
          : splitAtFamilyName(words);
  return suffix ? withFamilySuffix(author, suffix) : author;
}

/** "ZHANG Wei", "OUYANG Na-na": the East Asian convention of a leading surname set in capitals. */
function isCapitalizedSurnameFirst(words: string[]): boolean {
  const first = words[0] ?? '';
  return /^[\p{Lu}'’-]{2,}$/u.test(first) && words.slice(1).some((word) => /\p{Ll}/u.test(word));
}

/** "Smith JA", "van der Berg J": PubMed's (Vancouver) surname followed by up to three bare initials. */
function endsWithInitials(words: string[]): boolean {
  const last = words[words.length - 1] ?? '';
  return /^\p{Lu}{1,3}$/u.test(last) && !isSuffix(last) && words.slice(0, -1).some((word) => /\p{Ll}/u.test(word));
}

function splitAtFamilyName(words: string[]): Author {
  let start = words.length - 1;
  for (let index = 1; index < words.length - 1; index++) {
    if (FAMILY_PARTICLES.has((words[index] ?? '').toLowerCase())) {
      start = index;
      break;
    }
  }
  return { given: words.slice(0, start).join(' '), family: words.slice(start).join(' ') };
}

function withFamilySuffix(author: Author, suffix: string): Author {
  return { given: author.given, family: `${author.family} ${suffix}`.trim() };
}

/**
 * Names typed in capitals are title-cased ("SMITH, JOHN" → John Smith); a surname alone in capitals in an
 * otherwise mixed-case name ("ZHANG Wei", "Jean DUPONT") is the convention that marks the surname, and is
 * title-cased too. Any other mixed-case name is kept exactly as written ("McDonald", "van der Berg").
 */
function withConventionalCase(author: Author): Author {
  const givenHasLower = /\p{Ll}/u.test(author.given);
  if (!isCapitals(author.family)) return author;
  return { given: givenHasLower ? author.given : titleCased(author.given), family: titleCased(author.family) };
}

function isCapitals(text: string): boolean {
  return (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !/\p{Ll}/u.test(text);
}

function titleCased(text: string): string {
  const wordStart = /(^|[^\p{L}])(\p{L})/gu;
  return text.toLowerCase().replace(wordStart, (_match, before: string, first: string) => before + first.toUpperCase());
}

const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー·・•‧ ]+$/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const HANGUL_ONLY = /^\p{Script=Hangul}+$/u;
const CHINESE_COMPOUND_SURNAMES = new Set([
  '欧阳', '歐陽', '司马', '司馬', '上官', '诸葛', '諸葛', '东方', '東方', '皇甫', '尉迟', '尉遲', '公孙', '公孫',
  '慕容', '长孙', '長孫', '宇文', '司徒', '夏侯', '轩辕', '軒轅', '令狐', '端木', '独孤', '獨孤', '南宫', '南宮',
  '西门', '西門', '呼延', '申屠', '百里', '东郭', '東郭', '太史', '澹台', '公羊', '闻人', '聞人', '万俟', '萬俟',
  '钟离', '鍾離', '宗政', '濮阳', '濮陽', '淳于', '单于', '單于', '赫连', '赫連', '拓跋', '司空', '左丘', '公冶',
  '谷梁', '鲜于', '鮮于', '闾丘', '閭丘', '亓官', '司寇', '羊舌', '微生', '梁丘', '漆雕', '乐正', '樂正', '巫马',
  '巫馬', '公西', '颛孙', '顓孫', '第五',
]);
const KOREAN_COMPOUND_SURNAMES = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방']);

/**
 * A name in CJK script. Spaced ("山田 太郎") is family first; dotted ("列夫·托尔斯泰", a transliterated
 * foreign name) is given·family; unspaced Chinese or Korean takes the surname from the front (one
 * character, or two for a known compound surname when the name is long enough to have a given name).
 * Unspaced names mixing kana cannot be split and are kept whole as the family name.
 */
function cjkAuthor(name: string): Author | null {
  if (!CJK_NAME.test(name)) return null;
  const dotted = name.split(/\s*[·・•‧]\s*/).filter((part) => part !== '');
  if (dotted.length > 1) return { given: dotted.slice(0, -1).join('·'), family: dotted[dotted.length - 1] ?? '' };
  const [family = '', ...given] = name.split(' ');
  if (given.length > 0) return { given: given.join(''), family };
  const characters = [...name];
  const compounds = HAN_ONLY.test(name)
    ? CHINESE_COMPOUND_SURNAMES
    : HANGUL_ONLY.test(name)
      ? KOREAN_COMPOUND_SURNAMES
      : null;
  if (!compounds) return { given: '', family: name };
  const surnameLength = characters.length >= 3 && compounds.has(characters.slice(0, 2).join('')) ? 2 : 1;
  return { given: characters.slice(surnameLength).join(''), family: characters.slice(0, surnameLength).join('') };
}

const DATE_META_KEYS = [
  'citation_publication_date',
  'citation_date',
  'citation_cover_date',
  'citation_year',
  'citation_online_date',
  ...dublinCore('date.issued', 'issued', 'date', 'created', 'date.created'),
  'prism.publicationdate',
  'prism.coverdate',
  'prism.coverdisplaydate',
];

function pageYear(page: Page, arxivId: string | null): number | null {
  const dates = [
    ...metaValuesOf(page, DATE_META_KEYS),
    ...articleField(page, 'datePublished', 'dateCreated').map((value) => jsonText(value) ?? ''),
    ...metaValues(page, 'article:published_time'),
  ];
  return firstOf(dates, yearOf) ?? (arxivId ? arxivYear(arxivId) : null);
}

const EARLIEST_YEAR = 1600;
const YEARS_AHEAD_ALLOWED = 2;

/**
 * The year in a date as publishers write it (`2017/06/12`, `2012 Nov 26`, `Dec 20, 2006`, `2021/08`,
 * `2019-05-03T10:00:00Z`, `20 May 2015`, `20150520`, `2015`): the first standalone four-digit number
 * between 1600 and two years from now. Two-digit years are ambiguous and give null.
 */
function yearOf(date: string): number | null {
  const text = date.trim();
  const candidates = /^\d{8}$/.test(text)
    ? [text.slice(0, 4)]
    : [...text.matchAll(/(?<!\d)\d{4}(?!\d)/g)].map((match) => match[0]);
  const latest = new Date().getFullYear() + YEARS_AHEAD_ALLOWED;
  return candidates.map(Number).find((year) => year >= EARLIEST_YEAR && year <= latest) ?? null;
}

/** An arXiv id starts with the year and month of submission (`2101.…` → 2021, `hep-th/99…` → 1999). */
function arxivYear(arxivId: string): number {
  const yy = Number((arxivId.split('/').pop() ?? '').slice(0, 2));
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

const VENUE_META_KEYS = [
  'citation_journal_title',
  'citation_conference_title',
  'citation_conference',
  'citation_inbook_title',
  'citation_book_title',
  ...dublinCore('source', 'ispartof', 'relation.ispartof'),
  'prism.publicationname',
];
const PUBLISHER_META_KEYS = ['citation_publisher', ...dublinCore('publisher')];
const MAX_VENUE_LENGTH = 300;

function pageVenue(page: Page): string | null {
  const venues = [
    ...metaValuesOf(page, VENUE_META_KEYS),
    articleContainerName(page) ?? '',
    ...metaValues(page, 'citation_journal_abbrev'),
    ...metaValuesOf(page, PUBLISHER_META_KEYS),
    articlePublisherName(page) ?? '',
  ];
  return firstOf(venues, cleanedVenue);
}

/** A venue name; URLs, DOIs and over-long text in a venue tag are not one. */
function cleanedVenue(text: string): string | null {
  const venue = collapsedText(withoutMarkup(withEntitiesDecoded(text)));
  const isAddress = /^(?:https?:\/\/|www\.)/i.test(venue) || normalizeDoi(venue) !== null;
  return venue && venue.length <= MAX_VENUE_LENGTH && !isAddress ? venue : null;
}

function pageAbstract(page: Page): string | null {
  const abstracts = [
    ...metaValuesOf(page, ['citation_abstract', ...dublinCore('abstract', 'description')]),
    ...articleField(page, 'abstract', 'description').map((value) => jsonText(value) ?? ''),
    ...metaValuesOf(page, ['og:description', 'twitter:description']),
  ];
  return firstOf(abstracts, cleanedAbstract);
}

const ABSTRACT_HEADING = /^\s*<((?:[a-z]+:)?(?:h[1-6]|title))\b[^>]*>\s*(?:abstract|summary)\s*<\/\1>/i;

/** The abstract's text, without a leading "Abstract" heading, whether marked up or written "Abstract: …". */
function cleanedAbstract(text: string): string | null {
  const body = withoutMarkup(withEntitiesDecoded(text).replace(ABSTRACT_HEADING, ''));
  return collapsedText(body).replace(/^(?:abstract|summary)\s*[:.]\s+/i, '') || null;
}

function pagePdfUrl(page: Page, arxivId: string | null): string | null {
  const links = [...metaValues(page, 'citation_pdf_url'), ...page.pdfLinks];
  const stated = firstOf(links, (href) => absoluteHttpUrl(href, page.url));
  return stated ?? (arxivId ? `https://arxiv.org/pdf/${arxivId}` : null);
}

function absoluteHttpUrl(href: string, base: URL | null): string | null {
  const resolved = parsedUrl(href.trim(), base ?? undefined);
  return resolved && /^https?:$/.test(resolved.protocol) ? resolved.href : null;
}

function firstOf<T>(candidates: readonly string[], read: (text: string) => T | null): T | null {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const value = read(candidate);
    if (value !== null) return value;
  }
  return null;
}

/** Whitespace (non-breaking included) collapsed to single spaces, zero-width characters dropped. */
function collapsedText(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const BLOCK_TAGS = ['p', 'br', 'div', 'h[1-6]', 'title', 'sec', 'abstract', 'list', 'list-item', 'ul', 'ol', 'li'];
const INLINE_TAGS = [
  'i', 'b', 'em', 'strong', 'sub', 'sup', 'span', 'italic', 'bold', 'sc', 'a', 'u', 'small', 'tt', 'code',
  'inline-formula', 'math', 'mi', 'mo', 'mn', 'mrow', 'msub', 'msup',
];
const BLOCK_TAG = markupTagPattern(BLOCK_TAGS);
const INLINE_TAG = markupTagPattern(INLINE_TAGS);

/** Opening or closing tags with one of `names`, namespaced (`jats:p`) or not, with any attributes. */
function markupTagPattern(names: string[]): RegExp {
  return new RegExp(`</?(?:[a-z]+:)?(?:${names.join('|')})\\b[^<>]*>`, 'gi');
}

/**
 * Text with HTML/JATS tags removed — some publishers put escaped markup in meta content. Block tags
 * separate words; inline ones (italics, sub/superscripts) sit inside words and vanish.
 */
function withoutMarkup(text: string): string {
  return text.replace(BLOCK_TAG, ' ').replace(INLINE_TAG, '');
}

const CHARACTER_ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Text with character references left over from double escaping decoded (`&amp;gt;` in the source is
 * `&gt;` in the DOM; bioRxiv and others do this), so "&gt;99%" reads ">99%".
 */
function withEntitiesDecoded(text: string): string {
  return text.replace(CHARACTER_ENTITY, (entity, decimal?: string, hex?: string, name?: string) => {
    if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const codePoint = decimal ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  });
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parsedUrl(text: string, base?: URL): URL | null {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}

function withoutFragment(url: string): string {
  const parsed = parsedUrl(url.trim());
  if (!parsed) return url.trim().replace(/#.*$/, '');
  parsed.hash = '';
  return parsed.href;
}
