import type { ChallengeCreateInput } from '../../shared/schemas/challenge.js';
import type { AccountRow } from '../../server/store/rows.js';
import { botHarness, type BotHarness } from './telegram-bot.js';
import type { TelegramUser } from './telegram-user.js';

/** The account behind a Telegram user of the harness. */
export async function accountOf(h: BotHarness, user: TelegramUser): Promise<Readonly<AccountRow>> {
  const account = await h.runtime.services.accounts.findByTelegram(user.id);
  if (!account) throw new Error(`Telegram user ${user.id} has no account`);
  return account;
}

/** A challenge posted (and by default published) straight through the services, as `owner`. */
export async function postChallenge(h: BotHarness, owner: TelegramUser, input: Partial<ChallengeCreateInput> = {}, publish = true) {
  const account = await accountOf(h, owner);
  const { services } = h.runtime;
  const created = await services.challenges.create(account, {
    title: 'Battery recycling at scale',
    summary: 'Recover lithium and cobalt from spent EV batteries at industrial scale.',
    description: 'We need a hydrometallurgical route with > 95% recovery.',
    fields: ['new-energy-vehicles', 'environment'],
    reward: { amount: 500000, currency: 'CNY' },
    deadline: '2026-12-31T23:59:59.000Z',
    ipTerms: 'exclusive-license',
    ...input,
  });
  return publish ? services.challenges.publish(account, created.id) : created;
}

/** A bid submitted straight through the services, as `bidder`. */
export async function submitBid(h: BotHarness, bidder: TelegramUser, challengeId: string, paperIds: string[] = []) {
  return h.runtime.services.bids.submit(await accountOf(h, bidder), challengeId, {
    summary: 'A closed-loop leaching process with solvent recovery.',
    approach: 'Bench-scale validation in 8 weeks, pilot line in 20 weeks, with our patented leachate.',
    price: { amount: 300000, currency: 'CNY' },
    durationWeeks: 24,
    paperIds,
  });
}

/** A paper clipped straight through the services, as `owner`. */
export async function clipPaper(h: BotHarness, owner: TelegramUser, title: string, doi: string) {
  return h.runtime.services.library.addPaper(await accountOf(h, owner), { url: `https://doi.org/${doi}`, title, doi, year: 2024 });
}

/**
 * A researcher (user 2) who opened Propose on an enterprise's (user 1) published challenge from
 * /challenges: the form waits for the summary.
 */
export async function proposing() {
  const h = await botHarness();
  const enterprise = await h.registered(1, { roles: 'enterprise' });
  const challenge = await postChallenge(h, enterprise);
  const u = await h.registered(2);
  await u.send('/challenges');
  await u.press(/^1$/);
  await u.press('Propose');
  return { h, enterprise, challenge, u };
}

/** Propose's first four answers, each accepted: the form then asks for milestones. */
export async function answerProposal(u: TelegramUser, { price, weeks }: { price: string; weeks: string }) {
  await u.send('A closed-loop leaching process.');
  await u.send('Bench-scale in 8 weeks, pilot in 20 weeks.');
  await u.send(price);
  await u.send(weeks);
}
