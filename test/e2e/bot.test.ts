import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/main.js';
import { EmulatedUser, startEmulator } from '../support/telegram-emulator.js';

const TOKEN = '7000001:AAe2eTestTokenForTheEmulatorOnly_xyz';

/**
 * The product as a new user meets it: the real server process (in-process `startServer`), its bot on long
 * polling against a local Bot API emulator, and two people in private chats — a researcher with an alert,
 * and an enterprise posting a challenge that matches it, then awarding the researcher's bid.
 */
describe('the Telegram bot end to end', () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let server: Awaited<ReturnType<typeof startServer>>;
  // One data directory for the whole file (the shared temp-dir helper removes its directories after each test).
  let dataDir: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    dataDir = await mkdtemp(join(tmpdir(), 'tenderlab-e2e-bot-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot });
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

    // The researcher joins and subscribes.
    await researcher.say('/start', 'Welcome to <b>Tenderlab</b>');
    await researcher.tap('English', 'Who are you on Tenderlab?');
    await researcher.tap('Researcher', "You're all set");
    const alert = await researcher.say('/subscribe battery recycling', 'Alert saved');
    expect(alert.text).toContain('<b>battery recycling</b>');

    // The enterprise joins and posts a matching challenge through the whole conversation.
    await enterprise.say('/start', 'Welcome to <b>Tenderlab</b>');
    await enterprise.tap('English', 'Who are you on Tenderlab?');
    await enterprise.tap('Enterprise', "You're all set");
    await enterprise.say('/post', 'What is the <b>title</b>?');
    await enterprise.say('Battery recycling at industrial scale', '<b>summary</b>');
    await enterprise.say('Recover lithium, nickel and cobalt from spent EV batteries with battery recycling at scale.', '<b>description</b>');
    await enterprise.say('A hydrometallurgical route with more than 95% recovery, ready for a pilot line.', '<b>fields</b>');
    await enterprise.tap('New energy vehicles', 'fields');
    await enterprise.tap('Environmental protection', 'fields');
    await enterprise.tap('Done', '→ <b>Environmental protection, New energy vehicles</b>');
    await enterprise.waitFor((m) => m.text.includes('<b>reward</b>'), 'the reward question');
    await enterprise.say('500000 CNY', '<b>deadline</b>');
    await enterprise.say('in 30 days', '<b>IP terms</b>');
    await enterprise.tap('Exclusive licence', '→ <b>Exclusive licence</b>');
    const preview = await enterprise.waitFor((m) => m.text.includes('Preview'), 'the preview');
    expect(preview.buttons.map((b) => b.text)).toEqual(['🚀 Publish', '💾 Save as draft', '✖️ Cancel']);
    expect(preview.text).toContain('30 days left');
    await enterprise.tap('Publish', 'Published!');

    // Within seconds the researcher gets the alert, with its buttons.
    const card = await researcher.waitFor((m) => m.text.includes('New challenge matching your alert'), 'the alert', 15_000);
    expect(card.text).toContain('<b>Battery recycling at industrial scale</b>');
    expect(card.text).toContain('CN¥500,000');
    expect(card.buttons.map((b) => b.text)).toEqual(['⭐ Save', 'ℹ️ Details', '✍️ Propose', '❓ Ask']);

    // Save makes it appear in /saved.
    await researcher.press('Save', card);
    await researcher.waitFor((m) => m.messageId === card.messageId && m.buttons.some((b) => b.text === '★ Unsave'), 'the card to offer Unsave');
    await researcher.say('/saved', 'Saved challenges');
    await researcher.waitFor((m) => m.text.startsWith('<b>Battery recycling at industrial scale</b>'), 'the saved card');

    // Propose submits a bid.
    await researcher.press('Propose', card);
    await researcher.waitFor((m) => m.text.includes('<b>summary</b> of your proposal'), 'the first proposal question');
    await researcher.say('A closed-loop leaching process with solvent recovery.', '<b>approach</b>');
    await researcher.say('Bench-scale validation in 8 weeks, then a pilot line in 20 weeks.', '<b>price</b>');
    await researcher.say('300000', '<b>weeks</b>');
    await researcher.say('24', 'Your bid</b> — check it');
    const receipt = await researcher.tap('Submit bid', 'Bid submitted');
    expect(receipt.text).toMatch(/<code>[0-9a-f]{64}<\/code>/);

    // The enterprise receives the bid and awards it.
    const bid = await enterprise.waitFor((m) => m.text.includes('New bid on “Battery recycling at industrial scale”'), 'the bid message', 15_000);
    expect(bid.text).toContain('👤 Ada');
    expect(bid.buttons.map((b) => b.text)).toEqual(['⭐ Shortlist', '✖️ Not selected', '🏆 Award']);
    await enterprise.press('Award', bid);
    await enterprise.waitFor((m) => m.text.includes('Award the challenge to this bid?'), 'the award confirmation');
    await enterprise.tap('Yes, award it', 'is awarded to Ada');

    // The researcher receives the award message.
    const award = await researcher.waitFor((m) => m.text.includes('Congratulations! Your bid on “Battery recycling at industrial scale” won'), 'the award message', 15_000);
    expect(award.text).toContain('CN¥300,000');
  });

  it('does the same in Chinese: 钙钛矿 alert, a post with a 30天后 deadline, a proposal', async () => {
    const researcher = new EmulatedUser(emulator.server, TOKEN, 3003, '王');
    const enterprise = new EmulatedUser(emulator.server, TOKEN, 4004, '李');

    await researcher.say('/start', '请选择语言');
    await researcher.tap('中文', '您在 Tenderlab 的身份是');
    await researcher.tap('科研人员', '注册完成');
    await researcher.say('/subscribe 钙钛矿', '提醒已保存');

    await enterprise.say('/start', '请选择语言');
    await enterprise.tap('中文', '您在 Tenderlab 的身份是');
    await enterprise.tap('企业', '注册完成');
    await enterprise.say('/post', '需求<b>标题</b>');
    await enterprise.say('钙钛矿太阳能电池的户外稳定性', '<b>摘要</b>');
    await enterprise.say('让钙钛矿电池组件在户外保持十年以上的稳定输出。', '<b>需求描述</b>');
    await enterprise.tap('跳过', '所属<b>领域</b>');
    await enterprise.tap('新材料', '所属<b>领域</b>');
    await enterprise.tap('完成', '→ <b>新材料</b>');
    await enterprise.waitFor((m) => m.text.includes('<b>悬赏金额</b>'), 'the reward question');
    await enterprise.say('¥80万', '<b>截止日期</b>');
    await enterprise.say('30天后', '<b>知识产权</b>');
    await enterprise.tap('联合研发', '→ <b>联合研发</b>');
    const preview = await enterprise.waitFor((m) => m.text.includes('预览'), 'the preview');
    expect(preview.text).toContain('剩余 30 天');
    await enterprise.tap('发布', '已发布');

    const card = await researcher.waitFor((m) => m.text.includes('有新需求匹配您的提醒'), 'the alert', 15_000);
    expect(card.text).toContain('<b>钙钛矿太阳能电池的户外稳定性</b>');
    expect(card.buttons.map((b) => b.text)).toEqual(['⭐ 收藏', 'ℹ️ 详情', '✍️ 投标', '❓ 提问']);
    await researcher.press('投标', card);
    await researcher.waitFor((m) => m.text.includes('方案<b>摘要</b>'), 'the first proposal question');
    await researcher.say('二维钝化层加封装的组合方案。', '<b>技术路线</b>');
    await researcher.say('先做加速老化测试，再做户外实证，共二十周。', '<b>报价</b>');
    await researcher.say('50万', '<b>周</b>');
    await researcher.say('20周', '您的投标');
    await researcher.tap('提交投标', '投标已提交');
    const bid = await enterprise.waitFor((m) => m.text.includes('收到新投标'), 'the bid message', 15_000);
    expect(bid.buttons.map((b) => b.text)).toEqual(['⭐ 入围', '✖️ 不选', '🏆 授标']);
  });
});
