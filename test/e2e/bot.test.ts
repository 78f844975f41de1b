import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/main.js';
import { messagesFor, type Messages } from '../../bot/i18n.js';
import { suggestKeywords } from '../../shared/lexicon/suggest-keywords.js';
import { httpApi } from '../support/e2e-http.js';
import { EmulatedUser, startEmulator } from '../support/telegram-emulator.js';

const TOKEN = '7000001:AAe2eTestTokenForTheEmulatorOnly_xyz';
/** The bot's own words: each wait names the exact message it expects. */
const en = messagesFor('en');
const zh = messagesFor('zh');

/** A form's keyword step: /post's, or /list's (`t.achievements.listing`). */
type KeywordStep = Pick<Messages['post'], 'askKeywords' | 'askKeywordsSuggested'>;

/** The keyword step's prompt, with the suggestions the bot draws from the title and summary (or none). */
function keywordPrompt(t: Messages, title: string, summary: string, step: KeywordStep = t.post): string {
  const suggested = suggestKeywords(title, summary, 6).flatMap((s) => [s.term, s.translation]);
  return suggested.length > 0 ? step.askKeywordsSuggested(suggested.join(t.conversation.listSeparator)) : step.askKeywords;
}

/** A form's prompt once answered: the prompt, and under it what was chosen. */
const answered = (t: Messages, prompt: string, choice: string) => `${prompt}\n\n${t.conversation.chosen(choice)}`;

/**
 * The product as a new user meets it: the real server process (in-process `startServer`), its bot on long
 * polling against a local Bot API emulator, and two people in private chats — a researcher with an alert,
 * and an enterprise posting a challenge that matches it, then awarding the researcher's bid with a note; a
 * researcher revising, then withdrawing, a bid; the catalogue (a technology listed, found, enquired about and
 * the enquiry accepted); and evaluation (a reviewer invited over the API, scoring in the bot, the owner's ranking).
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

  it('a researcher lists a technology with /list; an enterprise finds it, enquires, and once accepted each sees the other’s contacts', async () => {
    const { services } = server.runtime;
    const l = en.achievements.listing;
    const e = en.enquiries;
    const researcher = new EmulatedUser(emulator.server, TOKEN, 9001, 'Wei');
    const enterprise = new EmulatedUser(emulator.server, TOKEN, 9002, 'Blue Water');
    const title = 'Graphene oxide desalination membrane';
    const summary = 'A graphene oxide laminate membrane with 99.7% salt rejection at 20 bar.';

    // The researcher lists it through every step, a title too short re-asked.
    await researcher.say('/start', en.start.welcome);
    await researcher.tap('Researcher', en.start.registered('Wei', en.roles.researcher));
    await researcher.say('/list', l.askTitle);
    await researcher.say('GO', l.badTitle);
    await researcher.say(title, l.askSummary);
    await researcher.say(summary, l.askDescription);
    const description = 'Pilot data from a 1 m³/day rig, reproduced at two sites.';
    await researcher.say(description, en.conversation.partReceived(1, description.length));
    await researcher.tap('Done', l.askFields);
    await researcher.tap('New materials', l.askFields);
    await researcher.tap('Done', answered(en, l.askFields, 'New materials'));
    await researcher.waitFor(keywordPrompt(en, title, summary, l));
    await researcher.say('graphene, membrane', l.askTrl);
    await researcher.tap('5', answered(en, l.askTrl, '5'));
    await researcher.waitFor(l.askIpStatus);
    await researcher.tap('Patent granted', answered(en, l.askIpStatus, en.achievements.ipStatus['patent-granted']));
    await researcher.waitFor(l.askPatents);
    await researcher.say('CN 114000000 B', l.askModes);
    await researcher.tap('Exclusive licence', l.askModes);
    await researcher.tap('Done', answered(en, l.askModes, en.achievements.modes['exclusive-license']));
    await researcher.waitFor(l.askPrice);
    await researcher.say('800000 CNY', l.askInstitution);
    await researcher.say('Coastal Materials Lab', l.noPapers);
    const preview = await researcher.waitFor(
      [
        l.previewHeader,
        '',
        `<b>${title}</b>`,
        '🏛 Coastal Materials Lab · TRL 5/9',
        '🔁 Exclusive licence',
        '💰 <b>CN¥800,000</b>',
        '🏷 New materials',
        '🛡 Patent granted: CN114000000B',
        en.achievements.statusLine(en.achievements.status.draft),
        '',
        summary,
        '',
        '🔑 graphene, membrane',
      ].join('\n'),
    );
    expect(preview.buttons.map((b) => b.text)).toEqual([l.listIt, en.post.saveDraft, en.conversation.cancel]);
    await researcher.tap('List it', l.listed);
    const listed = await researcher.waitFor({ firstLine: `<b>${title}</b>` });
    expect(listed.buttons.map((b) => b.text)).toEqual([en.achievements.buttons.enquiries, en.achievements.buttons.deal, en.achievements.buttons.withdraw]);
    const wei = (await services.accounts.findByTelegram(9001))!;
    const [achievement] = (await services.achievements.listMine(wei, { limit: 5 })).items;
    expect(achievement).toMatchObject({
      status: 'listed',
      title,
      description,
      fields: ['new-materials'],
      keywords: ['graphene', 'membrane'],
      trl: 5,
      ipStatus: 'patent-granted',
      patents: ['CN114000000B'],
      modes: ['exclusive-license'],
      askingPrice: { amount: 800000, currency: 'CNY' },
      institution: 'Coastal Materials Lab',
    });

    // The enterprise finds it by its words, opens it and enquires.
    await enterprise.say('/start', en.start.welcome);
    await enterprise.tap('Enterprise', en.start.registered('Blue Water', en.roles.enterprise));
    const found = await enterprise.say('/achievements graphene desalination', { firstLine: en.achievements.searchHeader('graphene desalination', 1, 1) });
    const card = await enterprise.tap('1', { firstLine: `<b>${title}</b>` }, found);
    expect(card.buttons.map((b) => b.text)).toEqual([en.achievements.buttons.enquire]);
    await enterprise.press('Enquire', card);
    await enterprise.waitFor(e.askMessage);
    const message = 'We would license this membrane for our three coastal desalination plants.';
    await enterprise.say(message, e.askMode);
    await enterprise.tap('Exclusive licence', answered(en, e.askMode, en.achievements.modes['exclusive-license']));
    await enterprise.waitFor(e.askOffer);
    await enterprise.say('60万', { firstLine: e.previewHeader });
    await enterprise.tap('Send enquiry', e.sent(title));

    // The owner gets it through the outbox, sealed (no contacts yet), and accepts it on the alert itself.
    const enquiry = (sender: boolean, status: string) => [
      e.about(title),
      ...(sender ? [] : [e.from('Blue Water')]),
      '🔁 Exclusive licence',
      '💰 CN¥600,000',
      e.statusLine(status),
      '',
      message,
    ];
    const contacts = ['', e.contactsHeader, `${e.sender}: <b>Blue Water</b> — @bluewater`, `${e.owner}: <b>Wei</b> — @wei`];
    const alert = await researcher.waitFor([en.notify.catalogue['enquiry-received'](title), '', ...enquiry(false, e.status.sent)].join('\n'), 15_000);
    expect(alert.buttons.map((b) => b.text)).toEqual([e.buttons.accept, e.buttons.decline, e.buttons.achievement]);
    await researcher.press('Accept', alert);
    const accepted = await researcher.waitFor([e.acceptedHeader, '', ...enquiry(false, e.status.accepted), ...contacts].join('\n'));
    expect(accepted.messageId).toBe(alert.messageId);
    expect(accepted.buttons.map((b) => b.text)).toEqual([e.buttons.achievement]);

    // The enterprise is told, and sees the owner's contact details too.
    const told = await enterprise.waitFor([en.notify.catalogue['enquiry-status'](title), '', ...enquiry(true, e.status.accepted), ...contacts].join('\n'), 15_000);
    expect(told.buttons.map((b) => b.text)).toEqual([e.buttons.achievement]);
    expect((await services.enquiries.listMine(wei, { limit: 5 })).items).toEqual([
      expect.objectContaining({ achievementId: achievement!.id, mode: 'exclusive-license', offer: { amount: 600000, currency: 'CNY' }, status: 'accepted' }),
    ]);
  });

  it('a reviewer redeems an invite with /reviews CODE, scores the bid with the buttons, and the owner sees it in the ranking', async () => {
    const api = httpApi(`http://127.0.0.1:${server.port}`);
    const title = 'Grid-scale zinc-air storage';
    const rubric = [
      { name: 'Feasibility', description: 'Can it be built at grid scale?', weight: 60 },
      { name: 'Cost', description: 'Cost per kWh at volume', weight: 40 },
    ];
    const register = async (displayName: string, roles: string[]) => {
      const res = await api.call('POST', '/api/auth/register', {
        body: { roles, displayName, organization: `${displayName} Ltd`, email: `${displayName.toLowerCase().replace(/\W+/g, '.')}@e2e.test`, password: 'correct horse battery' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.token as string;
    };
    const expectStatus = (res: { status: number; body: unknown }, status: number) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      return res.body as any;
    };

    // Over the API: the owner's challenge with its rubric, a bid on it, and a one-time reviewer invite.
    const ownerToken = await register('Zinc Grid', ['enterprise']);
    const bidderToken = await register('Dr Bidder', ['researcher']);
    const challenge = expectStatus(
      await api.call('POST', '/api/challenges', {
        token: ownerToken,
        body: {
          title,
          summary: 'A zinc-air battery for four-hour grid storage below CN¥600 per kWh.',
          fields: ['energy'],
          reward: { amount: 300000, currency: 'CNY' },
          deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          rubric,
        },
      }),
      201,
    );
    expectStatus(await api.call('POST', `/api/challenges/${challenge.id}/publish`, { token: ownerToken }), 200);
    const summary = 'A bifunctional air electrode with a flowing zinc slurry.';
    expectStatus(
      await api.call('POST', `/api/challenges/${challenge.id}/bids`, {
        token: bidderToken,
        body: { summary, approach: 'Electrode screening, then a 10 kWh pilot stack over sixteen weeks.', price: { amount: 250000, currency: 'CNY' }, durationWeeks: 16 },
      }),
      201,
    );
    const invite = expectStatus(await api.call('POST', `/api/challenges/${challenge.id}/reviewers/invites`, { token: ownerToken }), 201);

    // The owner links Telegram to the account with a code from the API.
    const owner = new EmulatedUser(emulator.server, TOKEN, 9101, 'Zinc Grid');
    const link = expectStatus(await api.call('POST', '/api/auth/link-code', { token: ownerToken }), 201);
    await owner.say(`/link ${link.code}`, en.link.linked('Zinc Grid'));

    // The reviewer joins, redeems the code and declares no conflicts.
    const reviewer = new EmulatedUser(emulator.server, TOKEN, 9102, 'Rivera');
    await reviewer.say('/start', en.start.welcome);
    await reviewer.tap('Researcher', en.start.registered('Rivera', en.roles.researcher));
    await reviewer.say(`/reviews ${invite.code}`, en.redeem.redeemed(title));
    await reviewer.waitFor(en.redeem.askOrganizations(2, 3));
    await reviewer.tap('None', answered(en, en.redeem.askOrganizations(2, 3), en.redeem.none));
    await reviewer.waitFor(en.redeem.askPeople(3, 3));
    await reviewer.tap('None', answered(en, en.redeem.askPeople(3, 3), en.redeem.none));
    await reviewer.waitFor(en.redeem.declared(1, 0));

    // The assigned bid opens with its rubric; each criterion is scored with the buttons, comments skipped.
    const assignments = await reviewer.say('/reviews', { firstLine: en.reviews.header(1, 1) });
    const bids = await reviewer.tap('1', { firstLine: en.reviews.bidsHeader(title, 1, 1) }, assignments);
    const bid = await reviewer.tap('1', { firstLine: en.reviews.bidHeader(title, 1, 1) }, bids);
    expect(bid.messageId).toBe(bids.messageId);
    expect(bid.text).toContain(`${en.reviews.rubric}\n${rubric.map((c) => en.reviews.criterion(c.name, c.weight, c.description)).join('\n')}\n\n${en.reviews.notScored}`);
    expect(bid.buttons.map((b) => b.text)).toEqual([en.reviews.score, en.reviews.recuse, en.reviews.back]);
    await reviewer.press('Score', bid);
    const sheet = [
      { ...rubric[0]!, score: 4 },
      { ...rubric[1]!, score: 3 },
    ];
    for (const [i, c] of sheet.entries()) {
      const ask = en.score.askScore(i * 2 + 1, 5, c.name, c.weight, c.description, null);
      await reviewer.waitFor(ask);
      await reviewer.tap(String(c.score), answered(en, ask, String(c.score)));
      const comment = en.score.askComment(i * 2 + 2, 5, c.name, '');
      await reviewer.waitFor(comment);
      await reviewer.tap('Skip', answered(en, comment, en.conversation.skip));
    }
    const preview = [en.score.previewHeader(5), ...sheet.map((c) => en.score.line(c.name, c.weight, c.score, '')), '', en.score.weighted('3.6')].join('\n');
    await reviewer.waitFor(preview);
    await reviewer.tap('Save scores', `${en.score.saved(1, 1, title)}\n${en.score.allScored}`);
    const scored = await reviewer.waitFor({ check: (m) => m.messageId === bid.messageId && m.buttons.map((b) => b.text).join() === [en.reviews.rescore, en.reviews.back].join(), what: 'the bid with the scores given' });
    expect(scored.text).toContain(`${en.reviews.yourScores('3.6')}\n${sheet.map((c) => en.score.line(c.name, c.weight, c.score, '')).join('\n')}`);

    // The owner is told every score is in, and reads the ranking from the challenge's card.
    await owner.waitFor(en.notify.evaluation['scores-complete'](title), 15_000);
    const mine = await owner.say('/mychallenges', { firstLine: en.mine.header(1, 1) });
    const card = await owner.tap('1', { firstLine: `<b>${title}</b>` }, mine);
    await owner.press('Ranking', card);
    await owner.waitFor(
      [
        [en.ranking.header(title, '', 1, 1), en.ranking.summary(1, true), en.ranking.hint].join('\n'),
        [
          `1. ${en.ranking.rank(1)} <b>Dr Bidder</b> · ${en.bidStatus.submitted}`,
          en.ranking.mean('3.6', 1),
          en.ranking.spread('Feasibility', 60, '4', 4, 4, '0'),
          en.ranking.spread('Cost', 40, '3', 3, 3, '0'),
          en.ranking.allScored,
        ].join('\n'),
      ].join('\n\n'),
    );
    const ranking = expectStatus(await api.call('GET', `/api/challenges/${challenge.id}/ranking`, { token: ownerToken }), 200);
    expect(ranking).toMatchObject({ complete: true, items: [{ weightedMean: 3.6, reviews: 1, pendingReviewers: [] }] });
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
