import { expect } from 'vitest';
import type { FakeClock } from './fake-clock.js';
import { DAY } from './fake-clock.js';
import type { TestRuntime } from './runtime.js';

/**
 * The marketplace people and things API tests keep needing, built through the public HTTP API only:
 * accounts, challenge and bid bodies, and "an enterprise with a published challenge and two sealed bids".
 */

export type Role = 'enterprise' | 'researcher';

export interface Person {
  id: string;
  token: string;
  displayName: string;
  organization: string;
  email: string;
}

let serial = 0;

/** Register an account through `POST /api/auth/register`; fails the test if that does not answer 201. */
export async function register(rt: TestRuntime, name: string, roles: Role[]): Promise<Person> {
  serial++;
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${serial}@example.test`;
  const organization = `${name} Org`;
  const res = await rt.call('POST', '/api/auth/register', {
    body: { roles, displayName: name, organization, email, password: 'correct horse battery', locale: 'en' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.account.id, token: res.body.token, displayName: name, organization, email };
}

/** A valid `POST /api/challenges` body, deadline 30 days after the clock's now. */
export function challengeBody(clock: FakeClock, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Low-cost perovskite encapsulation',
    summary: 'Keep perovskite solar cells stable for 1000 hours of damp heat.',
    description: 'We need an encapsulation process that survives IEC 61215 damp heat.',
    fields: ['new-materials', 'energy'],
    keywords: ['perovskite', 'encapsulation'],
    type: 'prototype',
    reward: { amount: 200000, currency: 'CNY' },
    deadline: new Date(clock.now().getTime() + 30 * DAY).toISOString(),
    ipTerms: 'exclusive-license',
    ...overrides,
  };
}

/** A valid `POST /api/challenges/:id/bids` body; `tag` makes its texts unique so leaks can be searched for. */
export function bidBody(tag: string, overrides: Record<string, unknown> = {}) {
  return {
    summary: `Sealed proposal ${tag}: atomic-layer alumina barrier`,
    approach: `Approach ${tag}: ALD Al2O3 at 80 °C, then a parylene top coat, tested per IEC 61215.`,
    price: { amount: 150000, currency: 'CNY' },
    durationWeeks: 12,
    milestones: [{ title: `Milestone ${tag}`, weeks: 6, amount: 75000 }],
    references: [{ title: `Reference ${tag}`, authors: [{ given: 'Ada', family: 'Lovelace' }], year: 2024 }],
    ...overrides,
  };
}

/** Create a draft challenge as `owner`; returns its id. */
export async function createDraft(rt: TestRuntime, owner: Person, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await rt.call('POST', '/api/challenges', { token: owner.token, body: challengeBody(rt.clock, overrides) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** Create and publish a challenge as `owner`; returns its id. */
export async function publishChallenge(rt: TestRuntime, owner: Person, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await createDraft(rt, owner, overrides);
  const res = await rt.call('POST', `/api/challenges/${id}/publish`, { token: owner.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return id;
}

/** Submit a bid as `bidder`; returns the bid as the API answered it. */
export async function submitBid(rt: TestRuntime, bidder: Person, challengeId: string, tag: string, overrides: Record<string, unknown> = {}) {
  const res = await rt.call('POST', `/api/challenges/${challengeId}/bids`, { token: bidder.token, body: bidBody(tag, overrides) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; summary: string; approach: string; receipt: { sha256: string; receivedAt: string; revision: number } } & Record<string, any>;
}

/** The five kinds of caller the permission rules distinguish. */
export interface Cast {
  /** The enterprise that posts the challenges. */
  owner: Person;
  /** An enterprise that does not own them. */
  otherEnterprise: Person;
  /** The researcher whose bid is under test. */
  bidder: Person;
  /** Another researcher, a rival bidder on the same challenge. */
  rival: Person;
}

/** Register the cast: an owning enterprise, another enterprise, a bidder and a rival researcher. */
export async function registerCast(rt: TestRuntime): Promise<Cast> {
  const [owner, otherEnterprise, bidder, rival] = await Promise.all([
    register(rt, 'Sunrise Solar', ['enterprise']),
    register(rt, 'Other Corp', ['enterprise']),
    register(rt, 'Dr Bidder', ['researcher']),
    register(rt, 'Dr Rival', ['researcher']),
  ]);
  return { owner: owner!, otherEnterprise: otherEnterprise!, bidder: bidder!, rival: rival! };
}

export interface Market {
  challengeId: string;
  /** The bidder's bid. */
  bid: Awaited<ReturnType<typeof submitBid>>;
  /** The rival's bid on the same challenge. */
  rivalBid: Awaited<ReturnType<typeof submitBid>>;
}

/** A published challenge of `cast.owner` with a bid from the bidder and one from the rival. */
export async function openMarket(rt: TestRuntime, cast: Cast, tag = 'A'): Promise<Market> {
  const challengeId = await publishChallenge(rt, cast.owner);
  const bid = await submitBid(rt, cast.bidder, challengeId, `${tag}-bidder`);
  const rivalBid = await submitBid(rt, cast.rival, challengeId, `${tag}-rival`);
  return { challengeId, bid, rivalBid };
}

/** Every notification of `person`, newest first (all pages). */
export async function notificationsOf(rt: TestRuntime, person: Person): Promise<Array<Record<string, any>>> {
  const items: Array<Record<string, any>> = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: any } = await rt.call('GET', `/api/me/notifications?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token: person.token });
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

/** Asserts an answer is the API's error shape with `status` and a human message. */
export function expectError(res: { status: number; body: any }, status: number): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body, `status ${status} body`).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  expect(res.body.error.message.length).toBeGreaterThan(0);
}
