import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../bot/i18n.js';
import { reviewScene, scoreAs } from '../support/evaluation-fixtures.js';
import { accountOf } from '../support/telegram-fixtures.js';

const t = messagesFor('en');
const TITLE = 'Battery recycling at scale';

describe('/reviews: redeeming an invite code', () => {
  it('a bad code says why and asks again; a good one makes a reviewer, who then declares conflicts', async () => {
    const { h, owner, reviewer, challengeId } = await reviewScene({}, false);
    const { code } = await h.runtime.services.reviews.createInvite(await accountOf(h, owner), challengeId);
    const empty = await reviewer.send('/reviews');
    expect(empty.sent).toEqual([t.reviews.none]);
    const ask = await reviewer.press('Redeem an invite code');
    expect(ask.sent).toEqual([t.redeem.askCode(1, 3)]);
    expect((await reviewer.send('ab')).sent).toEqual([t.redeem.badCode]);
    const wrong = await reviewer.send('WRONG-CODE-1');
    expect(wrong.sent).toEqual([t.redeem.invalidCode, t.redeem.askCode(1, 3)]);
    const redeemed = await reviewer.send(code);
    expect(redeemed.sent).toEqual([t.redeem.redeemed(TITLE), t.redeem.askOrganizations(2, 3)]);
    expect((await reviewer.send('x'.repeat(161))).sent).toEqual([t.redeem.badNames]);
    expect((await reviewer.press('None')).sent).toEqual([t.redeem.askPeople(3, 3)]);
    const declared = await reviewer.send('Bob');
    expect(declared.sent).toEqual(['✅ Noted. 1 bid to score; recused from 1. Open them with /reviews.']);
    const [assignment] = (await h.runtime.services.reviews.listMine(await accountOf(h, reviewer), { limit: 10 })).items;
    expect(assignment!.conflicts).toEqual({ organizations: [], people: ['Bob'] });
    expect(assignment!.recused).toBe(1);
  });

  it('/reviews CODE redeems at once; /cancel leaves the conflicts questions', async () => {
    const { h, owner, reviewer, challengeId } = await reviewScene({}, false);
    const { code } = await h.runtime.services.reviews.createInvite(await accountOf(h, owner), challengeId);
    expect((await reviewer.send('/reviews nope')).sent).toEqual([t.redeem.invalidCode, t.redeem.askCode(1, 3)]);
    expect((await reviewer.send('/cancel')).sent).toEqual([t.conversation.cancelled]);
    const redeemed = await reviewer.send(`/reviews ${code.toLowerCase()}`);
    expect(redeemed.sent).toEqual([t.redeem.redeemed(TITLE), t.redeem.askOrganizations(2, 3)]);
    expect((await reviewer.send('/cancel')).sent).toEqual([t.conversation.cancelled]);
    const [assignment] = (await h.runtime.services.reviews.listMine(await accountOf(h, reviewer), { limit: 10 })).items;
    expect(assignment!.conflicts).toEqual({ organizations: [], people: [] });
    // A used code is refused like any bad one.
    expect((await reviewer.send(`/reviews ${code}`)).sent[0]).toBe(t.redeem.invalidCode);
  });
});

describe('/reviews: assignments and bids', () => {
  it('lists assignments with their progress; a bid opens in place with its rubric and the bidder', async () => {
    const { reviewer } = await reviewScene();
    const list = await reviewer.send('/reviews');
    expect(list.sent).toEqual([`🧑‍⚖️ <b>Your reviews</b> (1–1)\n\n1. <b>${TITLE}</b>\n${t.challengeStatus.open}\n📝 0 of 2 bids scored`]);
    expect(list.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['1', '🎟 Redeem an invite code']);
    const bids = await reviewer.press(/^1$/);
    expect(bids.sent[0]).toContain(`📋 <b>Bids to review on “${TITLE}”</b> (1–2)\n📝 0 of 2 bids scored`);
    expect(bids.sent[0]).toContain('1. A closed-loop leaching process with solvent recovery.\n⏳ to score');
    const bid = await reviewer.press(/^1$/);
    expect(bid.sent).toEqual([]);
    expect(bid.edited[0]).toContain(`📄 <b>Bid 1 of 2 on “${TITLE}”</b>`);
    expect(bid.edited[0]).toContain('• <b>Feasibility</b> (60%) — Can it be built at industrial scale?');
    expect(bid.edited[0]).toContain(t.reviews.notScored);
    expect(bid.edited[0]).toContain('👤 Ada Lovelace');
    expect(reviewer.lastMessage.buttons.flat().map((b) => b.text)).toEqual(['✍️ Score', '🙅 Recuse', '◂ Bids']);
    const back = await reviewer.press('◂ Bids');
    expect(back.edited[0]).toContain('Bids to review on');
  });

  it('speaks Chinese to a Chinese reviewer', async () => {
    const { h, owner, challengeId } = await reviewScene({}, false);
    const zh = await h.registered(6, { locale: 'zh' });
    await h.runtime.services.reviews.add(await accountOf(h, owner), challengeId, { accountId: (await accountOf(h, zh)).id });
    const list = await zh.send('/reviews');
    expect(list.sent[0]).toContain('🧑‍⚖️ <b>我的评审</b>（1–1）');
    expect(list.sent[0]).toContain('📝 已评分 0/2 份投标');
    expect(list.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['1', '🎟 使用邀请码']);
    await zh.press(/^1$/);
    await zh.press(/^1$/);
    const first = await zh.press('评分');
    expect(first.sent[1]).toContain('1/5 · <b>Feasibility</b>（60%）');
    expect((await zh.send('9')).sent).toEqual([messagesFor('zh').score.badScore]);
  });

  it('a blind review shows the bid without its bidder, exactly as the domain hands it out', async () => {
    const { h, reviewer, adaBidId } = await reviewScene({ blind: true });
    const fromDomain = await h.runtime.services.reviews.readBid(await accountOf(h, reviewer), adaBidId);
    expect(fromDomain.bidder).toBeNull();
    await reviewer.send('/reviews');
    await reviewer.press(/^1$/);
    const bid = await reviewer.press(/^1$/);
    expect(bid.edited[0]).toContain(t.reviews.blindBidder);
    expect(bid.edited[0]).not.toContain('Ada');
    expect(bid.edited[0]).not.toContain('👤');
  });

  it('a recused bid is counted, never listed, and cannot be opened, scored or recused from', async () => {
    const { h, reviewer, challengeId, bobBidId } = await reviewScene();
    await h.runtime.services.reviews.declareConflicts(await accountOf(h, reviewer), challengeId, { organizations: [], people: ['Bob'] });
    expect((await reviewer.send('/reviews')).sent[0]).toContain('📝 0 of 1 bid scored · 🚫 1 recused');
    const bids = await reviewer.press(/^1$/);
    expect(bids.sent[0]).toContain(t.reviews.recusedNote(1));
    expect(bids.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['1']);
    for (const code of ['jb', 'js', 'jx']) {
      const pressed = await reviewer.pressData(`v1:${code}:${bobBidId}`);
      expect(pressed.answers).toEqual([{ text: t.reviews.notOpenable, alert: true }]);
      expect(pressed.sent).toEqual([]);
      expect(pressed.edited).toEqual([]);
    }
  });

  it('a bidder sees neither reviews, scores nor reviewers', async () => {
    const { h, reviewer, ada, adaBidId, challengeId } = await reviewScene();
    await scoreAs(h, reviewer, adaBidId, 4, 3, 'Credible pilot data');
    expect((await ada.send('/reviews')).sent).toEqual([t.reviews.none]);
    expect((await ada.pressData(`v1:jb:${adaBidId}`)).answers).toEqual([{ text: t.reviews.notOpenable, alert: true }]);
    const ranking = await ada.pressData(`v1:jk:${challengeId}:0`);
    expect(ranking.answers[0]!.alert).toBe(true);
    expect(ranking.sent).toEqual([]);
    await ada.send('/mybids');
    const mine = await ada.press(/^1$/);
    expect(mine.sent[0]).not.toMatch(/Feasibility|Credible|Rivera|3\.6/);
  });
});

describe('/reviews: scoring a bid', () => {
  it('asks each criterion’s score and comment, re-asks on bad input, previews, saves, and updates the progress in place', async () => {
    const { h, reviewer, adaBidId } = await reviewScene();
    await reviewer.send('/reviews');
    await reviewer.press(/^1$/);
    await reviewer.press(/^1$/);
    const card = reviewer.findButton('Score').message;
    const first = await reviewer.press('✍️ Score');
    expect(first.sent[0]).toContain(`✍️ <b>Scoring a bid on “${TITLE}”</b>`);
    expect(first.sent[1]).toBe(t.score.askScore(1, 5, 'Feasibility', 60, 'Can it be built at industrial scale?', null));
    expect(first.messages[1]!.buttons.flat().map((b) => b.text)).toEqual(['1', '2', '3', '4', '5']);
    expect((await reviewer.send('7')).sent).toEqual([t.score.badScore]);
    expect((await reviewer.send('good')).sent).toEqual([t.score.badScore]);
    const comment = await reviewer.press(/^4$/);
    expect(comment.sent).toEqual([t.score.askComment(2, 5, 'Feasibility', '')]);
    expect((await reviewer.send('x'.repeat(2001))).sent).toEqual([t.score.badComment]);
    expect((await reviewer.send('Credible pilot data')).sent).toEqual([t.score.askScore(3, 5, 'Cost', 40, 'Unit cost at volume', null)]);
    await reviewer.send('3');
    const preview = await reviewer.press('Skip');
    expect(preview.sent[0]).toBe(
      '5/5 · 👀 <b>Your score sheet</b> — check it before saving:\n• <b>Feasibility</b> (60%): <b>4</b>/5\n  <i>Credible pilot data</i>\n• <b>Cost</b> (40%): <b>3</b>/5\n\nWeighted score: <b>3.6</b> of 5',
    );
    const saved = await reviewer.press('Save scores');
    expect(saved.sent).toEqual([`✅ Scores saved. 1 of 2 bids scored on “${TITLE}”.`]);
    expect(saved.messages[0]!.buttons.flat().map((b) => b.text)).toEqual([t.score.nextBid]);
    // The bid's own message now shows the scores, and the Recuse button is gone.
    const updated = reviewer.messages.find((m) => m.messageId === card.messageId)!;
    expect(updated.text).toContain('📝 <b>Your scores</b> · weighted 3.6 of 5');
    expect(updated.buttons.flat().map((b) => b.text)).toEqual(['✍️ Change my scores', '◂ Bids']);
    expect(await h.runtime.services.scores.mine(await accountOf(h, reviewer), adaBidId)).toMatchObject({
      scores: [
        { criterion: 'Feasibility', score: 4, comment: 'Credible pilot data' },
        { criterion: 'Cost', score: 3, comment: '' },
      ],
      weighted: 3.6,
    });
    const next = await reviewer.press(t.score.nextBid);
    expect(next.edited[0]).toContain(`📄 <b>Bid 2 of 2 on “${TITLE}”</b>`);
    await reviewer.press('◂ Bids');
    expect(reviewer.lastMessage.text).toContain('📝 1 of 2 bids scored');
    expect(reviewer.lastMessage.text).toContain('1. A closed-loop leaching process with solvent recovery.\n✅ scored');
  });

  it('scoring again shows the current scores and keeps what is kept', async () => {
    const { h, reviewer, adaBidId } = await reviewScene();
    await scoreAs(h, reviewer, adaBidId, 4, 3, 'Credible pilot data');
    await reviewer.send('/reviews');
    await reviewer.press(/^1$/);
    const bid = await reviewer.press(/^1$/);
    expect(bid.edited[0]).toContain('• <b>Feasibility</b> (60%): <b>4</b>/5\n  <i>Credible pilot data</i>');
    const first = await reviewer.press('Change my scores');
    expect(first.sent[1]).toContain('Your score now: <b>4</b>');
    expect(first.messages[1]!.buttons.flat().map((b) => b.text)).toEqual(['1', '2', '3', '✅ 4', '5']);
    const comment = await reviewer.press('✅ 4');
    expect(comment.sent[0]).toContain('Your comment now: <i>Credible pilot data</i>');
    await reviewer.press('Keep');
    await reviewer.press(/^5$/);
    await reviewer.press('Skip');
    await reviewer.press('Save scores');
    expect((await h.runtime.services.scores.mine(await accountOf(h, reviewer), adaBidId)).scores).toEqual([
      { criterion: 'Feasibility', score: 4, comment: 'Credible pilot data' },
      { criterion: 'Cost', score: 5, comment: '' },
    ]);
  });

  it('/cancel leaves the score form and nothing is saved', async () => {
    const { h, reviewer, adaBidId } = await reviewScene();
    await reviewer.send('/reviews');
    await reviewer.press(/^1$/);
    await reviewer.press(/^1$/);
    await reviewer.press('✍️ Score');
    await reviewer.press(/^4$/);
    expect((await reviewer.send('/cancel')).sent).toEqual([t.conversation.cancelled]);
    await expect(h.runtime.services.scores.mine(await accountOf(h, reviewer), adaBidId)).rejects.toThrow();
  });

  it('recusing asks a reason and a confirmation, then the bid leaves the list', async () => {
    const { h, reviewer } = await reviewScene();
    await reviewer.send('/reviews');
    await reviewer.press(/^1$/);
    await reviewer.press(/^1$/);
    expect((await reviewer.press('Recuse')).sent).toEqual([t.recuse.askReason]);
    expect((await reviewer.send('x'.repeat(501))).sent).toEqual([t.recuse.badReason]);
    expect((await reviewer.send('I advised this team last year')).sent[0]).toContain('Recuse from this bid for this reason?');
    const done = await reviewer.press('Yes, recuse');
    expect(done.sent).toEqual([t.recuse.done]);
    expect(done.edited).toContainEqual(expect.stringContaining('📝 0 of 1 bid scored\n' + t.reviews.recusedNote(1)));
    const [assignment] = (await h.runtime.services.reviews.listMine(await accountOf(h, reviewer), { limit: 10 })).items;
    expect(assignment!.recused).toBe(1);
  });
});
