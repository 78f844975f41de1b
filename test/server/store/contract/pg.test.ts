import { openPgStore } from '../../../../server/store/pg/pg-store.js';
import { usePostgres } from '../../../support/postgres.js';
import { describeStoreContract } from './store-contract.js';

const cluster = usePostgres();

// Two stores on one fresh database, each with its own pool and change-feed connection: two instances.
describeStoreContract('postgresql', async () => {
  const connectionString = await cluster().createDatabase();
  const store = await openPgStore({ connectionString });
  const peer = await openPgStore({ connectionString });
  return { store, peer };
});
