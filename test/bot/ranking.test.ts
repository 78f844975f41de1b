import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../bot/i18n.js';
import { renderNotification } from '../../bot/render-notification.js';
import type { BotHarness } from '../support/telegram-bot.js';
import { reviewScene, scoreAs } from '../support/evaluation-fixtures.js';
import { PAGE_SIZE } from '../../bot/lists.js';
import { accountOf, submitBid } from '../support/telegram-fixtures.js';
import type { TelegramUser } from '../support/telegram-user.js';

const t = messagesFor('en');
const TITLE = 'Battery recycling at scale';

/** The scene with a second reviewer, Dr Chen: Ada scored by both (3.6 and 3.2), Bob by Dr Rivera only (5). */
async function scoredScene() {
  const scene = await reviewScene();
  const { h, owner, reviewer, adaBidId, bobBidId, challengeId } = scene;
  const chen = await h.registered(5, { firstName: 'Dr Chen' });
  await h.runtime.services.reviews.add(await accountOf(h, owner), challengeId, { accountId: (await accountOf(h, chen)).id });
  await scoreAs(h, reviewer, adaBidId, 4, 3, 'Credible pilot data');
  await scoreAs(h, chen, adaBidId, 2, 5, 'The leachate is unproven');
  await scoreAs(h, reviewer, bobBidId, 5, 5);
  return { ...scene, chen };
}

async function notificationsOf(h: BotHarness, user: TelegramUser) {
  const account = await accountOf(h, user);
  const { items } = await h.runtime.services.notifications.list(account, { limit: 50, unread: false });
  return { account, items };
}

describe('the owner’s ranking', () => {
  it('is on the card of a challenge with a rubric, with the numbers the domain computes and who has not scored', async () => {
    const { h, owner, challengeId } = await scoredScene();
    await owner.send('/mychallenges');
    const card = await owner.press(/^1$/);
    expect(card.messages[0]!.buttons.flat().map((b) => b.text)).toContain('📊 Ranking');
    const ranking = await owner.press('Ranking');
    expect(ranking.sent).toHaveLength(1);
    const text = ranking.sent[0]!;
    expect(text).toContain(`📊 <b>Ranking of “${TITLE}”</b> (1–2)\n2 reviewers · ⏳ scores still coming in\n${t.ranking.hint}`);
    expect(text).toContain(
      `1. #1 <b>Bob</b> · submitted\nweighted mean <b>5</b> · 1 review\n• Feasibility (60%): 5, 5–5, σ 0\n• Cost (40%): 5, 5–5, σ 0\n⏳ Not scored yet: Dr Chen`,
    );
    expect(text).toContain(
      `2. #2 <b>Ada Lovelace</b> · submitted\nweighted mean <b>3.4</b> · 2 reviews\n• Feasibility (60%): 3, 2–4, σ 1\n• Cost (40%): 4, 3–5, σ 1\n✅ Every reviewer has scored it`,
    );
    // The same numbers as the domain's ranking.
    const domain = await h.runtime.services.scores.ranking(await accountOf(h, owner), challengeId);
    expect(domain.items.map((i) => [i.bidder.displayName, i.weightedMean, i.reviews])).toEqual([
      ['Bob', 5, 1],
      ['Ada Lovelace', 3.4, 2],
    ]);
    expect(ranking.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['1', '2']);
  });

  it('fits a twelve-criterion rubric’s ranking in messages Telegram accepts, the rest of the bids a Next away', async () => {
    const long = 'a criterion whose name runs to the full eighty characters allowed';
    const rubric = Array.from({ length: 12 }, (_, i) => ({ name: `${i + 1} ${long}`.padEnd(80, '.'), description: '', weight: i < 4 ? 9 : 8 }));
    const { h, owner, reviewer, ada, bob, challengeId } = await reviewScene({ rubric });
    const bidders = [ada, bob];
    for (let id = 10; id < 15; id++) {
      const bidder = await h.registered(id, { firstName: `Bidder ${id}` });
      await submitBid(h, bidder, challengeId);
      bidders.push(bidder);
    }
    const { items } = await h.runtime.services.bids.listForChallenge(await accountOf(h, owner), challengeId, { limit: 10 });
    for (const bid of items) {
      await h.runtime.services.scores.put(await accountOf(h, reviewer), bid.id, rubric.map((c) => ({ criterion: c.name, score: 3, comment: '' })));
    }

    await owner.send('/mychallenges');
    await owner.press(/^1$/);
    const first = await owner.press('Ranking');
    const seen = [...first.sent[0]!.matchAll(/^(\d+)\. #\d+ <b>/gm)].map((m) => Number(m[1]));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(PAGE_SIZE);
    expect(first.messages[0]!.buttons.flat().map((b) => b.text)).toContain('Next ▸');
    for (let page = 0; seen.length < bidders.length && page < bidders.length; page++) {
      const next = await owner.press('Next');
      seen.push(...[...next.edited[0]!.matchAll(/^(\d+)\. #\d+ <b>/gm)].map((m) => Number(m[1])));
    }
    expect(seen).toEqual(bidders.map((_, i) => i + 1));
    expect(h.api.calls.filter((c) => c.refusedWith !== undefined)).toEqual([]);
  });

  it('is not offered without a rubric, and refused to anyone but the owner', async () => {
    const { h, reviewer, ada, challengeId } = await scoredScene();
    const plain = await reviewScene({ rubric: [] }, false);
    await plain.owner.send('/mychallenges');
    expect((await plain.owner.press(/^1$/)).messages[0]!.buttons.flat().map((b) => b.text)).not.toContain('📊 Ranking');
    for (const who of [reviewer, ada]) {
      const pressed = await who.pressData(`v1:jk:${challengeId}:0`);
      expect(pressed.answers[0]!.alert).toBe(true);
      expect(pressed.sent).toEqual([]);
    }
    expect(h.logs).toEqual([]);
  });

  it('sends chosen comments as feedback, without the reviewer; bad input re-asks; /cancel sends nothing', async () => {
    const { h, owner, ada, adaBidId, bobBidId } = await scoredScene();
    await owner.pressData(`v1:jk:${(await h.runtime.services.bids.get(await accountOf(h, owner), adaBidId)).challengeId}:0`);
    // Bob's bid has no comment to send.
    expect((await owner.press(/^1$/)).answers).toEqual([{ text: t.ranking.noComments, alert: true }]);
    const pick = await owner.press(/^2$/);
    expect(pick.sent[0]).toContain('1/3 · Which reviewer comments go to <b>Ada Lovelace</b>?');
    expect(pick.sent[0]).toContain('1. <b>Feasibility</b> (4/5): <i>Credible pilot data</i>');
    expect(pick.sent[0]).toContain('2. <b>Feasibility</b> (2/5): <i>The leachate is unproven</i>');
    expect((await owner.press('Done')).answers).toEqual([{ text: t.feedback.pickOne, alert: true }]);
    await owner.press('1. Feasibility (4/5)');
    expect((await owner.press('Done')).sent).toEqual([t.feedback.askNote]);
    expect((await owner.send('x'.repeat(2001))).sent).toEqual([t.feedback.badNote]);
    const preview = await owner.press('Skip');
    expect(preview.sent).toEqual(['3/3 · 👀 <b>Feedback for Ada Lovelace</b>:\n<i>Feasibility: Credible pilot data</i>']);
    expect((await owner.press('Send feedback')).sent).toEqual([t.feedback.sent]);
    const asBidder = await h.runtime.services.bids.get(await accountOf(h, ada), adaBidId);
    expect(asBidder.feedback).toBe('Feasibility: Credible pilot data');

    // The bidder's alert carries the comments, never a reviewer's name or a score.
    const { account, items } = await notificationsOf(h, ada);
    const alert = await renderNotification(h.runtime.services, items.find((n) => n.kind === 'feedback')!, account);
    expect(alert.text).toContain(`💬 <b>Reviewer feedback on your bid for “${TITLE}”</b>`);
    expect(alert.text).toContain('Feasibility: Credible pilot data');
    expect(alert.text).not.toMatch(/Rivera|Chen|4\/5|3\.6/);

    await owner.press(/^2$/);
    await owner.press('2. Feasibility (2/5)');
    expect((await owner.send('/cancel')).sent).toEqual([t.conversation.cancelled]);
    expect((await h.runtime.services.bids.get(await accountOf(h, ada), adaBidId)).feedback).toBe('Feasibility: Credible pilot data');
    // A bidder cannot start it.
    expect((await ada.pressData(`v1:jf:${bobBidId}`)).answers[0]!.alert).toBe(true);
  });
});

describe('advancing a phase', () => {
  const phases = [
    { name: 'Concept', deadline: '2026-11-10T00:00:00.000Z', shortlistSize: 1 },
    { name: 'Full proposal', deadline: '2026-12-20T00:00:00.000Z', shortlistSize: 1 },
  ];

  it('is offered once the phase has ended, confirms with the shortlist shown, and moves the shortlist on', async () => {
    const { h, owner, ada, bob, challengeId, adaBidId, bobBidId } = await reviewScene({ phases, deadline: undefined });
    const open = await owner.pressData(`v1:jk:${challengeId}:0`);
    expect(open.sent[0]).toContain(`📊 <b>Ranking of “${TITLE}”</b> · Concept (1–2)`);
    expect(open.messages[0]!.buttons.flat().map((b) => b.text)).not.toContain(t.ranking.advance);

    h.runtime.clock.set('2026-11-11T00:00:00.000Z');
    const closed = await owner.pressData(`v1:jk:${challengeId}:0`);
    expect(closed.messages[0]!.buttons.flat().map((b) => b.text)).toContain(t.ranking.advance);
    expect((await owner.press(t.ranking.advance)).answers).toEqual([{ text: t.ranking.noShortlist, alert: true }]);

    await h.runtime.services.bids.shortlist(await accountOf(h, owner), adaBidId);
    const ask = await owner.press(t.ranking.advance);
    expect(ask.sent).toEqual([t.ranking.confirmAdvance('Full proposal', '• <b>Ada Lovelace</b>')]);
    expect((await owner.press('No, keep it')).edited).toEqual([t.confirm.kept]);
    expect((await h.runtime.services.challenges.get(null, challengeId)).phase).toBe(0);

    await owner.press(t.ranking.advance);
    const done = await owner.press('Yes, advance');
    expect(done.edited).toEqual(['➡️ On to “Full proposal”: 1 bid goes on and their bidders are invited to revise; the others were told.']);
    const challenge = await h.runtime.services.challenges.get(null, challengeId);
    expect(challenge).toMatchObject({ phase: 1, status: 'open' });
    expect((await h.runtime.services.bids.get(await accountOf(h, ada), adaBidId)).status).toBe('submitted');
    expect((await h.runtime.services.bids.get(await accountOf(h, bob), bobBidId)).status).toBe('rejected');

    // Ada's alert is her bid's card under the news.
    const { account, items } = await notificationsOf(h, ada);
    const alert = await renderNotification(h.runtime.services, items.find((n) => n.kind === 'phase-advanced')!, account);
    expect(alert.text).toContain(`➡️ <b>Your bid on “${TITLE}” goes on to the next phase</b>`);
    expect(alert.text).toContain('closed-loop leaching');
    expect(alert.keyboard!.inline_keyboard.flat().map((b) => b.text)).toContain(t.bid.challenge);
  });
});

describe('evaluation alerts', () => {
  it('the reviewer’s alert opens their bids; the owner’s "all scores in" opens the ranking', async () => {
    const { h, owner, reviewer, adaBidId, bobBidId, challengeId } = await reviewScene();
    const mine = await notificationsOf(h, reviewer);
    const assigned = await renderNotification(h.runtime.services, mine.items.find((n) => n.kind === 'review-assigned')!, mine.account);
    expect(assigned.text).toBe(`🧑‍⚖️ <b>You were asked to review “${TITLE}”</b>`);
    expect(assigned.keyboard!.inline_keyboard.flat()).toEqual([{ text: t.reviews.openButton, callback_data: `v1:jo:${challengeId}:0` }]);

    await scoreAs(h, reviewer, adaBidId, 4, 3);
    expect((await notificationsOf(h, owner)).items.some((n) => n.kind === 'scores-complete')).toBe(false);
    await scoreAs(h, reviewer, bobBidId, 2, 2);
    const theirs = await notificationsOf(h, owner);
    const complete = await renderNotification(h.runtime.services, theirs.items.find((n) => n.kind === 'scores-complete')!, theirs.account);
    expect(complete.keyboard!.inline_keyboard.flat()).toEqual([{ text: '📊 Ranking', callback_data: `v1:jk:${challengeId}:0` }]);
    // Pressed, it shows the ranking, now complete.
    expect((await owner.pressData(`v1:jk:${challengeId}:0`)).sent[0]).toContain('1 reviewer · ✅ all scores in');
  });
});
