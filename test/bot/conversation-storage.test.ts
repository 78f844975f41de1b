import { describe, expect, it } from 'vitest';
import { createBot } from '../../bot/create-bot.js';
import { messagesFor } from '../../bot/i18n.js';
import { botHarness, TEST_TOKEN, type BotHarness } from '../support/telegram-bot.js';
import { accountOf, clipPaper, postChallenge } from '../support/telegram-fixtures.js';
import { BOT_INFO } from '../support/telegram-stand-in.js';
import { TelegramUser } from '../support/telegram-user.js';

const en = messagesFor('en');

/**
 * The bot as a restart (or another instance) builds it: a new bot on the same services and Bot API, with
 * nothing of the first one's memory. `formsVersion` stands in for a deploy that changed the forms.
 */
function rebuilt(h: BotHarness, formsVersion?: string) {
  const bot = createBot({
    token: TEST_TOKEN,
    services: h.runtime.services,
    client: { apiRoot: 'http://bot-api.test', fetch: h.api.fetch },
    botInfo: BOT_INFO,
    log: (line) => h.logs.push(line),
    flood: h.flood,
    ...(formsVersion ? { formsVersion } : {}),
  });
  return (id: number) => new TelegramUser(bot, h.api, id);
}

describe('durable conversations', () => {
  it('/post carries on at the same step after a restart, and the preview shows every answer', async () => {
    const h = await botHarness();
    const before = await h.registered(1, { roles: 'enterprise' });
    await before.send('/post');
    await before.send('Battery recycling at scale');
    await before.send('Recover lithium and cobalt from spent EV batteries at industrial scale.');

    const u = rebuilt(h)(1);
    expect((await u.send('We need a hydrometallurgical route with more than 95% recovery.')).sent[0]).toContain('Send more if your text continues');
    expect((await u.press('Done')).sent).toEqual([en.post.askFields]);
    await u.press('New energy vehicles');
    await u.press('Done');
    await u.press('Skip');
    await u.press('Request for proposals');
    await u.send('500,000 CNY');
    await u.send('2026-12-31');
    const preview = (await u.press('Exclusive licence')).sent[0]!;
    expect(preview).toContain('<b>Battery recycling at scale</b>');
    expect(preview).toContain('Recover lithium and cobalt');
    expect(preview).toContain('hydrometallurgical');
    expect(preview).toContain('CN¥500,000');
    expect((await u.press('Publish')).sent[0]).toContain('Published');
    const mine = await h.runtime.services.challenges.list(await accountOf(h, u), { limit: 10, owner: 'me', field: undefined });
    expect(mine.items.map((c) => c.title)).toEqual(['Battery recycling at scale']);
    // The finished form leaves nothing behind.
    expect(await h.runtime.store.tables.conversations.count()).toBe(0);
  });

  it('Propose carries on at the same step after a restart', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    await postChallenge(h, enterprise);
    const before = await h.registered(2);
    await clipPaper(h, before, 'Hydrometallurgical recycling of NMC cathodes', '10.1000/nmc');
    await before.send('/challenges');
    await before.press(/^1$/);
    await before.press('Propose');
    await before.send('A closed-loop leaching process.');

    const u = rebuilt(h)(2);
    expect((await u.send('Bench-scale in 8 weeks, pilot in 20 weeks.')).sent[0]).toContain('price');
    await u.send('30万');
    expect((await u.send('24 weeks')).sent[0]).toContain('<b>Milestones</b> (optional)');
    expect((await u.press('No milestones')).sent[0]).toContain('Cite <b>papers</b>');
    await u.press('Hydrometallurgical');
    const preview = (await u.press('Done')).sent[0]!;
    expect(preview).toContain('A closed-loop leaching process.');
    expect(preview).toContain('Bench-scale in 8 weeks');
    expect(preview).toContain('CN¥300,000');
    expect(preview).toContain('24 weeks');
  });

  it('takes one of two answers handled at once by two instances, and asks for the other again', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { roles: 'enterprise' });
    await u.send('/post');
    const other = rebuilt(h)(1);
    await Promise.all([u.send('Battery recycling at scale'), other.send('Lithium recovery at scale')]);
    const texts = h.api.chat(1).map((m) => m.text);
    expect(texts.filter((text) => text === en.conversation.crossed)).toHaveLength(1);

    await u.send('Recover lithium and cobalt from spent EV batteries at industrial scale.');
    await u.send('We need a hydrometallurgical route with more than 95% recovery.');
    expect((await u.press('Done')).sent).toEqual([en.post.askFields]);
  });

  it('lets a form of another version go with a word, and a command then runs', async () => {
    const h = await botHarness();
    const before = await h.registered(1, { roles: 'enterprise' });
    await before.send('/post');
    await before.send('Battery recycling at scale');

    const u = rebuilt(h, 'a later version')(1);
    expect((await u.send('Recover lithium and cobalt from spent EV batteries at industrial scale.')).sent).toEqual([en.conversation.interrupted]);
    expect(await h.runtime.store.tables.conversations.count()).toBe(0);
    expect((await u.send('Some more text')).sent[0]).toContain('Did you want to search');

    const again = rebuilt(h, 'a later version')(1);
    await again.send('/post');
    const upgraded = rebuilt(h, 'the next version')(1);
    const restarted = await upgraded.send('/post');
    expect(restarted.sent[0]).toBe(en.conversation.interrupted);
    expect(restarted.sent).toContain(en.post.askTitle);
  });
});
