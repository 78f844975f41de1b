import { describe, expect, it, vi } from 'vitest';
import { TransactionConflictError } from '../../../server/domain/errors.js';
import { testRuntime } from '../../support/runtime.js';
import { expectError, register } from '../../support/scenario.js';

/**
 * What a client is told when its write loses to a concurrent one (issue 9): under PostgreSQL these
 * transactions run at once on separate connections, under lowdb one after another, and the answers are the
 * same. The races of bids and awards are in lifecycle.test.ts.
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
