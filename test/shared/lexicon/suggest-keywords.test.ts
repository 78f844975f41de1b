import { describe, expect, it } from 'vitest';
import { suggestKeywords } from '../../../shared/lexicon/suggest-keywords.js';

describe('suggestKeywords', () => {
  it('suggests the glossary terms of the title first, then the summary’s, each with its translation', () => {
    expect(suggestKeywords('Solid-state electrolyte for fast-charging lithium battery packs', 'Dendrites must not grow; thermal runaway is the risk.')).toEqual([
      { term: 'Solid-state electrolyte', translation: '固态电解质' },
      { term: 'lithium battery', translation: '锂电池' },
      { term: 'fast-charging', translation: '快充' },
      { term: 'thermal runaway', translation: '热失控' },
    ]);
  });

  it('works from Chinese and honours the limit', () => {
    expect(suggestKeywords('钙钛矿太阳能电池湿热稳定性提升', '寻求封装方案。', 2)).toEqual([
      { term: '钙钛矿太阳能电池', translation: 'perovskite solar cell' },
      { term: '稳定性', translation: 'stability' },
    ]);
  });

  it('suggests nothing for text without technical terms', () => {
    expect(suggestKeywords('We need help', 'Read the 2019 tender at least twice.')).toEqual([]);
  });
});
