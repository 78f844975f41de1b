import { describe, expect, it } from 'vitest';
import { botHarness } from '../support/telegram-bot.js';
import { accountOf } from '../support/telegram-fixtures.js';

describe('/start', () => {
  it('registers a new Telegram user in one tap: the roles, in the app’s language, with English / 中文 to switch', async () => {
    const h = await botHarness();
    const u = h.user(7, { firstName: 'Ada', username: 'ada', languageCode: 'en-GB' });
    const welcome = await u.send('/start');
    expect(welcome.sent[0]).toContain('Welcome to <b>Tenderlab</b>');
    expect(welcome.sent[0]).toContain('Who are you on Tenderlab?');
    expect(welcome.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['🔬 Researcher', '🏢 Enterprise', '🔬🏢 Both', 'English', '中文']);
    const done = await u.press('Both');
    expect(done.edited[0]).toContain("You're all set, <b>Ada</b>! Your role: researcher and enterprise.");
    expect(done.sent[0]).toContain('/subscribe battery recycling');
    expect(done.sent[0]).toContain('/post');
    expect(done.sent[0]).toContain('/link CODE');
    const account = await accountOf(h, u);
    expect(account).toMatchObject({ displayName: 'Ada', roles: ['researcher', 'enterprise'], locale: 'en', telegram: { userId: 7, chatId: 7, username: 'ada', blocked: false } });
  });

  it('greets a zh-hans Telegram app in Chinese without asking for a language, and registers in Chinese', async () => {
    const h = await botHarness();
    const u = h.user(8, { firstName: '李', languageCode: 'zh-hans' });
    const welcome = (await u.send('/start')).sent[0]!;
    expect(welcome).toContain('欢迎使用');
    expect(welcome).toContain('您在 Tenderlab 的身份是');
    expect(welcome).not.toContain('language');
    const done = await u.press('科研人员');
    expect(done.edited[0]).toContain('注册完成');
    expect(done.sent[0]).toContain('/subscribe 电池回收');
    expect((await accountOf(h, u)).locale).toBe('zh');
  });

  it('English / 中文 under the welcome switches it, and registers in that language', async () => {
    const h = await botHarness();
    const u = h.user(11, { firstName: 'Lin', languageCode: 'en' });
    await u.send('/start');
    expect((await u.press('中文')).edited[0]).toContain('您在 Tenderlab 的身份是');
    await u.press('科研人员');
    expect((await accountOf(h, u)).locale).toBe('zh');
  });

  it('recognises an existing account and lets it change roles', async () => {
    const h = await botHarness();
    const u = await h.registered(9, { roles: 'researcher', firstName: 'Grace' });
    const again = await u.send('/start');
    expect(again.sent[0]).toContain('Welcome back, <b>Grace</b>. Your role: researcher.');
    const changed = await u.press('Enterprise');
    expect(changed.edited[0]).toContain('Your role is now: enterprise.');
    expect((await accountOf(h, u)).roles).toEqual(['enterprise']);
  });

  it('a second tap on an old registration button greets the account instead of making another', async () => {
    const h = await botHarness();
    const u = h.user(10);
    await u.send('/start');
    await u.press('English');
    const button = u.findButton('Researcher');
    await u.pressData(button.data, button.message.messageId);
    const again = await u.pressData(button.data, button.message.messageId);
    expect(again.sent[0]).toContain('Welcome back');
    expect((await h.runtime.store.tables.accounts.where('telegramUserId', 10)).length).toBe(1);
  });

  it('recognises an account made with the API and linked with /link', async () => {
    const h = await botHarness();
    const registered = await h.runtime.call('POST', '/api/auth/register', {
      body: { roles: ['enterprise'], displayName: 'Acme Batteries', organization: 'Acme', email: 'ops@acme.test', password: 'correct horse battery' },
    });
    const { body } = await h.runtime.call('POST', '/api/auth/link-code', { token: registered.body.token });
    const u = h.user(11);
    expect((await u.send(`/link ${body.code}`)).sent[0]).toContain('Linked!');
    expect((await u.send('/start')).sent[0]).toContain('Welcome back, <b>Acme Batteries</b>. Your role: enterprise.');
  });
});

describe('/help and /lang', () => {
  it('/help shows the sections of the roles held, and everything to a visitor', async () => {
    const h = await botHarness();
    const visitor = await h.user(20).send('/help');
    expect(visitor.sent[0]).toContain('/subscribe');
    expect(visitor.sent[0]).toContain('/post');
    expect(visitor.sent[0]).toContain('Send /start');
    const researcher = await (await h.registered(21, { roles: 'researcher' })).send('/help');
    expect(researcher.sent[0]).toContain('/mybids');
    expect(researcher.sent[0]).not.toContain('/post —');
    const zh = await (await h.registered(22, { roles: 'enterprise', locale: 'zh' })).send('/help');
    expect(zh.sent[0]).toContain('/post — 发布需求');
    // An enterprise's help does not end with the researcher's card buttons.
    expect(zh.sent[0]).not.toContain('✍️ 投标');
    expect(zh.sent[0]!.trimEnd().endsWith('/cancel — 退出当前表单')).toBe(true);
  });

  it('/lang switches the language of everything that follows', async () => {
    const h = await botHarness();
    const u = await h.registered(23);
    const choose = await u.send('/lang');
    expect(choose.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['English', '中文']);
    expect((await u.press('中文')).edited[0]).toBe('✅ 语言已设置为中文。');
    expect((await accountOf(h, u)).locale).toBe('zh');
    expect((await u.send('/challenges')).sent[0]).toContain('目前没有开放的需求');
    await u.send('/lang');
    expect((await u.press('English')).edited[0]).toBe('✅ Language set to English.');
  });

  it('/lang before /start says how to begin', async () => {
    const h = await botHarness();
    expect((await h.user(24).send('/lang')).sent[0]).toContain('Send /start');
  });
});
