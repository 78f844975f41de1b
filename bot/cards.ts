import { cachedFormatter, intlLocale } from '../shared/format.js';
import type { Bid } from '../shared/schemas/bid.js';
import type { Challenge } from '../shared/schemas/challenge.js';
import type { Locale } from '../shared/schemas/common.js';
import type { Question } from '../shared/schemas/question.js';
import type { Subscription } from '../shared/schemas/subscription.js';
import { formatBid } from './format-bid.js';
import { formatChallengeCard, formatFields } from './format-challenge.js';
import { messagesFor } from './i18n.js';
import { bidActionsKeyboard, challengeKeyboard, myBidKeyboard, ownChallengeKeyboard, subscriptionKeyboard } from './keyboards.js';
import type { ListMessage } from './lists.js';

/** The messages the bot sends about things, each a text with the buttons that belong to it. */

/** A challenge as a researcher or visitor sees it, with Save/Details/Propose/Ask (or its owner's buttons). */
export function challengeMessage(challenge: Challenge, locale: Locale, now: Date, options: { header?: string; questions?: readonly Question[] } = {}): ListMessage {
  const card = formatChallengeCard(challenge, {
    locale,
    now,
    ...(options.header ? { header: options.header } : {}),
    ...(options.questions ? { detailed: { questions: options.questions } } : {}),
  });
  return { text: card, keyboard: challengeKeyboard(challenge, messagesFor(locale)) };
}

/** A challenge in its owner's /mychallenges, with what its status allows. */
export function ownChallengeMessage(challenge: Challenge, locale: Locale, now: Date): ListMessage {
  return { text: formatChallengeCard(challenge, { locale, now }), keyboard: ownChallengeKeyboard(challenge, messagesFor(locale)) };
}

/** A bid as the enterprise sees it, with Shortlist / Not selected / Award while it is live. */
export function bidForOwnerMessage(bid: Bid, locale: Locale, header?: string): ListMessage {
  const t = messagesFor(locale);
  return { text: formatBid(bid, { locale, reader: 'owner', header: header ?? t.bid.onChallenge(bid.challengeTitle) }), keyboard: bidActionsKeyboard(bid, t) };
}

/** A bid as its bidder sees it, with the challenge and Withdraw while it is live. */
export function myBidMessage(bid: Bid, locale: Locale): ListMessage {
  const t = messagesFor(locale);
  return { text: formatBid(bid, { locale, reader: 'bidder', header: t.bid.onChallenge(bid.challengeTitle) }), keyboard: myBidKeyboard(bid, t) };
}

/** One line describing an alert: its words, fields, minimum reward and whether it is paused. */
export function describeSubscription(subscription: Pick<Subscription, 'keywords' | 'fields' | 'minReward' | 'active'>, locale: Locale): string {
  const s = messagesFor(locale).subscriptions;
  const words = subscription.keywords ? s.keywords(subscription.keywords) : s.anything;
  const fields = subscription.fields.length > 0 ? s.inFields(formatFields(subscription.fields, locale)) : '';
  // A minimum reward has no currency: it is compared with each challenge's amount in that challenge's currency.
  const min = subscription.minReward !== null ? s.minReward(cachedFormatter(`number ${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(subscription.minReward)) : '';
  return `${words}${fields}${min}${subscription.active ? '' : s.paused}`;
}

export function subscriptionMessage(subscription: Subscription, locale: Locale): ListMessage {
  return { text: describeSubscription(subscription, locale), keyboard: subscriptionKeyboard(subscription, messagesFor(locale)) };
}
