import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Rows, TableName } from '../rows.js';
import {
  StoreUnavailableError,
  type Change,
  LIST_KEYS,
  type IndexValue,
  type PageWindow,
  type Readers,
  type Store,
  type StoreHealth,
  type TableReader,
  type TableWriter,
  type Writers,
} from '../store.js';
import { openChangeFeed, type ChangeFeed } from './change-feed.js';
import { TransactionConflictError, isRetryable, toStoreError } from './errors.js';
import { fromJsonb, toJsonbText, toStoredText } from './jsonb-text.js';
import { migrate } from './migrate.js';
import { createPgPool } from './pool.js';
import { ADVISORY_LOCKS, CHANGES_CHANNEL, INDEX_COLUMNS } from './schema.js';

const TABLES = Object.keys(INDEX_COLUMNS) as TableName[];

export interface PgStoreOptions {
  /** `postgres://user@host:port/database`. */
  connectionString: string;
  /** Pool size (default 10); the change feed holds one more connection for LISTEN. */
  maxConnections?: number;
  /** How often the change feed looks for commits whose NOTIFY it missed (default 500 ms). */
  pollIntervalMs?: number;
  /**
   * Runs of a transaction that meets a serialization failure or deadlock, at most (default 20: 32 writers
   * updating one row at once needed up to 10 runs each when measured).
   */
  maxAttempts?: number;
}

type Run = <R extends pg.QueryResultRow>(sql: string, params: unknown[]) => Promise<R[]>;

/** A row one transaction touched: its first-seen version (null: absent) and its latest, as written to the feed. */
interface Touched {
  table: TableName;
  id: string;
  before: object | null;
  after: object | null;
}

/** What a transaction appended to the change feed: its last seq and its transaction id. */
interface Appended {
  seq: number;
  txid: string;
}

/** One attempt of a transaction on one connection. */
class PgTransaction {
  readonly touched = new Map<string, Touched>();
  /** The first statement that failed: PostgreSQL ignores everything after it, so the attempt cannot commit. */
  failure: unknown;
  private writes: Promise<unknown> = Promise.resolve();
  private over = false;

  constructor(private readonly client: pg.PoolClient) {}

  readonly run: Run = async (sql, params) => {
    // The connection goes back to the pool at the end: a leftover reference must not reach whoever gets it next.
    if (this.over) throw new Error('This transaction is over; read and write inside its function only');
    try {
      return (await this.client.query(sql, params)).rows;
    } catch (error) {
      this.failure ??= error;
      throw toStoreError(error);
    }
  };

  /** Writes run one at a time, so that an update's read and write are not interleaved with another's. */
  exclusive<R>(write: () => Promise<R>): Promise<R> {
    const next = this.writes.then(write, write);
    this.writes = next.catch(() => undefined);
    return next;
  }

  /** Refuse any further statement: the connection is about to be released. */
  end(): void {
    this.over = true;
  }

  touch(table: TableName, id: string, before: object | null, after: object | null): void {
    const key = `${table}\0${id}`;
    const seen = this.touched.get(key);
    if (seen) seen.after = after;
    else this.touched.set(key, { table, id, before, after });
  }
}

/** An index value as its column holds it (jsonb-text.ts). */
const stored = (value: IndexValue): IndexValue => (typeof value === 'string' ? toStoredText(value) : value);

function reader<T extends TableName>(name: T, run: Run): TableReader<T> {
  type R = Readonly<Rows[T]>;
  const columns: Record<string, string> = INDEX_COLUMNS[name];
  const columnOf = (index: string): string => {
    const column = columns[index];
    if (!column) throw new Error(`${name} has no index ${index}`);
    return column;
  };
  return {
    get: async (id) => {
      const rows = await run<{ row: R }>(`SELECT row FROM ${name} WHERE id = $1`, [toStoredText(id)]);
      return rows[0] && Object.freeze(fromJsonb(rows[0].row));
    },
    getMany: async (ids) => {
      const rows = await run<{ id: string; row: R }>(`SELECT id, row FROM ${name} WHERE id = ANY($1::text[])`, [ids.map(toStoredText)]);
      return new Map(rows.map((r) => [fromJsonb(r.id), Object.freeze(fromJsonb(r.row))]));
    },
    where: async (index, value: IndexValue) => {
      const rows = await run<{ row: R }>(`SELECT row FROM ${name} WHERE ${columnOf(index)} = $1 ORDER BY pos`, [stored(value)]);
      return rows.map((r) => Object.freeze(fromJsonb(r.row)));
    },
    countWhere: async (index, value: IndexValue) =>
      (await run<{ n: number }>(`SELECT count(*)::integer AS n FROM ${name} WHERE ${columnOf(index)} = $1`, [stored(value)]))[0]!.n,
    page: async (index, value: IndexValue, { direction, after, limit }: PageWindow) => {
      if (!(name in LIST_KEYS)) throw new Error(`${name} has no list order (LIST_KEYS): it cannot be paged`);
      const order = direction === 'asc' ? 'ASC' : 'DESC';
      const rows =
        after === undefined
          ? await run<{ row: R }>(`SELECT row FROM ${name} WHERE ${columnOf(index)} = $1 ORDER BY list_key ${order} LIMIT $2`, [stored(value), limit])
          : await run<{ row: R }>(
              `SELECT row FROM ${name} WHERE ${columnOf(index)} = $1 AND list_key ${direction === 'asc' ? '>' : '<'} $2 ORDER BY list_key ${order} LIMIT $3`,
              [stored(value), toStoredText(after), limit],
            );
      return rows.map((r) => Object.freeze(fromJsonb(r.row)));
    },
    all: async () => (await run<{ row: R }>(`SELECT row FROM ${name} ORDER BY pos`, [])).map((r) => Object.freeze(fromJsonb(r.row))),
    count: async () => (await run<{ n: number }>(`SELECT count(*)::integer AS n FROM ${name}`, []))[0]!.n,
  };
}

function writer<T extends TableName>(name: T, tx: PgTransaction): TableWriter<T> {
  type Row = Rows[T];
  return {
    ...reader(name, tx.run),
    insert: (row) =>
      tx.exclusive(async () => {
        // ON CONFLICT keeps the transaction usable after a duplicate id, as in the lowdb store.
        const [inserted] = await tx.run<{ row: Row }>(
          `INSERT INTO ${name} (id, row) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING row`,
          [toStoredText(row.id), toJsonbText(row)],
        );
        if (!inserted) throw new Error(`${name}: a row with id ${row.id} exists`);
        const frozen = Object.freeze(fromJsonb(inserted.row));
        tx.touch(name, row.id, null, frozen);
        return frozen;
      }),
    update: (id, patch) =>
      tx.exclusive(async () => {
        const [current] = await tx.run<{ row: Row }>(`SELECT row FROM ${name} WHERE id = $1 FOR UPDATE`, [toStoredText(id)]);
        if (!current) throw new Error(`${name}: no row with id ${id}`);
        const before = Object.freeze(fromJsonb(current.row));
        const next = typeof patch === 'function' ? patch(before) : { ...before, ...patch };
        if (next.id !== id) throw new Error(`${name}: an update may not change the id`);
        const [updated] = await tx.run<{ row: Row }>(`UPDATE ${name} SET row = $2 WHERE id = $1 RETURNING row`, [toStoredText(id), toJsonbText(next)]);
        const after = Object.freeze(fromJsonb(updated!.row));
        tx.touch(name, id, before, after);
        return after;
      }),
    remove: (id) =>
      tx.exclusive(async () => {
        const [removed] = await tx.run<{ row: Row }>(`DELETE FROM ${name} WHERE id = $1 RETURNING row`, [toStoredText(id)]);
        if (!removed) return false;
        tx.touch(name, id, Object.freeze(fromJsonb(removed.row)), null);
        return true;
      }),
  };
}

/** Wait before attempt `attempt + 1`: full jitter over an exponential bound, so conflicting retries spread out. */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(500, 10 * 2 ** attempt);
}

/**
 * Open the PostgreSQL store: runs pending migrations (under an advisory lock), then starts tailing the
 * change feed from its current end.
 *
 * The contract, beyond `Store`'s:
 * - `transact` runs `fn` in one SERIALIZABLE transaction. When PostgreSQL reports a serialization failure or
 *   a deadlock (also one that `fn` caught), the whole attempt is rolled back and `fn` runs again, up to
 *   `maxAttempts` runs, then it rejects with TransactionConflictError. So `fn` may run more than once: it
 *   must do nothing outside the transaction but read and write through it (side effects go in `onCommit`).
 * - Reads through `tables` inside `fn` (or a nested `transact`) use the transaction and see its writes;
 *   reads elsewhere see committed data only.
 * - A write breaking a uniqueness rule rejects with UniqueViolationError and ends the transaction.
 * - `onCommit` listeners get every instance's commits on this database, one transaction per call, in
 *   commit order, exactly once; a `transact` returns after its own commit has been delivered here.
 * - When the database is out of reach, calls reject with StoreUnavailableError, which for `transact` means
 *   that nothing was written. If the connection breaks during COMMIT, the store asks the database
 *   (`pg_xact_status`) what became of the transaction: committed counts as committed, and an answer it
 *   cannot get rejects with a plain Error (the outcome is unknown). Such a COMMIT is never retried.
 */
export async function openPgStore(options: PgStoreOptions): Promise<Store> {
  const pool = createPgPool({ connectionString: options.connectionString, ...(options.maxConnections ? { max: options.maxConnections } : {}) });
  try {
    await migrate(pool);
    const listeners = new Set<(changes: readonly Change[]) => void>();
    const feed = await openChangeFeed({
      pool,
      pollIntervalMs: options.pollIntervalMs ?? 500,
      connectListener: async () => {
        const client = new pg.Client({ connectionString: options.connectionString, application_name: 'tenderlab-feed' });
        await client.connect();
        return client;
      },
      deliver: (changes) => {
        for (const listener of listeners) {
          try {
            listener(changes);
          } catch (error) {
            console.error('[store] a commit listener failed:', error);
          }
        }
      },
    });
    return new PgStore(pool, feed, listeners, options.maxAttempts ?? 20);
  } catch (error) {
    await pool.end();
    throw toStoreError(error);
  }
}

class PgStore implements Store {
  readonly tables: Readers;
  private readonly context = new AsyncLocalStorage<{ tx: PgTransaction; writers: Writers }>();
  private readonly inflight = new Set<Promise<unknown>>();
  private closed = false;
  private state: StoreHealth = { ok: true };

  constructor(
    private readonly pool: pg.Pool,
    private readonly feed: ChangeFeed,
    private readonly listeners: Set<(changes: readonly Change[]) => void>,
    private readonly maxAttempts: number,
  ) {
    // Inside a transaction, `tables` reads through it: the same answers as the lowdb store, and no second
    // connection taken while one is held (which could exhaust the pool).
    const run: Run = async (sql, params) => {
      const tx = this.context.getStore()?.tx;
      if (tx) return tx.run(sql, params);
      try {
        return (await this.pool.query(sql, params)).rows;
      } catch (error) {
        throw this.unavailable(error);
      }
    };
    this.tables = Object.fromEntries(TABLES.map((name) => [name, reader(name, run)])) as unknown as Readers;
  }

  onCommit(listener: (changes: readonly Change[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  transact<R>(fn: (tx: Writers) => Promise<R>): Promise<R> {
    const outer = this.context.getStore();
    if (outer) return fn(outer.writers);
    if (this.closed) return Promise.reject(new StoreUnavailableError('The store is closed'));
    const done = this.runWithRetries(fn);
    this.inflight.add(done);
    const forget = () => this.inflight.delete(done);
    done.then(forget, forget);
    return done;
  }

  private async runWithRetries<R>(fn: (tx: Writers) => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(fn);
      if ('committed' in outcome) {
        if (outcome.seq > 0) await this.feed.reach(outcome.seq);
        return outcome.committed;
      }
      if (attempt >= this.maxAttempts) throw new TransactionConflictError(attempt, { cause: outcome.conflict });
      await sleep(backoffMs(attempt));
    }
  }

  /** One run of `fn`: committed (with the last change-feed seq, 0 if nothing changed), or a conflict to retry. */
  private async attempt<R>(fn: (tx: Writers) => Promise<R>): Promise<{ committed: R; seq: number } | { conflict: unknown }> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw this.unavailable(error);
    }
    const tx = new PgTransaction(client);
    const writers = Object.fromEntries(TABLES.map((name) => [name, writer(name, tx)])) as unknown as Writers;
    let appended: Appended | null = null;
    let result: R;
    try {
      await tx.run('BEGIN ISOLATION LEVEL SERIALIZABLE', []);
      result = await this.context.run({ tx, writers }, () => fn(writers));
      if (tx.failure) throw tx.failure;
      appended = await this.appendChanges(tx);
      await tx.run('COMMIT', []);
    } catch (error) {
      tx.end();
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      client.release(rolledBack ? undefined : new Error('ROLLBACK failed; dropping the connection'));
      // A conflict makes whatever `fn` concluded meaningless (its reads were not serializable): run it again.
      if (isRetryable(tx.failure)) return { conflict: tx.failure };
      if (appended && !rolledBack && !(error instanceof pg.DatabaseError)) {
        // The connection broke during COMMIT, so it may have happened: StoreUnavailableError promises it did not.
        const status = await this.statusOf(appended.txid);
        if (status === 'committed') return { committed: result!, seq: appended.seq };
        if (status !== 'aborted') throw new Error(`The outcome of a COMMIT is unknown: ${(error as Error).message}`, { cause: error });
      }
      throw this.unavailable(error);
    }
    tx.end();
    client.release();
    this.state = { ok: true };
    return { committed: result, seq: appended?.seq ?? 0 };
  }

  /** `committed`, `aborted` or `in progress` for a transaction id; null when the database cannot say now. */
  private async statusOf(txid: string): Promise<string | null> {
    try {
      const { rows } = await this.pool.query<{ status: string | null }>('SELECT pg_xact_status($1::xid8) AS status', [txid]);
      return rows[0]?.status ?? null;
    } catch {
      return null;
    }
  }

  /** Translate a `pg` error, noting in `health()` that the database is out of reach if it is. */
  private unavailable(error: unknown): unknown {
    const translated = toStoreError(error);
    if (translated instanceof StoreUnavailableError) this.state = { ok: false, reason: translated.message };
    return translated;
  }

  health(): StoreHealth {
    return this.state;
  }

  /**
   * Append the transaction's changes to the feed and wake the tailers (NOTIFY is sent at commit). The
   * advisory lock, held until commit, orders appends by commit: see migrations/002_change_feed.sql.
   */
  private async appendChanges(tx: PgTransaction): Promise<Appended | null> {
    const changes = [...tx.touched.values()].filter((c) => c.before !== null || c.after !== null);
    if (changes.length === 0) return null;
    await tx.run('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.changeFeedOrder]);
    const rows = await tx.run<{ seq: string; tx: string }>(
      `INSERT INTO changes (tx, table_name, row_id, before, after)
       SELECT pg_current_xact_id()::text::bigint, c->>'table', c->>'id', nullif(c->'before', 'null'), nullif(c->'after', 'null')
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(c, n) ORDER BY n
       RETURNING seq, tx`,
      [toJsonbText(changes)],
    );
    await tx.run("SELECT pg_notify($1, '')", [CHANGES_CHANNEL]);
    return { seq: rows.reduce((last, r) => Math.max(last, Number(r.seq)), 0), txid: rows[0]!.tx };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(this.inflight);
    await this.feed.close();
    await this.pool.end();
  }
}
