import { describe, expect, it } from 'vitest';
import { testRuntime, type TestRuntime } from '../../support/runtime.js';
import { expectError, notificationsOf, publishChallenge, registerCast, submitBid, type Person } from '../../support/scenario.js';

/** Close early and cancel with the owner's reason: the optional body, and the bidders' notifications carrying it. */

const post = (rt: TestRuntime, path: string, who: Person, body?: unknown) => rt.call('POST', path, { token: who.token, body });

async function openWithBid() {
  const rt = await testRuntime();
  const cast = await registerCast(rt);
  const id = await publishChallenge(rt, cast.owner);
  await submitBid(rt, cast.bidder, id, 'reason');
  return { rt, ...cast, id };
}

describe('close early with a reason', () => {
  it('tells each live bidder once, with the reason; savers who did not bid are not told', async () => {
    const { rt, owner, bidder, rival, id } = await openWithBid();
    expect((await rt.call('PUT', `/api/me/saved/${id}`, { token: rival.token })).status).toBeLessThan(300);
    const res = await post(rt, `/api/challenges/${id}/close`, owner, { reason: '  We found a supplier in-house.  ' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('closed');
    const told = (await notificationsOf(rt, bidder)).filter((n) => n.kind === 'closed');
    expect(told).toEqual([expect.objectContaining({ challengeId: id, reason: 'We found a supplier in-house.' })]);
    expect((await notificationsOf(rt, rival)).filter((n) => n.kind === 'closed')).toEqual([]);
  });

  it('stays compatible without a body: it closes and the bidders are told without a reason', async () => {
    const { rt, owner, bidder, id } = await openWithBid();
    expect((await post(rt, `/api/challenges/${id}/close`, owner)).status).toBe(200);
    const [told] = (await notificationsOf(rt, bidder)).filter((n) => n.kind === 'closed');
    expect(told).toBeDefined();
    expect(told!.reason ?? null).toBeNull();
  });

  it('refuses a reason over 1,000 characters or an unknown field, and changes nothing', async () => {
    const { rt, owner, id } = await openWithBid();
    expectError(await post(rt, `/api/challenges/${id}/close`, owner, { reason: 'x'.repeat(1001) }), 422);
    expectError(await post(rt, `/api/challenges/${id}/close`, owner, { why: 'typo' }), 422);
    expect((await rt.call('GET', `/api/challenges/${id}`)).body.status).toBe('open');
  });
});

describe('cancel with a reason', () => {
  it('the cancelled notification carries the reason, through the domain service as through the route', async () => {
    const { rt, owner, bidder, id } = await openWithBid();
    await rt.services.challenges.cancel(await rt.services.accounts.get(owner.id), id, { reason: 'The project lost its funding.' });
    expect((await notificationsOf(rt, bidder)).filter((n) => n.kind === 'cancelled')).toEqual([
      expect.objectContaining({ challengeId: id, reason: 'The project lost its funding.' }),
    ]);
  });

  it('the route takes the reason in its body', async () => {
    const { rt, owner, bidder, id } = await openWithBid();
    expect((await post(rt, `/api/challenges/${id}/cancel`, owner, { reason: 'Merged into another challenge.' })).status).toBe(200);
    expect((await notificationsOf(rt, bidder)).find((n) => n.kind === 'cancelled')).toMatchObject({ reason: 'Merged into another challenge.' });
  });

  it('the OpenAPI document shows the optional body on both', async () => {
    const { rt } = await openWithBid();
    const doc = (await rt.call('GET', '/openapi.json')).body;
    for (const verb of ['close', 'cancel']) {
      const body = doc.paths[`/api/challenges/{id}/${verb}`].post.requestBody;
      expect(body.required).toBe(false);
      expect(body.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ChallengeEndInput' });
    }
  });
});
