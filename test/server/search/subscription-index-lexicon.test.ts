import { describe, expect, it, vi } from 'vitest';
import { subscriptionRow } from './fixtures.js';

const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../server/search/lexicon.js', async (original) => {
  const actual = await original<typeof import('../../../server/search/lexicon.js')>();
  return {
    ...actual,
    serverLexicon: () => {
      built.count++;
      return actual.serverLexicon();
    },
  };
});

const { createSubscriptionIndex } = await import('../../../server/search/subscription-index.js');

describe('the subscription index at start-up', () => {
  it('leaves the server lexicon unbuilt until a subscription is filed', () => {
    const index = createSubscriptionIndex();
    expect(built.count).toBe(0);
    index.upsert(subscriptionRow({ id: 'sub_1', accountId: 'acc_1', keywords: 'perovskite' }));
    expect(built.count).toBeGreaterThan(0);
    expect(index.size).toBe(1);
  });
});
