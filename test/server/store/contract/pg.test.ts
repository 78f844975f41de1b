import { openPgStore } from '../../../../server/store/pg/pg-store.js';
import { usePostgres } from '../../../support/postgres.js';
import { describeIsolationContract } from './isolation-contract.js';
import { describeStoreContract } from './store-contract.js';
import { describeUniquenessContract } from './uniqueness-contract.js';

const cluster = usePostgres();

const openOnFreshDatabase = async () => openPgStore({ connectionString: await cluster().createDatabase() });

// Two stores on one fresh database, each with its own pool and change-feed connection: two instances.
describeStoreContract('postgresql', async () => {
  const connectionString = await cluster().createDatabase();
  const store = await openPgStore({ connectionString });
  const peer = await openPgStore({ connectionString });
  return { store, peer };
});
describeUniquenessContract('postgresql', openOnFreshDatabase);
describeIsolationContract('postgresql', openOnFreshDatabase);
