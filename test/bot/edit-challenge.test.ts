import { describe, expect, it } from 'vitest';
import { botHarness, type BotHarness } from '../support/telegram-bot.js';
import { accountOf, postChallenge, submitBid } from '../support/telegram-fixtures.js';
import type { TelegramUser } from '../support/telegram-user.js';

const ALL_PARTS = ['Title', 'Summary', 'Description', 'Fields', 'Keywords', 'Type', 'Reward', 'Deadline', 'IP terms', '✅ Done'];

/** The owner's card of their only challenge, opened from /mychallenges. */
async function openCard(owner: TelegramUser) {
  await owner.send('/mychallenges');
  return (await owner.press(/^1$/)).messages[0]!;
}

/** The labels of the newest message's buttons. */
const labels = (message: { buttons: { text: string }[][] }) => message.buttons.flat().map((b) => b.text);

async function stored(h: BotHarness, owner: TelegramUser, id: string) {
  return h.runtime.services.challenges.get(await accountOf(h, owner), id);
}

describe('Edit a draft', () => {
  it('edits several parts, each with its current value and a before → after preview, then publishes from the same card', async () => {
    const h = await botHarness();
    const owner = await h.registered(1, { roles: 'enterprise' });
    const draft = await postChallenge(h, owner, {}, false);
    const card = await openCard(owner);

    const menu = await owner.press('Edit');
    expect(menu.sent[0]).toContain('Edit the draft</b> · 1/3');
    expect(labels(menu.messages[0]!)).toEqual(ALL_PARTS);

    const asked = await owner.press(/^Title$/);
    expect(asked.sent[0]).toContain('2/3 · <b>Title</b> now: Battery recycling at scale');
    expect(asked.sent[0]).toContain('What is the <b>title</b>?');
    expect(asked.sent[0]).not.toContain('1/9');
    expect((await owner.send('ab')).sent).toEqual(['A title needs 3 to 160 characters. Please send it again.']);
    const preview = await owner.send('Cobalt recovery from EV batteries');
    expect(preview.sent[0]).toContain('3/3 · <b>Title</b>\n<s>Battery recycling at scale</s>\n→ Cobalt recovery from EV batteries');
    expect(labels(preview.messages[0]!)).toEqual(['💾 Save', '↩️ Discard']);
    const saved = await owner.press('Save');
    expect(saved.edited).toContainEqual(expect.stringContaining('<b>Cobalt recovery from EV batteries</b>'));
    expect(saved.sent[0]).toBe('✅ Title saved; the card shows it.');
    expect(saved.sent[1]).toContain('1/3');
    expect((await stored(h, owner, draft.id)).title).toBe('Cobalt recovery from EV batteries');

    await owner.press(/^Reward$/);
    expect((await owner.send('a lot')).sent[0]).toContain('I did not understand that amount');
    const reward = await owner.send('800000 CNY');
    expect(reward.sent[0]).toContain('<s>CN¥500,000</s>\n→ CN¥800,000');
    await owner.press('Save');

    await owner.press(/^Type$/);
    const type = await owner.press('Prototype');
    expect(type.sent[0]).toContain('<s>Request for proposals</s>\n→ Prototype');
    expect((await owner.press('Discard')).sent[0]).toBe('OK — that change is discarded.');

    await owner.press(/^Fields$/);
    await owner.press('Environmental protection');
    await owner.press('Done');
    await owner.press('Save');

    const done = await owner.press('✅ Done');
    expect(done.sent[0]).toContain('Publish the draft from its card');
    const after = await stored(h, owner, draft.id);
    expect(after).toMatchObject({ title: 'Cobalt recovery from EV batteries', reward: { amount: 800000, currency: 'CNY' }, type: 'rfp', status: 'draft' });
    expect(after.fields).toEqual(['environment']);

    // The card edited in place still offers Publish, and it publishes the edited draft.
    const edited = owner.messages.find((m) => m.messageId === card.messageId)!;
    expect(edited.text).toContain('CN¥800,000');
    expect(labels(edited)).toContain('🚀 Publish');
    await owner.pressData(edited.buttons.flat().find((b) => b.text.includes('Publish'))!.data, card.messageId);
    expect((await stored(h, owner, draft.id)).status).toBe('open');
  });

  it('/cancel leaves the edit and changes nothing', async () => {
    const h = await botHarness();
    const owner = await h.registered(1, { roles: 'enterprise' });
    const draft = await postChallenge(h, owner, {}, false);
    await openCard(owner);
    await owner.press('Edit');
    await owner.press(/^Summary$/);
    expect((await owner.send('too short')).sent[0]).toContain('The summary needs 10 to 600 characters');
    expect((await owner.send('/cancel')).sent[0]).toContain('I left the form');
    expect((await owner.send('A completely different summary for the draft.')).sent.join()).not.toContain('3/3');
    expect((await stored(h, owner, draft.id)).summary).toBe('Recover lithium and cobalt from spent EV batteries at industrial scale.');
  });
});

describe('Edit an open challenge', () => {
  it('before any bid, every part is offered and said to close once a bid arrives', async () => {
    const h = await botHarness();
    const owner = await h.registered(1, { roles: 'enterprise' });
    await postChallenge(h, owner);
    await openCard(owner);
    const menu = await owner.press('Edit');
    expect(menu.sent[0]).toContain('No bid has arrived yet');
    expect(labels(menu.messages[0]!)).toEqual(ALL_PARTS);
  });

  it('with a bid in, offers only the reward and the deadline: a higher reward is taken, a lower one refused with the reason', async () => {
    const h = await botHarness();
    const owner = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, owner);
    await submitBid(h, await h.registered(2), challenge.id);
    await openCard(owner);
    const menu = await owner.press('Edit');
    expect(menu.sent[0]).toContain('With bids in, only a higher reward and a later deadline can change');
    expect(labels(menu.messages[0]!)).toEqual(['Reward', 'Deadline', '✅ Done']);

    const asked = await owner.press(/^Reward$/);
    expect(asked.sent[0]).toContain('<b>Reward</b> now: CN¥500,000');
    const lower = 'The reward of an open challenge can only go up, in the same currency: it is CN¥500,000 now. Please send a higher amount.';
    expect((await owner.send('400000 CNY')).sent).toEqual([lower]);
    expect((await owner.send('500000 CNY')).sent).toEqual([lower]);
    expect((await owner.send('900k USD')).sent).toEqual([lower]);
    const preview = await owner.send('600000');
    expect(preview.sent[0]).toContain('<s>CN¥500,000</s>\n→ CN¥600,000');
    await owner.press('Save');
    expect((await stored(h, owner, challenge.id)).reward).toEqual({ amount: 600000, currency: 'CNY' });
  });

  it('the deadline only moves later', async () => {
    const h = await botHarness();
    const owner = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, owner);
    await submitBid(h, await h.registered(2), challenge.id);
    await openCard(owner);
    await owner.press('Edit');
    await owner.press(/^Deadline$/);
    expect((await owner.send('2026-12-01')).sent).toEqual([
      'The deadline of an open challenge can only move later: it is 31 Dec 2026, 23:59 UTC now. Please send a later date.',
    ]);
    expect((await owner.send('someday')).sent[0]).toContain('I did not understand that date');
    const preview = await owner.send('2027-01-31');
    expect(preview.sent[0]).toContain('<s>31 Dec 2026, 23:59 UTC</s>\n→ 31 Jan 2027, 23:59 UTC');
    await owner.press('Save');
    expect((await stored(h, owner, challenge.id)).deadline).toBe('2027-01-31T23:59:59.000Z');
  });

  it('a bid arriving while the type is being changed: the save is refused with the reason and the parts narrow', async () => {
    const h = await botHarness();
    const owner = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, owner);
    await openCard(owner);
    await owner.press('Edit');
    await owner.press(/^Type$/);
    await owner.press('Prototype');
    await submitBid(h, await h.registered(2), challenge.id);
    const refused = await owner.press('Save');
    expect(refused.sent[0]).toContain('Type and IP terms are fixed once bids have arrived');
    expect(labels(refused.messages.at(-1)!)).toEqual(['Reward', 'Deadline', '✅ Done']);
    expect((await stored(h, owner, challenge.id)).type).toBe('rfp');
  });

  it('a challenge closed meanwhile: Edit is refused at once with its status, and a form left open ends saying why', async () => {
    const h = await botHarness();
    const owner = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, owner);
    const card = await openCard(owner);
    await owner.press('Edit');
    await owner.press(/^Title$/);
    await owner.send('A better title');
    await h.runtime.services.challenges.close(await accountOf(h, owner), challenge.id);
    const refused = await owner.press('Save');
    expect(refused.sent[0]).toContain('not possible right now');
    expect(refused.sent[1]).toBe('Only drafts and open challenges can be edited (this one: 🔒 Closed).');

    const again = await owner.pressData(card.buttons.flat().find((b) => b.text.includes('Edit'))!.data, card.messageId);
    expect(again.answers).toEqual([{ text: 'Only drafts and open challenges can be edited (this one: 🔒 Closed).', alert: true }]);
    expect(again.sent).toEqual([]);
    expect(labels(owner.messages.find((m) => m.messageId === card.messageId)!)).not.toContain('✏️ Edit');
    expect((await stored(h, owner, challenge.id)).title).toBe('Battery recycling at scale');
  });

  it('someone else pressing Edit is refused by the services, and told', async () => {
    const h = await botHarness();
    const owner = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, owner);
    const other = await h.registered(3, { roles: 'enterprise' });
    const pressed = await other.pressData(`v1:oe:${challenge.id}`);
    expect(pressed.answers[0]!.text).toContain("can't do that");
    expect(pressed.sent).toEqual([]);
  });

  it('works in Chinese', async () => {
    const h = await botHarness();
    const owner = await h.registered(1, { roles: 'enterprise', locale: 'zh' });
    const challenge = await postChallenge(h, owner);
    await submitBid(h, await h.registered(2), challenge.id);
    await openCard(owner);
    const menu = await owner.press('编辑');
    expect(labels(menu.messages[0]!)).toEqual(['悬赏金额', '截止日期', '✅ 完成']);
    await owner.press('悬赏金额');
    expect((await owner.send('10万')).sent[0]).toContain('进行中的需求只能提高悬赏金额');
    expect((await owner.send('80万')).sent[0]).toContain('保存这项修改？');
    expect((await owner.press('保存')).sent[0]).toBe('✅ 悬赏金额已保存，卡片已更新。');
  });
});
