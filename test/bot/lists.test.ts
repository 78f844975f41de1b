import { describe, expect, it } from 'vitest';
import { botHarness } from '../support/telegram-bot.js';
import { accountOf, postChallenge, submitBid } from '../support/telegram-fixtures.js';

describe('every list is one message, paged in place', () => {
  it('/saved, /mychallenges, /mybids and a challenge’s bids show five at a time in one message; Next edits it', async () => {
    const h = await botHarness();
    const { services, clock } = h.runtime;
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const researcher = await h.registered(2);
    const researcherAccount = await accountOf(h, researcher);
    const challenges = [];
    for (let i = 1; i <= 6; i++) {
      const challenge = await postChallenge(h, enterprise, { title: `Challenge number ${i}` });
      challenges.push(challenge);
      await services.library.save(researcherAccount, challenge.id);
      await submitBid(h, researcher, challenge.id);
      await services.subscriptions.create(researcherAccount, { keywords: `topic ${i}` });
      clock.advance(1000);
    }
    for (let i = 3; i <= 8; i++) await submitBid(h, await h.registered(i), challenges[0]!.id);

    const pages: [typeof researcher, string, RegExp, RegExp][] = [
      [researcher, '/saved', /Saved challenges<\/b> \(1–5\)/, /\(6–6\)/],
      [enterprise, '/mychallenges', /Your challenges<\/b> \(1–5\)/, /\(6–6\)/],
      [researcher, '/mybids', /Your bids<\/b> \(1–5\)/, /\(6–6\)/],
    ];
    for (const [user, command, first, second] of pages) {
      const page = await user.send(command);
      expect(page.sent[0], command).toMatch(first);
      expect(page.sent).toHaveLength(1);
      const next = await user.press('Next');
      expect(next.sent, command).toEqual([]);
      expect(next.edited[0], command).toMatch(second);
    }
    // Alerts keep a message each: every one carries its own Pause and Delete.
    const alerts = await researcher.send('/subscriptions');
    expect(alerts.sent).toHaveLength(7);
    expect((await researcher.press('Show more')).sent).toHaveLength(2);

    const bids = await enterprise.pressData(`v1:cb:${challenges[0]!.id}:0`);
    expect(bids.sent).toHaveLength(1);
    const next = await enterprise.press('Next');
    expect(next.edited[0]).toContain('(6–7)');
  });

  it('a More button for a list that shrank says it expired', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    expect((await u.pressData('v1:mo:v:5:-')).sent[0]).toBe('This list has expired. Send the command again.');
  });
});

describe('the smaller conversations, step by step', () => {
  it('Ask: /cancel leaves it without posting', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, enterprise);
    const u = await h.registered(2, { locale: 'zh' });
    await u.send('/challenges');
    await u.press(/^1$/);
    expect((await u.press('提问')).sent[0]).toContain('关于 <b>Battery recycling at scale</b> 的提问');
    expect((await u.send('太短')).sent[0]).toContain('5 到 2000');
    expect((await u.send('/cancel')).sent[0]).toContain('已退出表单');
    expect((await h.runtime.services.questions.list(null, challenge.id, { limit: 5 })).items).toEqual([]);
  });

  it('Answer: re-asks an over-long answer', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, enterprise);
    const question = await h.runtime.services.questions.ask(await accountOf(h, await h.registered(2)), challenge.id, { text: 'Is cobalt required?' });
    await enterprise.pressData(`v1:qa:${challenge.id}:${question.id}`);
    expect((await enterprise.send('y'.repeat(5001))).sent[0]).toContain('1 to 5,000');
    expect((await enterprise.send('/cancel')).sent[0]).toContain('I left the form');
  });

  it('Not selected: /cancel leaves the bid as it was', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, enterprise);
    const researcher = await h.registered(2);
    const bid = await submitBid(h, researcher, challenge.id);
    await enterprise.pressData(`v1:br:${bid.id}`);
    await enterprise.send('/cancel');
    expect((await h.runtime.services.bids.get(await accountOf(h, researcher), bid.id)).status).toBe('submitted');
  });

  it('Answer for a question that is gone says so', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, enterprise);
    expect((await enterprise.pressData(`v1:qa:${challenge.id}:qst_gone0000000`)).sent[0]).toBe('I could not find that question any more.');
  });
});
