import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

const LOCK_FILE = 'tenderlab.lock';
/** Locks this process holds, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

/** Raised when another live process owns the data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The data directory ${dataDir} is in use by process ${holder.pid} on ${holder.hostname} (since ${holder.startedAt}). ` +
        'With lowdb exactly one process may own it: stop that process, or set DATA_DIR to another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** A held lock; `release` removes the lock file if it is still ours. */
export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

/**
 * Take the data directory for this process: create `tenderlab.lock` holding our pid, exclusively. A lock
 * left by a process that no longer runs (or whose pid now belongs to something that is not Node) is taken
 * over; a live holder makes this throw `DataDirLockedError`.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify(mine));
        await handle.sync();
      } finally {
        await handle.close();
      }
      heldHere.add(path);
      return {
        path,
        release: async () => {
          if (!heldHere.delete(path)) return;
          const holder = await readLock(path);
          if (holder?.pid === mine.pid) await unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readLock(path);
    if (holder && (heldHere.has(path) || (await isAlive(holder)))) throw new DataDirLockedError(dataDir, holder);
    // Stale: its process is gone (or the file is unreadable junk from a crash while writing it).
    await unlink(path).catch(() => undefined);
  }
  throw new Error(`Could not take the lock ${path}: it keeps reappearing`);
}

async function readLock(path: string): Promise<LockInfo | null> {
  try {
    const info = JSON.parse(await readFile(path, 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid !== 'number') return null;
    return { pid: info.pid, hostname: String(info.hostname ?? '?'), startedAt: String(info.startedAt ?? '?') };
  } catch {
    return null;
  }
}

async function isAlive(holder: LockInfo): Promise<boolean> {
  // A lock from another machine (a shared disk) cannot be checked from here: respect it.
  if (holder.hostname !== hostname()) return true;
  // Our own pid on a lock we do not hold: a previous run (containers reuse small pids after a restart).
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // The pid is taken; after a reboot it may belong to an unrelated program.
  try {
    const cmdline = await readFile(`/proc/${holder.pid}/cmdline`, 'utf8');
    return /node|tsx/.test(cmdline);
  } catch {
    return true;
  }
}
