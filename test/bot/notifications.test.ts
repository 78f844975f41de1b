import { describe, expect, it } from 'vitest';
import { packCallback } from '../../bot/callback-data.js';
import { notify, type NotifyArgs } from '../../server/domain/notifications.js';
import { MINUTE } from '../support/fake-clock.js';
import { botHarness, type BotHarness } from '../support/telegram-bot.js';
import { accountOf } from '../support/telegram-fixtures.js';
import type { TelegramUser } from '../support/telegram-user.js';

/** Notifications recorded for `u` as the domain records them, a minute apart, oldest first. */
async function notifyAll(h: BotHarness, u: TelegramUser, items: Omit<NotifyArgs, 'accountId'>[]) {
  const accountId = (await accountOf(h, u)).id;
  const rows = [];
  for (const item of items) {
    h.runtime.clock.advance(MINUTE);
    rows.push(await h.runtime.store.transact((tx) => notify(tx, h.runtime.clock, { accountId, ...item })));
  }
  return rows;
}

const challenge = (title: string) => ({ id: 'chl_aaaaaaaaaaaa', title });
const buttonLabels = (u: TelegramUser, messageId: number) => u.messages.find((m) => m.messageId === messageId)!.buttons.map((row) => row.map((b) => b.text));

describe('/notifications', () => {
  it('says so when there are none', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    expect((await u.send('/notifications')).sent).toEqual(['You have no notifications yet. New matches, bids, answers and awards will be listed here.']);
  });

  it('lists unread first in one message, one line each in the reader’s zone, and marks one read in place', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    await u.send('/timezone Asia/Tokyo');
    const [first, second, third] = await notifyAll(h, u, [
      { kind: 'bid-received', challenge: challenge('Solid <state> batteries') },
      { kind: 'question', challenge: challenge('Perovskite cells') },
      { kind: 'bid-status', challenge: challenge('Membranes'), bidStatus: 'shortlisted' },
    ]);
    await h.runtime.services.notifications.markRead(await accountOf(h, u), { ids: [second!.id] });

    const list = await u.send('/notifications');
    expect(list.sent).toEqual([
      [
        '🔔 <b>Notifications</b> (1–3) · 🔵 2 unread\nTap ✓ <i>n</i> to mark one read.',
        '1. 🔵 📄 Your bid on “Membranes” is now shortlisted ⭐\n<i>1 Nov 2026, 18:03 Asia/Tokyo</i>',
        '2. 🔵 📥 New bid on “Solid &lt;state&gt; batteries”\n<i>1 Nov 2026, 18:01 Asia/Tokyo</i>',
        '3. ❓ New question on “Perovskite cells”\n<i>1 Nov 2026, 18:02 Asia/Tokyo</i>',
      ].join('\n\n'),
    ]);
    const listId = list.messages[0]!.messageId;
    expect(buttonLabels(u, listId)).toEqual([['✓ 1', '✓ 2'], ['✓ Mark all read']]);

    const marked = await u.press('✓ 1');
    expect(marked.sent).toEqual([]);
    expect(marked.answers).toEqual([{ text: 'Marked read.', alert: false }]);
    expect(marked.edited[0]).toContain('(1–3) · 🔵 1 unread');
    expect(marked.edited[0]).toContain('1. 🔵 📥 New bid on “Solid &lt;state&gt; batteries”');
    expect(marked.edited[0]).toContain('2. 📄 Your bid on “Membranes” is now shortlisted ⭐');
    expect(buttonLabels(u, listId)).toEqual([['✓ 1'], ['✓ Mark all read']]);
    expect((await h.runtime.services.notifications.list(await accountOf(h, u), { limit: 10, unread: true })).items.map((n) => n.id)).toEqual([first!.id]);

    const again = await u.pressData(packCallback({ action: 'notification-read', notificationId: third!.id, offset: 0 }), listId);
    expect(again.answers).toEqual([{ text: 'That one was already read.', alert: true }]);
    expect(again.sent).toEqual([]);
  });

  it('Mark all read clears every unread marker and its buttons, in the same message', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { locale: 'zh' });
    await notifyAll(h, u, [
      { kind: 'award', challenge: challenge('固态电池') },
      { kind: 'review-assigned', challenge: challenge('膜材料') },
    ]);
    const list = await u.send('/notifications');
    expect(list.sent[0]).toContain('🔔 <b>通知</b>（1–2）· 🔵 2 条未读');
    expect(list.sent[0]).toContain('1. 🔵 🧑‍⚖️ <b>您受邀评审「膜材料」</b>');
    expect(list.sent[0]).toContain('2. 🔵 🏆 您对「固态电池」的投标中标了\n<i>2026年11月1日 17:01 北京时间</i>');
    const all = await u.press('全部标为已读');
    expect(all.answers).toEqual([{ text: '已将 2 条通知标为已读。', alert: false }]);
    expect(all.edited[0]).toContain('（1–2）· 全部已读');
    expect(all.edited[0]).not.toContain('🔵');
    expect(buttonLabels(u, list.messages[0]!.messageId).flat()).toEqual([]);
    expect((await h.runtime.services.notifications.list(await accountOf(h, u), { limit: 10, unread: true })).unread).toBe(0);
  });

  it('pages unread first across pages with Prev / Next edited in place', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    const rows = await notifyAll(
      h,
      u,
      ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((title) => ({ kind: 'cancelled' as const, challenge: challenge(title) })),
    );
    // The newest is read: it goes after every unread one, on the second page.
    await h.runtime.services.notifications.markRead(await accountOf(h, u), { ids: [rows[6]!.id] });
    const list = await u.send('/notifications');
    expect(list.sent[0]).toContain('(1–5) · 🔵 6 unread');
    expect(list.sent[0]).toMatch(/1\. 🔵 ✖️ “F” was cancelled[\s\S]*5\. 🔵 ✖️ “B” was cancelled/);
    const next = await u.press('Next');
    expect(next.sent).toEqual([]);
    expect(next.edited[0]).toMatch(/\(6–7\)[\s\S]*6\. 🔵 ✖️ “A” was cancelled[\s\S]*7\. ✖️ “G” was cancelled/);
    expect(buttonLabels(u, list.messages[0]!.messageId)).toEqual([['✓ 6'], ['◂ Prev'], ['✓ Mark all read']]);
    const marked = await u.press('✓ 6');
    expect(marked.edited[0]).toContain('(6–7) · 🔵 5 unread');
    expect((await u.press('Prev')).edited[0]).toContain('(1–5)');
  });
});
