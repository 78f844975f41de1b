import { describeDatabaseUrl, loadConfig, type Config } from '../server/config.js';
import { demoBanner } from '../server/demo/banner.js';
import { DEMO_DATASET } from '../server/demo/dataset.js';
import { seedDemo, seedDemoDatabase } from '../server/demo/seed.js';
import { runProcess } from '../server/main.js';
import { DataDirLockedError } from '../server/store/data-dir-lock.js';

/**
 * `npm run demo`: the whole product with demo content to look at. The data lives in its own directory
 * (`./data-demo` unless DATA_DIR says otherwise), never in the real `./data`; it is loaded the first time
 * and reused afterwards. With DATABASE_URL it goes into that PostgreSQL database instead, which must be
 * empty the first time. PORT and the other settings work as for `npm start`.
 */
const DEMO_DATA_DIR = './data-demo';

let config: Config;
try {
  config = loadConfig({ ...process.env, DATA_DIR: process.env.DATA_DIR || DEMO_DATA_DIR });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const database = config.databaseUrl ? describeDatabaseUrl(config.databaseUrl) : undefined;
console.log(`Preparing demo content in ${database ? `the database ${database}` : config.dataDir} …`);
let seeded: boolean;
try {
  seeded = config.databaseUrl ? await seedDemoDatabase(config.databaseUrl) : await seedDemo(config.dataDir);
} catch (error) {
  console.error(error instanceof DataDirLockedError || config.databaseUrl ? (error as Error).message : error);
  process.exit(1);
}

await runProcess(config, { banner: demoBanner(DEMO_DATASET, { seeded, dataDir: config.dataDir, ...(database ? { database } : {}) }) });
