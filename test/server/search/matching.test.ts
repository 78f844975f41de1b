import { describe, expect, it } from 'vitest';
import { buildChallengeIndex } from '../../../server/search/challenge-index.js';
import { rankMatches, type MatchProfile } from '../../../server/search/matching.js';
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
