import { describe, expect, it } from 'vitest';
import { MESSAGE_LIMIT } from '../../bot/html.js';
import { startTelegramBot } from '../../bot/start-bot.js';
import { deliverNewest } from '../support/catalogue.js';
import { botHarness, TEST_TOKEN, type BotHarness } from '../support/telegram-bot.js';
import { accountOf, postChallenge } from '../support/telegram-fixtures.js';
import { BotApiStandIn } from '../support/telegram-stand-in.js';

/** A researcher's question of 2,000 characters over many lines, answered with 5,000: both at their limits. */
async function longAnswer(h: BotHarness) {
  const enterprise = await h.registered(1, { roles: 'enterprise' });
  const researcher = await h.registered(2);
  const challenge = await postChallenge(h, enterprise);
  const text = Array.from({ length: 40 }, (_, i) => `Point ${i}: does the leachate need <cobalt> & nickel?`).join('\n').slice(0, 2000);
  const question = await h.runtime.services.questions.ask(await accountOf(h, researcher), challenge.id, { text });
  await h.runtime.services.questions.answer(await accountOf(h, enterprise), question.id, { answer: 'Yes, and here is why. '.repeat(250).slice(0, 5000) });
  return { researcher };
}

describe('texts longer than Telegram takes', () => {
  it('reach the person cut to fit, with the quote’s markup closed, instead of being refused', async () => {
    const h = await botHarness();
    const { researcher } = await longAnswer(h);
    const message = await deliverNewest(h, researcher, 'answer');
    expect(message.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(message.text).toMatch(/…(<\/i>)?$/);
    expect(message.text).toContain('Point 0: does the leachate need &lt;cobalt&gt; &amp; nickel?');
    expect(h.api.calls.filter((c) => c.refusedWith !== undefined)).toEqual([]);
  });

  it('are cut on the outbox’s own client too', async () => {
    const h = await botHarness();
    const { researcher } = await longAnswer(h);
    const standIn = new BotApiStandIn();
    const handle = await startTelegramBot({
      telegram: { token: TEST_TOKEN, apiRoot: 'http://bot-api.test', webhook: { url: 'https://tenderlab.example/hook', secret: 'secret' } },
      services: h.runtime.services,
      app: h.runtime.app,
      client: { fetch: standIn.fetch },
      log: () => undefined,
    });
    const account = await accountOf(h, researcher);
    const [row] = (await h.runtime.store.tables.notifications.where('accountId', account.id)).filter((n) => n.kind === 'answer');
    await handle.channel.send(row!, account);
    await handle.stop();
    const [sent] = standIn.callsOf('sendMessage');
    expect(sent!.refusedWith).toBeUndefined();
    expect(String(sent!.payload.text).length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  });
});
