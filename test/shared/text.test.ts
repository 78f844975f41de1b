import { describe, expect, it } from 'vitest';
import {
  analyze,
  displayTerms,
  distinctKeys,
  QUERY_ROLES,
  REQUIRED_ROLES,
  splitPhrases,
  stemEnglish,
} from '../../shared/text.js';

const keys = (text: string) => distinctKeys(analyze(text));
const required = (text: string) => distinctKeys(analyze(text), REQUIRED_ROLES);
const key = (word: string) => {
  const [only, ...rest] = analyze(word);
  expect(rest).toEqual([]);
  return only!.key;
};

describe('English analysis', () => {
  it('folds plurals and inflections onto one key', () => {
    expect(key('batteries')).toBe(key('battery'));
    expect(key('cells')).toBe(key('cell'));
    expect(key('processes')).toBe(key('process'));
    expect(key('recycling')).toBe(key('recycled'));
    expect(key('recycled')).toBe(key('recycle'));
    expect(key('Perovskites')).toBe(key('perovskite'));
    expect(key('efficiency')).toBe(key('efficient'));
  });

  it('keeps apart words that a cruder stemmer merges', () => {
    expect(key('general')).not.toBe(key('generate'));
    expect(key('organization')).not.toBe(key('organ'));
    expect(key('news')).toBe('news');
    expect(key('gas')).toBe('gas');
  });

  it('implements Porter2 as published', () => {
    const cases: Record<string, string> = {
      caresses: 'caress',
      ponies: 'poni',
      ties: 'tie',
      cries: 'cri',
      hopping: 'hop',
      hoped: 'hope',
      dying: 'die',
      generously: 'generous',
      consignment: 'consign',
      consistently: 'consist',
      communication: 'communic',
      relational: 'relat',
      conditional: 'condit',
      rational: 'ration',
      succeeded: 'succeed',
      skies: 'sky',
      happy: 'happi',
      by: 'by',
    };
    for (const [word, stem] of Object.entries(cases)) expect([word, stemEnglish(word)]).toEqual([word, stem]);
  });

  it('lower-cases, folds accents and full-width forms, drops stop words and possessives', () => {
    expect(keys('The Café of the Naïve')).toEqual([key('cafe'), key('naive')]);
    expect(keys('ＰＣＢ ＡＮＤ ５Ｇ')).toEqual(['pcb', '5g']);
    expect(keys("Tesla's batteries")).toEqual(['tesla', key('battery')]);
    expect(keys('a the of and with for')).toEqual([]);
  });

  it('keeps words with digits whole and reads grouped numbers as numbers', () => {
    expect(keys('CO2 capture at 12,000 rpm, 3.5 kW')).toEqual(['co2', key('capture'), '12000', 'rpm', '3.5', 'kw']);
  });

  it('splits hyphenated and snake_case words, and words joined by a comma', () => {
    expect(keys('Li-ion battery_pack')).toEqual(['li', 'ion', key('battery'), 'pack']);
    expect(keys('cells,batteries')).toEqual([key('cell'), key('battery')]);
    expect(keys("U.S. don't")).toEqual(['u.s']);
  });
});

describe('Chinese analysis', () => {
  it('indexes overlapping bigrams of a rare term the segmenter splits into characters', () => {
    const all = keys('钙钛矿');
    expect(all).toContain('钙钛');
    expect(all).toContain('钛矿');
    expect(required('钙钛矿')).toEqual(['钙钛', '钛矿']);
  });

  it('drops function characters and requires no bigram across them', () => {
    const terms = required('电池的回收');
    expect(terms).toEqual(['电池', '回收']);
    expect(keys('电池的回收')).not.toContain('的');
  });

  it('requires the words of a phrase, not the bigrams across word boundaries', () => {
    const phrase = required('锂电池回收');
    expect(phrase).toEqual(['锂', '电池', '回收']);
    expect(distinctKeys(analyze('锂电池回收'), QUERY_ROLES)).toContain('池回');
    // Every required term of the phrase is indexed in a text that has the words apart.
    const text = new Set(keys('废旧锂电池的回收利用'));
    for (const term of phrase) expect(text).toContain(term);
  });

  it('indexes every content character, so a one-character query finds longer words', () => {
    expect(required('铜')).toEqual(['铜']);
    expect(keys('铜合金')).toContain('铜');
  });
});

describe('mixed text', () => {
  it('gives an English word the same keys inside Chinese text as on its own', () => {
    const english = "Li-ion battery_pack, recycling's 3.5kW CO2";
    const inChinese = keys(`锂电池${english}回收`).filter((k) => /^[\x00-\x7f]+$/.test(k));
    expect(inChinese).toEqual(keys(english));
  });

  it('analyzes Chinese and English in one string', () => {
    const all = keys('锂电池 battery recycling 回收');
    expect(all).toEqual(expect.arrayContaining(['锂', '电池', key('batteries'), key('recycle'), '回收']));
    expect(required('5G基站节能')).toEqual(['5g', '基站', '站节', '节能']);
  });
});

describe('display forms', () => {
  const query = (text: string) => analyze(text).filter((t) => QUERY_ROLES.includes(t.role));

  it('shows words as written, never stems', () => {
    const terms = query('Recycled Batteries and cells');
    expect(displayTerms(terms, new Set([key('battery'), key('recycle')]))).toEqual(['Recycled', 'Batteries']);
  });

  it('merges overlapping CJK bigrams back into the text they cover', () => {
    const terms = query('钙钛矿太阳能电池');
    const everything = new Set(terms.map((t) => t.key));
    expect(displayTerms(terms, everything)).toEqual(['钙钛矿太阳能电池']);
    expect(displayTerms(terms, new Set(['钙钛', '钛矿', '电池']))).toEqual(['钙钛矿', '电池']);
  });

  it('shows each key once, in text order, across languages', () => {
    const terms = query('battery 电池 Batteries 电池');
    expect(displayTerms(terms, () => true)).toEqual(['battery', '电池']);
  });
});

describe('splitPhrases', () => {
  it('splits on ASCII and CJK list punctuation and line breaks', () => {
    expect(splitPhrases('solid-state battery; 钙钛矿，太阳能电池、氢能\n  graphene ,, ')).toEqual([
      'solid-state battery',
      '钙钛矿',
      '太阳能电池',
      '氢能',
      'graphene',
    ]);
  });
});

describe('noise never makes a query term', () => {
  const queryKeys = (text: string) => distinctKeys(analyze(text), QUERY_ROLES);

  it('indexes bare numbers but never queries them; words with digits stay terms', () => {
    expect(queryKeys('2019 results: 3 of 25, 15% lower')).toEqual(['lower']);
    expect(distinctKeys(analyze('ISO 9001'))).toEqual(['iso', '9001']);
    expect(queryKeys('5G and CO2 at 3.5 GHz')).toEqual(['5g', 'co2', 'ghz']);
    expect(queryKeys('2025年 钙钛矿')).not.toContain('2025');
  });

  it('drops generic English words in any inflection and generic Chinese words', () => {
    expect(queryKeys('Using two methods we need at least read access; costs need reading')).toEqual([]);
    expect(queryKeys('本文采用新方法研究钙钛矿')).toEqual(expect.arrayContaining(['钙钛', '钛矿']));
    expect(queryKeys('本文采用新方法研究钙钛矿')).not.toContain('研究');
  });
});
