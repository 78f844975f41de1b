import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/main.js';
import { messagesFor, type Messages } from '../../bot/i18n.js';
import { suggestKeywords } from '../../shared/lexicon/suggest-keywords.js';
import { EmulatedUser, startEmulator } from '../support/telegram-emulator.js';

const TOKEN = '7000001:AAe2eTestTokenForTheEmulatorOnly_xyz';
/** The bot's own words: each wait names the exact message it expects. */
const en = messagesFor('en');
const zh = messagesFor('zh');

/** The keyword step's prompt, with the suggestions the bot draws from the title and summary (or none). */
function keywordPrompt(t: Messages, title: string, summary: string): string {
  const suggested = suggestKeywords(title, summary, 6).flatMap((s) => [s.term, s.translation]);
  return suggested.length > 0 ? t.post.askKeywordsSuggested(suggested.join(t.conversation.listSeparator)) : t.post.askKeywords;
}

/** A form's prompt once answered: the prompt, and under it what was chosen. */
const answered = (t: Messages, prompt: string, choice: string) => `${prompt}\n\n${t.conversation.chosen(choice)}`;

/**
 * The product as a new user meets it: the real server process (in-process `startServer`), its bot on long
 * polling against a local Bot API emulator, and two people in private chats — a researcher with an alert,
 * and an enterprise posting a challenge that matches it, then awarding the researcher's bid with a note; and a
 * researcher revising, then withdrawing, a bid.
 */
describe('the Telegram bot end to end', () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let server: Awaited<ReturnType<typeof startServer>>;
  // One data directory for the whole file (the shared temp-dir helper removes its directories after each test).
  let dataDir: string;
  let config: ReturnType<typeof loadConfig>;

  beforeAll(async () => {
    emulator = await startEmulator();
    dataDir = await mkdtemp(join(tmpdir(), 'tenderlab-e2e-bot-'));
    config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot });
    server = await startServer(config);
  });

  afterAll(async () => {
    await server?.stop();
    await emulator?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('alerts a subscribed researcher of a matching challenge, who saves it, proposes and wins', async () => {
    const researcher = new EmulatedUser(emulator.server, TOKEN, 1001, 'Ada');
    const enterprise = new EmulatedUser(emulator.server, TOKEN, 2002, 'Acme');
    const title = 'Battery recycling at industrial scale';

    // The researcher joins and subscribes.
    await researcher.say('/start', en.start.welcome);
    await researcher.tap('Researcher', en.start.registered('Ada', en.roles.researcher));
    await researcher.say('/subscribe battery recycling', en.subscriptions.created(en.subscriptions.keywords('battery recycling')));

    // The enterprise joins and posts a matching challenge through the whole conversation.
    await enterprise.say('/start', en.start.welcome);
    await enterprise.tap('Enterprise', en.start.registered('Acme', en.roles.enterprise));
    await enterprise.say('/post', en.post.askTitle);
    await enterprise.say(title, en.post.askSummary);
    await enterprise.say('Recover lithium, nickel and cobalt from spent EV batteries with battery recycling at scale.', en.post.askDescription);
    const description = 'A hydrometallurgical route with more than 95% recovery, ready for a pilot line.';
    await enterprise.say(description, en.conversation.partReceived(1, description.length));
    await enterprise.tap('Done', en.post.askFields);
    await enterprise.tap('New energy vehicles', en.post.askFields);
    await enterprise.tap('Environmental protection', en.post.askFields);
    await enterprise.tap('Done', answered(en, en.post.askFields, 'Environmental protection, New energy vehicles'));
    const keywords = keywordPrompt(en, title, 'Recover lithium, nickel and cobalt from spent EV batteries with battery recycling at scale.');
    await enterprise.waitFor(keywords);
    await enterprise.tap('Skip', answered(en, keywords, en.conversation.skip));
    await enterprise.waitFor(en.post.askType);
    await enterprise.tap('Request for proposals', answered(en, en.post.askType, en.challengeType.rfp));
    await enterprise.waitFor(en.post.askReward);
    await enterprise.say('500000 CNY', en.post.askDeadline);
    await enterprise.say('in 30 days', en.post.askIpTerms);
    await enterprise.tap('Exclusive licence', answered(en, en.post.askIpTerms, en.ipTerms['exclusive-license']));
    const preview = await enterprise.waitFor({ firstLine: en.post.previewHeader });
    expect(preview.buttons.map((b) => b.text)).toEqual(['🚀 Publish', '💾 Save as draft', '✖️ Cancel']);
    expect(preview.text).toContain('30 days left');
    await enterprise.tap('Publish', en.post.published);

    // Within seconds the researcher gets the alert, with its buttons.
    const card = await researcher.waitFor({ firstLine: en.notify.match }, 15_000);
    expect(card.text).toContain(`<b>${title}</b>`);
    expect(card.text).toContain('CN¥500,000');
    expect(card.buttons.map((b) => b.text)).toEqual(['⭐ Save', 'ℹ️ Details', '✍️ Propose', '❓ Ask']);

    // Save makes it appear in /saved.
    await researcher.press('Save', card);
    await researcher.waitFor({ check: (m) => m.messageId === card.messageId && m.buttons.some((b) => b.text === en.card.buttons.unsave), what: 'the card to offer Unsave' });
    await researcher.say('/saved', { firstLine: en.saved.header(1, 1) });

    // Propose submits a bid.
    await researcher.press('Propose', card);
    await researcher.waitFor(en.propose.askSummary);
    await researcher.say('A closed-loop leaching process with solvent recovery.', en.propose.askApproach);
    await researcher.say('Bench-scale validation in 8 weeks, then a pilot line in 20 weeks.', en.propose.askPrice('CN¥500,000'));
    await researcher.say('300000', en.propose.askWeeks);
    await researcher.say('24', en.propose.askMilestones);
    await researcher.tap(en.propose.noMilestones, { firstLine: en.propose.previewHeader });
    const receipt = await researcher.tap('Submit bid', { firstLine: '✅ <b>Bid submitted.</b>' });
    expect(receipt.text).toMatch(/<code>[0-9a-f]{64}<\/code>/);

    // The enterprise receives the bid and awards it, with a note.
    const bid = await enterprise.waitFor({ firstLine: en.notify.bidReceived(title) }, 15_000);
    expect(bid.text).toContain('👤 Ada');
    expect(bid.buttons.map((b) => b.text)).toEqual(['⭐ Shortlist', '✖️ Not selected', '🏆 Award']);
    await enterprise.press('Award', bid);
    const question = await enterprise.waitFor(en.bid.confirmAward);
    expect(question.buttons.map((b) => b.text)).toEqual([en.bid.awardWithNote, en.bid.awardWithoutNote, en.confirm.keep]);
    await enterprise.tap('Award with a note', en.bid.askNote);
    await enterprise.say('x'.repeat(2001), en.bid.badNote);
    const note = 'Your closed-loop plan won us over: let us meet in Shenzhen.';
    await enterprise.say(note, en.bid.awardedWithNote(title, 'Ada', note));

    // The researcher receives the award message, with the note.
    const award = await researcher.waitFor({ firstLine: en.notify.award(title, 'CN¥300,000') }, 15_000);
    expect(award.text).toContain(en.notify.awardNote(note));
  });

  it('does the same in Chinese: 钙钛矿 alert, a post with a 30天后 deadline, a proposal', async () => {
    const researcher = new EmulatedUser(emulator.server, TOKEN, 3003, '王');
    const enterprise = new EmulatedUser(emulator.server, TOKEN, 4004, '李');
    const title = '钙钛矿太阳能电池的户外稳定性';

    await researcher.say('/start', en.start.welcome);
    await researcher.tap('中文', zh.start.welcome);
    await researcher.tap('科研人员', zh.start.registered('王', zh.roles.researcher));
    await researcher.say('/subscribe 钙钛矿', zh.subscriptions.created(zh.subscriptions.keywords('钙钛矿')));

    await enterprise.say('/start', en.start.welcome);
    await enterprise.tap('中文', zh.start.welcome);
    await enterprise.tap('企业', zh.start.registered('李', zh.roles.enterprise));
    await enterprise.say('/post', zh.post.askTitle);
    await enterprise.say(title, zh.post.askSummary);
    await enterprise.say('让钙钛矿电池组件在户外保持十年以上的稳定输出。', zh.post.askDescription);
    await enterprise.tap('跳过', zh.post.askFields);
    await enterprise.tap('新材料', zh.post.askFields);
    await enterprise.tap('完成', answered(zh, zh.post.askFields, '新材料'));
    const keywords = keywordPrompt(zh, title, '让钙钛矿电池组件在户外保持十年以上的稳定输出。');
    await enterprise.waitFor(keywords);
    await enterprise.tap('跳过', answered(zh, keywords, zh.conversation.skip));
    await enterprise.waitFor(zh.post.askType);
    await enterprise.tap('方案征集', answered(zh, zh.post.askType, zh.challengeType.rfp));
    await enterprise.waitFor(zh.post.askReward);
    await enterprise.say('¥80万', zh.post.askDeadline);
    await enterprise.say('30天后', zh.post.askIpTerms);
    await enterprise.tap('联合研发', answered(zh, zh.post.askIpTerms, zh.ipTerms['joint-rd']));
    // The preview itself, not the /post intro (which mentions 预览 too).
    const preview = await enterprise.waitFor({ firstLine: zh.post.previewHeader });
    expect(preview.text).toContain('剩余 30 天');
    await enterprise.tap('发布', zh.post.published);

    const card = await researcher.waitFor({ firstLine: zh.notify.match }, 15_000);
    expect(card.text).toContain(`<b>${title}</b>`);
    expect(card.buttons.map((b) => b.text)).toEqual(['⭐ 收藏', 'ℹ️ 详情', '✍️ 投标', '❓ 提问']);
    await researcher.press('投标', card);
    await researcher.waitFor(zh.propose.askSummary);
    await researcher.say('二维钝化层加封装的组合方案。', zh.propose.askApproach);
    await researcher.say('先做加速老化测试，再做户外实证，共二十周。', zh.propose.askPrice('¥800,000'));
    await researcher.say('50万', zh.propose.askWeeks);
    await researcher.say('20周', zh.propose.askMilestones);
    await researcher.tap(zh.propose.noMilestones, { firstLine: zh.propose.previewHeader });
    await researcher.tap('提交投标', { firstLine: '✅ <b>投标已提交。</b>' });
    const bid = await enterprise.waitFor({ firstLine: zh.notify.bidReceived(title) }, 15_000);
    expect(bid.buttons.map((b) => b.text)).toEqual(['⭐ 入围', '✖️ 不予采纳', '🏆 授标']);
  });

  it('shows /challenges as one message, and Next edits that message in place', async () => {
    const { services } = server.runtime;
    const enterprise = new EmulatedUser(emulator.server, TOKEN, 6006, 'Lister');
    await enterprise.say('/start', en.start.welcome);
    await enterprise.tap('Enterprise', en.start.registered('Lister', en.roles.enterprise));
    const owner = (await services.accounts.findByTelegram(6006))!;
    const deadline = new Date(Date.now() + 40 * 86_400_000).toISOString();
    for (let i = 1; i <= 6; i++) {
      const draft = await services.challenges.create(owner, {
        title: `Listed challenge number ${i}`,
        summary: 'A challenge that only fills the list for the paging journey.',
        fields: ['environment'],
        reward: { amount: 1000 * i, currency: 'CNY' },
        deadline,
      });
      await services.challenges.publish(owner, draft.id);
    }
    const researcher = new EmulatedUser(emulator.server, TOKEN, 6007, 'Reader');
    await researcher.say('/start', en.start.welcome);
    await researcher.tap('Researcher', en.start.registered('Reader', en.roles.researcher));
    await researcher.waitFor({ check: (m) => m.text.startsWith(en.start.nextResearcher), what: 'the researcher’s next steps' });
    const before = researcher.messages().length;
    const list = await researcher.say('/challenges', { firstLine: en.browse.openHeader(1, 5) });
    expect(researcher.messages().length).toBe(before + 1);
    expect(list.buttons.map((b) => b.text)).toEqual(['1', '2', '3', '4', '5', en.browse.next]);
    // The other journeys' open challenges are on the list too, so the second page's end is not fixed here.
    const secondPage = en.browse.openHeader(6, 0).replace(/0\)$/, '');
    const paged = await researcher.tap('Next', { check: (m) => m.messageId === list.messageId && m.text.startsWith(secondPage), what: 'the same list message at item 6' });
    expect(paged.text).toContain('6. <b>');
    expect(researcher.messages().length).toBe(before + 1);
  });

  it('after an award, the other bid’s card loses its buttons', async () => {
    const { services } = server.runtime;
    const enterprise = new EmulatedUser(emulator.server, TOKEN, 7007, 'Judge');
    await enterprise.say('/start', en.start.welcome);
    await enterprise.tap('Enterprise', en.start.registered('Judge', en.roles.enterprise));
    const owner = (await services.accounts.findByTelegram(7007))!;
    const title = 'Low-cost sodium-ion cathodes';
    const draft = await services.challenges.create(owner, {
      title,
      summary: 'A sodium-ion cathode below the cost of LFP with 3,000 cycles.',
      fields: ['new-materials'],
      reward: { amount: 200000, currency: 'CNY' },
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    const challenge = await services.challenges.publish(owner, draft.id);
    for (const [id, name] of [[7008, 'Alice'], [7009, 'Bob']] as const) {
      const bidder = new EmulatedUser(emulator.server, TOKEN, id, name);
      await bidder.say('/start', en.start.welcome);
      await bidder.tap('Researcher', en.start.registered(name, en.roles.researcher));
      await services.bids.submit((await services.accounts.findByTelegram(id))!, challenge.id, {
        summary: `${name}'s layered oxide cathode.`,
        approach: 'Synthesis, half cells, then pouch cells over twelve weeks.',
        price: { amount: 150000, currency: 'CNY' },
        durationWeeks: 12,
        paperIds: [],
      });
    }
    const isBid = (name: string) => (m: { text: string }) => m.text.split('\n', 1)[0] === en.notify.bidReceived(title) && m.text.includes(`👤 ${name}`);
    const alice = await enterprise.waitFor({ check: isBid('Alice'), what: 'Alice’s bid' }, 15_000);
    const bob = await enterprise.waitFor({ check: isBid('Bob'), what: 'Bob’s bid' }, 15_000);
    expect(bob.buttons.map((b) => b.text)).toEqual(['⭐ Shortlist', '✖️ Not selected', '🏆 Award']);
    await enterprise.press('Award', alice);
    await enterprise.waitFor(en.bid.confirmAward);
    await enterprise.tap('Award without a note', en.bid.awarded(title, 'Alice'));
    const bobAfter = await enterprise.waitFor({ check: (m) => m.messageId === bob.messageId && m.buttons.length === 0, what: 'Bob’s bid without buttons' });
    expect(bobAfter.text).toContain(`${en.bid.status}: <b>${en.bidStatus.rejected}</b>`);
  });

  it('a researcher revises a bid from /mybids, with a new receipt, then withdraws it after the question on its card', async () => {
    const { services } = server.runtime;
    const enterprise = new EmulatedUser(emulator.server, TOKEN, 8008, 'Reviser Co');
    await enterprise.say('/start', en.start.welcome);
    await enterprise.tap('Enterprise', en.start.registered('Reviser Co', en.roles.enterprise));
    const owner = (await services.accounts.findByTelegram(8008))!;
    const title = 'Hydrogen storage in salt caverns';
    const draft = await services.challenges.create(owner, {
      title,
      summary: 'Seasonal storage of green hydrogen in salt caverns, with leakage below 0.1% a year.',
      fields: ['energy'],
      reward: { amount: 400000, currency: 'CNY' },
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    const challenge = await services.challenges.publish(owner, draft.id);
    const researcher = new EmulatedUser(emulator.server, TOKEN, 8009, 'Rhea');
    await researcher.say('/start', en.start.welcome);
    await researcher.tap('Researcher', en.start.registered('Rhea', en.roles.researcher));
    const summary = 'Cavern integrity modelling with a brine-compensated cycle.';
    const rhea = (await services.accounts.findByTelegram(8009))!;
    await services.bids.submit(rhea, challenge.id, {
      summary,
      approach: 'Geomechanical simulation first, then a pilot cavern over twelve weeks.',
      price: { amount: 150000, currency: 'CNY' },
      durationWeeks: 12,
      paperIds: [],
    });

    await researcher.say('/mybids', { firstLine: en.mybids.header(1, 1) });
    const card = await researcher.tap('1', { firstLine: en.bid.onChallenge(title) });
    expect(card.buttons.map((b) => b.text)).toEqual([en.bid.challenge, en.bid.revise, en.bid.withdraw]);

    // Revise: keep the summary, a new approach and price, keep the weeks and the (no) milestones.
    await researcher.press('Revise', card);
    await researcher.waitFor(en.revise.askSummary(summary));
    await researcher.tap('Keep', en.revise.askApproach('Geomechanical simulation first, then a pilot cavern over twelve weeks.'));
    await researcher.say('Geomechanical simulation, a tracer test, then a pilot cavern over twelve weeks.', en.revise.askPrice('CN¥150,000'));
    await researcher.say('180000', en.revise.askWeeks(12));
    await researcher.tap('Keep', en.revise.askMilestones(en.revise.none));
    const preview = await researcher.tap('Keep', { firstLine: en.revise.previewHeader });
    expect(preview.text).toContain(en.revise.changed(en.bid.price, 'CN¥150,000', '<b>CN¥180,000</b>'));
    const receipt = await researcher.tap('Submit revision', { firstLine: '✅ <b>Bid revised.</b>' });
    expect(receipt.text).toContain('revision 2');
    expect(receipt.text).toMatch(/<code>[0-9a-f]{64}<\/code>/);
    const revised = await researcher.waitFor({ check: (m) => m.messageId === card.messageId && m.text.includes('CN¥180,000'), what: 'the card at revision 2' });

    // Withdraw asks on the card itself, then the card shows the outcome without the bid's buttons.
    await researcher.press('Withdraw', revised);
    const asked = await researcher.waitFor({ check: (m) => m.messageId === card.messageId && m.text.startsWith(en.bid.confirmWithdraw(title)), what: 'the withdraw question on the card' });
    expect(asked.buttons.map((b) => b.text)).toEqual([en.bid.yesWithdraw, en.bid.keepIt]);
    await researcher.press('Withdraw', asked);
    const withdrawn = await researcher.waitFor({ check: (m) => m.messageId === card.messageId && m.text.startsWith(en.bid.withdrawn), what: 'the card saying the bid is withdrawn' });
    expect(withdrawn.buttons.map((b) => b.text)).toEqual([en.bid.challenge]);
    expect((await services.bids.listMine(rhea, { limit: 1 })).items[0]).toMatchObject({ status: 'withdrawn', revision: 2 });
  });

  it('carries on with /post at the same step after the server restarts on the same data directory', async () => {
    const enterprise = new EmulatedUser(emulator.server, TOKEN, 5005, 'Restart Co');
    await enterprise.say('/start', en.start.welcome);
    await enterprise.tap('Enterprise', en.start.registered('Restart Co', en.roles.enterprise));
    await enterprise.say('/post', en.post.askTitle);
    await enterprise.say('Solid-state electrolytes for winter driving', en.post.askSummary);

    await server.stop();
    server = await startServer(config);

    await enterprise.say('Keep solid-state cells above 80% of their capacity at minus thirty degrees.', en.post.askDescription);
    const description = 'An electrolyte that works from -30 °C to 60 °C, with a cell-level demonstration.';
    await enterprise.say(description, en.conversation.partReceived(1, description.length));
    await enterprise.tap('Done', en.post.askFields);
  });
});
