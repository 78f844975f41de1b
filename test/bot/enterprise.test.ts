import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../bot/i18n.js';
import { bidActionsKeyboard } from '../../bot/keyboards.js';
import { botHarness } from '../support/telegram-bot.js';
import { accountOf, postChallenge, submitBid } from '../support/telegram-fixtures.js';

async function withBid() {
  const h = await botHarness();
  const enterprise = await h.registered(1, { roles: 'enterprise', firstName: 'Acme' });
  const researcher = await h.registered(2, { firstName: 'Ada' });
  const challenge = await postChallenge(h, enterprise);
  const bid = await submitBid(h, researcher, challenge.id);
  return { h, enterprise, researcher, challenge, bid };
}

describe('/mychallenges', () => {
  it('lists the enterprise’s challenges, drafts included, with what each status allows', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    expect((await enterprise.send('/mychallenges')).sent[0]).toContain('Send /post');
    await postChallenge(h, enterprise, { title: 'Open one' });
    h.runtime.clock.advance(1000);
    await postChallenge(h, enterprise, { title: 'Draft one' }, false);
    const list = await enterprise.send('/mychallenges');
    expect(list.sent).toHaveLength(1);
    expect(list.sent[0]).toContain('Your challenges</b> (1–2)');
    expect(list.sent[0]).toContain('1. <b>Draft one</b>\n📝 Draft');
    const draft = await enterprise.press(/^1$/);
    expect(draft.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['🚀 Publish', 'ℹ️ Details', '✖️ Cancel']);
    const open = await enterprise.press(/^2$/);
    expect(open.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['📥 Bids (0)', 'ℹ️ Details', '🔒 Close', '✖️ Cancel']);
  });

  it('publishes a draft', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const draft = await postChallenge(h, enterprise, {}, false);
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    const published = await enterprise.press('Publish');
    expect(published.answers[0]!.text).toBe('🚀 Published!');
    expect((await h.runtime.services.challenges.get(null, draft.id)).status).toBe('open');
  });

  it('closes and cancels only after confirmation; "No, keep it" changes nothing', async () => {
    const { h, enterprise, challenge } = await withBid();
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    const ask = await enterprise.press('Close');
    expect(ask.sent[0]).toContain('Close this challenge to new bids?');
    expect((await enterprise.press('No, keep it')).edited[0]).toBe('OK — nothing changed.');
    expect((await h.runtime.services.challenges.get(null, challenge.id)).status).toBe('open');
    await enterprise.press('Close');
    const closed = await enterprise.press('Yes, close it');
    expect(closed.edited[0]).toContain('Closed to new bids');
    expect((await h.runtime.services.challenges.get(null, challenge.id)).status).toBe('closed');
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    await enterprise.press('Cancel');
    const cancelled = await enterprise.press('Yes, cancel it');
    expect(cancelled.edited[0]).toContain('Cancelled');
    expect((await h.runtime.services.challenges.get(null, challenge.id)).status).toBe('cancelled');
  });

  it('Bids lists the bids with Shortlist / Not selected / Award', async () => {
    const { enterprise } = await withBid();
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    const bids = await enterprise.press('Bids (1)');
    expect(bids.sent).toHaveLength(1);
    expect(bids.sent[0]).toContain('Bids on “Battery recycling at scale”</b> (1–1)');
    expect(bids.sent[0]).toContain('1. <b>Ada</b> · CN¥300,000');
    const bid = await enterprise.press(/^1$/);
    expect(bid.sent[0]).toContain('👤 Ada');
    expect(bid.sent[0]).toContain('closed-loop leaching');
    expect(bid.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['⭐ Shortlist', '✖️ Not selected', '🏆 Award']);
  });
});

describe('bid actions', () => {
  it('Shortlist marks the bid and leaves Not selected and Award', async () => {
    const { h, enterprise, bid } = await withBid();
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    await enterprise.press('Bids');
    await enterprise.press(/^1$/);
    const shortlisted = await enterprise.press('Shortlist');
    expect(shortlisted.answers[0]!.text).toContain('Shortlisted');
    expect(enterprise.findButton('Award').message.buttons.flat().map((b) => b.text)).toEqual(['✖️ Not selected', '🏆 Award']);
    expect((await h.runtime.services.bids.get(await accountOf(h, enterprise), bid.id)).status).toBe('shortlisted');
  });

  it('Not selected asks for feedback, which the researcher gets; Skip rejects without', async () => {
    const { h, enterprise, researcher, challenge, bid } = await withBid();
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    await enterprise.press('Bids');
    await enterprise.press(/^1$/);
    const prompt = await enterprise.press('Not selected');
    expect(prompt.sent[0]).toContain('Why is this bid not selected?');
    expect((await enterprise.send('x'.repeat(2001))).sent[0]).toContain('at most 2,000');
    const done = await enterprise.send('We chose a pyrometallurgical route.');
    expect(done.sent[0]).toContain('marked not selected');
    expect(enterprise.messages.find((m) => m.text.includes('👤'))!.buttons).toEqual([]);
    expect(await h.runtime.services.bids.get(await accountOf(h, researcher), bid.id)).toMatchObject({ status: 'rejected', feedback: 'We chose a pyrometallurgical route.' });

    const second = await h.registered(3);
    const other = await submitBid(h, second, challenge.id);
    await enterprise.pressData(`v1:br:${other.id}`);
    await enterprise.press('Skip');
    expect(await h.runtime.services.bids.get(await accountOf(h, second), other.id)).toMatchObject({ status: 'rejected', feedback: null });
  });

  it('Award asks for confirmation, then awards and says so', async () => {
    const { h, enterprise, challenge } = await withBid();
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    await enterprise.press('Bids');
    await enterprise.press(/^1$/);
    expect((await enterprise.press('Award')).sent[0]).toContain('Award the challenge to this bid?');
    const awarded = await enterprise.press('Yes, award it');
    expect(awarded.edited[0]).toContain('is awarded to Ada');
    const after = await h.runtime.services.challenges.get(null, challenge.id);
    expect(after.status).toBe('awarded');
    expect(after.award?.winner.displayName).toBe('Ada');
  });

  it('a researcher pressing the enterprise’s Award or Not selected button is refused by the services, and told', async () => {
    const { h, researcher, challenge, bid } = await withBid();
    const award = await researcher.pressData(`v1:ba:${challenge.id}:${bid.id}:0`);
    expect(award.answers).toEqual([{ text: "🚫 You can't do that: Only the enterprise that posted this challenge can do that", alert: true }]);
    expect(award.sent).toEqual([]);
    const forcedYes = await researcher.pressData(`v1:ba:${challenge.id}:${bid.id}:1`);
    expect(forcedYes.answers[0]!.text).toContain("can't do that");
    const reject = await researcher.pressData(`v1:br:${bid.id}`);
    expect(reject.answers[0]!.text).toContain("can't do that");
    expect(reject.sent).toEqual([]);
    const shortlist = await researcher.pressData(`v1:bs:${bid.id}`);
    expect(shortlist.answers[0]!.text).toContain("can't do that");
    expect((await h.runtime.services.challenges.get(null, challenge.id)).status).toBe('open');
    expect(h.logs).toEqual([]);
  });

  it('a stranger pressing them learns nothing about the sealed bid', async () => {
    const { researcher: _r, h, challenge, bid } = await withBid();
    const stranger = await h.registered(5);
    const award = await stranger.pressData(`v1:ba:${challenge.id}:${bid.id}:0`);
    expect(award.answers[0]!.text).toContain("can't do that");
    const shortlist = await stranger.pressData(`v1:bs:${bid.id}`);
    expect(shortlist.answers[0]!.text).toContain('could not find that');
  });

  it('refusals are in Chinese for Chinese accounts', async () => {
    const { h, challenge, bid } = await withBid();
    const zh = await h.registered(6, { locale: 'zh' });
    expect((await zh.pressData(`v1:ba:${challenge.id}:${bid.id}:0`)).answers[0]!.text).toBe('🚫 您的账户无权执行此操作。');
  });
});

describe('buttons tell the truth', () => {
  it('after an award, the other bid’s card loses its buttons and says it was not selected', async () => {
    const { h, enterprise, challenge } = await withBid();
    await submitBid(h, await h.registered(3, { firstName: 'Bob' }), challenge.id);
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    await enterprise.press('Bids (2)');
    await enterprise.press(/^1$/);
    await enterprise.press(/^2$/);
    const cards = () => enterprise.messages.filter((m) => m.text.includes('👤'));
    expect(cards().map((m) => m.buttons.flat().length)).toEqual([3, 3]);
    const adaCard = cards().find((m) => m.text.includes('👤 Ada'))!;
    await enterprise.pressData(adaCard.buttons.flat().find((b) => b.text.includes('Award'))!.data, adaCard.messageId);
    const awarded = await enterprise.press('Yes, award it');
    expect(awarded.edited).toContainEqual(expect.stringContaining('👤 Bob'));
    expect(cards().map((m) => m.buttons.flat().length)).toEqual([0, 0]);
    expect(cards().find((m) => m.text.includes('👤 Bob'))!.text).toContain('not selected');
  });

  it('Award on a bid already marked not selected is refused at once, with the reason, and its buttons go', async () => {
    const { h, enterprise, challenge, bid } = await withBid();
    await h.runtime.services.bids.reject(await accountOf(h, enterprise), bid.id, { feedback: '' });
    const award = await enterprise.pressData(`v1:ba:${challenge.id}:${bid.id}:0`);
    expect(award.answers).toEqual([{ text: 'This bid was already marked not selected', alert: true }]);
    expect(award.sent).toEqual([]);
  });

  it('不予采纳 on an awarded challenge refuses before asking for feedback, naming the winner', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise', locale: 'zh' });
    const challenge = await postChallenge(h, enterprise);
    const alice = await submitBid(h, await h.registered(2, { firstName: 'Alice' }), challenge.id);
    const bob = await submitBid(h, await h.registered(3, { firstName: 'Bob' }), challenge.id);
    await h.runtime.services.bids.award(await accountOf(h, enterprise), challenge.id, { bidId: alice.id });
    const reject = await enterprise.pressData(`v1:br:${bob.id}`);
    expect(reject.answers).toEqual([{ text: '已授标给 Alice', alert: true }]);
    expect(reject.sent).toEqual([]);
  });

  it('labels the Chinese reject button 不予采纳', async () => {
    const { h, enterprise, bid } = await withBid();
    const asOwner = await h.runtime.services.bids.get(await accountOf(h, enterprise), bid.id);
    expect(bidActionsKeyboard(asOwner, messagesFor('zh')).inline_keyboard.flat().map((b) => b.text)).toContain('✖️ 不予采纳');
  });
});
