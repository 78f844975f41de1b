import type { Author } from '../schemas/paper.js';
import { authorFromName, withConventionalCase } from './names.js';
import { type JsonObject, type Page } from './page.js';
import { collapsedText } from './text.js';

/** Reading a page's JSON-LD: its typed nodes, the article among them, and that article's fields. */

/** JSON-LD types that make a page a paper by themselves. */
export const SCHOLARLY_TYPES = new Set(['scholarlyarticle', 'medicalscholarlyarticle', 'report', 'thesis', 'chapter']);
/** JSON-LD types whose data is used once the page is known to be a paper, but which do not make it one. */
export const ARTICLE_TYPES = new Set(['article']);
const MAX_JSON_LD_DEPTH = 6;

/**
 * Every typed node of the page's JSON-LD blocks, in document order. Only containers (`@graph`,
 * `mainEntity`, arrays) are descended into: an article's `citation` list holds other scholarly articles,
 * which must not be mistaken for the page's own.
 */
export function readJsonLdNodes(document: Document): JsonObject[] {
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
export function typeNames(node: JsonObject): string[] {
  return asList(node['@type'])
    .filter((type): type is string => typeof type === 'string')
    .map((type) => (type.split(/[/:#]/).pop() ?? '').toLowerCase());
}

/** The nodes by `@id`, the first of each id kept. */
export function nodesById(nodes: JsonObject[]): Map<string, JsonObject> {
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

/** A JSON-LD value as a list: arrays and `@list`s as they are, one value as a list of one, nothing as none. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (isJsonObject(value) && Array.isArray(value['@list'])) return value['@list'];
  return [value];
}

/** The first string a JSON-LD value holds: a string, a `{"@value": …}`, or the first of a list. */
export function jsonText(value: unknown): string | null {
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

/** The values of `keys` on the page's article node, in order (none without an article). */
export function articleField(page: Page, ...keys: string[]): unknown[] {
  const article = page.article;
  return article ? keys.map((key) => article[key]) : [];
}

/** Every identifier-like string the article node carries (`identifier`, `sameAs`, `@id`, `url`). */
export function articleIdentifiers(page: Page): string[] {
  return articleField(page, 'identifier', 'sameAs', '@id', 'url').flatMap(jsonIdentifiers);
}

/** The article's headline, or its `name` when the headline is that name cut short. */
export function articleTitle(page: Page): string | null {
  const [headline, name] = articleField(page, 'headline', 'name').map(jsonText);
  if (!headline) return name ?? null;
  const truncatedHeadline = headline.replace(/(?:…|\.\.\.)$/, '');
  return name && name.length > headline.length && name.startsWith(truncatedHeadline) ? name : headline;
}

/** The name of the periodical, proceedings or book the article is part of, walking up nested issues. */
export function articleContainerName(page: Page): string | null {
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

/** The name of the article's publisher, or null. */
export function articlePublisherName(page: Page): string | null {
  const publisher = dereferenced(page, asList(articleField(page, 'publisher')[0])[0]);
  return isJsonObject(publisher) ? jsonText(publisher['name']) : jsonText(publisher);
}

/** The article's authors (`author`, else `creator`), references followed; organisations whole. */
export function articleAuthors(page: Page): Author[] {
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
