/**
 * The one text analyzer of Tenderlab, shared by search, matching and subscription alerts (and safe in the
 * browser: it uses only `Intl` and `String.prototype.normalize`).
 *
 * Text is NFKC-normalized first, so full-width letters, digits and punctuation read as their ASCII forms.
 *
 * - Alphabetic words (found by Unicode word-boundary rules, see ALPHABETIC_WORD) are
 *   lower-cased, accent-folded (Latin script only), stop words and generic filler words ("using", "need",
 *   "costs") dropped, and stemmed with Porter2 when they are plain English letters; words with digits
 *   ("5G", "CO2", "3.5") are kept whole. Bare numbers ("2019", "3.5") are indexed but never a query term:
 *   a year or a count shared by two texts says nothing about their subjects.
 * - Chinese, Japanese and Korean runs are segmented with `Intl.Segmenter('zh')` and indexed as overlapping
 *   character bigrams, as Lucene's CJK analyzer does: the segmenter alone splits rare technical terms into
 *   single characters (钙钛矿 → 钙 | 钛 | 矿), bigrams (钙钛, 钛矿) keep them findable. The segmenter still
 *   decides two things bigrams cannot: which characters are function words (的, 和, 与 …, dropped, and no
 *   bigram is required across them) and where one word ends and the next starts (see {@link TermRole}).
 */

/**
 * How a term takes part in matching. A text's `core` terms are what a phrase requires ("all terms of
 * 锂电池回收 appear"): English stems, CJK bigrams inside one word (or inside a run of single characters,
 * which is how the segmenter spells an unknown word), and single characters standing alone as a word.
 * `joint` terms are bigrams across a word boundary (池回 in 锂电池|回收): evidence that words are
 * adjacent, good for ranking, too strict to require. `extra` terms are only for the indexed side: every
 * content character on its own, and bigrams touching a function word, so that whatever a query requires is
 * present in every text that contains the query's words; and bare numbers.
 */
export type TermRole = 'core' | 'joint' | 'extra';

/** One term occurrence in an analyzed text. */
export interface Term {
  /** What indexes compare: a Porter2 stem, a number, a CJK bigram or character. */
  key: string;
  /** The text as written (after NFKC), e.g. "Batteries" or "钙钛": what users are shown, never the stem. */
  display: string;
  /** UTF-16 offsets of `display` in the NFKC-normalized text. */
  start: number;
  end: number;
  role: TermRole;
}

/** The roles a search or match query uses: everything but the index-only `extra`. */
export const QUERY_ROLES: readonly TermRole[] = ['core', 'joint'];

/** The roles a phrase requires to be present for it to match. */
export const REQUIRED_ROLES: readonly TermRole[] = ['core'];

const ENGLISH_STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing don dont down during each either etc few for from further ' +
    'had has have having he her here hers herself him himself his how however i if in into is it its itself ' +
    'just may me might more most must my myself no nor not now of off on once only or other our ours ourselves ' +
    'out over own per same shall she should so some such than that the their theirs them themselves then there ' +
    'these they this those through thus to too under until up upon us very via was we were what when where ' +
    'whether which while who whom whose why will with within without would yet you your yours yourself'
  ).split(' '),
);

/**
 * Generic words of research and procurement prose: as frequent as stop words in abstracts and postings, and
 * as uninformative when two texts share them. Compared by stem, so "costs" and "cost" both count.
 */
const GENERIC_ENGLISH_WORDS =
  'use using used uses need needs needed least read access cost costs two three four five six ten one first ' +
  'second new based method methods study studies result results paper papers approach propose proposed ' +
  'show shows shown work works make made provide provides well good better best many much several various ' +
  'different including include includes year years day days time times way ways part parts case cases ' +
  'number numbers type types able get set given give take see find found even still often ' +
  'current currently existing further furthermore moreover respectively thereby overall total looking seek ' +
  'seeking want wanted require requires required requirement requirements solution solutions problem problems';
let genericStems: Set<string> | null = null;
const isGenericStem = (stem: string) =>
  (genericStems ??= new Set(GENERIC_ENGLISH_WORDS.split(' ').map((word) => stemEnglish(word)))).has(stem);

/** Chinese function characters: dropped when the segmenter leaves them standing alone, and never indexed alone. */
const CJK_FUNCTION_CHARS = new Set([...'的了和与及在是对等也或而之其于为以将被把从由这那并且就都又着吗呢吧啊向该此所即亦则']);

/** Chinese function words the segmenter keeps whole (基于, 通过 …): as uninformative as 的. */
const CJK_FUNCTION_WORDS = new Set(
  (
    '我们 你们 他们 它们 以及 进行 通过 基于 一种 一个 一些 可以 或者 并且 而且 以上 以下 其中 这些 那些 这个 那个 ' +
    '如何 什么 能够 已经 之一 以便 对于 关于 由于 因此 所以 但是 如果 然后 及其 等等 相关 具有 ' +
    // Generic words of abstracts and postings, as uninformative as the function words above.
    '研究 方法 提出 分析 结果 采用 利用 使用 需要 要求 实现 提高 本文 开展 主要 方面 情况 过程 条件 ' +
    '作用 工作 目前 同时 不同 寻求 希望 针对 解决 方案 问题 包括 有效 显著 表明 获得'
  ).split(' '),
);

const CJK_CHAR = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30FC`;
const SCRIPT_PIECES = new RegExp(`([${CJK_CHAR}]+)|([^${CJK_CHAR}]+)`, 'gu');
const CJK_TEXT = new RegExp(`[${CJK_CHAR}]`, 'u');
const PLAIN_WORD = /^[a-z]+$/;
/**
 * An alphabetic-script word as Unicode word boundaries (UAX #29) find it: letters, marks and digits,
 * joined by an apostrophe or dot between letters (don't, U.S) or a dot or comma between digits (3.5,
 * 12,000); hyphens, underscores and other punctuation separate words. A regex because ICU's word breaking
 * costs twice the rest of the analysis on English text; in text with CJK it also splits the segmenter's
 * non-CJK segments, so a word gives the same keys wherever it appears.
 */
const ALPHABETIC_WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:(?<=\p{L})['’.](?=\p{L})|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;
const FOLDABLE = /^[\p{sc=Latin}\p{sc=Common}\p{sc=Inherited}]*$/u;
const GROUPED_NUMBER = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const BARE_NUMBER = /^\d+(\.\d+)?$/;

/** Segments text that has CJK in it; stateless, so one instance serves every call. */
const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });

/** A word of a CJK run as the segmenter found it, with its offset in the normalized text. */
interface CjkWord {
  text: string;
  start: number;
}

interface CjkChar {
  text: string;
  start: number;
  end: number;
  /** Which content chunk the character belongs to; -1 inside a function word. */
  chunk: number;
}

/** The terms of one CJK run (consecutive CJK words, no punctuation between), with their roles. */
function emitCjkRun(words: readonly CjkWord[], terms: Term[]): void {
  const chars: CjkChar[] = [];
  const chunkSizes: number[] = [];
  let previousWasSingle = false;
  for (const word of words) {
    const wordChars = Array.from(word.text);
    const isFunction =
      CJK_FUNCTION_WORDS.has(word.text) || (wordChars.length === 1 && CJK_FUNCTION_CHARS.has(word.text));
    let chunk = -1;
    if (!isFunction) {
      // Consecutive single characters are one chunk: the segmenter spells an unknown word that way.
      const continuesChunk = wordChars.length === 1 && previousWasSingle;
      if (!continuesChunk) chunkSizes.push(0);
      chunk = chunkSizes.length - 1;
      chunkSizes[chunk]! += wordChars.length;
    }
    previousWasSingle = !isFunction && wordChars.length === 1;
    let offset = word.start;
    for (const text of wordChars) {
      chars.push({ text, start: offset, end: offset + text.length, chunk });
      offset += text.length;
    }
  }
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (!CJK_FUNCTION_CHARS.has(char.text)) {
      const alone = char.chunk >= 0 && chunkSizes[char.chunk] === 1;
      terms.push({ key: char.text, display: char.text, start: char.start, end: char.end, role: alone ? 'core' : 'extra' });
    }
    const next = chars[i + 1];
    if (next) {
      const text = char.text + next.text;
      const role: TermRole =
        char.chunk < 0 || next.chunk < 0 ? 'extra' : char.chunk === next.chunk ? 'core' : 'joint';
      terms.push({ key: text, display: text, start: char.start, end: next.end, role });
    }
  }
}

/** The index key of an alphabetic word, or null for a stop word. */
function wordKey(surface: string): string | null {
  let word = surface.toLowerCase();
  if (PLAIN_WORD.test(word)) return ENGLISH_STOP_WORDS.has(word) ? null : contentStem(word);
  word = word.replaceAll('’', "'");
  if (FOLDABLE.test(word)) word = word.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
  if (word.endsWith("'s")) word = word.slice(0, -2);
  if (ENGLISH_STOP_WORDS.has(word)) return null;
  word = word.replaceAll("'", '');
  if (word.length === 0 || ENGLISH_STOP_WORDS.has(word)) return null;
  if (GROUPED_NUMBER.test(word)) return word.replaceAll(',', '');
  return PLAIN_WORD.test(word) ? contentStem(word) : word;
}

/**
 * The index key of one lower-case English word (letters only), as {@link analyze} gives it: a Porter2 stem,
 * or null for a stop word or a generic word. A shortcut for callers that split plain word lists
 * themselves, such as a dictionary load.
 */
export function plainWordKey(word: string): string | null {
  return PLAIN_WORD.test(word) && !ENGLISH_STOP_WORDS.has(word) ? contentStem(word) : null;
}

/** Stems already computed: a text repeats its words, and a dictionary load analyses 100,000 glosses. */
const stemMemo = new Map<string, string | null>();
const STEM_MEMO_LIMIT = 100_000;

/** The stem of a plain English word, or null for a generic word. */
function contentStem(word: string): string | null {
  let stem = stemMemo.get(word);
  if (stem !== undefined) return stem;
  stem = stemEnglish(word);
  if (isGenericStem(stem)) stem = null;
  if (stemMemo.size >= STEM_MEMO_LIMIT) stemMemo.clear();
  stemMemo.set(word, stem);
  return stem;
}

function emitWords(text: string, start: number, terms: Term[]): void {
  for (const match of text.matchAll(ALPHABETIC_WORD)) {
    const key = wordKey(match[0]);
    if (key === null) continue;
    const at = start + match.index;
    const role: TermRole = BARE_NUMBER.test(key) ? 'extra' : 'core';
    terms.push({ key, display: match[0], start: at, end: at + match[0].length, role });
  }
}

/**
 * Every term occurrence of `text`, in text order (for CJK: the character at a position, then the bigram
 * starting there). Occurrences repeat, so callers can count term frequencies; see {@link TermRole} for
 * which terms a query or a required phrase should use.
 */
export function analyze(text: string): Term[] {
  const normalized = text.normalize('NFKC');
  const terms: Term[] = [];
  if (!CJK_TEXT.test(normalized)) {
    emitWords(normalized, 0, terms);
    return terms;
  }
  // One segmenter pass over the whole text: a call per CJK run would cost more than the runs.
  let run: CjkWord[] = [];
  const flush = () => {
    if (run.length > 0) emitCjkRun(run, terms);
    run = [];
  };
  for (const { segment, index, isWordLike } of SEGMENTER.segment(normalized)) {
    if (!isWordLike) {
      flush();
      continue;
    }
    for (const piece of segment.matchAll(SCRIPT_PIECES)) {
      if (piece[1] !== undefined) run.push({ text: piece[1], start: index + piece.index });
      else {
        flush();
        emitWords(piece[2]!, index + piece.index, terms);
      }
    }
  }
  flush();
  return terms;
}

/** The distinct keys of `terms` with one of `roles` (default: all), in order of first occurrence. */
export function distinctKeys(terms: readonly Term[], roles: readonly TermRole[] = ['core', 'joint', 'extra']): string[] {
  const keys = new Set<string>();
  for (const term of terms) if (roles.includes(term.role)) keys.add(term.key);
  return [...keys];
}

/**
 * Whether a Chinese word is a function word or a generic one (的, 基于, 研究): never a search term, and never
 * worth translating.
 */
export function isCjkFunctionWord(word: string): boolean {
  return CJK_FUNCTION_WORDS.has(word) || CJK_FUNCTION_CHARS.has(word);
}

/** Whether a term is a CJK character or bigram (rather than an alphabetic word or number). */
export function isCjkTerm(term: Pick<Term, 'key'>): boolean {
  return CJK_TEXT.test(term.key);
}

/**
 * What to show a user for the terms of `terms` whose key is matched: alphabetic words as written (first
 * form per key: "Batteries", not "batteri"), and overlapping CJK bigrams and characters merged back into the
 * text they cover (钙钛 + 钛矿 → 钙钛矿), in text order, without duplicates.
 */
export function displayTerms(
  terms: readonly Term[],
  matched: ReadonlySet<string> | ((key: string) => boolean),
): string[] {
  const isMatched = typeof matched === 'function' ? matched : (key: string) => matched.has(key);
  const shown: string[] = [];
  const seen = new Set<string>();
  const show = (dedupeKey: string, display: string) => {
    if (seen.has(dedupeKey)) return;
    seen.add(dedupeKey);
    shown.push(display);
  };
  let span: { text: string; end: number } | null = null;
  const closeSpan = () => {
    if (span) show(`cjk:${span.text}`, span.text);
    span = null;
  };
  const ordered = terms.filter((t) => isMatched(t.key)).sort((a, b) => a.start - b.start || b.end - a.end);
  for (const term of ordered) {
    if (!isCjkTerm(term)) {
      closeSpan();
      show(`key:${term.key}`, term.display);
    } else if (span && term.start < span.end) {
      if (term.end > span.end) {
        span.text += term.display.slice(span.end - term.start);
        span.end = term.end;
      }
    } else {
      closeSpan();
      span = { text: term.display, end: term.end };
    }
  }
  closeSpan();
  return shown;
}

/**
 * Splits a keyword list as people type it into phrases: on commas, semicolons, the ideographic comma 、,
 * full-width ，；(folded by NFKC) and line breaks; trimmed, blanks dropped.
 */
export function splitPhrases(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[,;、\r\n]+/)
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase.length > 0);
}

// The Snowball English stemmer ("Porter2", as of Snowball 3), written from the published algorithm. Porter2
// rather than a plural folder because researchers write "recycling", "recycled" and "recycle" for one idea;
// Snowball 3 rather than the 1980 Porter because its region and exception rules keep apart words the old
// one merged (generate/general, organization/organ).

const EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ['skis', 'ski'],
  ['skies', 'sky'],
  ['idly', 'idl'],
  ['gently', 'gentl'],
  ['ugly', 'ugli'],
  ['early', 'earli'],
  ['only', 'onli'],
  ['singly', 'singl'],
  ['sky', 'sky'],
  ['news', 'news'],
  ['howe', 'howe'],
  ['atlas', 'atlas'],
  ['cosmos', 'cosmos'],
  ['bias', 'bias'],
  ['andes', 'andes'],
]);

/** Words whose R1 starts after this prefix, so that e.g. "general" and "generate" stay apart. */
const R1_PREFIXES = ['univers', 'commun', 'arsen', 'emerg', 'gener', 'inter', 'later', 'organ', 'past'];

const STEP_1B_ING_KEEP = new Set(['even', 'cann', 'inn', 'earr', 'herr', 'out']);
const STEP_1B_EED_KEEP = new Set(['succ', 'proc', 'exc']);
const DOUBLES = new Set(['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
const VALID_LI = new Set(['c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't']);

type Rule = readonly [suffix: string, replacement: string, condition?: (stem: string) => boolean];

const byLengthDesc = (rules: Rule[]): readonly Rule[] => [...rules].sort((a, b) => b[0].length - a[0].length);

const STEP_2: readonly Rule[] = byLengthDesc([
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['abli', 'able'],
  ['entli', 'ent'],
  ['izer', 'ize'],
  ['ization', 'ize'],
  ['ational', 'ate'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['aliti', 'al'],
  ['alli', 'al'],
  ['fulness', 'ful'],
  ['ousli', 'ous'],
  ['ousness', 'ous'],
  ['iveness', 'ive'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['bli', 'ble'],
  ['ogist', 'og'],
  ['ogi', 'og', (stem) => stem.endsWith('l')],
  ['fulli', 'ful'],
  ['lessli', 'less'],
  ['li', '', (stem) => VALID_LI.has(stem.slice(-1))],
]);

const STEP_3: readonly Rule[] = byLengthDesc([
  ['tional', 'tion'],
  ['ational', 'ate'],
  ['alize', 'al'],
  ['icate', 'ic'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
  ['ative', ''],
]);

const STEP_4: readonly Rule[] = byLengthDesc(
  [
    'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
  ]
    .map((suffix): Rule => [suffix, ''])
    .concat([['ion', '', (stem) => stem.endsWith('s') || stem.endsWith('t')]]),
);

const isVowel = (c: string | undefined): boolean =>
  c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';

/** Not a vowel, and not w, x or Y either: the last letter of a short syllable. */
const closesShortSyllable = (c: string | undefined): boolean =>
  c !== undefined && !isVowel(c) && c !== 'w' && c !== 'x' && c !== 'Y';

/** Whether `word` up to `end` ends in a short syllable (the algorithm's `shortv`). */
function endsInShortSyllable(word: string, end = word.length): boolean {
  if (end >= 3 && closesShortSyllable(word[end - 1]) && isVowel(word[end - 2]) && !isVowel(word[end - 3])) return true;
  if (end === 2 && !isVowel(word[1]) && isVowel(word[0])) return true;
  return word.slice(0, end).endsWith('past');
}

/** The position just after the first non-vowel that follows a vowel, searching from `from`. */
function regionStart(word: string, from: number): number {
  let i = from;
  while (i < word.length && !isVowel(word[i])) i++;
  while (i < word.length && isVowel(word[i])) i++;
  return Math.min(i + 1, word.length);
}

function longestRule(word: string, rules: readonly Rule[]): Rule | undefined {
  return rules.find(([suffix]) => word.endsWith(suffix));
}

/** Applies the longest matching rule if its suffix starts at or after `regionFrom` and its condition holds. */
function applyRules(word: string, rules: readonly Rule[], regionFrom: number): string {
  const rule = longestRule(word, rules);
  if (!rule) return word;
  const [suffix, replacement, condition] = rule;
  const stem = word.slice(0, word.length - suffix.length);
  if (stem.length < regionFrom) return word;
  if (condition && !condition(stem)) return word;
  return stem + replacement;
}

function step1a(word: string): string {
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ied') || word.endsWith('ies')) {
    const stem = word.slice(0, -3);
    return stem + (stem.length >= 2 ? 'i' : 'ie');
  }
  if (word.endsWith('ss') || word.endsWith('us')) return word;
  // "gas" and "this" keep their s: a vowel must come before the letter preceding it.
  if (word.endsWith('s') && /[aeiouy]/.test(word.slice(0, -2))) return word.slice(0, -1);
  return word;
}

function step1b(word: string, p1: number): string {
  const suffix = ['eedly', 'ingly', 'edly', 'eed', 'ing', 'ed'].find((s) => word.endsWith(s));
  if (!suffix) return word;
  const stem = word.slice(0, word.length - suffix.length);
  if (suffix === 'eed' || suffix === 'eedly') {
    if (stem.length < p1 || STEP_1B_EED_KEEP.has(stem)) return word;
    return `${stem}ee`;
  }
  if (suffix === 'ing') {
    if (stem.length === 2 && stem[1] === 'y' && !isVowel(stem[0])) return `${stem[0]}ie`;
    if (STEP_1B_ING_KEEP.has(stem)) return word;
  }
  if (!/[aeiouy]/.test(stem)) return word;
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return `${stem}e`;
  if (DOUBLES.has(stem.slice(-2))) {
    return stem.length === 3 && 'aeo'.includes(stem[0]!) ? stem : stem.slice(0, -1);
  }
  if (stem.length === p1 && endsInShortSyllable(stem)) return `${stem}e`;
  return stem;
}

function step1c(word: string): string {
  const last = word[word.length - 1];
  if ((last === 'y' || last === 'Y') && word.length >= 3 && !isVowel(word[word.length - 2])) {
    return `${word.slice(0, -1)}i`;
  }
  return word;
}

function step5(word: string, p1: number, p2: number): string {
  const at = word.length - 1;
  if (word.endsWith('e')) {
    if (at >= p2 || (at >= p1 && !endsInShortSyllable(word, at))) return word.slice(0, -1);
  } else if (word.endsWith('l')) {
    if (at >= p2 && word[at - 1] === 'l') return word.slice(0, -1);
  }
  return word;
}

/**
 * The Porter2 stem of a lower-case English word (letters and apostrophes only; anything else is returned
 * unchanged). Stems are index keys, not words: "batteries" and "battery" both give "batteri".
 */
export function stemEnglish(word: string): string {
  if (!/^[a-z']+$/.test(word)) return word;
  const exception = EXCEPTIONS.get(word);
  if (exception !== undefined) return exception;
  if (word.length < 3) return word;

  let w = word.startsWith("'") ? word.slice(1) : word;
  let markedY = false;
  const chars = [...w];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === 'y' && (i === 0 || isVowel(chars[i - 1]))) {
      chars[i] = 'Y';
      markedY = true;
    }
  }
  w = chars.join('');

  const prefix = R1_PREFIXES.find((p) => w.startsWith(p));
  const p1 = prefix ? prefix.length : regionStart(w, 0);
  const p2 = p1 >= w.length ? w.length : regionStart(w, p1);

  if (w.endsWith("'s'")) w = w.slice(0, -3);
  else if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  w = step1a(w);
  w = step1b(w, p1);
  w = step1c(w);
  w = applyRules(w, STEP_2, p1);
  const step3 = longestRule(w, STEP_3);
  w = applyRules(w, STEP_3, step3?.[0] === 'ative' ? p2 : p1);
  w = applyRules(w, STEP_4, p2);
  w = step5(w, p1, p2);
  return markedY ? w.replaceAll('Y', 'y') : w;
}
