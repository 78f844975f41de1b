import type { Delivery } from '../../../shared/schemas/notification.js';
import type { Clock } from '../../../server/clock.js';
import type { DeliveryChannel } from '../../../server/outbox/channel.js';
import type { Dispatcher, DispatchReport, Scheduler } from '../../../server/outbox/dispatcher.js';
import type { AccountRow, NotificationRow } from '../../../server/store/rows.js';
import type { Store, TableReader } from '../../../server/store/store.js';

/** Account n: id `acc_n`, Telegram chat 1000 + n (linked, blocked, or none). */
export function account(n: number, telegram: 'linked' | 'blocked' | 'none' = 'linked'): AccountRow {
  return {
    id: `acc_${n}`,
    roles: ['researcher'],
    displayName: `Researcher ${n}`,
    organization: 'Lab',
    email: `r${n}@example.org`,
    locale: 'en',
    fields: [],
    keywords: [],
    orcid: null,
    bio: '',
    telegram: telegram === 'none' ? null : { userId: 5000 + n, chatId: 1000 + n, username: null, blocked: telegram === 'blocked' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    passwordHash: null,
  };
}

/** A notification as the domain makes it: Telegram delivery pending from `createdAt`, unless overridden. */
export function notification(id: string, accountId: string, createdAt: Date | string, delivery: Partial<Delivery> = {}): NotificationRow {
  const at = new Date(createdAt).toISOString();
  return {
    id,
    accountId,
    kind: 'match',
    challengeId: 'chl_1',
    challengeTitle: 'Perovskite solar cells',
    bidId: null,
    questionId: null,
    bidStatus: null,
    read: false,
    createdAt: at,
    deliveries: { telegram: { state: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, sentAt: null, ...delivery } },
  };
}

export async function seed(store: Store, accounts: AccountRow[], notifications: NotificationRow[]): Promise<void> {
  await store.transact(async (tx) => {
    for (const a of accounts) await tx.accounts.insert(a);
    for (const n of notifications) await tx.notifications.insert(n);
  });
}

export async function telegramOf(store: Store, id: string): Promise<Delivery> {
  const row = await store.tables.notifications.get(id);
  if (!row?.deliveries.telegram) throw new Error(`no notification ${id}`);
  return row.deliveries.telegram;
}

export interface SendRecord {
  at: number;
  chatId: number;
  notificationId: string;
}

/**
 * A Telegram stand-in: records every call (time, chat, notification), then fails it when `fail` returns an
 * error. `hold()` keeps calls pending until `release()`.
 */
export class FakeChannel implements DeliveryChannel {
  readonly name = 'telegram' as const;
  readonly records: SendRecord[] = [];
  fail: (n: Readonly<NotificationRow>, account: Readonly<AccountRow>) => unknown = () => undefined;
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(private readonly clock: Clock) {}

  async send(n: Readonly<NotificationRow>, account: Readonly<AccountRow>): Promise<void> {
    this.records.push({ at: this.clock.now().getTime(), chatId: account.telegram!.chatId, notificationId: n.id });
    for (const w of this.waiters.filter((w) => this.records.length >= w.count)) w.resolve();
    if (this.gate) await this.gate;
    const error = this.fail(n, account);
    if (error) throw error;
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
    this.gate = null;
  }

  /** Resolves once `count` calls in all have been made. */
  calls(count: number): Promise<void> {
    if (this.records.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  sendsTo(chatId: number): SendRecord[] {
    return this.records.filter((r) => r.chatId === chatId);
  }
}

interface FakeTimer {
  run: () => void;
  delayMs: number;
  live: boolean;
}

/** A scheduler whose timers only run when the test fires them. */
export class FakeScheduler {
  readonly timers: FakeTimer[] = [];
  fired = 0;
  private readonly handedOut = new Set<FakeTimer>();
  private waiters: { delayMs: number; resolve: (t: FakeTimer) => void }[] = [];

  readonly schedule: Scheduler = (run, delayMs) => {
    const timer = { run, delayMs, live: true };
    this.timers.push(timer);
    for (const w of [...this.waiters]) {
      if (w.delayMs !== delayMs || this.handedOut.has(timer)) continue;
      this.handedOut.add(timer);
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(timer);
    }
    return () => void (timer.live = false);
  };

  live(): FakeTimer[] {
    return this.timers.filter((t) => t.live);
  }

  /** Resolves with the earliest timer of this delay not handed out before, once there is one. */
  armed(delayMs: number): Promise<FakeTimer> {
    const timer = this.timers.find((t) => t.delayMs === delayMs && !this.handedOut.has(t));
    if (timer) {
      this.handedOut.add(timer);
      return Promise.resolve(timer);
    }
    return new Promise((resolve) => this.waiters.push({ delayMs, resolve }));
  }

  fire(timer: FakeTimer): void {
    if (!timer.live) throw new Error('that timer is not live');
    timer.live = false;
    this.fired++;
    timer.run();
  }
}

/** Run passes, moving the clock to each next due time, until nothing waits. */
export async function drain(dispatcher: Dispatcher, clock: { set(to: Date): void }, maxPasses = 2000): Promise<DispatchReport[]> {
  const reports: DispatchReport[] = [];
  for (let i = 0; i < maxPasses; i++) {
    const report = await dispatcher.runOnce();
    reports.push(report);
    if (!report.nextDueAt) return reports;
    clock.set(report.nextDueAt);
  }
  throw new Error(`still work after ${maxPasses} passes`);
}

/** True when no `windowMs`-long stretch holds more than `limit` of these times. */
export function withinLimit(times: number[], limit: number, windowMs: number): boolean {
  const sorted = [...times].sort((a, b) => a - b);
  for (let i = 0; i + limit < sorted.length; i++) if (sorted[i + limit]! - sorted[i]! < windowMs) return false;
  return true;
}

/**
 * A store that reads and writes through `store` and counts the notification rows its `where` and `page`
 * return, per stretch between two transactions (a batch's picking falls in one such stretch).
 */
export function countingReads(store: Store): { store: Store; stretches: number[] } {
  const stretches = [0];
  const inner = store.tables.notifications;
  const counted = <R extends readonly unknown[]>(rows: R): R => {
    stretches[stretches.length - 1]! += rows.length;
    return rows;
  };
  const notifications: TableReader<'notifications'> = {
    get: (id) => inner.get(id),
    getMany: (ids) => inner.getMany(ids),
    where: async (index, value) => counted(await inner.where(index, value)),
    countWhere: (index, value) => inner.countWhere(index, value),
    page: async (index, value, window) => counted(await inner.page(index, value, window)),
    all: () => inner.all(),
    count: () => inner.count(),
  };
  const counting: Store = {
    tables: { ...store.tables, notifications },
    transact: (fn) => {
      stretches.push(0);
      return store.transact(fn);
    },
    onCommit: (listener) => store.onCommit(listener),
    health: () => store.health(),
    close: () => store.close(),
  };
  return { store: counting, stretches };
}
