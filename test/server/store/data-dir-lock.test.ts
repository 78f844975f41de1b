import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { lockDataDir, type LockInfo } from '../../../server/store/data-dir-lock.js';
import { tempDir } from '../../support/temp-dir.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const STARTER = fileURLToPath(new URL('./fixtures/lock-starter.ts', import.meta.url));
const BOOT_ID = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();

/** A lock as another process would have written it; by default one of this machine, whose pid is gone. */
function lockOf(overrides: Partial<LockInfo> = {}): LockInfo {
  return { pid: 4194305, hostname: hostname(), bootId: BOOT_ID, startTicks: '1', startedAt: '2026-11-01T00:00:00.000Z', token: randomUUID(), ...overrides };
}

async function writeLock(dir: string, info: LockInfo): Promise<void> {
  await writeFile(join(dir, 'tenderlab.lock'), JSON.stringify(info));
}

/** Field 22 of /proc/<pid>/stat: when that process started. */
function startTicksOf(pid: number): string {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ')[19]!;
}

const noWaiting = () => Promise.reject(new Error('did not expect to watch a heartbeat'));

/** Starts `count` real processes, lets them all go at once, and returns what each said. */
async function race(dir: string, count: number): Promise<string[]> {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', STARTER, dir], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const lines = children.map((child) => {
    let buffered = '';
    const waiters: ((line: string) => void)[] = [];
    const queued: string[] = [];
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const waiter = waiters.shift();
        if (waiter) waiter(line);
        else queued.push(line);
      }
    });
    return () => new Promise<string>((resolve) => (queued.length > 0 ? resolve(queued.shift()!) : waiters.push(resolve)));
  });
  const exits = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  expect(await Promise.all(lines.map((next) => next()))).toEqual(Array(count).fill('ready'));
  for (const child of children) child.stdin!.write('go\n');
  const said = await Promise.all(lines.map((next) => next()));
  for (const child of children) child.stdin!.end();
  await Promise.all(exits);
  return said;
}

describe('the data directory lock', () => {
  it('lets exactly one of several processes started at once take it, again and again', async () => {
    for (let round = 0; round < 3; round++) {
      const said = await race(await tempDir(), 4);
      expect(said.sort(), `round ${round}`).toEqual(['locked', 'locked', 'locked', 'won']);
    }
  }, 120_000);

  it('lets exactly one of them take over a stale lock, again and again', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = await tempDir();
      await writeLock(dir, lockOf());
      const said = await race(dir, 4);
      expect(said.sort(), `round ${round}`).toEqual(['locked', 'locked', 'locked', 'won']);
    }
  }, 120_000);

  it('writes the lock whole and owner-only, and removes it on release', async () => {
    const dir = await tempDir();
    const lock = await lockDataDir(dir);
    const path = join(dir, 'tenderlab.lock');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname(), bootId: BOOT_ID, token: expect.any(String) });
    await expect(lockDataDir(dir)).rejects.toThrow(/in use by process/);
    await lock.release();
    await expect(stat(path)).rejects.toThrow(/ENOENT/);
  });

  it('respects a live holder and takes over from a pid that now runs another process', async () => {
    const dir = await tempDir();
    const parent = process.ppid;
    await writeLock(dir, lockOf({ pid: parent, startTicks: startTicksOf(parent) }));
    await expect(lockDataDir(dir, { wait: noWaiting })).rejects.toThrow(`in use by process ${parent}`);
    await writeLock(dir, lockOf({ pid: parent, startTicks: '1' }));
    await (await lockDataDir(dir, { wait: noWaiting })).release();
  });

  it('takes over a lock of this host from before a reboot', async () => {
    const dir = await tempDir();
    await writeLock(dir, lockOf({ pid: process.ppid, startTicks: startTicksOf(process.ppid), bootId: 'an-earlier-boot' }));
    await (await lockDataDir(dir, { wait: noWaiting })).release();
  });

  it('takes over a lock from another host name only once its heartbeat stood still', async () => {
    const dir = await tempDir();
    const path = join(dir, 'tenderlab.lock');
    await writeLock(dir, lockOf({ hostname: 'a-recreated-container', pid: 1 }));
    // While we watch, the holder beats: it lives.
    let beat = 0;
    const beating = async () => {
      const at = new Date(Date.UTC(2026, 10, 1, 0, 0, ++beat));
      await utimes(path, at, at);
    };
    await expect(lockDataDir(dir, { wait: beating })).rejects.toThrow('in use by process 1 on a-recreated-container');
    // Nothing beats while we watch: it is gone.
    const lock = await lockDataDir(dir, { wait: async () => undefined });
    expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('refuses a lock file that does not say who holds it, naming it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'tenderlab.lock'), '');
    await expect(lockDataDir(dir)).rejects.toThrow(`${join(dir, 'tenderlab.lock')} does not say which process holds it`);
  });

  it('notices on its heartbeat when its lock was taken over, and leaves the new holder’s file alone', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    try {
      const dir = await tempDir();
      const lost = vi.fn();
      const lock = await lockDataDir(dir, { onLost: lost });
      const thief = lockOf({ hostname: 'another-host', pid: 7 });
      await writeLock(dir, thief);
      vi.advanceTimersByTime(5_000);
      await vi.waitFor(() => expect(lost).toHaveBeenCalledWith(expect.objectContaining({ pid: 7, hostname: 'another-host' })));
      await lock.release();
      expect(JSON.parse(await readFile(join(dir, 'tenderlab.lock'), 'utf8')).token).toBe(thief.token);
    } finally {
      vi.useRealTimers();
    }
  });
});
