import { describe, expect, it } from 'vitest';
import { botHarness } from '../support/telegram-bot.js';
import { accountOf, clipPaper } from '../support/telegram-fixtures.js';
import type { TelegramUser } from '../support/telegram-user.js';

/** Steps 1–5 of /list with good answers; returns the TRL question. */
async function fillToTrl(u: TelegramUser) {
  await u.send('/list');
  await u.send('Graphene oxide desalination membrane');
  await u.send('A graphene oxide laminate membrane with 99.7% salt rejection at 20 bar.');
  await u.send('Pilot data from a 1 m³/day rig.');
  await u.send('Results were reproduced at two sites.');
  await u.press('Done');
  await u.press('New materials');
  await u.press('Done');
  return u.press('Skip');
}

describe('/list', () => {
  it('asks every step, re-asks on bad input with the reason, previews, and lists the achievement', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    const paper = await clipPaper(h, u, 'Graphene oxide laminates for desalination', '10.1000/go');

    const start = await u.send('/list');
    expect(start.sent[0]).toContain('List an achievement');
    expect(start.sent[1]).toContain('1/11');
    expect((await u.send('ab')).sent).toEqual(['A title needs 3 to 200 characters. Please send it again.']);
    expect((await u.send('Graphene oxide desalination membrane')).sent[0]).toContain('2/11');
    expect((await u.send('too short')).sent[0]).toContain('10 to 1,000');
    expect((await u.send('A graphene oxide laminate membrane with 99.7% salt rejection at 20 bar.')).sent[0]).toContain('3/11');
    // The description comes in two messages, joined.
    expect((await u.send('Pilot data from a 1 m³/day rig.')).sent[0]).toContain('Got it');
    expect((await u.send('Results were reproduced at two sites.')).sent[0]).toContain('2 parts');
    expect((await u.press('Done')).sent[0]).toContain('4/11');
    expect((await u.press('Done')).answers[0]).toEqual({ text: 'Pick at least one field.', alert: true });
    await u.press('New materials');
    await u.press('Environmental protection');
    expect((await u.press('Done')).sent[0]).toContain('5/11');
    const trl = await u.send('graphene, membrane, 海水淡化');
    expect(trl.sent[0]).toContain('6/11');
    expect(trl.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect((await u.send('5')).sent).toEqual(['Please tap one of the buttons above (or /cancel to leave).']);
    expect((await u.press(/^5$/)).sent[0]).toContain('7/11');
    expect((await u.press('Patent granted')).sent[0]).toContain('patent numbers');
    // The shared schema's reason is what the person reads.
    const badPatent = await u.send('JP2020123456');
    expect(badPatent.sent[0]).toContain('“JP2020123456” is not a patent number I can take');
    expect(badPatent.sent[0]).toContain('a CN, US, EP or WO patent number');
    const modes = await u.send('CN 114000000 B; WO2020/123456');
    expect(modes.sent[0]).toContain('8/11');
    expect((await u.press('Done')).answers[0]!.text).toBe('Pick at least one mode of transfer.');
    await u.press('Exclusive licence');
    await u.press('Joint R&D');
    const price = await u.press('Done');
    expect(price.sent[0]).toContain('9/11');
    expect((await u.send('a lot')).sent[0]).toContain('I did not understand that amount');
    expect((await u.send('0')).sent[0]).toContain('more than 0');
    expect((await u.press('Negotiable')).sent[0]).toContain('10/11');
    expect((await u.send('   ')).sent[0]).toContain('1 to 200');
    const papers = await u.send('Coastal Materials Lab');
    expect(papers.sent[0]).toContain('11/11');
    await u.press('Graphene oxide laminates');
    const preview = await u.press('Done');
    const card = preview.sent[0]!;
    expect(card).toContain('<b>Preview</b>');
    expect(card).toContain('<b>Graphene oxide desalination membrane</b>');
    expect(card).toContain('🏛 Coastal Materials Lab · TRL 5/9');
    expect(card).toContain('Exclusive licence · Joint R&amp;D');
    expect(card).toContain('<b>Negotiable</b>');
    expect(card).toContain('Patent granted: CN114000000B, WO2020123456');
    expect(card).toContain('graphene, membrane, 海水淡化');
    expect(card).toContain('• Graphene oxide laminates for desalination');
    expect(preview.messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['🚀 List it', '💾 Save as draft', '✖️ Cancel']);

    const listed = await u.press('List it');
    expect(listed.sent[0]).toContain('Listed!');
    expect(listed.sent[1]).toContain('/achievements/ach_');
    expect(listed.messages[1]!.buttons.flat().map((b) => b.text)).toEqual(['📨 Enquiries', '🤝 Record a deal', '↩️ Withdraw']);
    const [achievement] = (await h.runtime.services.achievements.listMine(await accountOf(h, u), { limit: 5 })).items;
    expect(achievement).toMatchObject({
      status: 'listed',
      description: 'Pilot data from a 1 m³/day rig.\nResults were reproduced at two sites.',
      fields: ['environment', 'new-materials'],
      keywords: ['graphene', 'membrane', '海水淡化'],
      trl: 5,
      ipStatus: 'patent-granted',
      patents: ['CN114000000B', 'WO2020123456'],
      modes: ['exclusive-license', 'joint-rd'],
      askingPrice: null,
      institution: 'Coastal Materials Lab',
      references: [expect.objectContaining({ paperId: paper.id })],
    });
  });

  it('saves a draft only its owner sees, which its card lists later; know-how asks no patent numbers', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    await fillToTrl(u);
    await u.press(/^3$/);
    expect((await u.press('Know-how')).sent[0]).toContain('8/11');
    await u.press('Assignment');
    await u.press('Done');
    await u.send('¥80万');
    const noPapers = await u.send('Coastal Materials Lab');
    expect(noPapers.sent[0]).toContain('no clipped papers');
    expect(noPapers.sent[1]).toContain('CN¥800,000');
    const saved = await u.press('Save as draft');
    expect(saved.sent[0]).toContain('Saved as a draft');
    expect(saved.sent[1]).toContain('📌 Draft');
    expect((await h.runtime.services.achievements.list(null, { limit: 5 })).items).toEqual([]);

    const listed = await u.press('🚀 List it');
    expect(listed.answers[0]!.text).toBe('🚀 Listed.');
    expect(listed.edited[0]).not.toContain('📌 Draft');
    expect((await h.runtime.services.achievements.list(null, { limit: 5 })).items.map((a) => a.title)).toEqual(['Graphene oxide desalination membrane']);
  });

  it('/cancel leaves it and nothing is saved; another command asks first; Cancel on the preview lists nothing', async () => {
    const h = await botHarness();
    const u = await h.registered(1);
    await u.send('/list');
    await u.send('Graphene oxide desalination membrane');
    expect((await u.send('/achievements')).sent).toEqual(['You are in the middle of a form. Leave it — and lose what you have answered — to run /achievements?']);
    expect((await u.press('Keep going')).edited[0]).toBe('OK — carry on with the question above.');
    expect((await u.send('/cancel')).sent).toEqual(['OK, I left the form. Nothing was saved.']);

    await fillToTrl(u);
    await u.press(/^9$/);
    await u.press('None');
    await u.press('Equity');
    await u.press('Done');
    await u.press('Negotiable');
    await u.send('Coastal Materials Lab');
    expect((await u.press('✖️ Cancel')).sent).toEqual(['OK, discarded. Nothing was listed.']);
    expect((await h.runtime.services.achievements.listMine(await accountOf(h, u), { limit: 5 })).items).toEqual([]);
  });

  it('asks in Chinese', async () => {
    const h = await botHarness();
    const u = await h.registered(1, { locale: 'zh' });
    const start = await u.send('/list');
    expect(start.sent[0]).toContain('发布科技成果');
    expect((await u.send('石墨')).sent).toEqual(['名称需要 3 到 200 个字，请重新发送。']);
  });
});
