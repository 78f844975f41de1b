import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/main.js';
import { tempDir } from '../support/temp-dir.js';
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

  beforeAll(async () => {
    emulator = await startEmulator();
    const dataDir = await tempDir('tenderlab-e2e-bot-');
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot });
    server = await startServer(config);
  });

  afterAll(async () => {
    await server?.stop();
    await emulator?.stop();
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
});
