import { describe, expect, it } from 'vitest';
import { packCallback } from '../../bot/callback-data.js';
import { HOUR } from '../support/fake-clock.js';
import { botHarness, type BotHarness } from '../support/telegram-bot.js';
import { accountOf } from '../support/telegram-fixtures.js';
import type { TelegramUser } from '../support/telegram-user.js';

/** Signs `u` in as the extension does with a code from /connect; the bearer token and its row id. */
async function signIn(h: BotHarness, u: TelegramUser, label?: string): Promise<{ token: string; id: string }> {
  const { code } = await h.runtime.services.accounts.createExchangeCode(await accountOf(h, u));
  const res = await h.runtime.call('POST', '/api/auth/exchange', { body: { code, ...(label ? { label } : {}) } });
  expect(res.status).toBe(200);
  const sessions = await h.runtime.services.accounts.listSessions(await accountOf(h, u));
  return { token: res.body.token, id: sessions[0]!.id };
}

const me = (h: BotHarness, token: string) => h.runtime.call('GET', '/api/me', { token }).then((r) => r.status);
const buttonLabels = (u: TelegramUser, messageId: number) => u.messages.find((m) => m.messageId === messageId)!.buttons.map((row) => row.map((b) => b.text));

describe('/sessions', () => {
  it('says so when nothing is signed in', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    const reply = await u.send('/sessions');
    expect(reply.sent).toEqual(['No browser extension or API sign-in uses your account. Send /connect for a code to sign in the extension.']);
    expect(reply.messages[0]!.buttons.flat()).toEqual([]);
  });

  it('lists each sign-in with when it was made and last used in the reader’s zone, never its secret', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    await u.send('/timezone Asia/Shanghai');
    const older = await signIn(h, u, 'Browser extension');
    h.runtime.clock.advance(HOUR);
    const newer = await signIn(h, u, 'Lab <PC>');
    await h.runtime.store.transact((tx) => tx.tokens.update(older.id, { lastUsedAt: '2026-11-01T12:30:00.000Z' }));

    const list = await u.send('/sessions');
    expect(list.sent).toEqual([
      [
        '🔑 <b>Extension and API sign-ins</b> (1–2 of 2)\nEach can use your account until it is signed out. Tap 🚪 <i>n</i> to sign one out.',
        '1. <b>Lab &lt;PC&gt;</b>\nsigned in 1 Nov 2026, 18:00 Beijing time · last used not yet',
        '2. <b>Browser extension</b>\nsigned in 1 Nov 2026, 17:00 Beijing time · last used 1 Nov 2026, 20:30 Beijing time',
      ].join('\n\n'),
    ]);
    expect(list.sent[0]).not.toContain(older.token);
    expect(list.sent[0]).not.toContain(newer.token.slice(3, 12));
    expect(list.messages[0]!.buttons.flat().map((b) => b.data).join(' ')).not.toContain(newer.token);
    expect(buttonLabels(u, list.messages[0]!.messageId)).toEqual([['🚪 1', '🚪 2'], ['🚪 Sign out everywhere']]);
  });

  it('revokes one after asking in the list’s own message; No keeps it; a sign-in already gone is refused as such', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    const kept = await signIn(h, u);
    h.runtime.clock.advance(HOUR);
    const revoked = await signIn(h, u, 'Browser extension');
    const list = await u.send('/sessions');
    const listId = list.messages[0]!.messageId;

    const asked = await u.press('🚪 1');
    expect(asked.sent).toEqual([]);
    expect(asked.edited).toEqual(['Sign out <b>Browser extension</b> (signed in 1 Nov 2026, 10:00 UTC)? Whatever uses it — the extension in that browser — must sign in again.']);
    const keep = await u.press('No, keep it');
    expect(keep.edited[0]).toContain('(1–2 of 2)');
    expect(await me(h, revoked.token)).toBe(200);

    await u.press('🚪 1');
    const yes = await u.press('Yes, sign it out');
    expect(yes.sent).toEqual([]);
    expect(yes.answers).toEqual([{ text: 'Signed out.', alert: false }]);
    expect(yes.edited[0]).toContain('(1–1 of 1)');
    expect(yes.edited[0]).toContain('1. <b>Browser extension</b>');
    expect(buttonLabels(u, listId)).toEqual([['🚪 1'], ['🚪 Sign out everywhere']]);
    expect(await me(h, revoked.token)).toBe(401);
    expect(await me(h, kept.token)).toBe(200);

    for (const confirmed of [false, true]) {
      const stale = await u.pressData(packCallback({ action: 'session-revoke', tokenId: revoked.id, confirmed, offset: 0 }), listId);
      expect(stale.answers).toEqual([{ text: 'That sign-in is already signed out.', alert: true }]);
      expect(stale.edited[0]).toContain('(1–1 of 1)');
    }
    // Someone else's sign-in is not theirs to see or revoke: it reads as gone, and stays signed in.
    const other = await h.registered(2);
    const othersToken = await signIn(h, other);
    expect((await u.pressData(packCallback({ action: 'session-revoke', tokenId: othersToken.id, confirmed: true, offset: 0 }), listId)).answers[0]!.alert).toBe(true);
    expect(await me(h, othersToken.token)).toBe(200);
  });

  it('signs out everywhere after asking, and the Telegram link stays', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { locale: 'zh' });
    const tokens = [await signIn(h, u), await signIn(h, u), await signIn(h, u)];
    const list = await u.send('/sessions');
    expect(list.sent[0]).toContain('（1–3，共 3 个）');
    const asked = await u.press('全部退出登录');
    expect(asked.edited).toEqual(['确定退出全部 3 个浏览器扩展及 API 登录吗？本聊天仍与您的账户保持关联。']);
    const done = await u.press('确定全部退出');
    expect(done.answers).toEqual([{ text: '已退出所有登录。本聊天仍与您的账户保持关联。', alert: false }]);
    expect(done.edited).toEqual(['目前没有浏览器扩展或 API 登录在使用您的账户。发送 /connect 可获取扩展登录码。']);
    for (const { token } of tokens) expect(await me(h, token)).toBe(401);
    expect((await accountOf(h, u)).telegram?.userId).toBe(1);
    expect((await u.send('/sessions')).sent[0]).toContain('目前没有');
    const again = await u.pressData(packCallback({ action: 'sessions-revoke-all', confirmed: true }), list.messages[0]!.messageId);
    expect(again.answers).toEqual([{ text: '已经没有可以退出的登录了。', alert: true }]);
  });
});
