import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { ADVISORY_LOCKS } from './schema.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const FILE_NAME = /^(\d+)_[\w-]+\.sql$/;

interface Migration {
  version: number;
  name: string;
  path: string;
}

async function readMigrations(dir: string): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const name of await readdir(dir)) {
    const match = FILE_NAME.exec(name);
    if (match) migrations.push({ version: Number(match[1]), name, path: `${dir}/${name}` });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) throw new Error(`Two migrations have version ${migrations[i]!.version}`);
  }
  return migrations;
}

/**
 * Bring the database up to the newest numbered SQL file in `migrations/` (`NNN_name.sql`, applied in
 * number order, each in its own transaction and recorded in `schema_migrations`). A session advisory lock
 * makes instances that start together take turns, so each migration runs once. Returns the names applied.
 */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCKS.migrations]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const done = new Set(rows.map((r) => r.version));
      const applied: string[] = [];
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        const sql = await readFile(migration.path, 'utf8');
        await client.query('BEGIN');
        try {
          await client.query(sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(migration.name);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS.migrations]);
    }
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    // A connection whose state is in doubt (the unlock itself failed) is closed rather than reused.
    client.release(broken);
  }
}
