import { openLowdbStore } from '../../../../server/store/lowdb-store.js';
import { tempDir } from '../../../support/temp-dir.js';
import { describeIsolationContract } from './isolation-contract.js';
import { describeStoreContract } from './store-contract.js';
import { describeUniquenessContract } from './uniqueness-contract.js';

const openOnFreshDirectory = async () => openLowdbStore({ dataDir: await tempDir() });

// The lowdb store is one process's: its second instance is itself.
describeStoreContract('lowdb', async () => {
  const store = await openOnFreshDirectory();
  return { store, peer: store };
});
describeIsolationContract('lowdb', openOnFreshDirectory);
describeUniquenessContract('lowdb', openOnFreshDirectory);
