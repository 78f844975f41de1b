import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../../shared/lexicon/glossary.js';
import { createLexicon, englishKey, findTerms } from '../../../shared/lexicon/lexicon.js';
import { FIELD_IDS } from '../../../shared/fields.js';

const lexicon = createLexicon([
  { en: 'solid-state electrolyte', zh: '固态电解质', origin: 'glossary' },
  { en: 'perovskite', zh: '钙钛矿', origin: 'glossary' },
  { en: 'battery', zh: '电池', origin: 'glossary' },
  { en: 'battery', zh: '炮台', origin: 'dictionary' },
  { en: 'silicon', zh: '硅', origin: 'glossary' },
  { en: 'sand', zh: '沙', origin: 'dictionary' },
  { en: 'without warning', zh: '猝不及防', origin: 'dictionary' },
]);

describe('the glossary', () => {
  it('covers every field with a few dozen reviewed pairs, each with both sides', () => {
    for (const field of FIELD_IDS) expect(GLOSSARY.filter((e) => e.field === field).length, field).toBeGreaterThanOrEqual(30);
    for (const entry of GLOSSARY) expect(englishKey(entry.en), entry.en).not.toBeNull();
  });
});

describe('findTerms', () => {
  it('finds English terms by their stems, across inflection and hyphens, longest first', () => {
    const found = findTerms('Solid-state electrolytes for batteries', lexicon);
    expect(found.map((f) => [f.text, f.translations.map((t) => t.text)])).toEqual([
      ['Solid-state electrolytes', ['固态电解质']],
      ['batteries', ['电池']],
    ]);
  });

  it('finds Chinese words whole by forward maximum matching, and single characters only from the glossary', () => {
    const found = findTerms('钙钛矿与硅的沙', lexicon);
    expect(found.map((f) => f.text)).toEqual(['钙钛矿', '硅']);
    expect(found[0]!.translations).toEqual([{ text: 'perovskite', origin: 'glossary' }]);
  });

  it('keeps the glossary’s translation only when it has one, and never reverses part of a gloss', () => {
    expect(lexicon.fromEnglish(englishKey('battery')!)).toEqual([{ text: '电池', origin: 'glossary' }]);
    expect(lexicon.fromEnglish(englishKey('warning')!)).toBeUndefined();
    expect(lexicon.fromChinese('猝不及防')).toEqual([{ text: 'without warning', origin: 'dictionary' }]);
  });
});
