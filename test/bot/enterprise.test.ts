import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../bot/i18n.js';
import { bidActionsKeyboard } from '../../bot/keyboards.js';
import { renderNotification } from '../../bot/render-notification.js';
import { botHarness, type BotHarness } from '../support/telegram-bot.js';
import { accountOf, postChallenge, submitBid } from '../support/telegram-fixtures.js';
import type { TelegramUser } from '../support/telegram-user.js';

/** The texts of `user`'s notifications of `kind`, as the bot renders them for them. */
async function rendered(h: BotHarness, user: TelegramUser, kind: string): Promise<string[]> {
  const account = await accountOf(h, user);
  const { items } = await h.runtime.services.notifications.list(account, { limit: 50, unread: false });
  const mine = items.filter((n) => n.kind === kind);
  return Promise.all(mine.map(async (n) => (await renderNotification(h.runtime.services, n, account)).text));
}

/** The enterprise's card of its only challenge, and its bids' first bid opened. */
async function openFirstBid(enterprise: TelegramUser) {
  await enterprise.send('/mychallenges');
  await enterprise.press(/^1$/);
  await enterprise.press('Bids');
  await enterprise.press(/^1$/);
}

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
    expect(draft.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['🚀 Publish', 'ℹ️ Details', '✏️ Edit', '✖️ Cancel']);
    const open = await enterprise.press(/^2$/);
    expect(open.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['📥 Bids (0)', 'ℹ️ Details', '✏️ Edit', '🔒 Close', '✖️ Cancel']);
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
    await enterprise.press('Cancel');
    expect((await enterprise.press('No, keep it')).edited[0]).toBe('OK — nothing changed.');
    expect((await h.runtime.services.challenges.get(null, challenge.id)).status).toBe('open');
  });

  it('cancels a draft at once after confirmation: nobody saw it, so no reason is asked', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const draft = await postChallenge(h, enterprise, {}, false);
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    expect((await enterprise.press('Cancel')).sent[0]).toContain('Cancel this draft? Nobody has seen it');
    const cancelled = await enterprise.press('Yes, cancel it');
    expect(cancelled.edited[0]).toBe('✖️ Draft cancelled.');
    expect(cancelled.sent).toEqual([]);
    expect((await h.runtime.services.challenges.get(await accountOf(h, enterprise), draft.id)).status).toBe('cancelled');
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

  it('Award asks first, with a note or without; without one awards and says so', async () => {
    const { h, enterprise, challenge } = await withBid();
    await openFirstBid(enterprise);
    const question = await enterprise.press('Award');
    expect(question.sent[0]).toContain('Award the challenge to this bid?');
    expect(question.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['📝 Award with a note', '🏆 Award without a note', '↩️ No, keep it']);
    const awarded = await enterprise.press('Award without a note');
    expect(awarded.edited[0]).toContain('is awarded to Ada');
    const after = await h.runtime.services.challenges.get(null, challenge.id);
    expect(after.status).toBe('awarded');
    expect(after.award).toMatchObject({ note: '' });
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
    const awarded = await enterprise.press('Award without a note');
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

describe('award with a note', () => {
  it('asks for the note, re-asking when it is too long, then awards with it and repeats it; the winner reads it', async () => {
    const { h, enterprise, researcher, challenge } = await withBid();
    await openFirstBid(enterprise);
    await enterprise.press('Award');
    const asked = await enterprise.press('Award with a note');
    expect(asked.sent[0]).toContain('Your note with the award');
    // The question's buttons went, so the award cannot also be given without the note meanwhile.
    expect(() => enterprise.findButton('Award without a note')).toThrow();
    expect((await enterprise.send('x'.repeat(2001))).sent).toEqual(['A note can be at most 2,000 characters. Please shorten it.']);
    expect((await h.runtime.services.challenges.get(null, challenge.id)).status).toBe('open');
    const awarded = await enterprise.send('Your <pilot> plan won us over.');
    expect(awarded.sent[0]).toContain('is awarded to Ada, with your note: <i>Your &lt;pilot&gt; plan won us over.</i>');
    const after = await h.runtime.services.challenges.get(null, challenge.id);
    expect(after.award).toMatchObject({ note: 'Your <pilot> plan won us over.' });
    expect((await rendered(h, researcher, 'award'))[0]).toContain('Note from the enterprise: <i>Your &lt;pilot&gt; plan won us over.</i>');
  });

  it('/cancel while writing the note awards nothing', async () => {
    const { h, enterprise, challenge } = await withBid();
    await openFirstBid(enterprise);
    await enterprise.press('Award');
    await enterprise.press('Award with a note');
    expect((await enterprise.send('/cancel')).sent[0]).toContain('I left the form');
    expect((await h.runtime.services.challenges.get(null, challenge.id)).status).toBe('open');
  });

  it('re-checks the state: refused at once on a bid that lost its chance, and after the note when it changed meanwhile', async () => {
    const { h, enterprise, challenge, bid } = await withBid();
    await openFirstBid(enterprise);
    await enterprise.press('Award');
    await enterprise.press('Award with a note');
    await h.runtime.services.challenges.cancel(await accountOf(h, enterprise), challenge.id);
    const refused = await enterprise.send('Well done.');
    expect(refused.sent[0]).toContain('not possible right now');
    expect((await h.runtime.services.challenges.get(null, challenge.id)).award).toBeNull();

    const stale = await enterprise.pressData(`v1:on:${challenge.id}:${bid.id}`);
    expect(stale.answers).toEqual([{ text: 'This challenge was cancelled', alert: true }]);
    expect(stale.sent).toEqual([]);
  });
});

describe('close early and cancel, with the reason told to bidders', () => {
  it('close asks for the reason, re-asks when it is too long, and the bidder is told it', async () => {
    const { h, enterprise, researcher, challenge } = await withBid();
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    await enterprise.press('Close');
    const asked = await enterprise.press('Yes, close it');
    expect(asked.sent[0]).toContain('Why are you closing it early?');
    expect(asked.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['Skip ▸']);
    expect((await enterprise.send('x'.repeat(1001))).sent).toEqual(['A reason can be at most 1,000 characters. Please shorten it.']);
    const closed = await enterprise.send('We found a supplier in-house.');
    expect(closed.sent[0]).toBe('🔒 Closed to new bids. Its bidders are told why: <i>We found a supplier in-house.</i>\nYou can still award one of its bids.');
    expect((await h.runtime.services.challenges.get(null, challenge.id)).status).toBe('closed');
    const [told] = await rendered(h, researcher, 'closed');
    expect(told).toContain('“Battery recycling at scale” was closed early</b>');
    expect(told).toContain('Their reason: <i>We found a supplier in-house.</i>');
  });

  it('"Yes, close it" in the middle of another form asks before leaving it; the question before it does not', async () => {
    const { h, enterprise, challenge } = await withBid();
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    await enterprise.send('/post');
    expect((await enterprise.press('Close')).sent).toEqual([messagesFor('en').mine.confirmClose]);
    const guard = await enterprise.press('Yes, close it');
    expect(guard.sent).toEqual(['You are in the middle of a form. Leave it — and lose what you have answered — to start the one you tapped?']);
    expect((await enterprise.press('Leave the form')).edited[0]).toBe('OK, I left the form. Tap that button again to start the new one.');
    expect((await enterprise.press('Yes, close it')).sent[0]).toContain('Why are you closing it early?');
    expect((await h.runtime.services.challenges.get(null, challenge.id)).status).toBe('open');
  });

  it('close may skip the reason: the bidder is told without one', async () => {
    const { h, enterprise, researcher, challenge } = await withBid();
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    await enterprise.press('Close');
    await enterprise.press('Yes, close it');
    const closed = await enterprise.press('Skip');
    expect(closed.sent[0]).toBe('🔒 Closed to new bids. You can still award one of its bids.');
    expect((await h.runtime.services.challenges.get(null, challenge.id)).status).toBe('closed');
    const [told] = await rendered(h, researcher, 'closed');
    expect(told).toContain('was closed early');
    expect(told).not.toContain('reason');
  });

  it('cancel needs a reason: a blank one is re-asked, /cancel keeps the challenge, and the bidder is told the reason', async () => {
    const { h, enterprise, researcher, challenge } = await withBid();
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    await enterprise.press('Cancel');
    const asked = await enterprise.press('Yes, cancel it');
    expect(asked.sent[0]).toContain('so one is needed');
    expect(asked.messages[0]!.buttons).toEqual([]);
    expect((await enterprise.send('   ')).sent).toEqual(['Cancelling needs a reason for the people following the challenge. Please send one, or /cancel to keep it.']);
    await enterprise.send('/cancel');
    expect((await h.runtime.services.challenges.get(null, challenge.id)).status).toBe('open');

    await enterprise.press('Cancel');
    await enterprise.press('Yes, cancel it');
    const cancelled = await enterprise.send('The project lost its funding.');
    expect(cancelled.sent[0]).toContain('Cancelled. Bidders and researchers who saved it are told why: <i>The project lost its funding.</i>');
    expect((await h.runtime.services.challenges.get(null, challenge.id)).status).toBe('cancelled');
    expect((await rendered(h, researcher, 'cancelled'))[0]).toContain('Their reason: <i>The project lost its funding.</i>');
  });

  it('Close on a challenge that closed meanwhile is refused at once with its status', async () => {
    const { h, enterprise, challenge } = await withBid();
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    await h.runtime.services.challenges.close(await accountOf(h, enterprise), challenge.id);
    const pressed = await enterprise.press('Close');
    expect(pressed.answers).toEqual([{ text: 'That no longer applies: this challenge is 🔒 Closed now.', alert: true }]);
    expect(pressed.sent).toEqual([]);
  });

  it('works in Chinese', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise', locale: 'zh' });
    const challenge = await postChallenge(h, enterprise);
    await enterprise.send('/mychallenges');
    await enterprise.press(/^1$/);
    await enterprise.press('截止');
    expect((await enterprise.press('确认截止')).sent[0]).toContain('为什么提前截止？');
    expect((await enterprise.send('已找到合适的供应商。')).sent[0]).toContain('已告知投标人原因：<i>已找到合适的供应商。</i>');
    expect((await h.runtime.services.challenges.get(null, challenge.id)).status).toBe('closed');
  });
});
