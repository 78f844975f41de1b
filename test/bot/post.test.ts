import { describe, expect, it } from 'vitest';
import { botHarness } from '../support/telegram-bot.js';
import { createTelegramChannel } from '../../bot/telegram-channel.js';
import { accountOf, submitBid } from '../support/telegram-fixtures.js';

/** Answers the nine /post steps with valid values, stopping before the preview's buttons. */
async function fillPost(u: Awaited<ReturnType<Awaited<ReturnType<typeof botHarness>>['registered']>>, zh = false) {
  await u.send('/post');
  await u.send('Battery recycling at scale');
  await u.send('Recover lithium and cobalt from spent EV batteries at industrial scale.');
  await u.send('We need a hydrometallurgical route with more than 95% recovery.');
  await u.press(zh ? '完成' : 'Done');
  await u.press(zh ? '新能源汽车' : 'New energy vehicles');
  await u.press(zh ? '生态环保' : 'Environmental protection');
  await u.press(zh ? '完成' : 'Done');
  await u.press(zh ? '跳过' : 'Skip');
  await u.press(zh ? '方案征集' : 'Request for proposals');
  await u.send(zh ? '¥50万' : '500,000 CNY');
  await u.send(zh ? '30天后' : '2026-12-31');
  return u.press(zh ? '独占许可' : 'Exclusive licence');
}

describe('/post', () => {
  it('walks an enterprise through every step to a preview, and publishes', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { roles: 'enterprise' });
    const preview = await fillPost(u);
    expect(preview.edited[0]).toContain('Exclusive licence');
    const card = preview.sent[0]!;
    expect(card).toContain('Preview');
    expect(card).toContain('<b>Battery recycling at scale</b>');
    expect(card).toContain('CN¥500,000');
    expect(card).toContain('31 Dec 2026, 23:59 UTC');
    expect(card).toContain('<b>Type:</b> Request for proposals');
    expect(card).toContain('Environmental protection · New energy vehicles');
    expect(card).toContain('hydrometallurgical');
    expect(preview.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['🚀 Publish', '💾 Save as draft', '✖️ Cancel']);

    const published = await u.press('Publish');
    expect(published.sent[0]).toContain('Published');
    // Counted from the same instant as the preview: the same days left.
    expect(published.sent[1]).toContain(/— (\d+ days left)/.exec(card)![1]);
    expect(published.messages[1]!.buttons.flat().map((b) => b.text)).toEqual(['📥 Bids (0)', 'ℹ️ Details', '✏️ Edit', '🔒 Close', '✖️ Cancel']);
    const mine = await h.runtime.services.challenges.list(await accountOf(h, u), { limit: 10, owner: 'me', field: undefined });
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      title: 'Battery recycling at scale',
      status: 'open',
      fields: ['environment', 'new-energy-vehicles'],
      reward: { amount: 500000, currency: 'CNY' },
      deadline: '2026-12-31T23:59:59.000Z',
      ipTerms: 'exclusive-license',
    });
  });

  it('re-asks every step on invalid input, with a message saying what is wrong', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { roles: 'enterprise' });
    await u.send('/post');
    expect((await u.send('ab')).sent).toEqual(['A title needs 3 to 160 characters. Please send it again.']);
    expect((await u.send('x'.repeat(161))).sent[0]).toContain('3 to 160');
    expect((await u.sendSticker()).sent[0]).toContain('text message');
    expect((await u.send('Battery recycling')).sent[0]).toContain('summary');
    expect((await u.send('too short')).sent[0]).toContain('10 to 600');
    await u.send('A summary that is long enough to pass.');
    const skipped = await u.press('Skip');
    expect(skipped.edited[0]).toContain('Skip');
    expect(skipped.sent[0]).toContain('fields');
    expect((await u.send('energy')).sent[0]).toContain('tap one of the buttons');
    const none = await u.press('Done');
    expect(none.answers).toEqual([{ text: 'Pick at least one field.', alert: true }]);
    await u.press('Clean & efficient energy');
    const untick = await u.press('✅ Clean & efficient energy');
    expect(untick.answers).toEqual([{ text: '', alert: false }]);
    await u.press('Clean & efficient energy');
    expect((await u.press('Done')).sent[0]).toContain('Keywords');
    await u.press('Skip');
    expect((await u.press('Ideas')).sent[0]).toContain('reward');
    expect((await u.send('a lot of money')).sent[0]).toContain('did not understand that amount');
    expect((await u.send('-5')).sent[0]).toBe('The reward must be more than 0. Please send an amount, e.g. <code>500000 CNY</code>.');
    expect((await u.send('0')).sent[0]).toContain('must be more than 0');
    expect((await u.send('80k USD')).sent[0]).toContain('deadline');
    expect((await u.send('someday')).sent[0]).toContain('did not understand that date');
    expect((await u.send('2020-01-01')).sent[0]).toContain('must be in the future');
    expect((await u.send('2099-01-01')).sent[0]).toContain('at most five years');
    expect((await u.send('in 30 days')).sent[0]).toContain('IP terms');
    expect((await u.send('negotiable')).sent[0]).toContain('tap one of the buttons');
    const preview = await u.press('Joint R&D');
    expect(preview.sent[0]).toContain('US$80,000');
    expect(preview.sent[0]).toContain('30 days left');
    const draft = await u.press('Save as draft');
    expect(draft.sent[0]).toContain('Saved as a draft');
    expect(draft.messages[1]!.buttons.flat().map((b) => b.text)).toEqual(['🚀 Publish', 'ℹ️ Details', '✏️ Edit', '✖️ Cancel']);
    const [challenge] = (await h.runtime.services.challenges.list(await accountOf(h, u), { limit: 10, owner: 'me', field: undefined })).items;
    expect(challenge).toMatchObject({ status: 'draft', description: '', fields: ['energy'], type: 'ideation', keywords: [], reward: { amount: 80000, currency: 'USD' }, ipTerms: 'joint-rd' });
    expect(challenge!.deadline).toBe(new Date(h.runtime.clock.now().getTime() + 30 * 86_400_000).toISOString());
  });

  it('Cancel on the preview discards it', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { roles: 'enterprise' });
    await fillPost(u);
    const discarded = await u.press('✖️ Cancel');
    expect(discarded.sent).toEqual(['OK, discarded. Nothing was posted.']);
    expect((await h.runtime.services.challenges.list(await accountOf(h, u), { limit: 10, owner: 'me', field: undefined })).items).toEqual([]);
  });

  it('the published card is kept true: a new bid delivered to the owner edits its Bids count', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { roles: 'enterprise' });
    const researcher = await h.registered(2, { firstName: 'Ada' });
    await fillPost(u);
    const published = await u.press('Publish');
    const cardId = published.messages[1]!.messageId;
    const [challenge] = (await h.runtime.services.challenges.list(await accountOf(h, u), { limit: 1, owner: 'me', field: undefined })).items;
    await submitBid(h, researcher, challenge!.id);
    const [row] = (await h.runtime.store.tables.notifications.where('accountId', (await accountOf(h, u)).id)).filter((n) => n.kind === 'bid-received');
    const channel = createTelegramChannel({ api: h.bot.api, services: h.runtime.services, cards: h.cards });
    await channel.send(row!, await accountOf(h, u));
    const card = u.messages.find((m) => m.messageId === cardId)!;
    expect(card.buttons.flat().map((b) => b.text)).toEqual(['📥 Bids (1)', 'ℹ️ Details', '✏️ Edit', '🔒 Close', '✖️ Cancel']);
  });

  it('/cancel leaves the conversation at any step, and a later answer is not taken for it', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { roles: 'enterprise' });
    await u.send('/post');
    await u.send('Battery recycling at scale');
    expect((await u.send('/cancel')).sent).toEqual(['OK, I left the form. Nothing was saved.']);
    const after = await u.send('Some summary text here');
    expect(after.sent[0]).toContain('Did you want to search');
    expect((await u.send('/cancel')).sent[0]).toContain('nothing to cancel');
  });

  it('another command asks before throwing the form away: Keep going keeps every answer, Leave ends it', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { roles: 'enterprise' });
    await u.send('/post');
    await u.send('Battery recycling at scale');
    const ask = await u.send('/challenges');
    expect(ask.sent).toEqual(['You are in the middle of a form. Leave it — and lose what you have answered — to run /challenges?']);
    expect((await u.press('Keep going')).edited[0]).toBe('OK — carry on with the question above.');
    expect((await u.send('Recover lithium and cobalt from spent EV batteries.')).sent[0]).toContain('description');
    await u.send('/help');
    expect((await u.press('Leave the form')).edited[0]).toBe('OK, I left the form. Send /help again to run it.');
    expect((await u.send('Battery recycling at scale')).sent[0]).toContain('Did you want to search');
  });

  it('the same command sent twice is taken as a yes and runs', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { roles: 'enterprise' });
    await u.send('/post');
    await u.send('/help');
    const help = await u.send('/help');
    expect(help.sent[0]).toContain('/mychallenges');
  });

  it('takes a long description in several messages until Done, and cuts nothing', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { roles: 'enterprise' });
    await u.send('/post');
    await u.send('Battery recycling at scale');
    await u.send('Recover lithium and cobalt from spent EV batteries.');
    const first = 'a'.repeat(4096);
    expect((await u.send(first)).sent[0]).toContain('4,096 characters in all');
    expect((await u.send('b'.repeat(992))).sent[0]).toContain('2 parts, 5,089 characters in all');
    expect((await u.press('Done')).sent[0]).toContain('fields');
    await u.press('Clean & efficient energy');
    await u.press('Done');
    await u.press('Skip');
    await u.press('Prototype');
    await u.press('CN¥500,000');
    await u.press('60 days');
    await u.press('Negotiable');
    await u.press('Save as draft');
    const [challenge] = (await h.runtime.services.challenges.list(await accountOf(h, u), { limit: 10, owner: 'me', field: undefined })).items;
    expect(challenge!.description).toBe(`${first}\n${'b'.repeat(992)}`);
    expect(challenge).toMatchObject({ type: 'prototype', reward: { amount: 500000, currency: 'CNY' } });
    expect(challenge!.deadline).toBe(new Date(h.runtime.clock.now().getTime() + 60 * 86_400_000).toISOString());
  });

  it('suggests keywords from the title and summary in both languages, and keeps them', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { roles: 'enterprise' });
    await u.send('/post');
    await u.send('Perovskite solar cell stability');
    await u.send('Keep perovskite modules stable outdoors for ten years.');
    await u.press('Skip');
    await u.press('Clean & efficient energy');
    const ask = await u.press('Done');
    expect(ask.sent[0]).toContain('钙钛矿');
    await u.press('Use these');
    await u.press('Request for proposals');
    await u.send('50万');
    await u.send('2027-06-30');
    await u.press('Negotiable');
    await u.press('Save as draft');
    const [challenge] = (await h.runtime.services.challenges.list(await accountOf(h, u), { limit: 10, owner: 'me', field: undefined })).items;
    expect(challenge!.keywords).toEqual(expect.arrayContaining(['钙钛矿']));
    expect(challenge!.keywords.some((k) => /perovskite/i.test(k))).toBe(true);
  });

  it('a date-only deadline is the end of that day in the poster’s zone (Beijing for a Chinese account)', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { roles: 'enterprise', locale: 'zh' });
    await u.send('/post');
    await u.send('电池回收');
    await u.send('从废旧动力电池中回收锂和钴，要求工业规模。');
    await u.press('跳过');
    await u.press('新能源汽车');
    await u.press('完成');
    await u.press('跳过');
    await u.press('方案征集');
    await u.send('¥50万');
    await u.send('2027-06-30');
    const preview = await u.press('面议');
    expect(preview.sent[0]).toContain('2027年6月30日 23:59 北京时间');
    await u.press('存为草稿');
    const [challenge] = (await h.runtime.services.challenges.list(await accountOf(h, u), { limit: 10, owner: 'me', field: undefined })).items;
    expect(challenge!.deadline).toBe('2027-06-30T15:59:59.000Z');
  });

  it('a button of a finished step answers that the step is done', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { roles: 'enterprise' });
    await u.send('/post');
    await u.send('Battery recycling at scale');
    await u.send('Recover lithium and cobalt from spent EV batteries.');
    await u.press('Skip');
    await u.press('Clean & efficient energy');
    const tick = u.findButton('Clean & efficient energy');
    const done = await u.press('Done');
    expect(done.edited[0]).toContain('→ <b>Clean &amp; efficient energy</b>');
    // Telegram still delivers a press of a button on the old message (an edit may not have reached the app).
    const stale = await u.pressData(tick.data, tick.message.messageId);
    expect(stale.answers).toEqual([{ text: 'That step is already done.', alert: false }]);
    expect(stale.sent).toEqual([]);
  });

  it('works in Chinese, with 30天后 as the deadline', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { roles: 'enterprise', locale: 'zh' });
    expect((await u.send('/post')).sent[1]).toContain('需求<b>标题</b>');
    await u.send('电池回收');
    await u.send('从废旧动力电池中回收锂和钴，要求工业规模。');
    await u.send('需要湿法冶金路线，回收率超过95%。');
    await u.press('完成');
    await u.press('新能源汽车');
    await u.press('完成');
    await u.press('跳过');
    await u.press('方案征集');
    await u.send('¥50万');
    await u.send('30天后');
    const preview = await u.press('独占许可');
    expect(preview.sent[0]).toContain('预览');
    expect(preview.sent[0]).toContain('¥500,000');
    expect(preview.sent[0]).toContain('剩余 30 天');
    expect((await u.press('发布')).sent[0]).toContain('已发布');
  });

  it('tells a researcher-only account how to become an enterprise, and a visitor to /start', async () => {
    const h = await botHarness();
    const researcher = await h.registered(1, { roles: 'researcher' });
    expect((await researcher.send('/post')).sent[0]).toContain('for enterprise accounts');
    expect((await h.user(2).send('/post')).sent[0]).toContain('Send /start');
  });
});
