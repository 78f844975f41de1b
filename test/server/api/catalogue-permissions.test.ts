import { describe, expect, it } from 'vitest';
import { testRuntime, type TestRuntime } from '../../support/runtime.js';
import { createAchievement, listAchievement, sendEnquiry } from '../../support/catalogue.js';
import { publishChallenge, register, type Person } from '../../support/scenario.js';

/**
 * Who may do what on the catalogue's routes (PRODUCT.md §8), as the bid matrix does for §2: invisible
 * answers 404, visible but forbidden 403, no token 401. Enquiries are sealed like bids: the sender and the
 * achievement's owner see one, anybody else gets 404 and never its text.
 */

const CALLERS = ['anonymous', 'owner', 'sender', 'rival', 'stranger'] as const;
type Caller = (typeof CALLERS)[number];

/** What `:id` names: a listed achievement (with the sender's and the rival's enquiries), a draft, or nothing. */
type On = 'listed' | 'draft' | 'unknown' | '-';

interface Row {
  method: string;
  path: string;
  on: On;
  body?: (t: string) => unknown;
  expected: Record<Caller, number>;
}

const row = (method: string, path: string, on: On, expected: number[], body?: (t: string) => unknown): Row => ({
  method,
  path,
  on,
  ...(body ? { body } : {}),
  expected: Object.fromEntries(CALLERS.map((c, i) => [c, expected[i]!])) as Record<Caller, number>,
});

const enquiry = (t: string) => ({ message: `Matrix enquiry ${t} about licensing`, mode: 'joint-rd' });
const deal = () => ({ counterparty: 'Buyer Org', mode: 'joint-rd' });
const decline = () => ({ reason: 'price', note: 'too low' });

// owner: the researcher who lists; sender and rival: enterprises with an enquiry each on the listed one;
// stranger: a signed-in researcher with no relation. `:enquiry` is the sender's enquiry.
//                                                                               anon  owner sender rival stranger
const MATRIX: Row[] = [
  row('GET',  '/api/achievements',                      '-',       [200, 200, 200, 200, 200]),
  row('POST', '/api/achievements',                      '-',       [401, 201, 201, 201, 201], () => ({ title: 'Another achievement', summary: 'A summary long enough', modes: ['equity'], trl: 3, institution: 'Lab' })),
  row('GET',  '/api/achievements/:id',                  'listed',  [200, 200, 200, 200, 200]),
  row('GET',  '/api/achievements/:id',                  'draft',   [404, 200, 404, 404, 404]),
  row('GET',  '/api/achievements/:id',                  'unknown', [404, 404, 404, 404, 404]),
  row('PATCH','/api/achievements/:id',                  'listed',  [401, 200, 403, 403, 403], () => ({ trl: 6 })),
  row('PATCH','/api/achievements/:id',                  'draft',   [401, 200, 404, 404, 404], () => ({ trl: 6 })),
  row('POST', '/api/achievements/:id/publish',          'draft',   [401, 200, 404, 404, 404]),
  row('POST', '/api/achievements/:id/withdraw',         'listed',  [401, 200, 403, 403, 403]),
  row('GET',  '/api/achievements/:id/enquiries',        'listed',  [401, 200, 403, 403, 403]),
  row('GET',  '/api/achievements/:id/enquiries',        'draft',   [401, 200, 404, 404, 404]),
  row('POST', '/api/achievements/:id/enquiries',        'listed',  [401, 403, 409, 409, 403], enquiry),
  row('POST', '/api/achievements/:id/enquiries',        'draft',   [401, 403, 404, 404, 403], enquiry),
  row('GET',  '/api/achievements/:id/challenges',       'listed',  [401, 200, 403, 403, 403]),
  row('POST', '/api/achievements/:id/deal',             'listed',  [401, 201, 403, 403, 403], deal),
  row('POST', '/api/achievements/:id/deal',             'draft',   [401, 409, 404, 404, 404], deal),
  row('POST', '/api/enquiries/:enquiry/accept',         '-',       [401, 200, 403, 404, 404]),
  row('POST', '/api/enquiries/:enquiry/decline',        '-',       [401, 200, 403, 404, 404], decline),
  row('POST', '/api/enquiries/:enquiry/withdraw',       '-',       [401, 403, 200, 404, 404]),
  row('GET',  '/api/me/achievements',                   '-',       [401, 200, 200, 200, 200]),
  row('GET',  '/api/me/enquiries',                      '-',       [401, 200, 200, 200, 200]),
  row('GET',  '/api/deals',                             '-',       [200, 200, 200, 200, 200]),
  row('GET',  '/api/achievements/export',               '-',       [200, 200, 200, 200, 200]),
];

interface World {
  people: Record<Exclude<Caller, 'anonymous'>, Person>;
  listed: string;
  draft: string;
  enquiry: string;
  rivalEnquiry: string;
}

async function world(rt: TestRuntime): Promise<World> {
  const [owner, sender, rival, stranger] = await Promise.all([
    register(rt, 'Dr Owner', ['researcher']),
    register(rt, 'Sender Corp', ['enterprise']),
    register(rt, 'Rival Corp', ['enterprise']),
    register(rt, 'Dr Stranger', ['researcher']),
  ]);
  const listed = await listAchievement(rt, owner!);
  const draft = await createAchievement(rt, owner!, { title: 'A draft achievement' });
  const enquiry = await sendEnquiry(rt, sender!, listed, 'SECRET-SENDER');
  const rivalEnquiry = await sendEnquiry(rt, rival!, listed, 'SECRET-RIVAL');
  return { people: { owner: owner!, sender: sender!, rival: rival!, stranger: stranger! }, listed, draft, enquiry, rivalEnquiry };
}

describe('catalogue permission matrix', () => {
  for (const r of MATRIX) {
    it(`${r.method} ${r.path} on ${r.on}`, async () => {
      const rt = await testRuntime();
      const w = await world(rt);
      const id = r.on === 'listed' ? w.listed : r.on === 'draft' ? w.draft : 'ach_unknown000';
      const path = r.path.replace(':id', id).replace(':enquiry', w.enquiry);
      // The callers refused go first, so that the one allowed (publish, withdraw, accept…) changes nothing they meet.
      const order = [...CALLERS].sort((a, b) => Number(r.expected[a] < 300) - Number(r.expected[b] < 300));
      for (const caller of order) {
        const token = caller === 'anonymous' ? undefined : w.people[caller].token;
        const res = await rt.call(r.method, path, { token, ...(r.body ? { body: r.body(caller) } : {}) });
        expect(res.status, `${caller}: ${JSON.stringify(res.body)}`).toBe(r.expected[caller]);
      }
    });
  }
});

describe('enquiries are sealed', () => {
  it('nobody but the sender and the owner reads an enquiry, in any list or answer', async () => {
    const rt = await testRuntime();
    const w = await world(rt);
    const text = async (caller: Exclude<Caller, 'anonymous'> | 'anonymous') => {
      const token = caller === 'anonymous' ? undefined : w.people[caller].token;
      const answers = await Promise.all(
        [`/api/achievements/${w.listed}/enquiries`, '/api/me/enquiries', `/api/achievements/${w.listed}`, '/api/achievements', '/api/achievements/export', '/api/me/notifications'].map(
          (path) => rt.call('GET', path, { token }),
        ),
      );
      return answers.map((a) => JSON.stringify(a.body)).join('\n');
    };
    expect(await text('owner')).toContain('SECRET-SENDER');
    expect(await text('owner')).toContain('SECRET-RIVAL');
    expect(await text('sender')).toContain('SECRET-SENDER');
    expect(await text('sender')).not.toContain('SECRET-RIVAL');
    expect(await text('rival')).not.toContain('SECRET-SENDER');
    for (const outsider of ['stranger', 'anonymous'] as const) {
      const seen = await text(outsider);
      expect(seen).not.toContain('SECRET-SENDER');
      expect(seen).not.toContain('SECRET-RIVAL');
    }
  });

  it("contact details are exchanged only once the owner accepts", async () => {
    const rt = await testRuntime();
    const w = await world(rt);
    const before = await rt.call('GET', '/api/me/enquiries', { token: w.people.sender.token });
    expect(JSON.stringify(before.body)).not.toContain(w.people.owner.email);
    expect(before.body.items[0].contacts).toBeNull();
    const accepted = await rt.call('POST', `/api/enquiries/${w.enquiry}/accept`, { token: w.people.owner.token });
    expect(accepted.body.contacts.owner.email).toBe(w.people.owner.email);
    expect(accepted.body.contacts.sender.email).toBe(w.people.sender.email);
    const rivalView = await rt.call('GET', '/api/me/enquiries', { token: w.people.rival.token });
    expect(JSON.stringify(rivalView.body)).not.toContain(w.people.owner.email);
  });

  it("the solutions of a challenge are for its owner only", async () => {
    const rt = await testRuntime();
    const w = await world(rt);
    const challenge = await publishChallenge(rt, w.people.sender, { title: 'Seawater desalination membrane', keywords: ['desalination', 'membrane'] });
    const statuses = await Promise.all(
      (['anonymous', 'sender', 'rival', 'owner'] as const).map(async (caller) => {
        const token = caller === 'anonymous' ? undefined : w.people[caller].token;
        return (await rt.call('GET', `/api/challenges/${challenge}/solutions`, { token })).status;
      }),
    );
    expect(statuses).toEqual([401, 200, 403, 403]);
  });
});
