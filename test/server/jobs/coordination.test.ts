import { describe, expect, it } from 'vitest';
import { createLocalCoordination, createMemoryHitLog } from '../../../server/jobs/coordination.js';

const T0 = new Date('2026-11-01T09:00:00.000Z').getTime();
const MINUTE = 60_000;

describe('in-process coordination (lowdb)', () => {
  it('leads at once; a second campaign for the name leads only after the first resigns', async () => {
    const coordination = createLocalCoordination('me');
    const events: string[] = [];
    const first = coordination.leader('outbox', (leading) => events.push(`first ${leading}`));
    const second = coordination.leader('outbox', (leading) => events.push(`second ${leading}`));
    const other = coordination.leader('upkeep', (leading) => events.push(`other ${leading}`));
    await Promise.resolve();
    expect(events).toEqual(['first true', 'other true']);
    expect([first.isLeader(), second.isLeader(), other.isLeader()]).toEqual([true, false, true]);
    await first.resign();
    await Promise.resolve();
    expect(events).toEqual(['first true', 'other true', 'second true']);
    await coordination.close();
    expect([second.isLeader(), other.isLeader()]).toEqual([false, false]);
  });

  it('is not told it leads when it resigned before the news arrived', async () => {
    const coordination = createLocalCoordination('me');
    const events: boolean[] = [];
    const campaign = coordination.leader('outbox', (leading) => events.push(leading));
    await campaign.resign();
    await Promise.resolve();
    expect(events).toEqual([]);
  });

  it('claims: leases of this process, renewed by a new claim, ended by release or by lapsing', async () => {
    const claims = createLocalCoordination('me').claims;
    expect(await claims.claim('telegram', ['n1', 'n2'], T0, MINUTE)).toEqual(new Set(['n1', 'n2']));
    expect(await claims.claim('telegram', ['n1'], T0 + 1, MINUTE)).toEqual(new Set(['n1']));
    expect(await claims.leases('telegram', T0 + 1)).toEqual(
      new Map([
        ['n1', { claimedBy: 'me', leaseUntil: T0 + 1 + MINUTE }],
        ['n2', { claimedBy: 'me', leaseUntil: T0 + MINUTE }],
      ]),
    );
    await claims.release('telegram', ['n2']);
    expect([...(await claims.leases('telegram', T0 + 1)).keys()]).toEqual(['n1']);
    expect(await claims.leases('telegram', T0 + 1 + MINUTE)).toEqual(new Map());
  });

  it('memory hit log: at most the limit in any window; refused hits are not counted', async () => {
    const log = createMemoryHitLog();
    const at = (ms: number) => log.hit('k', T0 + ms, 2, MINUTE);
    expect(await at(0)).toEqual({ admitted: true });
    expect(await at(10)).toEqual({ admitted: true });
    expect(await at(20)).toEqual({ admitted: false, retryAt: T0 + MINUTE });
    expect(await at(MINUTE)).toEqual({ admitted: true });
    expect(await at(MINUTE + 5)).toEqual({ admitted: false, retryAt: T0 + 10 + MINUTE });
    expect(await log.hit('other', T0, 2, MINUTE)).toEqual({ admitted: true });
  });
});
