/** Text and address helpers shared by the extractor's modules. */

/** `href` resolved against `base`, when that gives an http(s) address; else null. */
export function absoluteHttpUrl(href: string, base: URL | null): string | null {
  const resolved = parsedUrl(href.trim(), base ?? undefined);
  return resolved && /^https?:$/.test(resolved.protocol) ? resolved.href : null;
}

/** The first non-null reading of the non-empty `candidates`, in order. */
export function firstOf<T>(candidates: readonly string[], read: (text: string) => T | null): T | null {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const value = read(candidate);
    if (value !== null) return value;
  }
  return null;
}

/** Whitespace (non-breaking included) collapsed to single spaces, zero-width characters dropped. */
export function collapsedText(text: string): string {
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
export function withoutMarkup(text: string): string {
  return text.replace(BLOCK_TAG, ' ').replace(INLINE_TAG, '');
}

const CHARACTER_ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Text with character references left over from double escaping decoded (`&amp;gt;` in the source is
 * `&gt;` in the DOM; bioRxiv and others do this), so "&gt;99%" reads ">99%".
 */
export function withEntitiesDecoded(text: string): string {
  return text.replace(CHARACTER_ENTITY, (entity, decimal?: string, hex?: string, name?: string) => {
    if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const codePoint = decimal ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  });
}

/** `text` with percent-escapes decoded, or unchanged when they are malformed. */
export function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `text` as a URL (relative to `base`), or null when it is not one. */
export function parsedUrl(text: string, base?: URL): URL | null {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}

/** `url` trimmed and without its `#fragment`. */
export function withoutFragment(url: string): string {
  const parsed = parsedUrl(url.trim());
  if (!parsed) return url.trim().replace(/#.*$/, '');
  parsed.hash = '';
  return parsed.href;
}
