import { afterEach, describe, expect, it, vi } from 'vitest';
import { TOKEN_IDLE_TTL_MS, TOKEN_TOUCH_MS } from '../../../server/domain/accounts.js';
import type { TokenRow } from '../../../server/store/rows.js';
import { StoreUnavailableError } from '../../../server/store/store.js';
import { DAY, MINUTE } from '../../support/fake-clock.js';
import { testRuntime, type TestRuntime } from '../../support/runtime.js';
import { expectError, register, type Person } from '../../support/scenario.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The person's token row as stored. */
async function tokenRow(rt: TestRuntime, person: Person) {
  const rows = await rt.store.tables.tokens.where('accountId', person.id);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/**
 * Settles once a commit records a token's use: the write a request sets off without waiting for it (under
 * PostgreSQL an empty transaction would not wait for it). Call it before that request.
 */
function nextTokenUse(rt: TestRuntime): Promise<void> {
  return new Promise((resolve) => {
    const stop = rt.store.onCommit((changes) => {
      const used = changes.some(
        (c) => c.table === 'tokens' && c.after && (c.after as TokenRow).lastUsedAt !== (c.before as TokenRow | null)?.lastUsedAt,
      );
      if (!used) return;
      stop();
      resolve();
    });
  });
}

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

describe('passwords', () => {
  const registerWith = (rt: TestRuntime, password: string) =>
    rt.call('POST', '/api/auth/register', { body: { roles: ['researcher'], displayName: 'P', email: 'p@example.test', password } });

  it('are refused, with the rule named, when short, blank, one repeated character or common', async () => {
    const rt = await testRuntime();
    const cases: Array<[string, RegExp]> = [
      ['short pw', /at least 10 characters/],
      [' '.repeat(10), /not be only spaces/],
      ['\u200b'.repeat(12), /not be only spaces or invisible/],
      ['aaaaaaaaaa', /one character repeated/],
      ['AaAaAaAaAaAa', /one character repeated/],
      ['password123', /most common passwords/],
      ['Password1234', /most common passwords/],
      ['qwertyuiop', /most common passwords/],
      ['1234567890', /most common passwords/],
    ];
    for (const [password, rule] of cases) {
      const res = await registerWith(rt, password);
      expectError(res, 422);
      expect(res.body.error.message, password).toMatch(rule);
      expect(res.body.error.details.issues.map((i: { path: string }) => i.path), password).toEqual(['password']);
    }
    expect((await rt.store.tables.accounts.count())).toBe(0);
    expect((await registerWith(rt, 'violet kettle drum')).status).toBe(201);
  });

  it('are changed given the current one; every other token is revoked, this one kept', async () => {
    const rt = await testRuntime();
    const person = await register(rt, 'Person', ['researcher']);
    const other = (await rt.call('POST', '/api/auth/login', { body: { email: person.email, password: 'correct horse battery' } })).body.token;
    const change = (body: unknown, token = person.token) => rt.call('POST', '/api/auth/password', { token, body });

    const wrong = await change({ currentPassword: 'not my password', newPassword: 'violet kettle drum' });
    expectError(wrong, 422);
    expect(wrong.body.error.details.issues).toEqual([{ path: 'currentPassword', message: 'is not the current password' }]);
    const common = await change({ currentPassword: 'correct horse battery', newPassword: 'iloveyou12' });
    expectError(common, 422);
    expect(common.body.error.details.issues[0].path).toBe('newPassword');
    expectError(await change({ currentPassword: 'correct horse battery', newPassword: 'correct horse battery' }), 422);
    expectError(await change({ currentPassword: 'correct horse battery', newPassword: 'zzzzzzzzzzzz' }), 422);
    expectError(await change({ currentPassword: 'correct horse battery', newPassword: 'violet kettle drum' }, 'not-a-real-token-000'), 401);
    expect((await rt.call('GET', '/api/me', { token: other })).status).toBe(200);

    const changed = await change({ currentPassword: 'correct horse battery', newPassword: 'violet kettle drum' });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ changed: true });
    expect((await rt.call('GET', '/api/me', { token: person.token })).status).toBe(200);
    expectError(await rt.call('GET', '/api/me', { token: other }), 401);
    expectError(await rt.call('POST', '/api/auth/login', { body: { email: person.email, password: 'correct horse battery' } }), 401);
    expect((await rt.call('POST', '/api/auth/login', { body: { email: person.email, password: 'violet kettle drum' } })).status).toBe(200);
  });

  it('cannot be changed on an account made in Telegram, which has none', async () => {
    const rt = await testRuntime();
    const tg = await rt.services.accounts.registerTelegram({ userId: 9, chatId: 9, username: null }, { displayName: 'Lab', roles: ['researcher'], locale: 'en' });
    const { code } = await rt.services.accounts.createExchangeCode(tg);
    const token = (await rt.call('POST', '/api/auth/exchange', { body: { code } })).body.token;
    const res = await rt.call('POST', '/api/auth/password', { token, body: { currentPassword: 'anything at all', newPassword: 'violet kettle drum' } });
    expectError(res, 409);
  });
});

describe('tokens', () => {
  it('sign out everywhere revokes every token of the account, this one included, and no one else\'s', async () => {
    const rt = await testRuntime();
    const person = await register(rt, 'Person', ['researcher']);
    const bystander = await register(rt, 'Bystander', ['researcher']);
    const other = (await rt.call('POST', '/api/auth/login', { body: { email: person.email, password: 'correct horse battery' } })).body.token;
    const res = await rt.call('POST', '/api/auth/logout-all', { token: other });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ revoked: true });
    expectError(await rt.call('GET', '/api/me', { token: person.token }), 401);
    expectError(await rt.call('GET', '/api/me', { token: other }), 401);
    expect((await rt.call('GET', '/api/me', { token: bystander.token })).status).toBe(200);
    expectError(await rt.call('POST', '/api/auth/logout-all'), 401);
  });

  it('expire after 90 days unused, and every use starts the 90 days again', async () => {
    const rt = await testRuntime();
    const person = await register(rt, 'Person', ['researcher']);
    for (let i = 0; i < 3; i++) {
      rt.clock.advance(TOKEN_IDLE_TTL_MS - DAY);
      const used = nextTokenUse(rt);
      expect((await rt.call('GET', '/api/me', { token: person.token })).status).toBe(200);
      await used;
    }
    rt.clock.advance(TOKEN_IDLE_TTL_MS + MINUTE);
    const expired = await rt.call('GET', '/api/me', { token: person.token });
    expectError(expired, 401);
    expect(expired.body.error.message).toMatch(/expired/);

    const idle = await register(rt, 'Idle', ['researcher']);
    rt.clock.advance(TOKEN_IDLE_TTL_MS + MINUTE);
    expectError(await rt.call('GET', '/api/me', { token: idle.token }), 401);
  });

  it('record their use at most once per interval, however many requests arrive at once', async () => {
    const rt = await testRuntime();
    const person = await register(rt, 'Person', ['researcher']);
    const transact = vi.spyOn(rt.store, 'transact');
    const burst = () => Promise.all(Array.from({ length: 20 }, () => rt.call('GET', '/api/me', { token: person.token })));

    // Within the first interval the creation time stands for the last use: nothing to write.
    expect((await burst()).map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(transact).toHaveBeenCalledTimes(0);

    rt.clock.advance(TOKEN_TOUCH_MS);
    const used = nextTokenUse(rt);
    await burst();
    expect(transact).toHaveBeenCalledTimes(1);
    await used;
    expect((await tokenRow(rt, person)).lastUsedAt).toBe(rt.clock.now().toISOString());

    rt.clock.advance(TOKEN_TOUCH_MS - MINUTE);
    await burst();
    expect(transact).toHaveBeenCalledTimes(1);
    rt.clock.advance(MINUTE);
    await burst();
    expect(transact).toHaveBeenCalledTimes(2);
  });

  it('never fail a read when the store cannot write: the use is recorded later, once it can', async () => {
    const rt = await testRuntime();
    const person = await register(rt, 'Person', ['researcher']);
    rt.clock.advance(TOKEN_TOUCH_MS);
    const failing = vi.spyOn(rt.store, 'transact').mockImplementation(() => {
      throw new StoreUnavailableError('ENOSPC: no space left on device');
    });
    expect((await rt.call('GET', '/api/me', { token: person.token })).status).toBe(200);
    failing.mockImplementation(() => Promise.reject(new StoreUnavailableError('EROFS: read-only file system')));
    rt.clock.advance(TOKEN_TOUCH_MS);
    expect((await rt.call('GET', '/api/me', { token: person.token })).status).toBe(200);
    expect((await rt.call('GET', '/api/me/bids', { token: person.token })).status).toBe(200);
    // A write still says it cannot save.
    expectError(await rt.call('PATCH', '/api/me', { token: person.token, body: { bio: 'x' } }), 503);
    expect(failing).toHaveBeenCalledTimes(3);
    expect((await tokenRow(rt, person)).lastUsedAt).toBeNull();

    failing.mockRestore();
    rt.clock.advance(TOKEN_TOUCH_MS);
    const used = nextTokenUse(rt);
    expect((await rt.call('GET', '/api/me', { token: person.token })).status).toBe(200);
    await used;
    expect((await tokenRow(rt, person)).lastUsedAt).toBe(rt.clock.now().toISOString());
  });
});
