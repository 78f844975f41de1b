import { createPgPool } from './pool.js';

/** Where a named load of content into the database stands: never begun, begun and unfinished, or done. */
export type SeedState = 'absent' | 'loading' | 'loaded';

/**
 * The marks a content load (the demo) leaves in a PostgreSQL database (table `seed_marks`, migration 003),
 * so that a load interrupted half-way is told apart from an empty database and from a finished load. The
 * database must be migrated (openPgStore does it).
 */
export interface SeedMarks {
  state(name: string): Promise<SeedState>;
  /** Mark `name` as loading; false if any mark of that name exists already (another load came first). */
  begin(name: string): Promise<boolean>;
  /** Mark `name` as loaded. */
  finish(name: string): Promise<void>;
  close(): Promise<void>;
}

export function openSeedMarks(connectionString: string): SeedMarks {
  const pool = createPgPool({ connectionString, max: 1 });
  return {
    async state(name) {
      const { rows } = await pool.query<{ state: SeedState }>('SELECT state FROM seed_marks WHERE name = $1', [name]);
      return rows[0]?.state ?? 'absent';
    },
    async begin(name) {
      const { rowCount } = await pool.query("INSERT INTO seed_marks (name, state) VALUES ($1, 'loading') ON CONFLICT (name) DO NOTHING", [name]);
      return rowCount === 1;
    },
    async finish(name) {
      await pool.query("UPDATE seed_marks SET state = 'loaded', updated_at = now() WHERE name = $1", [name]);
    },
    close: () => pool.end(),
  };
}
