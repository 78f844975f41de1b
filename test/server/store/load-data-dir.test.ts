import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openLowdbStore } from '../../../server/store/lowdb-store.js';
import { encodeRecord } from '../../../server/store/write-ahead-log.js';
import { tempDir } from '../../support/temp-dir.js';

const account = (id: string) => ({
  id,
  roles: ['researcher'],
  displayName: 'A',
  organization: '',
  email: null,
  passwordHash: null,
  locale: 'en',
  fields: [],
  keywords: ['battery'],
  orcid: null,
  bio: '',
  telegram: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
});
const save = (n: number) => ({ id: `acc_${n}:chl_1`, accountId: `acc_${n}`, challengeId: 'chl_1', savedAt: '2026-11-01T00:00:00.000Z' });
const record = (changes: unknown[]) => encodeRecord(JSON.stringify({ changes }));

async function withShard(table: string, rows: unknown[]): Promise<{ dir: string; path: string }> {
  const dir = await tempDir();
  await mkdir(join(dir, table));
  const path = join(dir, table, '00.json');
  await writeFile(path, JSON.stringify({ rows }));
  return { dir, path };
}

describe('loading the data directory', () => {
  it('refuses a row with keywords: null, naming the file, the row and the field', async () => {
    const { dir, path } = await withShard('accounts', [account('acc_1'), { ...account('acc_2'), keywords: null }]);
    await expect(openLowdbStore({ dataDir: dir })).rejects.toThrow(`${path}: row 2 (id acc_2) has no "keywords" array`);
  });

  it('refuses a row without an id, naming the file and the row', async () => {
    const { id: _, ...nameless } = account('acc_1');
    const { dir, path } = await withShard('accounts', [nameless]);
    await expect(openLowdbStore({ dataDir: dir })).rejects.toThrow(`${path}: row 1 has no "id" string`);
  });

  it('refuses a shard that does not parse, naming it', async () => {
    const { dir, path } = await withShard('saves', []);
    await writeFile(path, '{"rows":[{"id":');
    await expect(openLowdbStore({ dataDir: dir })).rejects.toThrow(`${path} is not valid JSON`);
  });

  it('replays the complete records of the log', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'wal-000003.log'), Buffer.concat([record([['saves', save(1).id, save(1)]]), record([['saves', save(2).id, save(2)], ['saves', save(1).id, null]])]));
    const store = await openLowdbStore({ dataDir: dir });
    expect((await store.tables.saves.all()).map((s) => s.id)).toEqual([save(2).id]);
    // Checkpointed into the shard files: the old log is gone, a new generation follows it.
    expect((await readdir(dir)).filter((f) => f.endsWith('.log'))).toEqual(['wal-000004.log']);
    await store.close();
  });

  it('drops a last record a crash cut short, which was never acknowledged, and says so', async () => {
    const dir = await tempDir();
    const torn = record([['saves', save(2).id, save(2)]]);
    const path = join(dir, 'wal-000001.log');
    await writeFile(path, Buffer.concat([record([['saves', save(1).id, save(1)]]), torn.subarray(0, torn.length - 5)]));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = await openLowdbStore({ dataDir: dir });
    expect((await store.tables.saves.all()).map((s) => s.id)).toEqual([save(1).id]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${path}: dropped an incomplete last record`));
    warn.mockRestore();
    await store.close();
  });

  it('refuses a log damaged before its end, naming the file, the record and the byte', async () => {
    const dir = await tempDir();
    const first = record([['saves', save(1).id, save(1)]]);
    first.writeUInt8(first.readUInt8(first.length - 3) ^ 0xff, first.length - 3);
    const path = join(dir, 'wal-000001.log');
    await writeFile(path, Buffer.concat([first, record([['saves', save(2).id, save(2)]])]));
    await expect(openLowdbStore({ dataDir: dir })).rejects.toThrow(`${path} is damaged at byte 0 (record 1's checksum does not match)`);
  });

  it('refuses an older log that ends in a torn record: only the newest can have been cut by a crash', async () => {
    const dir = await tempDir();
    const torn = record([['saves', save(1).id, save(1)]]);
    await writeFile(join(dir, 'wal-000001.log'), torn.subarray(0, 20));
    await writeFile(join(dir, 'wal-000002.log'), record([['saves', save(2).id, save(2)]]));
    await expect(openLowdbStore({ dataDir: dir })).rejects.toThrow(/wal-000001\.log is damaged at byte 0/);
  });

  it('refuses a bad row inside a log record, naming the log and the record', async () => {
    const dir = await tempDir();
    const path = join(dir, 'wal-000001.log');
    await writeFile(path, record([['accounts', 'acc_1', { ...account('acc_1'), keywords: null }]]));
    await expect(openLowdbStore({ dataDir: dir })).rejects.toThrow(`${path}, record 1: accounts row (id acc_1) has no "keywords" array`);
  });
});
