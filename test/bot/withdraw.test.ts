import { describe, expect, it } from 'vitest';
import { botHarness } from '../support/telegram-bot.js';
import { accountOf, postChallenge, submitBid } from '../support/telegram-fixtures.js';

const buttonsOf = (message: { buttons: { text: string }[][] }) => message.buttons.flat().map((b) => b.text);

/** A researcher with a submitted bid, looking at its card from /mybids. */
async function bidCard(locale: 'en' | 'zh' = 'en') {
  const h = await botHarness();
  const enterprise = await h.registered(1, { roles: 'enterprise' });
  const challenge = await postChallenge(h, enterprise);
  const u = await h.registered(2, { locale });
  const bid = await submitBid(h, u, challenge.id);
  await u.send('/mybids');
  const card = (await u.press(/^1$/)).messages[0]!;
  return { h, enterprise, challenge, u, bid, card };
}

describe('Withdraw', () => {
  it('asks on the card itself; Keep it brings the card back, Withdraw withdraws and the card shows it', async () => {
    const { h, u, bid, card } = await bidCard();
    const asked = await u.press('↩️ Withdraw');
    expect(asked.sent).toEqual([]);
    expect(asked.edited[0]).toMatch(/^Withdraw your bid on “Battery recycling at scale”\? This cannot be undone\.\n\n📄 <b>Bid on/);
    expect(buttonsOf(u.lastMessage)).toEqual(['↩️ Withdraw', 'Keep it']);
    expect(u.lastMessage.messageId).toBe(card.messageId);

    const kept = await u.press('Keep it');
    expect(kept.answers[0]!.text).toBe('OK — nothing changed.');
    expect(kept.edited[0]).toMatch(/^📄 <b>Bid on “Battery recycling at scale”<\/b>/);
    expect(buttonsOf(u.lastMessage)).toEqual(['ℹ️ Challenge', '✏️ Revise', '↩️ Withdraw']);
    expect((await h.runtime.services.bids.get(await accountOf(h, u), bid.id)).status).toBe('submitted');

    await u.press('↩️ Withdraw');
    const withdrawn = await u.press('↩️ Withdraw');
    expect(withdrawn.sent).toEqual([]);
    expect(withdrawn.edited[0]).toMatch(/^↩️ <b>Your bid is withdrawn\.<\/b>\n\n📄 <b>Bid on/);
    expect(withdrawn.edited[0]).toContain('Status: <b>withdrawn</b>');
    expect(buttonsOf(u.lastMessage)).toEqual(['ℹ️ Challenge']);
    expect((await h.runtime.services.bids.get(await accountOf(h, u), bid.id)).status).toBe('withdrawn');
  });

  it('is refused with the reason when the challenge closed before the press, or the bid was withdrawn elsewhere after the question', async () => {
    const { h, enterprise, challenge, u, card } = await bidCard();
    await h.runtime.services.challenges.close(await accountOf(h, enterprise), challenge.id);
    const refused = await u.pressData(card.buttons.flat().find((b) => b.text === '↩️ Withdraw')!.data, card.messageId);
    expect(refused.answers).toEqual([{ text: 'The challenge no longer takes bids, so your bid can no longer be changed.', alert: true }]);
    expect(refused.edited[0]).toContain('Status: <b>submitted</b>');
    expect(buttonsOf(u.lastMessage)).toEqual(['ℹ️ Challenge']);

    const other = await bidCard();
    await other.u.press('↩️ Withdraw');
    await other.h.runtime.services.bids.withdraw(await accountOf(other.h, other.u), other.bid.id);
    const late = await other.u.press('↩️ Withdraw');
    expect(late.answers[0]).toEqual({ text: 'Your bid is withdrawn: it can no longer be withdrawn.', alert: true });
    expect(late.edited[0]).toContain('Status: <b>withdrawn</b>');
    expect(buttonsOf(other.u.lastMessage)).toEqual(['ℹ️ Challenge']);
  });

  it('asks in Chinese', async () => {
    const { u } = await bidCard('zh');
    expect((await u.press('↩️ 撤回')).edited[0]).toContain('确定撤回您对「Battery recycling at scale」的投标吗？撤回后无法恢复。');
    expect(buttonsOf(u.lastMessage)).toEqual(['↩️ 撤回', '保留']);
    expect((await u.press('↩️ 撤回')).edited[0]).toContain('您的投标已撤回');
  });
});
