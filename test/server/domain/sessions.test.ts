import { describe, expect, it } from 'vitest';
import { TOKEN_IDLE_TTL_MS } from '../../../server/domain/accounts.js';
import { DomainError } from '../../../server/domain/errors.js';
import { MINUTE } from '../../support/fake-clock.js';
import { testRuntime } from '../../support/runtime.js';
import { register } from '../../support/scenario.js';

describe('sessions (the account’s API tokens)', () => {
  it('lists the live sign-ins newest first with label and dates, never a secret, and revokes one by id', async () => {
    const rt = await testRuntime();
    const ada = await register(rt, 'Ada', ['researcher']);
    rt.clock.advance(MINUTE);
    const login = await rt.call('POST', '/api/auth/login', { body: { email: ada.email, password: 'correct horse battery', label: 'laptop' } });
    expect(login.status).toBe(200);
    const account = await rt.services.accounts.get(ada.id);

    const sessions = await rt.services.accounts.listSessions(account);
    expect(sessions.map((s) => s.label)).toEqual(['laptop', 'registration']);
    expect(Object.keys(sessions[0]!).sort()).toEqual(['createdAt', 'id', 'label', 'lastUsedAt']);
    expect(JSON.stringify(sessions)).not.toContain(login.body.token);

    await rt.services.accounts.revokeSession(account, sessions[0]!.id);
    expect((await rt.call('GET', '/api/me', { token: login.body.token })).status).toBe(401);
    expect((await rt.call('GET', '/api/me', { token: ada.token })).status).toBe(200);
    expect((await rt.services.accounts.listSessions(account)).map((s) => s.label)).toEqual(['registration']);
  });

  it('refuses a token that is already revoked or belongs to someone else, and leaves idle-expired ones out', async () => {
    const rt = await testRuntime();
    const ada = await register(rt, 'Ada', ['researcher']);
    const bob = await register(rt, 'Bob', ['researcher']);
    const adaAccount = await rt.services.accounts.get(ada.id);
    const bobAccount = await rt.services.accounts.get(bob.id);
    const [bobSession] = await rt.services.accounts.listSessions(bobAccount);
    const [adaSession] = await rt.services.accounts.listSessions(adaAccount);

    await expect(rt.services.accounts.revokeSession(adaAccount, bobSession!.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await rt.call('GET', '/api/me', { token: bob.token })).status).toBe(200);
    await rt.services.accounts.revokeSession(adaAccount, adaSession!.id);
    await expect(rt.services.accounts.revokeSession(adaAccount, adaSession!.id)).rejects.toBeInstanceOf(DomainError);

    rt.clock.advance(TOKEN_IDLE_TTL_MS + MINUTE);
    expect(await rt.services.accounts.listSessions(bobAccount)).toEqual([]);
  });
});
