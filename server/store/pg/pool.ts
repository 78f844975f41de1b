import pg from 'pg';

export interface PgPoolOptions {
  /** `postgres://user@host:port/database`. */
  connectionString: string;
  /** Connections at most (default 10). */
  max?: number;
}

/**
 * A node-postgres pool for the store. Connecting waits at most 10 s (then the call fails, and the store
 * answers StoreUnavailableError), and an idle connection that breaks is dropped instead of crashing the
 * process: `pg` emits such errors on the pool and an unhandled 'error' event would be fatal.
 */
export function createPgPool(options: PgPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'tenderlab',
  });
  pool.on('error', (error) => console.error('[store] an idle PostgreSQL connection failed:', error.message));
  return pool;
}
