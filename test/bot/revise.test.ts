import { describe, expect, it } from 'vitest';
import type { BidCreateInput } from '../../shared/schemas/bid.js';
import { botHarness } from '../support/telegram-bot.js';
import { accountOf, clipPaper, postChallenge } from '../support/telegram-fixtures.js';

const buttonsOf = (message: { buttons: { text: string }[][] }) => message.buttons.flat().map((b) => b.text);
const KEEP = /^✅ Keep$/;

/** A researcher with a submitted bid (`input` over the defaults), looking at its card from /mybids. */
async function bidCard(input: Partial<BidCreateInput> = {}, locale: 'en' | 'zh' = 'en') {
  const h = await botHarness();
  const enterprise = await h.registered(1, { roles: 'enterprise' });
  const challenge = await postChallenge(h, enterprise);
  const u = await h.registered(2, { locale });
  const account = await accountOf(h, u);
  const bid = await h.runtime.services.bids.submit(account, challenge.id, {
    summary: 'A closed-loop leaching process with solvent recovery.',
    approach: 'Bench-scale validation in 8 weeks, pilot line in 20 weeks, with our patented leachate.',
    price: { amount: 300000, currency: 'CNY' },
    durationWeeks: 24,
    ...input,
  });
  await u.send('/mybids');
  const card = (await u.press(/^1$/)).messages[0]!;
  const current = () => h.runtime.services.bids.get(account, bid.id);
  return { h, enterprise, challenge, u, bid, card, current };
}

describe('Revise', () => {
  it('walks each part with its current value and Keep, re-asks bad input, previews old → new, and answers with the new receipt', async () => {
    const { u, bid, card, current } = await bidCard();
    const start = await u.press('Revise');
    expect(start.sent[0]).toContain('Revising your bid on “Battery recycling at scale”');
    expect(start.sent[1]).toBe('1/6 · <b>Summary</b> now:\n<i>A closed-loop leaching process with solvent recovery.</i>\nSend a new one (10–1,000 characters) or tap Keep.');
    expect(buttonsOf(start.messages[1]!)).toEqual(['✅ Keep']);
    expect((await u.send('short')).sent).toEqual(['The summary needs 10 to 1,000 characters. Please send it again.']);
    const approach = await u.send('A closed-loop leaching process, now with cobalt recovery above 95%.');
    expect(approach.sent[0]).toContain('2/6 · <b>Approach</b> now:\n<i>Bench-scale validation in 8 weeks');
    const price = await u.press(KEEP);
    expect(price.edited[0]).toContain('→ <b>✅ Keep</b>');
    expect(price.sent[0]).toBe('3/6 · <b>Price</b> now: <b>CN¥300,000</b>\nSend a new price or tap Keep.');
    expect((await u.send('free')).sent[0]).toContain('did not understand that amount');
    expect((await u.send('280000')).sent[0]).toBe('4/6 · <b>Weeks</b> now: <b>24</b>\nSend a new number of weeks (1–520) or tap Keep.');
    expect((await u.send('0')).sent[0]).toContain('between 1 and 520');
    const milestones = await u.press(KEEP);
    expect(milestones.sent[0]).toBe('5/6 · <b>Milestones</b> now:\n—\nKeep them, or change them (you enter the list again).');
    await u.press('Change');
    await u.press('Add a milestone');
    await u.send('Pilot line');
    await u.send('20');
    await u.send('280000');
    const papers = await u.press('Done');
    // No clips and no cited papers: nothing to choose, and the preview follows.
    expect(papers.sent[0]).toContain('6/6 · You cite no papers');
    expect(papers.sent[1]).toBe(
      [
        '👀 <b>Your changes</b> — check them before sending:',
        '📄 <b>Bid on “Battery recycling at scale”</b>',
        '',
        '<b>Summary</b>: <i>A closed-loop leaching process with solvent recovery.</i> → <i>A closed-loop leaching process, now with cobalt recovery above 95%.</i>',
        '<b>💰 Price</b>: CN¥300,000 → <b>CN¥280,000</b>',
        '<b>Milestones</b>: 0 → \n1. Pilot line · 20 weeks · CN¥280,000',
        '',
        'Everything else stays as it is.',
      ].join('\n'),
    );
    const receipt = await u.press('Submit revision');
    const revised = await current();
    expect(revised).toMatchObject({
      revision: 2,
      summary: 'A closed-loop leaching process, now with cobalt recovery above 95%.',
      approach: bid.approach,
      price: { amount: 280000, currency: 'CNY' },
      durationWeeks: 24,
      milestones: [{ title: 'Pilot line', weeks: 20, amount: 280000 }],
    });
    expect(revised.history.map((h) => h.receipt.sha256)).toEqual([bid.receipt.sha256]);
    expect(receipt.sent[0]).toMatch(/^✅ <b>Bid revised\.<\/b>\nNew receipt \(revision 2\), received .+:\n<code>[0-9a-f]{64}<\/code>/);
    expect(receipt.sent[0]).toContain(revised.receipt.sha256);
    // The card it started from now shows the new revision.
    const edited = u.messages.find((m) => m.messageId === card.messageId)!;
    expect(edited.text).toContain('Status: <b>submitted</b> (revision 2)');
    expect(edited.text).toContain('1. Pilot line · 20 weeks · CN¥280,000');
  });

  it('Keep on every part sends nothing; the bid stays at its revision', async () => {
    const { u, current } = await bidCard();
    await u.press('Revise');
    await u.press(KEEP);
    await u.press(KEEP);
    await u.press(KEEP);
    await u.press(KEEP);
    const end = await u.press(KEEP);
    expect(end.sent).toEqual(['6/6 · You cite no papers and have no clipped papers to cite, so this stays as it is.', 'You kept everything as it was, so nothing was sent. Your bid stays at revision 1.']);
    expect((await current()).revision).toBe(1);
  });

  it('kept milestones are checked against a new price, and cited papers can be chosen again', async () => {
    const milestones = [
      { title: 'Bench-scale leaching', weeks: 8, amount: 100000 },
      { title: 'Pilot line', weeks: 16, amount: 200000 },
    ];
    const { h, u, current } = await bidCard({ milestones });
    const account = await accountOf(h, u);
    const first = await clipPaper(h, u, 'Hydrometallurgical recycling of NMC cathodes', '10.1000/nmc');
    const second = await clipPaper(h, u, 'Solvent extraction of cobalt', '10.1000/co');
    const bid = (await current()).id;
    await h.runtime.services.bids.revise(account, bid, { paperIds: [first.id] });
    await u.press('Revise');
    await u.press(KEEP);
    await u.press(KEEP);
    await u.send('250000');
    const kept = await u.press(KEEP);
    expect(kept.sent[0]).toContain('5/6 · <b>Milestones</b> now:\n1. Bench-scale leaching · 8 weeks · CN¥100,000\n2. Pilot line · 16 weeks · CN¥200,000');
    const mismatch = await u.press(KEEP);
    expect(mismatch.sent).toEqual(['⚠️ Milestones add up to <b>CN¥300,000</b> but the price is <b>CN¥250,000</b>: change an amount, or keep them anyway?']);
    const papers = await u.press('Keep them anyway');
    expect(papers.sent[0]).toBe('6/6 · <b>Cited papers</b> now:\n• Hydrometallurgical recycling of NMC cathodes\nKeep them, or choose again.');
    await u.press('Change');
    await u.press('Solvent extraction');
    const preview = await u.press('Done');
    expect(preview.sent[0]).toContain('<b>💰 Price</b>: CN¥300,000 → <b>CN¥250,000</b>');
    expect(preview.sent[0]).toContain('<b>Cited papers</b>: Hydrometallurgical recycling of NMC cathodes → Solvent extraction of cobalt');
    expect(preview.sent[0]).not.toContain('Milestones');
    await u.press('Submit revision');
    const revised = await current();
    expect(revised.revision).toBe(3);
    expect(revised.milestones).toEqual(milestones);
    expect(revised.references.map((r) => r.paperId)).toEqual([second.id]);
  });

  it('/cancel leaves it and nothing changes; Cancel on the preview sends nothing', async () => {
    const { u, current } = await bidCard();
    await u.press('Revise');
    await u.send('A different summary entirely, longer than ten.');
    expect((await u.send('/cancel')).sent).toEqual(['OK, I left the form. Nothing was saved.']);
    expect((await current()).revision).toBe(1);

    await u.send('/mybids');
    await u.press(/^1$/);
    await u.press('Revise');
    await u.send('A different summary entirely, longer than ten.');
    for (let i = 0; i < 4; i++) await u.press(KEEP);
    expect((await u.press('✖️ Cancel')).sent).toEqual(['OK, discarded. Your bid stays as it was.']);
    expect((await current()).revision).toBe(1);
  });

  it('Revise tapped again mid-form asks before the answers so far are thrown away', async () => {
    const { u } = await bidCard();
    await u.press('Revise');
    await u.send('A different summary entirely, longer than ten.');
    const asked = await u.press('✏️ Revise');
    expect(asked.sent).toEqual(['You are in the middle of a form. Leave it — and lose what you have answered — to start the one you tapped?']);
    await u.press('Keep going');
    expect((await u.press(KEEP)).sent[0]).toContain('3/6 · <b>Price</b> now');
  });

  it('is refused with the reason when the bid was shortlisted before the press', async () => {
    const { h, enterprise, u, bid, card } = await bidCard();
    await h.runtime.services.bids.shortlist(await accountOf(h, enterprise), bid.id);
    const refused = await u.pressData(card.buttons.flat().find((b) => b.text === '✏️ Revise')!.data, card.messageId);
    expect(refused.answers).toEqual([{ text: 'Your bid is shortlisted: only a submitted bid can be revised.', alert: true }]);
    expect(refused.sent).toEqual([]);
    expect(refused.edited[0]).toContain('Status: <b>shortlisted');
    expect(buttonsOf(u.lastMessage)).toEqual(['ℹ️ Challenge', '↩️ Withdraw']);
  });

  it('is refused at submit when the challenge closed, or the bid was shortlisted, meanwhile', async () => {
    for (const meanwhile of ['closed', 'shortlisted'] as const) {
      const { h, enterprise, challenge, u, bid, card, current } = await bidCard();
      await u.press('Revise');
      await u.send('A different summary entirely, longer than ten.');
      for (let i = 0; i < 4; i++) await u.press(KEEP);
      const owner = await accountOf(h, enterprise);
      if (meanwhile === 'closed') await h.runtime.services.challenges.close(owner, challenge.id);
      else await h.runtime.services.bids.shortlist(owner, bid.id);
      const refused = await u.press('Submit revision');
      expect(refused.sent).toEqual([
        meanwhile === 'closed' ? 'The challenge no longer takes bids, so your bid can no longer be changed.' : 'Your bid is shortlisted: only a submitted bid can be revised.',
      ]);
      expect((await current()).revision).toBe(1);
      const edited = u.messages.find((m) => m.messageId === card.messageId)!;
      expect(buttonsOf(edited)).not.toContain('✏️ Revise');
    }
  });

  it('speaks Chinese', async () => {
    const { u } = await bidCard({}, 'zh');
    const start = await u.press('✏️ 修改');
    expect(start.sent[0]).toContain('修改您对「Battery recycling at scale」的投标');
    expect(start.sent[1]).toContain('1/6 · 当前<b>摘要</b>：');
    expect(buttonsOf(start.messages[1]!)).toEqual(['✅ 保留']);
    await u.press('✅ 保留');
    await u.press('✅ 保留');
    expect((await u.send('25万')).sent[0]).toBe('4/6 · 当前<b>周期</b>：<b>24 周</b>\n发送新的周数（1–520），或点击「保留」。');
    await u.press('✅ 保留');
    await u.press('✅ 保留');
    const preview = u.lastMessage.text;
    expect(preview).toContain('👀 <b>您的改动</b>');
    expect(preview).toContain('<b>💰 报价</b>：¥300,000 → <b>¥250,000</b>');
    expect((await u.press('提交修改')).sent[0]).toContain('投标已修改');
  });
});
