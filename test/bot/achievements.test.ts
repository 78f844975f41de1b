import { describe, expect, it } from 'vitest';
import { listAchievementAs } from '../support/catalogue.js';
import { botHarness } from '../support/telegram-bot.js';
import { accountOf } from '../support/telegram-fixtures.js';

const labels = (message: { buttons: { text: string }[][] }) => message.buttons.flat().map((b) => b.text);

describe('/achievements', () => {
  it('browses the listed achievements in one list message; a number opens the card with the viewer’s buttons', async () => {
    const h = await botHarness();
    const owner = await h.registered(1);
    await listAchievementAs(h, owner);
    h.runtime.clock.advance(60_000);
    await listAchievementAs(h, owner, { title: 'Perovskite tandem cell', askingPrice: null, modes: ['joint-rd'], trl: 4 });
    await listAchievementAs(h, owner, { title: 'Unlisted draft technology' }, false);
    const enterprise = await h.registered(2, { roles: 'enterprise' });

    const list = await enterprise.send('/achievements');
    expect(list.sent).toHaveLength(1);
    expect(list.sent[0]).toContain('Technologies listed for transfer</b> (1–2)');
    expect(list.sent[0]).toContain('1. <b>Perovskite tandem cell</b>\nCoastal Materials Lab · TRL 4/9 · Negotiable');
    expect(list.sent[0]).toContain('2. <b>Graphene oxide desalination membrane</b>');
    expect(list.sent[0]).not.toContain('Unlisted draft');
    expect(labels(list.messages[0]!)).toEqual(['1', '2', '📁 My achievements', '📨 My enquiries']);

    const card = await enterprise.press(/^2$/);
    const text = card.sent[0]!;
    expect(text).toContain('<b>Graphene oxide desalination membrane</b>');
    expect(text).toContain('🏛 Coastal Materials Lab · TRL 5/9');
    expect(text).toContain('🔁 Exclusive licence · Joint R&amp;D');
    expect(text).toContain('💰 <b>CN¥800,000</b>');
    expect(text).toContain('🏷 New materials · Environmental protection');
    expect(text).toContain('🛡 Patent granted: CN114000000B, US10123456B2');
    expect(text).toContain('99.7% salt rejection');
    expect(text).toMatch(/<a href="http:\/\/localhost:3000\/achievements\/ach_[0-9a-z]+">On the board ▸<\/a>/);
    expect(labels(card.messages[0]!)).toEqual(['📨 Enquire']);

    // Its owner sees their own buttons instead.
    await owner.send('/achievements');
    const own = await owner.press(/^2$/);
    expect(labels(own.messages[0]!)).toEqual(['📨 Enquiries', '🤝 Record a deal', '↩️ Withdraw']);
  });

  it('searches with /achievements <words>, in either language, and says when nothing matches', async () => {
    const h = await botHarness();
    const owner = await h.registered(1);
    await listAchievementAs(h, owner);
    await listAchievementAs(h, owner, { title: 'Perovskite tandem cell', summary: 'A perovskite on silicon tandem solar cell at 31% efficiency', keywords: ['perovskite'], description: '' });
    const u = await h.registered(2, { roles: 'enterprise' });
    const found = await u.send('/achievements graphene');
    expect(found.sent[0]).toContain('🔍 <b>graphene</b> in listed technologies (1–1)');
    expect(found.sent[0]).toContain('Graphene oxide desalination membrane');
    expect(found.sent[0]).not.toContain('Perovskite');
    expect((await u.send('/achievements 钙钛矿')).sent[0]).toContain('Perovskite tandem cell');
    expect((await u.send('/achievements quantum teleportation')).sent[0]).toContain('No listed technology matches <b>quantum teleportation</b>');
  });

  it('pages with ◂ Prev / Next ▸ by editing the same message', async () => {
    const h = await botHarness();
    const owner = await h.registered(1);
    for (let i = 1; i <= 7; i++) {
      h.runtime.clock.advance(60_000);
      await listAchievementAs(h, owner, { title: `Technology number ${i}` });
    }
    const u = await h.registered(2, { roles: 'enterprise' });
    const first = await u.send('/achievements');
    expect(first.sent[0]).toContain('(1–5)');
    expect(first.sent[0]).toContain('1. <b>Technology number 7</b>');
    const next = await u.press('Next ▸');
    expect(next.sent).toEqual([]);
    expect(next.edited[0]).toContain('(6–7)');
    expect(next.edited[0]).toContain('7. <b>Technology number 1</b>');
    expect((await u.press('◂ Prev')).edited[0]).toContain('(1–5)');
  });

  it('My achievements lists the owner’s drafts and listed ones; Publish lists a draft; Withdraw asks first', async () => {
    const h = await botHarness();
    const owner = await h.registered(1);
    await listAchievementAs(h, owner, { title: 'Draft technology' }, false);
    h.runtime.clock.advance(60_000);
    await listAchievementAs(h, owner, { title: 'Listed technology' });
    await owner.send('/achievements');
    const mine = await owner.press('My achievements');
    expect(mine.sent[0]).toContain('Your achievements</b> (1–2)');
    expect(mine.sent[0]).toContain('<b>Draft technology</b>');
    expect(mine.sent[0]).toContain('· Draft');

    const draft = await owner.press(/^2$/);
    expect(draft.sent[0]).toContain('📌 Draft');
    expect(draft.sent[0]).not.toContain('On the board');
    expect(labels(draft.messages[0]!)).toEqual(['🚀 List it', '↩️ Withdraw']);
    const published = await owner.press('🚀 List it');
    expect(published.answers[0]!.text).toBe('🚀 Listed.');
    expect(published.edited[0]).not.toContain('📌 Draft');
    expect((await h.runtime.services.achievements.list(null, { limit: 5 })).items.map((a) => a.title).sort()).toEqual(['Draft technology', 'Listed technology']);

    const ask = await owner.press('Withdraw');
    expect(ask.sent[0]).toContain('Withdraw this achievement from the catalogue?');
    expect((await owner.press('No, keep it')).edited[0]).toBeDefined();
    await owner.press('Withdraw');
    const yes = owner.findButton('Yes, withdraw');
    const done = await owner.pressData(yes.data, yes.message.messageId);
    expect(done.edited[0]).toBe('The achievement is withdrawn from the catalogue.');
    expect((await h.runtime.services.achievements.list(null, { limit: 5 })).items.map((a) => a.title)).toEqual(['Listed technology']);
    // Yes pressed again (a second client, a slow double tap) finds it withdrawn already: the services' reason is told.
    const again = await owner.pressData(yes.data, yes.message.messageId);
    expect(again.answers.at(-1)).toEqual({ text: expect.stringContaining('Only a draft or listed achievement can be withdrawn'), alert: true });
  });

  it('a draft is its owner’s alone: another person’s press on its card is refused', async () => {
    const h = await botHarness();
    const owner = await h.registered(1);
    const draft = await listAchievementAs(h, owner, {}, false);
    await owner.send('/achievements');
    await owner.press('My achievements');
    await owner.press(/^1$/);
    const stranger = await h.registered(2, { roles: 'enterprise' });
    const open = owner.findButton('List it');
    const refused = await stranger.pressData(open.data, null);
    expect(refused.answers.at(-1)!.alert).toBe(true);
    expect((await h.runtime.services.achievements.get(await accountOf(h, owner), draft.id)).status).toBe('draft');
  });

  it('a researcher’s Enquire is refused up front, and says why', async () => {
    const h = await botHarness();
    const owner = await h.registered(1);
    await listAchievementAs(h, owner);
    const researcher = await h.registered(2);
    await researcher.send('/achievements');
    await researcher.press(/^1$/);
    expect((await researcher.press('Enquire')).answers[0]).toEqual({ text: expect.stringContaining('Enquiries come from enterprise accounts'), alert: true });
  });

  it('speaks Chinese', async () => {
    const h = await botHarness();
    const owner = await h.registered(1);
    await listAchievementAs(h, owner, { askingPrice: null });
    const u = await h.registered(2, { roles: 'enterprise', locale: 'zh' });
    const list = await u.send('/achievements');
    expect(list.sent[0]).toContain('待转化的科技成果');
    const card = await u.press(/^1$/);
    expect(card.sent[0]).toContain('成熟度 TRL 5/9');
    expect(card.sent[0]).toContain('独占许可 · 合作开发');
    expect(card.sent[0]).toContain('面议');
    expect(labels(card.messages[0]!)).toEqual(['📨 询价']);
  });
});
