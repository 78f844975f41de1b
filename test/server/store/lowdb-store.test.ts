import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../../server/store/lowdb-store.js';
import type { SaveRow } from '../../../server/store/rows.js';
import { StoreUnavailableError } from '../../../server/store/store.js';
import { tempDir } from '../../support/temp-dir.js';
import { faultyFs, fsError, gate } from './faulty-fs.js';

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

  it('refuses a damaged journal.json of an earlier version, naming it', async () => {
    const dir = await tempDir();
    await (await openLowdbStore({ dataDir: dir })).close();
    await writeFile(join(dir, 'journal.json'), '{"entries":[{"table":"saves","id":"x"');
    await expect(openLowdbStore({ dataDir: dir })).rejects.toThrow(/journal\.json is not valid JSON/);
  });
});

/** Holds the first fdatasync of the log until the test opens (or fails) the gate. */
function holdFirstLogSync() {
  const fs = faultyFs();
  const held = gate();
  const reached = gate();
  let syncs = 0;
  fs.rule = (op, path) => {
    if (op !== 'datasync' || !path.endsWith('.log')) return undefined;
    syncs++;
    if (syncs > 1) return undefined;
    reached.open();
    return held.promise;
  };
  return { fs, held, reached, syncs: () => syncs };
}

describe('lowdb store: group commit', () => {
  it('makes the transactions that arrive during an fsync durable together, with one more fsync', async () => {
    const dir = await tempDir();
    const { fs, held, reached, syncs } = holdFirstLogSync();
    const store = await openLowdbStore({ dataDir: dir, fs });
    const first = store.transact(async (tx) => void (await tx.saves.insert(save(0))));
    await reached.promise;
    const rest = Array.from({ length: 50 }, (_, i) => store.transact(async (tx) => void (await tx.saves.insert(save(i + 1)))));
    held.open();
    await Promise.all([first, ...rest]);
    expect(syncs()).toBe(2);
    expect(await store.tables.saves.count()).toBe(51);
    await store.close();
    const reopened = await openLowdbStore({ dataDir: dir });
    expect(await reopened.tables.saves.count()).toBe(51);
    await reopened.close();
  });

  it('shows reads outside a transaction only what is durable', async () => {
    const { fs, held, reached } = holdFirstLogSync();
    const store = await openLowdbStore({ dataDir: await tempDir(), fs });
    const writing = store.transact(async (tx) => {
      await tx.saves.insert(save(1));
      return 'done';
    });
    await reached.promise;
    expect(await store.tables.saves.get(save(1).id)).toBeUndefined();
    expect(await store.tables.saves.where('accountId', 'acc_1')).toEqual([]);
    expect(await store.tables.saves.count()).toBe(0);
    expect(await store.tables.saves.all()).toEqual([]);
    const inside = store.transact(async (tx) => (await tx.saves.get(save(1).id))?.accountId);
    held.open();
    expect(await writing).toBe('done');
    expect(await inside).toBe('acc_1');
    expect((await store.tables.saves.where('accountId', 'acc_1')).length).toBe(1);
    await store.close();
  });

  it('keeps a changed row’s durable version visible under its old index keys until the change is durable', async () => {
    const { fs, held, reached } = holdFirstLogSync();
    const dir = await tempDir();
    const seeding = await openLowdbStore({ dataDir: dir });
    await seeding.transact(async (tx) => void (await tx.saves.insert(save(1))));
    await seeding.close();
    const store = await openLowdbStore({ dataDir: dir, fs });
    const moving = store.transact(async (tx) => void (await tx.saves.update(save(1).id, { accountId: 'acc_new' })));
    await reached.promise;
    expect((await store.tables.saves.where('accountId', 'acc_1')).map((s) => s.id)).toEqual([save(1).id]);
    expect(await store.tables.saves.where('accountId', 'acc_new')).toEqual([]);
    held.open();
    await moving;
    expect(await store.tables.saves.where('accountId', 'acc_1')).toEqual([]);
    expect((await store.tables.saves.where('accountId', 'acc_new')).length).toBe(1);
    await store.close();
  });

  it('stays serializable under many concurrent read-modify-writes, and every one is durable', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dataDir: dir });
    await store.transact(async (tx) => void (await tx.saves.insert({ ...save(0), id: 'counter', savedAt: '0' })));
    const seen: number[] = [];
    store.onCommit((changes) => seen.push(...changes.map((c) => Number((c.after as SaveRow).savedAt))));
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        store.transact(async (tx) => {
          const n = Number((await tx.saves.get('counter'))!.savedAt) + 1;
          await tx.saves.update('counter', { savedAt: String(n) });
          return n;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(seen).toEqual(results);
    await store.close();
    const reopened = await openLowdbStore({ dataDir: dir });
    expect((await reopened.tables.saves.get('counter'))?.savedAt).toBe('100');
    await reopened.close();
  });

  it('rolls back a batch whose fsync fails and every transaction after it; none of them reappears', async () => {
    const dir = await tempDir();
    const { fs, held, reached } = holdFirstLogSync();
    const store = await openLowdbStore({ dataDir: dir, fs });
    const committed: string[] = [];
    store.onCommit((changes) => committed.push(...changes.map((c) => c.id)));
    const a = store.transact(async (tx) => void (await tx.saves.insert(save(1))));
    await reached.promise;
    const b = store.transact(async (tx) => void (await tx.saves.update(save(1).id, { savedAt: 'b' })));
    const c = store.transact(async (tx) => void (await tx.saves.insert(save(2))));
    const readOnly = store.transact(async (tx) => (await tx.saves.get(save(1).id))?.savedAt);
    // One turn of the event loop: b, c and the read run on a's unwritten row and wait behind it.
    await new Promise((resolve) => setImmediate(resolve));
    held.fail(fsError('EIO'));
    const outcomes = await Promise.allSettled([a, b, c, readOnly]);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ status: 'rejected', reason: expect.any(StoreUnavailableError) });
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toMatch(/built on/);
    expect(await store.tables.saves.count()).toBe(0);
    expect(await store.transact(async (tx) => tx.saves.count())).toBe(0);
    expect(store.health()).toMatchObject({ ok: false, reason: expect.stringMatching(/EIO/) });

    await store.transact(async (tx) => void (await tx.saves.insert(save(3))));
    expect(store.health()).toEqual({ ok: true });
    expect(committed).toEqual([save(3).id]);
    await store.close();
    const reopened = await openLowdbStore({ dataDir: dir });
    expect((await reopened.tables.saves.all()).map((s) => s.id)).toEqual([save(3).id]);
    await reopened.close();
  });

  it('creates its files 0600 and folders 0700, and tightens looser ones it finds', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'saves'), { mode: 0o755 });
    await chmod(dir, 0o755);
    await writeFile(join(dir, 'saves', '00.json'), '{"rows":[]}', { mode: 0o644 });
    const store = await openLowdbStore({ dataDir: dir, shards: { saves: 2 } });
    await store.transact(async (tx) => void (await tx.saves.insert(save(1))));
    const mode = async (path: string) => (await stat(path)).mode & 0o777;
    expect(await mode(dir)).toBe(0o700);
    expect(await mode(join(dir, 'tenderlab.lock'))).toBe(0o600);
    const log = (await readdir(dir)).find((f) => f.endsWith('.log'))!;
    expect(await mode(join(dir, log))).toBe(0o600);
    await store.close();
    for (const table of ['saves', 'accounts', 'bids']) expect(await mode(join(dir, table))).toBe(0o700);
    for (const file of await readdir(join(dir, 'saves'))) expect(await mode(join(dir, 'saves', file))).toBe(0o600);
  });

  it('changes no mode on a start whose files and folders already have theirs', async () => {
    const dir = await tempDir();
    const store = await openLowdbStore({ dataDir: dir, shards: { saves: 2 } });
    await store.transact(async (tx) => void (await tx.saves.insert(save(1))));
    await store.close();
    const fs = faultyFs();
    const reopened = await openLowdbStore({ dataDir: dir, fs });
    expect(await reopened.tables.saves.count()).toBe(1);
    expect(fs.calls.filter((call) => call.op === 'chmod')).toEqual([]);
    await reopened.close();
  });
});
