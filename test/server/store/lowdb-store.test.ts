import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../../server/store/lowdb-store.js';
import type { SaveRow } from '../../../server/store/rows.js';
import { tempDir } from '../../support/temp-dir.js';

const save = (n: number): SaveRow => ({ id: `acc_${n}:chl_1`, accountId: `acc_${n}`, challengeId: 'chl_1', savedAt: '2026-11-01T00:00:00.000Z' });

describe('lowdb store', () => {
  it('keeps committed rows across a reopen, in one-row-per-line shard files', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dataDir: dir });
    await store.transact(async (tx) => {
      for (let i = 0; i < 50; i++) await tx.saves.insert(save(i));
    });
    await store.close();

    const reopened = await openLowdbStore({ dataDir: dir });
    expect(await reopened.tables.saves.count()).toBe(50);
    expect((await reopened.tables.saves.where('challengeId', 'chl_1')).length).toBe(50);
    expect(await reopened.tables.saves.get('acc_7:chl_1')).toMatchObject({ accountId: 'acc_7' });
    const files = (await readdir(join(dir, 'saves'))).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) JSON.parse(await readFile(join(dir, 'saves', f), 'utf8'));
    await reopened.close();
  });

  it('undoes every write of a transaction that throws', async () => {
    const store = await openLowdbStore({ dataDir: await tempDir() });
    await store.transact(async (tx) => void (await tx.saves.insert(save(1))));
    await expect(
      store.transact(async (tx) => {
        await tx.saves.insert(save(2));
        await tx.saves.update('acc_1:chl_1', { savedAt: 'changed' });
        await tx.saves.remove('acc_1:chl_1');
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await store.tables.saves.get('acc_2:chl_1')).toBeUndefined();
    expect((await store.tables.saves.get('acc_1:chl_1'))?.savedAt).toBe('2026-11-01T00:00:00.000Z');
    expect(await store.tables.saves.where('accountId', 'acc_2')).toEqual([]);
    await store.close();
  });

  it('serializes transactions so a check-then-write cannot race', async () => {
    const store = await openLowdbStore({ dataDir: await tempDir() });
    const attempt = () =>
      store.transact(async (tx) => {
        if ((await tx.saves.where('accountId', 'acc_1')).length > 0) return 'exists';
        await new Promise((r) => setTimeout(r, 5));
        await tx.saves.insert(save(1));
        return 'inserted';
      });
    const results = await Promise.all([attempt(), attempt(), attempt()]);
    expect(results.sort()).toEqual(['exists', 'exists', 'inserted']);
    await store.close();
  });

  it('tells commit listeners what changed, after the commit', async () => {
    const store = await openLowdbStore({ dataDir: await tempDir() });
    const seen: string[] = [];
    store.onCommit((changes) => seen.push(...changes.map((c) => `${c.table}:${c.id}:${c.before ? 'u' : 'i'}`)));
    await store.transact(async (tx) => void (await tx.saves.insert(save(1))));
    await store.transact(async (tx) => void (await tx.saves.update('acc_1:chl_1', { savedAt: 'x' })));
    expect(seen).toEqual(['saves:acc_1:chl_1:i', 'saves:acc_1:chl_1:u']);
    await store.close();
  });

  it('refuses a second owner of the data directory and takes over a stale lock', async () => {
    const dir = await tempDir();
    const first = await openLowdbStore({ dataDir: dir });
    await expect(openLowdbStore({ dataDir: dir })).rejects.toThrow(/in use by process \d+/);
    await first.close();
    // A lock left by a process that is gone (pid 2^22 + 1 is above Linux's pid_max default).
    await writeFile(join(dir, 'tenderlab.lock'), JSON.stringify({ pid: 4194305, hostname: (await import('node:os')).hostname(), startedAt: 'x' }));
    const second = await openLowdbStore({ dataDir: dir });
    await second.close();
  });

  it('replays a journal left by a crash between file writes', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dataDir: dir });
    await store.close();
    await writeFile(
      join(dir, 'journal.json'),
      JSON.stringify({ entries: [{ table: 'saves', id: save(3).id, after: save(3) }, { table: 'saves', id: 'gone', after: null }] }),
    );
    const reopened = await openLowdbStore({ dataDir: dir });
    expect(await reopened.tables.saves.get(save(3).id)).toMatchObject({ accountId: 'acc_3' });
    expect((await readdir(dir)).includes('journal.json')).toBe(false);
    await reopened.close();
  });

  it('reshards when the shard count changes', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dataDir: dir, shards: { saves: 8 } });
    await store.transact(async (tx) => {
      for (let i = 0; i < 40; i++) await tx.saves.insert(save(i));
    });
    await store.close();
    const resharded = await openLowdbStore({ dataDir: dir, shards: { saves: 3 } });
    expect(await resharded.tables.saves.count()).toBe(40);
    expect((await readdir(join(dir, 'saves'))).sort()).toEqual(['00.json', '01.json', '02.json']);
    await resharded.close();
  });

  it('gives a growing table more shards on the next start, keeping every row', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dataDir: dir, shards: { saves: 2 }, rowsPerShard: 10 });
    await store.transact(async (tx) => {
      for (let i = 0; i < 70; i++) await tx.saves.insert(save(i));
    });
    await store.close();
    expect((await readdir(join(dir, 'saves'))).length).toBe(2);
    const grown = await openLowdbStore({ dataDir: dir, shards: { saves: 2 }, rowsPerShard: 10 });
    expect(await grown.tables.saves.count()).toBe(70);
    expect((await readdir(join(dir, 'saves'))).length).toBe(8);
    await grown.close();
  });
});

