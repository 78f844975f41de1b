import { afterEach, describe, expect, it } from 'vitest';
import { createConversationService } from '../../../server/domain/conversations.js';
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

const stores = {
  lowdb: async () => openLowdbStore({ dataDir: await tempDir() }),
  postgresql: async () => openPgStore({ connectionString: await cluster().createDatabase() }),
};

const alice = { chatId: 501, userId: 501 };
const bob = { chatId: 502, userId: 502 };

describe.each(Object.entries(stores))('conversations on %s', (_name, open) => {
  async function service(clock = new FakeClock()) {
    const store = await open();
    opened.push(store);
    return { store, clock, conversations: createConversationService({ store, clock }) };
  }

  it('saves, resumes, replaces and removes a state per chat and user', async () => {
    const { conversations } = await service();
    expect(await conversations.resume(alice, 'v1')).toBeNull();
    await conversations.save(alice, 'v1', '{"post":[1]}');
    await conversations.save(bob, 'v1', '{"propose":[]}');
    expect(await conversations.resume(alice, 'v1')).toEqual({ state: '{"post":[1]}' });
    await conversations.save(alice, 'v1', '{"post":[1,2]}');
    expect(await conversations.resume(alice, 'v1')).toEqual({ state: '{"post":[1,2]}' });
    await conversations.remove(alice);
    expect(await conversations.resume(alice, 'v1')).toBeNull();
    expect(await conversations.resume(bob, 'v1')).toEqual({ state: '{"propose":[]}' });
  });

  it('calls a state of another version outdated once, and removes it', async () => {
    const { conversations, store } = await service();
    await conversations.save(alice, 'v1', '{"post":[1]}');
    expect(await conversations.resume(alice, 'v2')).toBe('outdated');
    expect(await store.tables.conversations.count()).toBe(0);
    expect(await conversations.resume(alice, 'v2')).toBeNull();
  });

  it('lets a state go a day after its last write, and prunes it from storage after its day is over', async () => {
    const { conversations, clock, store } = await service(new FakeClock('2026-11-01T09:00:00.000Z'));
    await conversations.save(alice, 'v1', '{}');
    clock.advance(16 * HOUR);
    await conversations.save(bob, 'v1', '{}');
    clock.advance(8 * HOUR);
    expect(await conversations.resume(alice, 'v1')).toBeNull();
    expect(await conversations.resume(bob, 'v1')).toEqual({ state: '{}' });
    // Alice's day (11-01) is not over a day before now (11-02T09:00), so she stays until a later prune.
    expect(await conversations.prune()).toBe(0);
    clock.advance(DAY);
    expect(await conversations.prune()).toBe(1);
    expect((await store.tables.conversations.all()).map((row) => row.id)).toEqual(['502:502']);
  });
});
