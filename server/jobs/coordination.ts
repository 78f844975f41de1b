import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Channel } from '../../shared/schemas/notification.js';

/**
 * What the instances sharing one store agree on, beside the data: who leads a job, who has claimed a
 * delivery, and how many hits a client made. Two implementations: in-process for lowdb (one process owns
 * the data directory, so it always leads and its claims are local) and PostgreSQL (pg-coordination.ts).
 */
export interface Coordination {
  /** This instance, as it signs its claims; unique per process start. */
  readonly instanceId: string;
  /**
   * Campaign for leadership of `name`: `onChange(true)` when this instance becomes the one leader of it,
   * `onChange(false)` when it stops being it (its lock was lost); never twice in a row with the same value.
   * With several instances, at most one leads a name at a time, save for the moments a leader needs to
   * notice that its database connection died; another takes over once the leader is gone.
   */
  leader(name: string, onChange: (leading: boolean) => void): Leadership;
  readonly claims: ClaimLedger;
  /** The hit log of one rate limiter (`scope` keeps limiters apart), shared by every instance. */
  hitLog(scope: string): HitLog;
  /** Resign every leadership and release connections. Claims stay until they are released or lapse. */
  close(): Promise<void>;
}

export interface Leadership {
  /** True while this instance leads. */
  isLeader(): boolean;
  /** Stop campaigning; resolves once leadership, if held, is given up for another instance to take. */
  resign(): Promise<void>;
}

/** A claim on one delivery: the instance that made it, and until when (epoch ms) it holds. */
export interface Lease {
  claimedBy: string;
  leaseUntil: number;
}

/**
 * Claims on outbox deliveries, keyed by notification id and channel. A claim is a lease: it holds until
 * `leaseUntil` or until released, and nobody else can claim the delivery meanwhile. Times are the caller's
 * clock (epoch ms), so instances must keep their clocks in step (NTP) to within a small part of a lease.
 */
export interface ClaimLedger {
  /** The instance id these claims are made under. */
  readonly owner: string;
  /** Every lease on `channel` still live at `now`, by notification id. */
  leases(channel: Channel, now: number): Promise<Map<string, Lease>>;
  /**
   * Lease to this instance, until `now + leaseMs`, those of `ids` that no other instance holds a live lease
   * on and that no concurrent claim is taking; returns the ids leased. Never waits for another claimer.
   */
  claim(channel: Channel, ids: readonly string[], now: number, leaseMs: number): Promise<Set<string>>;
  /** End this instance's leases on `ids` (others' leases are left alone). */
  release(channel: Channel, ids: readonly string[]): Promise<void>;
}

/** What a hit log answers: admitted (and recorded), or refused until `retryAt` (epoch ms). */
export type HitResult = { admitted: true } | { admitted: false; retryAt: number };

/** The recent admitted hits of each key, for a sliding-window rate limit. */
export interface HitLog {
  /**
   * Record a hit of `key` at `now` if fewer than `limit` hits were recorded after `now - windowMs`, atomically
   * with respect to every other hit of the key; otherwise record nothing and say when the oldest of those
   * leaves the window. So no `windowMs`-long stretch ever holds more than `limit` admitted hits of a key.
   */
  hit(key: string, now: number, limit: number, windowMs: number): Promise<HitResult>;
}

/** A new instance id: host, process and a random part, so a restarted process never reuses its claims. */
export function newInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * An in-memory hit log: a sliding-window log per key. Memory is bounded by the active keys; keys idle for
 * a window are dropped as they expire.
 */
export function createMemoryHitLog(): HitLog {
  const hits = new Map<string, number[]>();
  let lastSweep = Number.NEGATIVE_INFINITY;
  return {
    async hit(key, now, limit, windowMs) {
      if (now - lastSweep > windowMs) {
        for (const [k, times] of hits) if (times[times.length - 1]! <= now - windowMs) hits.delete(k);
        lastSweep = now;
      }
      const times = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
      hits.set(key, times);
      if (times.length >= limit) return { admitted: false, retryAt: times[times.length - limit]! + windowMs };
      times.push(now);
      return { admitted: true };
    },
  };
}

/**
 * In-process claims: a map of leases, all this process's. Right for lowdb, where one process owns the data
 * (so after a restart the map is empty, and every `sending` delivery left by the last run has lapsed).
 */
function createLocalClaims(owner: string): ClaimLedger {
  const leases = new Map<string, Lease & { id: string; channel: Channel }>();
  const keyOf = (channel: Channel, id: string) => `${channel}\0${id}`;
  return {
    owner,
    async leases(channel, now) {
      const live = new Map<string, Lease>();
      for (const [key, lease] of leases) {
        if (lease.leaseUntil <= now) leases.delete(key);
        else if (lease.channel === channel) live.set(lease.id, { claimedBy: lease.claimedBy, leaseUntil: lease.leaseUntil });
      }
      return live;
    },
    // Every lease here is this process's own, so a claim always wins (renewing a lease it already holds).
    async claim(channel, ids, now, leaseMs) {
      for (const id of ids) leases.set(keyOf(channel, id), { id, channel, claimedBy: owner, leaseUntil: now + leaseMs });
      return new Set(ids);
    },
    async release(channel, ids) {
      for (const id of ids) leases.delete(keyOf(channel, id));
    },
  };
}

/**
 * Coordination inside one process, for the lowdb store: the first campaigner of a name leads at once (on a
 * microtask) and a later one leads after it resigns; claims and hit logs live in memory.
 */
export function createLocalCoordination(instanceId = newInstanceId()): Coordination {
  const queues = new Map<string, { onChange: (leading: boolean) => void; leading: boolean }[]>();
  const hitLogs = new Map<string, HitLog>();
  const campaigns = new Set<Leadership>();

  const promote = (name: string) => {
    const head = queues.get(name)?.[0];
    if (!head || head.leading) return;
    head.leading = true;
    // Told on a microtask, as a PostgreSQL campaign is, and not at all if it resigned meanwhile.
    queueMicrotask(() => head.leading && head.onChange(true));
  };

  return {
    instanceId,
    leader(name, onChange) {
      const entry = { onChange, leading: false };
      queues.set(name, [...(queues.get(name) ?? []), entry]);
      promote(name);
      const leadership: Leadership = {
        isLeader: () => entry.leading,
        async resign() {
          campaigns.delete(leadership);
          const queue = queues.get(name) ?? [];
          if (!queue.includes(entry)) return;
          queues.set(name, queue.filter((e) => e !== entry));
          entry.leading = false;
          promote(name);
        },
      };
      campaigns.add(leadership);
      return leadership;
    },
    claims: createLocalClaims(instanceId),
    hitLog(scope) {
      let log = hitLogs.get(scope);
      if (!log) hitLogs.set(scope, (log = createMemoryHitLog()));
      return log;
    },
    async close() {
      await Promise.all([...campaigns].map((c) => c.resign()));
    },
  };
}
