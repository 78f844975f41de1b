import { Api } from 'grammy';
import { describe, expect, it } from 'vitest';
import { registerCommands } from '../../bot/commands.js';
import { COMMANDS } from '../../bot/i18n.js';
import { botHarness, TEST_TOKEN } from '../support/telegram-bot.js';
import { BotApiStandIn } from '../support/telegram-stand-in.js';

describe('commands', () => {
  it('registers the menu in English (default) and Chinese (language_code zh)', async () => {
    const standIn = new BotApiStandIn();
    await registerCommands(new Api(TEST_TOKEN, { apiRoot: 'http://bot-api.test', fetch: standIn.fetch }));
    const [en, zh] = standIn.callsOf('setMyCommands');
    expect(en!.payload.language_code).toBeUndefined();
    expect(en!.payload.commands.map((c: { command: string }) => c.command)).toEqual([...COMMANDS]);
    expect(en!.payload.commands[0]).toEqual({ command: 'start', description: 'Create your account or see it' });
    expect(zh!.payload.language_code).toBe('zh');
    expect(zh!.payload.commands[0]).toEqual({ command: 'start', description: '注册或查看账户' });
  });

  it('lists /profile, /notifications and /sessions among the account commands, before /lang, with a line each in /help', async () => {
    expect(COMMANDS.slice(COMMANDS.indexOf('connect') + 1, COMMANDS.indexOf('lang'))).toEqual(['profile', 'notifications', 'sessions']);
    const h = await botHarness();
    const u = await h.registered(1, { locale: 'zh' });
    const help = (await u.send('/help')).sent[0]!;
    for (const command of ['/profile', '/notifications', '/sessions']) expect(help).toContain(`${command} — `);
  });

  it('lists /reviews right after /mybids, described in both languages, with a line in /help for any role', async () => {
    expect(COMMANDS[COMMANDS.indexOf('mybids') + 1]).toBe('reviews');
    const standIn = new BotApiStandIn();
    await registerCommands(new Api(TEST_TOKEN, { apiRoot: 'http://bot-api.test', fetch: standIn.fetch }));
    const [en, zh] = standIn.callsOf('setMyCommands');
    const reviews = (call: typeof en) => call!.payload.commands.find((c: { command: string }) => c.command === 'reviews');
    expect(reviews(en)).toEqual({ command: 'reviews', description: 'Bids you review; /reviews CODE accepts an invite' });
    expect(reviews(zh)).toEqual({ command: 'reviews', description: '我评审的投标；/reviews 邀请码 接受邀请' });
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    expect((await enterprise.send('/help')).sent[0]).toContain('/reviews — the bids you review');
  });

  it.each(['en', 'zh'] as const)('every command of the menu has a handler that answers (%s)', async (locale) => {
    const h = await botHarness();
    const u = await h.registered(1, { roles: 'both', locale });
    for (const command of COMMANDS) {
      const reply = await u.send(`/${command}`);
      expect(reply.sent.length, command).toBeGreaterThan(0);
      expect(reply.sent.join('\n'), command).not.toMatch(/I do not know the command|我不认识命令/);
      // The forms (/post, /list) are left before the next command.
      if (command === 'post' || command === 'list') await u.send('/cancel');
    }
  });
});
