import type { Rows, TableName } from './rows.js';
import { INDEXES, UNIQUE_KEYS, type IndexValue, type UniqueConstraint } from './store.js';

export type AnyRow = Rows[TableName];
type Keyer = (row: AnyRow) => IndexValue | IndexValue[] | undefined;
type UniqueKeyer = (row: AnyRow) => string | undefined;

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
 */
export class MemTable {
  readonly rows = new Map<string, AnyRow>();
  private readonly members: Set<string>[];
  private readonly indexes = new Map<string, Map<IndexValue, Set<string>>>();
  private readonly keyers: [string, Keyer][];
  private readonly shadows = new Map<string, Shadow>();
  /** Per uniqueness rule of this table: key → the id of the working view's row holding it. */
  private readonly uniques: [UniqueConstraint, UniqueKeyer, Map<string, string>][];

  constructor(
    readonly name: TableName,
    readonly shardCount: number,
  ) {
    this.members = Array.from({ length: shardCount }, () => new Set<string>());
    this.keyers = Object.entries(INDEXES[name]) as [string, Keyer][];
    for (const [index] of this.keyers) this.indexes.set(index, new Map());
    this.uniques = (Object.entries(UNIQUE_KEYS) as [UniqueConstraint, { table: TableName; key: UniqueKeyer }][])
      .filter(([, rule]) => rule.table === name)
      .map(([constraint, rule]) => [constraint, rule.key, new Map()]);
  }

  /** The uniqueness rule `row` would break in the working view if it were put, if any. */
  clash(row: AnyRow): UniqueConstraint | undefined {
    for (const [constraint, key, holders] of this.uniques) {
      const value = key(row);
      const holder = value === undefined ? undefined : holders.get(value);
      if (holder !== undefined && holder !== row.id) return constraint;
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
    this.members[shard]!.add(row.id);
    return shard;
  }

  /** Remove a row from the working view; returns its shard. */
  delete(id: string): number {
    const previous = this.rows.get(id);
    const shard = this.shardOf(id);
    if (!previous) return shard;
    this.unindex(previous);
    this.rows.delete(id);
    this.members[shard]!.delete(id);
    return shard;
  }

  where(index: string, value: IndexValue): AnyRow[] {
    const ids = this.indexes.get(index)?.get(value);
    if (!ids) return [];
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
    const keyer = this.keyers.find(([name]) => name === index)?.[1];
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
    for (const id of this.members[shard]!) if (!this.shadows.has(id)) out.push(this.rows.get(id)!);
    for (const { committed } of this.shadows.values()) {
      if (committed && this.shardOf(committed.id) === shard) out.push(committed);
    }
    return out;
  }

  private keysOf(row: AnyRow, keyer: Keyer): IndexValue[] {
    const key = keyer(row);
    return key === undefined ? [] : Array.isArray(key) ? key : [key];
  }

  private index(row: AnyRow): void {
    for (const [, key, holders] of this.uniques) {
      const value = key(row);
      if (value !== undefined) holders.set(value, row.id);
    }
    for (const [name, keyer] of this.keyers) {
      const index = this.indexes.get(name)!;
      for (const key of this.keysOf(row, keyer)) {
        let ids = index.get(key);
        if (!ids) index.set(key, (ids = new Set()));
        ids.add(row.id);
      }
    }
  }

  private unindex(row: AnyRow): void {
    for (const [, key, holders] of this.uniques) {
      const value = key(row);
      if (value !== undefined && holders.get(value) === row.id) holders.delete(value);
    }
    for (const [name, keyer] of this.keyers) {
      const index = this.indexes.get(name)!;
      for (const key of this.keysOf(row, keyer)) {
        const ids = index.get(key);
        ids?.delete(row.id);
        if (ids?.size === 0) index.delete(key);
      }
    }
  }
}
