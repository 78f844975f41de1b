import type { ChallengeCreateInput } from '../../shared/schemas/challenge.js';
import { botHarness, type BotHarness } from './telegram-bot.js';
import { accountOf, postChallenge, submitBid } from './telegram-fixtures.js';
import type { TelegramUser } from './telegram-user.js';

/** A two-criterion rubric: a sheet of 4 and 3 weighs 4 × 0.6 + 3 × 0.4 = 3.6. */
export const RUBRIC = [
  { name: 'Feasibility', description: 'Can it be built at industrial scale?', weight: 60 },
  { name: 'Cost', description: 'Unit cost at volume', weight: 40 },
];

export interface ReviewScene {
  h: BotHarness;
  owner: TelegramUser;
  reviewer: TelegramUser;
  ada: TelegramUser;
  bob: TelegramUser;
  challengeId: string;
  adaBidId: string;
  bobBidId: string;
}

/**
 * An enterprise's challenge with the rubric, bids from Ada Lovelace and Bob, and (unless `assign` is false)
 * a researcher added as its reviewer by the owner, all straight through the services.
 */
export async function reviewScene(input: Partial<ChallengeCreateInput> = {}, assign = true): Promise<ReviewScene> {
  const h = await botHarness();
  const owner = await h.registered(1, { roles: 'enterprise', firstName: 'Acme' });
  const reviewer = await h.registered(2, { firstName: 'Dr Rivera' });
  const ada = await h.registered(3, { firstName: 'Ada Lovelace' });
  const bob = await h.registered(4, { firstName: 'Bob' });
  const challenge = await postChallenge(h, owner, { rubric: RUBRIC, ...input });
  const adaBid = await submitBid(h, ada, challenge.id);
  h.runtime.clock.advance(1000);
  const bobBid = await submitBid(h, bob, challenge.id);
  if (assign) await h.runtime.services.reviews.add(await accountOf(h, owner), challenge.id, { accountId: (await accountOf(h, reviewer)).id });
  return { h, owner, reviewer, ada, bob, challengeId: challenge.id, adaBidId: adaBid.id, bobBidId: bobBid.id };
}

/** A score sheet given straight through the services, as `reviewer`. */
export async function scoreAs(h: BotHarness, reviewer: TelegramUser, bidId: string, feasibility: number, cost: number, comment = '') {
  return h.runtime.services.scores.put(await accountOf(h, reviewer), bidId, [
    { criterion: 'Feasibility', score: feasibility, comment },
    { criterion: 'Cost', score: cost, comment: '' },
  ]);
}
