import { analyze, distinctKeys, REQUIRED_ROLES, splitPhrases } from '../text.js';
import { conceptsOf, type ConceptTranslation } from './concepts.js';
import type { Lexicon } from './lexicon.js';

/**
 * The rule by which keywords (a subscription's, a researcher's own) match a challenge, in either language:
 * the keywords are alternatives (commas, 、, ;, line breaks, `|`, `OR`, `或`); each alternative is a set of
 * units (a lexicon term such as "solid-state electrolyte", another English word, or a run of Chinese
 * written without spaces); an alternative matches when at least half of its units (rounded up) are in the
 * challenge, each in its own words or in a translation.
 */

/** One unit of an alternative: present when all of `keys`, or all keys of one translation, are. */
export interface KeywordUnit {
  /** As typed. */
  text: string;
  /** Its required keys (see REQUIRED_ROLES). */
  keys: string[];
  translations: ConceptTranslation[];
}

/** One alternative of a keyword list. */
export interface KeywordAlternative {
  /** As typed (trimmed). */
  text: string;
  units: KeywordUnit[];
  /** How many units must be present: half, rounded up. */
  needed: number;
}

/** What separates alternatives beyond {@link splitPhrases}' commas: `|`, a spaced `OR`, and 或 (not 或者, 或许). */
const ALTERNATIVE = /\s*\|\s*|\s+OR\s+|或(?![者许])/;
const CJK_RUN = /^[\p{sc=Han}]+$/u;

/** The units of one alternative. */
function unitsOf(text: string, lexicon: Lexicon | null): KeywordUnit[] {
  const units: KeywordUnit[] = [];
  const add = (unit: KeywordUnit) => {
    if (unit.keys.length > 0 && !units.some((u) => u.keys.join(' ') === unit.keys.join(' '))) units.push(unit);
  };
  for (const chunk of text.normalize('NFKC').split(/\s+/).filter(Boolean)) {
    if (!CJK_RUN.test(chunk)) continue;
    // A Chinese run typed without spaces is one unit; it translates whole, or part by part.
    const analysis = analyze(chunk);
    const concepts = conceptsOf(chunk, analysis, REQUIRED_ROLES, lexicon);
    const whole = concepts.length === 1 && concepts[0]!.text === chunk ? concepts[0]!.translations : [];
    const parts = concepts.filter((c) => c.translations.length > 0);
    const firsts = parts.map((c) => c.translations[0]!);
    const composed: ConceptTranslation[] =
      whole.length === 0 && parts.length > 1 && parts.map((c) => c.text).join('') === chunk
        ? [
            {
              text: firsts.map((t) => t.text).join(' '),
              origin: firsts.some((t) => t.origin === 'dictionary') ? 'dictionary' : 'glossary',
              keys: firsts.flatMap((t) => t.keys),
            },
          ]
        : [];
    add({ text: chunk, keys: distinctKeys(analysis, REQUIRED_ROLES), translations: [...whole, ...composed] });
  }
  // The rest (English words and mixed chunks): a lexicon term is one unit, any other word is one.
  const latin = text
    .normalize('NFKC')
    .split(/\s+/)
    .filter((chunk) => !CJK_RUN.test(chunk))
    .join(' ');
  for (const concept of conceptsOf(latin, analyze(latin), REQUIRED_ROLES, lexicon)) add(concept);
  return units;
}

/**
 * The alternatives of a keyword list, each with its units; alternatives without a searchable unit (only
 * stop words, numbers or punctuation) are left out, so such a list matches nothing.
 */
export function parseKeywords(keywords: string, lexicon: Lexicon | null): KeywordAlternative[] {
  const alternatives: KeywordAlternative[] = [];
  for (const phrase of splitPhrases(keywords)) {
    for (const text of phrase.split(ALTERNATIVE).map((t) => t.trim()).filter(Boolean)) {
      if (alternatives.some((a) => a.text === text)) continue;
      const units = unitsOf(text, lexicon);
      if (units.length > 0) alternatives.push({ text, units, needed: Math.ceil(units.length / 2) });
    }
  }
  return alternatives;
}

/** How a unit is present in a text: in its own words, in a translation, or not at all. */
export type UnitPresence = { unit: KeywordUnit; translation: ConceptTranslation | null };

/** The units of `alternative` present in a text with keys `has`, each with the translation that met it (null: its own words). */
export function presentUnits(alternative: KeywordAlternative, has: (key: string) => boolean): UnitPresence[] {
  const present: UnitPresence[] = [];
  for (const unit of alternative.units) {
    if (unit.keys.every(has)) present.push({ unit, translation: null });
    else {
      const translation = unit.translations.find((t) => t.keys.every(has));
      if (translation) present.push({ unit, translation });
    }
  }
  return present;
}

/** A unit as an explanation shows it: "battery", or "perovskite ↔ 钙钛矿" when met in translation. */
export function formatUnit({ unit, translation }: UnitPresence): string {
  return translation ? formatTranslation(unit.text, translation.text) : unit.text;
}

/** A translated match as every explanation writes it: "perovskite ↔ 钙钛矿". */
export function formatTranslation(term: string, translation: string): string {
  return `${term} ↔ ${translation}`;
}

/**
 * The matching rule of a keyword list in words, for the subscribe confirmation (bot, API): which
 * alternatives, how many of each one's words must appear, and that either language counts.
 */
export function describeKeywordRule(alternatives: readonly KeywordAlternative[], locale: 'en' | 'zh'): string {
  if (alternatives.length === 0) {
    return locale === 'zh' ? '关键词中没有可检索的词，不会匹配任何挑战。' : 'The keywords have no searchable word, so nothing will match.';
  }
  const parts = alternatives.map(({ units, needed }) => {
    const words = units.map((u) => u.text);
    if (locale === 'zh') {
      return units.length === 1 ? `含“${words[0]}”` : `“${words.join('”“')}”中至少 ${needed} 个`;
    }
    return units.length === 1 ? `“${words[0]}”` : `at least ${needed} of “${words.join('”, “')}”`;
  });
  if (locale === 'zh') {
    return `挑战${parts.join('，或')}即匹配；中英文均可（如 perovskite ↔ 钙钛矿），译文匹配排在原文之后。`;
  }
  return `A challenge matches when it contains ${parts.join(', or ')} — in English or Chinese (perovskite ↔ 钙钛矿); translated matches rank below literal ones.`;
}
