import { afterEach, describe, expect, it } from 'vitest';
import type { TableName } from '../../../../server/store/rows.js';
import type { Change, IndexName, IndexValue, Store } from '../../../../server/store/store.js';
import { account, achievement, bid, challenge, code, notification, paper, question, save, subscription, token } from './rows.js';

/** Two instances over the same, empty data. */
export interface StoreInstances {
  store: Store;
  /**
   * A second instance: another process's connection where the store is shared (PostgreSQL), the same
   * object where it is single-process by design (lowdb). Cases that involve it hold for both.
   */
  peer: Store;
}

/** Sorted ids, so that cases do not depend on the order a store answers in. */
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

/** Records every transaction delivered to `store`'s listeners, as `table:id:op` strings. */
function record(store: Store): { seen: string[][]; until(count: number): Promise<void> } {
  const seen: string[][] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  store.onCommit((changes) => {
    seen.push(changes.map(describeChange));
    for (const w of waiters.filter((w) => seen.length >= w.count)) w.resolve();
  });
  return {
    seen,
    /** Settles once `count` transactions were delivered (no deadline but the test's). */
    until: (count) => (seen.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
  };
}

function describeChange(c: Change): string {
  return `${c.table}:${c.id}:${c.before ? (c.after ? 'update' : 'remove') : 'insert'}`;
}

/**
 * The store contract: what the domain may rely on from any store. `open` gives fresh, empty instances for
 * each case; the suite closes them.
 */
export function describeStoreContract(name: string, open: () => Promise<StoreInstances>): void {
  describe(`store contract: ${name}`, () => {
    let opened: StoreInstances | undefined;
    const fresh = async () => (opened = await open());
    afterEach(async () => {
      await opened?.peer.close();
      await opened?.store.close();
      opened = undefined;
    });

    it('inserts, gets, updates (patch or function) and removes rows, handing them back frozen', async () => {
      const { store } = await fresh();
      const inserted = await store.transact((tx) => tx.challenges.insert(challenge('chl_1', 'acc_1')));
      expect(inserted).toEqual(challenge('chl_1', 'acc_1'));
      expect(Object.isFrozen(inserted)).toBe(true);
      const got = await store.tables.challenges.get('chl_1');
      expect(got).toEqual(challenge('chl_1', 'acc_1'));
      expect(Object.isFrozen(got)).toBe(true);
      expect(await store.tables.challenges.get('chl_missing')).toBeUndefined();

      const patched = await store.transact((tx) => tx.challenges.update('chl_1', { title: 'Patched' }));
      expect(patched).toEqual({ ...challenge('chl_1', 'acc_1'), title: 'Patched' });
      expect(Object.isFrozen(patched)).toBe(true);
      await store.transact((tx) => tx.challenges.update('chl_1', (row) => ({ ...row, counters: { ...row.counters, bids: row.counters.bids + 1 } })));
      expect((await store.tables.challenges.get('chl_1'))?.counters).toEqual({ bids: 1, saves: 0, questions: 0 });

      expect(await store.transact((tx) => tx.challenges.remove('chl_1'))).toBe(true);
      expect(await store.transact((tx) => tx.challenges.remove('chl_1'))).toBe(false);
      expect(await store.tables.challenges.get('chl_1')).toBeUndefined();
    });

    it('refuses a duplicate id, an update of a missing row and an update that changes the id, and the transaction goes on', async () => {
      const { store } = await fresh();
      await store.transact((tx) => tx.saves.insert(save('acc_1', 'chl_1')));
      await store.transact(async (tx) => {
        await expect(tx.saves.insert(save('acc_1', 'chl_1'))).rejects.toThrow(/exists/);
        await expect(tx.saves.update('acc_9:chl_9', { savedAt: 'x' })).rejects.toThrow(/no row/);
        await expect(tx.saves.update('acc_1:chl_1', (row) => ({ ...row, id: 'other' }))).rejects.toThrow(/id/);
        await tx.saves.insert(save('acc_2', 'chl_1'));
      });
      expect(ids(await store.tables.saves.all())).toEqual(['acc_1:chl_1', 'acc_2:chl_1']);
    });

    it('finds rows by every index, and follows updates and removals', async () => {
      const { store } = await fresh();
      await store.transact(async (tx) => {
        await tx.accounts.insert(account('acc_1', { telegram: { userId: 501, chatId: 1001, username: null, blocked: false } }));
        await tx.accounts.insert(account('acc_2', { email: null }));
        await tx.tokens.insert(token('tok_1', 'acc_1', 'h1'));
        await tx.tokens.insert(token('tok_2', 'acc_1', 'h2'));
        await tx.challenges.insert(challenge('chl_1', 'acc_1'));
        await tx.challenges.insert(challenge('chl_2', 'acc_1', { status: 'closed' }));
        await tx.challenges.insert(challenge('chl_3', 'acc_2'));
        await tx.bids.insert(bid('bid_1', 'chl_1', 'acc_2'));
        await tx.bids.insert(bid('bid_2', 'chl_3', 'acc_2', 'withdrawn'));
        await tx.questions.insert(question('qst_1', 'chl_1'));
        await tx.saves.insert(save('acc_1', 'chl_3'));
        await tx.saves.insert(save('acc_2', 'chl_3'));
        await tx.papers.insert(paper('pap_1', 'acc_2', 'doi:10.1/x'));
        await tx.papers.insert(paper('pap_2', 'acc_2', 'arxiv:2401.1'));
        await tx.subscriptions.insert(subscription('sub_1', 'acc_1'));
        await tx.notifications.insert(notification('ntf_pending', 'acc_1', { state: 'pending' }));
        await tx.notifications.insert(notification('ntf_retry', 'acc_1', { state: 'failed', nextAttemptAt: '2026-11-02T00:00:00.000Z' }));
        await tx.notifications.insert(notification('ntf_given_up', 'acc_1', { state: 'failed', nextAttemptAt: null }));
        await tx.notifications.insert(notification('ntf_sending', 'acc_2', { state: 'sending' }));
        await tx.notifications.insert(notification('ntf_sent', 'acc_2', { state: 'sent' }));
        await tx.notifications.insert(notification('ntf_no_channel', 'acc_2'));
        await tx.codes.insert(code('cod_1', 'acc_2', 'c1'));
        await tx.conversations.insert({ id: '501:501', version: '0.1', state: '{}', revision: 1, updatedAt: '2026-11-01T23:59:59.999Z' });
        await tx.telegram_updates.insert({ id: '42:7', receivedAt: '2026-11-02T00:00:00.000Z' });
        const at = '2026-11-02T00:00:00.000Z';
        await tx.reviewers.insert({ id: 'chl_1:acc_3', challengeId: 'chl_1', accountId: 'acc_3', via: 'account', conflicts: { organizations: [], people: [] }, assignedAt: at, removedAt: null });
        await tx.recusals.insert({ id: 'acc_3:bid_1', challengeId: 'chl_1', bidId: 'bid_1', accountId: 'acc_3', kind: 'manual', reason: 'co-author', recusedAt: at });
        await tx.scores.insert({ id: 'acc_3:bid_2:0', challengeId: 'chl_3', bidId: 'bid_2', accountId: 'acc_3', phase: 0, scores: [], createdAt: at, updatedAt: at });
        await tx.achievements.insert(achievement('ach_1', 'acc_2', 'listed'));
        await tx.achievements.insert(achievement('ach_2', 'acc_2', 'draft'));
        await tx.enquiries.insert({ id: 'enq_1', achievementId: 'ach_1', achievementOwnerId: 'acc_2', senderId: 'acc_1', message: 'We would like to license this', mode: 'joint-rd', offer: null, status: 'sent', feedback: null, createdAt: at, updatedAt: at });
        await tx.deals.insert({ id: 'del_1', subject: 'achievement', achievementId: 'ach_1', challengeId: null, ownerId: 'acc_2', title: 'A', counterparty: 'Buyer', mode: 'joint-rd', price: null, status: 'announced', announcedAt: at, objectionUntil: at, objections: [], transferredAt: null, updatedAt: at });
        await tx.deals.insert({ id: 'del_2', subject: 'challenge', achievementId: null, challengeId: 'chl_3', ownerId: 'acc_1', title: 'C', counterparty: 'Lab', mode: 'negotiable', price: null, status: 'transferred', announcedAt: at, objectionUntil: at, objections: [], transferredAt: at, updatedAt: at });
      });
      const expectations: { [T in TableName]: [IndexName<T>, IndexValue, string[]][] } = {
        accounts: [
          ['email', 'acc_1@example.org', ['acc_1']],
          ['email', 'nobody@example.org', []],
          ['telegramUserId', 501, ['acc_1']],
          ['telegramUserId', 502, []],
        ],
        tokens: [
          ['hash', 'h2', ['tok_2']],
          ['accountId', 'acc_1', ['tok_1', 'tok_2']],
        ],
        challenges: [
          ['ownerId', 'acc_1', ['chl_1', 'chl_2']],
          ['status', 'open', ['chl_1', 'chl_3']],
          ['status', 'closed', ['chl_2']],
        ],
        bids: [
          ['challengeId', 'chl_1', ['bid_1']],
          ['bidderId', 'acc_2', ['bid_1', 'bid_2']],
        ],
        questions: [['challengeId', 'chl_1', ['qst_1']]],
        saves: [
          ['accountId', 'acc_1', ['acc_1:chl_3']],
          ['challengeId', 'chl_3', ['acc_1:chl_3', 'acc_2:chl_3']],
        ],
        papers: [
          ['ownerId', 'acc_2', ['pap_1', 'pap_2']],
          ['ownerIdentity', 'acc_2 doi:10.1/x', ['pap_1']],
          ['ownerIdentity', 'acc_1 doi:10.1/x', []],
        ],
        subscriptions: [['accountId', 'acc_1', ['sub_1']]],
        notifications: [
          ['accountId', 'acc_2', ['ntf_no_channel', 'ntf_sending', 'ntf_sent']],
          ['pendingTelegram', 'waiting', ['ntf_pending', 'ntf_retry']],
          ['pendingTelegram', 'sending', ['ntf_sending']],
          ['unread', 'acc_1', ['ntf_given_up', 'ntf_pending', 'ntf_retry']],
        ],
        codes: [
          ['hash', 'c1', ['cod_1']],
          ['accountId', 'acc_2', ['cod_1']],
        ],
        conversations: [['day', '2026-11-01', ['501:501']]],
        telegram_updates: [
          ['day', '2026-11-02', ['42:7']],
          ['day', '2026-11-01', []],
        ],
        reviewers: [
          ['challengeId', 'chl_1', ['chl_1:acc_3']],
          ['accountId', 'acc_3', ['chl_1:acc_3']],
          ['accountId', 'acc_2', []],
        ],
        recusals: [['challengeId', 'chl_1', ['acc_3:bid_1']]],
        scores: [
          ['challengeId', 'chl_3', ['acc_3:bid_2:0']],
          ['challengeId', 'chl_1', []],
        ],
        achievements: [
          ['ownerId', 'acc_2', ['ach_1', 'ach_2']],
          ['status', 'listed', ['ach_1']],
        ],
        enquiries: [
          ['achievementId', 'ach_1', ['enq_1']],
          ['senderId', 'acc_1', ['enq_1']],
          ['achievementOwnerId', 'acc_2', ['enq_1']],
          ['senderId', 'acc_2', []],
        ],
        deals: [
          ['status', 'announced', ['del_1']],
          ['achievementId', 'ach_1', ['del_1']],
          ['status', 'contested', []],
        ],
      };
      for (const [table, cases] of Object.entries(expectations) as [TableName, [never, IndexValue, string[]][]][]) {
        for (const [index, value, expected] of cases) {
          const found = await store.tables[table].where(index, value);
          expect({ table, index, value, found: ids(found) }).toEqual({ table, index, value, found: expected });
          for (const row of found) expect(Object.isFrozen(row)).toBe(true);
        }
      }

      await store.transact(async (tx) => {
        await tx.challenges.update('chl_1', { status: 'closed' });
        await tx.notifications.update('ntf_pending', (n) => ({ ...n, deliveries: { telegram: { ...n.deliveries.telegram!, state: 'sending' } } }));
        await tx.accounts.update('acc_1', { email: 'new@example.org', telegram: null });
        await tx.tokens.remove('tok_2');
      });
      expect(ids(await store.tables.challenges.where('status', 'closed'))).toEqual(['chl_1', 'chl_2']);
      expect(ids(await store.tables.challenges.where('status', 'open'))).toEqual(['chl_3']);
      expect(ids(await store.tables.notifications.where('pendingTelegram', 'sending'))).toEqual(['ntf_pending', 'ntf_sending']);
      expect(ids(await store.tables.notifications.where('pendingTelegram', 'waiting'))).toEqual(['ntf_retry']);
      expect(await store.tables.accounts.where('email', 'acc_1@example.org')).toEqual([]);
      expect(ids(await store.tables.accounts.where('email', 'new@example.org'))).toEqual(['acc_1']);
      expect(await store.tables.accounts.where('telegramUserId', 501)).toEqual([]);
      expect(ids(await store.tables.tokens.where('accountId', 'acc_1'))).toEqual(['tok_1']);
      expect(await store.tables.tokens.where('hash', 'h2')).toEqual([]);
    });

    it('pages an index in list order after a cursor key, gets many ids at once and counts an index, in and out of transactions', async () => {
      const { store } = await fresh();
      const at = (minute: number) => `2026-11-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
      const bidAt = (id: string, bidderId: string, minute: number) => ({ ...bid(id, 'chl_1', bidderId, 'withdrawn'), createdAt: at(minute) });
      await store.transact(async (tx) => {
        // Inserted out of order, and two at the same minute: the id breaks the tie.
        for (const [id, minute] of [['bid_c', 3], ['bid_a', 1], ['bid_e', 5], ['bid_b', 3], ['bid_d', 4]] as const) {
          await tx.bids.insert(bidAt(id, 'acc_1', minute));
        }
        await tx.bids.insert(bidAt('bid_other', 'acc_2', 2));
      });
      const page = async (direction: 'asc' | 'desc', limit: number, after?: string) =>
        (await store.tables.bids.page('bidderId', 'acc_1', { direction, limit, ...(after ? { after } : {}) })).map((b) => b.id);
      expect(await page('desc', 3)).toEqual(['bid_e', 'bid_d', 'bid_c']);
      expect(await page('desc', 3, `${at(3)}|bid_c`)).toEqual(['bid_b', 'bid_a']);
      expect(await page('asc', 2)).toEqual(['bid_a', 'bid_b']);
      // The row a cursor names may be gone: the page goes on from where it sorted.
      expect(await page('asc', 10, `${at(3)}|bid_bb`)).toEqual(['bid_c', 'bid_d', 'bid_e']);
      expect(await page('desc', 10, `${at(0)}|x`)).toEqual([]);

      const many = await store.tables.bids.getMany(['bid_a', 'bid_missing', 'bid_other']);
      expect([...many.keys()].sort()).toEqual(['bid_a', 'bid_other']);
      expect(many.get('bid_a')).toEqual(bidAt('bid_a', 'acc_1', 1));
      expect(Object.isFrozen(many.get('bid_a'))).toBe(true);
      expect((await store.tables.bids.getMany([])).size).toBe(0);
      expect(await store.tables.bids.countWhere('bidderId', 'acc_1')).toBe(5);
      expect(await store.tables.bids.countWhere('bidderId', 'acc_9')).toBe(0);

      await store.transact(async (tx) => {
        await tx.bids.insert(bidAt('bid_f', 'acc_1', 6));
        await tx.bids.remove('bid_e');
        expect((await tx.bids.page('bidderId', 'acc_1', { direction: 'desc', limit: 2 })).map((b) => b.id)).toEqual(['bid_f', 'bid_d']);
        expect([...(await tx.bids.getMany(['bid_f', 'bid_e'])).keys()]).toEqual(['bid_f']);
        expect(await tx.bids.countWhere('bidderId', 'acc_1')).toBe(5);
      });
    });

    it('keeps every string exactly, those PostgreSQL cannot hold in jsonb included, in rows, ids and index values', async () => {
      const { store, peer } = await fresh();
      const strange = ['nul \u0000 inside', 'lone \ud800 high and \udfff low', 'private \ue000 use', '\ue000e000 escape-shaped', 'pair 🧪 kept', ''];
      const seen = record(peer);
      await store.transact(async (tx) => {
        for (const [i, text] of strange.entries()) await tx.challenges.insert(challenge(`chl_${i}${text}`, text, { title: text, keywords: [text] }));
      });
      await seen.until(1);
      for (const [i, text] of strange.entries()) {
        const id = `chl_${i}${text}`;
        expect((await store.tables.challenges.get(id))?.title).toBe(text);
        expect((await store.tables.challenges.where('ownerId', text)).map((c) => c.keywords)).toEqual([[text]]);
        expect([...(await store.tables.challenges.getMany([id])).keys()]).toEqual([id]);
      }
      expect(seen.seen[0]).toEqual(strange.map((text, i) => `challenges:chl_${i}${text}:insert`));
      await store.transact((tx) => tx.challenges.update('chl_0nul \u0000 inside', { summary: '\u0000' }));
      expect((await store.tables.challenges.get('chl_0nul \u0000 inside'))?.summary).toBe('\u0000');
      expect(await store.transact((tx) => tx.challenges.remove('chl_1lone \ud800 high and \udfff low'))).toBe(true);
      expect(await store.tables.challenges.count()).toBe(strange.length - 1);
    });

    it('lists and counts every row of a table', async () => {
      const { store } = await fresh();
      expect(await store.tables.subscriptions.all()).toEqual([]);
      expect(await store.tables.subscriptions.count()).toBe(0);
      await store.transact(async (tx) => {
        for (let i = 0; i < 30; i++) await tx.subscriptions.insert(subscription(`sub_${String(i).padStart(2, '0')}`, `acc_${i % 3}`));
      });
      await store.transact((tx) => tx.subscriptions.remove('sub_07'));
      const all = await store.tables.subscriptions.all();
      expect(all).toHaveLength(29);
      expect(all.every((row) => Object.isFrozen(row))).toBe(true);
      expect(ids(all)).not.toContain('sub_07');
      expect(await store.tables.subscriptions.count()).toBe(29);
    });

    it('undoes every write of a transaction that throws', async () => {
      const { store } = await fresh();
      await store.transact(async (tx) => {
        await tx.saves.insert(save('acc_1', 'chl_1'));
        await tx.saves.insert(save('acc_3', 'chl_1'));
      });
      await expect(
        store.transact(async (tx) => {
          await tx.saves.insert(save('acc_2', 'chl_1'));
          await tx.saves.update('acc_1:chl_1', { savedAt: 'changed' });
          await tx.saves.remove('acc_3:chl_1');
          throw new Error('no');
        }),
      ).rejects.toThrow('no');
      expect(await store.tables.saves.get('acc_2:chl_1')).toBeUndefined();
      expect((await store.tables.saves.get('acc_1:chl_1'))?.savedAt).toBe(save('acc_1', 'chl_1').savedAt);
      expect(await store.tables.saves.get('acc_3:chl_1')).toEqual(save('acc_3', 'chl_1'));
      expect(await store.tables.saves.where('accountId', 'acc_2')).toEqual([]);
      expect(await store.tables.saves.count()).toBe(2);
    });

    it('reads inside a transaction see its own writes', async () => {
      const { store } = await fresh();
      await store.transact(async (tx) => {
        await tx.saves.insert(save('acc_1', 'chl_1'));
        await tx.saves.update('acc_1:chl_1', { savedAt: 'later' });
        expect((await tx.saves.get('acc_1:chl_1'))?.savedAt).toBe('later');
        expect(ids(await tx.saves.where('challengeId', 'chl_1'))).toEqual(['acc_1:chl_1']);
        expect(await tx.saves.count()).toBe(1);
        await tx.saves.remove('acc_1:chl_1');
        expect(await tx.saves.all()).toEqual([]);
      });
    });

    it('joins a nested transaction to the outer one: one commit, and undone together', async () => {
      const { store } = await fresh();
      const { seen: commits } = record(store);
      await store.transact(async (tx) => {
        await tx.saves.insert(save('acc_1', 'chl_1'));
        const inner = await store.transact(async (nested) => {
          expect(await nested.saves.get('acc_1:chl_1')).toBeDefined();
          await nested.saves.insert(save('acc_2', 'chl_1'));
          return 'inner';
        });
        expect(inner).toBe('inner');
        expect(await tx.saves.get('acc_2:chl_1')).toBeDefined();
      });
      expect(commits).toEqual([['saves:acc_1:chl_1:insert', 'saves:acc_2:chl_1:insert']]);

      await expect(
        store.transact(async () => {
          await store.transact((nested) => nested.saves.insert(save('acc_3', 'chl_1')));
          throw new Error('outer fails after the inner one finished');
        }),
      ).rejects.toThrow('outer fails');
      expect(await store.tables.saves.get('acc_3:chl_1')).toBeUndefined();
      expect(commits).toHaveLength(1);
    });

    it('tells commit listeners once per committed transaction, with each row before and after', async () => {
      const { store } = await fresh();
      const changes: Change[][] = [];
      const stop = store.onCommit((c) => changes.push([...c]));
      await store.transact(async (tx) => {
        await tx.challenges.insert(challenge('chl_1', 'acc_1'));
        await tx.challenges.insert(challenge('chl_2', 'acc_1'));
      });
      await store.transact(async (tx) => {
        await tx.challenges.update('chl_1', { title: 'One' });
        await tx.challenges.update('chl_1', { title: 'Two' });
        await tx.challenges.remove('chl_2');
        await tx.saves.insert(save('acc_1', 'chl_9'));
        await tx.saves.remove('acc_1:chl_9');
      });
      await expect(store.transact(async (tx) => {
        await tx.challenges.insert(challenge('chl_3', 'acc_1'));
        throw new Error('rolled back');
      })).rejects.toThrow('rolled back');
      await store.transact(async (tx) => void (await tx.challenges.get('chl_1')));

      expect(changes).toHaveLength(2);
      expect(changes[0]).toEqual([
        { table: 'challenges', id: 'chl_1', before: null, after: challenge('chl_1', 'acc_1') },
        { table: 'challenges', id: 'chl_2', before: null, after: challenge('chl_2', 'acc_1') },
      ]);
      // The first-seen version and the last: the intermediate 'One' is no change of its own; a row inserted
      // and removed again is none at all.
      expect(changes[1]).toEqual([
        { table: 'challenges', id: 'chl_1', before: challenge('chl_1', 'acc_1'), after: { ...challenge('chl_1', 'acc_1'), title: 'Two' } },
        { table: 'challenges', id: 'chl_2', before: challenge('chl_2', 'acc_1'), after: null },
      ]);
      expect(Object.isFrozen(changes[1]![0]!.after)).toBe(true);

      stop();
      await store.transact((tx) => tx.challenges.insert(challenge('chl_4', 'acc_1')));
      expect(changes).toHaveLength(2);
    });

    it("delivers every instance's commits to every instance, once each and in one order", async () => {
      const { store, peer } = await fresh();
      const onStore = record(store);
      const onPeer = store === peer ? onStore : record(peer);
      for (let i = 0; i < 6; i++) {
        const by = i % 2 === 0 ? store : peer;
        await by.transact((tx) => tx.saves.insert(save(`acc_${i}`, 'chl_1')));
      }
      // An instance's own commit is delivered before its transact returns; another's follows it shortly.
      await Promise.all([onStore.until(6), onPeer.until(6)]);
      const expected = Array.from({ length: 6 }, (_, i) => [`saves:acc_${i}:chl_1:insert`]);
      expect(onStore.seen).toEqual(expected);
      expect(onPeer.seen).toEqual(expected);
    });

    it('lets exactly one of 20 concurrent check-then-write transactions write, across instances', async () => {
      const { store, peer } = await fresh();
      const registerIfAbsent = (by: Store, n: number) =>
        by.transact(async (tx) => {
          if ((await tx.accounts.where('email', 'same@example.org')).length > 0) return 'exists';
          await tx.accounts.insert(account(`acc_${n}`, { email: 'same@example.org' }));
          return 'inserted';
        });
      const results = await Promise.all(Array.from({ length: 20 }, (_, n) => registerIfAbsent(n % 2 === 0 ? store : peer, n)));
      expect(results.filter((r) => r === 'inserted')).toHaveLength(1);
      expect(results.filter((r) => r === 'exists')).toHaveLength(19);
      expect(await store.tables.accounts.where('email', 'same@example.org')).toHaveLength(1);
      expect(await peer.tables.accounts.count()).toBe(1);
    });

    it('keeps read-modify-write counters exact under concurrent increments, across instances', async () => {
      const { store, peer } = await fresh();
      await store.transact((tx) => tx.challenges.insert(challenge('chl_1', 'acc_1')));
      await Promise.all(
        Array.from({ length: 12 }, (_, n) =>
          (n % 2 === 0 ? store : peer).transact((tx) =>
            tx.challenges.update('chl_1', (c) => ({ ...c, counters: { ...c.counters, bids: c.counters.bids + 1 } })),
          ),
        ),
      );
      expect((await peer.tables.challenges.get('chl_1'))?.counters.bids).toBe(12);
    });
  });
}
