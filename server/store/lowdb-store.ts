import { AsyncLocalStorage } from 'node:async_hooks';
import { dirname, join } from 'node:path';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { fsyncDirectory, writeFileDurably } from './durable-json-file.js';
import { loadDataDir, logFileName, type LoggedChange } from './load-data-dir.js';
import type { AnyRow, MemTable } from './mem-table.js';
import { listWindow, rowsById } from './list-window.js';
import type { Rows, TableName } from './rows.js';
import { DIR_MODE, errorCode, nodeStoreFs, tightenMode, type StoreFs } from './store-fs.js';
import {
  StoreUnavailableError,
  type Change,
  type Readers,
  type Store,
  type StoreHealth,
  type TableReader,
  type Writers,
} from './store.js';
import { txWriters, type Transaction } from './tx-writers.js';
import { encodeRecord, LogWriter } from './write-ahead-log.js';

/**
 * The fewest files per table. A checkpoint rewrites only the shard files holding changed rows, so its cost
 * follows the size of a shard, not of the table; as a table grows, each start picks enough shards to keep
 * about `rowsPerShard` rows in each (a power of two) and reshards once if that changed.
 */
export const DEFAULT_SHARDS: Record<TableName, number> = {
  accounts: 16,
  tokens: 16,
  challenges: 32,
  bids: 64,
  questions: 16,
  saves: 32,
  papers: 32,
  subscriptions: 32,
  notifications: 64,
  codes: 4,
  conversations: 4,
  telegram_updates: 16,
  reviewers: 4,
  recusals: 4,
  scores: 8,
  achievements: 16,
  enquiries: 16,
  deals: 4,
};

/** About this many rows per shard file (a few hundred KB of JSON for the larger rows). */
export const DEFAULT_ROWS_PER_SHARD = 256;
/** Checkpoint once the log holds this much. */
const CHECKPOINT_BYTES = 4 * 1024 * 1024;
/** … or once writes paused this long. */
const CHECKPOINT_IDLE_MS = 2_000;
/** While writes fail, try again this often even if no request comes. */
const RETRY_MS = 1_000;

const TABLES = Object.keys(DEFAULT_SHARDS) as TableName[];

export interface LowdbStoreOptions {
  dataDir: string;
  /** Minimum shard counts, per table. */
  shards?: Partial<Record<TableName, number>>;
  rowsPerShard?: number;
  /** The file layer; tests inject disk faults through it. */
  fs?: StoreFs;
  /** Checkpoint once the log holds this many bytes. */
  checkpointBytes?: number;
}

/** How many shards a table of `rows` rows gets: at least `minimum`, else the power of two that keeps shards near `perShard`. */
export function shardCountFor(rows: number, minimum: number, perShard: number): number {
  const needed = 2 ** Math.ceil(Math.log2(Math.max(1, rows / perShard)));
  return Math.max(minimum, needed);
}

/**
 * Open (creating if needed) the lowdb store under `dataDir`: takes the directory lock, loads every table,
 * replays the write-ahead log over it and checkpoints the result, so it starts on shard files alone.
 *
 * Layout (folders 0700, files 0600): `<dataDir>/<table>/<shard>.json`, `{"rows":[…]}` with one row per
 * line; `wal-<generation>.log`, the write-ahead log (see write-ahead-log.ts); `tenderlab.lock`.
 *
 * Writes use group commit: transactions run one at a time in memory; those that finish while the log's
 * fsync is in flight are appended as one record with one fsync when it returns, and each is acknowledged
 * once that record is durable. Shard files are rewritten from the durable rows later, off the
 * acknowledgement path (a checkpoint: when the log reaches `checkpointBytes`, after 2 s without writes, and
 * at close), after which the log files they cover are deleted. A start replays the complete, verified
 * records of every log in order; a record is only ever incomplete at the end of the newest log, and such a
 * record was never acknowledged.
 *
 * When a record cannot be written, the log is cut back to before it, and its transactions and every later
 * one (they may have read its writes) are undone in memory and rejected with `StoreUnavailableError`. If
 * even the cut fails, their outcome is in doubt: they stay unanswered and further writes are refused until
 * the cut succeeds, so no error is ever returned for a write a restart could replay. `health()` reports
 * the failure until a write (a request's, or an empty probe record every second) succeeds again.
 */
export async function openLowdbStore(options: LowdbStoreOptions): Promise<Store> {
  const { dataDir } = options;
  const fs = options.fs ?? nodeStoreFs;
  await fs.mkdir(dataDir, DIR_MODE);
  await tightenMode(fs, dataDir, DIR_MODE);
  let lost: ((reason: string) => void) | null = null;
  const lock = await lockDataDir(dataDir, {
    onLost: (holder) => lost?.(`the data directory was taken over by ${holder ? `process ${holder.pid} on ${holder.hostname}` : 'another process'}`),
  });
  try {
    const loaded = await loadDataDir(fs, dataDir, {
      tables: TABLES,
      shardCount: (table, rows) =>
        shardCountFor(rows, options.shards?.[table] ?? DEFAULT_SHARDS[table], options.rowsPerShard ?? DEFAULT_ROWS_PER_SHARD),
    });
    const shardWriter = createShardWriter(fs, dataDir, loaded.tables);
    await shardWriter.write(loaded.stale);
    for (const path of loaded.obsolete) await removeFile(fs, path);
    for (const dir of new Set(loaded.obsolete.map((path) => dirname(path)))) await fsyncDirectory(dir, fs);
    const log = await LogWriter.create(fs, join(dataDir, logFileName(loaded.nextGeneration)));
    await fsyncDirectory(dataDir, fs);
    const store = new LowdbStore({ fs, dataDir, tables: loaded.tables, lock, log, generation: loaded.nextGeneration, shardWriter, checkpointBytes: options.checkpointBytes ?? CHECKPOINT_BYTES });
    lost = (reason) => store.lose(reason);
    return store;
  } catch (error) {
    await lock.release();
    throw error;
  }
}

type Shards = Map<TableName, Set<number>>;

/** Writes shard files from the durable rows, then fsyncs the folders they are in. */
function createShardWriter(fs: StoreFs, dataDir: string, tables: Map<TableName, MemTable>) {
  return {
    async write(shards: Shards): Promise<void> {
      for (const [name, indexes] of shards) {
        const table = tables.get(name)!;
        for (const shard of indexes) {
          const path = join(dataDir, name, `${String(shard).padStart(2, '0')}.json`);
          await writeFileDurably(path, serializeShard(table.committedShard(shard)), false, fs);
        }
        await fsyncDirectory(join(dataDir, name), fs);
      }
    },
  };
}

function serializeShard(rows: readonly AnyRow[]): string {
  return rows.length === 0 ? '{"rows":[]}\n' : `{"rows":[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

function markShard(shards: Shards, table: TableName, shard: number): void {
  let set = shards.get(table);
  if (!set) shards.set(table, (set = new Set()));
  set.add(shard);
}

function mergeShards(into: Shards, from: Shards): void {
  for (const [table, indexes] of from) for (const shard of indexes) markShard(into, table, shard);
}

/** Delete a file that may already be gone. */
async function removeFile(fs: StoreFs, path: string): Promise<void> {
  try {
    await fs.unlink(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/** A transaction that ran and waits for its record to be durable. */
interface Waiting {
  seq: number;
  changes: Change[];
  resolve(): void;
  reject(error: Error): void;
}

/**
 * `writing`: records go to the log. `failing`: the last write failed and was undone; writes are tried again
 * (each a probe). `settling`: a failed record is being undone, or could not be yet; nothing is written or
 * answered until it is. `closed`/`lost`: no more writes.
 */
type Mode = 'writing' | 'failing' | 'settling' | 'closed' | 'lost';

interface LowdbStoreDeps {
  fs: StoreFs;
  dataDir: string;
  tables: Map<TableName, MemTable>;
  lock: DataDirLock;
  log: LogWriter;
  generation: number;
  shardWriter: ReturnType<typeof createShardWriter>;
  checkpointBytes: number;
}

class LowdbStore implements Store {
  readonly tables: Readers;
  private readonly fs: StoreFs;
  private readonly dataDir: string;
  private readonly mem: Map<TableName, MemTable>;
  private readonly lock: DataDirLock;
  private readonly shardWriter: LowdbStoreDeps['shardWriter'];
  private readonly checkpointBytes: number;
  private readonly context = new AsyncLocalStorage<{ tx: Transaction; writers: Writers }>();
  private readonly listeners = new Set<(changes: readonly Change[]) => void>();

  /** Transactions run one after another on this chain. */
  private queue: Promise<unknown> = Promise.resolve();
  private seq = 0;
  /** Ran, not yet written. */
  private waiting: Waiting[] = [];
  /** Durability of the newest transaction that changed something; what a read-only one waits for. */
  private newest: Promise<void> = Promise.resolve();
  /** The log and what appends to it, one at a time. */
  private log: LogWriter;
  private generation: number;
  private logTurn: Promise<unknown> = Promise.resolve();
  private flushing: Promise<void> | null = null;
  private flushScheduled = false;
  /** Shards changed by records in the log files not yet checkpointed. */
  private dirty: Shards = new Map();
  /** Older log files, kept until a checkpoint covers them. */
  private retired: string[] = [];
  private checkpointing: Promise<void> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;

  private mode: Mode = 'writing';
  private failure: string | null = null;
  private closing = false;

  constructor(deps: LowdbStoreDeps) {
    this.fs = deps.fs;
    this.dataDir = deps.dataDir;
    this.mem = deps.tables;
    this.lock = deps.lock;
    this.log = deps.log;
    this.generation = deps.generation;
    this.shardWriter = deps.shardWriter;
    this.checkpointBytes = deps.checkpointBytes;
    this.tables = Object.fromEntries(TABLES.map((name) => [name, this.committedReader(name)])) as unknown as Readers;
  }

  private table(name: TableName): MemTable {
    return this.mem.get(name)!;
  }

  health(): StoreHealth {
    if (this.mode === 'writing') return { ok: true };
    return { ok: false, reason: this.failure ?? `the store is ${this.mode}` };
  }

  /** The lock was taken from us: stop writing at once, another process owns the files now. */
  lose(reason: string): void {
    if (this.mode === 'closed') return;
    console.error(`[store] ${reason}; refusing every further write`);
    this.mode = 'lost';
    this.failure = reason;
  }

  private committedReader<T extends TableName>(name: T): TableReader<T> {
    const table = this.table(name);
    type R = Readonly<Rows[T]>;
    return {
      get: async (id) => table.committedGet(id) as R | undefined,
      getMany: async (ids) => rowsById(ids, (id) => table.committedGet(id)) as unknown as Map<string, R>,
      where: async (index, value) => table.committedWhere(index, value) as unknown as R[],
      countWhere: async (index, value) => table.committedWhere(index, value).length,
      page: async (index, value, window) => listWindow(name, table.committedWhere(index, value), window) as unknown as R[],
      all: async () => table.committedAll() as unknown as R[],
      count: async () => table.committedCount(),
    };
  }

  onCommit(listener: (changes: readonly Change[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  transact<R>(fn: (tx: Writers) => Promise<R>): Promise<R> {
    const outer = this.context.getStore();
    if (outer) return fn(outer.writers);
    let durable: Promise<void> = Promise.resolve();
    const run = async (): Promise<R> => {
      this.refuseUnlessWritable();
      const tx: Transaction = { seq: ++this.seq, before: new Map() };
      const writers = txWriters(this.mem, tx);
      let result: R;
      try {
        result = await this.context.run({ tx, writers }, () => fn(writers));
        if (tx.failure) throw tx.failure;
      } catch (error) {
        this.undo(tx);
        throw error;
      }
      const changes = this.changesOf(tx);
      // A read-only transaction may have read writes still on their way to disk: it waits for them too.
      durable = changes.length === 0 ? this.newest : (this.newest = this.enqueue(tx.seq, changes));
      return result;
    };
    const ran = this.exclusive(run);
    return ran.then(async (result) => {
      await durable;
      return result;
    });
  }

  /** Run `step` alone: after every transaction queued before it, before every one queued after. */
  private exclusive<R>(step: () => Promise<R>): Promise<R> {
    const next = this.queue.then(step, step);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private refuseUnlessWritable(): void {
    if (this.mode === 'closed') throw new StoreUnavailableError('The store is closed');
    if (this.mode === 'lost' || this.mode === 'settling') {
      throw new StoreUnavailableError(`The store cannot write now: ${this.failure}`);
    }
  }

  /** Undo a transaction whose `fn` threw: its rows go back, and so do the shadows it added. */
  private undo(tx: Transaction): void {
    for (const { table, id, row, shadowed } of tx.before.values()) {
      if (row) this.table(table).put(row);
      else this.table(table).delete(id);
      this.table(table).unshadow(id, shadowed);
    }
  }

  private changesOf(tx: Transaction): Change[] {
    const changes: Change[] = [];
    for (const { table, id, row, shadowed } of tx.before.values()) {
      const after = this.table(table).rows.get(id) ?? null;
      if (after === row) this.table(table).unshadow(id, shadowed);
      else changes.push({ table, id, before: row, after } as Change);
    }
    return changes;
  }

  private enqueue(seq: number, changes: Change[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ seq, changes, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Write what waits on the next turn of the event loop, so every transaction that ran this turn joins one record. */
  private scheduleFlush(): void {
    if (this.flushScheduled || this.flushing) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): Promise<void> {
    this.flushing ??= (async () => {
      try {
        while (this.waiting.length > 0 && (this.mode === 'writing' || this.mode === 'failing')) {
          const batch = this.waiting.splice(0);
          await this.withLog(() => this.writeBatch(batch));
        }
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  private withLog<R>(step: () => Promise<R>): Promise<R> {
    const next = this.logTurn.then(step, step);
    this.logTurn = next.catch(() => undefined);
    return next;
  }

  /** One record, one fsync, for every transaction in `batch`; an empty batch is a probe. */
  private async writeBatch(batch: Waiting[]): Promise<void> {
    const changes: LoggedChange[] = [];
    for (const waiting of batch) for (const c of waiting.changes) changes.push([c.table, c.id, c.after as AnyRow | null]);
    try {
      // Encoding inside: a row JSON cannot hold fails its batch like a disk error, rather than hanging it.
      await this.log.append(encodeRecord(JSON.stringify({ changes })));
    } catch (error) {
      await this.fail(batch, error as Error);
      return;
    }
    for (const waiting of batch) {
      for (const change of waiting.changes) {
        const table = this.table(change.table);
        table.settle(change.id, change.after as AnyRow | null, waiting.seq);
        markShard(this.dirty, change.table, table.shardOf(change.id));
      }
    }
    if (this.mode === 'failing') {
      console.error(`[store] writing to ${this.dataDir} works again`);
      this.mode = 'writing';
      this.failure = null;
      this.stopRetrying();
    }
    for (const waiting of batch) {
      this.emit(waiting.changes);
      waiting.resolve();
    }
    this.planCheckpoint();
  }

  /**
   * A record could not be written. Cut the log back to before it; only then may its transactions, and
   * every later one that may have read their writes, be undone and answered with an error.
   */
  private async fail(batch: Waiting[], error: Error): Promise<void> {
    const reason = `writing to ${this.dataDir} failed: ${errorCode(error) ?? ''} ${error.message}`.replace(/\s+/g, ' ');
    if (batch.length > 0) console.error(`[store] ${reason}`);
    const previous = this.mode;
    this.mode = 'settling';
    this.failure = reason;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.log.undo();
        break;
      } catch (undoError) {
        // Closing: leave them unanswered rather than wrong; the next start replays the log or not, and
        // nobody was told either way.
        if (this.closing) return;
        if (attempt === 0) {
          console.error(`[store] could not cut ${this.log.path} back after a failed write (${(undoError as Error).message}); holding its requests until it can`);
          this.failure = `${reason}; the failed record could not be cut from the log yet, so no write is accepted`;
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
    if (batch.length === 0) {
      this.mode = previous === 'lost' || previous === 'closed' ? previous : 'failing';
      this.failure = reason;
      return;
    }
    void this.exclusive(async () => {
      const doomed = [...batch, ...this.waiting.splice(0)];
      for (const table of this.mem.values()) table.revertToCommitted();
      this.newest = Promise.resolve();
      if (this.mode === 'settling') this.mode = 'failing';
      this.failure = reason;
      for (const waiting of doomed) {
        waiting.reject(
          new StoreUnavailableError(
            batch.includes(waiting) ? `Could not write to ${this.dataDir}: ${error.message}` : `A write this one built on could not be stored: ${error.message}`,
            { cause: error },
          ),
        );
      }
      this.retrySoon();
    });
  }

  /** While writes fail, probe with an empty record every second, so health comes back without traffic. */
  private retrySoon(): void {
    if (this.retryTimer || this.mode !== 'failing') return;
    this.retryTimer = setInterval(() => {
      if (this.mode !== 'failing') return this.stopRetrying();
      if (this.flushing || this.waiting.length > 0) return;
      void this.withLog(() => this.writeBatch([]));
    }, RETRY_MS);
    this.retryTimer.unref();
  }

  private stopRetrying(): void {
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.retryTimer = null;
  }

  private planCheckpoint(): void {
    if (this.log.size >= this.checkpointBytes) {
      void this.checkpoint();
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.checkpoint(), CHECKPOINT_IDLE_MS);
    this.idleTimer.unref();
  }

  /**
   * Rewrite the shards changed by the logged records from the durable rows, then delete the log files
   * they cover. New records go to a fresh log meanwhile, so this never holds up an acknowledgement.
   */
  private checkpoint(): Promise<void> {
    this.checkpointing ??= (async () => {
      let shards: Shards = new Map();
      let covered: string[] = [];
      try {
        await this.withLog(async () => {
          if (this.mode !== 'writing' || (this.log.size === 0 && this.retired.length === 0)) return;
          const next = await LogWriter.create(this.fs, join(this.dataDir, logFileName(this.generation + 1)));
          await fsyncDirectory(this.dataDir, this.fs);
          await this.log.close();
          this.retired.push(this.log.path);
          this.log = next;
          this.generation++;
          shards = this.dirty;
          this.dirty = new Map();
          covered = this.retired;
          this.retired = [];
        });
        if (covered.length === 0) return;
        await this.shardWriter.write(shards);
        for (const path of covered) await removeFile(this.fs, path);
        await fsyncDirectory(this.dataDir, this.fs);
      } catch (error) {
        console.error(`[store] checkpoint failed, the log keeps every write until the next one: ${(error as Error).message}`);
        mergeShards(this.dirty, shards);
        this.retired.unshift(...covered.filter((path) => !this.retired.includes(path)));
      } finally {
        this.checkpointing = null;
      }
    })();
    return this.checkpointing;
  }

  private emit(changes: Change[]): void {
    if (changes.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(changes);
      } catch (error) {
        console.error('[store] a commit listener failed:', error);
      }
    }
  }

  async close(): Promise<void> {
    if (this.mode === 'closed' || this.closing) return;
    this.closing = true;
    // Let queued transactions run and their records be written (or fail) before the last checkpoint.
    for (;;) {
      await this.queue;
      if (this.flushing) await this.flushing;
      else if (this.waiting.length > 0 && (this.mode === 'writing' || this.mode === 'failing')) await this.flush();
      else break;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.stopRetrying();
    while (this.checkpointing) await this.checkpointing;
    const wasWriting = this.mode === 'writing';
    this.mode = 'closed';
    await this.withLog(async () => {
      await this.log.close();
      if (!wasWriting) return;
      // The final checkpoint: every shard file current, no log left to replay.
      try {
        await this.shardWriter.write(this.dirty);
        for (const path of [...this.retired, this.log.path]) await removeFile(this.fs, path);
        await fsyncDirectory(this.dataDir, this.fs);
      } catch (error) {
        console.error(`[store] the last checkpoint failed; the next start replays the log: ${(error as Error).message}`);
      }
    });
    await this.lock.release();
  }
}
