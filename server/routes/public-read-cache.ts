import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../clock.js';
import type { StorageStatus } from '../domain/storage-status.js';
import type { TableName } from '../store/rows.js';

/** Distinct pages kept; past this the least recently used goes. */
const MAX_ENTRIES = 500;

/**
 * The tables public pages are made of: challenges (with their counters, so bids and saves count), owner
 * profiles and the public Q&A. A commit to any other table (papers, tokens, notifications) leaves every
 * public page as it was.
 */
const PUBLIC_TABLES: ReadonlySet<TableName> = new Set(['challenges', 'accounts', 'questions']);

interface Entry {
  generation: number;
  second: number;
  /**
   * The encoded body, sent as it is rather than encoded again per request; a Uint8Array (not an
   * ArrayBuffer) so @hono/node-server writes it straight out without building a full Response.
   */
  body: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
}

export interface PublicReadCacheOptions {
  storage: Pick<StorageStatus, 'onCommit'>;
  clock: Clock;
  /** Response headers the handler sets that a cached answer must carry again (lower case). */
  keep: readonly string[];
}

/**
 * Answers an anonymous GET from the answer last computed for the same address (and Accept-Language),
 * while nothing it is made of has changed: no commit to a public table since, and the same second on the
 * clock (statuses and countdowns follow the time, so an answer is never more than a second old). Only 200
 * answers are kept, and only for callers without a token: a signed-in caller's answer carries their own
 * relation to each challenge. Thousands of readers of the same list or search then cost one computation
 * per second, and a commit is visible to the very next request.
 */
export function publicReadCache({ storage, clock, keep }: PublicReadCacheOptions): MiddlewareHandler {
  const entries = new Map<string, Entry>();
  let generation = 0;
  storage.onCommit((tables) => {
    if ([...tables].some((table) => PUBLIC_TABLES.has(table))) generation++;
  });

  return async (c, next) => {
    if (c.req.method !== 'GET' || c.req.header('authorization')) return next();
    const key = `${c.req.url}\n${c.req.header('accept-language') ?? ''}`;
    const second = Math.floor(clock.now().getTime() / 1000);
    const found = entries.get(key);
    if (found && found.generation === generation && found.second === second) {
      entries.delete(key);
      entries.set(key, found);
      for (const [name, value] of found.headers) c.header(name, value);
      return c.body(found.body, 200);
    }
    const started = generation;
    await next();
    // An answer computed across a commit may mix before and after: serve it, keep nothing.
    if (c.res.status !== 200 || generation !== started) return;
    const headers = keep.flatMap((name): [string, string][] => {
      const value = c.res.headers.get(name);
      return value === null ? [] : [[name, value]];
    });
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    entries.delete(key);
    entries.set(key, { generation: started, second, body, headers });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  };
}
