import type { Rows, TableName } from './rows.js';
import { INDEXES, UNIQUE_KEYS, type IndexValue, type UniqueConstraint } from './store.js';

export type AnyRow = Rows[TableName];
type Keyer = (row: AnyRow) => IndexValue | IndexValue[] | undefined;
type UniqueKeyer = (row: AnyRow) => string | undefined;
/**
 * The ids under one index key: a lone id as a bare string, a Set once there are more. Most keys name one
 * row (an email, a token hash, a bidder's only bid), and a Set for each would be most of a start's work.
 */
type Bucket = string | Set<string>;

/** One secondary index: how a row maps to its keys, and the ids under each key (null until first used). */
interface SecondaryIndex {
  name: string;
  keyer: Keyer;
  buckets: Map<IndexValue, Bucket> | null;
}

/** One uniqueness rule of a table: key → the id of the working view's row holding it (null until first used). */
interface UniqueIndex {
  constraint: UniqueConstraint;
  key: UniqueKeyer;
  holders: Map<string, string> | null;
}

/** A row's last durable version while transactions that are not yet durable have changed it. */
interface Shadow {
  committed: AnyRow | null;
  /** The newest transaction that changed the row; the shadow goes once that one is durable. */
  lastSeq: number;
}

/** FNV-1a: a stable, fast hash so a row always lives in the same shard file. */
function shardIndex(id: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/**
 * One table in memory, in two views. The working view holds every transaction's writes as soon as it ran
 * (transactions run one at a time on it); the committed view is what is durable, and is what reads
 * outside a transaction and the shard files see. The two differ only on rows that transactions still
 * waiting for their fsync changed: for those the table keeps a shadow with the durable version.
 *
 * What is derived from the rows (secondary indexes, uniqueness keys, shard membership) is built in one pass
 * over them the first time it is needed and kept current from then on: a start loads the rows alone, and
 * a table, index or rule nobody uses costs nothing.
 */
export class MemTable {
  readonly rows = new Map<string, AnyRow>();
  /** The ids of each shard's rows, null until first needed. */
  private members: Set<string>[] | null = null;
  private readonly indexes: SecondaryIndex[];
  private readonly shadows = new Map<string, Shadow>();
  private readonly uniques: UniqueIndex[];

  constructor(
    readonly name: TableName,
    readonly shardCount: number,
  ) {
    this.indexes = (Object.entries(INDEXES[name]) as [string, Keyer][]).map(([index, keyer]) => ({ name: index, keyer, buckets: null }));
    this.uniques = (Object.entries(UNIQUE_KEYS) as [UniqueConstraint, { table: TableName; key: UniqueKeyer }][])
      .filter(([, rule]) => rule.table === name)
      .map(([constraint, rule]) => ({ constraint, key: rule.key, holders: null }));
  }

  /** The uniqueness rule `row` would break in the working view if it were put, if any. */
  clash(row: AnyRow): UniqueConstraint | undefined {
    for (const unique of this.uniques) {
      const value = unique.key(row);
      const holder = value === undefined ? undefined : this.holders(unique).get(value);
      if (holder !== undefined && holder !== row.id) return unique.constraint;
    }
    return undefined;
  }

  shardOf(id: string): number {
    return shardIndex(id, this.shardCount);
  }

  /** Set a row in the working view (insert or replace), keeping shard membership and indexes right. Returns its shard. */
  put(row: AnyRow): number {
    const frozen = Object.freeze(row);
    const previous = this.rows.get(row.id);
    if (previous) this.unindex(previous);
    this.rows.set(row.id, frozen);
    this.index(frozen);
    const shard = this.shardOf(row.id);
    this.members?.[shard]!.add(row.id);
    return shard;
  }

  /** Remove a row from the working view; returns its shard. */
  delete(id: string): number {
    const previous = this.rows.get(id);
    const shard = this.shardOf(id);
    if (!previous) return shard;
    this.unindex(previous);
    this.rows.delete(id);
    this.members?.[shard]!.delete(id);
    return shard;
  }

  where(index: string, value: IndexValue): AnyRow[] {
    const secondary = this.secondary(index);
    const ids = secondary && this.buckets(secondary).get(value);
    if (ids === undefined) return [];
    if (typeof ids === 'string') return [this.rows.get(ids)!];
    const out: AnyRow[] = [];
    for (const id of ids) out.push(this.rows.get(id)!);
    return out;
  }

  /**
   * Before transaction `seq` first changes row `id`: keep its durable version visible to the committed
   * view. Returns what `unshadow` needs to take this back.
   */
  shadow(id: string, seq: number): number | null {
    const existing = this.shadows.get(id);
    if (existing) {
      const previous = existing.lastSeq;
      existing.lastSeq = seq;
      return previous;
    }
    this.shadows.set(id, { committed: this.rows.get(id) ?? null, lastSeq: seq });
    return null;
  }

  /** Take back a `shadow` of a transaction that ended without changing the row. */
  unshadow(id: string, previous: number | null): void {
    if (previous === null) this.shadows.delete(id);
    else this.shadows.get(id)!.lastSeq = previous;
  }

  /** Transaction `seq`'s write of `after` to row `id` is durable. */
  settle(id: string, after: AnyRow | null, seq: number): void {
    const shadow = this.shadows.get(id);
    if (!shadow) return;
    if (shadow.lastSeq <= seq) this.shadows.delete(id);
    else shadow.committed = after;
  }

  /** Throw away every write that is not durable: the working view becomes the committed one again. */
  revertToCommitted(): void {
    for (const [id, { committed }] of this.shadows) {
      if (committed) this.put(committed);
      else this.delete(id);
    }
    this.shadows.clear();
  }

  committedGet(id: string): AnyRow | undefined {
    const shadow = this.shadows.get(id);
    return shadow ? (shadow.committed ?? undefined) : this.rows.get(id);
  }

  committedWhere(index: string, value: IndexValue): AnyRow[] {
    const working = this.where(index, value);
    if (this.shadows.size === 0) return working;
    const out = working.filter((row) => !this.shadows.has(row.id));
    const keyer = this.secondary(index)?.keyer;
    for (const { committed } of this.shadows.values()) {
      if (committed && keyer && this.keysOf(committed, keyer).includes(value)) out.push(committed);
    }
    return out;
  }

  committedAll(): AnyRow[] {
    if (this.shadows.size === 0) return [...this.rows.values()];
    const out: AnyRow[] = [];
    for (const row of this.rows.values()) if (!this.shadows.has(row.id)) out.push(row);
    for (const { committed } of this.shadows.values()) if (committed) out.push(committed);
    return out;
  }

  committedCount(): number {
    let count = this.rows.size;
    for (const [id, { committed }] of this.shadows) count += (committed ? 1 : 0) - (this.rows.has(id) ? 1 : 0);
    return count;
  }

  /** The durable rows of one shard: what its file must hold. */
  committedShard(shard: number): AnyRow[] {
    const out: AnyRow[] = [];
    for (const id of this.shardMembers()[shard]!) if (!this.shadows.has(id)) out.push(this.rows.get(id)!);
    for (const { committed } of this.shadows.values()) {
      if (committed && this.shardOf(committed.id) === shard) out.push(committed);
    }
    return out;
  }

  private secondary(name: string): SecondaryIndex | undefined {
    return this.indexes.find((index) => index.name === name);
  }

  private buckets(index: SecondaryIndex): Map<IndexValue, Bucket> {
    if (index.buckets) return index.buckets;
    const buckets = new Map<IndexValue, Bucket>();
    for (const row of this.rows.values()) addKeys(buckets, index.keyer, row);
    return (index.buckets = buckets);
  }

  private holders(unique: UniqueIndex): Map<string, string> {
    if (unique.holders) return unique.holders;
    const holders = new Map<string, string>();
    for (const row of this.rows.values()) {
      const value = unique.key(row);
      if (value !== undefined) holders.set(value, row.id);
    }
    return (unique.holders = holders);
  }

  private shardMembers(): Set<string>[] {
    if (this.members) return this.members;
    const members = Array.from({ length: this.shardCount }, () => new Set<string>());
    for (const id of this.rows.keys()) members[this.shardOf(id)]!.add(id);
    return (this.members = members);
  }

  private keysOf(row: AnyRow, keyer: Keyer): IndexValue[] {
    const key = keyer(row);
    return key === undefined ? [] : Array.isArray(key) ? key : [key];
  }

  private index(row: AnyRow): void {
    for (const { key, holders } of this.uniques) {
      if (!holders) continue;
      const value = key(row);
      if (value !== undefined) holders.set(value, row.id);
    }
    for (const { keyer, buckets } of this.indexes) if (buckets) addKeys(buckets, keyer, row);
  }

  private unindex(row: AnyRow): void {
    for (const { key, holders } of this.uniques) {
      if (!holders) continue;
      const value = key(row);
      if (value !== undefined && holders.get(value) === row.id) holders.delete(value);
    }
    for (const { keyer, buckets } of this.indexes) {
      if (!buckets) continue;
      for (const key of this.keysOf(row, keyer)) {
        const ids = buckets.get(key);
        if (ids === row.id) buckets.delete(key);
        else if (typeof ids === 'object') {
          ids.delete(row.id);
          if (ids.size === 0) buckets.delete(key);
        }
      }
    }
  }
}

/** Files `row`'s id under each of its keys. Not through keysOf: no array per row on a table's first pass. */
function addKeys(buckets: Map<IndexValue, Bucket>, keyer: Keyer, row: AnyRow): void {
  const key = keyer(row);
  if (key === undefined) return;
  if (Array.isArray(key)) for (const one of key) addToBucket(buckets, one, row.id);
  else addToBucket(buckets, key, row.id);
}

function addToBucket(buckets: Map<IndexValue, Bucket>, key: IndexValue, id: string): void {
  const ids = buckets.get(key);
  if (ids === undefined) buckets.set(key, id);
  else if (typeof ids === 'string') {
    if (ids !== id) buckets.set(key, new Set([ids, id]));
  } else ids.add(id);
}
