import { analyze, isCjkFunctionWord, isCjkTerm, plainWordKey, type Term } from '../text.js';

/**
 * A bilingual term lexicon (English ↔ Simplified Chinese) and the search for its terms in a text. Browser
 * safe: the entries come from outside (the glossary in shared/lexicon/glossary.ts; the server adds
 * CC-CEDICT, see server/search/cedict.ts), so no bundle carries a dictionary it does not ask for.
 */

/** Where a translation comes from: the reviewed glossary, or the general dictionary (CC-CEDICT). */
export type TranslationOrigin = 'glossary' | 'dictionary';

/** A term's equivalent in the other language. */
export interface Translation {
  /** The equivalent as the source writes it: "perovskite", 钙钛矿. */
  text: string;
  origin: TranslationOrigin;
}

/** One pair to put in a lexicon. */
export interface LexiconEntry {
  en: string;
  zh: string;
  origin: TranslationOrigin;
  /**
   * `zh-en` when the English side is only a gloss of the Chinese word, not a term to translate back (a
   * dictionary word's secondary sense). Default: both ways.
   */
  directions?: 'both' | 'zh-en';
}

/** Looks terms up in both directions. */
export interface Lexicon {
  /** Translations of an English term, by its {@link englishKey}. */
  fromEnglish(key: string): readonly Translation[] | undefined;
  /** Translations of a Chinese word (exact characters). */
  fromChinese(word: string): readonly Translation[] | undefined;
  /** The most words of an English term and characters of a Chinese one. */
  readonly longestEnglish: number;
  readonly longestChinese: number;
  readonly size: number;
}

/** At most this many dictionary translations per term: a general dictionary lists senses, most of them beside the point. */
const MAX_DICTIONARY_TRANSLATIONS = 2;

/**
 * The analyzed key of an English term: its stems joined by spaces ("Solid-state batteries" → "solid state
 * batteri"), so a term is found whatever its inflection; null when it has no content word.
 */
export function englishKey(text: string): string | null {
  if (PLAIN_PHRASE.test(text)) {
    const keys = text.split(/[ -]/).map(plainWordKey).filter((key) => key !== null);
    return keys.length > 0 ? keys.join(' ') : null;
  }
  const keys = analyze(text)
    .filter((term) => term.role === 'core' && !isCjkTerm(term))
    .map((term) => term.key);
  return keys.length > 0 ? keys.join(' ') : null;
}

const HAN_ONLY = /^\p{sc=Han}+$/u;
/** Lower-case words between single spaces or hyphens: keyed without the analyzer's regex (a dictionary has 100,000). */
const PLAIN_PHRASE = /^[a-z]+(?:[ -][a-z]+)*$/;
/** A dictionary gloss shorter than this is an abbreviation or a letter ("C"), too ambiguous to translate. */
const MIN_DICTIONARY_KEY = 3;

/**
 * A lexicon of `entries`. A term the glossary knows has only its glossary translations; any other has at
 * most {@link MAX_DICTIONARY_TRANSLATIONS} dictionary ones, the first given; duplicates are dropped.
 * Chinese sides must be Han characters only, and not function words (others are skipped).
 */
export function createLexicon(entries: Iterable<LexiconEntry>): Lexicon {
  const english = new Map<string, Translation[]>();
  const chinese = new Map<string, Translation[]>();
  let longestEnglish = 1;
  let longestChinese = 1;
  let size = 0;
  const add = (map: Map<string, Translation[]>, key: string, translation: Translation) => {
    let list = map.get(key) ?? [];
    if (list.some((t) => t.text === translation.text)) return;
    // The reviewed translation is the one: a dictionary's senses beside it would only add noise.
    if (translation.origin === 'dictionary' && (list.some((t) => t.origin === 'glossary') || list.length >= MAX_DICTIONARY_TRANSLATIONS)) return;
    if (translation.origin === 'glossary') list = list.filter((t) => t.origin === 'glossary');
    list.push(translation);
    map.set(key, list);
  };
  for (const { en, zh, origin, directions = 'both' } of entries) {
    const key = englishKey(en);
    if (key === null || !HAN_ONLY.test(zh) || isCjkFunctionWord(zh)) continue;
    if (origin === 'glossary' || key.length >= MIN_DICTIONARY_KEY) add(chinese, zh, { text: en, origin });
    // Only whole glosses go back to Chinese: "without warning" must not translate "warning".
    const whole = origin === 'glossary' || key.split(' ').length === en.split(/[ -]/).length;
    if (directions === 'zh-en' || !whole || key.length < MIN_DICTIONARY_KEY) continue;
    add(english, key, { text: zh, origin });
    longestEnglish = Math.max(longestEnglish, key.split(' ').length);
    longestChinese = Math.max(longestChinese, [...zh].length);
    size++;
  }
  return {
    fromEnglish: (key) => english.get(key),
    fromChinese: (word) => chinese.get(word),
    longestEnglish,
    longestChinese,
    size,
  };
}

/** A lexicon term found in a text. */
export interface FoundTerm {
  /** As written in the text (after NFKC): "solid-state electrolyte", 钙钛矿. */
  text: string;
  /** UTF-16 offsets in the NFKC-normalized text, as {@link Term} has them. */
  start: number;
  end: number;
  language: 'en' | 'zh';
  translations: readonly Translation[];
}

/** What may stand between two words of one English term: spaces, hyphens, slashes and stop words. */
const WORD_GAP = /^[\s\-‐–/\p{L}']*$/u;

/**
 * The lexicon's terms in `text`, in text order, longest first: English terms as runs of up to
 * `longestEnglish` adjacent words (stop words between them allowed), Chinese terms by forward maximum
 * matching over each run of adjacent characters (function characters such as 的 break a run). A single
 * Chinese character counts only when the glossary lists it (硅, 锂): the dictionary's single characters
 * are too ambiguous.
 */
export function findTerms(text: string, lexicon: Lexicon, terms: readonly Term[] = analyze(text)): FoundTerm[] {
  const normalized = text.normalize('NFKC');
  const found: FoundTerm[] = [];
  const words = terms.filter((term) => term.role === 'core' && !isCjkTerm(term));
  for (let i = 0; i < words.length; ) {
    let taken = 0;
    for (let n = Math.min(lexicon.longestEnglish, words.length - i); n >= 1 && taken === 0; n--) {
      const span = words.slice(i, i + n);
      if (!span.every((word, j) => j === 0 || WORD_GAP.test(normalized.slice(span[j - 1]!.end, word.start)))) continue;
      const translations = lexicon.fromEnglish(span.map((word) => word.key).join(' '));
      if (!translations) continue;
      const start = span[0]!.start;
      const end = span[n - 1]!.end;
      found.push({ text: normalized.slice(start, end), start, end, language: 'en', translations });
      taken = n;
    }
    i += Math.max(taken, 1);
  }
  const chars = terms.filter((term) => isCjkTerm(term) && term.end - term.start === term.key.length && [...term.key].length === 1);
  let run: Term[] = [];
  const scanRun = () => {
    for (let i = 0; i < run.length; ) {
      let taken = 0;
      for (let n = Math.min(lexicon.longestChinese, run.length - i); n >= 1 && taken === 0; n--) {
        const word = run.slice(i, i + n).map((char) => char.key).join('');
        const translations = lexicon.fromChinese(word)?.filter((t) => n > 1 || t.origin === 'glossary');
        if (!translations || translations.length === 0) continue;
        found.push({ text: word, start: run[i]!.start, end: run[i + n - 1]!.end, language: 'zh', translations });
        taken = n;
      }
      i += Math.max(taken, 1);
    }
    run = [];
  };
  for (const char of chars) {
    if (run.length > 0 && run[run.length - 1]!.end !== char.start) scanRun();
    run.push(char);
  }
  scanRun();
  return found.sort((a, b) => a.start - b.start);
}
