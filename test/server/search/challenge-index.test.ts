import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldId } from '../../../shared/fields.js';
import {
  attachChallengeIndex,
  buildChallengeIndex,
  createChallengeIndex,
  createChallengeScan,
} from '../../../server/search/challenge-index.js';
import { openLowdbStore } from '../../../server/store/lowdb-store.js';
import type { ChallengeRow } from '../../../server/store/rows.js';
import { tempDir } from '../../support/temp-dir.js';
import { challengeRow, LABELLED } from './fixtures.js';

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);
const labelled = () => buildChallengeIndex(LABELLED);
const scanOf = (rows: readonly ChallengeRow[]) => {
  const scan = createChallengeScan();
  rows.forEach((row) => scan.upsert(row));
  return scan;
};

describe('challenge search ranking', () => {
  it('ranks the Chinese perovskite solar challenge first for a Chinese query', () => {
    const hits = labelled().search('钙钛矿 太阳能电池');
    expect(hits[0]?.id).toBe('zh-perovskite-pv');
    // Partial matches (perovskite catalysts, solar panels) come after; the English perovskite challenge is
    // found through the translations, and explained by them.
    expect(ids(hits)).toEqual(expect.arrayContaining(['zh-perovskite-catalyst', 'zh-pv-cleaning']));
    const english = hits.find((hit) => hit.id === 'en-perovskite-pv');
    expect(english?.translations).toContainEqual({ term: '钙钛矿', translation: 'perovskite', origin: 'glossary' });
    expect(english!.score).toBeLessThan(hits[0]!.score);
  });

  it('ranks the English perovskite challenge first for an English query, singular or plural', () => {
    const index = labelled();
    expect(ids(index.search('perovskite solar cells'))[0]).toBe('en-perovskite-pv');
    expect(ids(index.search('perovskite solar cell'))[0]).toBe('en-perovskite-pv');
    expect(ids(index.search('recycled battery'))[0]).toBe('en-battery-recycling');
    expect(ids(index.search('Battery Recycling'))[0]).toBe('en-battery-recycling');
  });

  it('keeps a Chinese query from drowning in English challenges that share a stray word', () => {
    const hits = labelled().search('钙钛矿 太阳能电池 efficiency');
    expect(hits[0]?.id).toBe('zh-perovskite-pv');
    const strayHit = hits.find((h) => h.id === 'en-motor-efficiency');
    expect(strayHit).toBeDefined();
    expect(strayHit!.score).toBeLessThan(hits[0]!.score / 4);
  });

  it('keeps an English query from drowning in Chinese challenges that share an acronym', () => {
    const hits = labelled().search('PCB defect detection');
    expect(ids(hits)[0]).toBe('en-pcb-inspection');
    expect(hits.find((hit) => hit.id === 'zh-pcb-wastewater')!.score).toBeLessThan(hits[0]!.score / 4);
  });

  it('counts a concept once, by its words or its translation, so a bilingual text is not scored twice', () => {
    const rows = [
      challengeRow({
        id: 'zh-with-english-keyword',
        title: '退役动力电池梯次利用与高值回收',
        summary: '征集废旧电池回收、电池分选和正极材料再生的整体技术方案。',
        description: '动力电池回收：电池拆解、电池检测、电池材料回收，提高回收率。',
        keywords: ['电池回收', 'battery recycling'],
      }),
      challengeRow({
        id: 'en-battery-recycling-pilot',
        title: 'Battery recycling at pilot scale',
        summary: 'Recycling spent lithium batteries',
        description: 'Recover cobalt and lithium from spent batteries by hydrometallurgy.',
        keywords: ['battery', 'recycling'],
      }),
    ];
    for (const index of [buildChallengeIndex(rows), scanOf(rows)]) {
      const hits = index.search('battery recycling');
      expect(ids(hits)).toEqual(['en-battery-recycling-pilot', 'zh-with-english-keyword']);
      // Its translations still explain the Chinese challenge.
      expect(hits[1]!.translations.map((t) => t.translation)).toContain('电池回收');
    }
  });

  it('weights the title above the description', () => {
    const index = buildChallengeIndex([
      challengeRow({ id: 'in-description', title: 'Thermal management', summary: 'Cooling for packs.', description: 'Graphene sheets.' }),
      challengeRow({ id: 'in-title', title: 'Graphene sheets', summary: 'Cooling for packs.', description: 'Thermal management.' }),
    ]);
    expect(ids(index.search('graphene'))).toEqual(['in-title', 'in-description']);
  });

  it('shows matched terms as the user typed them', () => {
    const index = labelled();
    const [zhHit] = index.search('钙钛矿太阳能电池');
    expect(zhHit?.matchedTerms).toEqual(['钙钛矿太阳能电池']);
    const [enHit] = index.search('Recycled Batteries');
    expect(enHit?.matchedTerms).toEqual(['Recycled', 'Batteries']);
    const partial = index.search('钙钛矿 太阳能电池').find((h) => h.id === 'zh-pv-cleaning');
    expect(partial?.matchedTerms).toEqual(['太阳能']);
  });

  it('has no hits for a query without searchable terms', () => {
    const index = labelled();
    expect(index.search('')).toEqual([]);
    expect(index.search('the of and')).toEqual([]);
    expect(index.search('的，。!')).toEqual([]);
  });

  it('applies the filter before the limit', () => {
    const index = labelled();
    const hits = index.search('钙钛矿 perovskite', { filter: (row) => row.fields.includes('environment'), limit: 1 });
    expect(ids(hits)).toEqual(['zh-perovskite-catalyst']);
  });
});

describe('incremental updates', () => {
  it('reflects upserts, edits and removals in the next search', () => {
    const index = labelled();
    expect(index.search('双极板')).toEqual([]);

    index.upsert(challengeRow({ id: 'zh-hydrogen', title: '氢燃料电池双极板', fields: ['new-energy-vehicles'] }));
    expect(ids(index.search('氢燃料电池'))[0]).toBe('zh-hydrogen');
    expect(index.size).toBe(LABELLED.length + 1);

    index.upsert(challengeRow({ id: 'zh-hydrogen', title: '固态储氢材料', fields: ['new-materials'] }));
    expect(ids(index.search('双极板'))).toEqual([]);
    expect(ids(index.search('储氢'))).toEqual(['zh-hydrogen']);

    index.remove('zh-hydrogen');
    expect(index.search('储氢')).toEqual([]);
    expect(index.get('zh-hydrogen')).toBeUndefined();
    expect(index.size).toBe(LABELLED.length);
  });

  it('keeps the newest row for filters even when only status changed', () => {
    const index = labelled();
    const row = index.get('en-bms')!;
    index.upsert({ ...row, status: 'closed' });
    expect(index.get('en-bms')?.status).toBe('closed');
    expect(ids(index.search('battery management', { filter: (r) => r.status === 'open' }))).not.toContain('en-bms');
  });

  it('answers document frequency and all-terms lookups from the postings', () => {
    const index = labelled();
    expect(index.documentFrequency('钙钛')).toBe(2);
    expect(index.withAllTerms(['钙钛', '钛矿', '电池']).sort()).toEqual(['zh-perovskite-pv']);
    expect(index.withAllTerms(['钙钛', 'nothing'])).toEqual([]);
    expect(index.withAllTerms([])).toEqual([]);
  });

  it('follows the store: loads what is stored, then every commit', async () => {
    const store = await openLowdbStore({ dataDir: await tempDir() });
    await store.transact(async (tx) => void (await tx.challenges.insert(LABELLED[0]!)));
    const { index, detach } = await attachChallengeIndex(store);
    expect(ids(index.search('钙钛矿'))).toEqual([LABELLED[0]!.id]);

    await store.transact(async (tx) => void (await tx.challenges.insert(LABELLED[6]!)));
    // The English challenge first, the Chinese one found through the translation after it.
    expect(ids(index.search('perovskite'))).toEqual([LABELLED[6]!.id, LABELLED[0]!.id]);
    await store.transact(async (tx) => void (await tx.challenges.update(LABELLED[6]!.id, { title: 'Tandem modules' })));
    expect(ids(index.search('tandem'))[0]).toBe(LABELLED[6]!.id);
    await store.transact(async (tx) => void (await tx.challenges.remove(LABELLED[0]!.id)));
    expect(ids(index.search('钙钛矿'))).not.toContain(LABELLED[0]!.id);

    await detach();
    await store.transact(async (tx) => void (await tx.challenges.insert(LABELLED[1]!)));
    expect(index.get(LABELLED[1]!.id)).toBeUndefined();
    await store.close();
  });
});

describe('index against the linear-scan reference', () => {
  const WORDS = [
    'battery', 'batteries', 'solar', 'cell', 'cells', 'perovskite', 'recycling', 'graphene', 'sensor', 'robot',
    'hydrogen', 'membrane', 'catalyst', 'efficiency', 'PCB', '5G', '钙钛矿', '太阳能电池', '锂电池', '回收', '传感器',
    '机器人', '氢能', '催化剂', '膜', '效率', '的', '与', 'and', 'the',
  ];
  const text = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 8 }).map((w) => w.join(' '));
  const row = fc.record({
    id: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'),
    title: text,
    summary: text,
    description: text,
    keywords: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
  });
  const operation = fc.oneof(
    row.map((r) => ({ kind: 'upsert' as const, row: challengeRow(r) })),
    fc.constantFrom('c1', 'c2', 'c3').map((id) => ({ kind: 'remove' as const, id })),
  );

  it('returns the same hits, scores and matched terms after any sequence of updates, whole or top-k', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), fc.array(text, { minLength: 1, maxLength: 4 }), (ops, queries) => {
        const index = createChallengeIndex();
        const scan = createChallengeScan();
        for (const op of ops) {
          if (op.kind === 'upsert') {
            index.upsert(op.row);
            scan.upsert(op.row);
          } else {
            index.remove(op.id);
            scan.remove(op.id);
          }
        }
        expect(index.size).toBe(scan.size);
        for (const query of queries) {
          const all = scan.search(query);
          expect(index.search(query)).toEqual(all);
          expect(index.search(query, { limit: 3 })).toEqual(all.slice(0, 3));
          expect(scan.search(query, { limit: 1 })).toEqual(all.slice(0, 1));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('finds the challenges of any given fields by lookup, the same ones a pass over every row finds', () => {
    const FIELDS: FieldId[] = ['energy', 'new-materials', 'agriculture'];
    const withFields = fc.tuple(operation, fc.subarray(FIELDS)).map(([op, fields]) => (op.kind === 'upsert' ? { ...op, row: { ...op.row, fields } } : op));
    fc.assert(
      fc.property(fc.array(withFields, { maxLength: 25 }), fc.subarray(FIELDS), (ops, wanted) => {
        const index = createChallengeIndex();
        for (const op of ops) if (op.kind === 'upsert') index.upsert(op.row);
        else index.remove(op.id);
        const expected = [...index.rows()].filter((row) => row.fields.some((f) => wanted.includes(f))).map((row) => row.id).sort();
        expect(index.inFields(wanted).map((row) => row.id).sort()).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('ranks by another order when asked, keeping only the first hits of it', () => {
    const byTitle = (a: { title: string; id: string }, b: { title: string; id: string }) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), text, fc.integer({ min: 1, max: 5 }), (ops, query, limit) => {
        const index = createChallengeIndex();
        for (const op of ops) if (op.kind === 'upsert') index.upsert(op.row);
        else index.remove(op.id);
        const all = ids(index.search(query)).map((id) => index.get(id)!).sort(byTitle).map((row) => row.id);
        expect(ids(index.search(query, { order: byTitle, limit }))).toEqual(all.slice(0, limit));
      }),
      { numRuns: 100 },
    );
  });
});
