import { openLowdbStore } from '../../../../server/store/lowdb-store.js';
import { tempDir } from '../../../support/temp-dir.js';
import { describeStoreContract } from './store-contract.js';

// The lowdb store is one process's: its second instance is itself.
describeStoreContract('lowdb', async () => {
  const store = await openLowdbStore({ dataDir: await tempDir() });
  return { store, peer: store };
});
