import type { Lexicon, TranslationOrigin } from '../../shared/lexicon/lexicon.js';
import { displayTerms } from '../../shared/text.js';
import type { ChallengeRow } from '../store/rows.js';
import type { Store } from '../store/store.js';
import { analyzeChallenge, CHALLENGE_TEXT_FIELDS, sameChallengeText, textVersion } from './challenge-text.js';
import { followTable } from './follow-table.js';
import { analyzerFingerprint, readIndexSnapshot, writeIndexSnapshot } from './index-snapshot.js';
import { serverLexicon } from './lexicon.js';
import {
  coverageOf,
  MAX_LITERAL_TERMS,
  planQuery,
  scoreOfParts,
  scorePartOf,
  translationsIn,
  type MatchedTranslation,
  type QueryPlan,
} from './query-plan.js';

export { MAX_QUERY_TERMS } from './query-plan.js';
export type { MatchedTranslation } from './query-plan.js';

/** One ranked challenge. */
export interface ChallengeHit {
  id: string;
  /** BM25F relevance scaled by `coverage`; comparable between hits of one query only. */
  score: number;
  /**
   * The share (0–1, weighted by idf) of the query's terms that the challenge contains; terms that no
   * challenge contains count as missing. For a query longer than `maxTerms`, the share of the terms used.
   */
  coverage: number;
  /** The query's words that the challenge contains, as the user typed them (钙钛矿, "batteries"). */
  matchedTerms: string[];
  /** The query's terms that the challenge contains in translation (perovskite ↔ 钙钛矿). */
  translations: MatchedTranslation[];
}

/** How to search: which challenges may be hits, how many, and how much of a long query to use. */
export interface ChallengeSearchOptions {
  /**
   * Keeps only the challenges it accepts (status, fields, reward, visibility), before `limit` applies.
   * Without it every indexed challenge can be a hit, drafts included.
   */
  filter?: (row: Readonly<ChallengeRow>) => boolean;
  /**
   * At most this many hits, best first. Default: all. Only the hits kept are annotated (`matchedTerms`)
   * and only they are sorted, so a list that shows 20 of 750 hits pays for about 20.
   */
  limit?: number;
  /**
   * Rank the hits by this total order on rows (newest first, say) instead of by relevance; the hits are
   * still the challenges that contain a query term and pass `filter`.
   */
  order?: (a: Readonly<ChallengeRow>, b: Readonly<ChallengeRow>) => number;
  /**
   * Use at most this many distinct query terms of the query's own, the most informative ones (highest idf ×
   * weight), so a paper abstract can serve as a query; translations use the bits left. Default and maximum:
   * {@link MAX_LITERAL_TERMS}.
   */
  maxTerms?: number;
  /** Which translations to add: default both the glossary's and the dictionary's. */
  translations?: readonly TranslationOrigin[];
}

/** How an index translates queries. */
export interface ChallengeIndexOptions {
  /**
   * The lexicon that adds translations to queries (perovskite also finds 钙钛矿); null searches the query's
   * own terms only. Default: the server's (glossary + CC-CEDICT), loaded at the first search.
   */
  lexicon?: Lexicon | null;
}

/** What the index and its linear-scan reference both offer, so either can stand for the other. */
export interface ChallengeSearch {
  /** Adds the challenge or replaces the stored version of it; searches see it at once. */
  upsert(row: Readonly<ChallengeRow>): void;
  /** Forgets the challenge; unknown ids are ignored. */
  remove(id: string): void;
  /** The row as last upserted. */
  get(id: string): Readonly<ChallengeRow> | undefined;
  readonly size: number;
  /**
   * Challenges containing at least one of the query's terms, best first (ties by id). A query without
   * searchable terms (empty, only stop words or punctuation) has no hits: callers list without ranking.
   */
  search(query: string, options?: ChallengeSearchOptions): ChallengeHit[];
}

/** The incremental inverted index that serves `GET /api/challenges?q=`, the board and matching. */
export interface ChallengeIndex extends ChallengeSearch {
  /** Every indexed row, in no particular order. */
  rows(): IterableIterator<Readonly<ChallengeRow>>;
  /** The indexed rows in any of `fields`, each once: a lookup per field, not a pass over every row. */
  inFields(fields: Iterable<string>): Readonly<ChallengeRow>[];
  /** How many indexed challenges contain the key (an analyzed term key, see shared/text.ts). */
  documentFrequency(key: string): number;
  /** Ids of the challenges whose text contains every key; none when `keys` is empty. */
  withAllTerms(keys: readonly string[]): string[];
  /** The analysed state, to persist (index-snapshot.ts) and restore without analysing every text again. */
  exportState(): ChallengeIndexState;
}

/** What an index has analysed, slot by slot: enough to rebuild it without reading any text. */
export interface ChallengeIndexState {
  /** Per slot, the challenge's id and the {@link textVersion} of the text it was analysed from; null when free. */
  slots: ({ id: string; version: string } | null)[];
  /** Per slot, the length of each field ({@link CHALLENGE_TEXT_FIELDS} order). */
  lengths: Int32Array;
  /** Per term key, the slots containing it and their packed per-field term frequencies. */
  postings: { key: string; slots: Int32Array; packedTfs: Uint32Array }[];
}

/** Where a restored index takes its rows from: the stored row of an id, if any. */
export interface ChallengeIndexRestore {
  state: ChallengeIndexState;
  rowOf: (id: string) => Readonly<ChallengeRow> | undefined;
}

// BM25F: the title counts most, then the enterprise's own keywords, then the summary, then the long
// description. Short fields get a gentler length normalization (b) so one extra word in a title is no penalty.
const FIELD_WEIGHT = [3, 2, 1.5, 1] as const;
const FIELD_B = [0.5, 0.5, 0.75, 0.75] as const;
const K1 = 1.2;
const FIELD_COUNT = CHALLENGE_TEXT_FIELDS.length;
const TF_BITS = 8;
const TF_MAX = (1 << TF_BITS) - 1;

interface AnalyzedChallenge {
  /** Per distinct key, its term frequency in each field packed into 8-bit lanes. */
  packedTf: Map<string, number>;
  /**
   * Per field, the number of `core` terms: word-sized units in either language, so a Chinese text is not
   * "longer" than its English twin just because it is indexed as bigrams and characters.
   */
  lengths: number[];
}

function analyzeForIndex(row: Readonly<ChallengeRow>): AnalyzedChallenge {
  const packedTf = new Map<string, number>();
  const lengths: number[] = [];
  analyzeChallenge(row).forEach((terms, field) => {
    let length = 0;
    const shift = field * TF_BITS;
    for (const term of terms) {
      if (term.role === 'core') length++;
      const packed = packedTf.get(term.key) ?? 0;
      if (((packed >>> shift) & TF_MAX) < TF_MAX) packedTf.set(term.key, packed + 2 ** shift);
    }
    lengths.push(length);
  });
  return { packedTf, lengths };
}

/** One query term's BM25F contribution to one challenge; the index and the scan share it so scores agree. */
function contribution(
  weight: number,
  packedTf: number,
  lengths: ArrayLike<number>,
  lengthsAt: number,
  averageLengths: readonly number[],
): number {
  let tf = 0;
  for (let field = 0; field < FIELD_COUNT; field++) {
    const count = (packedTf >>> (field * TF_BITS)) & TF_MAX;
    if (count === 0) continue;
    const b = FIELD_B[field]!;
    tf += (FIELD_WEIGHT[field]! * count) / (1 - b + (b * lengths[lengthsAt + field]!) / averageLengths[field]!);
  }
  return (weight * tf) / (K1 + tf);
}

function averageLengths(totals: readonly number[], documentCount: number): number[] {
  return totals.map((total) => (total > 0 ? total / documentCount : 1));
}

interface Scored {
  id: string;
  row: Readonly<ChallengeRow>;
  score: number;
  coverage: number;
  matched: number;
}

/** Higher score first, then lower id: a total order, so the index and the scan agree on ties. */
const byRelevance = (a: Scored, b: Scored) => a.score > b.score || (a.score === b.score && a.id < b.id);

/** The best `limit` of `scored` by `ranksBefore`, best first, without sorting all of them (a query may touch thousands). */
function best(scored: Scored[], limit: number, ranksBefore: (a: Scored, b: Scored) => boolean): Scored[] {
  if (scored.length <= limit) return scored.sort((a, b) => (ranksBefore(a, b) ? -1 : 1));
  // A heap of the kept items with the worst at the root.
  const heap: Scored[] = [];
  const sinkFrom = (start: number) => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && ranksBefore(heap[worst]!, heap[left]!)) worst = left;
      if (right < heap.length && ranksBefore(heap[worst]!, heap[right]!)) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (const item of scored) {
    if (heap.length < limit) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!ranksBefore(heap[parent]!, heap[i]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (limit > 0 && ranksBefore(item, heap[0]!)) {
      heap[0] = item;
      sinkFrom(0);
    }
  }
  return heap.sort((a, b) => (ranksBefore(a, b) ? -1 : 1));
}

function rank(scored: Scored[], plan: QueryPlan, { limit, order }: ChallengeSearchOptions): ChallengeHit[] {
  const before = order ? (a: Scored, b: Scored) => order(a.row, b.row) < 0 : byRelevance;
  return best(scored, limit ?? scored.length, before).map(({ id, score, coverage, matched }) => {
    const matchedKeys = new Set(plan.keys.filter((key, i) => (matched >>> i) & 1 && plan.literalWeights[i]! > 0));
    return { id, score, coverage, matchedTerms: displayTerms(plan.terms, matchedKeys), translations: translationsIn(plan, matched) };
  });
}

/** The lexicon option resolved: the server's unless the caller chose one or none. */
function lexiconOf(options: ChallengeIndexOptions): () => Lexicon | null {
  return options.lexicon === undefined ? serverLexicon : () => options.lexicon ?? null;
}

interface PostingList {
  slots: Int32Array;
  packedTfs: Uint32Array;
  length: number;
}

function grow<A extends Int32Array | Uint32Array | Float64Array>(array: A, minLength: number, make: (n: number) => A): A {
  if (array.length >= minLength) return array;
  const next = make(Math.max(minLength, array.length * 2, 16));
  next.set(array);
  return next;
}

/**
 * An in-memory BM25F index over challenges (title, keywords, summary, description), updated in place by
 * `upsert`/`remove`; queries never rebuild anything. Postings are typed arrays (slot + packed per-field term
 * frequencies), so 10,000 bilingual challenges fit in a few tens of megabytes. Scores are BM25F multiplied
 * by the query's idf-weighted coverage, so a challenge that shares one stray token with a query (an
 * English acronym inside a Chinese query) ranks below one that matches the query's substance.
 *
 * With `restore`, it starts from a saved state: each slot whose stored row still has the text it was
 * analysed from is adopted as it is, the others are dropped (upsert them to analyse them again).
 */
export function createChallengeIndex(restore?: ChallengeIndexRestore, options: ChallengeIndexOptions = {}): ChallengeIndex {
  const lexicon = lexiconOf(options);
  const slotOf = new Map<string, number>();
  const rowAt: (Readonly<ChallengeRow> | undefined)[] = [];
  /** Per slot, the text version its postings were made from (see textVersion). */
  const versionAt: (string | undefined)[] = [];
  const freeSlots: number[] = [];
  /** Field id → slots of the challenges in it. */
  const fieldSlots = new Map<string, Set<number>>();
  const postings = new Map<string, PostingList>();
  const totalLengths = new Array<number>(FIELD_COUNT).fill(0);
  let lengths = new Int32Array(0);
  // Per-query scratch, sized to the slot count and cleared after each query (queries are synchronous).
  let covered = new Float64Array(0);
  let matched = new Uint32Array(0);
  /** Per touched slot, its position in the query's touched list (valid while matched[slot] ≠ 0). */
  let positionOf = new Int32Array(0);
  /** Per touched position, its score parts (query-plan.ts scorePartOf), cleared as they are handed out. */
  let parts = new Float64Array(0);

  const addPosting = (key: string, slot: number, packedTf: number) => {
    let list = postings.get(key);
    if (!list) {
      list = { slots: new Int32Array(4), packedTfs: new Uint32Array(4), length: 0 };
      postings.set(key, list);
    }
    if (list.length === list.slots.length) {
      list.slots = grow(list.slots, list.length + 1, (n) => new Int32Array(n));
      list.packedTfs = grow(list.packedTfs, list.length + 1, (n) => new Uint32Array(n));
    }
    list.slots[list.length] = slot;
    list.packedTfs[list.length] = packedTf;
    list.length++;
  };

  const removePosting = (key: string, slot: number) => {
    const list = postings.get(key);
    if (!list) return;
    const at = list.slots.subarray(0, list.length).indexOf(slot);
    if (at < 0) return;
    const last = list.length - 1;
    list.slots[at] = list.slots[last]!;
    list.packedTfs[at] = list.packedTfs[last]!;
    list.length = last;
    if (last === 0) postings.delete(key);
  };

  const index = (row: Readonly<ChallengeRow>, slot: number) => {
    versionAt[slot] = textVersion(row);
    const { packedTf, lengths: fieldLengths } = analyzeForIndex(row);
    for (const [key, packed] of packedTf) addPosting(key, slot, packed);
    for (let field = 0; field < FIELD_COUNT; field++) {
      lengths[slot * FIELD_COUNT + field] = fieldLengths[field]!;
      totalLengths[field]! += fieldLengths[field]!;
    }
  };

  const unindex = (row: Readonly<ChallengeRow>, slot: number) => {
    // Analysis is deterministic, so re-analyzing the stored row finds exactly the postings it made; this
    // keeps no per-document key list in memory.
    for (const key of analyzeForIndex(row).packedTf.keys()) removePosting(key, slot);
    for (let field = 0; field < FIELD_COUNT; field++) {
      totalLengths[field]! -= lengths[slot * FIELD_COUNT + field]!;
      lengths[slot * FIELD_COUNT + field] = 0;
    }
  };

  const setFields = (row: Readonly<ChallengeRow> | undefined, slot: number, member: boolean) => {
    for (const field of row?.fields ?? []) {
      let slots = fieldSlots.get(field);
      if (member) {
        if (!slots) fieldSlots.set(field, (slots = new Set()));
        slots.add(slot);
      } else if (slots) {
        slots.delete(slot);
        if (slots.size === 0) fieldSlots.delete(field);
      }
    }
  };

  const remove = (id: string) => {
    const slot = slotOf.get(id);
    if (slot === undefined) return;
    setFields(rowAt[slot], slot, false);
    unindex(rowAt[slot]!, slot);
    rowAt[slot] = undefined;
    versionAt[slot] = undefined;
    slotOf.delete(id);
    freeSlots.push(slot);
  };

  if (restore) {
    const { state, rowOf } = restore;
    const kept = new Uint8Array(state.slots.length);
    state.slots.forEach((entry, slot) => {
      const row = entry ? rowOf(entry.id) : undefined;
      if (row && entry && !slotOf.has(row.id) && textVersion(row) === entry.version) {
        kept[slot] = 1;
        rowAt[slot] = row;
        versionAt[slot] = entry.version;
        slotOf.set(row.id, slot);
        setFields(row, slot, true);
      } else {
        rowAt[slot] = undefined;
        freeSlots.push(slot);
      }
    });
    lengths = new Int32Array(state.slots.length * FIELD_COUNT);
    for (const slot of slotOf.values()) {
      for (let field = 0; field < FIELD_COUNT; field++) {
        const length = state.lengths[slot * FIELD_COUNT + field] ?? 0;
        lengths[slot * FIELD_COUNT + field] = length;
        totalLengths[field]! += length;
      }
    }
    const everyKept = state.slots.every((entry, slot) => entry === null || kept[slot] === 1);
    for (const { key, slots, packedTfs } of state.postings) {
      let list: PostingList = { slots, packedTfs, length: slots.length };
      if (!everyKept) {
        // Drop the postings of slots that were not adopted; the rest keep their order.
        const keep = slots.reduce((n, slot) => n + kept[slot]!, 0);
        if (keep === 0) continue;
        const kSlots = new Int32Array(keep);
        const kTfs = new Uint32Array(keep);
        let at = 0;
        slots.forEach((slot, i) => {
          if (kept[slot]) {
            kSlots[at] = slot;
            kTfs[at++] = packedTfs[i]!;
          }
        });
        list = { slots: kSlots, packedTfs: kTfs, length: keep };
      }
      if (list.length > 0) postings.set(key, list);
    }
  }

  return {
    get size() {
      return slotOf.size;
    },

    get: (id) => {
      const slot = slotOf.get(id);
      return slot === undefined ? undefined : rowAt[slot];
    },

    exportState() {
      const slots = rowAt.map((row, slot) => (row ? { id: row.id, version: versionAt[slot]! } : null));
      return {
        slots,
        lengths: lengths.slice(0, slots.length * FIELD_COUNT),
        postings: [...postings].map(([key, list]) => ({
          key,
          slots: list.slots.slice(0, list.length),
          packedTfs: list.packedTfs.slice(0, list.length),
        })),
      };
    },

    *rows() {
      for (const slot of slotOf.values()) yield rowAt[slot]!;
    },

    inFields(fields) {
      const slots = new Set<number>();
      for (const field of fields) for (const slot of fieldSlots.get(field) ?? []) slots.add(slot);
      return [...slots].map((slot) => rowAt[slot]!);
    },

    upsert(row) {
      const existing = slotOf.get(row.id);
      if (existing !== undefined && sameChallengeText(rowAt[existing]!, row)) {
        setFields(rowAt[existing], existing, false);
        rowAt[existing] = row;
        setFields(row, existing, true);
        return;
      }
      remove(row.id);
      const slot = freeSlots.pop() ?? rowAt.length;
      lengths = grow(lengths, (slot + 1) * FIELD_COUNT, (n) => new Int32Array(n));
      rowAt[slot] = row;
      slotOf.set(row.id, slot);
      setFields(row, slot, true);
      index(row, slot);
    },

    remove,

    documentFrequency: (key) => postings.get(key)?.length ?? 0,

    withAllTerms(keys) {
      const lists = [...new Set(keys)].map((key) => postings.get(key));
      if (lists.length === 0 || lists.some((list) => list === undefined)) return [];
      const [shortest, ...others] = (lists as PostingList[]).sort((a, b) => a.length - b.length);
      const candidates = new Set(shortest!.slots.subarray(0, shortest!.length));
      for (const list of others) {
        const present = new Set(list.slots.subarray(0, list.length));
        for (const slot of candidates) if (!present.has(slot)) candidates.delete(slot);
      }
      return [...candidates].map((slot) => rowAt[slot]!.id);
    },

    search(query, options = {}) {
      const documentCount = slotOf.size;
      if (documentCount === 0) return [];
      const prepared = planQuery(
        query,
        documentCount,
        (key) => postings.get(key)?.length ?? 0,
        options.maxTerms ?? MAX_LITERAL_TERMS,
        lexicon(),
        options.translations,
      );
      if (prepared.keys.length === 0) return [];
      const averages = averageLengths(totalLengths, documentCount);
      covered = grow(covered, rowAt.length, (n) => new Float64Array(n));
      matched = grow(matched, rowAt.length, (n) => new Uint32Array(n));
      positionOf = grow(positionOf, rowAt.length, (n) => new Int32Array(n));
      const conceptCount = prepared.concepts.length;
      const stride = 2 * conceptCount;
      const touched: number[] = [];
      prepared.keys.forEach((key, term) => {
        const list = postings.get(key)!;
        const weight = prepared.weights[term]!;
        const literalWeight = prepared.literalWeights[term]!;
        const part = scorePartOf(prepared, term);
        const bit = 1 << term;
        for (let j = 0; j < list.length; j++) {
          const slot = list.slots[j]!;
          if (matched[slot] === 0) {
            positionOf[slot] = touched.length;
            touched.push(slot);
            parts = grow(parts, touched.length * stride, (n) => new Float64Array(n));
          }
          parts[positionOf[slot]! * stride + part]! += contribution(weight, list.packedTfs[j]!, lengths, slot * FIELD_COUNT, averages);
          covered[slot]! += literalWeight;
          matched[slot]! |= bit;
        }
      });
      const scored: Scored[] = [];
      touched.forEach((slot, position) => {
        const row = rowAt[slot]!;
        if (!options.filter || options.filter(row)) {
          const coverage = coverageOf(prepared, matched[slot]!, covered[slot]!);
          const score = scoreOfParts(parts, position * stride, conceptCount) * coverage;
          scored.push({ id: row.id, row, score, coverage, matched: matched[slot]! });
        }
        covered[slot] = 0;
        matched[slot] = 0;
      });
      parts.fill(0, 0, touched.length * stride);
      return rank(scored, prepared, options);
    },
  };
}

/**
 * The linear-scan reference: the same analysis and the same scores as {@link createChallengeIndex}, found
 * by visiting every challenge (document frequencies included) on each query. Tests use it as an oracle and
 * the benchmark as the baseline; it is not for serving.
 */
export function createChallengeScan(options: ChallengeIndexOptions = {}): ChallengeSearch {
  const lexicon = lexiconOf(options);
  const documents = new Map<string, { row: Readonly<ChallengeRow>; analyzed: AnalyzedChallenge }>();
  return {
    get size() {
      return documents.size;
    },
    get: (id) => documents.get(id)?.row,
    upsert(row) {
      documents.set(row.id, { row, analyzed: analyzeForIndex(row) });
    },
    remove(id) {
      documents.delete(id);
    },
    search(query, options = {}) {
      const documentCount = documents.size;
      if (documentCount === 0) return [];
      const all = [...documents.values()];
      const documentFrequency = (key: string) => all.filter((d) => d.analyzed.packedTf.has(key)).length;
      const prepared = planQuery(query, documentCount, documentFrequency, options.maxTerms ?? MAX_LITERAL_TERMS, lexicon(), options.translations);
      if (prepared.keys.length === 0) return [];
      const totals = new Array<number>(FIELD_COUNT).fill(0);
      for (const { analyzed } of all) analyzed.lengths.forEach((length, field) => (totals[field]! += length));
      const averages = averageLengths(totals, documentCount);
      const scored: Scored[] = [];
      for (const { row, analyzed } of all) {
        const parts = new Array<number>(2 * prepared.concepts.length).fill(0);
        let weightCovered = 0;
        let matchedBits = 0;
        prepared.keys.forEach((key, term) => {
          const packed = analyzed.packedTf.get(key);
          if (packed === undefined) return;
          const weight = prepared.weights[term]!;
          parts[scorePartOf(prepared, term)]! += contribution(weight, packed, analyzed.lengths, 0, averages);
          weightCovered += prepared.literalWeights[term]!;
          matchedBits |= 1 << term;
        });
        if (matchedBits === 0 || (options.filter && !options.filter(row))) continue;
        const coverage = coverageOf(prepared, matchedBits, weightCovered);
        const score = scoreOfParts(parts, 0, prepared.concepts.length) * coverage;
        scored.push({ id: row.id, row, score, coverage, matched: matchedBits >>> 0 });
      }
      return rank(scored, prepared, options);
    },
  };
}

/** A challenge index that follows the store, and how to stop following it. */
export interface AttachedChallengeIndex {
  index: ChallengeIndex;
  /** Stops following the store, saving the analysed state first when there is a snapshot file. */
  detach: () => Promise<void>;
}

/** Where and how often an attached index saves its analysed state. */
export interface IndexSnapshotOptions {
  /** The snapshot file (index-snapshot.ts), e.g. under the data directory. */
  path: string;
  /** Save this long after the last commit that changed a challenge's text (and at detach). Default 10 s. */
  debounceMs?: number;
}

/**
 * Builds a challenge index from every stored challenge and keeps it current from the store's `onCommit`
 * changes to the `challenges` table. Call once at server start, before serving searches; the index then
 * reflects each commit as soon as the commit's promise resolves.
 *
 * With `snapshot`, it starts from the saved analysis and analyses only the challenges whose text is new or
 * changed since, then saves again after commits (debounced) and at detach.
 */
export async function attachChallengeIndex(store: Store, snapshot?: IndexSnapshotOptions): Promise<AttachedChallengeIndex> {
  if (!snapshot) {
    const index = createChallengeIndex();
    const stop = await followTable(store, 'challenges', index);
    return { index, detach: async () => stop() };
  }
  const analyzer = analyzerFingerprint();
  const state = await readIndexSnapshot(snapshot.path, analyzer);
  const stored = new Map((await store.tables.challenges.all()).map((row) => [row.id, row]));
  const index = createChallengeIndex(state ? { state, rowOf: (id) => stored.get(id) } : undefined);
  const adopted = index.size;
  stored.clear();
  let timer: NodeJS.Timeout | null = null;
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    saving = saving
      .then(() => writeIndexSnapshot(snapshot.path, index.exportState(), analyzer))
      .catch((error) => console.error(`[search] could not save ${snapshot.path}:`, (error as Error).message));
    return saving;
  };
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(save, snapshot.debounceMs ?? 10_000);
    timer.unref();
  };
  const following = await followTable(store, 'challenges', {
    upsert(row) {
      index.upsert(row);
      schedule();
    },
    remove(id) {
      index.remove(id);
      schedule();
    },
  });
  // Nothing new since the snapshot: the first commit will schedule a save anyway.
  if (state && adopted === index.size && index.size === state.slots.filter(Boolean).length && timer) {
    clearTimeout(timer);
    timer = null;
  }
  return {
    index,
    async detach() {
      following();
      if (timer) await save();
      await saving;
    },
  };
}

/** A fresh index holding `rows` (tests, the benchmark, tools). */
export function buildChallengeIndex(rows: Iterable<Readonly<ChallengeRow>>, options: ChallengeIndexOptions = {}): ChallengeIndex {
  const index = createChallengeIndex(undefined, options);
  for (const row of rows) index.upsert(row);
  return index;
}
