import { join } from 'node:path';
import { MemTable, type AnyRow } from './mem-table.js';
import { BadRowError, rowProblem } from './row-check.js';
import type { TableName } from './rows.js';
import { DIR_MODE, errorCode, FILE_MODE, tightenMode, type StoreFs } from './store-fs.js';
import { DamagedLogError, parseLog } from './write-ahead-log.js';

/** A log file's name for generation `n`: `wal-000001.log`; generations replay in order. */
export function logFileName(generation: number): string {
  return `wal-${String(generation).padStart(6, '0')}.log`;
}
const LOG_FILE = /^wal-(\d+)\.log$/;
/** Left by versions before the write-ahead log while a multi-file transaction was being written. */
const LEGACY_JOURNAL = 'journal.json';
/**
 * Shard files read ahead of the one being parsed: their reads (and mode checks) wait on the thread pool
 * while this thread parses, instead of one after another.
 */
const READ_AHEAD = 8;

/** One change as a log record carries it: the row's new version, or null when it was removed. */
export type LoggedChange = [table: TableName, id: string, after: AnyRow | null];

export interface LoadOptions {
  tables: readonly TableName[];
  /** How many shards a table of this many rows gets. */
  shardCount(table: TableName, rows: number): number;
}

export interface LoadedData {
  tables: Map<TableName, MemTable>;
  /** Shards whose file does not hold what memory does (replayed changes, resharding). */
  stale: Map<TableName, Set<number>>;
  /** Files to delete once the stale shards are written: shard files beyond the count, the replayed logs. */
  obsolete: string[];
  /** The next unused log generation. */
  nextGeneration: number;
}

/**
 * Read a data directory into memory: every table's shard files, then the logs replayed over them in
 * order. Tightens the modes of what it finds (0700 folders, 0600 files) and removes leftover temporary
 * files. A file that does not parse, a damaged log or a row without what every row needs stops it with a
 * message naming the file and the row.
 */
export async function loadDataDir(fs: StoreFs, dataDir: string, options: LoadOptions): Promise<LoadedData> {
  const tables = new Map<TableName, MemTable>();
  const stale = new Map<TableName, Set<number>>();
  const obsolete: string[] = [];
  const markStale = (table: TableName, shard: number) => {
    let shards = stale.get(table);
    if (!shards) stale.set(table, (shards = new Set()));
    shards.add(shard);
  };

  const listed = await Promise.all(options.tables.map((name) => listShardFiles(fs, join(dataDir, name))));
  const nextFile = readAhead(
    listed.flat().map((file) => async () => {
      await tightenMode(fs, file.path, FILE_MODE);
      return fs.readFile(file.path);
    }),
    READ_AHEAD,
  );
  for (const [t, name] of options.tables.entries()) {
    const files: ShardFile[] = [];
    for (const file of listed[t]!) files.push({ ...file, rows: checkedRows(name, file.path, await nextFile()) });
    const rows = files.reduce((n, f) => n + f.rows.length, 0);
    const table = new MemTable(name, options.shardCount(name, rows));
    for (const file of files) {
      const beyond = file.index >= table.shardCount;
      if (beyond) obsolete.push(file.path);
      let misplaced = false;
      for (const row of file.rows) {
        const shard = table.put(row);
        if (shard !== file.index) {
          misplaced = true;
          markStale(name, shard);
        }
      }
      // The file holds rows that belong elsewhere: rewrite it without them (unless it goes altogether).
      if (misplaced && !beyond) markStale(name, file.index);
    }
    tables.set(name, table);
  }

  const entries = await fs.readdir(dataDir);
  const logs = entries
    .map((entry) => ({ entry, generation: Number(LOG_FILE.exec(entry)?.[1] ?? NaN) }))
    .filter(({ generation }) => Number.isInteger(generation))
    .sort((a, b) => a.generation - b.generation);
  const replay = (where: string, changes: unknown) => {
    if (!Array.isArray(changes)) throw new Error(`${where} holds no list of changes; refusing to start on it`);
    for (const change of changes as unknown[]) {
      const [table, id, after] = (Array.isArray(change) ? change : []) as [unknown, unknown, unknown];
      const mem = tables.get(table as TableName);
      if (!mem || typeof id !== 'string') throw new Error(`${where} holds a change of no known row (${JSON.stringify(change)?.slice(0, 120)}); refusing to start on it`);
      if (after !== null) {
        const problem = rowProblem(mem.name, after);
        if (problem) throw new BadRowError(`${where}: ${mem.name} row`, id, problem);
      }
      markStale(mem.name, after === null ? mem.delete(id) : mem.put(after as AnyRow));
    }
  };

  if (entries.includes(LEGACY_JOURNAL)) {
    // Written whole by a rename before its files were touched: present means complete; finish its writes.
    const path = join(dataDir, LEGACY_JOURNAL);
    const journal = parseJson(path, (await fs.readFile(path)).toString('utf8')) as { entries?: { table: string; id: string; after: unknown }[] };
    replay(path, journal.entries?.map((e) => [e.table, e.id, e.after]));
    obsolete.push(path);
  }
  for (const [i, { entry }] of logs.entries()) {
    const path = join(dataDir, entry);
    await tightenMode(fs, path, FILE_MODE);
    const contents = parseLog(path, await fs.readFile(path), i === logs.length - 1);
    if (contents.tornAt !== undefined) {
      console.warn(`[store] ${path}: dropped an incomplete last record at byte ${contents.tornAt}, a write a crash interrupted before it was acknowledged`);
    }
    contents.payloads.forEach((payload, n) => {
      const where = `${path}, record ${n + 1}`;
      let record: { changes?: unknown };
      try {
        record = JSON.parse(payload) as { changes?: unknown };
      } catch (error) {
        throw new DamagedLogError(path, 0, `record ${n + 1} is not valid JSON although its checksum matches: ${(error as Error).message}`);
      }
      replay(where, record.changes);
    });
    obsolete.push(path);
  }

  return { tables, stale, obsolete, nextGeneration: (logs.at(-1)?.generation ?? 0) + 1 };
}

interface ListedFile {
  path: string;
  /** The shard number in its name. */
  index: number;
}

interface ShardFile extends ListedFile {
  rows: AnyRow[];
}

/** The shard files of a table's directory (created 0700 if missing), with leftover temporary files removed. */
async function listShardFiles(fs: StoreFs, dir: string): Promise<ListedFile[]> {
  await fs.mkdir(dir, DIR_MODE);
  await tightenMode(fs, dir, DIR_MODE);
  const files: ListedFile[] = [];
  for (const name of await fs.readdir(dir)) {
    const path = join(dir, name);
    if (name.endsWith('.tmp')) {
      await fs.unlink(path).catch((error: unknown) => {
        if (errorCode(error) !== 'ENOENT') throw error;
      });
      continue;
    }
    const match = /^(\d+)\.json$/.exec(name);
    if (match) files.push({ path, index: Number(match[1]) });
  }
  return files;
}

/** The rows of the shard file at `path`, each checked, or an error naming the file and the row. */
function checkedRows(table: TableName, path: string, bytes: Buffer): AnyRow[] {
  const data = parseJson(path, bytes.toString('utf8')) as { rows?: unknown };
  if (!data || !Array.isArray(data.rows)) throw new Error(`${path} has no "rows" array; refusing to start on it`);
  const rows = data.rows as unknown[];
  for (let n = 0; n < rows.length; n++) {
    const problem = rowProblem(table, rows[n]);
    if (problem) throw new BadRowError(`${path}: row ${n + 1}`, (rows[n] as { id?: unknown } | null)?.id, problem);
  }
  return rows as AnyRow[];
}

/**
 * Runs `tasks` in order, keeping up to `ahead` of them started beyond the one whose result is taken next;
 * each call of the returned function gives the next task's result.
 */
function readAhead<T>(tasks: readonly (() => Promise<T>)[], ahead: number): () => Promise<T> {
  const started: Promise<T>[] = [];
  let next = 0;
  return () => {
    while (started.length < Math.min(tasks.length, next + 1 + ahead)) {
      const task = tasks[started.length]!();
      // Taken in turn later; a failure waiting its turn (or left behind by an earlier one) is not unhandled.
      task.catch(() => undefined);
      started.push(task);
    }
    return started[next++]!;
  };
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); refusing to start on it`);
  }
}
