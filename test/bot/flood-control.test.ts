import { Api } from 'grammy';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../bot/i18n.js';
import { createTelegramChannel } from '../../bot/telegram-channel.js';
import { createDispatcher } from '../../server/outbox/dispatcher.js';
import { botHarness, TEST_TOKEN, type BotHarness } from '../support/telegram-bot.js';
import { accountOf, answerProposal, postChallenge, proposing, submitBid } from '../support/telegram-fixtures.js';
import type { TelegramUser } from '../support/telegram-user.js';
import type { ApiCall } from '../support/telegram-stand-in.js';
import { withinLimit } from '../server/outbox/fakes.js';

const en = messagesFor('en');

/** An account made outside the bot (as the API makes them) and a /link code for it. */
async function linkCode(h: BotHarness, n: number): Promise<{ code: string; name: string }> {
  const name = `Web account ${n}`;
  const account = await h.runtime.services.accounts.registerTelegram({ userId: 900_000 + n, chatId: 900_000 + n, username: null }, { displayName: name, roles: ['researcher'], locale: 'en' });
  const { code } = await h.runtime.services.accounts.createLinkCode(account);
  return { code, name };
}

async function linkedAccountName(h: BotHarness, user: TelegramUser): Promise<string | undefined> {
  return (await h.runtime.services.accounts.findByTelegram(user.id))?.displayName;
}

/** The bot's messages (every attempt, refused or not), by chat. */
function sendsByChat(calls: readonly ApiCall[]): Map<string, number[]> {
  const byChat = new Map<string, number[]>();
  for (const call of calls) if (call.method === 'sendMessage') byChat.set(String(call.payload.chat_id), [...(byChat.get(String(call.payload.chat_id)) ?? []), call.at]);
  return byChat;
}

describe('the bot under a burst, against Telegram’s limits', () => {
  it('answers every one of 100 people who /link at once, within 30/s and 1/s per chat, through 429s', async () => {
    const h = await botHarness();
    const people = 100;
    const users = Array.from({ length: people }, (_, i) => h.user(1000 + i));
    const codes = await Promise.all(users.map((_, i) => linkCode(h, i)));
    // Stricter than the limits the bot keeps, so flood control answers 429 again and again in the burst.
    h.api.floodControl({ limit: 20, windowMs: 1000, retryAfterSeconds: 3 });
    const from = h.api.calls.length;

    // Each sends /link and, right after, /help: two answers due in the same chat.
    await Promise.all(users.map((u, i) => Promise.all([u.send(`/link ${codes[i]!.code}`), u.send('/help')])));

    const calls = h.api.calls.slice(from);
    expect(calls.filter((c) => c.method === 'sendMessage').length).toBeGreaterThan(2 * people); // some were refused and sent again
    for (const [i, u] of users.entries()) {
      const texts = u.messages.map((m) => m.text);
      expect(texts).toContain(en.link.linked(codes[i]!.name));
      expect(texts).not.toContain(en.errors.apology);
      expect(await linkedAccountName(h, u)).toBe(codes[i]!.name);
    }
    // Every attempt went out within the limits, by the flood clock the stand-in stamps calls with.
    const byChat = sendsByChat(calls);
    expect(withinLimit([...byChat.values()].flat(), 30, 1000)).toBe(true);
    for (const times of byChat.values()) expect(withinLimit(times, 1, 1000)).toBe(true);
    // After a 429 nothing was sent before its retry_after had passed.
    const refusedAt = calls.filter((c) => c.refusedWith === 429).map((c) => c.at);
    expect(refusedAt.length).toBeGreaterThan(0);
    for (const at of refusedAt) expect(calls.some((c) => c.method === 'sendMessage' && c.at > at && c.at < at + 3000)).toBe(false);
    expect(h.logs).toEqual([]);
  });

  it('a link that was made is never reported as failed, when its reply cannot be delivered', async () => {
    const h = await botHarness();
    // The 429 last: its wait, longer than the bot's patience, holds every later send back too.
    const refusals = [
      { error_code: 400, description: "Bad Request: can't parse entities" },
      { error_code: 403, description: 'Forbidden: bot was blocked by the user' },
      { error_code: 429, description: 'Too Many Requests: retry after 600', parameters: { retry_after: 600 } },
    ];
    for (const [i, refusal] of refusals.entries()) {
      const u = h.user(2000 + i);
      const { code, name } = await linkCode(h, 100 + i);
      h.api.failNext('sendMessage', refusal);
      const reaction = await u.send(`/link ${code}`);
      expect(reaction.sent).toEqual([]); // the reply was refused, and no apology followed it
      expect(await linkedAccountName(h, u)).toBe(name);
      expect(h.logs.at(-1)).toContain('was not delivered');
      expect(h.logs.at(-1)).toContain(String(refusal.error_code));
    }
    expect(h.logs).toHaveLength(refusals.length);
    const refusedAt = h.api.callsOf('sendMessage').at(-1)!.at;
    expect(h.flood.limiter.pausedUntil()).toBe(refusedAt + 600_000);
  });

  it('a bid sent from a form is not reported as failed when its receipt cannot be delivered', async () => {
    const { h, u } = await proposing();
    await answerProposal(u, { price: '300000', weeks: '24' });
    await u.press('No milestones');
    h.api.failNext('sendMessage', { error_code: 400, description: "Bad Request: can't parse entities" });
    const reaction = await u.press('Submit bid');
    expect(reaction.sent).toEqual([]);
    expect((await h.runtime.services.bids.listMine(await accountOf(h, u), { limit: 5 })).items).toHaveLength(1);
    expect(h.logs).toEqual([expect.stringContaining('was not delivered')]);
  });

  it('a reply whose turn would come too late is given up without being sent, and nothing claims the action failed', async () => {
    const h = await botHarness();
    const u = h.user(3000);
    const { code, name } = await linkCode(h, 200);
    h.flood.limiter.pauseUntil(h.flood.clock.now().getTime() + 10 * 60_000); // as after a long retry_after
    const from = h.api.calls.length;
    const reaction = await u.send(`/link ${code}`);
    expect(h.api.callsOf('sendMessage', from)).toEqual([]);
    expect(reaction.sent).toEqual([]);
    expect(await linkedAccountName(h, u)).toBe(name);
    expect(h.logs).toEqual([expect.stringContaining('sendMessage was not sent')]);
  });

  it('shares one limiter with the outbox: a notification and a reply to one chat go out a second apart', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const researcher = await h.registered(2);
    const challenge = await postChallenge(h, enterprise);
    const { clock } = h.flood;
    // The dispatcher must run on the limiter's clock; start it no earlier than the services' clock.
    if (h.runtime.clock.now() > clock.now()) clock.set(h.runtime.clock.now());
    const channel = createTelegramChannel({ api: new Api(TEST_TOKEN, { apiRoot: 'http://bot-api.test', fetch: h.api.fetch }), services: h.runtime.services, limiter: h.flood.limiter });
    const dispatcher = createDispatcher({ store: h.runtime.store, clock, channels: [channel], options: { startupPauseMs: 0 }, log: () => undefined });
    const from = h.api.calls.length;

    await enterprise.send('/help'); // a reply to the enterprise's chat, now
    await submitBid(h, researcher, challenge.id); // and a notification to the same chat, due now
    const first = await dispatcher.runOnce();
    expect(first.sent).toBe(0);
    expect(first.nextDueAt!.getTime()).toBe(h.api.callsOf('sendMessage', from)[0]!.at + 1000);
    clock.set(first.nextDueAt!);
    expect((await dispatcher.runOnce()).sent).toBe(1);
    await enterprise.send('/help'); // and the next reply waits for the notification's second to pass
    await dispatcher.stop();

    const times = h.api.callsOf('sendMessage', from).map((c) => c.at);
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1000);
  });

  it('tries a 5xx answer again after a wait, and a 429 on a call outside any chat (a button’s answer) after retry_after', async () => {
    const h = await botHarness();
    const u = await h.registered(5000);
    const { clock } = h.flood;
    h.api.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    const started = clock.now().getTime();
    expect((await u.send('/help')).sent).toHaveLength(1);
    expect(clock.now().getTime() - started).toBeGreaterThanOrEqual(1000);

    h.api.failNext('answerCallbackQuery', { error_code: 429, description: 'Too Many Requests: retry after 5', parameters: { retry_after: 5 } });
    const from = h.api.calls.length;
    const reaction = await u.pressData('v1:zz:garbage');
    expect(reaction.answers).toEqual([{ text: en.errors.staleButton, alert: true }, { text: en.errors.staleButton, alert: true }]); // refused, then taken
    const [refused, answered] = h.api.callsOf('answerCallbackQuery', from);
    expect(answered!.at - refused!.at).toBeGreaterThanOrEqual(5000);
    expect(h.logs).toEqual([]);
  });

  it('a failure of the action itself still gets the apology', async () => {
    const h = await botHarness();
    const u = await h.registered(4000);
    h.runtime.services.accounts.createExchangeCode = async () => {
      throw new Error('disk full');
    };
    expect((await u.send('/connect')).sent).toEqual([en.errors.apology]);
  });
});
