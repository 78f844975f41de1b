import { cp, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openLowdbStore } from '../../../server/store/lowdb-store.js';
import type { SaveRow } from '../../../server/store/rows.js';
import { StoreUnavailableError } from '../../../server/store/store.js';
import { tempDir } from '../../support/temp-dir.js';
import { faultyFs, fsError } from './faulty-fs.js';

const save = (n: number): SaveRow => ({ id: `acc_${n}:chl_1`, accountId: `acc_${n}`, challengeId: 'chl_1', savedAt: '2026-11-01T00:00:00.000Z' });

const onLog = (op: string, path: string, ops: string[]) => path.endsWith('.log') && ops.includes(op);

/** The data directory as a crash would leave it right now: a copy, opened by a fresh store. */
async function restartFrom(dir: string) {
  const copy = await tempDir();
  await cp(dir, copy, { recursive: true });
  return openLowdbStore({ dataDir: copy });
}

async function logBytes(dir: string): Promise<number> {
  const logs = (await readdir(dir)).filter((name) => name.endsWith('.log'));
  let total = 0;
  for (const log of logs) total += (await stat(join(dir, log))).size;
  return total;
}

describe('lowdb store under disk faults', () => {
  it('disk full mid-record: the write is refused, and it is not there after a restart either', async () => {
    const dir = await tempDir();
    const fs = faultyFs();
    const store = await openLowdbStore({ dataDir: dir, fs });
    await store.transact(async (tx) => void (await tx.saves.insert(save(1))));
    const before = await logBytes(dir);

    fs.rule = (op, path) => (onLog(op, path, ['write']) ? fsError('ENOSPC') : undefined);
    const refused = store.transact(async (tx) => {
      await tx.saves.insert(save(2));
      await tx.saves.update(save(1).id, { savedAt: 'changed' });
    });
    await expect(refused).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(refused).rejects.toThrow(/ENOSPC/);
    expect(store.health()).toMatchObject({ ok: false, reason: expect.stringMatching(/ENOSPC/) });
    expect(await logBytes(dir)).toBe(before);
    expect(await store.tables.saves.get(save(2).id)).toBeUndefined();

    // A crash now, and a restart on what is on disk.
    const restarted = await restartFrom(dir);
    expect(await restarted.tables.saves.get(save(2).id)).toBeUndefined();
    expect((await restarted.tables.saves.get(save(1).id))?.savedAt).toBe('2026-11-01T00:00:00.000Z');
    await restarted.close();

    // Space again: the next write works, health is back, without a restart.
    fs.rule = null;
    await store.transact(async (tx) => void (await tx.saves.insert(save(3))));
    expect(store.health()).toEqual({ ok: true });
    await store.close();
    const reopened = await openLowdbStore({ dataDir: dir });
    expect((await reopened.tables.saves.all()).map((s) => s.id).sort()).toEqual([save(1).id, save(3).id]);
    await reopened.close();
  });

  it('a read-only disk: writes are refused with the reason, and the store recovers by itself once it is writable', async () => {
    const fs = faultyFs();
    const store = await openLowdbStore({ dataDir: await tempDir(), fs });
    fs.rule = (op, path) => (onLog(op, path, ['open', 'write', 'datasync', 'truncate']) ? fsError('EROFS') : undefined);
    await expect(store.transact(async (tx) => void (await tx.saves.insert(save(1))))).rejects.toThrow(/EROFS/);
    expect(store.health()).toMatchObject({ ok: false, reason: expect.stringMatching(/EROFS/) });
    // Still failing: still refused, still reported.
    await expect(store.transact(async (tx) => void (await tx.saves.insert(save(1))))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(store.health().ok).toBe(false);

    // Writable again, and no request comes: the store's own probe finds out.
    fs.rule = null;
    await expect.poll(() => store.health(), { timeout: 10_000 }).toEqual({ ok: true });
    await store.transact(async (tx) => void (await tx.saves.insert(save(1))));
    expect(await store.tables.saves.count()).toBe(1);
    await store.close();
  });

  it('a failed write that cannot be cut from the log stays unanswered until it can, then is refused', async () => {
    const dir = await tempDir();
    const fs = faultyFs();
    const store = await openLowdbStore({ dataDir: dir, fs });
    let truncatable = false;
    fs.rule = (op, path) => (onLog(op, path, ['datasync', 'truncate']) && !truncatable ? fsError('EIO') : undefined);
    let answered = false;
    const doubtful = store.transact(async (tx) => void (await tx.saves.insert(save(1))));
    void doubtful.catch(() => undefined).finally(() => (answered = true));
    await expect.poll(() => store.health(), { timeout: 10_000 }).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be cut/) });
    // Its fate is open: neither acknowledged nor refused, and nothing else may write meanwhile.
    await expect(store.transact(async (tx) => void (await tx.saves.insert(save(2))))).rejects.toThrow(/cannot write now/);
    expect(answered).toBe(false);
    expect(await store.tables.saves.count()).toBe(0);

    truncatable = true;
    await expect(doubtful).rejects.toBeInstanceOf(StoreUnavailableError);
    const restarted = await restartFrom(dir);
    expect(await restarted.tables.saves.count()).toBe(0);
    await restarted.close();
    fs.rule = null;
    await store.transact(async (tx) => void (await tx.saves.insert(save(3))));
    expect(store.health()).toEqual({ ok: true });
    await store.close();
  });

  it('a checkpoint that fails keeps every write in the log, and a later one catches up', async () => {
    const dir = await tempDir();
    const fs = faultyFs();
    const store = await openLowdbStore({ dataDir: dir, fs, checkpointBytes: 1 });
    fs.rule = (op, path) => (op === 'rename' && path.endsWith('.json') ? fsError('ENOSPC') : undefined);
    await store.transact(async (tx) => void (await tx.saves.insert(save(1))));
    await store.transact(async (tx) => void (await tx.saves.insert(save(2))));
    expect(store.health()).toEqual({ ok: true });
    const restarted = await restartFrom(dir);
    expect(await restarted.tables.saves.count()).toBe(2);
    await restarted.close();
    fs.rule = null;
    await store.close();
    expect((await readdir(dir)).filter((name) => name.endsWith('.log'))).toEqual([]);
    const reopened = await openLowdbStore({ dataDir: dir });
    expect(await reopened.tables.saves.count()).toBe(2);
    await reopened.close();
  });

  it('stops writing at once when another process took its data directory over', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    try {
      const dir = await tempDir();
      const store = await openLowdbStore({ dataDir: dir });
      await writeFile(join(dir, 'tenderlab.lock'), JSON.stringify({ pid: 7, hostname: 'another-host', bootId: '', startTicks: '', startedAt: 'x', token: 'theirs' }));
      vi.advanceTimersByTime(5_000);
      await vi.waitFor(() => expect(store.health()).toMatchObject({ ok: false, reason: expect.stringMatching(/taken over by process 7 on another-host/) }));
      await expect(store.transact(async (tx) => void (await tx.saves.insert(save(1))))).rejects.toThrow(/taken over/);
      await store.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
