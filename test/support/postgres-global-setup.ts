import type { TestProject } from 'vitest/node';
import { openPgStore } from '../../server/store/pg/pg-store.js';
import { startPostgres } from './postgres.js';

/** What the `pg` project's global setup hands its test files (read with `inject('postgres')`). */
export interface ProvidedPostgres {
  /** The cluster's maintenance database: `postgres://postgres@127.0.0.1:<port>/postgres`. */
  url: string;
  /** A database with every migration applied, to copy a test's fresh database from (CREATE DATABASE … TEMPLATE). */
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: ProvidedPostgres | undefined;
  }
}

/**
 * The `pg` project's global setup: one throwaway cluster for the whole run, and a migrated template
 * database, so that each test runtime gets its own database in one CREATE DATABASE instead of a cluster or
 * a migration of its own. Stopped (and deleted) after the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres();
  try {
    const template = await cluster.createDatabase();
    // Opening the store migrates the database; closing it leaves no connection, as a template needs.
    await (await openPgStore({ connectionString: template })).close();
    project.provide('postgres', { url: cluster.url, template: new URL(template).pathname.slice(1) });
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return () => cluster.stop();
}
