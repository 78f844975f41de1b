import { describe, expect, it } from 'vitest';
import { startTelegramBot } from '../../bot/start-bot.js';
import { testRuntime } from '../support/runtime.js';
import { TEST_TOKEN } from '../support/telegram-bot.js';
import { BotApiStandIn, until } from '../support/telegram-stand-in.js';

const API_ROOT = 'http://bot-api.test';

const startUpdate = (updateId: number, userId: number) => ({
  update_id: updateId,
  message: { message_id: 1, date: 1, chat: { id: userId, type: 'private', first_name: 'A' }, from: { id: userId, is_bot: false, first_name: 'A' }, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
});

describe('startTelegramBot', () => {
  it('long polling: clears a webhook, sets the menu, answers updates, and stops cleanly', async () => {
    const runtime = await testRuntime();
    const standIn = new BotApiStandIn();
    const logs: string[] = [];
    const handle = await startTelegramBot({ telegram: { token: TEST_TOKEN, apiRoot: API_ROOT, webhook: null }, services: runtime.services, app: runtime.app, client: { fetch: standIn.fetch }, log: (l) => logs.push(l) });
    expect(handle.mode).toBe('long polling');
    standIn.queueUpdate(startUpdate(1, 77));
    await until(() => standIn.chat(77).length > 0, 'the answer to /start');
    expect(standIn.chat(77)[0]!.text).toContain('Welcome to <b>Tenderlab</b>');
    expect(standIn.callsOf('deleteWebhook')).toHaveLength(1);
    await until(() => standIn.callsOf('setMyCommands').length === 2, 'the command menus');
    await handle.stop();
    const polls = standIn.callsOf('getUpdates').length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(standIn.callsOf('getUpdates').length).toBe(polls);
    expect(logs).toEqual([]);
  });

  it('keeps trying to reach Telegram, logging without the token, and a failing menu does not stop it', async () => {
    const runtime = await testRuntime();
    const standIn = new BotApiStandIn();
    const logs: string[] = [];
    standIn.failNext('getMe', { error_code: 401, description: 'Unauthorized' });
    standIn.failNext('setMyCommands', { error_code: 404, description: 'Not Found: method not supported' });
    const handle = await startTelegramBot({ telegram: { token: TEST_TOKEN, apiRoot: API_ROOT, webhook: null }, services: runtime.services, app: runtime.app, client: { fetch: standIn.fetch }, log: (l) => logs.push(l) });
    await until(() => standIn.callsOf('getUpdates').length > 0, 'polling to start', 8000);
    await handle.stop();
    expect(logs.some((l) => l.includes('getMe') && l.includes('401'))).toBe(true);
    expect(logs.some((l) => l.includes('command menu'))).toBe(true);
    for (const line of logs) expect(line).not.toContain(TEST_TOKEN.split(':')[1]);
  });

  it('webhook mode: mounts the route at the URL’s path, checks the secret header, sets the webhook', async () => {
    const runtime = await testRuntime();
    const standIn = new BotApiStandIn();
    const handle = await startTelegramBot({
      telegram: { token: TEST_TOKEN, apiRoot: API_ROOT, webhook: { url: 'https://tenderlab.example/telegram/hook', secret: 's3cret-token' } },
      services: runtime.services,
      app: runtime.app,
      client: { fetch: standIn.fetch },
      log: () => undefined,
    });
    expect(handle.mode).toBe('webhook');
    await until(() => standIn.callsOf('setWebhook').length === 1, 'setWebhook');
    expect(standIn.callsOf('setWebhook')[0]!.payload).toMatchObject({ url: 'https://tenderlab.example/telegram/hook', secret_token: 's3cret-token' });

    const post = (secret?: string) =>
      runtime.app.request('/telegram/hook', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        body: JSON.stringify(startUpdate(5, 88)),
      });
    expect((await post()).status).toBe(401);
    expect((await post('wrong')).status).toBe(401);
    expect(standIn.chat(88)).toEqual([]);
    expect((await post('s3cret-token')).status).toBe(200);
    expect(standIn.chat(88)[0]!.text).toContain('Welcome to <b>Tenderlab</b>');
    expect(standIn.callsOf('getUpdates')).toEqual([]);
    await handle.stop();
  });
});
