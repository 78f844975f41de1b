import { createBot } from '../../bot/create-bot.js';
import { createLiveCards, type LiveCards } from '../../bot/live-cards.js';
import { testRuntime, type TestRuntime } from './runtime.js';
import { BOT_INFO, BotApiStandIn } from './telegram-stand-in.js';
import { TelegramUser } from './telegram-user.js';
import { virtualFloodControl } from './virtual-flood-control.js';

/** A bot token for tests; tests check it never reaches a log line. */
export const TEST_TOKEN = '123456789:AAtestTOKENtestTOKENtestTOKENtest123';

export interface BotHarness {
  runtime: TestRuntime;
  api: BotApiStandIn;
  bot: ReturnType<typeof createBot>;
  /** The cards the bot remembers, for an outbox channel in a test to share as in production. */
  cards: LiveCards;
  /** Lines the bot logged. */
  logs: string[];
  /** The bot's flood control, in virtual time (the stand-in stamps calls with its clock). */
  flood: ReturnType<typeof virtualFloodControl>;
  /** A Telegram user (private chat) talking to the bot. */
  user(id: number, profile?: { firstName?: string; languageCode?: string; username?: string }): TelegramUser;
  /** A user who has gone through /start: picked a language and roles. */
  registered(id: number, options?: { locale?: 'en' | 'zh'; roles?: 'researcher' | 'enterprise' | 'both'; firstName?: string }): Promise<TelegramUser>;
}

/**
 * The real bot over the real services (temp data dir, fake clock), its Bot API replaced by a stand-in, its
 * flood control in virtual time.
 */
export async function botHarness(): Promise<BotHarness> {
  const runtime = await testRuntime();
  const flood = virtualFloodControl();
  const api = new BotApiStandIn({ clock: flood.clock });
  const logs: string[] = [];
  const cards = createLiveCards();
  const bot = createBot({
    cards,
    token: TEST_TOKEN,
    services: runtime.services,
    client: { apiRoot: 'http://bot-api.test', fetch: api.fetch },
    botInfo: BOT_INFO,
    log: (line) => logs.push(line),
    flood,
  });
  const user: BotHarness['user'] = (id, profile) => new TelegramUser(bot, api, id, profile);
  return {
    runtime,
    api,
    bot,
    cards,
    logs,
    flood,
    user,
    async registered(id, { locale = 'en', roles = 'researcher', firstName } = {}) {
      const u = user(id, { firstName: firstName ?? (roles === 'enterprise' ? `Enterprise ${id}` : `Researcher ${id}`) });
      await u.send('/start');
      await u.press(locale === 'zh' ? '中文' : 'English');
      const labels = { en: { researcher: 'Researcher', enterprise: 'Enterprise', both: 'Both' }, zh: { researcher: '科研人员', enterprise: '企业', both: '两者都是' } };
      await u.press(labels[locale][roles]);
      return u;
    },
  };
}
