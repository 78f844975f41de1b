import { InlineKeyboard } from 'grammy';
import type { Bid } from '../shared/schemas/bid.js';
import type { Challenge } from '../shared/schemas/challenge.js';
import type { Locale } from '../shared/schemas/common.js';
import type { Subscription } from '../shared/schemas/subscription.js';
import { packCallback as cb, type CallbackData, type RoleChoice } from './callback-data.js';
import { messagesFor, type Messages } from './i18n.js';

/** Every inline keyboard of the bot; labels come from the catalogue, data from the callback codec. */

const ROLE_CHOICES: readonly RoleChoice[] = ['researcher', 'enterprise', 'both'];

/** English / 中文, each label in its own language so anyone can find theirs. */
export function languageKeyboard(action: 'start-lang' | 'set-lang'): InlineKeyboard {
  return new InlineKeyboard()
    .text(messagesFor('en').languageName, cb({ action, locale: 'en' }))
    .text(messagesFor('zh').languageName, cb({ action, locale: 'zh' }));
}

/** Researcher / Enterprise / Both: registering (`locale` set) or changing the roles of an account. */
export function rolesKeyboard(t: Messages, registering: { locale: Locale } | null): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const roles of ROLE_CHOICES) {
    keyboard.text(t.start.roleButtons[roles], cb(registering ? { action: 'start-roles', locale: registering.locale, roles } : { action: 'set-roles', roles })).row();
  }
  return keyboard;
}

/**
 * A newcomer's welcome: the roles, registering in `locale` (the Telegram app's language), and under them
 * English / 中文 for someone whose app speaks another language than they prefer.
 */
export function welcomeKeyboard(locale: Locale): InlineKeyboard {
  const keyboard = rolesKeyboard(messagesFor(locale), { locale });
  for (const other of ['en', 'zh'] as const) keyboard.text(messagesFor(other).languageName, cb({ action: 'start-lang', locale: other }));
  return keyboard;
}

/** True when the server listed `action` among what the caller may do now (see server/domain/actions.ts). */
const allows = <A extends string>(subject: { actions?: readonly A[] | undefined }, action: A): boolean => subject.actions?.includes(action) ?? false;

/**
 * The buttons under a challenge card, drawn from the caller's `actions`. Researchers: Save/Unsave and
 * Details, Propose when they may bid (or their live bid, when they have one) and Ask when they may ask.
 * Visitors: Save and Details, each of which invites them to register. Its owner: its bids and Details.
 */
export function challengeKeyboard(challenge: Pick<Challenge, 'id' | 'viewer' | 'counters' | 'actions'>, t: Messages): InlineKeyboard {
  const b = t.card.buttons;
  const challengeId = challenge.id;
  const keyboard = new InlineKeyboard();
  if (challenge.viewer?.isOwner) {
    return keyboard.text(b.bids(challenge.counters.bids ?? 0), cb({ action: 'bids', challengeId, offset: 0 })).text(b.details, cb({ action: 'details', challengeId }));
  }
  const saved = allows(challenge, 'unsave');
  keyboard.text(saved ? b.unsave : b.save, cb({ action: saved ? 'unsave' : 'save', challengeId })).text(b.details, cb({ action: 'details', challengeId }));
  const bidId = challenge.viewer?.bidId;
  const bidButton = bidId ? { label: b.yourBid, data: { action: 'my-bid', bidId } as const } : allows(challenge, 'bid') ? { label: b.propose, data: { action: 'propose', challengeId } as const } : null;
  if (bidButton || allows(challenge, 'ask')) keyboard.row();
  if (bidButton) keyboard.text(bidButton.label, cb(bidButton.data));
  if (allows(challenge, 'ask')) keyboard.text(b.ask, cb({ action: 'ask', challengeId }));
  return keyboard;
}

/** The owner's buttons in /mychallenges: Publish, Edit, Close and Cancel as its `actions` allow, its bids once published. */
export function ownChallengeKeyboard(challenge: Pick<Challenge, 'id' | 'status' | 'counters' | 'actions' | 'rubric' | 'phases' | 'phase'>, t: Messages): InlineKeyboard {
  const challengeId = challenge.id;
  const keyboard = new InlineKeyboard();
  if (allows(challenge, 'publish')) keyboard.text(t.mine.publish, cb({ action: 'publish', challengeId }));
  // A draft has no bids to list; every published status has.
  if (challenge.status !== 'draft') keyboard.text(t.card.buttons.bids(challenge.counters.bids ?? 0), cb({ action: 'bids', challengeId, offset: 0 }));
  keyboard.text(t.card.buttons.details, cb({ action: 'details', challengeId }));
  // Bids are scored against a rubric (the current phase's own, or the challenge's): only then is there a ranking.
  const rubric = challenge.phases[challenge.phase]?.rubric ?? challenge.rubric;
  if (challenge.status !== 'draft' && rubric.length > 0) keyboard.text(t.ranking.button, cb({ action: 'ranking', challengeId, offset: 0 }));
  const editable = allows(challenge, 'edit');
  const closable = allows(challenge, 'close');
  const cancellable = allows(challenge, 'cancel');
  if (editable || closable || cancellable) keyboard.row();
  if (editable) keyboard.text(t.edit.button, cb({ action: 'edit', challengeId }));
  if (closable) keyboard.text(t.mine.close, cb({ action: 'close', challengeId, confirmed: false }));
  if (cancellable) keyboard.text(t.mine.cancel, cb({ action: 'cancel', challengeId, confirmed: false }));
  return keyboard;
}

/** The buttons of a yes/no question: yes does it, no dismisses the question. */
export function confirmKeyboard(yes: { label: string; data: CallbackData }, t: Messages): InlineKeyboard {
  return new InlineKeyboard().text(yes.label, cb(yes.data)).row().text(t.confirm.keep, cb({ action: 'dismiss' }));
}

/** The award question's buttons: with a note (asks for it), without one (awards now), or keep it. */
export function awardKeyboard(challengeId: string, bidId: string, t: Messages): InlineKeyboard {
  return new InlineKeyboard()
    .text(t.bid.awardWithNote, cb({ action: 'award-note', challengeId, bidId }))
    .row()
    .text(t.bid.awardWithoutNote, cb({ action: 'award', challengeId, bidId, confirmed: true }))
    .row()
    .text(t.confirm.keep, cb({ action: 'dismiss' }));
}

/** The enterprise's buttons under a bid: Shortlist, Not selected and Award as its `actions` allow. */
export function bidActionsKeyboard(bid: Pick<Bid, 'id' | 'challengeId' | 'actions'>, t: Messages): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (allows(bid, 'shortlist')) keyboard.text(t.bid.shortlist, cb({ action: 'shortlist', bidId: bid.id }));
  if (allows(bid, 'reject')) keyboard.text(t.bid.reject, cb({ action: 'reject', bidId: bid.id }));
  if (allows(bid, 'award')) keyboard.row().text(t.bid.award, cb({ action: 'award', challengeId: bid.challengeId, bidId: bid.id, confirmed: false }));
  return keyboard;
}

/** The bidder's buttons under their bid: the challenge, then Revise and Withdraw as its `actions` allow. */
export function myBidKeyboard(bid: Pick<Bid, 'id' | 'challengeId' | 'actions'>, t: Messages): InlineKeyboard {
  const keyboard = new InlineKeyboard().text(t.bid.challenge, cb({ action: 'details', challengeId: bid.challengeId }));
  if (allows(bid, 'revise') || allows(bid, 'withdraw')) keyboard.row();
  if (allows(bid, 'revise')) keyboard.text(t.bid.revise, cb({ action: 'revise', bidId: bid.id }));
  if (allows(bid, 'withdraw')) keyboard.text(t.bid.withdraw, cb({ action: 'withdraw', bidId: bid.id, confirmed: false }));
  return keyboard;
}

/** Withdraw's question, asked on the bid's own card: Withdraw does it, Keep it brings the card back. */
export function withdrawKeyboard(bidId: string, t: Messages): InlineKeyboard {
  return new InlineKeyboard().text(t.bid.yesWithdraw, cb({ action: 'withdraw', bidId, confirmed: true })).text(t.bid.keepIt, cb({ action: 'my-bid-keep', bidId }));
}

export function subscriptionKeyboard(subscription: Pick<Subscription, 'id' | 'active'>, t: Messages): InlineKeyboard {
  const s = t.subscriptions;
  return new InlineKeyboard()
    .text(subscription.active ? s.pause : s.resume, cb({ action: 'subscription-active', subscriptionId: subscription.id, active: !subscription.active }))
    .text(s.delete, cb({ action: 'subscription-delete', subscriptionId: subscription.id }));
}

/** One button: the next page of a list. */
export function moreKeyboard(t: Messages, data: CallbackData): InlineKeyboard {
  return new InlineKeyboard().text(t.browse.more, cb(data));
}

/** One button under a notification or a message. */
export function singleButton(label: string, data: CallbackData): InlineKeyboard {
  return new InlineKeyboard().text(label, cb(data));
}

/** A conversation step's choices: `options` as `value → label`, `columns` per row. */
export function stepKeyboard(options: readonly { value: string; label: string }[], columns = 1): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  options.forEach((option, i) => {
    keyboard.text(option.label, cb({ action: 'step', value: option.value }));
    if ((i + 1) % columns === 0 && i < options.length - 1) keyboard.row();
  });
  return keyboard;
}
