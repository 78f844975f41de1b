import { serve } from '@hono/node-server';
import { systemClock } from './clock.js';
import { describeDatabaseUrl, loadConfig, type Config } from './config.js';
import { DataDirLockedError } from './store/data-dir-lock.js';
import { sendDeadlineReminders } from './domain/reminders.js';
import type { DeliveryChannel } from './outbox/channel.js';
import { createDispatcher } from './outbox/dispatcher.js';
import { failOpen } from './http/rate-limit.js';
import { openCoordination } from './jobs/open-coordination.js';
import { startLeaderJob } from './jobs/leader-job.js';
import { createRuntime } from './runtime.js';
import { openStore } from './store/open-store.js';
import { startTelegramBot } from '../bot/start-bot.js';

/** Background upkeep runs this often, on one instance: persisting deadline closures and sending 24-hour reminders. */
const UPKEEP_INTERVAL_MS = 60_000;

/**
 * The Tenderlab process: configuration, the store (PostgreSQL at DATABASE_URL, else lowdb on DATA_DIR), the
 * HTTP server, background upkeep and a graceful shutdown on SIGINT/SIGTERM (in-flight requests and writes
 * finish, the data directory or the database connections are freed).
 */
export async function startServer(config: Config, options: { banner?: string } = {}) {
  const clock = systemClock;
  const store = await openStore(config);
  // Who runs the background jobs, and where the auth limit counts: one leader per job and one hit log among
  // the instances on a database; lowdb's one process. After the store, whose migrations create its tables.
  const coordination = await openCoordination(config.databaseUrl).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const runtime = await createRuntime({ store, clock, config, dataDir: config.dataDir, authHits: failOpen(coordination.hitLog('auth')) }).catch(
    async (error: unknown) => {
      await coordination.close();
      throw error;
    },
  );
  const { services } = runtime;
  const upkeep = startLeaderJob({
    coordination,
    name: 'upkeep',
    intervalMs: UPKEEP_INTERVAL_MS,
    run: async () => {
      await services.challenges.closeExpired();
      await services.deals.settleExpired();
      await sendDeadlineReminders({ store, clock });
    },
  });

  // Before the listener starts: the webhook route must be on the app before it serves its first request.
  const telegram = config.telegram ? await startTelegramBot({ telegram: config.telegram, services, app: runtime.app, publicUrl: config.publicUrl }) : null;

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: runtime.app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  }).catch(async (error: unknown) => {
    await upkeep.stop();
    await coordination.close();
    await telegram?.stop();
    await runtime.close();
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const data = config.databaseUrl ? `database: ${describeDatabaseUrl(config.databaseUrl)}, search cache: ${config.dataDir}` : `data: ${config.dataDir}`;
  console.log(`Tenderlab is running at http://localhost:${port}  (${data})`);
  console.log(`  API docs: http://localhost:${port}/docs   OpenAPI: http://localhost:${port}/openapi.json`);
  if (options.banner) console.log(options.banner);
  if (!config.telegram) console.log('  Telegram bot: off. Set TELEGRAM_BOT_TOKEN (from @BotFather) to enable it.');
  else console.log(`  Telegram bot: on, ${telegram?.mode}${config.telegram.apiRoot ? ` via ${config.telegram.apiRoot}` : ''}`);

  // The outbox runs even without a channel: it expires undeliverable notifications and prunes old ones.
  const channels: DeliveryChannel[] = telegram ? [telegram.channel] : [];
  const dispatcher = createDispatcher({ store, clock, channels, coordination });
  dispatcher.start();

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await upkeep.stop();
      await telegram?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await dispatcher.stop();
      await coordination.close();
      await runtime.close();
    })());

  return { runtime, server, port, stop };
}

/** Run as a process: stop cleanly on SIGINT/SIGTERM; explain a locked data directory or bad config. */
export async function runProcess(config: Config, options: { banner?: string } = {}): Promise<void> {
  let started: Awaited<ReturnType<typeof startServer>>;
  try {
    started = await startServer(config, options);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`Port ${config.port} is already in use: stop what runs there, or set PORT to another port.`);
      process.exit(1);
    }
    throw error;
  }
  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    started.stop().then(
      () => process.exit(0),
      (error) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  await runProcess(config);
}
