import { Api } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../bot/telegram-channel.js';
import { DeliveryError } from '../../server/outbox/channel.js';
import { createDispatcher } from '../../server/outbox/dispatcher.js';
import { sendDeadlineReminders } from '../../server/domain/reminders.js';
import type { NotificationRow } from '../../server/store/rows.js';
import { botHarness, TEST_TOKEN, type BotHarness } from '../support/telegram-bot.js';
import { accountOf, postChallenge, submitBid } from '../support/telegram-fixtures.js';
import { BotApiStandIn } from '../support/telegram-stand-in.js';
import type { TelegramUser } from '../support/telegram-user.js';

async function setup() {
  const h = await botHarness();
  const enterprise = await h.registered(1, { roles: 'enterprise', firstName: 'Acme' });
  const researcher = await h.registered(2, { firstName: 'Ada' });
  const zhResearcher = await h.registered(3, { firstName: '王', locale: 'zh' });
  const challenge = await postChallenge(h, enterprise);
  const outbox = new BotApiStandIn();
  const channel = createTelegramChannel({ api: new Api(TEST_TOKEN, { apiRoot: 'http://bot-api.test', fetch: outbox.fetch }), services: h.runtime.services });
  return { h, enterprise, researcher, zhResearcher, challenge, outbox, channel };
}

async function notificationsOf(h: BotHarness, user: TelegramUser, kind?: NotificationRow['kind']) {
  const rows = await h.runtime.store.tables.notifications.where('accountId', (await accountOf(h, user)).id);
  return rows.filter((n) => !kind || n.kind === kind);
}

/** Sends the newest notification of `kind` to `user` through the channel and returns the sendMessage payload. */
async function deliver(ctx: Awaited<ReturnType<typeof setup>>, user: TelegramUser, kind: NotificationRow['kind']) {
  const [row] = (await notificationsOf(ctx.h, user, kind)).slice(-1);
  if (!row) throw new Error(`no ${kind} notification`);
  const from = ctx.outbox.calls.length;
  await ctx.channel.send(row, await accountOf(ctx.h, user));
  const [call] = ctx.outbox.callsOf('sendMessage', from);
  const buttons = (call!.payload.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text);
  return { ...call!.payload, buttons } as { chat_id: number; text: string; parse_mode: string; buttons: string[] };
}

function matchRow(challengeId: string, accountId: string): NotificationRow {
  return {
    id: 'ntf_match0000001',
    accountId,
    kind: 'match',
    challengeId,
    challengeTitle: 'Battery recycling at scale',
    bidId: null,
    questionId: null,
    bidStatus: null,
    read: false,
    createdAt: '2026-11-01T09:00:00.000Z',
    deliveries: { telegram: { state: 'sending', attempts: 1, nextAttemptAt: null, lastError: null, sentAt: null } },
  };
}

describe('the Telegram channel renders every notification kind with its buttons', () => {
  it('match: the challenge card with Save, Details, Propose, Ask — in the account’s language', async () => {
    const ctx = await setup();
    const from = ctx.outbox.calls.length;
    await ctx.channel.send(matchRow(ctx.challenge.id, (await accountOf(ctx.h, ctx.researcher)).id), await accountOf(ctx.h, ctx.researcher));
    const [call] = ctx.outbox.callsOf('sendMessage', from);
    expect(call!.payload).toMatchObject({ chat_id: 2, parse_mode: 'HTML' });
    expect(call!.payload.text).toContain('New challenge matching your alert');
    expect(call!.payload.text).toContain('<b>Battery recycling at scale</b>');
    expect(call!.payload.reply_markup.inline_keyboard.flat().map((b: { text: string }) => b.text)).toEqual(['⭐ Save', 'ℹ️ Details', '✍️ Propose', '❓ Ask']);

    await ctx.channel.send(matchRow(ctx.challenge.id, (await accountOf(ctx.h, ctx.zhResearcher)).id), await accountOf(ctx.h, ctx.zhResearcher));
    const [zh] = ctx.outbox.callsOf('sendMessage', from + 1);
    expect(zh!.payload.text).toContain('有新需求匹配您的提醒');
    expect(zh!.payload.reply_markup.inline_keyboard.flat().map((b: { text: string }) => b.text)).toEqual(['⭐ 收藏', 'ℹ️ 详情', '✍️ 投标', '❓ 提问']);
  });

  it('match: says why it matched — the subscription and the terms that met', async () => {
    const ctx = await setup();
    const researcher = await accountOf(ctx.h, ctx.researcher);
    await ctx.h.runtime.services.subscriptions.create(researcher, { keywords: 'battery recycling' });
    const from = ctx.outbox.calls.length;
    await ctx.channel.send(matchRow(ctx.challenge.id, researcher.id), researcher);
    const [call] = ctx.outbox.callsOf('sendMessage', from);
    const text = String(call!.payload.text);
    expect(text.split('\n', 1)[0]).toBe('🔔 <b>New challenge matching your alert</b>');
    expect(text).toContain('Why it matched:\n• Your subscription “battery recycling”: ');
    expect(text).toMatch(/battery|recycling/);
  });

  it('bid-received: the bid for the enterprise with Shortlist / Not selected / Award', async () => {
    const ctx = await setup();
    await submitBid(ctx.h, ctx.researcher, ctx.challenge.id);
    const message = await deliver(ctx, ctx.enterprise, 'bid-received');
    expect(message.chat_id).toBe(1);
    expect(message.text).toContain('New bid on “Battery recycling at scale”');
    expect(message.text).toContain('👤 Ada');
    expect(message.text).toContain('CN¥300,000');
    expect(message.buttons).toEqual(['⭐ Shortlist', '✖️ Not selected', '🏆 Award']);
  });

  it('bid-status, award: the bidder hears of every change, with feedback or a kind word', async () => {
    const ctx = await setup();
    const { services } = ctx.h.runtime;
    const owner = await accountOf(ctx.h, ctx.enterprise);
    const bid = await submitBid(ctx.h, ctx.researcher, ctx.challenge.id);
    const zhBid = await submitBid(ctx.h, ctx.zhResearcher, ctx.challenge.id);
    await services.bids.shortlist(owner, bid.id);
    const shortlisted = await deliver(ctx, ctx.researcher, 'bid-status');
    expect(shortlisted.text).toContain('is now <b>shortlisted ⭐</b>');
    expect(shortlisted.buttons).toEqual(['📄 My bids']);

    await services.bids.award(owner, ctx.challenge.id, { bidId: bid.id, note: 'Great <work>' });
    const award = await deliver(ctx, ctx.researcher, 'award');
    expect(award.text).toContain('Congratulations! Your bid on “Battery recycling at scale” won</b> — CN¥300,000');
    expect(award.text).toContain('Note from the enterprise: <i>Great &lt;work&gt;</i>');
    const rejected = await deliver(ctx, ctx.zhResearcher, 'bid-status');
    expect(rejected.text).toContain('未予采纳');
    expect(rejected.text).toContain('企业这次选择了其他方向');
    expect(rejected.buttons).toEqual(['📄 我的投标']);
    expect(zhBid.id).toBeTruthy();
  });

  it('bid-status with feedback shows it', async () => {
    const ctx = await setup();
    const bid = await submitBid(ctx.h, ctx.researcher, ctx.challenge.id);
    await ctx.h.runtime.services.bids.reject(await accountOf(ctx.h, ctx.enterprise), bid.id, { feedback: 'Too slow for us.' });
    expect((await deliver(ctx, ctx.researcher, 'bid-status')).text).toContain('Feedback: <i>Too slow for us.</i>');
  });

  it('question and answer: Answer for the enterprise, Details for the asker', async () => {
    const ctx = await setup();
    const { services } = ctx.h.runtime;
    const question = await services.questions.ask(await accountOf(ctx.h, ctx.researcher), ctx.challenge.id, { text: 'Is cobalt required?' });
    const asked = await deliver(ctx, ctx.enterprise, 'question');
    expect(asked.text).toContain('<i>Is cobalt required?</i>');
    expect(asked.buttons).toEqual(['💬 Answer']);
    await services.questions.answer(await accountOf(ctx.h, ctx.enterprise), question.id, { answer: 'Yes.' });
    const answered = await deliver(ctx, ctx.researcher, 'answer');
    expect(answered.text).toContain('was answered');
    expect(answered.text).toContain('Yes.');
    expect(answered.buttons).toEqual(['ℹ️ Details']);
  });

  it('deadline and cancelled reach savers with the right words', async () => {
    const ctx = await setup();
    const { services, clock, store } = ctx.h.runtime;
    await services.library.save(await accountOf(ctx.h, ctx.researcher), ctx.challenge.id);
    clock.set('2026-12-31T01:00:00.000Z');
    await sendDeadlineReminders({ store, clock });
    const deadline = await deliver(ctx, ctx.researcher, 'deadline');
    expect(deadline.text).toContain('closes in less than 24 hours');
    expect(deadline.text).toContain('22 hours left');
    expect(deadline.buttons).toContain('✍️ Propose');
    await services.challenges.cancel(await accountOf(ctx.h, ctx.enterprise), ctx.challenge.id);
    const cancelled = await deliver(ctx, ctx.researcher, 'cancelled');
    expect(cancelled.text).toContain('was cancelled</b> by the enterprise');
  });
});

describe('the Telegram channel tells the dispatcher how a failure should be treated', () => {
  async function failing(failure: Parameters<BotApiStandIn['failNext']>[1]) {
    const ctx = await setup();
    ctx.outbox.failNext('sendMessage', failure);
    const account = await accountOf(ctx.h, ctx.researcher);
    const sending = ctx.channel.send(matchRow(ctx.challenge.id, account.id), account);
    const error = await sending.then(() => null, (e: unknown) => e);
    return { error, calls: ctx.outbox.callsOf('sendMessage').length };
  }

  it('403 → blocked', async () => {
    const { error } = await failing({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ failure: 'blocked', retryAfterMs: null });
  });

  it('429 → retryable after retry_after, tried once (no auto-retry: the dispatcher pauses the channel)', async () => {
    const { error, calls } = await failing({ error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
    expect(error).toMatchObject({ failure: 'retryable', retryAfterMs: 7000 });
    expect(calls).toBe(1);
  });

  it('400 → permanent; 5xx → retryable', async () => {
    expect((await failing({ error_code: 400, description: "Bad Request: can't parse entities" })).error).toMatchObject({ failure: 'permanent' });
    expect((await failing({ error_code: 502, description: 'Bad Gateway' })).error).toMatchObject({ failure: 'retryable' });
  });

  it('a refused connection → retryable; a connection lost mid-request → unknown outcome (not a DeliveryError)', async () => {
    expect((await failing({ network: 'ECONNREFUSED' })).error).toMatchObject({ failure: 'retryable' });
    const lost = (await failing({ network: 'ECONNRESET' })).error;
    expect(lost).toBeInstanceOf(Error);
    expect(lost).not.toBeInstanceOf(DeliveryError);
  });

  it('a notification the recipient may no longer see → permanent, nothing sent', async () => {
    const ctx = await setup();
    await submitBid(ctx.h, ctx.researcher, ctx.challenge.id);
    const [row] = await notificationsOf(ctx.h, ctx.enterprise, 'bid-received');
    const stranger = await accountOf(ctx.h, ctx.zhResearcher);
    await expect(ctx.channel.send({ ...row!, accountId: stranger.id }, stranger)).rejects.toMatchObject({ failure: 'permanent' });
    expect(ctx.outbox.callsOf('sendMessage')).toEqual([]);
  });
});

describe('through the outbox dispatcher', () => {
  it('delivers what the domain records, and a 403 marks the account blocked', async () => {
    const ctx = await setup();
    const { store, clock } = ctx.h.runtime;
    const dispatcher = createDispatcher({ store, clock, channels: [ctx.channel], options: { startupPauseMs: 0 }, log: () => undefined });
    await submitBid(ctx.h, ctx.researcher, ctx.challenge.id);
    const report = await dispatcher.runOnce();
    expect(report.sent).toBe(1);
    expect(ctx.outbox.chat(1)[0]!.text).toContain('New bid on');

    await ctx.h.runtime.services.questions.ask(await accountOf(ctx.h, ctx.zhResearcher), ctx.challenge.id, { text: 'Another question?' });
    clock.advance(2000);
    ctx.outbox.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    const blocked = await dispatcher.runOnce();
    expect(blocked.skipped).toBe(1);
    expect((await accountOf(ctx.h, ctx.enterprise)).telegram?.blocked).toBe(true);
    await dispatcher.stop();
  });
});
