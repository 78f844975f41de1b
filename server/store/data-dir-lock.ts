import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, open, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FILE_MODE, errorCode } from './store-fs.js';

const LOCK_FILE = 'tenderlab.lock';
/** The holder touches its lock this often, so a starter on another host can tell it still runs. */
const HEARTBEAT_MS = 5_000;
/** A lock from another host is stale once its heartbeat stood still this long (three beats missed). */
const STALE_AFTER_MS = 3 * HEARTBEAT_MS;
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

/** Who holds a lock: enough to tell, from the same machine, whether that process still runs. */
export interface LockInfo {
  pid: number;
  hostname: string;
  /** The kernel's boot id: a different one on the same host means the machine restarted since. */
  bootId: string;
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is told apart. */
  startTicks: string;
  startedAt: string;
  /** Unique to this taking of the lock. */
  token: string;
}

/** A held lock; `release` removes the lock file if it is still ours. */
export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

export interface LockOptions {
  /** Called when the heartbeat finds the lock file is no longer ours (another host took it over). */
  onLost?: (holder: LockInfo | null) => void;
  /** Waits while watching another host's heartbeat; tests pass one that beats for the holder. */
  wait?: (ms: number) => Promise<void>;
}

/**
 * Take the data directory for this process. The lock file `tenderlab.lock` (0600) appears whole or not at
 * all: it is written to a temporary file and hard-linked into place, which fails if it exists, so of
 * several simultaneous starters exactly one wins. An existing lock is taken over only when its holder is
 * provably gone:
 * - same host name and boot id: its pid no longer runs, is ours, or runs a process started at another time;
 * - same host name, another boot id: the machine restarted since, which no process survives;
 * - another host name (a recreated container, or another machine on a shared disk): its heartbeat, which
 *   a live holder renews every 5 s, stood still for 15 s of watching.
 * Replacing a stale lock is itself exclusive: only the starter that creates `tenderlab.lock.takeover-<token>`
 * for that holder may rename its own lock over it, after checking it is still that holder's.
 */
export async function lockDataDir(dataDir: string, options: LockOptions = {}): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  const mine: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    bootId: bootId(),
    startTicks: startTicks(process.pid) ?? '',
    startedAt: new Date().toISOString(),
    token: randomUUID(),
  };
  if (heldHere.has(path)) throw new DataDirLockedError(dataDir, (await readLock(path)) ?? mine);
  const outcome = await acquire(path, mine, options.wait ?? sleep, 0);
  if (outcome !== 'won') throw new DataDirLockedError(dataDir, outcome);
  heldHere.add(path);

  const heartbeat = setInterval(() => {
    void (async () => {
      const holder = await readLock(path).catch(() => null);
      if (holder?.token !== mine.token) {
        clearInterval(heartbeat);
        options.onLost?.(holder);
        return;
      }
      const now = new Date();
      await utimes(path, now, now).catch(() => undefined);
    })();
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    path,
    release: async () => {
      clearInterval(heartbeat);
      if (!heldHere.delete(path)) return;
      const holder = await readLock(path).catch(() => null);
      if (holder?.token === mine.token) await unlink(path).catch(() => undefined);
    },
  };
}

/** Take `path` for `mine`: 'won', or the live holder that keeps it. */
async function acquire(path: string, mine: LockInfo, wait: (ms: number) => Promise<void>, depth: number): Promise<'won' | LockInfo> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await place(path, mine)) return 'won';
    const holder = await readLock(path);
    if (!holder) continue; // released between our link and our read
    if (!(await isGone(path, holder, wait))) return holder;
    // Several starters may judge the same holder gone; the one that creates its takeover marker replaces it.
    // A marker whose own holder died is taken over the same way, a level down.
    if (depth >= 3) return holder;
    const marker = `${path}.takeover-${holder.token}`;
    const claimed = await acquire(marker, mine, wait, depth + 1);
    if (claimed !== 'won') return claimed;
    try {
      if ((await readLock(path))?.token === holder.token) {
        await replace(path, mine);
        return 'won';
      }
    } finally {
      await unlink(marker).catch(() => undefined);
    }
  }
  throw new Error(`Could not take the lock ${path}: it keeps changing hands`);
}

/** Create `path` holding `info`, complete, unless it exists. */
async function place(path: string, info: LockInfo): Promise<boolean> {
  const tmp = await writeTemporary(path, info);
  try {
    await link(tmp, path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** Put `info` at `path` in one step, over what is there. */
async function replace(path: string, info: LockInfo): Promise<void> {
  const tmp = await writeTemporary(path, info);
  try {
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

async function writeTemporary(path: string, info: LockInfo): Promise<string> {
  const tmp = `${path}.${randomUUID()}.tmp`;
  const handle = await open(tmp, 'wx', FILE_MODE);
  try {
    await handle.writeFile(JSON.stringify(info));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return tmp;
}

/** The lock's holder; null when there is no lock file. A file that does not say who holds it stops the start. */
async function readLock(path: string): Promise<LockInfo | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  let info: Partial<LockInfo>;
  try {
    info = JSON.parse(text) as Partial<LockInfo>;
  } catch {
    info = {};
  }
  if (typeof info.pid !== 'number') {
    throw new Error(`${path} does not say which process holds it. If no Tenderlab process uses this directory, remove the file.`);
  }
  const startedAt = String(info.startedAt ?? '?');
  return {
    pid: info.pid,
    hostname: String(info.hostname ?? '?'),
    bootId: String(info.bootId ?? ''),
    startTicks: String(info.startTicks ?? ''),
    startedAt,
    // Locks written before tokens existed: their pid and start are unique enough.
    token: String(info.token ?? `${info.pid}-${startedAt}`),
  };
}

/** Whether the holder of a lock is certainly no longer running (see `lockDataDir`). */
async function isGone(path: string, holder: LockInfo, wait: (ms: number) => Promise<void>): Promise<boolean> {
  if (holder.hostname !== hostname()) return heartbeatStopped(path, holder, wait);
  if (holder.bootId && bootId() && holder.bootId !== bootId()) return true;
  // Our own pid on a lock this process does not hold: a previous run (containers reuse small pids).
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if (errorCode(error) === 'ESRCH') return true;
  }
  // The pid runs (or belongs to another user). It is the holder only if it started when the holder did.
  const ticks = startTicks(holder.pid);
  return Boolean(holder.startTicks && ticks && ticks !== holder.startTicks);
}

async function heartbeatStopped(path: string, holder: LockInfo, wait: (ms: number) => Promise<void>): Promise<boolean> {
  const before = await stat(path).catch(() => null);
  await wait(STALE_AFTER_MS);
  const after = await stat(path).catch(() => null);
  const still = await readLock(path);
  return Boolean(before && after && before.mtimeMs === after.mtimeMs && still?.token === holder.token);
}

let cachedBootId: string | undefined;
function bootId(): string {
  if (cachedBootId === undefined) {
    try {
      cachedBootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      cachedBootId = '';
    }
  }
  return cachedBootId;
}

/** Field 22 of /proc/<pid>/stat (start time); null where there is no /proc or no such process. */
function startTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}
