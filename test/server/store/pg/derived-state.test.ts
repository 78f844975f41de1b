import { afterEach, describe, expect, it } from 'vitest';
import { attachChallengeIndex } from '../../../../server/search/challenge-index.js';
import { attachSubscriptionIndex } from '../../../../server/search/subscription-index.js';
import { openPgStore } from '../../../../server/store/pg/pg-store.js';
import type { TableName } from '../../../../server/store/rows.js';
import type { Store, Writers } from '../../../../server/store/store.js';
import { usePostgres } from '../../../support/postgres.js';
import { challenge, subscription } from '../contract/rows.js';

const cluster = usePostgres();
const opened: Store[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

async function twoInstances(): Promise<[Store, Store]> {
  const connectionString = await cluster().createDatabase();
  const stores = [await openPgStore({ connectionString }), await openPgStore({ connectionString })] as [Store, Store];
  opened.push(...stores);
  return stores;
}

/** Settles once `store` has delivered the commit of row `id` of `table` to its listeners. */
function delivered(store: Store, table: TableName, id: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = store.onCommit((changes) => {
      if (!changes.some((c) => c.table === table && c.id === id)) return;
      stop();
      resolve();
    });
  });
}

/**
 * `store`, except that reading every row of `table` is overtaken by another instance's commit (`write` on
 * `peer`): the read answers what it read before that commit, and answers only once `store` has delivered
 * the commit. A structure that subscribes to `onCommit` only after its read never learns of it.
 */
function overtaken<T extends TableName>(store: Store, peer: Store, table: T, id: string, write: (tx: Writers) => Promise<unknown>): Store {
  const reader = store.tables[table];
  const tables = {
    ...store.tables,
    [table]: {
      ...reader,
      all: async () => {
        const rows = await reader.all();
        const seen = delivered(store, table, id);
        await peer.transact(write);
        await seen;
        return rows;
      },
    },
  };
  return { tables, transact: (fn) => store.transact(fn), onCommit: (listener) => store.onCommit(listener), health: () => store.health(), close: () => store.close() };
}

describe('derived state on PostgreSQL: another instance commits while it is being built', () => {
  it('the challenge index holds a challenge committed by another instance between its read and its first commit', async () => {
    const [store, peer] = await twoInstances();
    await store.transact((tx) => tx.challenges.insert(challenge('chl_early', 'acc_1', { title: 'Perovskite encapsulation' })));
    const late = challenge('chl_late', 'acc_2', { title: 'Zircon ceramics', keywords: ['zircon'] });
    const { index, detach } = await attachChallengeIndex(overtaken(store, peer, 'challenges', late.id, (tx) => tx.challenges.insert(late)));
    try {
      expect(index.get('chl_early')?.title).toBe('Perovskite encapsulation');
      expect(index.get('chl_late')?.title).toBe('Zircon ceramics');
    } finally {
      await detach();
    }
  });

  it('the subscription index matches a subscription made on another instance while it was being built', async () => {
    const [store, peer] = await twoInstances();
    const late = { ...subscription('sub_late', 'acc_subscriber'), keywords: 'zircon' };
    const { index, detach } = await attachSubscriptionIndex(overtaken(store, peer, 'subscriptions', late.id, (tx) => tx.subscriptions.insert(late)));
    try {
      const published = challenge('chl_zircon', 'acc_owner', { title: 'Zircon ceramics for fuel cells', keywords: ['zircon'] });
      expect(index.match(published).map((m) => m.accountId)).toEqual(['acc_subscriber']);
    } finally {
      detach();
    }
  });
});
