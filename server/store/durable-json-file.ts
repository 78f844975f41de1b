import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { errorCode, FILE_MODE, nodeStoreFs, type StoreFs } from './store-fs.js';

/**
 * A lowdb adapter whose `write` is durable: the JSON goes to a temporary file in the same directory, is
 * fsync'd, renamed over the target, and the directory is fsync'd so the rename itself survives a power
 * cut. A reader therefore only ever sees the old complete file or the new complete file. (lowdb's own
 * writer renames atomically but never fsyncs.) Files are created readable by their owner only.
 *
 * `serialize` defaults to one array element per line so files stay readable and diff well.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly path: string;
  private readonly serialize: (data: T) => string;
  private readonly fs: StoreFs;
  /** Set to false when the caller fsyncs the directory itself once for a batch of files. */
  syncDirectory = true;

  constructor(path: string, serialize: (data: T) => string = (data) => JSON.stringify(data), fs: StoreFs = nodeStoreFs) {
    this.path = path;
    this.serialize = serialize;
    this.fs = fs;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = (await this.fs.readFile(this.path)).toString('utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new Error(`${this.path} is not valid JSON (${(error as Error).message}); refusing to start on it`);
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.path, this.serialize(data), this.syncDirectory, this.fs);
  }
}

/** Write `text` to `path` (mode 0600) through a fsync'd temporary file and an atomic rename. */
export async function writeFileDurably(path: string, text: string, syncDirectory = true, fs: StoreFs = nodeStoreFs): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const handle = await fs.open(tmp, 'w', FILE_MODE);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, path);
  } catch (error) {
    await fs.unlink(tmp).catch(() => undefined);
    throw error;
  }
  if (syncDirectory) await fsyncDirectory(dirname(path), fs);
}

/** fsync a directory so that creations, renames and unlinks inside it are durable. */
export async function fsyncDirectory(dir: string, fs: StoreFs = nodeStoreFs): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
