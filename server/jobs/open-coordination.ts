import { createLocalCoordination, type Coordination } from './coordination.js';
import { openPgCoordination } from './pg-coordination.js';

/**
 * The coordination that fits the store: PostgreSQL's on `databaseUrl` (open the store first: its
 * migrations create the tables), else the in-process one of the lowdb store's single process.
 */
export async function openCoordination(databaseUrl: string | null): Promise<Coordination> {
  return databaseUrl ? openPgCoordination({ connectionString: databaseUrl }) : createLocalCoordination();
}
