import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { DurableJsonFile, fsyncDirectory, writeFileDurably } from './durable-json-file.js';
import type { Rows, TableName } from './rows.js';
import {
  INDEXES,
  StoreUnavailableError,
  type Change,
  type IndexValue,
  type Readers,
  type Store,
  type TableReader,
  type TableWriter,
  type Writers,
} from './store.js';

/**
 * The fewest files per table. A write rewrites only the shard files holding changed rows, so the cost of a
 * write follows the size of a shard, not of the table; as a table grows, each start picks enough shards to
 * keep about `rowsPerShard` rows in each (a power of two) and reshards once if that changed.
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
};

/** About this many rows per shard file (a few hundred KB of JSON for the larger rows). */
export const DEFAULT_ROWS_PER_SHARD = 256;

const TABLES = Object.keys(DEFAULT_SHARDS) as TableName[];
const JOURNAL = 'journal.json';

type AnyRow = Rows[TableName];
interface ShardData {
  rows: AnyRow[];
}

export interface LowdbStoreOptions {
  dataDir: string;
  /** Minimum shard counts, per table. */
  shards?: Partial<Record<TableName, number>>;
  rowsPerShard?: number;
}

/** How many shards a table of `rows` rows gets: at least `minimum`, else the power of two that keeps shards near `perShard`. */
export function shardCountFor(rows: number, minimum: number, perShard: number): number {
  const needed = 2 ** Math.ceil(Math.log2(Math.max(1, rows / perShard)));
  return Math.max(minimum, needed);
}

/**
 * Open (creating if needed) the lowdb store under `dataDir`: takes the directory lock, loads every table,
 * finishes or discards a transaction a crash interrupted, and removes leftover temporary files.
 *
 * Layout: `<dataDir>/<table>/<shard>.json`, one row per line; `journal.json` exists only while a
 * transaction that touches several files is being written, and makes such transactions all-or-nothing.
 */
export async function openLowdbStore(options: LowdbStoreOptions): Promise<Store> {
  const { dataDir } = options;
  await mkdir(dataDir, { recursive: true });
  const lock = await lockDataDir(dataDir);
  try {
    const tables = new Map<TableName, MemTable>();
    for (const name of TABLES) {
      const dir = join(dataDir, name);
      const files = await readTableFiles(dir);
      const rows = files.reduce((n, f) => n + f.rows.length, 0);
      const shards = shardCountFor(rows, options.shards?.[name] ?? DEFAULT_SHARDS[name], options.rowsPerShard ?? DEFAULT_ROWS_PER_SHARD);
      const table = new MemTable(name, dir, shards);
      table.adopt(files);
      tables.set(name, table);
    }
    const store = new LowdbStore(dataDir, tables, lock);
    await store.recover();
    return store;
  } catch (error) {
    await lock.release();
    throw error;
  }
}

function serializeShard(data: ShardData): string {
  return data.rows.length === 0 ? '{"rows":[]}\n' : `{"rows":[\n${data.rows.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

interface TableFile {
  name: string;
  index: number;
  rows: AnyRow[];
}

/** Every shard file of a table's directory (created if missing), leftover temporary files removed. */
async function readTableFiles(dir: string): Promise<TableFile[]> {
  await mkdir(dir, { recursive: true });
  const files: TableFile[] = [];
  for (const name of await readdir(dir)) {
    if (name.endsWith('.tmp')) {
      await unlink(join(dir, name));
      continue;
    }
    const match = /^(\d+)\.json$/.exec(name);
    if (!match) continue;
    const data = await new DurableJsonFile<ShardData>(join(dir, name)).read();
    if (!data || !Array.isArray(data.rows)) throw new Error(`${join(dir, name)} has no "rows" array`);
    files.push({ name, index: Number(match[1]), rows: data.rows });
  }
  return files;
}

/** FNV-1a: a stable, fast hash so a row always lives in the same shard file. */
function shardIndex(id: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

class MemTable {
  readonly rows = new Map<string, AnyRow>();
  private readonly members: Set<string>[];
  private readonly files: Low<ShardData>[];
  private readonly indexes = new Map<string, Map<IndexValue, Set<string>>>();
  private readonly keyers: [string, (row: AnyRow) => IndexValue | IndexValue[] | undefined][];
  /** Shards whose file must be rewritten at the next flush regardless of changes (resharding, repair). */
  readonly stale = new Set<number>();
  private strayFiles: string[] = [];

  constructor(
    readonly name: TableName,
    readonly dir: string,
    readonly shardCount: number,
  ) {
    this.members = Array.from({ length: shardCount }, () => new Set<string>());
    this.files = Array.from(
      { length: shardCount },
      (_, i) => new Low<ShardData>(this.adapter(i), { rows: [] }),
    );
    this.keyers = Object.entries(INDEXES[name]) as typeof this.keyers;
    for (const [index] of this.keyers) this.indexes.set(index, new Map());
  }

  private adapter(i: number) {
    const adapter = new DurableJsonFile<ShardData>(join(this.dir, this.fileName(i)), serializeShard);
    adapter.syncDirectory = false;
    return adapter;
  }

  private fileName(i: number): string {
    return `${String(i).padStart(2, '0')}.json`;
  }

  /** Take the rows read from disk, noting files to rewrite (rows in the wrong shard) or delete (beyond the count). */
  adopt(files: readonly TableFile[]): void {
    for (const file of files) {
      for (const row of file.rows) {
        const shard = this.put(row);
        if (shard !== file.index) this.stale.add(shard);
      }
      if (file.index >= this.shardCount) this.strayFiles.push(file.name);
      else if (file.rows.some((r) => this.shardOf(r.id) !== file.index)) this.stale.add(file.index);
    }
  }

  /** Remove files left by a different shard count, once their rows are safely rewritten. */
  async removeStrayFiles(): Promise<void> {
    for (const name of this.strayFiles) await unlink(join(this.dir, name)).catch(() => undefined);
    this.strayFiles = [];
  }

  get hasStrays(): boolean {
    return this.strayFiles.length > 0;
  }

  shardOf(id: string): number {
    return shardIndex(id, this.shardCount);
  }

  /** Set a row (insert or replace), keeping shard membership and indexes right. Returns its shard. */
  put(row: AnyRow): number {
    const frozen = Object.freeze(row);
    const previous = this.rows.get(row.id);
    if (previous) this.unindex(previous);
    this.rows.set(row.id, frozen);
    this.index(frozen);
    const shard = this.shardOf(row.id);
    this.members[shard]!.add(row.id);
    return shard;
  }

  delete(id: string): number | undefined {
    const previous = this.rows.get(id);
    if (!previous) return undefined;
    this.unindex(previous);
    this.rows.delete(id);
    const shard = this.shardOf(id);
    this.members[shard]!.delete(id);
    return shard;
  }

  where(index: string, value: IndexValue): AnyRow[] {
    const ids = this.indexes.get(index)?.get(value);
    if (!ids) return [];
    const out: AnyRow[] = [];
    for (const id of ids) out.push(this.rows.get(id)!);
    return out;
  }

  async writeShard(shard: number): Promise<void> {
    const file = this.files[shard]!;
    file.data = { rows: [...this.members[shard]!].map((id) => this.rows.get(id)!) };
    await file.write();
  }

  private keysOf(row: AnyRow, keyer: (row: AnyRow) => IndexValue | IndexValue[] | undefined): IndexValue[] {
    const key = keyer(row);
    return key === undefined ? [] : Array.isArray(key) ? key : [key];
  }

  private index(row: AnyRow): void {
    for (const [name, keyer] of this.keyers) {
      const index = this.indexes.get(name)!;
      for (const key of this.keysOf(row, keyer)) {
        let ids = index.get(key);
        if (!ids) index.set(key, (ids = new Set()));
        ids.add(row.id);
      }
    }
  }

  private unindex(row: AnyRow): void {
    for (const [name, keyer] of this.keyers) {
      const index = this.indexes.get(name)!;
      for (const key of this.keysOf(row, keyer)) {
        const ids = index.get(key);
        ids?.delete(row.id);
        if (ids?.size === 0) index.delete(key);
      }
    }
  }
}

interface Transaction {
  /** First-seen version of every touched row, keyed `table\0id`; null when the row did not exist. */
  before: Map<string, { table: TableName; id: string; row: AnyRow | null }>;
}

interface JournalEntry {
  table: TableName;
  id: string;
  after: AnyRow | null;
}

class LowdbStore implements Store {
  readonly tables: Readers;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly context = new AsyncLocalStorage<{ tx: Transaction; writers: Writers }>();
  private readonly listeners = new Set<(changes: readonly Change[]) => void>();
  private broken: Error | null = null;
  private closed = false;

  constructor(
    private readonly dataDir: string,
    private readonly mem: Map<TableName, MemTable>,
    private readonly lock: DataDirLock,
  ) {
    this.tables = Object.fromEntries(TABLES.map((name) => [name, this.reader(name)])) as unknown as Readers;
  }

  private table(name: TableName): MemTable {
    return this.mem.get(name)!;
  }

  private reader<T extends TableName>(name: T): TableReader<T> {
    const table = this.table(name);
    type R = Readonly<Rows[T]>;
    return {
      get: async (id) => table.rows.get(id) as R | undefined,
      where: async (index, value) => table.where(index, value) as unknown as R[],
      all: async () => [...table.rows.values()] as unknown as R[],
      count: async () => table.rows.size,
    };
  }

  private writer<T extends TableName>(name: T, tx: Transaction): TableWriter<T> {
    const table = this.table(name);
    type Row = Rows[T];
    const remember = (id: string) => {
      const key = `${name}\0${id}`;
      if (!tx.before.has(key)) tx.before.set(key, { table: name, id, row: table.rows.get(id) ?? null });
    };
    return {
      ...this.reader(name),
      insert: async (row) => {
        if (table.rows.has(row.id)) throw new Error(`${name}: a row with id ${row.id} exists`);
        remember(row.id);
        table.put({ ...row } as AnyRow);
        return table.rows.get(row.id) as Row;
      },
      update: async (id, patch) => {
        const current = table.rows.get(id) as Row | undefined;
        if (!current) throw new Error(`${name}: no row with id ${id}`);
        const next = typeof patch === 'function' ? patch(current) : { ...current, ...patch };
        if ((next as AnyRow).id !== id) throw new Error(`${name}: an update may not change the id`);
        remember(id);
        table.put({ ...next } as AnyRow);
        return table.rows.get(id) as Row;
      },
      remove: async (id) => {
        if (!table.rows.has(id)) return false;
        remember(id);
        table.delete(id);
        return true;
      },
    };
  }

  onCommit(listener: (changes: readonly Change[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  transact<R>(fn: (tx: Writers) => Promise<R>): Promise<R> {
    const outer = this.context.getStore();
    if (outer) return fn(outer.writers);
    const run = async (): Promise<R> => {
      if (this.closed) throw new StoreUnavailableError('The store is closed');
      if (this.broken) throw new StoreUnavailableError(`The store cannot write: ${this.broken.message}`, { cause: this.broken });
      const tx: Transaction = { before: new Map() };
      const writers = Object.fromEntries(TABLES.map((name) => [name, this.writer(name, tx)])) as unknown as Writers;
      let result: R;
      try {
        result = await this.context.run({ tx, writers }, () => fn(writers));
      } catch (error) {
        this.rollback(tx);
        throw error;
      }
      const changes = await this.commit(tx);
      this.emit(changes);
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private rollback(tx: Transaction): void {
    for (const { table, id, row } of tx.before.values()) {
      if (row) this.table(table).put(row);
      else this.table(table).delete(id);
    }
  }

  private async commit(tx: Transaction): Promise<Change[]> {
    const changes: Change[] = [];
    const dirty = new Map<TableName, Set<number>>();
    for (const { table, id, row } of tx.before.values()) {
      const after = this.table(table).rows.get(id) ?? null;
      if (after === row) continue;
      changes.push({ table, id, before: row, after } as Change);
      let shards = dirty.get(table);
      if (!shards) dirty.set(table, (shards = new Set()));
      shards.add(this.table(table).shardOf(id));
    }
    if (changes.length === 0) return changes;
    try {
      await this.flush(dirty, changes);
    } catch (error) {
      this.rollback(tx);
      await this.repair(dirty, error as Error);
      throw new StoreUnavailableError(`Could not write to ${this.dataDir}: ${(error as Error).message}`, { cause: error });
    }
    return changes;
  }

  /** Make the disk match memory again after a failed flush; if even that fails, refuse further writes. */
  private async repair(dirty: Map<TableName, Set<number>>, cause: Error): Promise<void> {
    try {
      await this.flush(dirty, null);
      await unlink(join(this.dataDir, JOURNAL)).catch(() => undefined);
    } catch {
      this.broken = cause;
    }
  }

  private async flush(dirty: Map<TableName, Set<number>>, changes: Change[] | null): Promise<void> {
    let files = 0;
    for (const shards of dirty.values()) files += shards.size;
    const journaled = changes !== null && files > 1;
    if (journaled) {
      const entries: JournalEntry[] = changes.map((c) => ({ table: c.table, id: c.id, after: c.after as AnyRow | null }));
      await writeFileDurably(join(this.dataDir, JOURNAL), JSON.stringify({ entries }));
    }
    await Promise.all(
      [...dirty].flatMap(([name, shards]) => [...shards].map((shard) => this.table(name).writeShard(shard))),
    );
    await Promise.all([...dirty.keys()].map((name) => fsyncDirectory(this.table(name).dir)));
    if (journaled) await unlink(join(this.dataDir, JOURNAL));
  }

  /** Replay a journal a crash left behind (its transaction may be half-written), then rewrite stale shards. */
  async recover(): Promise<void> {
    const journalPath = join(this.dataDir, JOURNAL);
    const journal = await new DurableJsonFile<{ entries: JournalEntry[] }>(journalPath).read().catch(() => null);
    if (journal && Array.isArray(journal.entries)) {
      for (const { table, id, after } of journal.entries) {
        const mem = this.mem.get(table);
        if (!mem) continue;
        const shard = after ? mem.put(after) : (mem.delete(id) ?? mem.shardOf(id));
        mem.stale.add(shard);
      }
    }
    const dirty = new Map<TableName, Set<number>>();
    for (const [name, table] of this.mem) if (table.stale.size > 0) dirty.set(name, new Set(table.stale));
    if (dirty.size > 0) await this.flush(dirty, null);
    for (const table of this.mem.values()) {
      table.stale.clear();
      if (table.hasStrays) {
        await table.removeStrayFiles();
        await fsyncDirectory(table.dir);
      }
    }
    await unlink(journalPath).catch(() => undefined);
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
    if (this.closed) return;
    await this.queue;
    this.closed = true;
    await this.lock.release();
  }
}
