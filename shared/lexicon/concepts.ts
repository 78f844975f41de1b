import { analyze, distinctKeys, REQUIRED_ROLES, type Term, type TermRole } from '../text.js';
import { findTerms, type Lexicon, type TranslationOrigin } from './lexicon.js';

/**
 * A query's terms grouped into concepts, each with its translations as alternative key sets: the unit
 * that cross-language search, matching and alerts count ("solid-state electrolyte" is one concept, met by
 * its words or by 固态电解质).
 */

/** A translation of a concept, analysed. */
export interface ConceptTranslation {
  /** The translation as the lexicon writes it (钙钛矿, "perovskite"). */
  text: string;
  origin: TranslationOrigin;
  /** Its required keys (see REQUIRED_ROLES): all present means the translation is in a text. */
  keys: string[];
}

/** A lexicon term of a text with its translations, or a word the lexicon does not know. */
export interface Concept {
  /** As written in the text. */
  text: string;
  /** The keys of its query terms (QUERY_ROLES) in the text. */
  keys: string[];
  translations: ConceptTranslation[];
}

const translationKeys = new Map<string, string[]>();

/** The required keys of a translation, memoized: the same few thousand terms come up again and again. */
function keysOfTranslation(text: string): string[] {
  let keys = translationKeys.get(text);
  if (!keys) {
    keys = distinctKeys(analyze(text), REQUIRED_ROLES);
    if (translationKeys.size > 50_000) translationKeys.clear();
    translationKeys.set(text, keys);
  }
  return keys;
}

/**
 * The concepts of `text`, whose analysis is `analysis`, counting the terms of `roles`: each lexicon term
 * found in the text (see findTerms) with the terms inside it, then every other term on its own, in text
 * order. A key belongs to its first concept only; translations without keys (only stop words) are left out.
 */
export function conceptsOf(
  text: string,
  analysis: readonly Term[],
  roles: readonly TermRole[],
  lexicon: Lexicon | null,
): Concept[] {
  const found = lexicon ? findTerms(text, lexicon, analysis) : [];
  const terms = analysis.filter((term) => roles.includes(term.role));
  const claimed = new Set<string>();
  const concepts: { start: number; concept: Concept }[] = [];
  for (const term of found) {
    const keys = [...new Set(terms.filter((t) => t.start >= term.start && t.end <= term.end).map((t) => t.key))].filter(
      (key) => !claimed.has(key),
    );
    if (keys.length === 0) continue;
    keys.forEach((key) => claimed.add(key));
    const translations = term.translations
      .map((t) => ({ text: t.text, origin: t.origin, keys: keysOfTranslation(t.text) }))
      .filter((t) => t.keys.length > 0);
    concepts.push({ start: term.start, concept: { text: term.text, keys, translations } });
  }
  for (const term of terms) {
    if (claimed.has(term.key)) continue;
    claimed.add(term.key);
    concepts.push({ start: term.start, concept: { text: term.display, keys: [term.key], translations: [] } });
  }
  return concepts.sort((a, b) => a.start - b.start).map(({ concept }) => concept);
}
