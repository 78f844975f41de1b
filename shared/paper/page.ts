import type { Author } from '../schemas/paper.js';
import { bodyAbstract } from './abstract.js';
import { authorGroupNames } from './authors.js';
import { ARTICLE_TYPES, SCHOLARLY_TYPES, nodesById, readJsonLdNodes, typeNames } from './json-ld.js';
import { collapsedText, parsedUrl } from './text.js';

/** The page as the generic rules see it: its meta tags by key and language, JSON-LD, links and title. */

/** A parsed JSON object. */
export type JsonObject = { [key: string]: unknown };

interface MetaTag {
  value: string;
  lang: string;
}

/** Everything `extractPaper` reads from a page's DOM, gathered once. */
export interface Page {
  meta: Map<string, MetaTag[]>;
  language: string;
  article: JsonObject | null;
  articleIsScholarly: boolean;
  jsonLdNodesById: Map<string, JsonObject>;
  url: URL | null;
  alternateUrls: string[];
  pdfLinks: string[];
  documentTitle: string;
  /** The marked-up byline's authors; read on first call only, since it searches the whole body. */
  bylineAuthors: () => Author[];
  /** The abstract printed in the body, for when the metadata has none or a teaser; read on first call only. */
  bodyAbstract: () => string | null;
  /** Dates marked `itemprop="datePublished"` on elements other than meta tags (D-Lib); read on first call only. */
  microdataDates: () => string[];
}

/** Everything `extractPaper` reads from `document`, gathered once; the costly body searches deferred. */
export function readPage(document: Document, url: string): Page {
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
    bylineAuthors: once(() => authorGroupNames(document)),
    bodyAbstract: once(() => bodyAbstract(document)),
    microdataDates: once(() => microdataDates(document)),
  };
}

/** What `itemprop="datePublished"` elements say: a `datetime` or `content` attribute, else their text. */
function microdataDates(document: Document): string[] {
  return [...document.querySelectorAll('[itemprop~="datePublished"]:not(meta)')]
    .map((element) => element.getAttribute('datetime') ?? element.getAttribute('content') ?? element.textContent ?? '')
    .map(collapsedText)
    .filter(Boolean);
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
export function metaValues(page: Page, key: string): string[] {
  const tags = page.meta.get(key) ?? [];
  const chosen = primaryLanguage(page, tags);
  return tags.filter((tag) => chosen === null || tag.lang === chosen).map((tag) => tag.value);
}

/**
 * The values of one meta key in the languages `metaValues` passes over (a bilingual journal's English
 * title beside its Chinese one), in document order; empty when the page gives the key in one language.
 */
export function otherLanguageValues(page: Page, key: string): string[] {
  const tags = page.meta.get(key) ?? [];
  const chosen = primaryLanguage(page, tags);
  return chosen === null ? [] : tags.filter((tag) => tag.lang !== chosen).map((tag) => tag.value);
}

/** The language whose tags win when `tags` come in several (unmarked, then the page's, then the first); null for one. */
function primaryLanguage(page: Page, tags: MetaTag[]): string | null {
  const languages = new Set(tags.map((tag) => tag.lang));
  if (languages.size <= 1) return null;
  return languages.has('') ? '' : languages.has(page.language) ? page.language : (tags[0]?.lang ?? '');
}

/** `metaValues` of each key in turn, concatenated. */
export function metaValuesOf(page: Page, keys: readonly string[]): string[] {
  return keys.flatMap((key) => metaValues(page, key));
}

/** The Dublin Core keys for the given terms, in both the `dc.` and `dcterms.` namespaces. */
export function dublinCore(...terms: string[]): string[] {
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

/** `read`, run on the first call only: the whole-body searches most pages never need. */
function once<T>(read: () => T): () => T {
  let value: { read: T } | null = null;
  return () => (value ??= { read: read() }).read;
}
