import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramUpdateService } from '../../../server/domain/telegram-updates.js';
import { openLowdbStore } from '../../../server/store/lowdb-store.js';
import { openPgStore } from '../../../server/store/pg/pg-store.js';
import type { Store } from '../../../server/store/store.js';
import { DAY, FakeClock, HOUR } from '../../support/fake-clock.js';
import { usePostgres } from '../../support/postgres.js';
import { tempDir } from '../../support/temp-dir.js';

const cluster = usePostgres();
const opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

/** Two instances on one store: under lowdb the one process's store twice, under PostgreSQL two pools on one database. */
const stores = {
  lowdb: async () => {
    const store = await openLowdbStore({ dataDir: await tempDir() });
    opened.push(store);
    return [store, store] as const;
  },
  postgresql: async () => {
    const connectionString = await cluster().createDatabase();
    const [a, b] = await Promise.all([openPgStore({ connectionString }), openPgStore({ connectionString })]);
    opened.push(a, b);
    return [a, b] as const;
  },
};

describe.each(Object.entries(stores))('telegram updates on %s', (_name, open) => {
  it('claims an update once, per bot', async () => {
    const [store] = await open();
    const updates = createTelegramUpdateService({ store, clock: new FakeClock() });
    expect(await updates.claim(42, 7)).toBe(true);
    expect(await updates.claim(42, 7)).toBe(false);
    expect(await updates.claim(42, 8)).toBe(true);
    expect(await updates.claim(43, 7)).toBe(true);
  });

  it('gives one of many concurrent claims of one update, across instances, the update', async () => {
    const [a, b] = await open();
    const clock = new FakeClock();
    const instances = [createTelegramUpdateService({ store: a, clock }), createTelegramUpdateService({ store: b, clock })];
    const claims = await Promise.all(Array.from({ length: 16 }, (_, i) => instances[i % 2]!.claim(42, 1000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await b.tables.telegram_updates.count()).toBe(1);
  });

  it('prunes updates of the days before the last one Telegram may redeliver, and nothing newer', async () => {
    const [store] = await open();
    const clock = new FakeClock('2026-11-01T09:00:00.000Z');
    const updates = createTelegramUpdateService({ store, clock });
    await updates.claim(42, 1);
    clock.set('2026-11-02T08:00:00.000Z');
    await updates.claim(42, 2);
    clock.set('2026-11-03T08:00:00.000Z');
    await updates.claim(42, 3);

    // 2026-11-03T09:00 less a day is 2026-11-02T09:00: the day of update 1 is over by then, update 2's is not.
    clock.advance(HOUR);
    expect(await updates.prune()).toBe(1);
    expect((await store.tables.telegram_updates.all()).map((row) => row.id)).toEqual(['42:2', '42:3']);
    expect(await updates.claim(42, 2)).toBe(false);
    clock.advance(2 * DAY);
    expect(await updates.prune()).toBe(2);
    expect(await store.tables.telegram_updates.count()).toBe(0);
  });
});
