import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_IDS } from '../../../shared/fields.js';
import {
  attachSubscriptionIndex,
  createSubscriptionIndex,
  createSubscriptionScan,
  type SubscriptionMatcher,
} from '../../../server/search/subscription-index.js';
import { openLowdbStore } from '../../../server/store/lowdb-store.js';
import type { SubscriptionRow } from '../../../server/store/rows.js';
import { tempDir } from '../../support/temp-dir.js';
import { challengeRow, LABELLED, subscriptionRow } from './fixtures.js';

const byId = (id: string) => LABELLED.find((c) => c.id === id)!;
const zhPerovskite = byId('zh-perovskite-pv');
const zhRecycling = byId('zh-battery-recycling');
const enRecycling = byId('en-battery-recycling');
const enPerovskite = byId('en-perovskite-pv');

function indexOf(...subs: SubscriptionRow[]) {
  const index = createSubscriptionIndex();
  for (const sub of subs) index.upsert(sub);
  return index;
}

const accounts = (matcher: SubscriptionMatcher, challenge = zhPerovskite) =>
  matcher.match(challenge).map((m) => m.accountId);

describe('subscription matching', () => {
  it('gives an account one entry however many of its subscriptions match', () => {
    const index = indexOf(
      subscriptionRow({ id: 's1', accountId: 'acc_a', keywords: '钙钛矿' }),
      subscriptionRow({ id: 's2', accountId: 'acc_a', keywords: '太阳能电池, 光伏' }),
      subscriptionRow({ id: 's3', accountId: 'acc_a', keywords: '', fields: ['energy'] }),
      subscriptionRow({ id: 's4', accountId: 'acc_b', keywords: '钙钛矿' }),
    );
    expect(index.match(zhPerovskite)).toEqual([
      { accountId: 'acc_a', subscriptionIds: ['s1', 's2', 's3'], matchedTerms: ['钙钛矿', '太阳能电池'] },
      { accountId: 'acc_b', subscriptionIds: ['s4'], matchedTerms: ['钙钛矿'] },
    ]);
  });

  it('never matches the challenge owner', () => {
    const index = indexOf(
      subscriptionRow({ id: 's1', accountId: zhPerovskite.ownerId, keywords: '钙钛矿' }),
      subscriptionRow({ id: 's2', accountId: zhPerovskite.ownerId, fields: ['energy'] }),
      subscriptionRow({ id: 's3', accountId: 'acc_other', keywords: '钙钛矿' }),
    );
    expect(accounts(index)).toEqual(['acc_other']);
  });

  it('requires a shared field when the subscription names fields', () => {
    const index = indexOf(
      subscriptionRow({ id: 's1', accountId: 'acc_ai', keywords: '钙钛矿', fields: ['ai'] }),
      subscriptionRow({ id: 's2', accountId: 'acc_materials', keywords: '钙钛矿', fields: ['ai', 'new-materials'] }),
    );
    expect(accounts(index)).toEqual(['acc_materials']);
  });

  it('requires the reward to reach the minimum', () => {
    const index = indexOf(
      subscriptionRow({ id: 's1', accountId: 'acc_rich', keywords: '钙钛矿', minReward: 100_001 }),
      subscriptionRow({ id: 's2', accountId: 'acc_exact', keywords: '钙钛矿', minReward: 100_000 }),
      subscriptionRow({ id: 's3', accountId: 'acc_fields', fields: ['energy'], minReward: 500_000 }),
    );
    expect(accounts(index)).toEqual(['acc_exact']);
  });

  it('keeps a paused subscription silent until it is resumed', () => {
    const paused = subscriptionRow({ id: 's1', accountId: 'acc_a', keywords: '钙钛矿', active: false });
    const index = indexOf(paused, subscriptionRow({ id: 's2', accountId: 'acc_b', fields: ['energy'], active: false }));
    expect(index.match(zhPerovskite)).toEqual([]);
    index.upsert({ ...paused, active: true });
    expect(accounts(index)).toEqual(['acc_a']);
  });

  it('matches Chinese phrases whose words appear apart or inflected', () => {
    const index = indexOf(
      subscriptionRow({ id: 's1', accountId: 'acc_a', keywords: '锂电池回收' }),
      subscriptionRow({ id: 's2', accountId: 'acc_b', keywords: '钙钛矿太阳能电池' }),
    );
    expect(accounts(index, zhRecycling)).toEqual(['acc_a']);
    const apart = challengeRow({ id: 'apart', title: '退役锂电池的回收与梯次利用' });
    expect(accounts(index, apart)).toEqual(['acc_a']);
    expect(accounts(index, zhPerovskite)).toEqual(['acc_b']);
    expect(accounts(index, byId('zh-perovskite-catalyst'))).toEqual([]);
  });

  it('matches English phrases across plural and tense when at least half their units are present', () => {
    const index = indexOf(
      subscriptionRow({ id: 's1', accountId: 'acc_a', keywords: 'recycled battery' }),
      subscriptionRow({ id: 's2', accountId: 'acc_b', keywords: 'desalination membranes catalyst' }),
      subscriptionRow({ id: 's3', accountId: 'acc_c', keywords: 'graphene; Perovskite Solar' }),
    );
    expect(accounts(index, enRecycling)).toEqual(['acc_a']);
    // One of three units is not enough; both units of "Perovskite Solar" are there.
    expect(index.match(enPerovskite)).toEqual([
      { accountId: 'acc_c', subscriptionIds: ['s3'], matchedTerms: ['Perovskite', 'Solar'] },
    ]);
  });

  it('takes alternatives written with |, OR and 或', () => {
    const index = indexOf(
      subscriptionRow({ id: 's1', accountId: 'acc_a', keywords: 'graphene | desalination' }),
      subscriptionRow({ id: 's2', accountId: 'acc_b', keywords: 'graphene OR hydrogel' }),
      subscriptionRow({ id: 's3', accountId: 'acc_c', keywords: '石墨烯或海水淡化' }),
    );
    expect(accounts(index, byId('en-desalination'))).toEqual(['acc_a', 'acc_c']);
  });

  it('crosses languages, naming the translation that met', () => {
    const index = indexOf(
      subscriptionRow({ id: 's1', accountId: 'acc_a', keywords: 'battery recycling' }),
      subscriptionRow({ id: 's2', accountId: 'acc_b', keywords: '钙钛矿' }),
    );
    expect(index.match(zhRecycling)).toEqual([
      { accountId: 'acc_a', subscriptionIds: ['s1'], matchedTerms: ['battery recycling ↔ 电池回收'] },
    ]);
    expect(accounts(index, enRecycling)).toEqual(['acc_a']);
    expect(index.match(enPerovskite)).toEqual([
      { accountId: 'acc_b', subscriptionIds: ['s2'], matchedTerms: ['钙钛矿 ↔ perovskite'] },
    ]);
  });

  it('matches everything in its fields when keywords are blank, and nothing when keywords say nothing', () => {
    const index = indexOf(
      subscriptionRow({ id: 's1', accountId: 'acc_fields', fields: ['environment'] }),
      subscriptionRow({ id: 's2', accountId: 'acc_stopwords', keywords: 'the, of, 的', fields: ['environment'] }),
      subscriptionRow({ id: 's3', accountId: 'acc_nothing', keywords: '   ', fields: [] }),
    );
    expect(accounts(index, byId('en-desalination'))).toEqual(['acc_fields']);
    expect(accounts(index, enPerovskite)).toEqual([]);
  });

  it('forgets removed and edited subscriptions', () => {
    const sub = subscriptionRow({ id: 's1', accountId: 'acc_a', keywords: '钙钛矿' });
    const index = indexOf(sub);
    index.upsert({ ...sub, keywords: 'desalination' });
    expect(index.match(zhPerovskite)).toEqual([]);
    expect(accounts(index, byId('en-desalination'))).toEqual(['acc_a']);
    index.remove('s1');
    expect(index.match(byId('en-desalination'))).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('follows the store', async () => {
    const store = await openLowdbStore({ dataDir: await tempDir() });
    const sub = subscriptionRow({ id: 's1', accountId: 'acc_a', keywords: '钙钛矿' });
    await store.transact(async (tx) => void (await tx.subscriptions.insert(sub)));
    const { index, detach } = await attachSubscriptionIndex(store);
    expect(accounts(index)).toEqual(['acc_a']);
    await store.transact(async (tx) => void (await tx.subscriptions.update('s1', { active: false })));
    expect(index.match(zhPerovskite)).toEqual([]);
    await store.transact(async (tx) => void (await tx.subscriptions.insert({ ...sub, id: 's2', accountId: 'acc_b' })));
    expect(accounts(index)).toEqual(['acc_b']);
    detach();
    await store.close();
  });
});

describe('subscription index against the linear-scan reference', () => {
  const PHRASES = [
    'battery', 'recycled batteries', 'solar cell', 'perovskite', 'perovskite solar', 'lithium-ion', 'desalination',
    'deep learning', 'PCB', 'efficiency', 'graphene', '钙钛矿', '太阳能电池', '锂电池回收', '电池', '缺陷检测', '光伏', '铜',
    '催化剂', 'the', '的',
  ];
  const subscription = fc.record({
    id: fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `s${i}`)),
    accountId: fc.constantFrom('acc_owner', 'acc_1', 'acc_2', 'acc_3', 'acc_4'),
    keywords: fc.array(fc.constantFrom(...PHRASES), { maxLength: 3 }).chain((phrases) =>
      fc.constantFrom(', ', '；', '\n', '、').map((separator) => phrases.join(separator)),
    ),
    fields: fc.uniqueArray(fc.constantFrom(...FIELD_IDS), { maxLength: 2 }),
    minReward: fc.option(fc.constantFrom(0, 50_000, 100_000, 200_000), { nil: null }),
    active: fc.boolean(),
  });
  const operation = fc.oneof(
    subscription.map((s) => ({ kind: 'upsert' as const, sub: subscriptionRow(s) })),
    fc.constantFrom('s0', 's1', 's2').map((id) => ({ kind: 'remove' as const, id })),
  );
  const challenge = fc.record({
    id: fc.constant('c'),
    title: fc.array(fc.constantFrom(...PHRASES), { maxLength: 4 }).map((w) => w.join(' ')),
    fields: fc.uniqueArray(fc.constantFrom(...FIELD_IDS), { minLength: 1, maxLength: 2 }),
    reward: fc.constantFrom(0, 50_000, 100_000, 150_000).map((amount) => ({ amount, currency: 'CNY' })),
  });

  it('finds exactly the accounts a scan of every subscription finds, with or without term frequencies', () => {
    const frequencies = (key: string) => key.length;
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 30 }), fc.array(challenge, { minLength: 1, maxLength: 3 }), (ops, challenges) => {
        const matchers = [createSubscriptionIndex(), createSubscriptionIndex({ termFrequency: frequencies })];
        const scan = createSubscriptionScan();
        for (const op of ops) {
          for (const matcher of [...matchers, scan]) {
            if (op.kind === 'upsert') matcher.upsert(op.sub);
            else matcher.remove(op.id);
          }
        }
        for (const c of challenges) {
          const row = challengeRow(c);
          const expected = scan.match(row);
          for (const matcher of matchers) expect(matcher.match(row)).toEqual(expected);
          expect(expected.map((m) => m.accountId)).not.toContain('acc_owner');
        }
      }),
      { numRuns: 300 },
    );
  });
});
