import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../bot/i18n.js';
import { botHarness } from '../support/telegram-bot.js';
import { accountOf } from '../support/telegram-fixtures.js';
import type { TelegramUser } from '../support/telegram-user.js';

/** Sends /profile and returns the id of the profile's message. */
async function openProfile(u: TelegramUser): Promise<number> {
  const shown = await u.send('/profile');
  expect(shown.messages).toHaveLength(1);
  return shown.messages[0]!.messageId;
}

const textOf = (u: TelegramUser, messageId: number) => u.messages.find((m) => m.messageId === messageId)!.text;

describe('/profile', () => {
  it('shows organization, fields, keywords, language, time zone and role, with a button for each', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { firstName: 'Ada' });
    const shown = await u.send('/profile');
    expect(shown.sent[0]).toBe(
      [
        '👤 <b>Ada</b> — your profile',
        '',
        '👥 Role: researcher',
        '🏢 Organization: <i>not set</i>',
        '🏷 Fields: <i>none yet</i>',
        '🔑 Keywords: <i>none yet</i>',
        '🌐 Language: English',
        '🕒 Time zone: UTC',
        '',
        'Tap a button to change it. Fields and keywords decide which new challenges I suggest to you.',
      ].join('\n'),
    );
    expect(shown.messages[0]!.buttons.map((row) => row.map((b) => b.text))).toEqual([
      ['🏢 Organization', '🏷 Fields', '🔑 Keywords'],
      ['🌐 Language', '🕒 Time zone', '👥 Role'],
    ]);
    expect((await h.user(2).send('/profile')).sent[0]).toContain('Send /start');
  });

  it('edits the organization: re-asks on a name the schema refuses, saves a good one and edits the profile in place, Clear empties it', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    const profileId = await openProfile(u);
    const asked = await u.press('Organization');
    expect(asked.sent).toEqual(['🏢 You have no organization set. Send its name (up to 120 characters), or /cancel.']);
    expect(asked.messages[0]!.buttons.flat()).toEqual([]);

    const bad = await u.send('x'.repeat(121));
    expect(bad.sent).toEqual(['An organization name needs visible text and at most 120 characters. Please send it again.']);
    expect((await accountOf(h, u)).organization).toBe('');

    const saved = await u.send('Tsinghua <Lab> & Co');
    expect(saved.sent).toEqual(['✅ Saved — your profile above is up to date.']);
    expect(saved.edited[0]).toContain('🏢 Organization: <b>Tsinghua &lt;Lab&gt; &amp; Co</b>');
    expect(textOf(u, profileId)).toContain('Tsinghua &lt;Lab&gt; &amp; Co');
    expect((await accountOf(h, u)).organization).toBe('Tsinghua <Lab> & Co');

    const again = await u.press('Organization');
    expect(again.sent[0]).toContain('Your organization is <b>Tsinghua &lt;Lab&gt; &amp; Co</b>');
    const cleared = await u.press('Clear');
    expect(cleared.edited).toContain('🏢 Your organization is <b>Tsinghua &lt;Lab&gt; &amp; Co</b>.\nSend the new name (up to 120 characters), tap Clear to remove it, or /cancel to keep it.\n\n→ <b>🧹 Clear</b>');
    expect(textOf(u, profileId)).toContain('🏢 Organization: <i>not set</i>');
    expect((await accountOf(h, u)).organization).toBe('');
  });

  it('edits the keywords: too long a keyword is re-asked, /cancel keeps the old ones, commas of either language split them', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { locale: 'zh' });
    const profileId = await openProfile(u);
    expect((await u.press('关键词')).sent[0]).toBe('🔑 您还没有关键词。请发送您想关注的需求关键词，用逗号分隔，或发送 /cancel 取消。');
    expect((await u.send(`钙钛矿，${'y'.repeat(61)}`)).sent).toEqual(['最多 30 个关键词，每个不超过 60 字，用逗号分隔。请重新发送。']);
    expect((await u.send('/cancel')).sent).toEqual([messagesFor('zh').conversation.cancelled]);
    expect((await accountOf(h, u)).keywords).toEqual([]);
    expect((await u.send('钙钛矿')).sent.join('\n')).not.toContain('已保存');

    await u.press('关键词');
    const saved = await u.send('钙钛矿，perovskite, 钙钛矿');
    expect(saved.sent).toEqual(['✅ 已保存，上方的个人资料已同步更新。']);
    expect((await accountOf(h, u)).keywords).toEqual(['钙钛矿', 'perovskite']);
    expect(textOf(u, profileId)).toContain('🔑 关键词：<i>钙钛矿、perovskite</i>');
  });

  it('ticks fields from the taxonomy starting from the current ones, then Done saves them', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    const profileId = await openProfile(u);
    const asked = await u.press('Fields');
    expect(asked.sent[0]).toBe('🏷 Tap the fields you work in to tick or untick them, then Done.');
    expect(asked.messages[0]!.buttons.flat().map((b) => b.text)).toContain('Artificial intelligence');
    await u.press('Artificial intelligence');
    await u.press('Clean & efficient energy');
    expect(u.findButton('✅ Artificial intelligence').message.messageId).toBe(asked.messages[0]!.messageId);
    expect((await u.send('energy')).sent).toEqual(['Please tap one of the buttons above (or /cancel to leave).']);
    const done = await u.press('Done');
    expect(done.sent).toEqual(['✅ Saved — your profile above is up to date.']);
    expect((await accountOf(h, u)).fields).toEqual(['energy', 'ai']);
    expect(textOf(u, profileId)).toContain('🏷 Fields: Clean &amp; efficient energy, Artificial intelligence');

    const reopened = await u.press('Fields');
    const ticked = reopened.messages[0]!.buttons.flat().map((b) => b.text).filter((label) => label.startsWith('✅ ') && label !== '✅ Done');
    expect(ticked).toEqual(['✅ Clean & efficient energy', '✅ Artificial intelligence']);
    await u.press('✅ Artificial intelligence');
    expect((await u.send('/cancel')).sent).toEqual(['OK, I left the form. Nothing was saved.']);
    expect((await accountOf(h, u)).fields).toEqual(['energy', 'ai']);
  });

  it('language, time zone and role reuse /lang, /timezone and /start’s buttons in the profile’s message, with a way back', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    const profileId = await openProfile(u);

    const zones = await u.press('Time zone');
    expect(zones.sent).toEqual([]);
    expect(zones.edited[0]).toContain('I show times in <b>UTC</b>');
    expect(u.messages.find((m) => m.messageId === profileId)!.buttons.flat().map((b) => b.text)).toContain('◂ Back to profile');
    expect((await u.press('Asia/Hong_Kong')).edited).toEqual(['✅ Times are now shown in <b>Asia/Hong_Kong</b>.']);
    expect((await accountOf(h, u)).timeZone).toBe('Asia/Hong_Kong');

    const second = await openProfile(u);
    expect(textOf(u, second)).toContain('🕒 Time zone: Asia/Hong_Kong');
    await u.press('Role');
    const back = await u.press('Back to profile');
    expect(back.edited[0]).toContain('👤 <b>Researcher 1</b> — your profile');
    await u.press('Language');
    expect(textOf(u, second)).toBe('Choose your language:');
    expect((await u.press('中文')).edited).toEqual(['✅ 语言已设置为中文。']);
    expect((await accountOf(h, u)).locale).toBe('zh');
    expect((await u.send('/profile')).sent[0]).toContain('🌐 语言：中文');

    await u.press('身份');
    await u.press('两者都是');
    expect((await accountOf(h, u)).roles).toEqual(['researcher', 'enterprise']);
  });

  it('a command sent mid-form asks before leaving it', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    await openProfile(u);
    await u.press('Organization');
    expect((await u.send('/help')).sent[0]).toContain('You are in the middle of a form');
    await u.press('Keep going');
    await u.send('Acme');
    expect((await accountOf(h, u)).organization).toBe('Acme');
  });
});
