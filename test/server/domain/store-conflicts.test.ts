import { describe, expect, it } from 'vitest';
import { DomainError, StoreUnavailableError } from '../../../server/domain/errors.js';
import { withConflictRefusals } from '../../../server/domain/store-conflicts.js';
import type { AccountRow } from '../../../server/store/rows.js';
import { tempDir } from '../../support/temp-dir.js';
import { openTestStore } from '../../support/test-store.js';

const account = (id: string, email: string) => ({ id, email, telegram: null }) as unknown as AccountRow;

describe('withConflictRefusals', () => {
  it('turns a broken uniqueness rule into a 409 naming the rule, and passes other errors through', async () => {
    const { store, discard } = await openTestStore(await tempDir());
    try {
      const refusing = withConflictRefusals(store);
      await refusing.transact((tx) => tx.accounts.insert(account('acc_1', 'a@example.org')));
      const error = await refusing.transact((tx) => tx.accounts.insert(account('acc_2', 'a@example.org'))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'conflict', message: 'An account with this email exists; sign in instead', details: { constraint: 'accounts_email' } });
      const unavailable = new StoreUnavailableError('disk full');
      await expect(refusing.transact(() => Promise.reject(unavailable))).rejects.toBe(unavailable);
      expect(await refusing.tables.accounts.count()).toBe(1);
    } finally {
      await store.close();
      await discard();
    }
  });
});
