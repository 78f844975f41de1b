import type { Channel, Delivery } from '../../shared/schemas/notification.js';
import type { Clock } from '../clock.js';
import { createLocalCoordination, type ClaimLedger, type Coordination } from '../jobs/coordination.js';
import type { AccountRow, NotificationRow } from '../store/rows.js';
import { LIST_KEYS, type Change, type IndexName, type Store, type Writers } from '../store/store.js';
import { redactSecrets } from '../redact-secrets.js';
import { BLOCKED_ERROR, setTelegramBlocked } from './blocking.js';
import { DeliveryError, type DeliveryChannel } from './channel.js';
import { isFinished, isWaiting } from './delivery-state.js';
import { createRateLimiter, DEFAULT_CHAT_LIMIT, DEFAULT_GLOBAL_LIMIT, type RateLimit, type RateLimiter } from './rate-limiter.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** Defaults of `DispatcherOptions`. */
export const DISPATCHER_DEFAULTS = {
  maxAttempts: 8,
  backoffBaseMs: 5_000,
  backoffMaxMs: 15 * 60_000,
  pollIntervalMs: 60_000,
  retentionMs: 90 * DAY,
  pruneIntervalMs: 6 * HOUR,
  expireAfterMs: 3 * DAY,
  sendTimeoutMs: 60_000,
  leaseMs: 5 * 60_000,
} as const;

/** The leadership the send loop runs under: one instance of a cluster sends, within Telegram's limits. */
export const OUTBOX_LEADER = 'outbox';

/** After a pass failed (the store could not write), try again this much later. */
const ERROR_RETRY_MS = 5_000;
/**
 * When other claims took deliveries a batch picked and left it empty, pick again at once this many times
 * (the next pick sees their claims), then wait this long.
 */
const CONTENDED_PICKS = 3;
const CONTENDED_RETRY_MS = 1_000;
/** Rows removed per pruning transaction, so one journal entry stays small. */
const PRUNE_CHUNK = 500;
const MAX_ERROR_LENGTH = 300;
/** setTimeout fires at once for longer delays. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const NO_CHAT_ERROR = 'no telegram chat';
const INTERRUPTED_ERROR = 'interrupted while sending (outcome unknown); not resent, so as not to send it twice';

/** What the dispatcher can be tuned with; every field has a default in `DISPATCHER_DEFAULTS` or the limiter's. */
export interface DispatcherOptions {
  /** Per channel, over all chats (default 30 per second); not for a channel that brings its own limiter. */
  globalLimit?: RateLimit;
  /** Per channel and chat (default 1 per second); not for a channel that brings its own limiter. */
  chatLimit?: RateLimit;
  /** Attempts per delivery before giving up on retryable failures. */
  maxAttempts?: number;
  /** The wait after the first failed attempt; it doubles after each further one, up to `backoffMaxMs`. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Longest sleep between passes even when nothing seems due (a safety net; commits wake it sooner). */
  pollIntervalMs?: number;
  /** Notifications older than this whose deliveries are all finished are deleted, read or not. */
  retentionMs?: number;
  /** How often pruning (and expiry) runs. */
  pruneIntervalMs?: number;
  /** A delivery still waiting this long after its notification was made is given up: it would be stale. */
  expireAfterMs?: number;
  /**
   * A send that has not settled after this long counts as an unknown outcome (failed, not retried), so a
   * hung channel cannot stall the outbox or a shutdown.
   */
  sendTimeoutMs?: number;
  /**
   * How long a claim on a batch holds (default 5 minutes). It must outlast the batch: claiming, marking,
   * the sends (each `sendTimeoutMs` at most, one chat's in a row) and storing their outcomes. A `sending`
   * delivery whose claim lapsed is settled as interrupted by whichever dispatcher passes next.
   */
  leaseMs?: number;
  /**
   * No send before this long after the dispatcher is created, nor after it becomes the outbox leader
   * (default: the longer rate window), so its sends and those of a process or leader that stopped just
   * before can never share a rate window.
   */
  startupPauseMs?: number;
}

/** Runs `run` once after `delayMs`; the returned function cancels it. Must not keep the process alive. */
export type Scheduler = (run: () => void, delayMs: number) => () => void;

/** The real scheduler: an `unref`'d setTimeout. */
export const timerScheduler: Scheduler = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  timer.unref();
  return () => clearTimeout(timer);
};

export interface DispatcherDeps {
  store: Store;
  clock: Clock;
  /**
   * Leadership and claims shared with the other instances on the store. Defaults to an in-process one:
   * right for lowdb, where this process owns the data, always leads, and its claims are its own.
   */
  coordination?: Coordination;
  /** At most one per channel name. With none, the dispatcher only recovers, expires and prunes. */
  channels: readonly DeliveryChannel[];
  options?: DispatcherOptions;
  /** Defaults to `timerScheduler`. */
  scheduler?: Scheduler;
  /** One line per failure; defaults to console.warn. Lines never hold tokens or message text. */
  log?: (line: string) => void;
}

/** What one `runOnce` did, and when it next has a delivery to make. */
export interface DispatchReport {
  sent: number;
  /** Failed attempts that will be retried. */
  retrying: number;
  /** Deliveries failed for good: permanent refusals, unknown outcomes, retries exhausted, interrupted sends, expiry. */
  failed: number;
  /** Deliveries skipped because the account cannot be reached (no chat, blocked). */
  skipped: number;
  /** Notifications deleted by pruning. */
  pruned: number;
  /** When a waiting delivery next becomes sendable (its time, the rate limits, a pause); null when none waits. */
  nextDueAt: Date | null;
}

export interface Dispatcher {
  /**
   * Campaign for the outbox leadership, and while this instance leads, deliver in the background: passes
   * run at once (after `startupPauseMs`, so as not to share a rate window with the previous leader),
   * whenever a commit of any instance adds a waiting delivery, when the next delivery, lapsed claim or
   * pruning is due, and at least every `pollIntervalMs`. Losing leadership ends the loop after the batch in
   * flight. Idempotent.
   */
  start(): void;
  /** True while this started dispatcher leads the outbox, that is runs the send loop. */
  isLeader(): boolean;
  /**
   * Stop: no new pass or batch begins; resolves once the sends in flight finished and their outcome is
   * stored, so a restart after it neither loses nor repeats a delivery. Close the store only after this.
   */
  stop(): Promise<void>;
  /**
   * One pass at `clock.now()`, leader or not: fail the `sending` deliveries whose claim lapsed; expire and
   * prune if due; then claim and send, batch after batch, every delivery that is due, that no other
   * instance has claimed and that the rate limits admit now. Passes of one dispatcher never overlap, and
   * claims keep passes of several apart. Rejects after `stop()`.
   */
  runOnce(): Promise<DispatchReport>;
}

/** How the dispatcher finds and addresses one channel's deliveries. */
interface Route {
  /** The `notifications` index keying this channel's deliveries `'waiting'` or `'sending'`. */
  index: IndexName<'notifications'>;
  /** The chat to send to (the rate-limit key), or why the account cannot be reached. */
  recipient(account: Readonly<AccountRow> | undefined): { chat: string } | { skip: string };
  /** Record that the account blocked us on this channel and skip its waiting deliveries. */
  block(deps: { store: Store; clock: Clock }, accountId: string): Promise<unknown>;
}

const ROUTES: Record<Channel, Route> = {
  telegram: {
    index: 'pendingTelegram',
    recipient: (account) =>
      !account?.telegram ? { skip: NO_CHAT_ERROR } : account.telegram.blocked ? { skip: BLOCKED_ERROR } : { chat: String(account.telegram.chatId) },
    block: (deps, accountId) => setTelegramBlocked(deps, accountId, true),
  },
};

interface Lane {
  channel: DeliveryChannel;
  route: Route;
  limiter: RateLimiter;
}

/** A delivery marked in flight: the notification as marked, and the delivery as it was before. */
interface Claim {
  row: Readonly<NotificationRow>;
  account: Readonly<AccountRow>;
  chat: string;
  before: Delivery;
}

type Outcome =
  | { claim: Claim; kind: 'sent'; at: Date }
  | { claim: Claim; kind: 'failed'; at: Date; error: unknown }
  /** Not attempted: the chat blocked us earlier in the batch, or the limits no longer admit it (a pause). */
  | { claim: Claim; kind: 'not-sent'; blocked: boolean };

const emptyReport = (): DispatchReport => ({ sent: 0, retrying: 0, failed: 0, skipped: 0, pruned: 0, nextDueAt: null });

/** An error's message, safe to store and log: no token, one line, bounded. */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactSecrets(text).replace(/\s+/g, ' ').trim().slice(0, MAX_ERROR_LENGTH) || 'unknown error';
}

function isBlocked(error: unknown): boolean {
  return error instanceof DeliveryError && error.failure === 'blocked';
}

function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function formatDuration(ms: number): string {
  return ms % DAY === 0 ? `${ms / DAY} days` : ms % HOUR === 0 ? `${ms / HOUR} hours` : `${ms} ms`;
}

function setDelivery(tx: Writers, id: string, channel: Channel, delivery: Delivery): Promise<Readonly<NotificationRow>> {
  return tx.notifications.update(id, (row) => ({ ...row, deliveries: { ...row.deliveries, [channel]: delivery } }));
}

/**
 * The notification outbox: delivers each waiting delivery of the given channels at most once, within the
 * channel's rate limits, oldest first, with retries and exponential backoff; honours a channel's
 * `retryAfterMs` by pausing that channel; marks an account blocked on a `blocked` failure; expires stale
 * deliveries and prunes old finished notifications. One dispatcher per instance; of the instances on one
 * store, only the leader of `OUTBOX_LEADER` runs the send loop, so its limiter holds Telegram's limits for
 * the whole cluster.
 *
 * At most once: a batch of deliveries is first claimed (a lease in `coordination.claims`, which another
 * instance cannot take while it is live), then marked `sending` (attempts + 1) in one transaction before
 * any of them goes to the channel, and their outcomes are stored together in one transaction after; the
 * claims are released last. The rule for a delivery found `sending` with no live claim — its sender stopped
 * (crashed, lost the database) after marking it and before storing the outcome, so Telegram may have
 * accepted it — is the same as after a crash: it is failed for good, never resent. A delivery claimed but
 * not yet marked is still waiting, was certainly not sent, and is claimed again once the lease lapses.
 */
export function createDispatcher({ store, clock, channels, coordination = createLocalCoordination(), options = {}, scheduler = timerScheduler, log = console.warn }: DispatcherDeps): Dispatcher {
  const o = { ...DISPATCHER_DEFAULTS, ...withoutUndefined(options) };
  for (const key of Object.keys(DISPATCHER_DEFAULTS) as (keyof typeof DISPATCHER_DEFAULTS)[]) {
    if (!(o[key] > 0 && Number.isFinite(o[key]))) throw new Error(`Outbox option ${key} must be a positive number, not ${o[key]}`);
  }
  if (o.leaseMs <= o.sendTimeoutMs) throw new Error(`Outbox option leaseMs (${o.leaseMs}) must exceed sendTimeoutMs (${o.sendTimeoutMs})`);
  const ledger: ClaimLedger = coordination.claims;
  const globalLimit = options.globalLimit ?? DEFAULT_GLOBAL_LIMIT;
  const chatLimit = options.chatLimit ?? DEFAULT_CHAT_LIMIT;
  const startupPauseMs = options.startupPauseMs ?? Math.max(globalLimit.windowMs, chatLimit.windowMs);
  /** Waiting deliveries read at a time: a full batch, and as many again as a margin (see claimBatch). */
  const windowSize = 2 * globalLimit.limit;
  const createdAt = clock.now().getTime();

  const lanes: Lane[] = [];
  for (const channel of channels) {
    if (lanes.some((l) => l.channel.name === channel.name)) throw new Error(`Two delivery channels are named ${channel.name}`);
    const limiter = channel.limiter ?? createRateLimiter({ clock, global: globalLimit, perChat: chatLimit });
    limiter.pauseUntil(createdAt + startupPauseMs);
    lanes.push({ channel, route: ROUTES[channel.name], limiter });
  }

  let nextPruneAt = Number.NEGATIVE_INFINITY;
  let tail: Promise<unknown> = Promise.resolve();
  let started = false;
  let stopped = false;
  let leading = false;
  let leadership: ReturnType<Coordination['leader']> | null = null;
  let unsubscribe: (() => void) | null = null;
  let cancelTimer: (() => void) | null = null;
  let looping: Promise<void> | null = null;
  let again = false;

  const withTimeout = <T>(work: Promise<T>, ms: number) =>
    new Promise<T>((resolve, reject) => {
      const cancel = scheduler(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      work.then(
        (value) => (cancel(), resolve(value)),
        (error: unknown) => (cancel(), reject(error)),
      );
    });

  const backoffMs = (attempts: number) => Math.min(o.backoffBaseMs * 2 ** (attempts - 1), o.backoffMaxMs);

  /**
   * Fail the `sending` deliveries that no live claim covers: their sender stopped between marking them and
   * storing the outcome, so they may have been delivered and are not resent. Returns when the earliest live
   * claim of another sender on a `sending` delivery lapses, to look again then.
   */
  async function settleLapsed(report: DispatchReport): Promise<number> {
    let nextAt = Number.POSITIVE_INFINITY;
    for (const [name, route] of Object.entries(ROUTES) as [Channel, Route][]) {
      const stuck = await store.tables.notifications.where(route.index, 'sending');
      if (stuck.length === 0) continue;
      const leases = await ledger.leases(name, clock.now().getTime());
      const lapsed = new Map<string, number>();
      for (const row of stuck) {
        const lease = leases.get(row.id);
        if (lease) nextAt = Math.min(nextAt, lease.leaseUntil);
        else lapsed.set(row.id, row.deliveries[name]!.attempts);
      }
      if (lapsed.size === 0) continue;
      const count = await store.transact(async (tx) => {
        let n = 0;
        for (const [id, attempts] of lapsed) {
          const d = (await tx.notifications.get(id))?.deliveries[name];
          // Another attempt count is a newer claim, made after the lease was looked up: not lapsed.
          if (d?.state !== 'sending' || d.attempts !== attempts) continue;
          await setDelivery(tx, id, name, { ...d, state: 'failed', nextAttemptAt: null, lastError: INTERRUPTED_ERROR });
          n++;
        }
        return n;
      });
      report.failed += count;
      if (count > 0) log(`[outbox] ${name}: ${count} deliveries were in flight when the last run stopped; marked failed, not resent`);
    }
    return nextAt;
  }

  /** Give up deliveries too old to be worth sending, then delete old notifications that are finished. */
  async function prune(report: DispatchReport): Promise<void> {
    const now = clock.now();
    const expireBefore = now.getTime() - o.expireAfterMs;
    const deleteBefore = now.getTime() - o.retentionMs;
    const stale = (await store.tables.notifications.all()).filter(
      (n) => Date.parse(n.createdAt) < expireBefore && Object.values(n.deliveries).some(isWaiting),
    );
    const expiredError = `expired: not delivered within ${formatDuration(o.expireAfterMs)}`;
    let expired = 0;
    for (let i = 0; i < stale.length; i += PRUNE_CHUNK) {
      expired += await store.transact(async (tx) => {
        let n = 0;
        for (const { id } of stale.slice(i, i + PRUNE_CHUNK)) {
          const row = await tx.notifications.get(id);
          if (!row) continue;
          const deliveries = { ...row.deliveries };
          for (const [name, d] of Object.entries(row.deliveries) as [Channel, Delivery][]) {
            if (!isWaiting(d)) continue;
            deliveries[name] = { ...d, state: 'failed', nextAttemptAt: null, lastError: expiredError };
            n++;
          }
          await tx.notifications.update(id, { deliveries });
        }
        return n;
      });
    }
    const old = (await store.tables.notifications.all()).filter(
      (n) => Date.parse(n.createdAt) < deleteBefore && Object.values(n.deliveries).every((d) => !d || isFinished(d)),
    );
    for (let i = 0; i < old.length; i += PRUNE_CHUNK) {
      report.pruned += await store.transact(async (tx) => {
        let n = 0;
        for (const { id } of old.slice(i, i + PRUNE_CHUNK)) if (await tx.notifications.remove(id)) n++;
        return n;
      });
    }
    report.failed += expired;
    if (expired > 0) log(`[outbox] ${expired} deliveries ${expiredError}`);
  }

  /**
   * Claim and mark in flight, in one transaction, the oldest due deliveries the limits admit now, and skip
   * unreachable ones on the way. With nothing claimed, `nextAt` says when this lane next has a delivery to
   * make (or a claim of another instance lapses).
   *
   * The waiting list is read in windows of `windowSize` in list order (oldest created first, LIST_KEYS), and
   * reading stops as soon as the batch is full: a broadcast of thousands costs a window or two per batch, not
   * the whole list. A window holds a full batch and as many again, a margin for deliveries another instance
   * claimed, retries not due yet and chats the limiter refuses; only while the batch still has room (all
   * read so far refused or not due) is the next window read. So the batch's order is by creation, not by due
   * time as it was when the whole list was sorted: a retry keeps its place among the deliveries made with it,
   * and a newer delivery never overtakes it once both are due. `nextAt` is exact when the whole list was
   * read; when reading stopped at a full batch it is a moment away, to read on should the batch come to nothing.
   */
  async function claimBatch(lane: Lane, report: DispatchReport): Promise<{ claims: Claim[]; nextAt: number; contended?: boolean }> {
    const name = lane.channel.name;
    const now = clock.now().getTime();
    let nextAt = Number.POSITIVE_INFINITY;
    const leases = await ledger.leases(name, now);
    // While the pause or the global window forbids any send, a due delivery can go no sooner than it opens.
    const opensAt = lane.limiter.nextAllowedAt();

    // Pick the batch from what is committed, then claim it, then mark it: what another instance claimed
    // in between is left to it, and the transaction checks every delivery again.
    const plan = lane.limiter.plan();
    const plannedChats = new Set<string>();
    const picked: string[] = [];
    let admitted = 0;
    let full = false;
    let after: string | undefined;
    do {
      const window = await store.tables.notifications.page(lane.route.index, 'waiting', { direction: 'asc', after, limit: windowSize });
      after = window.length === windowSize ? LIST_KEYS.notifications(window.at(-1)!) : undefined;
      const due: Readonly<NotificationRow>[] = [];
      for (const row of window) {
        const at = Date.parse(row.deliveries[name]!.nextAttemptAt!);
        const lease = leases.get(row.id);
        // Claimed by another instance that has not marked it yet: theirs until the claim lapses.
        if (lease && lease.claimedBy !== ledger.owner) nextAt = Math.min(nextAt, Math.max(at, lease.leaseUntil));
        else if (at <= now) due.push(row);
        else nextAt = Math.min(nextAt, at);
      }
      if (due.length === 0) continue;
      // Nothing goes before the limits open, and something is due: that is when, whatever else waits.
      if (opensAt > now) return { claims: [], nextAt: opensAt };
      const accounts = await store.tables.accounts.getMany([...new Set(due.map((row) => row.accountId))]);
      for (const row of due) {
        const to = lane.route.recipient(accounts.get(row.accountId));
        if ('skip' in to) {
          picked.push(row.id);
          continue;
        }
        if (plan(to.chat)) {
          picked.push(row.id);
          plannedChats.add(to.chat);
          // A batch never exceeds the global limit; what is left waits for the next one.
          full = ++admitted >= globalLimit.limit;
          if (full) break;
          continue;
        }
        const chatOpensAt = lane.limiter.nextAllowedAt(to.chat);
        // Refused although its chat is free and new to the batch: the batch took all the global limit admits now.
        full = chatOpensAt <= now && !plannedChats.has(to.chat);
        if (full) break;
        nextAt = Math.min(nextAt, chatOpensAt);
      }
    } while (!full && after !== undefined);
    if (full) nextAt = Math.min(nextAt, now + CONTENDED_RETRY_MS);

    const leased = await ledger.claim(name, picked, now, o.leaseMs);
    const contended = leased.size < picked.length;
    if (contended) nextAt = Math.min(nextAt, now + CONTENDED_RETRY_MS);

    const batch = await store.transact(async (tx) => {
      const admit = lane.limiter.plan();
      const inFlight: Claim[] = [];
      for (const id of picked) {
        if (!leased.has(id) || inFlight.length >= globalLimit.limit) continue;
        const row = await tx.notifications.get(id);
        const before = row?.deliveries[name];
        if (!row || !isWaiting(before) || Date.parse(before.nextAttemptAt) > now) continue;
        const account = await tx.accounts.get(row.accountId);
        const to = lane.route.recipient(account);
        if ('skip' in to) {
          await setDelivery(tx, id, name, { ...before, state: 'skipped', nextAttemptAt: null, lastError: to.skip });
          report.skipped++;
          continue;
        }
        if (!admit(to.chat)) {
          nextAt = Math.min(nextAt, lane.limiter.nextAllowedAt(to.chat));
          continue;
        }
        const marked = await setDelivery(tx, id, name, { ...before, state: 'sending', attempts: before.attempts + 1, nextAttemptAt: null });
        inFlight.push({ row: marked, account: account!, chat: to.chat, before });
      }
      return inFlight;
    });
    const unused = [...leased].filter((id) => !batch.some((c) => c.row.id === id));
    await releaseClaims(name, unused);
    return { claims: batch, nextAt, contended };
  }

  /** End our claims; a failure only leaves them to lapse, which changes no delivery's outcome. */
  async function releaseClaims(name: Channel, ids: string[]): Promise<void> {
    try {
      await ledger.release(name, ids);
    } catch (error) {
      log(`[outbox] ${name}: could not release ${ids.length} claims; they lapse on their own: ${describe(error)}`);
    }
  }

  /** Send a claimed batch: chats in parallel, one chat's messages in order; then store every outcome at once. */
  async function sendBatch(lane: Lane, claims: Claim[], report: DispatchReport): Promise<void> {
    const byChat = new Map<string, Claim[]>();
    for (const claim of claims) byChat.set(claim.chat, [...(byChat.get(claim.chat) ?? []), claim]);
    const blockedChats = new Set<string>();
    const outcomes: Outcome[] = [];
    await Promise.all(
      [...byChat.values()].map(async (queue) => {
        for (const claim of queue) {
          if (blockedChats.has(claim.chat) || !lane.limiter.tryAcquire(claim.chat)) {
            outcomes.push({ claim, kind: 'not-sent', blocked: blockedChats.has(claim.chat) });
            continue;
          }
          try {
            await withTimeout(lane.channel.send(claim.row, claim.account), o.sendTimeoutMs);
            outcomes.push({ claim, kind: 'sent', at: clock.now() });
          } catch (error) {
            const at = clock.now();
            if (isBlocked(error)) blockedChats.add(claim.chat);
            if (error instanceof DeliveryError && error.retryAfterMs !== null) lane.limiter.pauseUntil(at.getTime() + error.retryAfterMs);
            outcomes.push({ claim, kind: 'failed', at, error });
          }
        }
      }),
    );
    await store.transact(async (tx) => {
      for (const outcome of outcomes) {
        if (!(await tx.notifications.get(outcome.claim.row.id))) continue;
        const next = settle(lane, outcome, report);
        await setDelivery(tx, outcome.claim.row.id, lane.channel.name, next);
      }
      const blockedAccounts = new Set(outcomes.filter((x) => x.kind === 'failed' && isBlocked(x.error)).map((x) => x.claim.row.accountId));
      for (const accountId of blockedAccounts) await lane.route.block({ store, clock }, accountId);
    });
    await releaseClaims(lane.channel.name, claims.map((c) => c.row.id));
  }

  /** The delivery after an outcome; counts it and logs a failure. */
  function settle(lane: Lane, outcome: Outcome, report: DispatchReport): Delivery {
    const { claim } = outcome;
    const sending = claim.row.deliveries[lane.channel.name]!;
    if (outcome.kind === 'sent') {
      report.sent++;
      return { ...sending, state: 'sent', nextAttemptAt: null, lastError: null, sentAt: outcome.at.toISOString() };
    }
    if (outcome.kind === 'not-sent') {
      if (outcome.blocked) {
        report.skipped++;
        return { ...claim.before, state: 'skipped', nextAttemptAt: null, lastError: BLOCKED_ERROR };
      }
      const retryAt = Math.max(Date.parse(claim.before.nextAttemptAt!), lane.limiter.nextAllowedAt(claim.chat));
      return { ...claim.before, nextAttemptAt: new Date(retryAt).toISOString() };
    }
    const { error, at } = outcome;
    const message = describe(error);
    const where = `[outbox] ${lane.channel.name} ${claim.row.id} to ${claim.row.accountId}, attempt ${sending.attempts}/${o.maxAttempts}`;
    const failed = (lastError: string, nextAttemptAt: string | null): Delivery => ({ ...sending, state: 'failed', nextAttemptAt, lastError });
    if (!(error instanceof DeliveryError)) {
      report.failed++;
      log(`${where}: outcome unknown, not retried: ${message}`);
      return failed(`outcome unknown, not retried: ${message}`, null);
    }
    if (error.failure === 'blocked') {
      report.skipped++;
      log(`${where}: blocked by the recipient; account marked blocked: ${message}`);
      return { ...sending, state: 'skipped', nextAttemptAt: null, lastError: BLOCKED_ERROR };
    }
    if (error.failure === 'permanent') {
      report.failed++;
      log(`${where}: refused, not retried: ${message}`);
      return failed(message, null);
    }
    if (sending.attempts >= o.maxAttempts) {
      report.failed++;
      log(`${where}: gave up: ${message}`);
      return failed(`${message} (gave up after ${sending.attempts} attempts)`, null);
    }
    const retryAt = new Date(at.getTime() + (error.retryAfterMs ?? backoffMs(sending.attempts))).toISOString();
    report.retrying++;
    log(`${where}: retry at ${retryAt}${error.retryAfterMs !== null ? ' (channel paused until then)' : ''}: ${message}`);
    return failed(message, retryAt);
  }

  async function pass(): Promise<DispatchReport> {
    const report = emptyReport();
    let nextDueAt = await settleLapsed(report);
    if (clock.now().getTime() >= nextPruneAt) {
      await prune(report);
      nextPruneAt = clock.now().getTime() + o.pruneIntervalMs;
    }
    for (const lane of lanes) {
      // A started dispatcher that lost the leadership finishes its batch in flight and claims no other.
      let picks = 0;
      while (!stopped && (!started || leading)) {
        const { claims, nextAt, contended } = await claimBatch(lane, report);
        if (claims.length === 0 && contended && ++picks < CONTENDED_PICKS) continue;
        if (claims.length === 0) {
          nextDueAt = Math.min(nextDueAt, nextAt);
          break;
        }
        await sendBatch(lane, claims, report);
      }
    }
    report.nextDueAt = Number.isFinite(nextDueAt) ? new Date(nextDueAt) : null;
    return report;
  }

  function runOnce(): Promise<DispatchReport> {
    if (stopped) return Promise.reject(new Error('The outbox dispatcher is stopped'));
    const run = tail.then(pass, pass);
    tail = run.catch(() => undefined);
    return run;
  }

  /** A pass in the background; returns how long to sleep before the next. */
  async function backgroundPass(): Promise<number> {
    try {
      const report = await runOnce();
      const now = clock.now().getTime();
      const wakeAt = Math.min(report.nextDueAt?.getTime() ?? Number.POSITIVE_INFINITY, nextPruneAt, now + o.pollIntervalMs);
      return Math.min(Math.max(0, wakeAt - now), MAX_TIMER_MS);
    } catch (error) {
      if (!stopped) log(`[outbox] a dispatch pass failed; retrying in ${ERROR_RETRY_MS} ms: ${describe(error)}`);
      return ERROR_RETRY_MS;
    }
  }

  function wake(): void {
    if (!started || stopped || !leading) return;
    if (looping) {
      again = true;
      return;
    }
    cancelTimer?.();
    cancelTimer = null;
    looping = (async () => {
      let delay: number;
      do {
        again = false;
        delay = await backgroundPass();
      } while (again && !stopped);
      looping = null;
      if (!stopped && leading) cancelTimer = scheduler(wake, delay);
    })();
  }

  /** A commit that gives a delivery of ours a new attempt to make: a new notification, or one set waiting again. */
  function bringsWork(change: Change): boolean {
    if (change.table !== 'notifications' || !change.after) return false;
    const { before, after } = change as Change<'notifications'>;
    return lanes.some(({ channel: { name } }) => {
      const was = before?.deliveries[name];
      return isWaiting(after!.deliveries[name]) && !isWaiting(was) && was?.state !== 'sending';
    });
  }

  return {
    start() {
      if (stopped) throw new Error('A stopped dispatcher cannot start again; create a new one');
      if (started) return;
      started = true;
      unsubscribe = store.onCommit((changes) => {
        if (changes.some(bringsWork)) wake();
      });
      leadership = coordination.leader(OUTBOX_LEADER, (now) => {
        leading = now;
        if (!now) {
          log('[outbox] no longer the outbox leader: another instance sends');
          cancelTimer?.();
          cancelTimer = null;
          return;
        }
        // The previous leader may have sent until a moment ago: start in a rate window of our own.
        const until = clock.now().getTime() + startupPauseMs;
        for (const lane of lanes) lane.limiter.pauseUntil(until);
        wake();
      });
    },

    isLeader: () => started && !stopped && leading,

    async stop() {
      stopped = true;
      unsubscribe?.();
      unsubscribe = null;
      cancelTimer?.();
      cancelTimer = null;
      await looping;
      await tail;
      // Only once the last batch is settled: a successor must not start while our sends are out.
      await leadership?.resign();
      leadership = null;
    },

    runOnce,
  };
}
