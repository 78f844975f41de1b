import pg from 'pg';
import { createPgPool } from '../store/pg/pool.js';
import { newInstanceId, type ClaimLedger, type Coordination, type HitLog, type Lease, type Leadership } from './coordination.js';

/**
 * Leadership locks use PostgreSQL's two-key advisory locks (this class, and a hash of the name), a key space
 * apart from the one-key locks of server/store/pg/schema.ts, so they can never collide with those.
 */
const LEADER_LOCK_CLASS = 7390;
/** Connections for claims and hit logs; leadership has one more of its own. */
const POOL_SIZE = 4;
/** While PostgreSQL cannot be reached for leadership, one line per this long, not one per poll. */
const WARN_EVERY_MS = 60_000;

export interface PgCoordinationOptions {
  /** The store's database: migrations/004_coordination.sql must have run (opening the store runs it). */
  connectionString: string;
  /**
   * How often a follower tries to take leadership and a leader checks that its lock connection still
   * works (default 2 s): the longest a dead leader's job waits for a successor, once PostgreSQL has
   * ended the dead leader's session.
   */
  pollIntervalMs?: number;
  instanceId?: string;
  /** One line per problem; console.warn by default. */
  log?: (line: string) => void;
}

interface Campaign {
  name: string;
  onChange: (leading: boolean) => void;
  leading: boolean;
}

/**
 * Leadership through session advisory locks held on one dedicated connection (not from the pool, which
 * would hand the session to others). Followers poll `pg_try_advisory_lock`; a leader runs `SELECT 1` on
 * each poll, so it notices a dead connection within a poll (or at once, when the driver reports it). When
 * a leader dies its session ends, PostgreSQL frees its locks, and the next follower to poll takes over.
 */
function createLeaderSessions({ connectionString, pollIntervalMs, log }: { connectionString: string; pollIntervalMs: number; log: (line: string) => void }) {
  const campaigns = new Map<string, Campaign>();
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> | null = null;
  let again = false;
  let closed = false;
  let warnedAt = Number.NEGATIVE_INFINITY;

  /** The lock connection is gone: every lock it held is gone with it. */
  function lose(dead: pg.Client, why: string): void {
    if (client !== dead) return;
    client = null;
    dead.end().catch(() => undefined);
    for (const c of campaigns.values()) {
      if (!c.leading) continue;
      c.leading = false;
      log(`[coordination] lost leadership of ${c.name}: ${why}`);
      c.onChange(false);
    }
  }

  async function connection(): Promise<pg.Client> {
    if (client) return client;
    const fresh = new pg.Client({ connectionString, application_name: 'tenderlab-leader', keepAlive: true, connectionTimeoutMillis: 10_000, query_timeout: 10_000 });
    fresh.on('error', (error) => lose(fresh, error.message));
    fresh.on('end', () => lose(fresh, 'its connection ended'));
    await fresh.connect();
    // A host that vanishes without closing its connection would otherwise keep the session, and its locks,
    // until the server's TCP keepalive gives up (hours by default). A leader polls far more often than this.
    await fresh.query("SELECT set_config('idle_session_timeout', $1, false)", [`${Math.max(10_000, 5 * pollIntervalMs)}ms`]).catch((error: Error) => {
      log(`[coordination] cannot bound an idle lock session (PostgreSQL before 14?): ${error.message}`);
    });
    client = fresh;
    return fresh;
  }

  async function poll(): Promise<void> {
    let used: pg.Client | null = null;
    try {
      used = await connection();
      if ([...campaigns.values()].some((c) => c.leading)) await used.query('SELECT 1');
      for (const c of campaigns.values()) {
        if (c.leading) continue;
        const { rows } = await used.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LEADER_LOCK_CLASS, c.name]);
        if (!rows[0]!.ok || client !== used) continue;
        if (campaigns.get(c.name) !== c || closed) {
          await used.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LEADER_LOCK_CLASS, c.name]);
          continue;
        }
        c.leading = true;
        c.onChange(true);
      }
    } catch (error) {
      if (used) lose(used, (error as Error).message);
      else if (!closed && Date.now() - warnedAt >= WARN_EVERY_MS) {
        warnedAt = Date.now();
        log(`[coordination] cannot reach PostgreSQL for leadership; retrying every ${pollIntervalMs} ms: ${(error as Error).message}`);
      }
    }
  }

  function tick(): void {
    if (closed) return;
    if (ticking) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    ticking = (async () => {
      do {
        again = false;
        await poll();
      } while (again && !closed);
      ticking = null;
      if (!closed && campaigns.size > 0) {
        timer = setTimeout(tick, pollIntervalMs);
        timer.unref();
      }
    })();
  }

  async function resign(campaign: Campaign): Promise<void> {
    if (campaigns.get(campaign.name) !== campaign) return;
    campaigns.delete(campaign.name);
    await ticking;
    const wasLeading = campaign.leading;
    campaign.leading = false;
    if (wasLeading && client) {
      const held = client;
      await held.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LEADER_LOCK_CLASS, campaign.name]).catch((error: Error) => lose(held, error.message));
    }
  }

  return {
    campaign(name: string, onChange: (leading: boolean) => void): Leadership {
      if (closed) throw new Error('This coordination is closed');
      if (campaigns.has(name)) throw new Error(`This instance already campaigns for ${name}`);
      const campaign: Campaign = { name, onChange, leading: false };
      campaigns.set(name, campaign);
      tick();
      return { isLeader: () => campaign.leading, resign: () => resign(campaign) };
    },
    async close(): Promise<void> {
      await Promise.all([...campaigns.values()].map(resign));
      closed = true;
      if (timer) clearTimeout(timer);
      await ticking;
      const last = client;
      client = null;
      await last?.end().catch(() => undefined);
    },
  };
}

/** Claims as rows of `outbox_claims`; see ClaimLedger and migrations/004_coordination.sql. */
function createPgClaims(pool: pg.Pool, owner: string): ClaimLedger {
  return {
    owner,
    async leases(channel, now) {
      const { rows } = await pool.query<{ notification_id: string; claimed_by: string; lease_until: Date }>(
        'SELECT notification_id, claimed_by, lease_until FROM outbox_claims WHERE channel = $1 AND lease_until > $2',
        [channel, new Date(now).toISOString()],
      );
      return new Map<string, Lease>(rows.map((r) => [r.notification_id, { claimedBy: r.claimed_by, leaseUntil: r.lease_until.getTime() }]));
    },
    async claim(channel, ids, now, leaseMs) {
      if (ids.length === 0) return new Set();
      // SKIP LOCKED: a notification another claim is taking right now is left to it, without waiting. The
      // conflict clause takes over only a lapsed lease (or renews our own), so a claim that read an old
      // snapshot still cannot take a delivery another instance has just claimed.
      const { rows } = await pool.query<{ notification_id: string }>(
        `WITH candidate AS (SELECT id FROM notifications WHERE id = ANY($1::text[]) FOR UPDATE SKIP LOCKED)
         INSERT INTO outbox_claims AS c (notification_id, channel, claimed_by, lease_until)
         SELECT id, $2, $3, $4 FROM candidate
         ON CONFLICT (notification_id, channel) DO UPDATE SET claimed_by = excluded.claimed_by, lease_until = excluded.lease_until
           WHERE c.lease_until <= $5 OR c.claimed_by = excluded.claimed_by
         RETURNING notification_id`,
        [ids, channel, owner, new Date(now + leaseMs).toISOString(), new Date(now).toISOString()],
      );
      return new Set(rows.map((r) => r.notification_id));
    },
    async release(channel, ids) {
      if (ids.length === 0) return;
      await pool.query('DELETE FROM outbox_claims WHERE channel = $1 AND notification_id = ANY($2::text[]) AND claimed_by = $3', [channel, ids, owner]);
    },
  };
}

/**
 * A hit log as rows of `rate_limit_hits`: one atomic upsert per hit, whose conflict clause admits the hit
 * only while the key's times inside the window number fewer than the limit (PostgreSQL evaluates it on the
 * row's latest version under the row's lock, so concurrent hits from any instance count exactly). Rows
 * idle for a window are deleted, at most once a window per instance, off the request's path.
 */
function createPgHitLog(pool: pg.Pool, scope: string, log: (line: string) => void): HitLog {
  let lastPrune = Number.NEGATIVE_INFINITY;
  const prefix = `${scope}:`;
  return {
    async hit(key, now, limit, windowMs) {
      const since = now - windowMs;
      if (now - lastPrune > windowMs) {
        lastPrune = now;
        pool
          .query('DELETE FROM rate_limit_hits WHERE last_at <= $1 AND starts_with(key, $2)', [since, prefix])
          .catch((error: Error) => log(`[coordination] pruning ${scope} hits failed: ${error.message}`));
      }
      const admitted = await pool.query(
        `INSERT INTO rate_limit_hits AS h (key, times, last_at) VALUES ($1, ARRAY[$2::bigint], $2)
         ON CONFLICT (key) DO UPDATE
           SET times = array(SELECT t FROM unnest(h.times) AS t WHERE t > $3 ORDER BY t) || $2::bigint, last_at = $2
           WHERE (SELECT count(*) FROM unnest(h.times) AS t WHERE t > $3) < $4
         RETURNING 1`,
        [prefix + key, now, since, limit],
      );
      if (admitted.rowCount === 1) return { admitted: true };
      const { rows } = await pool.query<{ recent: string[] }>(
        'SELECT array(SELECT t FROM unnest(times) AS t WHERE t > $2 ORDER BY t) AS recent FROM rate_limit_hits WHERE key = $1',
        [prefix + key, since],
      );
      const recent = (rows[0]?.recent ?? []).map(Number);
      return { admitted: false, retryAt: recent.length >= limit ? recent[recent.length - limit]! + windowMs : now };
    },
  };
}

/**
 * Coordination through the PostgreSQL database the store uses (open the store first: it runs the
 * migrations). Leadership: session advisory locks on a dedicated connection. Claims: `outbox_claims`,
 * taken with `FOR UPDATE SKIP LOCKED` and a lease. Hit logs: `rate_limit_hits`. Holds a small pool of its
 * own and one connection for the locks.
 */
export async function openPgCoordination({ connectionString, pollIntervalMs = 2_000, instanceId = newInstanceId(), log = console.warn }: PgCoordinationOptions): Promise<Coordination> {
  const pool = createPgPool({ connectionString, max: POOL_SIZE });
  try {
    await pool.query('SELECT 1 FROM outbox_claims LIMIT 0');
  } catch (error) {
    await pool.end();
    throw new Error(`PostgreSQL coordination needs migration 004 (open the store first): ${(error as Error).message}`, { cause: error });
  }
  const sessions = createLeaderSessions({ connectionString, pollIntervalMs, log });
  const hitLogs = new Map<string, HitLog>();
  return {
    instanceId,
    leader: (name, onChange) => sessions.campaign(name, onChange),
    claims: createPgClaims(pool, instanceId),
    hitLog(scope) {
      let hits = hitLogs.get(scope);
      if (!hits) hitLogs.set(scope, (hits = createPgHitLog(pool, scope, log)));
      return hits;
    },
    async close() {
      await sessions.close();
      await pool.end();
    },
  };
}
