import { describe, expect, it } from 'vitest';
import { botHarness } from '../support/telegram-bot.js';
import { accountOf, postChallenge } from '../support/telegram-fixtures.js';

describe('/challenges and /search', () => {
  it('lists open challenges in one numbered message, newest first; a number opens the card with Save, Details, Propose and Ask', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise', firstName: 'Acme' });
    const researcher = await h.registered(2);
    await postChallenge(h, enterprise, { title: 'Older one' });
    h.runtime.clock.advance(60_000);
    await postChallenge(h, enterprise, { title: 'Newer <b>one</b> & co' });
    await postChallenge(h, enterprise, { title: 'A draft' }, false);
    const list = await researcher.send('/challenges');
    expect(list.sent).toHaveLength(1);
    expect(list.sent[0]).toContain('Open challenges</b> (1–2)');
    expect(list.sent[0]).toContain('1. <b>Newer &lt;b&gt;one&lt;/b&gt; &amp; co</b>');
    expect(list.sent[0]).toContain('60 days left');
    expect(list.sent[0]).toContain('2. <b>Older one</b>');
    expect(list.sent[0]).not.toContain('A draft');
    expect(list.messages[0]!.buttons.map((row) => row.map((b) => b.text))).toEqual([['1', '2']]);
    const card = await researcher.press(/^1$/);
    expect(card.sent[0]).toContain('🏢 Acme');
    expect(card.messages[0]!.buttons.map((row) => row.map((b) => b.text))).toEqual([
      ['⭐ Save', 'ℹ️ Details'],
      ['✍️ Propose', '❓ Ask'],
    ]);
  });

  it('pages with Prev and Next, which edit the one list message in place and never repeat a page', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    for (let i = 1; i <= 7; i++) {
      await postChallenge(h, enterprise, { title: `Challenge number ${i}` });
      h.runtime.clock.advance(1000);
    }
    const u = await h.registered(2);
    const first = await u.send('/challenges');
    expect(first.sent).toHaveLength(1);
    expect(first.sent[0]).toContain('(1–5)');
    expect(first.messages[0]!.buttons.map((row) => row.map((b) => b.text))).toEqual([['1', '2', '3', '4', '5'], ['Next ▸']]);
    const second = await u.press('Next');
    expect(second.sent).toHaveLength(0);
    expect(second.edited[0]).toContain('(6–7)');
    expect(second.edited[0]).toContain('7. <b>Challenge number 1</b>');
    const back = await u.press('Prev');
    expect(back.sent).toHaveLength(0);
    expect(back.edited[0]).toContain('(1–5)');
  });

  it('says so when nothing is open', async () => {
    const h = await botHarness();
    expect((await h.user(3).send('/challenges')).sent[0]).toContain('no open challenges');
  });

  it('/search finds challenges by words, explains usage, and says when nothing matches', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    await postChallenge(h, enterprise, { title: 'Battery recycling at scale' });
    await postChallenge(h, enterprise, { title: 'Perovskite solar stability', summary: 'Keep perovskite cells stable for 10 years outdoors.' });
    const u = await h.registered(2);
    expect((await u.send('/search')).sent[0]).toContain('Send /search followed by');
    const found = await u.send('/search perovskite');
    expect(found.sent[0]).toContain('🔍 <b>perovskite</b> (1–1)');
    expect(found.sent[0]).toContain('Perovskite solar stability');
    const none = await u.send('/search graphene <x>');
    expect(none.sent[0]).toContain('Nothing open matches <b>graphene &lt;x&gt;</b>');
    expect(none.sent[0]).toContain('/subscribe graphene &lt;x&gt;');
  });

  it('/search finds Chinese challenges by Chinese words', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise', locale: 'zh' });
    await postChallenge(h, enterprise, { title: '钙钛矿太阳能电池稳定性', summary: '提高钙钛矿电池在户外十年的稳定性。' });
    const u = await h.registered(2, { locale: 'zh' });
    const found = await u.send('/search 钙钛矿');
    expect(found.sent[0]).toContain('🔍 <b>钙钛矿</b>（1–1）');
    expect(found.sent[0]).toContain('钙钛矿太阳能电池稳定性');
  });

  it('a More button of an old search answers that the list expired', async () => {
    const h = await botHarness();
    const u = await h.registered(2);
    const expired = await u.pressData('v1:mo:s:5:zzzzzz');
    expect(expired.answers).toEqual([{ text: 'This list has expired. Send the command again.', alert: true }]);
  });
});

describe('challenge card buttons', () => {
  it('Save and Unsave toggle the button; /saved lists saved challenges', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    await postChallenge(h, enterprise);
    const u = await h.registered(2);
    await u.send('/challenges');
    await u.press(/^1$/);
    expect((await u.send('/saved')).sent[0]).toContain('not saved any challenge');
    const saved = await u.press('⭐ Save');
    expect(saved.answers).toEqual([{ text: '⭐ Saved. Find it again with /saved.', alert: false }]);
    expect(u.findButton('Unsave').message.buttons[0]![0]!.text).toBe('★ Unsave');
    const list = await u.send('/saved');
    expect(list.sent[0]).toContain('Saved challenges</b> (1–1)');
    expect(list.sent[0]).toContain('1. <b>Battery recycling at scale</b>');
    const unsaved = await u.press('Unsave');
    expect(unsaved.answers[0]!.text).toContain('Removed');
    expect((await u.send('/saved')).sent[0]).toContain('not saved any challenge');
  });

  it('Details shows type, IP terms, description, counters and answered questions', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, enterprise);
    const u = await h.registered(2);
    const question = await h.runtime.services.questions.ask(await accountOf(h, u), challenge.id, { text: 'Is cobalt recovery required?' });
    await h.runtime.services.questions.answer(await accountOf(h, enterprise), question.id, { answer: 'Yes, above 90%.' });
    await u.send('/challenges');
    const details = await u.press(/^1$/);
    expect(details.answers).toHaveLength(1);
    const text = details.sent[0]!;
    expect(text).toContain('<b>Type:</b> Request for proposals');
    expect(text).toContain('<b>IP terms:</b> Exclusive licence');
    expect(text).toContain('hydrometallurgical');
    // A researcher does not learn whether anyone bid before the challenge closes.
    expect(text).toContain('bids sealed until it closes · 0 saves · 1 question');
    expect(text).toContain('Is cobalt recovery required?');
    expect(text).toContain('Yes, above 90%.');
  });

  it('a visitor can browse, and is sent to /start when pressing Save', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    await postChallenge(h, enterprise);
    const visitor = h.user(5);
    await visitor.send('/challenges');
    await visitor.press(/^1$/);
    const save = await visitor.press('Save');
    expect(save.answers).toEqual([{ text: expect.stringContaining('Send /start'), alert: true }]);
  });

  it('the owner sees its bids and Details instead of Save and Propose', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'both' });
    await postChallenge(h, enterprise);
    await enterprise.send('/challenges');
    const card = await enterprise.press(/^1$/);
    expect(card.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['📥 Bids (0)', 'ℹ️ Details']);
  });

  it('shows cards in Chinese', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    await postChallenge(h, enterprise);
    const u = await h.registered(2, { locale: 'zh' });
    const list = await u.send('/challenges');
    expect(list.sent[0]).toContain('开放的需求');
    expect(list.sent[0]).toContain('剩余 60 天');
    const card = await u.press(/^1$/);
    expect(card.sent[0]).toContain('💰 悬赏');
    expect(card.sent[0]).toContain('新能源汽车');
    expect(card.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['⭐ 收藏', 'ℹ️ 详情', '✍️ 投标', '❓ 提问']);
  });
});

describe('one clock', () => {
  it('shows the deadline in the account’s own zone once it sets one (PATCH /api/me timeZone), and refuses an unknown zone', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    await postChallenge(h, enterprise);
    const u = await h.registered(2);
    await u.send('/challenges');
    expect((await u.press(/^1$/)).sent[0]).toContain('31 Dec 2026, 23:59 UTC');
    const token = (await h.runtime.services.accounts.createExchangeCode(await accountOf(h, u))).code;
    const { body } = await h.runtime.call('POST', '/api/auth/exchange', { body: { code: token } });
    const bearer = (body as { token: string }).token;
    const patched = await h.runtime.call('PATCH', '/api/me', { token: bearer, body: { timeZone: 'Europe/Berlin' } });
    expect((patched.body as { timeZone: string }).timeZone).toBe('Europe/Berlin');
    expect((await h.runtime.call('PATCH', '/api/me', { token: bearer, body: { timeZone: 'Mars/Olympus' } })).status).toBe(422);
    await u.send('/challenges');
    expect((await u.press(/^1$/)).sent[0]).toContain('1 Jan 2027, 00:59 Europe/Berlin');
  });
});
