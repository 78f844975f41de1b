import { readFileSync } from 'node:fs';
import { GLOSSARY } from '../../shared/lexicon/glossary.js';
import { createLexicon, type Lexicon, type LexiconEntry } from '../../shared/lexicon/lexicon.js';

/**
 * The server's bilingual lexicon: the reviewed glossary, then CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org;
 * the extract in cedict-terms.tsv is made by scripts/build-cedict-terms.ts). Search, matching and
 * alerts share it.
 */

const CEDICT_TERMS = new URL('./cedict-terms.tsv', import.meta.url);

/**
 * The CC-CEDICT extract as lexicon entries: every gloss translates its word into English, but only the
 * first gloss of a word with at most two translates English back into it, since a word with many senses is
 * rarely what an English term means (电池 is "battery"; 炮台, an artillery battery, is not).
 */
export function cedictEntries(): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const line of readFileSync(CEDICT_TERMS, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const zh = line.slice(0, tab);
    const glosses = line.slice(tab + 1).split('|');
    glosses.forEach((en, i) =>
      entries.push({ en, zh, origin: 'dictionary', directions: i === 0 && glosses.length <= 2 ? 'both' : 'zh-en' }),
    );
  }
  return entries;
}

/** The glossary's pairs as lexicon entries. */
export function glossaryEntries(): LexiconEntry[] {
  return GLOSSARY.map(({ en, zh }) => ({ en, zh, origin: 'glossary' }));
}

let shared: Lexicon | null = null;

/**
 * The glossary and CC-CEDICT in one lexicon, built on first use (about a third of a second) and shared
 * by every caller in the process.
 */
export function serverLexicon(): Lexicon {
  return (shared ??= createLexicon([...glossaryEntries(), ...cedictEntries()]));
}
