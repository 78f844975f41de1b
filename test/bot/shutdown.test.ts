import { describe, expect, it } from 'vitest';
import { STORED_FORMS_VERSION } from '../../bot/conversation-storage.js';
import { messagesFor } from '../../bot/i18n.js';
import { startTelegramBot, type TelegramBotHandle } from '../../bot/start-bot.js';
import { testRuntime, type TestRuntime } from '../support/runtime.js';
import { TEST_TOKEN } from '../support/telegram-bot.js';
import { BOT_INFO, BotApiStandIn, until } from '../support/telegram-stand-in.js';
import { TelegramUser } from '../support/telegram-user.js';
import { virtualFloodControl } from '../support/virtual-flood-control.js';

const en = messagesFor('en');
const API_ROOT = 'http://bot-api.test';
const WEBHOOK = { url: 'https://tenderlab.example/telegram/hook', secret: 's3cret-token' };

/** Long enough for a stop() that does not wait for the update in hand to have resolved. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

/**
 * The stand-in Bot API with one call held: the bot's message with exactly `text` gets no answer until the
 * test releases it, so the update that sends it is still being handled.
 */
function holdingMessage(standIn: BotApiStandIn, text: string) {
  let arrived!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : {};
    if (String(input).endsWith('/sendMessage') && body.text === text) {
      arrived();
      await released;
    }
    return standIn.fetch(input, init);
  }) as typeof globalThis.fetch;
  return { fetch, reached, release };
}

const postCommand = (updateId: number, userId: number) => ({
  update_id: updateId,
  message: { message_id: updateId, date: 1, chat: { id: userId, type: 'private', first_name: 'E' }, from: { id: userId, is_bot: false, first_name: 'E' }, text: '/post', entities: [{ type: 'bot_command', offset: 0, length: 5 }] },
});

/** An enterprise registered through the bot, whose next /post the bot answers with the title question. */
async function enterprise(handle: TelegramBotHandle, standIn: BotApiStandIn, id: number): Promise<TelegramUser> {
  const user = new TelegramUser(handle.bot, standIn, id, { firstName: `Enterprise ${id}` });
  await user.send('/start');
  await user.press('English');
  await user.press('Enterprise');
  return user;
}

async function savedForm(runtime: TestRuntime, id: number) {
  return runtime.services.conversations.resume({ chatId: id, userId: id }, STORED_FORMS_VERSION);
}

describe('stopping the bot with an update in hand', () => {
  it('long polling: stop() waits for the update the runner took, its reply and its form’s write, with nothing failing', async () => {
    const runtime = await testRuntime();
    const standIn = new BotApiStandIn();
    const held = holdingMessage(standIn, en.post.askTitle);
    const logs: string[] = [];
    const handle = await startTelegramBot({ telegram: { token: TEST_TOKEN, apiRoot: API_ROOT, webhook: null }, services: runtime.services, app: runtime.app, client: { fetch: held.fetch }, flood: virtualFloodControl(), log: (l) => logs.push(l) });
    await until(() => standIn.callsOf('getUpdates').length > 0, 'polling to start');
    await enterprise(handle, standIn, 61);

    standIn.queueUpdate(postCommand(297, 61));
    await held.reached;
    const order: string[] = [];
    const stopped = handle.stop().then(() => order.push('stopped'));
    await settle();
    order.push('released');
    held.release();
    await stopped;

    expect(order).toEqual(['released', 'stopped']);
    // The form's state was written before stop() resolved: the store may close now.
    expect(await savedForm(runtime, 61)).toMatchObject({ revision: expect.any(Number) });
    expect(standIn.chat(61).at(-1)!.text).toBe(en.post.askTitle);
    expect(logs).toEqual([]);
  });

  it('webhook: stop() waits for the update in hand, and one arriving after it began is refused unclaimed, for Telegram to send again', async () => {
    const runtime = await testRuntime();
    const standIn = new BotApiStandIn();
    const held = holdingMessage(standIn, en.post.askTitle);
    const logs: string[] = [];
    const handle = await startTelegramBot({ telegram: { token: TEST_TOKEN, apiRoot: API_ROOT, webhook: WEBHOOK }, services: runtime.services, app: runtime.app, client: { fetch: held.fetch }, flood: virtualFloodControl(), log: (l) => logs.push(l) });
    await until(() => standIn.callsOf('setWebhook').length === 1, 'setWebhook');
    await enterprise(handle, standIn, 62);
    const deliver = (update: unknown) =>
      runtime.app.request(new URL(WEBHOOK.url).pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK.secret },
        body: JSON.stringify(update),
      });

    const answered = deliver(postCommand(5001, 62));
    await held.reached;
    const order: string[] = [];
    const stopped = handle.stop().then(() => order.push('stopped'));
    const late = await deliver(postCommand(5002, 63));
    expect(late.status).toBe(503);
    await settle();
    order.push('released');
    held.release();
    expect((await answered).status).toBe(200);
    await stopped;

    expect(order).toEqual(['released', 'stopped']);
    expect(await savedForm(runtime, 62)).toMatchObject({ revision: expect.any(Number) });
    expect(standIn.chat(63)).toEqual([]);
    // Not claimed: whichever instance Telegram sends it to next takes it.
    expect(await runtime.services.telegramUpdates.claim(BOT_INFO.id, 5002)).toBe(true);
    expect(await runtime.services.telegramUpdates.claim(BOT_INFO.id, 5001)).toBe(false);
    expect(logs).toEqual([]);
  });

  it('stays bounded: an update still running after drainMs is logged and left, and stop() resolves', async () => {
    const runtime = await testRuntime();
    const standIn = new BotApiStandIn();
    const held = holdingMessage(standIn, en.post.askTitle);
    const logs: string[] = [];
    const handle = await startTelegramBot({
      telegram: { token: TEST_TOKEN, apiRoot: API_ROOT, webhook: null },
      services: runtime.services,
      app: runtime.app,
      client: { fetch: held.fetch },
      flood: virtualFloodControl(),
      log: (l) => logs.push(l),
      drainMs: 50,
    });
    await until(() => standIn.callsOf('getUpdates').length > 0, 'polling to start');
    await enterprise(handle, standIn, 64);

    standIn.queueUpdate(postCommand(298, 64));
    await held.reached;
    await handle.stop();
    expect(logs).toEqual(['[bot] stopped with 1 update(s) still being handled after 50 ms; they may fail as the store closes']);

    // Let it finish before the test's store closes.
    held.release();
    await until(() => standIn.chat(64).at(-1)?.text === en.post.askTitle, 'the held reply');
    await expect.poll(() => savedForm(runtime, 64)).toMatchObject({ revision: expect.any(Number) });
  });
});
