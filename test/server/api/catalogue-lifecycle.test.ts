import { describe, expect, it } from 'vitest';
import { DAY } from '../../support/fake-clock.js';
import { testRuntime, type TestRuntime } from '../../support/runtime.js';
import { achievementBody, createAchievement, listAchievement, sendEnquiry } from '../../support/catalogue.js';
import { expectError, notificationsOf, publishChallenge, register, submitBid, type Person } from '../../support/scenario.js';

/**
 * The achievement, enquiry and deal lifecycles of PRODUCT.md §8 through the HTTP API on a fake clock:
 * legal steps, refused ones (409), the notifications each step records for both sides, and a deal's
 * objection period ending in a transfer or a contest.
 */

const post = (rt: TestRuntime, path: string, who: Person, body?: unknown) => rt.call('POST', path, { token: who.token, body });
const get = (rt: TestRuntime, path: string, who?: Person) => rt.call('GET', path, { token: who?.token });

async function people(rt: TestRuntime) {
  const [lab, buyer, public_] = await Promise.all([
    register(rt, 'Dr Lab', ['researcher']),
    register(rt, 'Buyer Corp', ['enterprise']),
    register(rt, 'Watchdog', ['researcher']),
  ]);
  return { lab: lab!, buyer: buyer!, watchdog: public_! };
}

describe('achievement lifecycle', () => {
  it('draft → listed → withdrawn, and nothing else from withdrawn', async () => {
    const rt = await testRuntime();
    const { lab } = await people(rt);
    const id = await createAchievement(rt, lab);
    expect((await get(rt, `/api/achievements/${id}`, lab)).body).toMatchObject({ status: 'draft', listedAt: null });
    rt.clock.advance(DAY);
    const listed = await post(rt, `/api/achievements/${id}/publish`, lab);
    expect(listed.body).toMatchObject({ status: 'listed', listedAt: rt.clock.now().toISOString() });
    expectError(await post(rt, `/api/achievements/${id}/publish`, lab), 409);
    expect((await post(rt, `/api/achievements/${id}/withdraw`, lab)).body.status).toBe('withdrawn');
    expectError(await rt.call('PATCH', `/api/achievements/${id}`, { token: lab.token, body: { trl: 7 } }), 409);
    expectError(await post(rt, `/api/achievements/${id}/deal`, lab, { counterparty: 'X', mode: 'joint-rd' }), 409);
    const list = await get(rt, '/api/achievements');
    expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
  });

  it('validates patent numbers in CN, US, EP and WO formats and normalizes them', async () => {
    const rt = await testRuntime();
    const { lab } = await people(rt);
    const ok = await rt.call('POST', '/api/achievements', {
      token: lab.token,
      body: achievementBody({ patents: ['cn 114000000 b', 'CN202110123456.7', 'US 10,123,456 B2', 'US20200123456A1', 'EP3456789A1', 'WO2020/123456'] }),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.patents).toEqual(['CN114000000B', 'CN202110123456.7', 'US10123456B2', 'US20200123456A1', 'EP3456789A1', 'WO2020123456']);
    for (const bad of ['JP2020123456A', 'CN12', 'patent pending', 'EP123']) {
      expectError(await rt.call('POST', '/api/achievements', { token: lab.token, body: achievementBody({ patents: [bad] }) }), 422);
    }
    expectError(await rt.call('POST', '/api/achievements', { token: lab.token, body: achievementBody({ modes: [] }) }), 422);
    expectError(await rt.call('POST', '/api/achievements', { token: lab.token, body: achievementBody({ trl: 10 }) }), 422);
    expectError(await rt.call('POST', '/api/achievements', { token: lab.token, body: achievementBody({ patents: [] }) }), 422);
  });

  it("cites the owner's clipped papers, never another's", async () => {
    const rt = await testRuntime();
    const { lab, watchdog } = await people(rt);
    const paper = await rt.call('POST', '/api/me/papers', { token: lab.token, body: { url: 'https://example.org/go-membrane', title: 'Graphene oxide membranes for desalination' } });
    expect(paper.status, JSON.stringify(paper.body)).toBe(201);
    const id = await createAchievement(rt, lab, { paperIds: [paper.body.id] });
    expect((await get(rt, `/api/achievements/${id}`, lab)).body.references[0]).toMatchObject({ paperId: paper.body.id, title: 'Graphene oxide membranes for desalination' });
    expectError(await rt.call('POST', '/api/achievements', { token: watchdog.token, body: achievementBody({ paperIds: [paper.body.id] }) }), 422);
  });

  it('lists with q (English or Chinese), field, mode and a minimum TRL', async () => {
    const rt = await testRuntime();
    const { lab } = await people(rt);
    const membrane = await listAchievement(rt, lab);
    const battery = await listAchievement(rt, lab, { title: '固态锂电池电解质', summary: '一种用于固态锂电池的硫化物电解质，室温离子电导率高', description: '', fields: ['new-energy-vehicles'], keywords: ['固态电池'], trl: 3, modes: ['equity'], ipStatus: 'none', patents: [] });
    const ids = async (query: string) => (await get(rt, `/api/achievements?${query}`)).body.items.map((a: { id: string }) => a.id);
    expect(await ids(`q=${encodeURIComponent('石墨烯 海水淡化')}`)).toEqual([membrane]);
    expect(await ids('q=graphene')).toEqual([membrane]);
    expect(await ids(`q=${encodeURIComponent('固态电池')}`)).toEqual([battery]);
    expect(await ids('field=new-energy-vehicles')).toEqual([battery]);
    expect(await ids('mode=joint-rd')).toEqual([membrane]);
    expect(await ids('trl=4')).toEqual([membrane]);
    expect((await ids('limit=1')).length).toBe(1);
  });
});

describe('enquiry lifecycle', () => {
  it('sent → declined with feedback; both sides are notified at every step', async () => {
    const rt = await testRuntime();
    const { lab, buyer } = await people(rt);
    const id = await listAchievement(rt, lab);
    const enquiry = await sendEnquiry(rt, buyer, id, 'A');
    expect((await notificationsOf(rt, lab)).map((n) => [n.kind, n.achievementId, n.enquiryId])).toEqual([['enquiry-received', id, enquiry]]);
    expectError(await post(rt, `/api/achievements/${id}/enquiries`, buyer, { message: 'A second open enquiry', mode: 'equity' }), 409);
    expectError(await post(rt, `/api/enquiries/${enquiry}/decline`, lab, { reason: 'because', note: '' }), 422);
    const declined = await post(rt, `/api/enquiries/${enquiry}/decline`, lab, { reason: 'too-early', note: 'Come back after the pilot' });
    expect(declined.body).toMatchObject({ status: 'declined', feedback: { reason: 'too-early', note: 'Come back after the pilot' }, contacts: null });
    expect((await notificationsOf(rt, buyer)).map((n) => [n.kind, n.bidStatus])).toEqual([['enquiry-status', 'declined']]);
    expectError(await post(rt, `/api/enquiries/${enquiry}/accept`, lab), 409);
    expectError(await post(rt, `/api/enquiries/${enquiry}/withdraw`, buyer), 409);
  });

  it('sent → withdrawn by the sender, and the owner is told', async () => {
    const rt = await testRuntime();
    const { lab, buyer } = await people(rt);
    const id = await listAchievement(rt, lab);
    const enquiry = await sendEnquiry(rt, buyer, id, 'B');
    rt.clock.advance(1000);
    expect((await post(rt, `/api/enquiries/${enquiry}/withdraw`, buyer)).body.status).toBe('withdrawn');
    expect((await notificationsOf(rt, lab)).map((n) => [n.kind, n.bidStatus ?? null])).toEqual([
      ['enquiry-status', 'withdrawn'],
      ['enquiry-received', null],
    ]);
    // A new enquiry is possible once the earlier one is closed.
    await sendEnquiry(rt, buyer, id, 'C');
  });

  it('withdrawing the achievement declines the enquiries still open and tells their senders; answered ones stay', async () => {
    const rt = await testRuntime();
    const { lab, buyer } = await people(rt);
    const other = await register(rt, 'Second Buyer', ['enterprise']);
    const id = await listAchievement(rt, lab);
    const open = await sendEnquiry(rt, buyer, id, 'D');
    const accepted = await sendEnquiry(rt, other!, id, 'E');
    await post(rt, `/api/enquiries/${accepted}/accept`, lab);
    rt.clock.advance(1000);
    expect((await post(rt, `/api/achievements/${id}/withdraw`, lab)).body.status).toBe('withdrawn');
    const sentBy = async (who: Person) => (await get(rt, '/api/me/enquiries', who)).body.items as { id: string; status: string }[];
    expect(await sentBy(buyer)).toEqual([
      expect.objectContaining({ id: open, status: 'declined', feedback: { reason: 'other', note: 'The owner withdrew this achievement from the catalogue.' } }),
    ]);
    expect(await sentBy(other!)).toEqual([expect.objectContaining({ id: accepted, status: 'accepted' })]);
    expect((await notificationsOf(rt, buyer)).map((n) => [n.kind, n.bidStatus])).toEqual([['enquiry-status', 'declined']]);
  });

  it('only enterprises enquire, and only about listed achievements', async () => {
    const rt = await testRuntime();
    const { lab, buyer, watchdog } = await people(rt);
    const listed = await listAchievement(rt, lab);
    expectError(await post(rt, `/api/achievements/${listed}/enquiries`, watchdog, { message: 'Researcher asking here', mode: 'equity' }), 403);
    await post(rt, `/api/achievements/${listed}/withdraw`, lab);
    expectError(await post(rt, `/api/achievements/${listed}/enquiries`, buyer, { message: 'Too late for this one', mode: 'equity' }), 409);
  });
});

describe('deal lifecycle (公示)', () => {
  it('an unopposed deal transfers the achievement when its 15-day period ends', async () => {
    const rt = await testRuntime();
    const { lab } = await people(rt);
    const id = await listAchievement(rt, lab);
    const deal = await post(rt, `/api/achievements/${id}/deal`, lab, { counterparty: 'Buyer Org', mode: 'exclusive-license', price: { amount: 650000, currency: 'CNY' } });
    expect(deal.status, JSON.stringify(deal.body)).toBe(201);
    expect(deal.body).toMatchObject({ status: 'announced', objectionCount: 0, objectionUntil: new Date(rt.clock.now().getTime() + 15 * DAY).toISOString() });
    expectError(await post(rt, `/api/achievements/${id}/deal`, lab, { counterparty: 'Someone else', mode: 'equity' }), 409);
    expectError(await post(rt, `/api/achievements/${id}/withdraw`, lab), 409);

    rt.clock.advance(15 * DAY - 1);
    expect(await rt.services.deals.settleExpired()).toBe(0);
    rt.clock.advance(1);
    expect((await get(rt, `/api/deals/${deal.body.id}`)).body.status).toBe('transferred');
    expect(await rt.services.deals.settleExpired()).toBe(1);
    expect((await get(rt, `/api/achievements/${id}`)).body.status).toBe('transferred');
    expect((await notificationsOf(rt, lab)).map((n) => n.kind)).toEqual(['deal-transferred']);
  });

  it('an objection keeps the deal contested until the owner answers it; the public sees only the count', async () => {
    const rt = await testRuntime();
    const { lab, buyer, watchdog } = await people(rt);
    const id = await listAchievement(rt, lab);
    expectError(await post(rt, `/api/achievements/${id}/deal`, lab, { counterparty: 'Buyer Org', mode: 'joint-rd', objectionDays: 31 }), 422);
    const deal = (await post(rt, `/api/achievements/${id}/deal`, lab, { counterparty: 'Buyer Org', mode: 'joint-rd', objectionDays: 5 })).body;
    expectError(await post(rt, `/api/deals/${deal.id}/objections`, lab, { reason: 'I object to my own deal' }), 403);
    expectError(await rt.call('POST', `/api/deals/${deal.id}/objections`, { body: { reason: 'Anonymous objection text' } }), 401);
    const objected = await post(rt, `/api/deals/${deal.id}/objections`, watchdog, { reason: 'PRIVATE-REASON: the patent belongs to our lab' });
    expect(objected.status, JSON.stringify(objected.body)).toBe(201);
    const objectionId = objected.body.objections[0].id;
    expect((await notificationsOf(rt, lab)).map((n) => [n.kind, n.dealId])).toEqual([['deal-objection', deal.id]]);

    const publicView = await get(rt, `/api/deals/${deal.id}`);
    expect(publicView.body).toMatchObject({ objectionCount: 1, unresolvedObjections: 1 });
    expect(JSON.stringify(publicView.body)).not.toContain('PRIVATE-REASON');
    expect(JSON.stringify((await get(rt, '/api/deals', buyer)).body)).not.toContain('PRIVATE-REASON');
    expect((await get(rt, `/api/deals/${deal.id}`, lab)).body.objections[0].reason).toContain('PRIVATE-REASON');

    rt.clock.advance(5 * DAY);
    expectError(await post(rt, `/api/deals/${deal.id}/objections`, buyer, { reason: 'A late objection, after the period' }), 409);
    await rt.services.deals.settleExpired();
    expect((await get(rt, `/api/deals/${deal.id}`)).body.status).toBe('contested');
    expect((await get(rt, `/api/achievements/${id}`)).body.status).toBe('listed');

    expectError(await post(rt, `/api/deals/${deal.id}/objections/${objectionId}/answer`, watchdog, { answer: 'I answer myself' }), 403);
    expectError(await post(rt, `/api/deals/${deal.id}/objections/${objectionId}/answer`, buyer, { answer: 'Not mine to answer' }), 404);
    const answered = await post(rt, `/api/deals/${deal.id}/objections/${objectionId}/answer`, lab, { answer: 'The assignment record is attached.' });
    expect(answered.body).toMatchObject({ status: 'transferred', unresolvedObjections: 0 });
    expect((await get(rt, `/api/achievements/${id}`)).body.status).toBe('transferred');
    expect((await notificationsOf(rt, watchdog)).map((n) => n.kind)).toEqual(['objection-answer']);
  });

  it('an award may be announced as a deal with its own objection period', async () => {
    const rt = await testRuntime();
    const { lab, buyer } = await people(rt);
    const challenge = await publishChallenge(rt, buyer);
    const bid = await submitBid(rt, lab, challenge, 'award');
    const awarded = await post(rt, `/api/challenges/${challenge}/award`, buyer, { bidId: bid.id, note: 'Well done', announce: { objectionDays: 10 } });
    expect(awarded.status, JSON.stringify(awarded.body)).toBe(200);
    const deals = (await get(rt, '/api/deals')).body.items;
    expect(deals).toEqual([
      expect.objectContaining({ subject: 'challenge', challengeId: challenge, counterparty: 'Dr Lab Org', price: { amount: 150000, currency: 'CNY' }, status: 'announced', objectionUntil: new Date(rt.clock.now().getTime() + 10 * DAY).toISOString() }),
    ]);
    rt.clock.advance(10 * DAY);
    await rt.services.deals.settleExpired();
    expect((await get(rt, '/api/deals?status=transferred')).body.items.map((d: { challengeId: string }) => d.challengeId)).toEqual([challenge]);
  });
});

describe('export', () => {
  it('streams every listed achievement as NDJSON, across internal pages, and no draft', async () => {
    const rt = await testRuntime();
    const { lab } = await people(rt);
    const listed: string[] = [];
    // More than one internal page of 200 would be slow to build here; the page walk is what matters, so a
    // few rows through the same walk plus a draft that must stay out.
    for (let i = 0; i < 3; i++) listed.push(await listAchievement(rt, lab, { title: `Listed achievement ${i}` }));
    const draft = await createAchievement(rt, lab, { title: 'Unlisted draft' });
    const res = await rt.app.request('/api/achievements/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await res.text()).trim().split('\n').map((line) => JSON.parse(line) as { id: string });
    expect(lines.map((a) => a.id).sort()).toEqual([...listed].sort());
    expect(lines.map((a) => a.id)).not.toContain(draft);
  });
});
