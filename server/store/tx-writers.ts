import type { AnyRow, MemTable } from './mem-table.js';
import type { TableName } from './rows.js';
import { listWindow, rowsById } from './list-window.js';
import { INDEXES, UniqueViolationError, type IndexValue, type PageWindow, type Writers } from './store.js';

/** One transaction of the lowdb store: its order, and the first-seen version of every row it touched. */
export interface Transaction {
  seq: number;
  /** Keyed `table\0id`; `row` null when the row did not exist, `shadowed` what `MemTable.unshadow` needs. */
  before: Map<string, { table: TableName; id: string; row: AnyRow | null; shadowed: number | null }>;
  /**
   * The uniqueness violation that ended the transaction: every later read or write throws it, and the
   * store rejects with it even if the function caught it (as PostgreSQL aborts the transaction).
   */
  failure?: UniqueViolationError;
}

/**
 * One table's access inside a transaction: reads and writes the working view, remembering each row's
 * first-seen version so the transaction can be undone, and shadowing it so reads outside the transaction
 * keep seeing the durable version. A class, so a transaction costs no closures per table.
 */
class TableTxWriter {
  constructor(
    private readonly table: MemTable,
    private readonly tx: Transaction,
  ) {}

  /** Refuse to put `row` where it breaks a uniqueness rule; the transaction is over then. */
  private assertUnique(row: AnyRow): void {
    const constraint = this.table.clash(row);
    if (constraint) throw (this.tx.failure = new UniqueViolationError(constraint));
  }

  private assertLive(): void {
    if (this.tx.failure) throw this.tx.failure;
  }

  private remember(id: string): void {
    const key = `${this.table.name}\0${id}`;
    if (this.tx.before.has(key)) return;
    this.tx.before.set(key, { table: this.table.name, id, row: this.table.rows.get(id) ?? null, shadowed: this.table.shadow(id, this.tx.seq) });
  }

  async get(id: string): Promise<AnyRow | undefined> {
    this.assertLive();
    return this.table.rows.get(id);
  }

  async where(index: string, value: IndexValue): Promise<AnyRow[]> {
    this.assertLive();
    return this.table.where(index, value);
  }

  async getMany(ids: readonly string[]): Promise<Map<string, AnyRow>> {
    this.assertLive();
    return rowsById(ids, (id) => this.table.rows.get(id));
  }

  async countWhere(index: string, value: IndexValue): Promise<number> {
    this.assertLive();
    return this.table.where(index, value).length;
  }

  async page(index: string, value: IndexValue, window: PageWindow): Promise<AnyRow[]> {
    this.assertLive();
    return listWindow(this.table.name, this.table.where(index, value), window);
  }

  async all(): Promise<AnyRow[]> {
    this.assertLive();
    return [...this.table.rows.values()];
  }

  async count(): Promise<number> {
    this.assertLive();
    return this.table.rows.size;
  }

  async insert(row: AnyRow): Promise<AnyRow> {
    this.assertLive();
    if (this.table.rows.has(row.id)) throw new Error(`${this.table.name}: a row with id ${row.id} exists`);
    this.assertUnique(row);
    this.remember(row.id);
    this.table.put({ ...row });
    return this.table.rows.get(row.id)!;
  }

  async update(id: string, patch: Partial<AnyRow> | ((row: Readonly<AnyRow>) => AnyRow)): Promise<AnyRow> {
    this.assertLive();
    const current = this.table.rows.get(id);
    if (!current) throw new Error(`${this.table.name}: no row with id ${id}`);
    const next = typeof patch === 'function' ? patch(current) : ({ ...current, ...patch } as AnyRow);
    if (next.id !== id) throw new Error(`${this.table.name}: an update may not change the id`);
    this.assertUnique(next);
    this.remember(id);
    this.table.put({ ...next });
    return this.table.rows.get(id)!;
  }

  async remove(id: string): Promise<boolean> {
    this.assertLive();
    if (!this.table.rows.has(id)) return false;
    this.remember(id);
    this.table.delete(id);
    return true;
  }
}

/** Every table's writer for one transaction, each made on first use. */
class TxWriters {
  private readonly made = new Map<TableName, TableTxWriter>();

  constructor(
    private readonly tables: Map<TableName, MemTable>,
    private readonly tx: Transaction,
  ) {}

  writer(name: TableName): TableTxWriter {
    let writer = this.made.get(name);
    if (!writer) this.made.set(name, (writer = new TableTxWriter(this.tables.get(name)!, this.tx)));
    return writer;
  }
}
for (const name of Object.keys(INDEXES) as TableName[]) {
  Object.defineProperty(TxWriters.prototype, name, {
    get(this: TxWriters) {
      return this.writer(name);
    },
  });
}

/** The `tx` argument of `transact`'s function, for transaction `tx` over `tables`. */
export function txWriters(tables: Map<TableName, MemTable>, tx: Transaction): Writers {
  return new TxWriters(tables, tx) as unknown as Writers;
}
