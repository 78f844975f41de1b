import fc from 'fast-check';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachChallengeIndex, createChallengeIndex, createChallengeScan } from '../../../server/search/challenge-index.js';
import {
  analyzerFingerprint,
  decodeIndexSnapshot,
  encodeIndexSnapshot,
  readIndexSnapshot,
} from '../../../server/search/index-snapshot.js';
import { openLowdbStore } from '../../../server/store/lowdb-store.js';
import type { ChallengeRow } from '../../../server/store/rows.js';
import { tempDir } from '../../support/temp-dir.js';
import { challengeRow, LABELLED } from './fixtures.js';

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);
const QUERIES = ['钙钛矿 太阳能电池', 'perovskite solar cells', 'battery recycling', '电池', 'sensor'];

afterEach(() => vi.restoreAllMocks());

describe('the saved analysis of the challenge index', () => {
  it('restores an index that answers like the one saved, without upserting anything', () => {
    const saved = createChallengeIndex();
    for (const row of LABELLED) saved.upsert(row);
    saved.remove(LABELLED[3]!.id);
    const analyzer = analyzerFingerprint();
    const state = decodeIndexSnapshot(encodeIndexSnapshot(saved.exportState(), analyzer), analyzer);
    const rows = new Map(LABELLED.map((row) => [row.id, row]));
    const restored = createChallengeIndex({ state, rowOf: (id) => rows.get(id) });
    expect(restored.size).toBe(saved.size);
    for (const query of QUERIES) expect(restored.search(query)).toEqual(saved.search(query));
  });

  it('drops what changed or disappeared since, and answers like a fresh index once the store is upserted again', () => {
    const WORDS = ['battery', 'solar', 'cells', 'perovskite', 'recycling', 'sensor', '钙钛矿', '太阳能电池', '锂电池', '回收', 'the'];
    const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(' '));
    const row = fc.record({ id: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5'), title: text, summary: text, description: text });
    const analyzer = analyzerFingerprint();
    fc.assert(
      fc.property(fc.array(row, { maxLength: 10 }), fc.array(row, { maxLength: 10 }), fc.array(fc.constantFrom('c1', 'c2', 'c3'), { maxLength: 2 }), fc.array(text, { minLength: 1, maxLength: 3 }), (before, after, removed, queries) => {
        const saved = createChallengeIndex();
        for (const r of before) saved.upsert(challengeRow(r));
        const state = decodeIndexSnapshot(encodeIndexSnapshot(saved.exportState(), analyzer), analyzer);
        // The store moved on after the save: edits, new rows, removals.
        const store = new Map<string, ChallengeRow>(before.map((r) => [r.id, challengeRow(r)]));
        for (const r of after) store.set(r.id, challengeRow(r));
        for (const id of removed) store.delete(id);
        const restored = createChallengeIndex({ state, rowOf: (id) => store.get(id) });
        const scan = createChallengeScan();
        for (const r of store.values()) {
          restored.upsert(r);
          scan.upsert(r);
        }
        expect(restored.size).toBe(store.size);
        for (const query of queries) expect(restored.search(query)).toEqual(scan.search(query));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a damaged file or one made by another analyzer', () => {
    const index = createChallengeIndex();
    for (const row of LABELLED) index.upsert(row);
    const bytes = encodeIndexSnapshot(index.exportState(), 'v-a');
    expect(() => decodeIndexSnapshot(bytes, 'v-b')).toThrow(/analyzer/);
    const damaged = Buffer.from(bytes);
    const middle = damaged.length >> 1;
    damaged.writeUInt8(damaged.readUInt8(middle) ^ 0xff, middle);
    expect(() => decodeIndexSnapshot(damaged, 'v-a')).toThrow(/checksum/);
    expect(() => decodeIndexSnapshot(bytes.subarray(0, 100), 'v-a')).toThrow();
  });

  it('ignores a damaged file with one log line, since it is only a cache', async () => {
    const path = join(await tempDir(), 'search-index.bin');
    await writeFile(path, 'not an index at all');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await readIndexSnapshot(path, analyzerFingerprint())).toBeNull();
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toContain(path);
    expect(await readIndexSnapshot(join(path, '..', 'missing.bin'), analyzerFingerprint())).toBeNull();
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('is saved at detach (owner-only) and adopted by the next attach', async () => {
    const dataDir = await tempDir();
    const path = join(dataDir, 'search-index.bin');
    let store = await openLowdbStore({ dataDir });
    await store.transact(async (tx) => {
      for (const row of LABELLED) await tx.challenges.insert(row);
    });
    const first = await attachChallengeIndex(store, { path });
    await store.transact(async (tx) => void (await tx.challenges.update(LABELLED[0]!.id, { title: 'Tandem modules' })));
    await first.detach();
    await store.close();
    expect((await stat(path)).mode & 0o777).toBe(0o600);

    store = await openLowdbStore({ dataDir });
    const state = await readIndexSnapshot(path, analyzerFingerprint());
    expect(state?.slots.filter(Boolean).map((s) => s!.id).sort()).toEqual(LABELLED.map((r) => r.id).sort());
    const second = await attachChallengeIndex(store, { path });
    expect(ids(second.index.search('tandem'))).toEqual([LABELLED[0]!.id]);
    const fresh = createChallengeIndex();
    for (const row of await store.tables.challenges.all()) fresh.upsert(row);
    for (const query of QUERIES) expect(second.index.search(query)).toEqual(fresh.search(query));
    await second.detach();
    await store.close();
  });
});
