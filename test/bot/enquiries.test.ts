import { describe, expect, it } from 'vitest';
import { DAY } from '../support/fake-clock.js';
import { deliverNewest, listAchievementAs } from '../support/catalogue.js';
import { botHarness, type BotHarness } from '../support/telegram-bot.js';
import { accountOf, postChallenge } from '../support/telegram-fixtures.js';
import type { TelegramUser } from '../support/telegram-user.js';

const labels = (message: { buttons: { text: string }[][] }) => message.buttons.flat().map((b) => b.text);

/** An owner with a listed achievement, an enterprise that enquires, and a third person. */
async function scene() {
  const h = await botHarness();
  const owner = await h.registered(1, { firstName: 'Wei' });
  const achievement = await listAchievementAs(h, owner);
  const enterprise = await h.registered(2, { roles: 'enterprise', firstName: 'Acme' });
  const third = await h.registered(3, { roles: 'both', firstName: 'Nosy' });
  return { h, owner, achievement, enterprise, third };
}

/** The enterprise's enquiry through the bot, from the card to the receipt. */
async function enquire(u: TelegramUser) {
  await u.send('/achievements');
  await u.press(/^1$/);
  await u.press('Enquire');
  await u.send('We would license this membrane for our three coastal plants.');
  await u.press('Exclusive licence');
  await u.send('60万');
  return u.press('Send enquiry');
}

async function onlyEnquiry(h: BotHarness, owner: TelegramUser) {
  const { items } = await h.runtime.services.enquiries.listMine(await accountOf(h, owner), { limit: 5 });
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('enquiries', () => {
  it('Enquire asks the message, a mode of the achievement’s and an optional offer, re-asking on bad input, then previews and sends', async () => {
    const { h, owner, enterprise } = await scene();
    await enterprise.send('/achievements');
    await enterprise.press(/^1$/);
    const start = await enterprise.press('Enquire');
    expect(start.sent[0]).toContain('Enquiry about “Graphene oxide desalination membrane”');
    expect(start.sent[1]).toContain('1/3');
    expect((await enterprise.send('hello')).sent).toEqual(['The message needs 10 to 5,000 characters. Please send it again.']);
    const mode = await enterprise.send('We would license this membrane for our three coastal plants.');
    expect(mode.sent[0]).toContain('2/3');
    // Only the modes the owner offers.
    expect(labels(mode.messages[0]!)).toEqual(['Exclusive licence', 'Joint R&D']);
    expect((await enterprise.send('exclusive')).sent).toEqual(['Please tap one of the buttons above (or /cancel to leave).']);
    expect((await enterprise.press('Joint R&D')).sent[0]).toContain('3/3');
    expect((await enterprise.send('lots of money')).sent[0]).toContain('I did not understand that amount');
    const preview = await enterprise.send('60万');
    expect(preview.sent[0]).toContain('<b>Your enquiry</b>');
    expect(preview.sent[0]).toContain('🔁 Joint R&amp;D');
    expect(preview.sent[0]).toContain('💰 CN¥600,000');
    const sent = await enterprise.press('Send enquiry');
    expect(sent.sent[0]).toContain('Enquiry sent');
    expect(labels(sent.messages[0]!)).toEqual(['↩️ Withdraw', '🔬 The technology']);
    expect(await onlyEnquiry(h, owner)).toMatchObject({ mode: 'joint-rd', offer: { amount: 600000, currency: 'CNY' }, status: 'sent' });

    // A second one while the first is open is refused up front.
    await enterprise.send('/achievements');
    await enterprise.press(/^1$/);
    expect((await enterprise.press('Enquire')).answers[0]).toEqual({ text: expect.stringContaining('already have an open enquiry'), alert: true });
  });

  it('/cancel leaves the enquiry form and nothing is sent; Skip sends no offer', async () => {
    const { h, owner, enterprise } = await scene();
    await enterprise.send('/achievements');
    await enterprise.press(/^1$/);
    await enterprise.press('Enquire');
    await enterprise.send('We would license this membrane for our three coastal plants.');
    expect((await enterprise.send('/cancel')).sent).toEqual(['OK, I left the form. Nothing was saved.']);
    expect((await h.runtime.services.enquiries.listMine(await accountOf(h, owner), { limit: 5 })).items).toEqual([]);

    await enterprise.press('Enquire');
    await enterprise.send('We would license this membrane for our three coastal plants.');
    await enterprise.press('Exclusive licence');
    const preview = await enterprise.press('Skip');
    expect(preview.sent[0]).toContain('No offer');
    await enterprise.press('Send enquiry');
    expect((await onlyEnquiry(h, owner)).offer).toBeNull();
  });

  it('the owner gets it as an alert with Accept / Decline; Accept shows both sides’ contacts to both', async () => {
    const { h, owner, enterprise } = await scene();
    await enquire(enterprise);
    const alert = await deliverNewest(h, owner, 'enquiry-received');
    expect(alert.text).toContain('New enquiry about “Graphene oxide desalination membrane”');
    expect(alert.text).toContain('🏢 Acme');
    expect(alert.text).toContain('We would license this membrane');
    expect(alert.text).not.toContain('Contact details');
    expect(labels(alert)).toEqual(['✅ Accept', '✖️ Decline', '🔬 The technology']);

    const accept = alert.buttons[0]![0]!.data;
    const accepted = await owner.pressData(accept, alert.messageId);
    expect(accepted.answers[0]!.text).toContain('Accepted');
    expect(accepted.edited[0]).toContain('Contact details');
    expect(accepted.edited[0]).toContain('Enquirer: <b>Acme</b>');
    expect(accepted.edited[0]).toContain('Owner: <b>Wei</b>');
    expect(labels(owner.lastMessage)).toEqual(['🔬 The technology']);

    const told = await deliverNewest(h, enterprise, 'enquiry-status');
    expect(told.text).toContain('📌 Accepted');
    expect(told.text).toContain('Owner: <b>Wei</b>');
    expect(labels(told)).toEqual(['🔬 The technology']);

    // Pressed again: the enquiry is re-read and the refusal says why.
    const again = await owner.pressData(accept, alert.messageId);
    expect(again.answers.at(-1)).toEqual({ text: expect.stringContaining('accepted already'), alert: true });
    // Decline on the alert re-reads it too, and says why before asking anything.
    const decline = await owner.pressData(`v1:ed:${(await onlyEnquiry(h, owner)).id}`, alert.messageId);
    expect(decline.answers.at(-1)).toEqual({ text: 'This enquiry is accepted already.', alert: true });
    expect(decline.sent).toEqual([]);
  });

  it('Decline asks the structured reason and an optional note, re-asking on typed text, and the sender reads them', async () => {
    const { h, owner, enterprise } = await scene();
    await enquire(enterprise);
    const alert = await deliverNewest(h, owner, 'enquiry-received');
    const reason = await owner.pressData(alert.buttons[0]![1]!.data, alert.messageId);
    expect(reason.sent[0]).toContain('Why do you decline');
    expect(labels(reason.messages[0]!)).toEqual(['Too early', 'Benefit unclear', 'Route to market unclear', 'Outside our scope', 'Price', 'Other']);
    expect((await owner.send('price')).sent).toEqual(['Please tap one of the buttons above (or /cancel to leave).']);
    expect((await owner.press(/^Price$/)).sent[0]).toContain('A note for the enquirer');
    expect((await owner.send('x'.repeat(2001))).sent[0]).toContain('at most 2,000 characters');
    const done = await owner.send('We would need at least CN¥800,000 for an exclusive licence.');
    expect(done.sent).toEqual(['The enquiry is declined and the enquirer is told why.']);
    expect(labels(owner.messages.find((m) => m.messageId === alert.messageId)!)).toEqual(['🔬 The technology']);
    expect(await onlyEnquiry(h, owner)).toMatchObject({ status: 'declined', feedback: { reason: 'price', note: 'We would need at least CN¥800,000 for an exclusive licence.' } });

    const told = await deliverNewest(h, enterprise, 'enquiry-status');
    expect(told.text).toContain('📌 Declined');
    expect(told.text).toContain('Declined: <b>Price</b>');
    expect(told.text).toContain('at least CN¥800,000');
    expect(told.text).not.toContain('Contact details');
  });

  it('/cancel leaves the decline form and the enquiry stays open', async () => {
    const { h, owner, enterprise } = await scene();
    await enquire(enterprise);
    const alert = await deliverNewest(h, owner, 'enquiry-received');
    await owner.pressData(alert.buttons[0]![1]!.data, alert.messageId);
    expect((await owner.send('/cancel')).sent).toEqual(['OK, I left the form. Nothing was saved.']);
    expect((await onlyEnquiry(h, owner)).status).toBe('sent');
  });

  it('is sealed: a third person can neither read it nor act on it', async () => {
    const { h, owner, enterprise, third } = await scene();
    await enquire(enterprise);
    const alert = await deliverNewest(h, owner, 'enquiry-received');
    const [accept, decline, achievement] = alert.buttons.flat();
    const enquiryId = (await onlyEnquiry(h, owner)).id;

    for (const button of [accept!, decline!]) {
      const refused = await third.pressData(button.data, null);
      expect(refused.answers.at(-1)).toEqual({ text: expect.stringContaining('I could not find that'), alert: true });
      expect(refused.sent).toEqual([]);
    }
    const open = await third.pressData(`v1:eo:${enquiryId}`, null);
    expect(open.answers.at(-1)).toEqual({ text: expect.stringContaining('I could not find that'), alert: true });
    expect(open.sent).toEqual([]);
    // The sender cannot answer their own enquiry either.
    expect((await enterprise.pressData(accept!.data, null)).answers.at(-1)!.alert).toBe(true);
    // The owner's list of enquiries on it is the owner's alone.
    await third.pressData(achievement!.data, null);
    expect(labels(third.lastMessage)).toEqual(['📨 Enquire']);
    const list = await third.pressData(`v1:ae:${(await onlyEnquiry(h, owner)).achievementId}:0`, null);
    expect(list.answers.at(-1)!.alert).toBe(true);
    expect((await onlyEnquiry(h, owner)).status).toBe('sent');

    // The owner's list shows it.
    await owner.pressData(achievement!.data, null);
    const mine = await owner.press('📨 Enquiries');
    expect(mine.sent[0]).toContain('Enquiries about “Graphene oxide desalination membrane”</b> (1–1)');
    expect(mine.sent[0]).toContain('<b>Acme — Graphene oxide desalination membrane</b>');
  });

  it('the sender withdraws a sent enquiry after confirming, from My enquiries; the owner is told', async () => {
    const { h, owner, enterprise } = await scene();
    await enquire(enterprise);
    await enterprise.send('/achievements');
    const mine = await enterprise.press('My enquiries');
    expect(mine.sent[0]).toContain('Your enquiries</b>, sent and received (1–1)');
    const card = await enterprise.press(/^1$/);
    expect(card.sent[0]).toContain('📌 Sent');
    expect((await enterprise.press('Withdraw')).sent[0]).toBe('Withdraw this enquiry? The owner is told.');
    expect((await enterprise.press('Yes, withdraw')).edited[0]).toBe('Your enquiry is withdrawn.');
    expect((await onlyEnquiry(h, owner)).status).toBe('withdrawn');
    const told = await deliverNewest(h, owner, 'enquiry-status');
    expect(told.text).toContain('An enquiry about “Graphene oxide desalination membrane” was withdrawn</b> by its sender');
    expect(told.text).toContain('📌 Withdrawn');
    expect(labels(told)).toEqual(['🔬 The technology']);
  });
});

describe('deals', () => {
  it('the owner records a deal; anyone signed in objects from the card; the owner answers from the alert; the objector reads the answer', async () => {
    const { h, owner, achievement, third } = await scene();
    await owner.send('/achievements');
    await owner.press(/^1$/);
    const start = await owner.press('Record a deal');
    expect(start.sent[0]).toContain('Record a deal on “Graphene oxide desalination membrane”');
    expect((await owner.send('   ')).sent[0]).toContain('1 to 200 characters');
    const mode = await owner.send('Blue Water Co.');
    expect(labels(mode.messages[0]!)).toEqual(['Exclusive licence', 'Joint R&D']);
    await owner.press('Exclusive licence');
    expect((await owner.send('free')).sent[0]).toContain('I did not understand that amount');
    const days = await owner.send('750000 CNY');
    expect(days.sent[0]).toContain('15 as standard, at most 30');
    expect(labels(days.messages[0]!)).toEqual(['15 days', '30 days']);
    expect((await owner.send('45')).sent[0]).toBe('Send a whole number of days from 1 to 30, e.g. <code>15</code>.');
    const preview = await owner.send('20 days');
    expect(preview.sent[0]).toContain('Deal announced (公示)</b>: to <b>Blue Water Co.</b>, Exclusive licence, CN¥750,000');
    const announced = await owner.press('Announce');
    expect(announced.sent[0]).toContain('Objections are taken for 20 days');

    // The card now shows the announcement; others get Object, the owner no second deal nor a withdrawal.
    await third.send('/achievements');
    const card = await third.press(/^1$/);
    expect(card.sent[0]).toContain('to <b>Blue Water Co.</b>');
    expect(card.sent[0]).toContain('In its announcement period · 0 objections');
    expect(labels(card.messages[0]!)).toEqual(['📨 Enquire', '⚠️ Object']);
    await owner.send('/achievements');
    expect(labels((await owner.press(/^1$/)).messages[0]!)).toEqual(['📨 Enquiries']);

    const ask = await third.press('Object');
    expect(ask.sent[0]).toContain('Your <b>objection</b>');
    expect((await third.send('unfair')).sent).toEqual(['An objection needs 10 to 3,000 characters. Please send it again.']);
    expect((await third.send('The membrane was developed with public money from our joint project.')).sent[0]).toContain('Objection filed');

    // The owner's card lists the objection with its Answer too, in case the alert was missed.
    await owner.send('/achievements');
    const ownCard = await owner.press(/^1$/);
    expect(ownCard.sent[0]).toContain('developed with public money');
    expect(ownCard.messages[0]!.buttons.map((row) => row.map((b) => b.text))).toEqual([['📨 Enquiries'], ['💬 Answer']]);

    const alert = await deliverNewest(h, owner, 'deal-objection');
    expect(alert.text).toContain('An objection was filed against the deal');
    expect(alert.text).toContain('developed with public money');
    expect(labels(alert)).toEqual(['💬 Answer', '🔬 The technology']);
    const answerForm = await owner.pressData(alert.buttons[0]![0]!.data, alert.messageId);
    expect(answerForm.sent[0]).toContain('Your answer to the objection');
    expect((await owner.send('   ')).sent).toEqual(['An answer needs 1 to 3,000 characters. Please send it again.']);
    expect((await owner.send('The project agreement assigns the results to our lab.')).sent[0]).toContain('Answer sent');
    // Answered: pressing Answer again is refused with the reason.
    expect((await owner.pressData(alert.buttons[0]![0]!.data, alert.messageId)).answers.at(-1)).toEqual({ text: 'This objection is answered already.', alert: true });

    const told = await deliverNewest(h, third, 'objection-answer');
    expect(told.text).toContain('Your objection to the deal');
    expect(told.text).toContain('↳ Answer: The project agreement assigns the results to our lab.');

    // A fourth person sees the count but not the text.
    const public_ = await h.registered(4, { roles: 'enterprise' });
    await public_.send('/achievements');
    const seen = await public_.press(/^1$/);
    expect(seen.sent[0]).toContain('1 objection');
    expect(seen.sent[0]).not.toContain('public money');

    // The period ends with every objection answered: transferred, and the owner is told.
    h.runtime.clock.advance(21 * DAY);
    await h.runtime.services.deals.settleExpired();
    const transferred = await deliverNewest(h, owner, 'deal-transferred');
    expect(transferred.text).toContain('The deal on “Graphene oxide desalination membrane” is transferred');
    expect((await h.runtime.services.achievements.get(null, achievement.id)).status).toBe('transferred');
  });

  it('a deal with many long objections still fits its card and its alert: five quoted, unanswered first, the rest counted', async () => {
    const { h, owner, achievement } = await scene();
    const { deals } = h.runtime.services;
    const deal = await deals.announce(await accountOf(h, owner), achievement.id, { counterparty: 'Blue Water Co.', mode: 'exclusive-license' });
    for (let id = 10; id < 17; id++) {
      const objector = await h.registered(id, { firstName: `Objector ${id}` });
      await deals.object(await accountOf(h, objector), deal.id, { reason: `Objection ${id}: ${'the results belong to the joint project & its funders. '.repeat(55)}`.slice(0, 3000) });
      h.runtime.clock.advance(1000);
    }
    const first = (await deals.get(await accountOf(h, owner), deal.id)).objections![0]!;
    await deals.answer(await accountOf(h, owner), deal.id, first.id, { answer: 'The agreement assigns them to us. '.repeat(90).slice(0, 3000) });

    await owner.send('/achievements');
    const card = await owner.press(/^1$/);
    expect(card.sent).toHaveLength(1);
    expect(card.sent[0]).toContain('… and 2 more objections, shown once those above are answered.');
    // Unanswered first: the five quoted are Objection 11 to 15, each with its Answer.
    expect([...card.sent[0]!.matchAll(/• <i>Objection (\d+)/g)].map((m) => Number(m[1]))).toEqual([11, 12, 13, 14, 15]);
    expect(labels(card.messages[0]!).filter((l) => l.startsWith('💬'))).toEqual([1, 2, 3, 4, 5].map((n) => `💬 Answer ${n}`));

    const alert = await deliverNewest(h, owner, 'deal-objection');
    expect(alert.text).toContain('… and 2 more objections');
    expect(h.api.calls.filter((c) => c.refusedWith !== undefined)).toEqual([]);
  });

  it('/cancel leaves the deal and objection forms; the owner cannot object to their own deal', async () => {
    const { h, owner, achievement, third } = await scene();
    await owner.send('/achievements');
    await owner.press(/^1$/);
    await owner.press('Record a deal');
    await owner.send('Blue Water Co.');
    expect((await owner.send('/cancel')).sent).toEqual(['OK, I left the form. Nothing was saved.']);
    expect((await h.runtime.services.deals.list(null, { limit: 5 })).items).toEqual([]);

    const deal = await h.runtime.services.deals.announce(await accountOf(h, owner), achievement.id, { counterparty: 'Blue Water Co.', mode: 'joint-rd' });
    await third.send('/achievements');
    await third.press(/^1$/);
    await third.press('Object');
    expect((await third.send('/cancel')).sent).toEqual(['OK, I left the form. Nothing was saved.']);
    expect((await h.runtime.services.deals.get(null, deal.id)).objectionCount).toBe(0);
    expect((await owner.pressData(`v1:ax:${deal.id}`, null)).answers.at(-1)).toEqual({ text: 'You cannot object to your own deal.', alert: true });
  });
});

describe('catalogue alerts', () => {
  it('a subscriber targeting achievements gets the new one as its card with Enquire', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(2, { roles: 'enterprise' });
    await h.runtime.services.subscriptions.create(await accountOf(h, enterprise), { keywords: 'graphene', fields: [], minReward: null, target: 'achievements' });
    const owner = await h.registered(1);
    await listAchievementAs(h, owner);
    const alert = await deliverNewest(h, enterprise, 'achievement-match');
    expect(alert.text).toContain('New technology matching your alert');
    expect(alert.text).toContain('🏛 Coastal Materials Lab · TRL 5/9');
    expect(labels(alert)).toEqual(['📨 Enquire']);
  });

  it('an owner whose listed technology may answer a new challenge gets the challenge’s card and a button back to their technology', async () => {
    const h = await botHarness();
    const owner = await h.registered(1);
    const achievement = await listAchievementAs(h, owner, {
      title: 'Perovskite encapsulation by atomic layer deposition',
      summary: 'An ALD alumina barrier that keeps perovskite cells stable through damp heat',
      keywords: ['perovskite', 'encapsulation'],
      fields: ['energy'],
    });
    const enterprise = await h.registered(2, { roles: 'enterprise' });
    await postChallenge(h, enterprise, {
      title: 'Stable perovskite module encapsulation',
      summary: 'Our perovskite modules fail damp heat tests: we need an encapsulation barrier.',
      fields: ['energy'],
    });
    const alert = await deliverNewest(h, owner, 'solution-match');
    expect(alert.text).toContain('Your listed technology may answer “Stable perovskite module encapsulation”');
    expect(alert.text).toContain('CN¥500,000');
    const back = alert.buttons.flat().find((b) => b.text === '🔬 The technology')!;
    const card = await owner.pressData(back.data, alert.messageId);
    expect(card.sent[0]).toContain('<b>Perovskite encapsulation by atomic layer deposition</b>');
    expect(back.data).toBe(`v1:ao:${achievement.id}`);
  });
});
