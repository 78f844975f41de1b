import { describe, expect, it } from 'vitest';
import { botHarness, TEST_TOKEN } from '../support/telegram-bot.js';
import { accountOf, postChallenge } from '../support/telegram-fixtures.js';

describe('nobody is left without an answer', () => {
  it('an unknown command gets the help', async () => {
    const h = await botHarness();
    const reply = await (await h.registered(1)).send('/frobnicate now');
    expect(reply.sent[0]).toContain('I do not know the command <code>/frobnicate</code>');
    expect(reply.sent[0]).toContain('/challenges');
  });

  it('free text gets an offer to search for it, which works', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    await postChallenge(h, enterprise);
    const u = await h.registered(2);
    const offer = await u.send('battery recycling');
    expect(offer.sent[0]).toContain('Did you want to search');
    expect(offer.messages[0]!.buttons[0]![0]!.text).toBe('🔍 Search “battery recycling”');
    const results = await u.press('Search');
    expect(results.sent).toHaveLength(1);
    expect(results.sent[0]).toContain('1. <b>Battery recycling at scale</b>');
  });

  it('free text before /start says how to begin, in the app’s language', async () => {
    const h = await botHarness();
    expect((await h.user(3).send('hello')).sent[0]).toContain('Send /start');
    expect((await h.user(4, { languageCode: 'zh' }).send('你好')).sent[0]).toContain('发送 /start');
  });

  it('a sticker gets a pointer to /help', async () => {
    const h = await botHarness();
    expect((await h.user(5).sendSticker()).sent[0]).toContain('/help');
  });

  it('stale, forged and outdated buttons are answered politely and do nothing else', async () => {
    const h = await botHarness();
    const u = await h.registered(6);
    const calls = h.api.calls.length;
    for (const data of ['v1:zz:chl_aaaaaaaaaaaa', 'v1:sv', 'v1:sv:DROP TABLE', 'garbage', '', 'v1:cv:done', 'v1:sv:chl_aaaaaaaaaaaa:extra']) {
      const reply = await u.pressData(data);
      expect(reply.answers).toEqual([{ text: 'This button has expired. Send the command again for fresh buttons.', alert: true }]);
      expect(reply.sent).toEqual([]);
    }
    expect((await u.pressData('v0:sv:chl_aaaaaaaaaaaa')).answers[0]!.text).toContain('older version of the bot');
    expect(h.api.calls.slice(calls).every((c) => c.method === 'answerCallbackQuery')).toBe(true);
    expect((await u.pressData('v1:sv:chl_doesnotexist')).answers[0]!.text).toContain('could not find that');
  });

  it('a failure inside a handler is logged without the token and answered with an apology', async () => {
    const h = await botHarness();
    const u = await h.registered(7);
    h.runtime.services.challenges.list = async () => {
      throw new Error(`store exploded while calling https://api.telegram.org/bot${TEST_TOKEN}/getMe`);
    };
    const reply = await u.send('/challenges');
    expect(reply.sent).toEqual(['😔 Sorry — something went wrong on our side and I could not finish that. Please try again in a moment.']);
    expect(h.logs).toHaveLength(1);
    expect(h.logs[0]).toContain('store exploded');
    expect(h.logs[0]).not.toContain(TEST_TOKEN);
    expect(h.logs[0]).not.toContain(TEST_TOKEN.split(':')[1]);
  });

  it('a failure behind a button gets an apology alert and message', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    await postChallenge(h, enterprise);
    const u = await h.registered(8, { locale: 'zh' });
    await u.send('/challenges');
    await u.press(/^1$/);
    h.runtime.services.library.save = async () => {
      throw new Error('disk full');
    };
    const reply = await u.press('收藏');
    expect(reply.answers).toEqual([{ text: expect.stringContaining('抱歉'), alert: true }]);
    expect(reply.sent[0]).toContain('抱歉');
  });

  it('commands in a group get a pointer to a private chat; other group messages are left alone', async () => {
    const h = await botHarness();
    const group = { id: -100, type: 'group' as const, title: 'Lab' };
    const from = { id: 9, is_bot: false as const, first_name: 'G' };
    await h.bot.handleUpdate({ update_id: 9001, message: { message_id: 1, date: 1, chat: group, from, text: '/challenges', entities: [{ type: 'bot_command', offset: 0, length: 11 }] } });
    await h.bot.handleUpdate({ update_id: 9002, message: { message_id: 2, date: 1, chat: group, from, text: 'chatting' } });
    expect(h.api.chat(-100).map((m) => m.text)).toEqual(['I work in private chats. Open a chat with me to use Tenderlab.']);
  });
});

describe('clients that send less than Telegram does', () => {
  it('takes /commands without a bot_command entity as commands', async () => {
    const h = await botHarness();
    const u = h.user(30);
    expect((await u.sendPlain('/start')).sent[0]).toContain('Welcome to <b>Tenderlab</b>');
    expect((await u.sendPlain('/help@tenderlab_test_bot')).sent[0]).toContain('/challenges');
  });

  it('handles button presses that do not say which message they were on', async () => {
    const h = await botHarness();
    const u = h.user(31);
    await u.sendPlain('/start');
    const roles = await u.pressData(u.findButton('中文').data, null);
    expect(roles.sent[0]).toContain('您在 Tenderlab 的身份是');
    await u.pressData(u.findButton('English').data, null);
    await u.pressData(u.findButton('Enterprise').data, null);
    await u.send('/post');
    await u.send('Battery recycling at scale');
    await u.send('Recover lithium and cobalt from spent EV batteries.');
    await u.pressData(u.findButton('Skip').data, null);
    await u.pressData(u.findButton('Clean & efficient energy').data, null);
    expect(u.findButton('✅ Clean & efficient energy')).toBeTruthy();
    const done = await u.pressData(u.findButton('Done').data, null);
    expect(done.sent[0]).toContain('Keywords');
  });
});

describe('my_chat_member', () => {
  it('marks the account blocked when the user blocks the bot, and unblocked when they come back', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    await u.membership('kicked');
    expect((await accountOf(h, u)).telegram?.blocked).toBe(true);
    await u.membership('member');
    expect((await accountOf(h, u)).telegram?.blocked).toBe(false);
    expect(h.logs).toEqual([expect.stringContaining('blocked the bot'), expect.stringContaining('unblocked the bot')]);
  });

  it('ignores people without an account', async () => {
    const h = await botHarness();
    const reply = await h.user(2).membership('kicked');
    expect(reply.sent).toEqual([]);
  });
});
