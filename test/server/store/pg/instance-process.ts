import { openPgStore } from '../../../../server/store/pg/pg-store.js';
import type { SaveRow } from '../../../../server/store/rows.js';

/**
 * A PostgreSQL store instance in its own process, driven over IPC by change-feed.test.ts:
 * `{ connectionString, prefix, count, last }` opens the store and answers `ready`; `go` commits `count`
 * saves (ids `${prefix}-n`) concurrently; once the save `last` has been delivered it answers with every
 * row id its listener saw, in order, and exits.
 */

interface Start {
  connectionString: string;
  prefix: string;
  count: number;
  last: string;
}

const save = (id: string): SaveRow => ({ id, accountId: id, challengeId: 'chl_1', savedAt: '2026-11-01T00:00:00.000Z' });

process.once('message', async (start: Start) => {
  const store = await openPgStore({ connectionString: start.connectionString });
  const seen: string[] = [];
  let sawLast!: () => void;
  const lastSeen = new Promise<void>((resolve) => (sawLast = resolve));
  store.onCommit((changes) => {
    for (const change of changes) seen.push(change.id);
    if (changes.some((c) => c.id === start.last)) sawLast();
  });
  process.once('message', async () => {
    await Promise.all(Array.from({ length: start.count }, (_, n) => store.transact((tx) => tx.saves.insert(save(`${start.prefix}-${n}`)))));
    await lastSeen;
    await store.close();
    process.send!({ seen }, () => process.disconnect());
  });
  process.send!('ready');
});
