import { describe, expect, it } from 'vitest';
import { buildChallengeIndex } from '../../../server/search/challenge-index.js';
import { rankMatches, type MatchProfile } from '../../../server/search/matching.js';
import { rowOf } from '../../../bench/relevance/evaluate.js';
import { analyze } from '../../../shared/text.js';
import { RELEVANCE_CHALLENGES } from '../../fixtures/relevance/challenges.js';
import { challengeRow, LABELLED, subscriptionRow } from './fixtures.js';

const NOW = new Date('2026-11-02T00:00:00.000Z');
const RESEARCHER = 'acc_researcher';

/** Challenges that match a perovskite researcher on every count but must never be offered. */
const NOT_OPEN = [
  challengeRow({ id: 'closed', title: 'Perovskite solar cell scale-up', status: 'closed', fields: ['marine-space'] }),
  challengeRow({ id: 'expired', title: 'Perovskite solar modules', deadline: '2026-11-01T23:59:59.000Z' }),
  challengeRow({ id: 'draft', title: 'Perovskite solar cell testing', status: 'draft' }),
  challengeRow({ id: 'awarded', title: 'Perovskite solar cell lamination', status: 'awarded' }),
  challengeRow({ id: 'own', title: 'Perovskite solar cell recycling', ownerId: RESEARCHER }),
];
const index = () => buildChallengeIndex([...LABELLED, ...NOT_OPEN]);

const PEROVSKITE_PAPER = {
  title: 'Stabilizing perovskite solar cells against moisture',
  abstract:
    'We report an encapsulation strategy for perovskite photovoltaics that keeps solar cells stable in damp heat for 1000 hours.',
  createdAt: '2026-10-01T00:00:00.000Z',
};

function profile(overrides: Partial<MatchProfile['account']> & Partial<Omit<MatchProfile, 'account'>>): MatchProfile {
  const { subscriptions = [], papers = [], ...account } = overrides;
  return { account: { id: RESEARCHER, locale: 'en', fields: [], keywords: [], ...account }, subscriptions, papers };
}

describe('rankMatches', () => {
  it('puts the perovskite challenge first for a researcher who clipped a perovskite solar paper', () => {
    const matches = rankMatches(index(), profile({ papers: [PEROVSKITE_PAPER] }), { now: NOW });
    expect(matches[0]?.challengeId).toBe('en-perovskite-pv');
    expect(matches[0]?.reasons).toEqual([
      { source: 'paper', label: PEROVSKITE_PAPER.title, terms: expect.arrayContaining(['perovskite', 'solar', 'cells']), translations: [] },
    ]);
    expect(matches[0]?.matchedTerms).toEqual(expect.arrayContaining(['perovskite', 'solar', 'cells', 'encapsulation']));
  });

  it('never offers closed, expired, draft, awarded or own challenges', () => {
    const everything = profile({
      keywords: ['perovskite solar'],
      fields: ['energy', 'marine-space'],
      subscriptions: [subscriptionRow({ id: 's1', accountId: RESEARCHER, keywords: 'perovskite' })],
      papers: [PEROVSKITE_PAPER],
    });
    const offered = rankMatches(index(), everything, { now: NOW }).map((m) => m.challengeId);
    expect(offered).toContain('en-perovskite-pv');
    for (const row of NOT_OPEN) expect(offered).not.toContain(row.id);
  });

  it('explains each source with its label and the terms that met', () => {
    const matches = rankMatches(
      index(),
      profile({
        keywords: ['钙钛矿'],
        fields: ['marine-space'],
        subscriptions: [subscriptionRow({ id: 's1', accountId: RESEARCHER, keywords: 'desalination; 氢能' })],
      }),
      { now: NOW },
    );
    const byId = new Map(matches.map((m) => [m.challengeId, m]));
    expect(byId.get('zh-perovskite-pv')?.reasons).toEqual([{ source: 'keyword', label: '钙钛矿', terms: ['钙钛矿'], translations: [] }]);
    expect(byId.get('zh-perovskite-pv')?.matchedTerms).toEqual(['钙钛矿']);
    expect(byId.get('en-desalination')?.reasons).toEqual([
      { source: 'subscription', label: 'desalination; 氢能', terms: ['desalination'], translations: [] },
      { source: 'field', label: 'Marine & space', terms: ['Marine & space'], translations: [] },
    ]);
    expect(byId.get('en-desalination')?.matchedTerms).toEqual(['desalination']);
    // Two sources outrank one.
    expect(matches[0]?.challengeId).toBe('en-desalination');
    expect(byId.has('zh-pv-cleaning')).toBe(false);
  });

  it('requires every term of a keyword, as alerts do', () => {
    const matches = rankMatches(index(), profile({ keywords: ['solid-state battery'] }), { now: NOW });
    expect(matches).toEqual([]);
  });

  it('applies a subscription’s fields and minimum reward and ignores paused ones', () => {
    const rich = { ...LABELLED.find((c) => c.id === 'en-battery-recycling')!, id: 'rich', reward: { amount: 900_000, currency: 'CNY' } };
    const idx = buildChallengeIndex([...LABELLED, rich]);
    const matches = rankMatches(
      idx,
      profile({
        subscriptions: [
          subscriptionRow({ id: 's1', accountId: RESEARCHER, keywords: 'lithium-ion', minReward: 500_000 }),
          subscriptionRow({ id: 's2', accountId: RESEARCHER, keywords: 'perovskite', fields: ['ai'] }),
          subscriptionRow({ id: 's3', accountId: RESEARCHER, keywords: 'desalination', active: false }),
        ],
      }),
      { now: NOW },
    );
    expect(matches.map((m) => m.challengeId)).toEqual(['rich']);
  });

  it('offers every open challenge of the account’s fields, labelled in its language, when nothing else is known', () => {
    const matches = rankMatches(index(), profile({ fields: ['environment'], locale: 'zh' }), { now: NOW });
    expect(matches.map((m) => m.challengeId).sort()).toEqual(
      LABELLED.filter((c) => c.fields.includes('environment')).map((c) => c.id).sort(),
    );
    expect(matches[0]?.reasons).toEqual([{ source: 'field', label: '生态环保', terms: ['生态环保'], translations: [] }]);
    expect(matches[0]?.matchedTerms).toEqual([]);
  });

  it('ranks a stronger text match above a field-only match and honours the limit', () => {
    const matches = rankMatches(index(), profile({ fields: ['energy'], keywords: ['perovskite'] }), { now: NOW, limit: 2 });
    expect(matches).toHaveLength(2);
    expect(matches[0]?.challengeId).toBe('en-perovskite-pv');
    expect(matches[0]?.reasons.map((r) => r.source)).toEqual(['keyword', 'field']);
  });
});

describe('rankMatches without noise', () => {
  const filler = 'Using two methods we need at least 3 of 25 samples; read access costs were 15% lower in 2019 and 2020.';
  const unrelatedPapers = [
    'Dark matter halo profiles in dwarf galaxies',
    'Tonal contrasts in Cantonese child speech',
    'Monetary policy transmission in small open economies',
    'Medieval trade routes of the Hanseatic League',
    'Rhythm perception in Baroque keyboard music',
    'Highly accurate protein structure prediction with AlphaFold',
    'Exoplanet atmospheres from transit spectroscopy',
    'Syntax of relative clauses in Old Norse',
    'Labour market effects of minimum wages',
    'Coral reef fish larval dispersal',
    'Glacier retreat in the Tibetan Plateau since 1970',
    'Voting behaviour in municipal elections',
    'Gut microbiome and sleep quality in adolescents',
  ].map((title, i) => ({ title, abstract: `${title}. ${filler} Figure ${i + 1} shows 8 cases.`, createdAt: `2026-10-${String(i + 10).padStart(2, '0')}T00:00:00.000Z` }));

  it('keeps the challenges of her own keyword first, and shows no number or filler as a matched term', () => {
    const index = buildChallengeIndex(RELEVANCE_CHALLENGES.map(rowOf));
    const matches = rankMatches(index, profile({ keywords: ['weathering steel'], papers: unrelatedPapers }), { now: NOW });
    expect(matches.slice(0, 2).map((m) => m.challengeId).sort()).toEqual(['steel-en', 'steel-zh']);
    expect(matches.find((m) => m.challengeId === 'steel-zh')?.reasons[0]).toEqual({
      source: 'keyword',
      label: 'weathering steel',
      terms: ['weathering steel'],
      translations: [{ term: 'weathering steel', translation: '耐候钢', origin: 'glossary' }],
    });
    for (const match of matches) {
      for (const term of match.matchedTerms) expect(analyze(term).some((t) => t.role === 'core'), term).toBe(true);
    }
    // Papers far from every challenge match nothing: no floor relative to their best hit lets them.
    expect(matches.every((m) => m.reasons.every((r) => r.source !== 'paper' || r.label.includes('AlphaFold')))).toBe(true);
  });
});
