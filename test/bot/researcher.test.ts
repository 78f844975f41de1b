import { describe, expect, it } from 'vitest';
import { botHarness } from '../support/telegram-bot.js';
import { accountOf, postChallenge, submitBid } from '../support/telegram-fixtures.js';

describe('/subscribe and /subscriptions', () => {
  it('explains itself without words, and saves words, #fields and a minimum reward', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    const usage = await u.send('/subscribe');
    expect(usage.sent[0]).toContain('/subscribe battery recycling');
    expect(usage.sent[0]).toContain('#new-materials');
    const unknown = await u.send('/subscribe graphene #graphene');
    expect(unknown.sent[0]).toContain('I do not know the field <code>#graphene</code>');
    const created = await u.send('/subscribe battery recycling #new-energy-vehicles min:100000');
    expect(created.sent[0]).toContain('Alert saved: 🔔 <b>battery recycling</b> in New energy vehicles · reward ≥ 100,000 (in the challenge’s currency)');
    expect(created.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['⏸ Pause', '🗑 Delete']);
    const [subscription] = (await h.runtime.services.subscriptions.list(await accountOf(h, u), { limit: 5 })).items;
    expect(subscription).toMatchObject({ keywords: 'battery recycling', fields: ['new-energy-vehicles'], minReward: 100000, active: true });
  });

  it('lists alerts; Pause, Resume and Delete work', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    expect((await u.send('/subscriptions')).sent[0]).toContain('no alerts yet');
    await u.send('/subscribe 钙钛矿');
    const list = await u.send('/subscriptions');
    expect(list.sent[1]).toContain('<b>钙钛矿</b>');
    expect((await u.press('Pause')).edited[0]).toContain('⏸ paused');
    const account = await accountOf(h, u);
    expect((await h.runtime.services.subscriptions.list(account, { limit: 5 })).items[0]!.active).toBe(false);
    expect((await u.press('Resume')).answers[0]!.text).toBe('Resumed.');
    expect((await h.runtime.services.subscriptions.list(account, { limit: 5 })).items[0]!.active).toBe(true);
    expect((await u.press('Delete')).edited[0]).toContain('Alert deleted');
    expect((await h.runtime.services.subscriptions.list(account, { limit: 5 })).items).toEqual([]);
  });

  it('a forged button for someone else’s alert is refused', async () => {
    const h = await botHarness();
    const owner = await h.registered(1);
    await owner.send('/subscribe battery');
    const [subscription] = (await h.runtime.services.subscriptions.list(await accountOf(h, owner), { limit: 5 })).items;
    const other = await h.registered(2);
    expect((await other.pressData(`v1:sd:${subscription!.id}`)).answers[0]!.text).toContain('could not find that');
    expect((await h.runtime.services.subscriptions.list(await accountOf(h, owner), { limit: 5 })).items).toHaveLength(1);
  });

  it('speaks Chinese', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { locale: 'zh' });
    expect((await u.send('/subscribe 电池回收 #新材料 最低:5万')).sent[0]).toContain('提醒已保存：🔔 <b>电池回收</b>，领域：新材料 · 悬赏 ≥ 50,000（按需求自身币种）');
    // The usage lists the field tags in Chinese, which work as well as the English ids.
    const usage = (await u.send('/subscribe')).sent[0]!;
    expect(usage).toContain('<code>#新材料</code>');
    expect(usage).not.toContain('#new-materials');
  });

  it('answers Chinese free text naturally, not as a translation', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { locale: 'zh' });
    const reply = (await u.send('你好')).sent[0]!;
    expect(reply).not.toContain('自由文本');
    expect(reply).toContain('要按这段文字搜索需求吗？');
  });
});

describe('/mybids', () => {
  it('lists bids with status and receipt; the card offers Revise and Withdraw while the bid may change', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, enterprise);
    const u = await h.registered(2);
    expect((await u.send('/mybids')).sent[0]).toContain('not submitted a bid yet');
    const bid = await submitBid(h, u, challenge.id);
    const list = await u.send('/mybids');
    expect(list.sent).toHaveLength(1);
    expect(list.sent[0]).toContain('1. <b>Battery recycling at scale</b>\nCN¥300,000 · submitted');
    const card = await u.press(/^1$/);
    expect(card.sent[0]).toContain('Bid on “Battery recycling at scale”');
    expect(card.sent[0]).toContain('Status: <b>submitted</b>');
    expect(card.sent[0]).toContain(`🧾 Receipt <code>${bid.receipt.sha256.slice(0, 16)}…</code>`);
    expect(card.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['ℹ️ Challenge', '✏️ Revise', '↩️ Withdraw']);
    // Shortlisted, the bid can still be withdrawn but no longer revised.
    await h.runtime.services.bids.shortlist(await accountOf(h, enterprise), bid.id);
    const shortlisted = await u.press(/^1$/);
    expect(shortlisted.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['ℹ️ Challenge', '↩️ Withdraw']);
  });

  it('"Your bid" on a card shows the bid', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, enterprise);
    const u = await h.registered(2);
    await submitBid(h, u, challenge.id);
    await u.send('/challenges');
    await u.press(/^1$/);
    expect((await u.press('Your bid')).sent[0]).toContain('Status: <b>submitted</b>');
  });
});

describe('/link and /connect', () => {
  it('/link explains itself, rejects wrong codes, and stops guessing after five', async () => {
    const h = await botHarness();
    const u = h.user(1);
    expect((await u.send('/link')).sent[0]).toContain('POST /api/auth/link-code');
    for (let i = 0; i < 5; i++) expect((await u.send('/link WRONGCODE')).sent[0]).toContain('That code is not valid');
    expect((await u.send('/link WRONGCODE')).sent[0]).toContain('Too many wrong codes');
    h.runtime.clock.advance(10 * 60_000 + 1);
    expect((await u.send('/link WRONGCODE')).sent[0]).toContain('That code is not valid');
  });

  it('/link moves this chat to the API account; the code works once', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    const registered = await h.runtime.call('POST', '/api/auth/register', {
      body: { roles: ['researcher'], displayName: '王博士', email: 'wang@lab.test', password: 'correct horse battery', locale: 'zh' },
    });
    const { body } = await h.runtime.call('POST', '/api/auth/link-code', { token: registered.body.token });
    expect((await u.send(`/link ${body.code}`)).sent[0]).toContain('关联成功');
    expect((await accountOf(h, u)).id).toBe(registered.body.account.id);
    expect((await u.send(`/link ${body.code}`)).sent[0]).toContain('验证码无效');
  });

  it('/connect gives a one-time code that signs the extension in through the API', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    const reply = await u.send('/connect');
    const code = /<code>([A-Z0-9]+)<\/code>/.exec(reply.sent[0]!)![1]!;
    expect(reply.sent[0]).toContain('works once');
    const exchanged = await h.runtime.call('POST', '/api/auth/exchange', { body: { code } });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.account.id).toBe((await accountOf(h, u)).id);
    expect((await h.runtime.call('POST', '/api/auth/exchange', { body: { code } })).status).toBe(422);
    expect((await h.user(2).send('/connect')).sent[0]).toContain('Send /start');
  });

  it('/connect is rate limited by the services and says so', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    for (let i = 0; i < 5; i++) await u.send('/connect');
    expect((await u.send('/connect')).sent[0]).toContain('Slow down a little');
  });
});
