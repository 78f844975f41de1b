import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testRuntime, type TestRuntime } from '../../support/runtime.js';
import { DAY } from '../../support/fake-clock.js';
import {
  bidBody,
  challengeBody,
  createDraft,
  expectError,
  openMarket,
  publishChallenge,
  register,
  registerCast,
  submitBid,
  type Cast,
  type Person,
} from '../../support/scenario.js';

/**
 * Malformed and hostile input, route by route: every one gets a JSON `{error: {code, message}}` with the
 * right status (400 bad JSON/cursor, 404 unknown id, 413 too big, 422 does not fit the schema) — and,
 * property-based, no input at all produces a 500.
 */

/** Everything a body route needs to be called by someone allowed to call it. */
interface BodyRoute {
  name: string;
  method: string;
  path: string;
  token?: string;
  /** A body the route accepts. */
  valid: Record<string, unknown>;
  /** True when every field is optional, so `{}` is a valid (empty) change. */
  allOptional?: boolean;
  /** False for the few schemas that ignore unknown keys instead of refusing them. */
  strict?: boolean;
}

interface Fixture {
  rt: TestRuntime;
  cast: Cast;
  researcher: Person;
  routes: BodyRoute[];
  ids: { open: string; draft: string; bid: string; question: string; paper: string; subscription: string };
}

async function buildFixture(rt: TestRuntime): Promise<Fixture> {
  const cast = await registerCast(rt);
  const researcher = await register(rt, 'Dr Fresh', ['researcher']);
  const { challengeId: open, bid } = await openMarket(rt, cast);
  const draft = await createDraft(rt, cast.owner);
  const question = (await rt.call('POST', `/api/challenges/${open}/questions`, { token: cast.rival.token, body: { text: 'What is the batch size?' } })).body.id;
  const paper = (await rt.call('POST', '/api/me/papers', { token: cast.bidder.token, body: { url: 'https://arxiv.org/abs/2401.00001', title: 'A paper' } })).body.id;
  const subscription = (await rt.call('POST', '/api/me/subscriptions', { token: cast.bidder.token, body: { keywords: 'perovskite' } })).body.id;
  const { owner, bidder } = cast;
  const routes: BodyRoute[] = [
    { name: 'register', method: 'POST', path: '/api/auth/register', valid: { roles: ['researcher'], displayName: 'New One', email: 'new.one@example.test', password: 'a long enough password' }, strict: false },
    { name: 'login', method: 'POST', path: '/api/auth/login', valid: { email: bidder.email, password: 'correct horse battery' }, strict: false },
    { name: 'exchange', method: 'POST', path: '/api/auth/exchange', valid: { code: 'ABCD2345' }, strict: false },
    { name: 'update me', method: 'PATCH', path: '/api/me', token: bidder.token, valid: { displayName: 'Dr B', keywords: ['glass'] }, allOptional: true },
    { name: 'create challenge', method: 'POST', path: '/api/challenges', token: owner.token, valid: challengeBody(rt.clock) },
    { name: 'edit open challenge', method: 'PATCH', path: `/api/challenges/${open}`, token: owner.token, valid: { title: 'A better title' }, allOptional: true },
    { name: 'edit draft', method: 'PATCH', path: `/api/challenges/${draft}`, token: owner.token, valid: { reward: { amount: 10, currency: 'USD' } }, allOptional: true },
    { name: 'award', method: 'POST', path: `/api/challenges/${open}/award`, token: owner.token, valid: { bidId: bid.id, note: 'Well done' } },
    { name: 'submit bid', method: 'POST', path: `/api/challenges/${open}/bids`, token: researcher.token, valid: bidBody('fresh') },
    { name: 'revise bid', method: 'PATCH', path: `/api/bids/${bid.id}`, token: bidder.token, valid: { summary: 'A revised summary text' }, allOptional: true },
    { name: 'reject bid', method: 'POST', path: `/api/bids/${bid.id}/reject`, token: owner.token, valid: { feedback: 'No' }, allOptional: true },
    { name: 'ask', method: 'POST', path: `/api/challenges/${open}/questions`, token: researcher.token, valid: { text: 'How many samples?' } },
    { name: 'answer', method: 'POST', path: `/api/questions/${question}/answer`, token: owner.token, valid: { answer: 'Twelve.' } },
    { name: 'clip paper', method: 'POST', path: '/api/me/papers', token: bidder.token, valid: { url: 'https://doi.org/10.1000/xyz', title: 'Clipped' } },
    { name: 'subscribe', method: 'POST', path: '/api/me/subscriptions', token: bidder.token, valid: { keywords: 'glass', fields: ['energy'], minReward: 1000 } },
    { name: 'edit subscription', method: 'PATCH', path: `/api/me/subscriptions/${subscription}`, token: bidder.token, valid: { active: false }, allOptional: true },
    { name: 'mark read', method: 'POST', path: '/api/me/notifications/read', token: owner.token, valid: { all: true } },
    { name: 'change password', method: 'POST', path: '/api/auth/password', token: researcher.token, valid: { currentPassword: 'correct horse battery', newPassword: 'violet kettle drum' } },
  ];
  return { rt, cast, researcher, routes, ids: { open, draft, bid: bid.id, question, paper, subscription } };
}

/** The statuses any request may legitimately get; a 500 or anything else fails. */
const SANE = new Set([200, 201, 400, 401, 403, 404, 409, 413, 422, 429]);

function expectSane(res: { status: number; body: any; headers: Headers }, what: string): void {
  expect(SANE.has(res.status), `${what} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`).toBe(true);
  expect(res.headers.get('content-type') ?? '', what).toMatch(/application\/json/);
  if (res.status >= 400) {
    expect(res.body, what).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(res.body.error.message.length, what).toBeGreaterThan(0);
  }
}

const call = (f: Fixture, route: BodyRoute, body: unknown, headers?: Record<string, string>) =>
  f.rt.call(route.method, route.path, { token: route.token, body, headers });

describe('malformed bodies, on every route that takes one', () => {
  it('bad JSON, wrong content type, non-objects and empty bodies get the right JSON error', async () => {
    const f = await buildFixture(await testRuntime());
    for (const route of f.routes) {
      const label = (what: string) => `${route.name}: ${what}`;
      for (const bad of ['{"title":', '{title: "x"}', "{'a':1}", '{"a":1}}', '', ' ', '\u0000', 'undefined', '{"a":1,}']) {
        const res = await call(f, route, bad);
        expectSane(res, label(`bad JSON ${JSON.stringify(bad)}`));
        expect(res.status, label(`bad JSON ${JSON.stringify(bad)}`)).toBe(400);
      }
      for (const contentType of ['', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
        const res = await call(f, route, JSON.stringify(route.valid), { 'content-type': contentType });
        expectSane(res, label(contentType));
        expect(res.status, label(contentType)).toBe(400);
        expect(res.body.error.message, label(contentType)).toMatch(/Content-Type: application\/json/);
      }
      for (const notAnObject of ['null', '[]', '[{}]', `[${JSON.stringify(route.valid)}]`, '"text"', '42', 'true', '-0', '1e999']) {
        const res = await call(f, route, notAnObject);
        expectSane(res, label(notAnObject));
        expect(res.status, label(notAnObject)).toBe(422);
      }
      // Tens of thousands of levels of nesting, just under the size limit: refused without a stack overflow.
      const deep = `${'['.repeat(60_000)}${']'.repeat(60_000)}`;
      for (const body of [deep, `{"fields":${deep},"milestones":${deep}}`]) {
        const res = await call(f, route, body);
        expectSane(res, label(`${body.slice(0, 12)}… nested`));
        expect(res.status, label('nested')).toBe(422);
      }
      // No body and no Content-Type: read as `{}`.
      const none = await f.rt.call(route.method, route.path, { token: route.token });
      expectSane(none, label('no body'));
      if (!route.allOptional) expect(none.status, label('no body')).toBe(422);
      const empty = await call(f, route, {});
      expectSane(empty, label('{}'));
      if (!route.allOptional) expect(empty.status, label('{}')).toBe(422);
    }
  });

  it('unknown fields are refused by strict schemas (never silently applied), and ignored by the auth ones', async () => {
    const f = await buildFixture(await testRuntime());
    for (const route of f.routes) {
      for (const extra of [{ isAdmin: true }, { status: 'awarded' }, { ownerId: f.cast.rival.id }, { id: 'chl_chosen' }, { bidderId: f.cast.rival.id }]) {
        const res = await call(f, route, { ...route.valid, ...extra });
        expectSane(res, `${route.name} + ${JSON.stringify(extra)}`);
        if (route.strict !== false) {
          expect(res.status, `${route.name} + ${JSON.stringify(extra)}`).toBe(422);
          expect(res.body.error.message).toMatch(/Unrecognized key/i);
        }
      }
    }
  });

  it('registering with server-owned fields (id, passwordHash, telegram, createdAt) sets none of them', async () => {
    const rt = await testRuntime();
    const res = await rt.call('POST', '/api/auth/register', {
      body: {
        roles: ['researcher'],
        displayName: 'Mallory',
        email: 'mallory@example.test',
        password: 'a long enough password',
        id: 'acc_chosen0000',
        passwordHash: 'scrypt$1$1$1$AAAA$AAAA',
        telegram: { userId: 1, chatId: 1, username: 'x', blocked: false },
        createdAt: '2000-01-01T00:00:00.000Z',
        orcid: '0000-0002-1825-0097',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.account.id).not.toBe('acc_chosen0000');
    expect(res.body.account).toMatchObject({ telegram: null, orcid: null, createdAt: rt.clock.now().toISOString() });
    expect(res.body.account).not.toHaveProperty('passwordHash');
    expect((await rt.call('POST', '/api/auth/login', { body: { email: 'mallory@example.test', password: 'a long enough password' } })).status).toBe(200);
  });

  it('prototype-pollution keys are refused or ignored, and pollute nothing', async () => {
    const f = await buildFixture(await testRuntime());
    const hostile = [
      '{"__proto__":{"polluted":"yes"}}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '{"prototype":{"polluted":"yes"}}',
    ];
    for (const route of f.routes) {
      for (const raw of hostile) {
        const merged = `${JSON.stringify(route.valid).slice(0, -1)},${raw.slice(1)}`;
        for (const body of [raw, merged]) {
          const res = await call(f, route, body);
          expectSane(res, `${route.name} ${body}`);
          if (route.strict !== false && body === merged) expect(res.status, `${route.name} ${body}`).toBe(422);
        }
      }
      // Nested, inside objects the schemas know.
      const nested = await call(f, route, { ...route.valid, reward: JSON.parse('{"amount":5,"__proto__":{"polluted":"yes"}}') });
      expectSane(nested, `${route.name} nested __proto__`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const me = await f.rt.call('GET', '/api/me', { token: f.cast.bidder.token });
    expect(me.body).not.toHaveProperty('polluted');
  });
});

describe('hostile values, field by field', () => {
  const long = (n: number) => 'x'.repeat(n);
  // [route name, body change, the issue path the error names]
  const CASES: Array<[string, Record<string, unknown>, string]> = [
    ['create challenge', { title: long(161) }, 'title'],
    ['create challenge', { title: '  ab  ' }, 'title'],
    ['create challenge', { title: 42 }, 'title'],
    ['create challenge', { summary: ['an', 'array'] }, 'summary'],
    ['create challenge', { description: long(20001) }, 'description'],
    ['create challenge', { reward: { amount: -1, currency: 'CNY' } }, 'reward.amount'],
    ['create challenge', { reward: { amount: 100.005, currency: 'CNY' } }, 'reward.amount'],
    ['create challenge', { reward: { amount: 1e-7, currency: 'CNY' } }, 'reward.amount'],
    ['create challenge', { reward: { amount: 1e13, currency: 'CNY' } }, 'reward.amount'],
    ['create challenge', { reward: { amount: '100', currency: 'CNY' } }, 'reward.amount'],
    ['create challenge', { reward: { amount: 100, currency: 'yuan' } }, 'reward.currency'],
    ['create challenge', { reward: [100, 'CNY'] }, 'reward'],
    ['create challenge', { reward: 100 }, 'reward'],
    ['create challenge', { type: 'hackathon' }, 'type'],
    ['create challenge', { ipTerms: 'public-domain' }, 'ipTerms'],
    ['create challenge', { fields: ['quantum-woo'] }, 'fields.0'],
    ['create challenge', { fields: [] }, 'fields'],
    ['create challenge', { fields: 'energy' }, 'fields'],
    ['create challenge', { keywords: 'one,two' }, 'keywords'],
    ['create challenge', { keywords: Array.from({ length: 31 }, (_, i) => `k${i}`) }, 'keywords'],
    ['create challenge', { deadline: 'next Tuesday' }, 'deadline'],
    ['create challenge', { deadline: 1_800_000_000_000 }, 'deadline'],
    ['create challenge', { deadline: '2026-13-45T00:00:00Z' }, 'deadline'],
    ['create challenge', { deadline: '2026-10-01T00:00:00Z' }, 'deadline'],
    ['create challenge', { deadline: '2040-01-01T00:00:00Z' }, 'deadline'],
    ['create challenge', { deadline: '9999-12-31T23:00:00-05:00' }, 'deadline'],
    ['create challenge', { reward: { amount: 5e-324, currency: 'CNY' } }, 'reward.amount'],
    ['create challenge', { reward: { amount: 0, currency: 'CNY' } }, 'reward.amount'],
    ['create challenge', { title: '\u200b\u200b\u200b\u200b' }, 'title'],
    ['create challenge', { summary: `${'\u200c'.repeat(10)}\ufeff` }, 'summary'],
    ['create challenge', { keywords: ['fine', '\u2061\u2062'] }, 'keywords.1'],
    ['edit draft', { deadline: '2040-01-01T00:00:00Z' }, 'deadline'],
    ['edit draft', { reward: { amount: 0.001, currency: 'CNY' } }, 'reward.amount'],
    ['edit open challenge', { reward: { amount: -5, currency: 'CNY' } }, 'reward.amount'],
    ['edit open challenge', { title: null }, 'title'],
    ['edit draft', { fields: ['energy', 'nope'] }, 'fields.1'],
    ['award', { bidId: 42 }, 'bidId'],
    ['award', { bidId: long(65) }, 'bidId'],
    ['award', { note: long(2001) }, 'note'],
    ['award', { note: null }, 'note'],
    ['submit bid', { price: { amount: -0.01, currency: 'CNY' } }, 'price.amount'],
    ['submit bid', { price: { amount: 10.123, currency: 'CNY' } }, 'price.amount'],
    ['submit bid', { price: { amount: 5e-324 } }, 'price.amount'],
    ['submit bid', { summary: '\u200b'.repeat(20) }, 'summary'],
    ['submit bid', { milestones: [{ title: 'm', weeks: 1, amount: 0 }] }, 'milestones.0.amount'],
    ['submit bid', { milestones: [{ title: '\u2060', weeks: 1 }] }, 'milestones.0.title'],
    ['submit bid', { durationWeeks: 0 }, 'durationWeeks'],
    ['submit bid', { durationWeeks: 2.5 }, 'durationWeeks'],
    ['submit bid', { durationWeeks: '12' }, 'durationWeeks'],
    ['submit bid', { summary: 'too short' }, 'summary'],
    ['submit bid', { approach: long(20001) }, 'approach'],
    ['submit bid', { milestones: Array.from({ length: 21 }, () => ({ title: 'm', weeks: 1 })) }, 'milestones'],
    ['submit bid', { milestones: [{ title: 'm', weeks: 0 }] }, 'milestones.0.weeks'],
    ['submit bid', { milestones: { title: 'm', weeks: 1 } }, 'milestones'],
    ['submit bid', { references: [{}] }, 'references.0.title'],
    ['submit bid', { references: [{ title: 'r', year: 99999 }] }, 'references.0.year'],
    ['submit bid', { paperIds: 'ppr_1' }, 'paperIds'],
    ['submit bid', { paperIds: ['ppr_notmine00'] }, 'paperIds'],
    ['revise bid', { price: { amount: 5.555 } }, 'price.amount'],
    ['revise bid', { status: 'awarded' }, '(body)'],
    ['reject bid', { feedback: long(2001) }, 'feedback'],
    ['reject bid', { feedback: 3 }, 'feedback'],
    ['ask', { text: 'hm?' }, 'text'],
    ['ask', { text: '\u200b'.repeat(8) }, 'text'],
    ['ask', { text: long(2001) }, 'text'],
    ['answer', { answer: '   ' }, 'answer'],
    ['answer', { answer: long(5001) }, 'answer'],
    ['clip paper', { url: 'javascript:alert(1)' }, 'url'],
    ['clip paper', { url: 'ftp://example.org/paper.pdf' }, 'url'],
    ['clip paper', { year: 3000 }, 'year'],
    ['clip paper', { authors: 'Curie, M.' }, 'authors'],
    ['clip paper', { authors: [{ given: 'M', family: long(201) }] }, 'authors.0.family'],
    ['subscribe', { keywords: '', fields: [] }, 'keywords'],
    ['subscribe', { minReward: -1 }, 'minReward'],
    ['subscribe', { keywords: '\u200b\u200d', fields: [] }, 'keywords'],
    ['subscribe', { fields: ['nope'] }, 'fields.0'],
    ['edit subscription', { active: 'yes' }, 'active'],
    ['mark read', { ids: [] }, '(body)'],
    ['mark read', { all: false }, '(body)'],
    ['mark read', { ids: ['ntf_1'], all: true }, '(body)'],
    ['register', { password: 'short' }, 'password'],
    ['register', { password: ' '.repeat(12) }, 'password'],
    ['register', { password: 'aaaaaaaaaaaa' }, 'password'],
    ['register', { password: 'password123' }, 'password'],
    ['register', { displayName: '\u200b\u200b' }, 'displayName'],
    ['register', { keywords: ['\u180e'] }, 'keywords.0'],
    ['register', { email: 'not-an-email' }, 'email'],
    ['register', { roles: [] }, 'roles'],
    ['register', { roles: ['admin'] }, 'roles.0'],
    ['register', { locale: 'fr' }, 'locale'],
    ['register', { displayName: long(81) }, 'displayName'],
    ['update me', { orcid: '1234' }, 'orcid'],
    ['update me', { displayName: '\ufeff\u200d' }, 'displayName'],
    ['update me', { organization: '\u2800' }, 'organization'],
    ['update me', { roles: ['enterprise', 'admin'] }, 'roles.1'],
    ['update me', { email: 'x@example.test' }, '(body)'],
    ['login', { email: 42 }, 'email'],
    ['change password', { newPassword: 'short' }, 'newPassword'],
    ['change password', { newPassword: '\u3000'.repeat(10) }, 'newPassword'],
    ['change password', { newPassword: '1111111111' }, 'newPassword'],
    ['change password', { newPassword: 'qwertyuiop' }, 'newPassword'],
    ['change password', { newPassword: 'correct horse battery' }, 'newPassword'],
    ['change password', { currentPassword: 'not the password' }, 'currentPassword'],
  ];

  it('each is a 422 naming the field, and changes nothing', async () => {
    const f = await buildFixture(await testRuntime());
    const before = JSON.stringify(await f.rt.call('GET', `/api/challenges/${f.ids.open}`, { token: f.cast.owner.token }));
    for (const [name, change, path] of CASES) {
      const route = f.routes.find((r) => r.name === name)!;
      const res = await call(f, route, { ...route.valid, ...change });
      const what = `${name} ${JSON.stringify(change).slice(0, 80)}`;
      expectError(res, 422);
      expect(res.body.error.details?.issues?.map((i: { path: string }) => i.path) ?? [res.body.error.details?.path], what).toContain(path);
    }
    expect(JSON.stringify(await f.rt.call('GET', `/api/challenges/${f.ids.open}`, { token: f.cast.owner.token }))).toBe(before);
  });

  it('a body that fits none of the shapes a route takes says which shapes it takes', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    for (const body of [{}, { all: false }, { ids: ['ntf_1'], all: true }, { read: 'everything' }]) {
      const res = await rt.call('POST', '/api/me/notifications/read', { token: owner.token, body });
      expectError(res, 422);
      expect(res.body.error.message, JSON.stringify(body)).toMatch(/"ids".*"all": true/);
    }
  });

  it('lower-case currencies and padded texts are normalized, not refused', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    const res = await rt.call('POST', '/api/challenges', { token: owner.token, body: challengeBody(rt.clock, { title: '  Padded title  ', reward: { amount: 99.5, currency: 'usd' } }) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Padded title', reward: { amount: 99.5, currency: 'USD' } });
  });

  it('unicode of every kind round-trips exactly: Chinese, emoji, RTL, combining marks, zero-width, lone surrogates', async () => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const texts = [
      '钙钛矿太阳能电池封装 — 湿热老化1000小时',
      'Emoji 🧪🔬👩🏽‍🔬 and flags 🇨🇳🇪🇺',
      'مرحبا بالعالم mixed with English',
      'Zalgo z̷̢̛a̸l̵g̶o and e\u0301 vs é',
      'Zero\u200bwidth\u200djoiner\ufeffBOM',
      'Lone \ud800 surrogate \udfff halves',
    ];
    for (const title of texts) {
      const res = await rt.call('POST', '/api/challenges', { token: owner.token, body: challengeBody(rt.clock, { title, summary: `${title} — summary`, keywords: [title.slice(0, 20)] }) });
      expect(res.status, title).toBe(201);
      expect(res.body.title).toBe(title);
      const read = await rt.call('GET', `/api/challenges/${res.body.id}`, { token: owner.token });
      expect(read.body.title).toBe(title);
      expect(read.body.summary).toBe(`${title} — summary`);
    }
    const open = await rt.call('POST', '/api/challenges', { token: owner.token, body: challengeBody(rt.clock) });
    await rt.call('POST', `/api/challenges/${open.body.id}/publish`, { token: owner.token });
    const bid = await rt.call('POST', `/api/challenges/${open.body.id}/bids`, { token: bidder.token, body: bidBody('unicode', { summary: texts.join(' | ') }) });
    expect(bid.status).toBe(201);
    expect(bid.body.summary).toBe(texts.join(' | '));
    const search = await rt.call('GET', `/api/challenges?q=${encodeURIComponent('钙钛矿')}&owner=me&status=draft`, { token: owner.token });
    expect(search.status).toBe(200);
  });
});

describe('every value the API returns is accepted when sent back', () => {
  /** The fields of `value` named in `keys`: what a client edits and sends back. */
  const pick = (value: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, value[k]]));
  const CHALLENGE_FIELDS = ['title', 'summary', 'description', 'fields', 'keywords', 'type', 'reward', 'deadline', 'ipTerms'] as const;
  const BID_FIELDS = ['summary', 'approach', 'price', 'durationWeeks', 'milestones', 'references'] as const;
  const ACCOUNT_FIELDS = ['displayName', 'organization', 'roles', 'locale', 'fields', 'keywords', 'orcid', 'bio'] as const;
  const SUBSCRIPTION_FIELDS = ['keywords', 'fields', 'minReward', 'active'] as const;

  /** GETs `path`, PATCHes the `keys` of the answer back to `patchPath`, and expects them unchanged. */
  async function sendBack(rt: TestRuntime, token: string, path: string, keys: readonly string[], patchPath = path, itemOf = (body: any) => body) {
    const got = itemOf((await rt.call('GET', path, { token })).body);
    const sent = pick(got, keys);
    const res = await rt.call('PATCH', patchPath, { token, body: sent });
    expect(res.status, `${patchPath} ${JSON.stringify(res.body)}`).toBe(200);
    expect(pick(res.body, keys)).toEqual(sent);
    return got;
  }

  it('a challenge, as a draft, open with bids, and as a draft whose deadline passed', async () => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const odd = challengeBody(rt.clock, {
      title: '\u200bZero\u200bwidth inside, padded ',
      summary: '  钙钛矿封装 with 🧪 and ❤️ and a flag 🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}',
      description: '',
      keywords: [' glass ', '\u200b', '电池', 'glass', '\u200dZWJ\u200d'],
      reward: { amount: 0.1 + 0.2, currency: 'usd' },
      deadline: new Date(rt.clock.now().getTime() + 5 * 365 * DAY).toISOString(),
    });
    const id = (await rt.call('POST', '/api/challenges', { token: owner.token, body: odd })).body.id;
    const draft = await sendBack(rt, owner.token, `/api/challenges/${id}`, CHALLENGE_FIELDS);
    expect(draft).toMatchObject({ title: 'Zero\u200bwidth inside, padded', keywords: ['glass', '电池', 'ZWJ'], reward: { amount: 0.3, currency: 'USD' } });

    expect((await rt.call('POST', `/api/challenges/${id}/publish`, { token: owner.token })).status).toBe(200);
    await rt.call('POST', `/api/challenges/${id}/bids`, { token: bidder.token, body: bidBody('round-trip') });
    await sendBack(rt, owner.token, `/api/challenges/${id}`, CHALLENGE_FIELDS);

    const lapsed = await createDraft(rt, owner, { deadline: new Date(rt.clock.now().getTime() + DAY).toISOString() });
    rt.clock.advance(2 * DAY);
    await sendBack(rt, owner.token, `/api/challenges/${lapsed}`, CHALLENGE_FIELDS);
  });

  it('a bid, its references from a clip and typed in alike', async () => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const id = await publishChallenge(rt, owner);
    const paper = (await rt.call('POST', '/api/me/papers', { token: bidder.token, body: { url: 'https://arxiv.org/abs/2401.00001', title: ' A clipped paper ', year: 2024 } })).body.id;
    const bid = await submitBid(rt, bidder, id, 'round-trip', {
      price: { amount: 1.1 * 3, currency: 'eur' },
      milestones: [{ title: ' First \u200b', weeks: 2, amount: 0.07 }, { title: 'Second', weeks: 4 }],
      paperIds: [paper],
      references: [{ title: 'Typed', authors: [{ given: 'Ada', family: 'Lovelace' }], doi: ' 10.1000/xyz ', url: 'https://example.org/x' }],
    });
    expect(bid.price).toEqual({ amount: 3.3, currency: 'EUR' });
    expect(bid.references.map((r: { paperId: string | null }) => r.paperId)).toEqual([paper, null]);
    const got = (await rt.call('GET', `/api/bids/${bid.id}`, { token: bidder.token })).body;
    const res = await rt.call('PATCH', `/api/bids/${bid.id}`, { token: bidder.token, body: pick(got, BID_FIELDS) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const withoutClipIds = (refs: Array<Record<string, unknown>>) => refs.map(({ paperId: _, ...ref }) => ref);
    expect(pick(res.body, BID_FIELDS)).toEqual({ ...pick(got, BID_FIELDS), references: expect.anything() });
    expect(withoutClipIds(res.body.references)).toEqual(withoutClipIds(got.references));
  });

  it('an account, one made in Telegram with an invisible name too, and a subscription', async () => {
    const rt = await testRuntime();
    const person = await register(rt, 'Person', ['researcher']);
    const patched = await rt.call('PATCH', '/api/me', {
      token: person.token,
      body: { displayName: ' \u200b王博士\u200b ', organization: '', keywords: ['\u200b', 'perovskite', '大模型'], fields: ['ai', 'ai'], orcid: '0000-0002-1825-009X', bio: 'Line one\nLine two 👩🏽‍🔬' },
    });
    expect(patched.body).toMatchObject({ displayName: '王博士', keywords: ['perovskite', '大模型'], fields: ['ai'] });
    await sendBack(rt, person.token, '/api/me', ACCOUNT_FIELDS);

    const tg = await rt.services.accounts.registerTelegram({ userId: 5, chatId: 5, username: null }, { displayName: '\u200b\u2060', roles: ['researcher'], locale: 'zh' });
    expect(tg.displayName).toBe('Telegram user');
    const { code } = await rt.services.accounts.createExchangeCode(tg);
    const tgToken = (await rt.call('POST', '/api/auth/exchange', { body: { code } })).body.token;
    await sendBack(rt, tgToken, '/api/me', ACCOUNT_FIELDS);

    const sub = await rt.call('POST', '/api/me/subscriptions', { token: person.token, body: { keywords: ' 电池 \u200b glass ', fields: ['energy'], minReward: 0.1 + 0.2 } });
    expect(sub.status, JSON.stringify(sub.body)).toBe(201);
    await sendBack(rt, person.token, '/api/me/subscriptions', SUBSCRIPTION_FIELDS, `/api/me/subscriptions/${sub.body.id}`, (body) => body.items[0]);
  });
});

describe('markup in texts', () => {
  it('is stored as typed and escaped on the public board, never run', async () => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const created = await rt.call('POST', '/api/challenges', { token: owner.token, body: challengeBody(rt.clock, { title: `Title ${evil}`, summary: `Summary ${evil}`, description: evil }) });
    expect(created.status).toBe(201);
    expect(created.body.title).toBe(`Title ${evil}`);
    const id = created.body.id;
    await rt.call('POST', `/api/challenges/${id}/publish`, { token: owner.token });
    const asked = await rt.call('POST', `/api/challenges/${id}/questions`, { token: bidder.token, body: { text: `Question ${evil}` } });
    await rt.call('POST', `/api/questions/${asked.body.id}/answer`, { token: owner.token, body: { answer: `Answer ${evil}` } });
    for (const path of ['/', `/challenges/${id}`, `/?q=${encodeURIComponent(evil)}`]) {
      const page = await rt.app.request(path);
      const html = await page.text();
      expect(html, path).not.toContain('<script>alert');
      expect(html, path).not.toContain('<img src=x');
    }
    const page = await (await rt.app.request(`/challenges/${id}`)).text();
    expect(page).toContain('&lt;script&gt;');
  });
});

describe('hostile queries and ids', () => {
  it('bad cursors are 400 on every list; bad limits, filters and sorts are 422', async () => {
    const f = await buildFixture(await testRuntime());
    const { owner, bidder } = f.cast;
    const lists: Array<[string, string | undefined]> = [
      ['/api/challenges', undefined],
      ['/api/challenges?owner=me', owner.token],
      [`/api/challenges/${f.ids.open}/bids`, owner.token],
      [`/api/challenges/${f.ids.open}/questions`, undefined],
      ['/api/me/bids', bidder.token],
      ['/api/awards', undefined],
      ['/api/me/saved', bidder.token],
      ['/api/me/papers', bidder.token],
      ['/api/me/subscriptions', bidder.token],
      ['/api/me/notifications', owner.token],
    ];
    const enc = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
    for (const [path, token] of lists) {
      const sep = path.includes('?') ? '&' : '?';
      for (const cursor of ['garbage', enc('key:'), enc('offset:-1'), enc('offset:1e3'), enc('nonsense:1'), '%00', enc('offset:'.padEnd(150, '9'))]) {
        const res = await f.rt.call('GET', `${path}${sep}cursor=${encodeURIComponent(cursor)}`, { token });
        // A cursor of the other kind than the list uses is as bad as garbage; one it could have given is fine.
        expect([200, 400], `${path} cursor=${cursor}`).toContain(res.status);
        if (res.status === 400) expectError(res, 400);
      }
      const garbage = await f.rt.call('GET', `${path}${sep}cursor=garbage`, { token });
      expectError(garbage, 400);
      expect(garbage.body.error.message).toMatch(/cursor/);
      for (const limit of ['0', '101', '-1', 'abc', '1.5', '']) {
        const res = await f.rt.call('GET', `${path}${sep}limit=${limit}`, { token });
        if (limit === '') continue;
        expectError(res, 422);
      }
      const cursor = f.rt.call('GET', `${path}${sep}cursor=${'c'.repeat(201)}`, { token });
      expectError(await cursor, 422);
    }
    for (const query of ['status=drafty', 'sort=random', 'field=energy,nope', 'minReward=-1', 'minReward=abc', `q=${'w'.repeat(201)}`, 'owner=you']) {
      expectError(await f.rt.call('GET', `/api/challenges?${query}`), 422);
    }
    expectError(await f.rt.call('GET', '/api/me/notifications?unread=maybe', { token: owner.token }), 422);
  });

  it('unknown ids are 404 on every route that takes one, for a caller who may use it', async () => {
    const f = await buildFixture(await testRuntime());
    const { owner, bidder } = f.cast;
    const nope = 'xyz_doesnotexist';
    const routes: Array<[string, string, string, unknown?]> = [
      ['GET', `/api/challenges/${nope}`, owner.token],
      ['PATCH', `/api/challenges/${nope}`, owner.token, { title: 'Whatever title' }],
      ['POST', `/api/challenges/${nope}/publish`, owner.token],
      ['POST', `/api/challenges/${nope}/close`, owner.token],
      ['POST', `/api/challenges/${nope}/cancel`, owner.token],
      ['POST', `/api/challenges/${nope}/award`, owner.token, { bidId: f.ids.bid }],
      ['POST', `/api/challenges/${f.ids.open}/award`, owner.token, { bidId: nope }],
      ['GET', `/api/challenges/${nope}/bids`, owner.token],
      ['POST', `/api/challenges/${nope}/bids`, f.researcher.token, bidBody('nope')],
      ['GET', `/api/challenges/${nope}/questions`, bidder.token],
      ['POST', `/api/challenges/${nope}/questions`, bidder.token, { text: 'Anybody there?' }],
      ['POST', `/api/questions/${nope}/answer`, owner.token, { answer: 'Nobody.' }],
      ['GET', `/api/bids/${nope}`, bidder.token],
      ['PATCH', `/api/bids/${nope}`, bidder.token, { summary: 'A revised summary text' }],
      ['POST', `/api/bids/${nope}/withdraw`, bidder.token],
      ['POST', `/api/bids/${nope}/shortlist`, owner.token],
      ['POST', `/api/bids/${nope}/reject`, owner.token, { feedback: '' }],
      ['PUT', `/api/me/saved/${nope}`, bidder.token],
      ['DELETE', `/api/me/papers/${nope}`, bidder.token],
      ['PATCH', `/api/me/subscriptions/${nope}`, bidder.token, { active: false }],
      ['DELETE', `/api/me/subscriptions/${nope}`, bidder.token],
      // Somebody else's paper and subscription are as unknown as missing ones.
      ['DELETE', `/api/me/papers/${f.ids.paper}`, owner.token],
      ['PATCH', `/api/me/subscriptions/${f.ids.subscription}`, owner.token, { active: false }],
      ['DELETE', `/api/me/subscriptions/${f.ids.subscription}`, owner.token],
      ['GET', `/api/challenges/${encodeURIComponent('../../etc/passwd')}`, owner.token],
      ['GET', `/api/challenges/${encodeURIComponent('chl_\u0000')}`, owner.token],
      ['GET', `/api/bids/%`, bidder.token],
    ];
    for (const [method, path, token, body] of routes) {
      const res = await f.rt.call(method, path, { token, body });
      expect(res.status, `${method} ${path} ${JSON.stringify(res.body)}`).toBe(404);
      expectError(res, 404);
    }
    // Unsaving what was never saved is not an error: there is nothing to undo.
    expect((await f.rt.call('DELETE', `/api/me/saved/${nope}`, { token: bidder.token })).body).toEqual({ deleted: false });
    // An id longer than any the server issues is malformed, not unknown.
    expectError(await f.rt.call('GET', `/api/challenges/${'c'.repeat(65)}`), 422);
  });

  it('unknown routes and methods are JSON 404s', async () => {
    const rt = await testRuntime();
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['GET', '/api/challenges/x/y/z'],
      ['DELETE', '/api/challenges'],
      ['PUT', '/api/bids/bid_1'],
      ['POST', '/api/me'],
      ['GET', '/api'],
      ['GET', '/api/'],
    ] as const) {
      const res = await rt.call(method, path);
      expectError(res, 404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
    }
  });
});

describe('property-based: no input produces a 500', () => {
  // TENDERLAB_FUZZ_RUNS raises the run count for a deeper hunt; the default keeps the suite quick.
  const RUNS = Number(process.env.TENDERLAB_FUZZ_RUNS ?? 100);
  const TIMEOUT = Math.max(60_000, RUNS * 200);

  it('arbitrary JSON values as the body of every body route', async () => {
    const f = await buildFixture(await testRuntime());
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...f.routes), fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), async (route, value) => {
        expectSane(await call(f, route, JSON.stringify(value)), `${route.name} ${JSON.stringify(value).slice(0, 200)}`);
      }),
      { numRuns: RUNS * 2 },
    );
  }, TIMEOUT);

  it('arbitrary strings as the raw body', async () => {
    const f = await buildFixture(await testRuntime());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...f.routes),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), fc.json()),
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/octet-stream'),
        async (route, raw, contentType) => {
          expectSane(await call(f, route, raw, { 'content-type': contentType }), `${route.name} ${contentType} ${JSON.stringify(raw).slice(0, 200)}`);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  }, TIMEOUT);

  it('a valid body with one field (or a nested one) replaced by anything', async () => {
    const f = await buildFixture(await testRuntime());
    const anything = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(null, '', ' ', -1, 0, 1e308, -1e-308, 0.001, 2 ** 53, 'NaN', '__proto__', [], {}, [null], { __proto__: null }, '2026-11-01T09:00:00Z', 'bid_x', 'ppr_x'),
    );
    const mutation = fc.record({
      route: fc.constantFrom(...f.routes),
      key: fc.oneof(fc.constantFrom('title', 'summary', 'reward', 'price', 'deadline', 'fields', 'milestones', 'references', 'paperIds', 'bidId', 'note', 'ids', 'all', 'roles', 'email', 'url', 'authors', 'keywords', 'minReward', 'active', 'feedback', 'text', 'answer', 'code', 'password'), fc.string({ maxLength: 12 })),
      nested: fc.option(fc.constantFrom('amount', 'currency', '0', 'title', 'given'), { nil: undefined }),
      value: anything,
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ route, key, nested, value }) => {
        const body: Record<string, unknown> = structuredClone(route.valid);
        // Own properties only: a generated key such as "__proto__" must land in the JSON, not on Object.prototype.
        const own = Object.hasOwn(body, key) ? body[key] : undefined;
        if (nested && own && typeof own === 'object') Object.defineProperty(own, nested, { value, enumerable: true, writable: true, configurable: true });
        else Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
        expectSane(await call(f, route, JSON.stringify(body)), `${route.name} ${JSON.stringify(body).slice(0, 300)}`);
      }),
      { numRuns: RUNS * 3 },
    );
  }, TIMEOUT);

  it('arbitrary paths and query strings under /api', async () => {
    const f = await buildFixture(await testRuntime());
    const segment = fc.oneof(
      fc.constantFrom('challenges', 'bids', 'me', 'saved', 'papers', 'questions', 'answer', 'award', 'publish', 'notifications', 'read', f.ids.open, f.ids.bid, f.ids.draft, '%', '%00', '.', ''),
      fc.string({ unit: 'grapheme-ascii', maxLength: 10 }).map(encodeURIComponent),
    );
    const query = fc.array(
      fc.tuple(fc.constantFrom('q', 'cursor', 'limit', 'status', 'field', 'minReward', 'sort', 'owner', 'unread', 'x'), fc.string({ maxLength: 20 })),
      { maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PATCH', 'PUT', 'DELETE'),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        query,
        fc.constantFrom(undefined, f.cast.owner.token, f.cast.bidder.token),
        async (method, segments, params, token) => {
          const qs = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
          const path = `/api/${segments.join('/')}${qs ? `?${qs}` : ''}`;
          expectSane(await f.rt.call(method, path, { token }), `${method} ${path}`);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  }, TIMEOUT);
});

describe('the edge: size limit, auth rate limit, CORS, headers', () => {
  it('an oversize body is a JSON 413, whether announced by Content-Length or streamed', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    const big = JSON.stringify(challengeBody(rt.clock, { description: 'x'.repeat(300 * 1024) }));
    const announced = await rt.call('POST', '/api/challenges', { token: owner.token, body: big });
    expectError(announced, 413);
    expect(announced.body.error.code).toBe('payload_too_large');

    const chunk = new TextEncoder().encode('x'.repeat(1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 300; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await rt.app.request('/api/challenges', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: { code: 'payload_too_large', message: expect.any(String) } });
    // Nothing was created.
    expect((await rt.call('GET', '/api/challenges?owner=me', { token: owner.token })).body.items).toEqual([]);
  });

  it('auth routes are rate limited per client: a JSON 429 with Retry-After, lifted when the window passes', async () => {
    const rt = await testRuntime({ authRateLimit: 3 });
    const attempt = () => rt.call('POST', '/api/auth/login', { body: { email: 'who@example.test', password: 'wrong password' } });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expectError(limited, 429);
    expect(limited.body.error.code).toBe('rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Registration counts against the same limit; public reads do not.
    expectError(await rt.call('POST', '/api/auth/register', { body: { roles: ['researcher'], displayName: 'X', email: 'x@example.test', password: 'a long enough password' } }), 429);
    expect((await rt.call('GET', '/api/challenges')).status).toBe(200);

    rt.clock.advance(retryAfter * 1000);
    expect((await attempt()).status).toBe(401);
  });

  it('behind a trusted proxy the limit keys on the right-most X-Forwarded-For entry: rotating what the client writes gets a 429 all the same', async () => {
    const rt = await testRuntime({ authRateLimit: 3, trustProxy: 1 });
    const attempt = (forwardedFor: string) =>
      rt.call('POST', '/api/auth/login', { body: { email: 'who@example.test', password: 'wrong password' }, headers: { 'x-forwarded-for': forwardedFor } });
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) statuses.push((await attempt(`198.51.100.${i}, 203.0.113.7`)).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(new Set(statuses.slice(3))).toEqual(new Set([429]));
    // Another client behind the same proxy has a budget of its own.
    expect((await attempt('198.51.100.1, 203.0.113.8')).status).toBe(401);
  });

  it('behind two trusted proxies the client is two hops from the right', async () => {
    const rt = await testRuntime({ authRateLimit: 2, trustProxy: 2 });
    const attempt = (forwardedFor: string) =>
      rt.call('POST', '/api/auth/login', { body: { email: 'who@example.test', password: 'wrong password' }, headers: { 'x-forwarded-for': forwardedFor } });
    // The edge proxy appends the client (203.0.113.7), the inner one appends the edge proxy (10.0.0.1).
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt(`spoof-${i}, 203.0.113.7, 10.0.0.1`)).status);
    expect(statuses).toEqual([401, 401, 429, 429]);
    expect((await attempt('203.0.113.9, 10.0.0.1')).status).toBe(401);
  });

  it('CORS admits browser-extension origins, not web pages, and never credentials', async () => {
    const rt = await testRuntime();
    const preflight = (origin: string) =>
      rt.call('OPTIONS', '/api/me/papers', { headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0f4a5b6c-1234-4abc-9def-0123456789ab']) {
      const res = await preflight(origin);
      expect(res.status).toBeLessThan(300);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/authorization/);
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      const get = await rt.call('GET', '/api/challenges', { headers: { origin } });
      expect(get.headers.get('access-control-allow-origin')).toBe(origin);
      expect(get.headers.get('access-control-allow-credentials')).toBeNull();
    }
    for (const origin of ['https://evil.example', 'http://localhost:3000', 'null', 'chrome-extension://abc.evil.example', 'https://chrome-extension.evil.example']) {
      const res = await preflight(origin);
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      const get = await rt.call('GET', '/api/challenges', { headers: { origin } });
      expect(get.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
    // No cookies, ever.
    const registered = await rt.call('POST', '/api/auth/register', { body: { roles: ['researcher'], displayName: 'C', email: 'c@example.test', password: 'a long enough password' } });
    expect(registered.headers.get('set-cookie')).toBeNull();
  });

  it('secure headers are on API answers, errors included', async () => {
    const rt = await testRuntime();
    for (const [method, path] of [['GET', '/api/challenges'], ['GET', '/api/nope'], ['GET', '/healthz'], ['POST', '/api/challenges']] as const) {
      const res = await rt.call(method, path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBeTruthy();
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-powered-by'), path).toBeNull();
    }
  });
});
