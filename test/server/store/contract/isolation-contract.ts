import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../server/store/store.js';
import { save } from './rows.js';

/**
 * Isolation every store gives: a transaction's writes are invisible to reads outside it until it commits,
 * and never visible if it rolls back.
 */
export function describeIsolationContract(name: string, open: () => Promise<Store>): void {
  describe(`store isolation contract: ${name}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('hides writes from reads outside the transaction until it commits, and for ever if it rolls back', async () => {
      const opened = (store = await open());
      await opened.transact((tx) => tx.saves.insert(save('acc_1', 'chl_1')));
      /** A transaction paused after its writes until told whether to commit. */
      const paused = () => {
        let wrote!: () => void;
        let finish!: (commit: boolean) => void;
        const written = new Promise<void>((resolve) => (wrote = resolve));
        const decided = new Promise<boolean>((resolve) => (finish = resolve));
        const done = opened.transact(async (tx) => {
          await tx.saves.insert(save('acc_2', 'chl_1'));
          await tx.saves.update('acc_1:chl_1', { savedAt: 'changed' });
          wrote();
          if (!(await decided)) throw new Error('rolled back');
        });
        return { written, finish, done };
      };
      const unseen = async () => {
        expect(await opened.tables.saves.get('acc_2:chl_1')).toBeUndefined();
        expect(await opened.tables.saves.where('accountId', 'acc_2')).toEqual([]);
        expect((await opened.tables.saves.get('acc_1:chl_1'))?.savedAt).not.toBe('changed');
        expect(await opened.tables.saves.count()).toBe(1);
      };

      const rolledBack = paused();
      await rolledBack.written;
      await unseen();
      rolledBack.finish(false);
      await expect(rolledBack.done).rejects.toThrow('rolled back');
      await unseen();

      const committed = paused();
      await committed.written;
      await unseen();
      committed.finish(true);
      await committed.done;
      expect(await opened.tables.saves.get('acc_2:chl_1')).toEqual(save('acc_2', 'chl_1'));
      expect((await opened.tables.saves.get('acc_1:chl_1'))?.savedAt).toBe('changed');
    });
  });
}
