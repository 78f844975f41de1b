import { articleField, asList, jsonText } from './json-ld.js';
import { dublinCore, metaValues, metaValuesOf, otherLanguageValues, type Page } from './page.js';
import { collapsedText, withEntitiesDecoded, withoutMarkup } from './text.js';

/** The details beyond the citation: author keywords, the translated title, volume and issue. */

const KEYWORD_META_KEYS = ['citation_keywords', 'citation_keyword', ...dublinCore('subject'), 'prism.keyword'];
const MAX_KEYWORDS = 100;

/**
 * The author keywords the page's metadata lists: the first of `citation_keywords`, Dublin Core subjects,
 * PRISM keywords and the JSON-LD article's `keywords` that has any, in the page's language first and then
 * in the other languages it gives (a Chinese paper's English keywords too), each once. Not
 * `<meta name="keywords">`, which sites fill for search engines.
 */
export function pageKeywords(page: Page): string[] {
  for (const key of KEYWORD_META_KEYS) {
    const values = [...metaValues(page, key), ...otherLanguageValues(page, key)];
    if (values.length > 0) return keywordList(values);
  }
  return keywordList(articleField(page, 'keywords').flatMap(asList).map((value) => jsonText(value) ?? ''));
}

/** Keywords split from lists as pages write them (`;`, `,`, full-width and CJK list marks), each once, in order. */
export function keywordList(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const value of values) {
    for (const part of value.split(/[;,；，、]/)) {
      const keyword = collapsedText(withoutMarkup(withEntitiesDecoded(part)));
      const key = keyword.toLowerCase();
      if (keyword && !seen.has(key) && keywords.length < MAX_KEYWORDS) {
        seen.add(key);
        keywords.push(keyword);
      }
    }
  }
  return keywords;
}

/** The title in the page's other language (a bilingual journal's English title), or null. */
export function pageTranslatedTitle(page: Page, title: string): string | null {
  const others = ['citation_title', ...dublinCore('title')].flatMap((key) => otherLanguageValues(page, key));
  const translated = others.map((other) => collapsedText(withoutMarkup(withEntitiesDecoded(other)))).find((other) => other && other !== title);
  return translated ?? null;
}

/** The volume and issue Highwire or PRISM tags state, or null each. */
export function pageVolumeAndIssue(page: Page): { volume: string | null; issue: string | null } {
  return {
    volume: metaValuesOf(page, ['citation_volume', 'prism.volume'])[0] ?? null,
    issue: metaValuesOf(page, ['citation_issue', 'prism.number'])[0] ?? null,
  };
}
