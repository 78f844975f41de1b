import { run, type RunnerHandle } from '@grammyjs/runner';
import { Api, webhookCallback, type ApiClientOptions, type Bot } from 'grammy';
import type { App } from '../server/app.js';
import type { Config } from '../server/config.js';
import type { Services } from '../server/domain/services.js';
import type { DeliveryChannel } from '../server/outbox/channel.js';
import { registerCommands } from './commands.js';
import type { BotContext } from './context.js';
import { createBot } from './create-bot.js';
import { fitMessages } from './fit-messages.js';
import { createLiveCards } from './live-cards.js';
import { describeError } from './errors.js';
import { realTimeFloodControl, type FloodControl } from './flood-control.js';
import { telegramAgent } from './telegram-agent.js';
import { createTelegramChannel } from './telegram-channel.js';

/** A notification send gives up after this long; the dispatcher then records its outcome as unknown. */
const SEND_TIMEOUT_SECONDS = 30;
/** Waits between attempts to reach Telegram at start: doubling from the first to the last. */
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 60_000;
/** A webhook request answers Telegram after this long even if the update is still being handled, so it is not sent twice. */
const WEBHOOK_ANSWER_MS = 9_000;
/** How often the bot's kept state is pruned: forms past their day, and webhook updates Telegram no longer redelivers. */
const PRUNE_INTERVAL_MS = 60 * 60_000;
/**
 * How long `stop()` waits for the updates in hand to finish. The process is forced out 10 s after a signal
 * (server/main.ts), and the HTTP server, the outbox and the store close after the bot within that time.
 */
const DRAIN_MS = 7_000;

export interface StartBotOptions {
  telegram: NonNullable<Config['telegram']>;
  services: Services;
  /** The HTTP app the webhook route is mounted on (webhook mode). Must not have served a request yet. */
  app: App;
  /** Problems, one line each, never the token; console.error by default. */
  log?: (line: string) => void;
  /** Extra API client options over `telegram.apiRoot` (tests pass a stand-in `fetch`). */
  client?: ApiClientOptions;
  /** Telegram's limits for the bot and the channel together; real time by default. */
  flood?: FloodControl;
  /** The board's address, for links to a challenge's page. */
  publicUrl?: string;
  /** How long `stop()` waits for the updates in hand; 7 s by default. */
  drainMs?: number;
}

export interface TelegramBotHandle {
  bot: Bot<BotContext>;
  mode: 'long polling' | 'webhook';
  /** The outbox's Telegram channel, for the process's one dispatcher. */
  channel: DeliveryChannel;
  /**
   * Stop taking updates: long polling ends, the webhook route refuses (Telegram sends those again), and the
   * updates in hand finish — their writes and replies — so the store can be closed once this resolves.
   * Bounded by `drainMs`: what is still running then is logged and left.
   */
  stop(): Promise<void>;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/**
 * The updates being handled. grammY runner's `stop()` resolves once polling has ended, not once the updates it
 * handed to its concurrent sink are done (its sink returns as soon as an update is queued), and a webhook
 * request answers Telegram after WEBHOOK_ANSWER_MS while its update carries on. Either way an update could
 * still reach the services after the bot stopped, and fail on the closed store ("The store is closed").
 */
function createUpdatesInHand() {
  const running = new Set<Promise<unknown>>();
  return {
    track<T>(work: Promise<T>): Promise<T> {
      running.add(work);
      const settled = () => running.delete(work);
      work.then(settled, settled);
      return work;
    },
    /** Resolves when none is left, or after `ms`, with how many are still running. */
    async drain(ms: number): Promise<number> {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let late = false;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          late = true;
          resolve();
        }, ms);
      });
      // Again after each round: an update may start while earlier ones finish (a batch the runner handed over).
      while (running.size > 0 && !late) await Promise.race([Promise.allSettled([...running]), deadline]);
      clearTimeout(timer);
      return running.size;
    },
  };
}

/** Runs `attempt` until it succeeds or `signal` aborts, waiting longer after each failure. */
async function persist(what: string, attempt: () => Promise<unknown>, signal: AbortSignal, log: (line: string) => void, token: string): Promise<boolean> {
  for (let wait = FIRST_RETRY_MS; !signal.aborted; wait = Math.min(wait * 2, LAST_RETRY_MS)) {
    try {
      await attempt();
      return true;
    } catch (error) {
      log(`[bot] ${what} failed, retrying in ${Math.round(wait / 1000)} s: ${describeError(error, token)}`);
      await pause(wait, signal);
    }
  }
  return false;
}

/**
 * The bot in the server's process: the grammY bot over the services, taking updates by long polling
 * (grammY runner) or — when `telegram.webhook` is set — through a route mounted on `app` at the webhook
 * URL's path, which checks Telegram's secret-token header and handles each update once across every
 * instance on the store; and the Telegram channel the outbox dispatcher delivers notifications through.
 * Unfinished forms past their day and webhook updates Telegram no longer redelivers are pruned hourly.
 * Reaching Telegram happens in the background and is retried, so the server starts (and serves the API)
 * even while Telegram is unreachable. Resolves once the route is mounted.
 */
export async function startTelegramBot({ telegram, services, app, log = console.error, client: extraClient, flood = realTimeFloodControl(), publicUrl, drainMs = DRAIN_MS }: StartBotOptions): Promise<TelegramBotHandle> {
  const { token } = telegram;
  // One agent for the bot's calls and the outbox's: idle connections close before the Bot API drops them.
  const agent = telegramAgent(telegram.apiRoot);
  const client: ApiClientOptions = { ...(telegram.apiRoot ? { apiRoot: telegram.apiRoot } : {}), baseFetchConfig: { agent }, ...extraClient };
  const webhook = telegram.webhook;
  // One registry of sent cards for the bot and the channel: a bid that arrived as a notification is a card
  // the enterprise's next award must edit.
  const cards = createLiveCards();
  const bot = createBot({ token, services, client, log, flood, handleOnce: Boolean(webhook), cards, ...(publicUrl ? { publicUrl } : {}) });
  // Long polling, the webhook and direct calls all come through handleUpdate: counted there, stop() waits for them.
  const inHand = createUpdatesInHand();
  const handleUpdate = bot.handleUpdate.bind(bot);
  bot.handleUpdate = (update, webhookReplyEnvelope) => inHand.track(handleUpdate(update, webhookReplyEnvelope));
  const stopping = new AbortController();

  // The outbox gets an API client of its own, without the bot's pacing: the dispatcher owns retries and
  // flood control for it, but through the same limiter, so replies and notifications share Telegram's limits.
  const outboxApi = new Api(token, { ...client, timeoutSeconds: SEND_TIMEOUT_SECONDS });
  outboxApi.config.use(fitMessages);
  const channel = createTelegramChannel({ api: outboxApi, services, limiter: flood.limiter, cards });

  if (webhook) {
    const path = new URL(webhook.url).pathname;
    const handle = webhookCallback(bot, 'hono', { secretToken: webhook.secret, onTimeout: 'return', timeoutMilliseconds: WEBHOOK_ANSWER_MS });
    app.post(path, async (c) => {
      // After stop() began the update is not taken (not even claimed), so Telegram delivers it again later.
      if (stopping.signal.aborted) return c.body(null, 503);
      try {
        // Counted from here, not only from handleUpdate: the body is read first, and a stop() meanwhile must wait.
        return await inHand.track(handle(c));
      } catch (error) {
        // Only a failed claim of the update gets here (all the rest is inside the bot's error boundary), so
        // nothing was done: Telegram is asked to deliver it again. Logged here, as the app's handler would
        // print the error's context, Bot API token included.
        log(`[bot] update not taken, Telegram will deliver it again: ${describeError(error, token)}`);
        return c.body(null, 503);
      }
    });
  }

  // Every instance prunes: removing what another removed already is harmless, and no instance is special.
  const prune = () =>
    Promise.all([services.conversations.prune(), services.telegramUpdates.prune()]).catch((error) =>
      log(`[bot] pruning old forms and updates failed: ${describeError(error, token)}`),
    );
  let pruning = prune();
  const pruneTimer = setInterval(() => (pruning = prune()), PRUNE_INTERVAL_MS);
  pruneTimer.unref();

  let runner: RunnerHandle | null = null;
  const launching = (async () => {
    if (!(await persist('reaching Telegram (getMe)', () => bot.init(), stopping.signal, log, token))) return;
    // The menu is a convenience: a Bot API server without setMyCommands (an emulator) must not stop the bot.
    registerCommands(bot.api).catch((error) => log(`[bot] could not set the command menu: ${describeError(error, token)}`));
    if (webhook) {
      await persist('setWebhook', () => bot.api.setWebhook(webhook.url, { secret_token: webhook.secret }), stopping.signal, log, token);
      return;
    }
    // Long polling and a webhook exclude each other: a webhook left from an earlier run would block getUpdates.
    const cleared = await persist('deleteWebhook', () => bot.api.deleteWebhook(), stopping.signal, log, token);
    if (cleared && !stopping.signal.aborted) runner = run(bot);
  })();

  return {
    bot,
    mode: webhook ? 'webhook' : 'long polling',
    channel,
    async stop() {
      clearInterval(pruneTimer);
      stopping.abort();
      await pruning;
      await launching;
      const polling = runner as RunnerHandle | null;
      if (polling?.isRunning()) await polling.stop();
      const left = await inHand.drain(drainMs);
      if (left > 0) log(`[bot] stopped with ${left} update(s) still being handled after ${drainMs} ms; they may fail as the store closes`);
    },
  };
}
