import type pg from 'pg';
import type { Rows, TableName } from '../rows.js';
import type { Change } from '../store.js';
import { fromJsonb } from './jsonb-text.js';
import { CHANGES_CHANNEL } from './schema.js';

/** Rows read per query while catching up; a transaction larger than this is read in several. */
const BATCH_SIZE = 500;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface ChangeFeedOptions {
  pool: pg.Pool;
  /** Opens the connection that LISTENs; it stays open for the feed's life, so it is not taken from the pool. */
  connectListener: () => Promise<pg.Client>;
  /** How often to look for commits whose wake-up was missed, and to reopen a lost LISTEN connection. */
  pollIntervalMs: number;
  /** Called with each committed transaction's changes, one transaction at a time, in commit order. */
  deliver: (changes: readonly Change[]) => void;
  /** How long a committed transaction stays in the feed (default an hour): far longer than any live tailer lags. */
  retentionMs?: number;
  /** How often this instance prunes what is past the retention (default every 10 minutes). */
  pruneIntervalMs?: number;
  /**
   * Told once if this feed finds that transactions it had not read yet were pruned (it was cut off from the
   * database for longer than the retention): whatever it feeds is stale from then on.
   */
  onBehind: (reason: string) => void;
}

export interface ChangeFeed {
  /** Settles once every transaction up to `seq` has been delivered (or the feed is closed). */
  reach(seq: number): Promise<void>;
  close(): Promise<void>;
}

interface ChangeRecord {
  seq: string;
  tx: string;
  table_name: TableName;
  row_id: string;
  before: Rows[TableName] | null;
  after: Rows[TableName] | null;
}

function toChange(record: ChangeRecord): Change {
  return {
    table: record.table_name,
    id: fromJsonb(record.row_id),
    before: record.before && Object.freeze(fromJsonb(record.before)),
    after: record.after && Object.freeze(fromJsonb(record.after)),
  };
}

/**
 * Tail the `changes` table (migrations/002_change_feed.sql) from its current end: every transaction that
 * any instance commits from now on is delivered exactly once, in `seq` order, which is commit order. A
 * NOTIFY wakes the tailer at once; a timer catches a missed or lost wake-up within `pollIntervalMs`.
 *
 * It starts at the end, not at the beginning, because whoever derives state from the feed builds it from
 * the tables after opening the store: a change both in that build and in the feed is applied twice, which
 * an index keyed by row id absorbs; opening the feed after the build would lose changes instead.
 */
export async function openChangeFeed(options: ChangeFeedOptions): Promise<ChangeFeed> {
  const { pool, deliver, retentionMs = HOUR, pruneIntervalMs = 10 * MINUTE } = options;
  // After a prune that left the table empty, the end is the horizon, not 0.
  const start = await pool.query<{ seq: string }>(
    'SELECT greatest((SELECT coalesce(max(seq), 0) FROM changes), (SELECT pruned_through FROM changes_horizon)) AS seq',
  );
  let delivered = Number(start.rows[0]!.seq);
  const waiters: { seq: number; resolve: () => void }[] = [];
  let listener: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let draining: Promise<void> | null = null;
  let again = false;
  let failing = false;
  let behind = false;
  let closed = false;

  function settle(): void {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (closed || waiters[i]!.seq <= delivered) waiters.splice(i, 1)[0]!.resolve();
    }
  }

  function emit(group: ChangeRecord[]): void {
    delivered = Number(group.at(-1)!.seq);
    deliver(group.map(toChange));
    settle();
  }

  /**
   * Whether transactions after `cursor` were pruned before this feed read them. Asked only when the next
   * row is not `cursor + 1`: such a gap is usually a transaction that failed at COMMIT, rarely pruning.
   */
  async function prunedPast(cursor: number): Promise<boolean> {
    const { rows } = await pool.query<{ pruned_through: string }>('SELECT pruned_through FROM changes_horizon');
    return Number(rows[0]?.pruned_through ?? 0) > cursor;
  }

  /** Read everything after `delivered`. A transaction's rows are contiguous and become visible together. */
  async function drain(): Promise<void> {
    let cursor = delivered;
    let group: ChangeRecord[] = [];
    for (;;) {
      const { rows } = await pool.query<ChangeRecord>(
        'SELECT seq, tx, table_name, row_id, before, after FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2',
        [cursor, BATCH_SIZE],
      );
      if (!behind && rows.length > 0 && Number(rows[0]!.seq) > cursor + 1 && (await prunedPast(cursor))) {
        behind = true;
        options.onBehind(`the change feed lost transactions after seq ${cursor}: they were pruned before this instance read them; restart it`);
      }
      for (const row of rows) {
        if (group.length > 0 && group[0]!.tx !== row.tx) {
          emit(group);
          group = [];
        }
        group.push(row);
      }
      // A short batch reached the end, so the last transaction is complete; a full one may continue.
      if (rows.length < BATCH_SIZE) {
        if (group.length > 0) emit(group);
        return;
      }
      cursor = Number(rows.at(-1)!.seq);
    }
  }

  /** Catch up now; a call while catching up makes it go round once more. */
  function wake(): Promise<void> {
    if (closed) return Promise.resolve();
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      do {
        again = false;
        try {
          await drain();
          if (failing) console.error('[store] the change feed reads again');
          failing = false;
        } catch (error) {
          // The timer tries again; say so once, not every tick.
          if (!failing) console.error('[store] the change feed cannot read changes:', (error as Error).message);
          failing = true;
          return;
        }
      } while (again && !closed);
    })().finally(() => {
      draining = null;
    });
    return draining;
  }

  function listen(): Promise<void> {
    if (listener || closed) return Promise.resolve();
    connecting ??= (async () => {
      let client: pg.Client | undefined;
      try {
        client = await options.connectListener();
        // A lost connection is dropped here and reopened by the timer; meanwhile the timer's reads deliver.
        const opened = client;
        const drop = () => {
          if (listener === opened) listener = null;
          opened.end().catch(() => undefined);
        };
        client.on('error', drop);
        client.on('end', drop);
        client.on('notification', () => void wake());
        await client.query(`LISTEN ${CHANGES_CHANNEL}`);
        if (closed) await client.end();
        else listener = client;
        // Commits made while no one listened woke no one.
        void wake();
      } catch (error) {
        client?.end().catch(() => undefined);
        if (!failing) console.error('[store] the change feed cannot LISTEN:', (error as Error).message);
      }
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  /**
   * Delete what is past the retention, never beyond what this instance has delivered, and raise the
   * horizon to the last seq deleted. Several instances may prune at once; the horizon only grows.
   */
  async function prune(): Promise<void> {
    try {
      await pool.query(
        `WITH gone AS (
           DELETE FROM changes
           WHERE seq <= $2::bigint
             AND seq <= (SELECT max(seq) FROM changes WHERE committed_at < clock_timestamp() - make_interval(secs => $1::double precision / 1000))
           RETURNING seq
         )
         UPDATE changes_horizon SET pruned_through = greatest(pruned_through, (SELECT max(seq) FROM gone))
         WHERE EXISTS (SELECT 1 FROM gone)`,
        [retentionMs, delivered],
      );
    } catch (error) {
      if (!failing) console.error('[store] pruning the change feed failed:', (error as Error).message);
    }
  }

  await listen();
  const timer = setInterval(() => {
    void listen();
    void wake();
  }, options.pollIntervalMs);
  timer.unref();
  let pruning: Promise<void> | null = null;
  const pruneTimer = setInterval(() => {
    pruning ??= prune().finally(() => {
      pruning = null;
    });
  }, pruneIntervalMs);
  pruneTimer.unref();

  return {
    reach(seq) {
      if (seq <= delivered || closed) return Promise.resolve();
      const reached = new Promise<void>((resolve) => waiters.push({ seq, resolve }));
      void wake();
      return reached;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      clearInterval(pruneTimer);
      await pruning;
      await draining;
      await connecting;
      await listener?.end().catch(() => undefined);
      listener = null;
      settle();
    },
  };
}
