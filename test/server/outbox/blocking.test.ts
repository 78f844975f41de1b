import { describe, expect, it } from 'vitest';
import { setTelegramBlocked } from '../../../server/outbox/blocking.js';
import { openLowdbStore } from '../../../server/store/lowdb-store.js';
import { FakeClock, HOUR } from '../../support/fake-clock.js';
import { tempDir } from '../../support/temp-dir.js';
import { account, notification, seed, telegramOf } from './fakes.js';

async function setup() {
  const store = await openLowdbStore({ dataDir: await tempDir() });
  const clock = new FakeClock('2026-11-01T09:00:00.000Z');
  const t = clock.now().getTime();
  await seed(store, [account(1), account(2, 'none')], [
    notification('ntf_pending', 'acc_1', new Date(t)),
    notification('ntf_retrying', 'acc_1', new Date(t - HOUR), { state: 'failed', attempts: 2, nextAttemptAt: new Date(t + HOUR).toISOString(), lastError: '502' }),
    notification('ntf_sent', 'acc_1', new Date(t - 2 * HOUR), { state: 'sent', attempts: 1, nextAttemptAt: null, sentAt: new Date(t).toISOString() }),
  ]);
  return { store, clock };
}

describe('setTelegramBlocked', () => {
  it('marks the link blocked and skips every waiting Telegram delivery of the account, leaving the rest', async () => {
    const { store, clock } = await setup();
    clock.advance(HOUR);
    expect(await setTelegramBlocked({ store, clock }, 'acc_1', true)).toBe(true);
    const acc = await store.tables.accounts.get('acc_1');
    expect(acc).toMatchObject({ telegram: { chatId: 1001, blocked: true }, updatedAt: clock.now().toISOString() });
    expect(await telegramOf(store, 'ntf_pending')).toMatchObject({ state: 'skipped', attempts: 0, nextAttemptAt: null, lastError: 'blocked' });
    expect(await telegramOf(store, 'ntf_retrying')).toMatchObject({ state: 'skipped', attempts: 2, nextAttemptAt: null, lastError: 'blocked' });
    expect(await telegramOf(store, 'ntf_sent')).toMatchObject({ state: 'sent', lastError: null });
    expect(await store.tables.notifications.where('pendingTelegram', 'waiting')).toEqual([]);
  });

  it('unblocks the link without reviving skipped deliveries', async () => {
    const { store, clock } = await setup();
    await setTelegramBlocked({ store, clock }, 'acc_1', true);
    expect(await setTelegramBlocked({ store, clock }, 'acc_1', false)).toBe(true);
    expect((await store.tables.accounts.get('acc_1'))!.telegram!.blocked).toBe(false);
    expect(await telegramOf(store, 'ntf_pending')).toMatchObject({ state: 'skipped', lastError: 'blocked' });
  });

  it('changes nothing for an account without a Telegram link or that does not exist', async () => {
    const { store, clock } = await setup();
    let commits = 0;
    store.onCommit(() => commits++);
    expect(await setTelegramBlocked({ store, clock }, 'acc_2', true)).toBe(false);
    expect(await setTelegramBlocked({ store, clock }, 'acc_404', true)).toBe(false);
    expect(commits).toBe(0);
  });

  it("joins the caller's transaction, so it is undone with it", async () => {
    const { store, clock } = await setup();
    await expect(
      store.transact(async () => {
        await setTelegramBlocked({ store, clock }, 'acc_1', true);
        throw new Error('the update handler failed');
      }),
    ).rejects.toThrow('the update handler failed');
    expect((await store.tables.accounts.get('acc_1'))!.telegram!.blocked).toBe(false);
    expect(await telegramOf(store, 'ntf_pending')).toMatchObject({ state: 'pending' });
  });
});
