import { describe, expect, it } from 'vitest';
import { botHarness } from '../support/telegram-bot.js';
import { accountOf, answerProposal, clipPaper, postChallenge, proposing, submitBid } from '../support/telegram-fixtures.js';

describe('Propose', () => {
  it('collects summary, approach, price, weeks, milestones and cited clips, checks each, and shows the receipt', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, enterprise);
    const u = await h.registered(2);
    const paper = await clipPaper(h, u, 'Hydrometallurgical recycling of NMC cathodes', '10.1000/nmc');
    await clipPaper(h, u, 'Unrelated paper', '10.1000/other');
    await u.send('/challenges');
    await u.press(/^1$/);
    const intro = await u.press('Propose');
    expect(intro.sent[0]).toContain('Proposal for “Battery recycling at scale”');
    expect(intro.sent[1]).toContain('summary');
    expect((await u.send('short')).sent[0]).toContain('10 to 1,000');
    expect((await u.send('A closed-loop leaching process.')).sent[0]).toContain('approach');
    expect((await u.send('tiny')).sent[0]).toContain('10 to 20,000');
    const price = await u.send('Bench-scale in 8 weeks, pilot in 20 weeks.');
    expect(price.sent[0]).toContain('price');
    expect(price.sent[0]).toContain('CN¥500,000');
    expect((await u.send('free')).sent[0]).toContain('did not understand that amount');
    expect((await u.send('30万')).sent[0]).toContain('weeks');
    expect((await u.send('0')).sent[0]).toContain('between 1 and 520');
    expect((await u.send('many')).sent[0]).toContain('between 1 and 520');
    const milestones = await u.send('24 weeks');
    expect(milestones.sent[0]).toContain('5/6 · <b>Milestones</b> (optional)');
    expect((await u.press('Add a milestone')).sent[0]).toContain('Milestone 1 · its <b>title</b>');
    expect((await u.send('Bench-scale leaching')).sent[0]).toContain('Milestone 1 · how many <b>weeks</b>');
    expect((await u.send('soon')).sent[0]).toContain('between 1 and 520');
    expect((await u.send('8')).sent[0]).toContain('Milestone 1 · its <b>amount</b> in CNY');
    expect((await u.send('50 USD')).sent[0]).toContain('Send a number in CNY, the bid');
    expect((await u.send('100000')).sent[0]).toBe('<b>Milestones so far</b>\n1. Bench-scale leaching · 8 weeks · CN¥100,000\nAdd another, or tap Done.');
    await u.press('Add another');
    await u.send('Pilot line');
    await u.send('16');
    await u.send('150000');
    const mismatch = await u.press('Done');
    expect(mismatch.sent).toEqual(['⚠️ Milestones add up to <b>CN¥250,000</b> but the price is <b>CN¥300,000</b>: change an amount, or keep them anyway?']);
    expect((await u.press('Change an amount')).messages[0]!.buttons.flat().map((b) => b.text)).toEqual(['1. Bench-scale leaching · CN¥100,000', '2. Pilot line · CN¥150,000']);
    expect((await u.press(/^2\. Pilot line/)).sent[0]).toContain('Milestone 2 · its <b>amount</b>');
    // Now they add up to the price: no more questions about them.
    const papers = await u.send('200000');
    expect(papers.sent[0]).toContain('6/6 · Cite <b>papers</b>');
    expect(papers.messages[0]!.buttons.flat().map((b) => b.text)).toContain('Hydrometallurgical recycling of NMC cathodes');
    await u.press('Hydrometallurgical');
    const preview = await u.press('Done');
    expect(preview.sent[0]).toContain('Your bid</b> — check it before sending');
    expect(preview.sent[0]).toContain('CN¥300,000');
    expect(preview.sent[0]).toContain('24 weeks');
    expect(preview.sent[0]).toContain('Hydrometallurgical recycling of NMC cathodes (2024) — doi:10.1000/nmc');
    expect(preview.sent[0]).toContain('<b>Milestones</b>\n1. Bench-scale leaching · 8 weeks · CN¥100,000\n2. Pilot line · 16 weeks · CN¥200,000');
    const receipt = await u.press('Submit bid');
    expect(receipt.sent[0]).toMatch(/Bid submitted\.<\/b>\nReceipt \(revision 1\), received .*:\n<code>[0-9a-f]{64}<\/code>/);

    const [bid] = (await h.runtime.services.bids.listMine(await accountOf(h, u), { limit: 5 })).items;
    expect(bid).toMatchObject({
      challengeId: challenge.id,
      summary: 'A closed-loop leaching process.',
      price: { amount: 300000, currency: 'CNY' },
      durationWeeks: 24,
      milestones: [
        { title: 'Bench-scale leaching', weeks: 8, amount: 100000 },
        { title: 'Pilot line', weeks: 16, amount: 200000 },
      ],
      references: [expect.objectContaining({ paperId: paper.id })],
    });
    expect(receipt.sent[0]).toContain(bid!.receipt.sha256);
    // The card now offers the bid instead of a second proposal.
    await u.send('/challenges');
    const again = await u.press(/^1$/);
    expect(again.messages[0]!.buttons[1]![0]!.text).toBe('📄 Your bid');
  });

  it('Ask or Propose tapped in the middle of a form asks first: Keep going keeps it, Leave ends it, the same button again starts the new one', async () => {
    const { u } = await proposing();
    const ask = await u.press('Ask');
    expect(ask.sent).toEqual(['You are in the middle of a form. Leave it — and lose what you have answered — to start the one you tapped?']);
    expect((await u.press('Keep going')).edited[0]).toBe('OK — carry on with the question above.');
    expect((await u.send('A closed-loop leaching process.')).sent[0]).toContain('approach');
    await u.press('Ask');
    expect((await u.press('Leave the form')).edited[0]).toBe('OK, I left the form. Tap that button again to start the new one.');
    expect((await u.press('Ask')).sent[0]).toContain('question');
    await u.press('Propose');
    const again = await u.press('Propose');
    expect(again.sent[0]).toContain('Proposal for “Battery recycling at scale”');
  });

  it('asks the same in Chinese', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    await postChallenge(h, enterprise);
    const u = await h.registered(2, { locale: 'zh' });
    await u.send('/challenges');
    await u.press(/^1$/);
    await u.press('投标');
    expect((await u.press('提问')).sent).toEqual(['您正在填写表单。要放弃已填写的内容，开始您刚点击的新表单吗？']);
    expect((await u.press('放弃表单')).edited[0]).toBe('好的，已退出表单。请再次点击该按钮开始新的表单。');
  });

  it('says there are no clips to cite, and Cancel on the preview sends nothing', async () => {
    const { h, u } = await proposing();
    await answerProposal(u, { price: '80k USD', weeks: '12' });
    const preview = await u.press('No milestones');
    expect(preview.sent[0]).toContain('no clipped papers');
    expect(preview.sent[1]).toContain('US$80,000');
    expect((await u.press('✖️ Cancel')).sent).toEqual(['OK, discarded. No bid was sent.']);
    expect((await h.runtime.services.bids.listMine(await accountOf(h, u), { limit: 5 })).items).toEqual([]);
  });

  it('/cancel leaves it; pressing another card button mid-way is handled by that button', async () => {
    const { u } = await proposing();
    const saved = await u.press('⭐ Save');
    expect(saved.answers[0]!.text).toContain('Saved');
    expect((await u.send('A closed-loop leaching process.')).sent[0]).toContain('approach');
    expect((await u.send('/cancel')).sent).toEqual(['OK, I left the form. Nothing was saved.']);
  });

  it('is not offered to enterprises, and is refused up front for a second live bid and on closed challenges', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const other = await h.registered(3, { roles: 'enterprise' });
    const challenge = await postChallenge(h, enterprise);
    await other.send('/challenges');
    await other.press(/^1$/);
    // The server lists no `bid` for an enterprise, so the card offers no Propose to press.
    expect(other.findButton('Details').message.buttons.flat().map((b) => b.text)).not.toContainEqual(expect.stringContaining('Propose'));

    const u = await h.registered(2);
    await u.send('/challenges');
    await u.press(/^1$/);
    await submitBid(h, u, challenge.id);
    const button = u.findButton('Propose');
    expect((await u.pressData(button.data, button.message.messageId)).answers[0]!.text).toContain('already have a live bid');

    const late = await h.registered(4);
    await late.send('/challenges');
    await late.press(/^1$/);
    await h.runtime.services.challenges.close(await accountOf(h, enterprise), challenge.id);
    expect((await late.press('Propose')).answers[0]!.text).toContain('not accepting bids');
  });

  it('when the challenge closes during the conversation, the services refuse and it says why', async () => {
    const { h, enterprise, u, challenge } = await proposing();
    await answerProposal(u, { price: '300000', weeks: '12' });
    await u.press('No milestones');
    await h.runtime.services.challenges.close(await accountOf(h, enterprise), challenge.id);
    const refused = await u.press('Submit bid');
    expect(refused.sent[0]).toContain('not possible right now');
    expect(refused.sent[0]).toContain('not accepting bids');
  });

  it('works in Chinese', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    await postChallenge(h, enterprise);
    const u = await h.registered(2, { locale: 'zh' });
    await u.send('/challenges');
    await u.press(/^1$/);
    expect((await u.press('投标')).sent[0]).toContain('为「Battery recycling at scale」投标');
    await u.send('闭环浸出工艺，溶剂可回收再用。');
    await u.send('八周完成小试，二十周完成中试，使用自有专利浸出液。');
    await u.send('30万元');
    expect((await u.send('20周')).sent[0]).toContain('<b>里程碑</b>（可选）');
    await u.press('添加里程碑');
    await u.send('小试');
    await u.send('8周');
    await u.send('10万');
    await u.press('完成');
    expect(u.lastMessage.text).toBe('⚠️ 里程碑金额合计 <b>¥100,000</b>，但报价是 <b>¥300,000</b>。要修改某个金额，还是保持不变？');
    expect((await u.press('保持不变')).sent[1]).toContain('您的投标');
    expect((await u.press('提交投标')).sent[0]).toContain('投标已提交');
  });

  it('milestones: a mismatch kept anyway is sent as it is, an amount may be skipped, bad titles are re-asked, /cancel leaves', async () => {
    const { h, u } = await proposing();
    await answerProposal(u, { price: '300000', weeks: '24' });
    await u.press('Add a milestone');
    expect((await u.send('x'.repeat(201))).sent).toEqual(['A milestone title needs 1 to 200 characters. Please send it again.']);
    await u.send('Bench-scale leaching');
    await u.send('8');
    expect((await u.send('0')).sent[0]).toContain('I did not understand that amount');
    await u.send('100000');
    await u.press('Add another');
    await u.send('Report');
    await u.send('2');
    const skipped = await u.press('Skip');
    expect(skipped.sent[0]).toContain('2. Report · 2 weeks\n');
    expect((await u.press('Done')).sent[0]).toContain('Milestones add up to <b>CN¥100,000</b> but the price is <b>CN¥300,000</b>');
    const preview = await u.press('Keep them anyway');
    expect(preview.sent[1]).toContain('1. Bench-scale leaching · 8 weeks · CN¥100,000\n2. Report · 2 weeks');
    await u.press('Submit bid');
    const [bid] = (await h.runtime.services.bids.listMine(await accountOf(h, u), { limit: 5 })).items;
    expect(bid!.milestones).toEqual([
      { title: 'Bench-scale leaching', weeks: 8, amount: 100000 },
      { title: 'Report', weeks: 2, amount: null },
    ]);

    const late = await h.registered(3);
    await late.send('/challenges');
    await late.press(/^1$/);
    await late.press('Propose');
    await answerProposal(late, { price: '300000', weeks: '24' });
    await late.press('Add a milestone');
    await late.send('Bench-scale leaching');
    expect((await late.send('/cancel')).sent).toEqual(['OK, I left the form. Nothing was saved.']);
    expect((await h.runtime.services.bids.listMine(await accountOf(h, late), { limit: 5 })).items).toEqual([]);
  });
});

describe('Ask and Answer', () => {
  it('a researcher asks a public question; the enterprise answers from the notification', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, enterprise);
    const u = await h.registered(2);
    await u.send('/challenges');
    await u.press(/^1$/);
    expect((await u.press('Ask')).sent[0]).toContain('Your question about <b>Battery recycling at scale</b>');
    expect((await u.send('Why?')).sent[0]).toContain('5 to 2,000');
    expect((await u.send('Is cobalt recovery required?')).sent[0]).toContain('Question posted');
    const [question] = (await h.runtime.services.questions.list(null, challenge.id, { limit: 5 })).items;
    expect(question!.text).toBe('Is cobalt recovery required?');

    const prompt = await enterprise.pressData(`v1:qa:${challenge.id}:${question!.id}`);
    expect(prompt.sent[0]).toContain('<i>Is cobalt recovery required?</i>');
    expect((await enterprise.send('Yes, above 90%.')).sent[0]).toContain('Answer published');
    const [answered] = (await h.runtime.services.questions.list(null, challenge.id, { limit: 5 })).items;
    expect(answered!.answer).toBe('Yes, above 90%.');
  });

  it('someone other than the owner pressing Answer is refused by the services', async () => {
    const h = await botHarness();
    const enterprise = await h.registered(1, { roles: 'enterprise' });
    const challenge = await postChallenge(h, enterprise);
    const u = await h.registered(2);
    const question = await h.runtime.services.questions.ask(await accountOf(h, u), challenge.id, { text: 'Is cobalt recovery required?' });
    const intruder = await h.registered(3);
    await intruder.pressData(`v1:qa:${challenge.id}:${question.id}`);
    const refused = await intruder.send('Yes it is, trust me.');
    expect(refused.sent[0]).toContain("You can't do that");
    expect((await h.runtime.services.questions.list(null, challenge.id, { limit: 5 })).items[0]!.answer).toBeNull();
  });
});
