import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTelegramBot, type TelegramBotHandle } from '../../bot/start-bot.js';
import { createApp } from '../../server/app.js';
import { StoreUnavailableError } from '../../server/domain/errors.js';
import { createServices } from '../../server/domain/services.js';
import { attachChallengeIndex } from '../../server/search/challenge-index.js';
import { attachSubscriptionIndex } from '../../server/search/subscription-index.js';
import { openLowdbStore } from '../../server/store/lowdb-store.js';
import { openPgStore } from '../../server/store/pg/pg-store.js';
import type { Store } from '../../server/store/store.js';
import { FakeClock } from '../support/fake-clock.js';
import { usePostgres } from '../support/postgres.js';
import { TEST_TOKEN } from '../support/telegram-bot.js';
import { BotApiStandIn } from '../support/telegram-stand-in.js';
import { tempDir } from '../support/temp-dir.js';

const cluster = usePostgres();
const HOOK = { url: 'https://tenderlab.example/telegram/hook', secret: 's3cret-token' };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One server instance on `store`: its own indexes, services, HTTP app and webhook-mode bot. */
async function instance(store: Store, standIn: BotApiStandIn, logs: string[] = []) {
  const clock = new FakeClock();
  const challenges = await attachChallengeIndex(store);
  const subscriptions = await attachSubscriptionIndex(store);
  const services = createServices({ store, clock, index: challenges.index, subscribers: subscriptions.index });
  const app = createApp({
    services,
    clock,
    config: { corsOrigins: [], trustProxy: 0, authRateLimit: 10_000, bodyLimitBytes: 256 * 1024, publicUrl: 'http://localhost:8787' },
  });
  const bot: TelegramBotHandle = await startTelegramBot({
    telegram: { token: TEST_TOKEN, apiRoot: 'http://bot-api.test', webhook: HOOK },
    services,
    app,
    client: { fetch: standIn.fetch },
    log: (line) => logs.push(line),
  });
  cleanups.push(async () => {
    await bot.stop();
    await challenges.detach();
    subscriptions.detach();
  });
  return { app, services };
}

const startUpdate = (updateId: number, userId: number) => ({
  update_id: updateId,
  message: { message_id: 1, date: 1, chat: { id: userId, type: 'private', first_name: 'A' }, from: { id: userId, is_bot: false, first_name: 'A' }, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
});

const deliver = ({ app }: Awaited<ReturnType<typeof instance>>, update: unknown) =>
  app.request(new URL(HOOK.url).pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': HOOK.secret },
    body: JSON.stringify(update),
  });

/** Two instances on one store: under lowdb the one process's store twice, under PostgreSQL two pools on one database. */
const stores = {
  lowdb: async () => {
    const store = await openLowdbStore({ dataDir: await tempDir() });
    cleanups.push(() => store.close());
    return [store, store] as const;
  },
  postgresql: async () => {
    const connectionString = await cluster().createDatabase();
    const a = await openPgStore({ connectionString });
    cleanups.push(() => a.close());
    const b = await openPgStore({ connectionString });
    cleanups.push(() => b.close());
    return [a, b] as const;
  },
};

describe.each(Object.entries(stores))('webhook mode on %s', (_name, open) => {
  it('handles an update posted to two instances, and posted again, once', async () => {
    const [storeA, storeB] = await open();
    const standIn = new BotApiStandIn();
    const a = await instance(storeA, standIn);
    const b = await instance(storeB, standIn);

    const answers = await Promise.all([deliver(a, startUpdate(5, 88)), deliver(b, startUpdate(5, 88))]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect((await deliver(b, startUpdate(5, 88))).status).toBe(200);
    expect((await deliver(a, startUpdate(5, 88))).status).toBe(200);
    expect(standIn.chat(88).map((m) => m.text)).toEqual([expect.stringContaining('Welcome to <b>Tenderlab</b>')]);

    // Another update of the same chat is a new one.
    expect((await deliver(b, startUpdate(6, 88))).status).toBe(200);
    expect(standIn.chat(88)).toHaveLength(2);
  });
});

describe('webhook mode when the update cannot be claimed', () => {
  it('answers 503, does nothing and logs without the token, so that Telegram delivers the update again', async () => {
    const [store] = await stores.lowdb();
    const standIn = new BotApiStandIn();
    const logs: string[] = [];
    const server = await instance(store, standIn, logs);
    vi.spyOn(server.services.telegramUpdates, 'claim').mockRejectedValueOnce(new StoreUnavailableError('ENOSPC: no space left on device'));

    expect((await deliver(server, startUpdate(9, 99))).status).toBe(503);
    expect(standIn.chat(99)).toEqual([]);
    expect(logs).toEqual([expect.stringContaining('[bot] update not taken, Telegram will deliver it again:')]);
    expect(logs[0]).toContain('ENOSPC');
    expect(logs[0]).not.toContain(TEST_TOKEN.split(':')[1]);

    expect((await deliver(server, startUpdate(9, 99))).status).toBe(200);
    expect(standIn.chat(99).map((m) => m.text)).toEqual([expect.stringContaining('Welcome to <b>Tenderlab</b>')]);
  });
});
