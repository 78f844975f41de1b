import { describe, expect, it } from 'vitest';
import { describeKeywordRule, parseKeywords, presentUnits } from '../../../shared/lexicon/keyword-rule.js';
import { describeSubscriptionRule } from '../../../shared/lexicon/subscription-rule.js';
import { glossaryLexicon } from '../../../shared/lexicon/suggest-keywords.js';
import { analyze, distinctKeys } from '../../../shared/text.js';

const lexicon = glossaryLexicon();
const keysOf = (text: string) => new Set(distinctKeys(analyze(text)));

describe('parseKeywords', () => {
  it('splits alternatives on commas, |, OR and 或, and units on spaces, lexicon terms whole', () => {
    const alternatives = parseKeywords('solid-state electrolyte dendrite | 钙钛矿 电池, graphene OR 石墨烯或海水淡化', lexicon);
    expect(alternatives.map((a) => [a.text, a.units.map((u) => u.text), a.needed])).toEqual([
      ['solid-state electrolyte dendrite', ['solid-state electrolyte', 'dendrite'], 1],
      ['钙钛矿 电池', ['钙钛矿', '电池'], 1],
      ['graphene', ['graphene'], 1],
      ['石墨烯', ['石墨烯'], 1],
      ['海水淡化', ['海水淡化'], 1],
    ]);
  });

  it('needs half the units, rounded up, in either language', () => {
    const [alternative] = parseKeywords('perovskite encapsulation tandem', lexicon);
    expect(alternative!.needed).toBe(2);
    const present = presentUnits(alternative!, (key) => keysOf('钙钛矿组件封装').has(key));
    expect(present.map((p) => [p.unit.text, p.translation?.text ?? null])).toEqual([
      ['perovskite', '钙钛矿'],
      ['encapsulation', '封装'],
    ]);
  });

  it('leaves out alternatives of numbers and stop words', () => {
    expect(parseKeywords('the 2019, 的', lexicon)).toEqual([]);
  });
});

describe('the rule in words', () => {
  it('says which words must appear, in English and Chinese', () => {
    const alternatives = parseKeywords('钙钛矿 电池', lexicon);
    expect(describeKeywordRule(alternatives, 'en')).toBe(
      'A challenge matches when it contains at least 1 of “钙钛矿”, “电池” — in English or Chinese (perovskite ↔ 钙钛矿); translated matches rank below literal ones.',
    );
    expect(describeKeywordRule(alternatives, 'zh')).toBe('挑战“钙钛矿”“电池”中至少 1 个即匹配；中英文均可（如 perovskite ↔ 钙钛矿），译文匹配排在原文之后。');
  });

  it('adds fields and the minimum reward, and says a fields-only subscription takes everything in them', () => {
    expect(describeSubscriptionRule({ keywords: '', fields: ['energy'], minReward: 50000 }, 'en', lexicon)).toBe(
      'Every newly published challenge in your fields raises an alert. Only in: Clean & efficient energy. Reward at least 50000.',
    );
  });
});
