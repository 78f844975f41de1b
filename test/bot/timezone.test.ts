import { Api } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../bot/telegram-channel.js';
import { sendDeadlineReminders } from '../../server/domain/reminders.js';
import { botHarness, TEST_TOKEN } from '../support/telegram-bot.js';
import { accountOf, postChallenge } from '../support/telegram-fixtures.js';
import { BotApiStandIn } from '../support/telegram-stand-in.js';

describe('/timezone', () => {
  it('offers the common zones as buttons, and a press sets the account’s zone', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    const asked = await u.send('/timezone');
    expect(asked.sent[0]).toContain('I show times in <b>UTC</b>');
    expect(asked.messages[0]!.buttons.flat().map((b) => b.text)).toEqual([
      'Asia/Shanghai',
      'Asia/Hong_Kong',
      'Asia/Singapore',
      'Europe/London',
      'Europe/Berlin',
      'America/New_York',
      'America/Los_Angeles',
      'UTC',
    ]);
    expect((await u.press('Asia/Hong_Kong')).edited[0]).toBe('✅ Times are now shown in <b>Asia/Hong_Kong</b>.');
    expect((await accountOf(h, u)).timeZone).toBe('Asia/Hong_Kong');
    expect((await u.send('/timezone')).sent[0]).toContain('I show times in <b>Asia/Hong_Kong</b>');
  });

  it('takes any IANA name typed after the command, as Intl spells it, and refuses what is not one', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { locale: 'zh' });
    expect((await u.send('/timezone')).sent[0]).toContain('当前按 <b>Asia/Shanghai</b> 显示时间');
    expect((await u.send('/timezone Mars/Olympus')).sent).toEqual(['无法识别时区「Mars/Olympus」。请发送 IANA 时区名，例如 <code>Asia/Shanghai</code> 或 <code>Europe/Paris</code>。']);
    expect((await accountOf(h, u)).timeZone).toBeUndefined();
    expect((await u.send('/timezone asia/tokyo')).sent).toEqual(['✅ 之后将按 <b>Asia/Tokyo</b> 显示时间。']);
    expect((await accountOf(h, u)).timeZone).toBe('Asia/Tokyo');
  });

  it('a deadline reminder shows the deadline in the account’s own zone', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, enterprise);
    const u = await h.registered(2);
    await u.send('/timezone America/New_York');
    const { services, clock, store } = h.runtime;
    await services.library.save(await accountOf(h, u), challenge.id);
    clock.set('2026-12-31T01:00:00.000Z');
    await sendDeadlineReminders({ store, clock });
    const [row] = (await store.tables.notifications.where('accountId', (await accountOf(h, u)).id)).filter((n) => n.kind === 'deadline');
    const outbox = new BotApiStandIn();
    const channel = createTelegramChannel({ api: new Api(TEST_TOKEN, { apiRoot: 'http://bot-api.test', fetch: outbox.fetch }), services });
    await channel.send(row!, await accountOf(h, u));
    const text = String(outbox.callsOf('sendMessage')[0]!.payload.text);
    expect(text).toContain('America/New_York');
    expect(text).not.toContain('UTC');
  });
});
