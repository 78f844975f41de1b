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

  it('saves, resumes, replaces and removes a state per chat and user, each write naming the revision it read', async () => {
    const { conversations } = await service();
    expect(await conversations.resume(alice, 'v1')).toBeNull();
    expect(await conversations.save(alice, 'v1', '{"post":[1]}', null)).toBe(1);
    await conversations.save(bob, 'v1', '{"propose":[]}', null);
    expect(await conversations.resume(alice, 'v1')).toEqual({ state: '{"post":[1]}', revision: 1 });
    expect(await conversations.save(alice, 'v1', '{"post":[1,2]}', 1)).toBe(2);
    expect(await conversations.resume(alice, 'v1')).toEqual({ state: '{"post":[1,2]}', revision: 2 });
    await conversations.remove(alice, 2);
    expect(await conversations.resume(alice, 'v1')).toBeNull();
    expect(await conversations.resume(bob, 'v1')).toEqual({ state: '{"propose":[]}', revision: 1 });
  });

  it('refuses a write or removal based on a revision that is no longer the saved one', async () => {
    const { conversations } = await service();
    await conversations.save(alice, 'v1', '{"post":[1]}', null);
    await expect(conversations.save(alice, 'v1', '{"post":[2]}', null)).rejects.toMatchObject({ code: 'conflict' });
    await conversations.save(alice, 'v1', '{"post":[1,2]}', 1);
    await expect(conversations.save(alice, 'v1', '{"post":[1,3]}', 1)).rejects.toMatchObject({ code: 'conflict' });
    await expect(conversations.remove(alice, 1)).rejects.toMatchObject({ code: 'conflict' });
    expect(await conversations.resume(alice, 'v1')).toEqual({ state: '{"post":[1,2]}', revision: 2 });
    await expect(conversations.save(bob, 'v1', '{}', 3)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('calls a state of another version outdated once, and removes it', async () => {
    const { conversations, store } = await service();
    await conversations.save(alice, 'v1', '{"post":[1]}', null);
    expect(await conversations.resume(alice, 'v2')).toBe('outdated');
    expect(await store.tables.conversations.count()).toBe(0);
    expect(await conversations.resume(alice, 'v2')).toBeNull();
  });

  it('takes a state let go for nothing saved: a new form is written from no revision', async () => {
    const { conversations, clock } = await service();
    await conversations.save(alice, 'v1', '{"post":[1]}', null);
    clock.advance(DAY);
    expect(await conversations.resume(alice, 'v1')).toBeNull();
    expect(await conversations.save(alice, 'v1', '{"post":[]}', null)).toBe(2);
    expect(await conversations.resume(alice, 'v1')).toEqual({ state: '{"post":[]}', revision: 2 });
  });

  it('lets a state go a day after its last write, and prunes it from storage after its day is over', async () => {
    const { conversations, clock, store } = await service(new FakeClock('2026-11-01T09:00:00.000Z'));
    await conversations.save(alice, 'v1', '{}', null);
    clock.advance(16 * HOUR);
    await conversations.save(bob, 'v1', '{}', null);
    clock.advance(8 * HOUR);
    expect(await conversations.resume(alice, 'v1')).toBeNull();
    expect(await conversations.resume(bob, 'v1')).toEqual({ state: '{}', revision: 1 });
    // Alice's day (11-01) is not over a day before now (11-02T09:00), so she stays until a later prune.
    expect(await conversations.prune()).toBe(0);
    clock.advance(DAY);
    expect(await conversations.prune()).toBe(1);
    expect((await store.tables.conversations.all()).map((row) => row.id)).toEqual(['502:502']);
  });
});
