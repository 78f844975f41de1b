import { cachedFormatter, countdown, formatMoney, intlLocale } from '../shared/format.js';
import type { Bid } from '../shared/schemas/bid.js';
import type { Challenge } from '../shared/schemas/challenge.js';
import type { Locale } from '../shared/schemas/common.js';
import type { Question } from '../shared/schemas/question.js';
import type { Subscription } from '../shared/schemas/subscription.js';
import { formatBid } from './format-bid.js';
import { formatChallengeCard, formatFields } from './format-challenge.js';
import { messagesFor } from './i18n.js';
import { bidActionsKeyboard, challengeKeyboard, myBidKeyboard, ownChallengeKeyboard, subscriptionKeyboard } from './keyboards.js';
import { escapeHtml, escapeShort } from './html.js';
import type { ListEntry, ListMessage } from './lists.js';

/** The messages the bot sends about things, each a text with the buttons that belong to it. */

/** A challenge as a researcher or visitor sees it, with Save/Details/Propose/Ask (or its owner's buttons). */
export function challengeMessage(
  challenge: Challenge,
  locale: Locale,
  now: Date,
  options: { header?: string; questions?: readonly Question[]; publicUrl?: string; timeZone?: string } = {},
): ListMessage {
  const card = formatChallengeCard(challenge, {
    locale,
    now,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.header ? { header: options.header } : {}),
    ...(options.publicUrl ? { pageUrl: `${options.publicUrl}/challenges/${challenge.id}` } : {}),
    ...(options.questions ? { detailed: { questions: options.questions } } : {}),
  });
  return { text: card, keyboard: challengeKeyboard(challenge, messagesFor(locale)) };
}

/** A challenge in its owner's /mychallenges, with what its status allows. */
export function ownChallengeMessage(challenge: Challenge, locale: Locale, now: Date, timeZone?: string): ListMessage {
  return {
    text: formatChallengeCard(challenge, { locale, now, ...(timeZone ? { timeZone } : {}) }),
    keyboard: ownChallengeKeyboard(challenge, messagesFor(locale)),
    card: { kind: 'own-challenge', challengeId: challenge.id },
  };
}

/** A bid as the enterprise sees it, with Shortlist / Not selected / Award while it is live. */
export function bidForOwnerMessage(bid: Bid, locale: Locale, header?: string): ListMessage {
  const t = messagesFor(locale);
  const top = header ?? t.bid.onChallenge(bid.challengeTitle);
  return { text: formatBid(bid, { locale, reader: 'owner', header: top }), keyboard: bidActionsKeyboard(bid, t), card: { kind: 'owner-bid', bidId: bid.id, header: top } };
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

/** A challenge as one entry of a list: title, reward and time left; its number opens the card. */
export function challengeEntry(challenge: Challenge, locale: Locale, now: Date): ListEntry {
  const left = challenge.status === 'open' ? ` · ${countdown(challenge.deadline, now, locale).text}` : ` · ${messagesFor(locale).challengeStatus[challenge.status]}`;
  return {
    lines: `<b>${escapeShort(challenge.title, 90)}</b>\n${escapeHtml(formatMoney(challenge.reward, locale))}${left}`,
    open: { action: 'details', challengeId: challenge.id },
  };
}

/** An own challenge in /mychallenges: title, status and bids; its number opens it with its owner's buttons. */
export function ownChallengeEntry(challenge: Challenge, locale: Locale): ListEntry {
  const t = messagesFor(locale);
  return {
    lines: `<b>${escapeShort(challenge.title, 90)}</b>\n${t.challengeStatus[challenge.status]} · ${t.card.bidCount(challenge.counters.bids ?? 0)}`,
    open: { action: 'mine-open', challengeId: challenge.id },
  };
}

/** One of the researcher's bids: the challenge, the price and the status; its number opens the bid. */
export function myBidEntry(bid: Bid, locale: Locale): ListEntry {
  const t = messagesFor(locale);
  return {
    lines: `<b>${escapeShort(bid.challengeTitle, 90)}</b>\n${escapeHtml(formatMoney(bid.price, locale))} · ${t.bidStatus[bid.status]}`,
    open: { action: 'my-bid', bidId: bid.id },
  };
}

/** A bid among a challenge's bids, as the enterprise sees it: who, how much, its status; its number opens it. */
export function ownerBidEntry(bid: Bid, locale: Locale): ListEntry {
  const t = messagesFor(locale);
  const who = bid.bidder ? escapeShort(bid.bidder.displayName, 60) : '—';
  return {
    lines: `<b>${who}</b> · ${escapeHtml(formatMoney(bid.price, locale))} · ${t.bid.duration(bid.durationWeeks)}\n${t.bidStatus[bid.status]}`,
    open: { action: 'bid-open', bidId: bid.id },
  };
}
