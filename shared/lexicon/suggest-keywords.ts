import { GLOSSARY } from './glossary.js';
import { createLexicon, findTerms, type Lexicon } from './lexicon.js';

/** Keyword suggestions for a posting, in both languages. */
export interface KeywordSuggestion {
  /** The term as the title or summary writes it. */
  term: string;
  /** Its translation from the glossary, to suggest beside it. */
  translation: string;
}

let glossaryOnly: Lexicon | null = null;

/** The glossary alone as a lexicon (small; safe to build in a browser or the bot). */
export function glossaryLexicon(): Lexicon {
  return (glossaryOnly ??= createLexicon(GLOSSARY.map(({ en, zh }) => ({ en, zh, origin: 'glossary' }))));
}

/** How many suggestions by default: about what a keyword form shows as chips. */
const DEFAULT_LIMIT = 6;

/**
 * Keywords to suggest for a challenge from its title and summary (the bot's `/post` keyword step): the
 * technical terms of the reviewed glossary found in them, each with its translation so the posting is
 * found in both languages. Terms in the title come first, then those the text repeats, then longer
 * (more specific) ones; at most `limit`, without duplicates. Empty when the text has no glossary term.
 */
export function suggestKeywords(title: string, summary: string, limit = DEFAULT_LIMIT, lexicon = glossaryLexicon()): KeywordSuggestion[] {
  const text = `${title}\n${summary}`;
  const titleEnd = title.normalize('NFKC').length;
  const ranked = new Map<string, { suggestion: KeywordSuggestion; inTitle: boolean; count: number; first: number }>();
  for (const found of findTerms(text, lexicon)) {
    const key = found.text.toLowerCase();
    const seen = ranked.get(key);
    if (seen) {
      seen.count++;
      continue;
    }
    const translation = found.translations[0]?.text;
    if (!translation) continue;
    ranked.set(key, { suggestion: { term: found.text, translation }, inTitle: found.start < titleEnd, count: 1, first: found.start });
  }
  return [...ranked.values()]
    .sort(
      (a, b) =>
        Number(b.inTitle) - Number(a.inTitle) ||
        b.count - a.count ||
        [...b.suggestion.term].length - [...a.suggestion.term].length ||
        a.first - b.first,
    )
    .slice(0, limit)
    .map((entry) => entry.suggestion);
}
