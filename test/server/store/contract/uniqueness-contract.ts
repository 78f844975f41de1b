import { afterEach, describe, expect, it } from 'vitest';
import { UniqueViolationError, type Store, type UniqueConstraint, type Writers } from '../../../../server/store/store.js';
import { account, bid, code, paper, save, token } from './rows.js';

interface Rule {
  constraint: UniqueConstraint;
  /** Writes that keep the rule. */
  first: (tx: Writers) => Promise<unknown>;
  /** A write that breaks it, after `first`. */
  breaking: (tx: Writers) => Promise<unknown>;
}

const telegram = (userId: number) => ({ userId, chatId: userId, username: null, blocked: false });

const RULES: Rule[] = [
  {
    constraint: 'accounts_email',
    // Accounts without an email do not collide.
    first: async (tx) => {
      await tx.accounts.insert(account('acc_1', { email: 'a@example.org' }));
      await tx.accounts.insert(account('acc_2', { email: null }));
      await tx.accounts.insert(account('acc_3', { email: null }));
    },
    breaking: (tx) => tx.accounts.insert(account('acc_4', { email: 'a@example.org' })),
  },
  {
    constraint: 'accounts_telegram_user_id',
    first: async (tx) => {
      await tx.accounts.insert(account('acc_1', { telegram: telegram(7) }));
      await tx.accounts.insert(account('acc_2', { telegram: null }));
      await tx.accounts.insert(account('acc_3', { telegram: null }));
    },
    breaking: (tx) => tx.accounts.update('acc_2', { telegram: telegram(7) }),
  },
  {
    constraint: 'tokens_hash',
    first: (tx) => tx.tokens.insert(token('tok_1', 'acc_1', 'h')),
    breaking: (tx) => tx.tokens.insert(token('tok_2', 'acc_2', 'h')),
  },
  {
    constraint: 'codes_hash',
    first: (tx) => tx.codes.insert(code('cod_1', 'acc_1', 'c')),
    breaking: (tx) => tx.codes.insert(code('cod_2', 'acc_2', 'c')),
  },
  {
    constraint: 'bids_one_live_per_bidder',
    // Bids no longer live (withdrawn, rejected, awarded) do not count, and other challenges are apart.
    first: async (tx) => {
      await tx.bids.insert(bid('bid_1', 'chl_1', 'acc_1', 'withdrawn'));
      await tx.bids.insert(bid('bid_2', 'chl_1', 'acc_1', 'rejected'));
      await tx.bids.insert(bid('bid_3', 'chl_1', 'acc_1', 'submitted'));
      await tx.bids.insert(bid('bid_4', 'chl_2', 'acc_1', 'shortlisted'));
    },
    breaking: (tx) => tx.bids.insert(bid('bid_5', 'chl_1', 'acc_1', 'shortlisted')),
  },
  {
    constraint: 'saves_one_per_account',
    first: (tx) => tx.saves.insert(save('acc_1', 'chl_1')),
    breaking: (tx) => tx.saves.insert({ ...save('acc_1', 'chl_1'), id: 'another-id' }),
  },
  {
    constraint: 'papers_owner_identity',
    // The same paper in another researcher's library is no duplicate.
    first: async (tx) => {
      await tx.papers.insert(paper('pap_1', 'acc_1', 'doi:10.1/x'));
      await tx.papers.insert(paper('pap_2', 'acc_2', 'doi:10.1/x'));
    },
    breaking: (tx) => tx.papers.insert(paper('pap_3', 'acc_1', 'doi:10.1/x')),
  },
];

/**
 * The uniqueness rules every store enforces (issue 9): a breaking write rejects with UniqueViolationError
 * naming the rule, and its whole transaction is undone, even when its function catches the error.
 */
export function describeUniquenessContract(name: string, open: () => Promise<Store>): void {
  describe(`store uniqueness contract: ${name}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('rejects the transaction even when its function catches the violation', async () => {
      const opened = (store = await open());
      await opened.transact((tx) => tx.tokens.insert(token('tok_1', 'acc_1', 'h')));
      const error = await opened
        .transact(async (tx) => {
          await tx.saves.insert(save('acc_witness', 'chl_witness'));
          await tx.tokens.insert(token('tok_2', 'acc_2', 'h')).catch(() => undefined);
          return 'swallowed';
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UniqueViolationError);
      expect(await opened.tables.saves.get('acc_witness:chl_witness')).toBeUndefined();
    });

    it('lets a row keep its own key, and frees a key its row gave up', async () => {
      const opened = (store = await open());
      await opened.transact((tx) => tx.bids.insert(bid('bid_1', 'chl_1', 'acc_1', 'submitted')));
      await opened.transact((tx) => tx.bids.update('bid_1', { summary: 'revised' }));
      await opened.transact((tx) => tx.bids.update('bid_1', { status: 'withdrawn' }));
      await opened.transact((tx) => tx.bids.insert(bid('bid_2', 'chl_1', 'acc_1', 'submitted')));
      expect((await opened.tables.bids.where('bidderId', 'acc_1')).map((b) => b.status).sort()).toEqual(['submitted', 'withdrawn']);
    });

    for (const rule of RULES) {
      it(`enforces ${rule.constraint}, undoing the whole transaction`, async () => {
        const opened = (store = await open());
        await opened.transact(rule.first);
        const changes: unknown[] = [];
        opened.onCommit((c) => changes.push(c));
        const error = await opened
          .transact(async (tx) => {
            await tx.saves.insert(save('acc_witness', 'chl_witness'));
            await rule.breaking(tx);
          })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UniqueViolationError);
        expect((error as UniqueViolationError).constraint).toBe(rule.constraint);
        expect(await opened.tables.saves.get('acc_witness:chl_witness')).toBeUndefined();
        expect(changes).toEqual([]);
      });
    }
  });
}
