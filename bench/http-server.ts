import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { createRuntime } from '../server/runtime.js';
import { openLowdbStore } from '../server/store/lowdb-store.js';
import { openPgStore } from '../server/store/pg/pg-store.js';
import { clock } from './store-write.js';

/**
 * A server for the HTTP bench rows, in its own process so that the load generator does not share its
 * thread: `app <dataDir> [databaseUrl]` serves Tenderlab (runtime and app, no bot, no upkeep) on the bench's
 * clock, from lowdb on `dataDir` or, given `databaseUrl`, from PostgreSQL with `dataDir` as its index cache;
 * `bare <bodies.json>` serves fixed bodies from a bare Hono app, the reference. Prints the port, then
 * serves until killed.
 */

/** The fixed answers of the bare reference: path (with query, then `#signed` when a token is sent) → body and content type. */
export type BareBodies = Record<string, { body: string; contentType: string }>;

const [mode, source, databaseUrl] = process.argv.slice(2);
let fetch: (request: Request) => Response | Promise<Response>;
if (mode === 'app') {
  const runtime = await createRuntime({
    store: databaseUrl ? await openPgStore({ connectionString: databaseUrl }) : await openLowdbStore({ dataDir: source! }),
    dataDir: source!,
    clock,
    config: { corsOrigins: [], trustProxy: 0, authRateLimit: 1_000_000, bodyLimitBytes: 256 * 1024, publicUrl: 'http://localhost' },
  });
  fetch = runtime.app.fetch;
  process.once('SIGTERM', () => void runtime.close().then(() => process.exit(0)));
} else if (mode === 'bare') {
  const bodies = JSON.parse(await readFile(source!, 'utf8')) as BareBodies;
  const app = new Hono();
  app.get('*', (c) => {
    const url = new URL(c.req.url);
    const found = bodies[url.pathname + url.search + (c.req.header('authorization') ? '#signed' : '')];
    return found ? c.body(found.body, 200, { 'content-type': found.contentType }) : c.notFound();
  });
  fetch = app.fetch;
  process.once('SIGTERM', () => process.exit(0));
} else {
  throw new Error('usage: http-server.ts app <dataDir> [databaseUrl] | bare <bodies.json>');
}
serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(String(info.port)));
