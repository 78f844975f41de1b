import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../support/fake-clock.js';
import { testRuntime } from '../../support/runtime.js';
import { expectError, register } from '../../support/scenario.js';

describe('accounts', () => {
  it('signs in with the password, not with a wrong one, and logout revokes only that token', async () => {
    const rt = await testRuntime();
    const person = await register(rt, 'Person', ['researcher']);
    expectError(await rt.call('POST', '/api/auth/login', { body: { email: person.email, password: 'wrong password!!' } }), 401);
    expectError(await rt.call('POST', '/api/auth/login', { body: { email: 'nobody@example.test', password: 'whatever123' } }), 401);
    const login = await rt.call('POST', '/api/auth/login', { body: { email: person.email.toUpperCase(), password: 'correct horse battery' } });
    expect(login.status).toBe(200);
    expect(login.body.account).not.toHaveProperty('passwordHash');

    expect((await rt.call('POST', '/api/auth/logout', { token: login.body.token })).status).toBe(200);
    expectError(await rt.call('GET', '/api/me', { token: login.body.token }), 401);
    expect((await rt.call('GET', '/api/me', { token: person.token })).status).toBe(200);
  });

  it('refuses a second account on one email', async () => {
    const rt = await testRuntime();
    const person = await register(rt, 'Person', ['researcher']);
    const again = await rt.call('POST', '/api/auth/register', {
      body: { roles: ['enterprise'], displayName: 'Copy', email: person.email, password: 'another password' },
    });
    expectError(again, 409);
  });

  it('updates the profile with validation', async () => {
    const rt = await testRuntime();
    const person = await register(rt, 'Person', ['researcher']);
    const patched = await rt.call('PATCH', '/api/me', {
      token: person.token,
      body: { roles: ['researcher', 'enterprise'], locale: 'zh', fields: ['ai'], keywords: ['大模型'], orcid: '0000-0002-1825-0097' },
    });
    expect(patched.body).toMatchObject({ roles: ['researcher', 'enterprise'], locale: 'zh', fields: ['ai'], keywords: ['大模型'], orcid: '0000-0002-1825-0097' });
    expectError(await rt.call('PATCH', '/api/me', { token: person.token, body: { roles: [] } }), 422);
    expectError(await rt.call('PATCH', '/api/me', { token: person.token, body: { orcid: '1234' } }), 422);
    expectError(await rt.call('PATCH', '/api/me', { token: person.token, body: { passwordHash: 'x' } }), 422);
  });
});

describe('one-time codes', () => {
  it('links a Telegram chat with a link code once, within ten minutes', async () => {
    const rt = await testRuntime();
    const person = await register(rt, 'Person', ['researcher']);
    const code = await rt.call('POST', '/api/auth/link-code', { token: person.token });
    expect(code.status).toBe(201);
    expect(code.body.code).toMatch(/^[2-9A-Z]{8}$/);
    expect(Date.parse(code.body.expiresAt) - rt.clock.now().getTime()).toBe(10 * MINUTE);

    const identity = { userId: 42, chatId: 42, username: 'person' };
    const linked = await rt.services.accounts.linkTelegram(code.body.code.toLowerCase(), identity);
    expect(linked.telegram).toEqual({ ...identity, blocked: false });
    await expect(rt.services.accounts.linkTelegram(code.body.code, identity)).rejects.toThrow(/not valid/);

    const late = await rt.call('POST', '/api/auth/link-code', { token: person.token });
    rt.clock.advance(10 * MINUTE + 1);
    await expect(rt.services.accounts.linkTelegram(late.body.code, identity)).rejects.toThrow(/not valid/);
  });

  it('exchanges a code from the bot for a token once, and not a link code', async () => {
    const rt = await testRuntime();
    const tg = await rt.services.accounts.registerTelegram({ userId: 7, chatId: 7, username: null }, { displayName: 'Lab', roles: ['researcher'], locale: 'zh' });
    const { code } = await rt.services.accounts.createExchangeCode(tg);
    const exchanged = await rt.call('POST', '/api/auth/exchange', { body: { code } });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.account.id).toBe(tg.id);
    expect((await rt.call('GET', '/api/me', { token: exchanged.body.token })).body.telegram.userId).toBe(7);
    expectError(await rt.call('POST', '/api/auth/exchange', { body: { code } }), 422);

    const link = await rt.services.accounts.createLinkCode(tg);
    expectError(await rt.call('POST', '/api/auth/exchange', { body: { code: link.code } }), 422);
  });

  it('limits how many live codes one account can hold', async () => {
    const rt = await testRuntime();
    const person = await register(rt, 'Person', ['researcher']);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await rt.call('POST', '/api/auth/link-code', { token: person.token })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    rt.clock.advance(11 * MINUTE);
    expect((await rt.call('POST', '/api/auth/link-code', { token: person.token })).status).toBe(201);
  });
});
