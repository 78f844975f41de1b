import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotApiServer, type BotApiCall, type BotApiServer } from '../support/bot-api-server.js';
import { startPostgres, type PostgresCluster } from '../support/postgres.js';
import { freshAddress, startServerCluster, type Instance, type Reply, type ServerCluster } from '../support/server-cluster.js';

/**
 * The product as several instances on one PostgreSQL database (issue 9): three real server processes, each
 * with the bot in webhook mode against one Bot API stand-in, requests spread over them. Conflicting writes
 * keep every invariant, the auth limit is one limit for the cluster, a publish alerts each subscriber once
 * wherever they subscribed, a webhook update is handled once whichever instances it reaches, and the
 * outbox leader's death in the middle of a broadcast loses no alert and sends none twice. The SIGKILL case
 * runs last: it leaves two instances.
 */

const TOKEN = '7000002:AAclusterTestTokenForTheStandInOnly_x';
const WEBHOOK_SECRET = 'cluster-webhook-secret';
const WEBHOOK_PATH = '/telegram/webhook';
const AUTH_LIMIT = 20;
/** More subscribers than one outbox batch takes (the global limit, 30 a second), so a survivor has some to send. */
const BROADCAST_SUBSCRIBERS = 36;
const OUTBOX_BATCH = 30;
const PASSWORD = 'correct horse battery staple 9';
const FUTURE = new Date(Date.now() + 30 * 86_400_000).toISOString();

/** Polls `probe` every `intervalMs` until it returns something other than undefined; fails after `timeoutMs`. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Runs `task` for 0..count-1, at most `width` at a time (the setup of many accounts on a small machine). */
async function inBatches<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += width) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(width, count - start) }, (_, k) => task(start + k)))));
  }
  return results;
}

const statuses = (replies: Reply[]) => replies.map((r) => r.status).sort((a, b) => a - b);

describe('three instances on one PostgreSQL database', () => {
  let postgres: PostgresCluster | undefined;
  let botApi: BotApiServer | undefined;
  let cluster: ServerCluster | undefined;
  let db: pg.Pool | undefined;
  let instances: readonly Instance[] = [];
  let updateId = 1000;
  /** Instance `i` of the cluster, round the ring. */
  const at = (i: number) => instances[i % instances.length]!;

  beforeAll(async () => {
    postgres = await startPostgres();
    const databaseUrl = await postgres.createDatabase();
    botApi = await startBotApiServer();
    const api = botApi;
    cluster = await startServerCluster(
      databaseUrl,
      [0, 1, 2].map((i) => ({
        AUTH_RATE_LIMIT: String(AUTH_LIMIT),
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: api.apiRootFor(`i${i}`),
        TELEGRAM_WEBHOOK_URL: `https://tenderlab.test${WEBHOOK_PATH}`,
        TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      })),
    );
    instances = cluster.instances;
    db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
    await db?.end();
    await botApi?.close();
    await postgres?.stop();
  });

  async function register(on: Instance, role: string, name: string, email = `${name.toLowerCase().replace(/\W+/g, ".")}@example.test`): Promise<Reply> {
    return on.call('POST', '/api/auth/register', { body: { roles: [role], displayName: name, organization: name, email, password: PASSWORD, locale: 'en' } });
  }

  async function account(on: Instance, role: string, name: string): Promise<{ id: string; token: string }> {
    const reply = await register(on, role, name);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return { id: reply.body.account.id, token: reply.body.token };
  }

  /** A challenge created on one instance and published on the next; returns its id. */
  async function publishChallenge(createOn: number, token: string, title: string, keywords: string[]): Promise<string> {
    const created = await at(createOn).call('POST', '/api/challenges', {
      token,
      body: {
        title,
        summary: `${title}: a pilot at industrial scale with measured results`,
        description: `${title}. We look for a team that can demonstrate it at pilot scale within a year.`,
        fields: ['new-materials'],
        keywords,
        type: 'rfp',
        reward: { amount: 100000, currency: 'CNY' },
        deadline: FUTURE,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const published = await at(createOn + 1).call('POST', `/api/challenges/${created.body.id}/publish`, { token });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    return created.body.id;
  }

  /**
   * Waits until every instance has applied every commit made so far: a challenge published now (with words
   * no subscription holds) is found by each instance's search. Each instance applies the change feed in
   * commit order to its search and subscription indexes alike, so an instance that finds it also matches
   * every subscription committed before it.
   */
  async function everyInstanceCaughtUp(enterpriseToken: string): Promise<void> {
    const word = `zzmarker${++updateId}`;
    const id = await publishChallenge(0, enterpriseToken, `Marker ${word}`, [word]);
    for (const instance of instances) {
      await until(`${instance.baseUrl} to find ${word}`, async () => {
        const found = await instance.call('GET', `/api/challenges?q=${word}`);
        return found.status === 200 && found.body.items.some((c: { id: string }) => c.id === id) ? true : undefined;
      });
    }
  }

  /** Posts a Telegram update to an instance's webhook, as Telegram does (with the secret header). */
  function postUpdate(on: Instance, update: Record<string, unknown>): Promise<Reply> {
    return on.call('POST', WEBHOOK_PATH, { body: update, headers: { 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET } });
  }

  /** A private-chat text message update from Telegram user `chatId` (a command when it starts with /). */
  function textUpdate(chatId: number, text: string): Record<string, unknown> {
    const command = /^\/\w+/.exec(text);
    return {
      update_id: ++updateId,
      message: {
        message_id: updateId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private', first_name: `User${chatId}` },
        from: { id: chatId, is_bot: false, first_name: `User${chatId}`, language_code: 'en' },
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      },
    };
  }

  const messagesTo = (chatId: number, filter: (call: BotApiCall) => boolean = () => true) =>
    botApi!.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId && filter(c));

  it('keeps every invariant under conflicting writes spread over the instances', async () => {
    // 12 registrations of one email at once, four on each instance: one account.
    const registrations = await Promise.all(Array.from({ length: 12 }, (_, i) => register(at(i), 'researcher', `Dup${i}`, 'same@example.test')));
    expect(statuses(registrations)).toEqual([201, ...Array<number>(11).fill(409)]);
    const winner = registrations.find((r) => r.status === 201)!;
    for (const instance of instances) {
      const login = await instance.call('POST', '/api/auth/login', { body: { email: 'same@example.test', password: PASSWORD } });
      expect(login.status).toBe(200);
      expect(login.body.account.id).toBe(winner.body.account.id);
    }

    // One researcher's 9 bids on one challenge at once, three on each instance: one live bid.
    const enterprise = await account(at(0), 'enterprise', 'Invariant Co');
    const challengeId = await publishChallenge(0, enterprise.token, 'Graphene membrane for desalination', ['graphene', 'desalination']);
    const researcher = await account(at(1), 'researcher', 'Eager');
    const bids = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        at(i).call('POST', `/api/challenges/${challengeId}/bids`, {
          token: researcher.token,
          body: { summary: 'Graphene oxide laminate route', approach: `Layer-by-layer assembly, variant ${i}`, price: { amount: 90000, currency: 'CNY' }, durationWeeks: 12 },
        }),
      ),
    );
    expect(statuses(bids)).toEqual([201, ...Array<number>(8).fill(409)]);
    const mine = await at(2).call('GET', '/api/me/bids?limit=100', { token: researcher.token });
    expect(mine.body.items.filter((b: { challengeId: string; status: string }) => b.challengeId === challengeId && b.status !== 'withdrawn')).toHaveLength(1);

    // Five awards of five different bids at once, spread over the instances: one award, one winner.
    const contest = await publishChallenge(1, enterprise.token, 'Spiral wound membrane module', ['membrane', 'module']);
    const bidIds = await Promise.all(
      [0, 1, 2, 3, 4].map(async (k) => {
        const bidder = await account(at(k), 'researcher', `Bidder${k}`);
        const bid = await at(k + 1).call('POST', `/api/challenges/${contest}/bids`, {
          token: bidder.token,
          body: { summary: 'Membrane module design', approach: `Spiral-wound module, design ${k}`, price: { amount: 80000 + k, currency: 'CNY' }, durationWeeks: 10 },
        });
        expect(bid.status, JSON.stringify(bid.body)).toBe(201);
        return bid.body.id as string;
      }),
    );
    const awards = await Promise.all(bidIds.map((bidId, k) => at(k).call('POST', `/api/challenges/${contest}/award`, { token: enterprise.token, body: { bidId, note: 'Chosen' } })));
    expect(awards.filter((r) => r.status < 300)).toHaveLength(1);
    expect(awards.filter((r) => r.status >= 300).map((r) => r.status)).toEqual([409, 409, 409, 409]);
    const announced = await at(2).call('GET', '/api/awards?limit=100');
    expect(announced.body.items.filter((a: { challengeId: string }) => a.challengeId === contest)).toHaveLength(1);
    const bidStates = await Promise.all(bidIds.map((id) => at(0).call('GET', `/api/bids/${id}`, { token: enterprise.token })));
    expect(bidStates.map((b) => b.body.status).sort()).toEqual(['awarded', 'rejected', 'rejected', 'rejected', 'rejected']);
  });

  it('counts one auth limit for the whole cluster, whichever instance a client reaches', async () => {
    const client = freshAddress();
    const answers: number[] = [];
    // One at a time, alternating over two instances: each sees only half, so per-instance limits would admit all.
    for (let i = 0; i < AUTH_LIMIT + 10; i++) {
      const reply = await at(i % 2).call('POST', '/api/auth/login', { from: client, body: { email: 'nobody@example.test', password: 'wrong password 123' } });
      answers.push(reply.status);
    }
    expect(answers).toEqual([...Array<number>(AUTH_LIMIT).fill(401), ...Array<number>(10).fill(429)]);
    // Another client is not affected.
    const other = await at(2).call('POST', '/api/auth/login', { body: { email: 'nobody@example.test', password: 'wrong password 123' } });
    expect(other.status).toBe(401);
  });

  it('alerts each subscriber once when they subscribed on one instance and challenges are published on others', async () => {
    const subscribers = await Promise.all([0, 1, 2].map((i) => account(at(i), 'researcher', `Cold${i}`)));
    for (const [i, subscriber] of subscribers.entries()) {
      const made = await at(i).call('POST', '/api/me/subscriptions', { token: subscriber.token, body: { keywords: 'magnetocaloric refrigeration' } });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    }
    const enterprise = await account(at(1), 'enterprise', 'Cold Chain Co');
    await everyInstanceCaughtUp(enterprise.token);

    // Created on instance k, published on k+1: every instance publishes one.
    const published = await Promise.all([0, 1, 2].map((k) => publishChallenge(k, enterprise.token, `Magnetocaloric refrigeration stage ${k}`, ['magnetocaloric', 'refrigeration'])));
    // The fan-out is part of the publish, so the alerts are there once each publish has answered.
    for (const [i, subscriber] of subscribers.entries()) {
      const list = await at(i + 2).call('GET', '/api/me/notifications?limit=100', { token: subscriber.token });
      expect(list.status).toBe(200);
      const matches = list.body.items.filter((n: { kind: string }) => n.kind === 'match');
      expect(matches.map((n: { challengeId: string }) => n.challengeId).sort()).toEqual([...published].sort());
    }
  });

  it('handles a webhook update once when Telegram delivers it to two instances', async () => {
    const chatId = 777_001;
    const update = textUpdate(chatId, '/help');
    const answers = await Promise.all([postUpdate(at(0), update), postUpdate(at(1), update)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    // Both have answered, so both are done with it (unless one outlived the webhook's answer timeout, which
    // the wait covers): whatever the bot was going to say is said.
    await until('the answer to /help', async () => (messagesTo(chatId).length > 0 ? true : undefined));
    expect(messagesTo(chatId)).toHaveLength(1);

    // Delivered again later to the third: still once.
    expect((await postUpdate(at(2), update)).status).toBe(200);
    expect(messagesTo(chatId)).toHaveLength(1);
  });

  it('loses no alert and sends none twice when the outbox leader is killed in the middle of a broadcast', async () => {
    const title = 'Tribology coating for wind turbine bearings';
    const enterprise = await account(at(0), 'enterprise', 'Turbine Co');
    const subscribers = await inBatches(BROADCAST_SUBSCRIBERS, 6, async (i) => {
      const subscriber = await account(at(i), 'researcher', `Wind${i}`);
      const made = await at(i + 1).call('POST', '/api/me/subscriptions', { token: subscriber.token, body: { keywords: 'tribology coating' } });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const code = await at(i + 2).call('POST', '/api/auth/link-code', { token: subscriber.token });
      expect(code.status, JSON.stringify(code.body)).toBe(201);
      const chatId = 800_000 + i;
      expect((await postUpdate(at(i), textUpdate(chatId, `/link ${code.body.code}`))).status).toBe(200);
      await until(`subscriber ${i} to be linked`, async () => ((await at(i + 1).call('GET', '/api/me', { token: subscriber.token })).body.telegram ? true : undefined));
      return { ...subscriber, chatId };
    });
    await everyInstanceCaughtUp(enterprise.token);

    // The leader's sends of this broadcast are left hanging, so it dies in the middle of a batch.
    const isAlert = (call: BotApiCall) => call.method === 'sendMessage' && String(call.payload.text).includes(title);
    botApi!.hold(isAlert);
    const challengeId = await publishChallenge(0, enterprise.token, title, ['tribology', 'coating']);
    const first = await botApi!.firstCall(isAlert, 90_000);
    const leader = instances[Number(first.caller.slice(1))]!;
    await cluster!.kill(leader, 'SIGKILL');
    botApi!.release();
    const survivors = instances.filter((i) => i !== leader);
    const deadCaller = first.caller;

    // Settled: every alert delivered by a survivor, save those the dead leader had claimed (in flight, or
    // taken for its batch): a survivor leaves them until their lease runs out, then fails the in-flight
    // ones (outcome unknown) rather than risk sending them twice.
    const claimant = `:${leader.pid}:`;
    const settled = await until(
      'the survivors to deliver every alert the dead leader had not claimed',
      async () => {
        const { rows } = await db!.query<{ account_id: string; state: string; claimed_by: string | null }>(
          `SELECT n.account_id, n.row #>> '{deliveries,telegram,state}' AS state, c.claimed_by
             FROM notifications n
             LEFT JOIN outbox_claims c ON c.notification_id = n.id AND c.channel = 'telegram' AND c.lease_until > now()
            WHERE n.row ->> 'kind' = 'match' AND n.row ->> 'challengeId' = $1`,
          [challengeId],
        );
        return rows.length === BROADCAST_SUBSCRIBERS && rows.every((r) => r.state === 'sent' || r.claimed_by?.includes(claimant)) ? rows : undefined;
      },
      90_000,
    );

    // Every subscriber has exactly one alert, read through a survivor.
    for (const subscriber of subscribers) {
      const list = await survivors[0]!.call('GET', '/api/me/notifications?limit=100', { token: subscriber.token });
      expect(list.body.items.filter((n: { kind: string; challengeId: string }) => n.kind === 'match' && n.challengeId === challengeId)).toHaveLength(1);
    }
    const byAccount = new Map(settled.map((r) => [r.account_id, r]));
    const deadClaims = settled.filter((r) => r.state !== 'sent');
    expect(deadClaims.length).toBeLessThanOrEqual(OUTBOX_BATCH);
    for (const subscriber of subscribers) {
      const alerts = messagesTo(subscriber.chatId, isAlert);
      const row = byAccount.get(subscriber.id)!;
      // Never twice in one chat; a sent delivery went out exactly once, by a survivor; what the dead leader
      // handed to Telegram stays its claim (marked sending), not sent again.
      expect(alerts.length, `alerts in chat ${subscriber.chatId}`).toBeLessThanOrEqual(1);
      if (row.state === 'sent') expect(alerts.map((a) => a.caller)).toEqual([expect.not.stringMatching(`^${deadCaller}$`)]);
      if (alerts[0]?.caller === deadCaller) expect(row.state).toBe('sending');
    }
    // The broadcast went on after the leader died: a survivor sent the rest.
    expect(settled.filter((r) => r.state === 'sent').length).toBeGreaterThanOrEqual(BROADCAST_SUBSCRIBERS - OUTBOX_BATCH);
    expect(await leader.exited).toEqual({ code: null, signal: 'SIGKILL' });
  }, 240_000);
});
