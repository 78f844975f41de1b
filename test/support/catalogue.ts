import { expect } from 'vitest';
import { createTelegramChannel } from '../../bot/telegram-channel.js';
import type { AchievementCreateInput } from '../../shared/schemas/achievement.js';
import type { NotificationKind } from '../../shared/schemas/notification.js';
import type { TestRuntime } from './runtime.js';
import type { Person } from './scenario.js';
import type { BotHarness } from './telegram-bot.js';
import { accountOf } from './telegram-fixtures.js';
import type { TelegramUser } from './telegram-user.js';

/** A valid `POST /api/achievements` body; `overrides` replace any field. */
export function achievementBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Graphene oxide desalination membrane',
    summary: 'A graphene oxide laminate membrane with 99.7% salt rejection at 20 bar for seawater desalination',
    description: 'Pilot data from a 1 m³/day rig; 石墨烯 氧化石墨烯 膜 海水淡化.',
    fields: ['new-materials', 'environment'],
    keywords: ['graphene', 'membrane', 'desalination'],
    trl: 5,
    ipStatus: 'patent-granted',
    patents: ['CN114000000B', 'US10123456B2'],
    modes: ['exclusive-license', 'joint-rd'],
    askingPrice: { amount: 800000, currency: 'CNY' },
    institution: 'Coastal Materials Lab',
    ...overrides,
  };
}

/** Create a draft achievement as `owner`; returns its id. */
export async function createAchievement(rt: TestRuntime, owner: Person, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await rt.call('POST', '/api/achievements', { token: owner.token, body: achievementBody(overrides) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** Create and list an achievement as `owner`; returns its id. */
export async function listAchievement(rt: TestRuntime, owner: Person, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await createAchievement(rt, owner, overrides);
  const res = await rt.call('POST', `/api/achievements/${id}/publish`, { token: owner.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return id;
}

/** Send an enquiry as `sender`; returns its id. */
export async function sendEnquiry(rt: TestRuntime, sender: Person, achievementId: string, tag: string): Promise<string> {
  const res = await rt.call('POST', `/api/achievements/${achievementId}/enquiries`, {
    token: sender.token,
    body: { message: `Sealed enquiry ${tag}: we would license this for our plants`, mode: 'exclusive-license', offer: { amount: 600000, currency: 'CNY' } },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** An achievement created (and by default listed) straight through the services, as the bot user `owner`. */
export async function listAchievementAs(h: BotHarness, owner: TelegramUser, overrides: Record<string, unknown> = {}, publish = true) {
  const { services } = h.runtime;
  const account = await accountOf(h, owner);
  const created = await services.achievements.create(account, achievementBody(overrides) as AchievementCreateInput);
  return publish ? services.achievements.publish(account, created.id) : created;
}

/**
 * Delivers to `user`'s chat, through the bot's Telegram channel, their newest outbox notification of `kind`
 * (as the dispatcher would), and returns the message it sent.
 */
export async function deliverNewest(h: BotHarness, user: TelegramUser, kind: NotificationKind) {
  const account = await accountOf(h, user);
  const rows = (await h.runtime.store.tables.notifications.where('accountId', account.id)).filter((n) => n.kind === kind);
  const row = rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).at(-1);
  if (!row) throw new Error(`No ${kind} notification for Telegram user ${user.id}`);
  const channel = createTelegramChannel({ api: h.bot.api, services: h.runtime.services, cards: h.cards });
  await channel.send(row, account);
  return user.lastMessage;
}
