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
  /** How long the change feed keeps a transaction, and how often it prunes (defaults: an hour, 10 minutes). */
  feedRetentionMs?: number;
  feedPruneIntervalMs?: number;
}

type Run = <R extends pg.QueryResultRow>(sql: string, params: unknown[]) => Promise<R[]>;

const statementNames = new Map<string, string>();

/**
 * `sql` as a named (prepared) statement: each connection parses and plans it once, not on every call. The
 * store's SQL comes from a fixed set of templates over the table names, so the names stay few.
 */
function prepared(sql: string, values: unknown[]): pg.QueryConfig {
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `tenderlab_${statementNames.size + 1}`));
  return { name, text: sql, values };
}

/** A row one transaction touched: its first-seen version (null: absent) and its latest, as written to the feed. */
interface Touched {
  table: TableName;
  id: string;
  before: object | null;
  after: object | null;
}

/** One attempt of a transaction on one connection. */
class PgTransaction {
  readonly touched = new Map<string, Touched>();
  /**
   * Rows this attempt has read or written, by table and id (null: known absent). Under SERIALIZABLE every
   * read sees one snapshot plus the attempt's own writes, so a second read of a row would answer the same:
   * `get` answers from here, and `update` needs no SELECT before its UPDATE (which fails with a
   * serialization error if the row changed since the snapshot, so the patch never applies to a stale row).
   */
  readonly rows = new Map<string, object | null>();
  /** The transaction id, from the first write's RETURNING: what `pg_xact_status` is asked if COMMIT breaks. */
  txid: string | null = null;
  /** The first statement that failed: PostgreSQL ignores everything after it, so the attempt cannot commit. */
  failure: unknown;
  private writes: Promise<unknown> = Promise.resolve();
  private over = false;

  constructor(private readonly client: pg.PoolClient) {}

  readonly run: Run = async (sql, params) => {
    // The connection goes back to the pool at the end: a leftover reference must not reach whoever gets it next.
    if (this.over) throw new Error('This transaction is over; read and write inside its function only');
    try {
      return (await this.client.query(prepared(sql, params))).rows;
    } catch (error) {
      this.failure ??= error;
      throw toStoreError(error);
    }
  };

  /** Several statements as one simple query, in one round trip: their results in order. */
  async script(sql: string): Promise<pg.QueryResult[]> {
    if (this.over) throw new Error('This transaction is over; read and write inside its function only');
    try {
      return (await this.client.query(sql)) as unknown as pg.QueryResult[];
    } catch (error) {
      this.failure ??= error;
      throw toStoreError(error);
    }
  }

  /** `text` as an SQL string literal, for a script. */
  literal(text: string): string {
    return this.client.escapeLiteral(text);
  }

  /** Settles once the writes started so far have: a read from `rows` after it sees them. */
  idle(): Promise<unknown> {
    return this.writes;
  }

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
    this.rows.set(key, after);
  }

  /** Note rows read in this attempt (ids asked for but absent as null), so that later reads of them need no query. */
  remember(table: TableName, rows: readonly { id: string }[], absent: readonly string[] = []): void {
    for (const row of rows) this.rows.set(`${table}\0${row.id}`, row);
    for (const id of absent) this.rows.set(`${table}\0${id}`, null);
  }

  /** The row as this attempt last saw it: a row, null (absent) or undefined (not read yet). */
  recall(table: TableName, id: string): object | null | undefined {
    return this.rows.get(`${table}\0${id}`);
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
  type R = Readonly<Row>;
  const read = reader(name, tx.run);
  const recalled = (id: string) => tx.recall(name, id) as R | null | undefined;
  /** A write's RETURNING also names the transaction id, which the first write assigns. */
  const written = async (sql: string, params: unknown[]): Promise<R | undefined> => {
    const [result] = await tx.run<{ row: Row; txid: string }>(`${sql} RETURNING row, pg_current_xact_id()::text AS txid`, params);
    if (result) tx.txid ??= result.txid;
    return result && Object.freeze(fromJsonb(result.row));
  };
  const remembered = async (rows: Promise<R[]>): Promise<R[]> => {
    const found = await rows;
    tx.remember(name, found);
    return found;
  };
  return {
    ...read,
    get: async (id) => {
      await tx.idle();
      const known = recalled(id);
      if (known !== undefined) return known ?? undefined;
      const row = await read.get(id);
      if (row) tx.remember(name, [row]);
      else tx.remember(name, [], [id]);
      return row;
    },
    getMany: async (ids) => {
      await tx.idle();
      const found = new Map<string, R>();
      const unknown: string[] = [];
      for (const id of ids) {
        const known = recalled(id);
        if (known === undefined) unknown.push(id);
        else if (known) found.set(id, known);
      }
      if (unknown.length === 0) return found;
      const fetched = await read.getMany(unknown);
      tx.remember(name, [...fetched.values()], unknown.filter((id) => !fetched.has(id)));
      for (const [id, row] of fetched) found.set(id, row);
      return found;
    },
    where: (index, value) => remembered(read.where(index, value)),
    page: (index, value, window) => remembered(read.page(index, value, window)),
    all: () => remembered(read.all()),
    insert: (row) =>
      tx.exclusive(async () => {
        // ON CONFLICT keeps the transaction usable after a duplicate id, as in the lowdb store.
        const inserted = await written(`INSERT INTO ${name} (id, row) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, [toStoredText(row.id), toJsonbText(row)]);
        if (!inserted) throw new Error(`${name}: a row with id ${row.id} exists`);
        tx.touch(name, row.id, null, inserted);
        return inserted;
      }),
    update: (id, patch) =>
      tx.exclusive(async () => {
        // No SELECT … FOR UPDATE first: the UPDATE locks the row, and under SERIALIZABLE it fails (and the
        // attempt runs again) if another transaction changed the row after this one's snapshot.
        let before = recalled(id);
        if (before === undefined) {
          const [current] = await tx.run<{ row: Row }>(`SELECT row FROM ${name} WHERE id = $1`, [toStoredText(id)]);
          before = current ? Object.freeze(fromJsonb(current.row)) : null;
        }
        if (!before) throw new Error(`${name}: no row with id ${id}`);
        const next = typeof patch === 'function' ? patch(before) : { ...before, ...patch };
        if (next.id !== id) throw new Error(`${name}: an update may not change the id`);
        const after = await written(`UPDATE ${name} SET row = $2 WHERE id = $1`, [toStoredText(id), toJsonbText(next)]);
        if (!after) throw new Error(`${name}: no row with id ${id}`);
        tx.touch(name, id, before, after);
        return after;
      }),
    remove: (id) =>
      tx.exclusive(async () => {
        const removed = await written(`DELETE FROM ${name} WHERE id = $1`, [toStoredText(id)]);
        if (!removed) return false;
        tx.touch(name, id, removed, null);
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
    let store: PgStore | undefined;
    const feed = await openChangeFeed({
      pool,
      pollIntervalMs: options.pollIntervalMs ?? 500,
      ...(options.feedRetentionMs === undefined ? {} : { retentionMs: options.feedRetentionMs }),
      ...(options.feedPruneIntervalMs === undefined ? {} : { pruneIntervalMs: options.feedPruneIntervalMs }),
      onBehind: (reason) => {
        console.error(`[store] ${reason}`);
        store?.fallBehind(reason);
      },
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
    store = new PgStore(pool, feed, listeners, options.maxAttempts ?? 20);
    return store;
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
  private behind: string | null = null;

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
        return (await this.pool.query(prepared(sql, params))).rows;
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
    let committing = false;
    let seq = 0;
    let result: R;
    try {
      await tx.run('BEGIN ISOLATION LEVEL SERIALIZABLE', []);
      result = await this.context.run({ tx, writers }, () => fn(writers));
      if (tx.failure) throw tx.failure;
      committing = true;
      seq = await this.commit(tx);
    } catch (error) {
      tx.end();
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      client.release(rolledBack ? undefined : new Error('ROLLBACK failed; dropping the connection'));
      // A conflict makes whatever `fn` concluded meaningless (its reads were not serializable): run it again.
      if (isRetryable(tx.failure)) return { conflict: tx.failure };
      if (committing && tx.txid && !rolledBack && !(error instanceof pg.DatabaseError)) {
        // The connection broke during COMMIT, so it may have happened: StoreUnavailableError promises it did not.
        const outcome = await this.outcomeOf(tx.txid);
        if (outcome?.status === 'committed') return { committed: result!, seq: outcome.last };
        if (outcome?.status !== 'aborted') throw new Error(`The outcome of a COMMIT is unknown: ${(error as Error).message}`, { cause: error });
      }
      throw this.unavailable(error);
    }
    tx.end();
    client.release();
    this.state = { ok: true };
    return { committed: result, seq };
  }

  /**
   * `committed`, `aborted` or `in progress` for a transaction id, with the feed's last seq now (a committed
   * transaction's changes are at or before it); null when the database cannot say now.
   */
  private async outcomeOf(txid: string): Promise<{ status: string | null; last: number } | null> {
    try {
      const { rows } = await this.pool.query<{ status: string | null; last: string }>(
        'SELECT pg_xact_status($1::xid8) AS status, (SELECT coalesce(max(seq), 0) FROM changes) AS last',
        [txid],
      );
      return rows[0] ? { status: rows[0].status, last: Number(rows[0].last) } : null;
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
    return this.behind ? { ok: false, reason: this.behind } : this.state;
  }

  /** The change feed missed transactions for good: what this instance derives from it is stale until restart. */
  fallBehind(reason: string): void {
    this.behind = reason;
  }

  /**
   * Commit, appending the transaction's changes to the feed and waking the tailers (NOTIFY is sent at
   * commit); returns the last seq appended (0: nothing changed). The advisory lock, held until commit,
   * orders appends by commit (migrations/002_change_feed.sql). It serializes every committing transaction
   * of the cluster, so lock, append, NOTIFY and COMMIT go as one script in one round trip: the lock is held
   * for the server's own work and the commit's WAL flush, never while a reply crosses to this process and
   * waits for its event loop.
   */
  private async commit(tx: PgTransaction): Promise<number> {
    const changes = [...tx.touched.values()].filter((c) => c.before !== null || c.after !== null);
    if (changes.length === 0) {
      await tx.run('COMMIT', []);
      return 0;
    }
    // A script (several statements) takes no parameters, so the changes go in as an escaped literal.
    const results = await tx.script(
      `SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.changeFeedOrder});
       INSERT INTO changes (tx, table_name, row_id, before, after)
       SELECT pg_current_xact_id()::text::bigint, c->>'table', c->>'id', nullif(c->'before', 'null'), nullif(c->'after', 'null')
       FROM jsonb_array_elements(${tx.literal(toJsonbText(changes))}::jsonb) WITH ORDINALITY AS e(c, n) ORDER BY n
       RETURNING seq;
       SELECT pg_notify('${CHANGES_CHANNEL}', '');
       COMMIT`,
    );
    return (results[1]!.rows as { seq: string }[]).reduce((last, r) => Math.max(last, Number(r.seq)), 0);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(this.inflight);
    await this.feed.close();
    await this.pool.end();
  }
}
