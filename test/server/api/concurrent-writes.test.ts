import { describe, expect, it, vi } from 'vitest';
import { TransactionConflictError } from '../../../server/domain/errors.js';
import { testRuntime } from '../../support/runtime.js';
import { bidBody, expectError, publishChallenge, register } from '../../support/scenario.js';

/**
 * Writes that race each other keep the rules (issue 9): under PostgreSQL these transactions run at once
 * on separate connections, under lowdb one after another; the answers must be the same.
 */
describe('concurrent writes', () => {
  it('registers one account of many sent at once with the same email; the others are told it exists', async () => {
    const rt = await testRuntime();
    const body = { roles: ['researcher'], displayName: 'Twin', organization: 'Twin Org', email: 'twin@example.test', password: 'correct horse battery', locale: 'en' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => rt.call('POST', '/api/auth/register', { body })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.error.message).toMatch(/email exists/);
    expect(await rt.store.tables.accounts.where('email', 'twin@example.test')).toHaveLength(1);
  });

  it("keeps one live bid of a researcher's parallel bids on a challenge, and counts it once", async () => {
    const rt = await testRuntime();
    const [owner, researcher] = await Promise.all([register(rt, 'Owner', ['enterprise']), register(rt, 'Eager', ['researcher'])]);
    const challengeId = await publishChallenge(rt, owner);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => rt.call('POST', `/api/challenges/${challengeId}/bids`, { token: researcher.token, body: bidBody(`try-${i}`) })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await rt.store.tables.bids.where('bidderId', researcher.id)).toHaveLength(1);
    expect((await rt.store.tables.challenges.get(challengeId))?.counters.bids).toBe(1);
  });

  it('awards one bid of parallel awards on a challenge', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Owner', ['enterprise']);
    const bidders = await Promise.all([register(rt, 'A', ['researcher']), register(rt, 'B', ['researcher']), register(rt, 'C', ['researcher'])]);
    const challengeId = await publishChallenge(rt, owner);
    const bids = [];
    for (const bidder of bidders) {
      const res = await rt.call('POST', `/api/challenges/${challengeId}/bids`, { token: bidder.token, body: bidBody(bidder.displayName) });
      bids.push(res.body.id as string);
    }
    const answers = await Promise.all(bids.map((bidId) => rt.call('POST', `/api/challenges/${challengeId}/award`, { token: owner.token, body: { bidId } })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const stored = await rt.store.tables.bids.where('challengeId', challengeId);
    expect(stored.map((b) => b.status).sort()).toEqual(['awarded', 'rejected', 'rejected']);
  });

  it('answers 503 with Retry-After when a write kept losing to concurrent ones, and changes nothing', async () => {
    const rt = await testRuntime();
    const person = await register(rt, 'Person', ['researcher']);
    const transact = vi.spyOn(rt.store, 'transact').mockRejectedValue(new TransactionConflictError(20));
    const res = await rt.call('PATCH', '/api/me', { token: person.token, body: { bio: 'lost' } });
    transact.mockRestore();
    expectError(res, 503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await rt.store.tables.accounts.get(person.id))?.bio).toBe('');
  });
});
