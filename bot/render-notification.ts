import { InlineKeyboard } from 'grammy';
import { notFound } from '../server/domain/errors.js';
import type { Services } from '../server/domain/services.js';
import type { Notification } from '../shared/schemas/notification.js';
import { formatMoney } from '../shared/format.js';
import { formatMatchReason } from '../shared/match-reason.js';
import type { MatchReason } from '../shared/schemas/match.js';
import { zoneOf } from '../shared/time-zone.js';
import { objectionsKeyboard } from './achievement-keyboards.js';
import { packCallback } from './callback-data.js';
import { bidForOwnerMessage, challengeMessage } from './cards.js';
import type { BotAccount } from './context.js';
import { achievementMessage } from './features/achievements.js';
import { enquiryMessage } from './features/enquiries.js';
import { formatDealLines } from './format-achievement.js';
import { formatBid } from './format-bid.js';
import { escapeHtml } from './html.js';
import { messagesFor, type Messages } from './i18n.js';
import { myBidKeyboard, singleButton } from './keyboards.js';
import { pageAt, type ListMessage } from './lists.js';

/** Reasons shown at most under an alert. */
const MAX_REASONS = 3;

/**
 * Why `challengeId` matched `account`, as the matching service explains it (the subscription, keyword or
 * paper, the terms, any translation), subscriptions first; empty when it is not among their matches.
 */
async function matchReasons(services: Services, account: BotAccount, challengeId: string): Promise<MatchReason[]> {
  const { items } = await services.matches.list(account, { limit: 100 });
  const reasons = items.find((m) => m.challenge.id === challengeId)?.reasons ?? [];
  const order: MatchReason['source'][] = ['subscription', 'keyword', 'paper', 'field'];
  return [...reasons].sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source)).slice(0, MAX_REASONS);
}

/**
 * The Telegram message of one notification, in the recipient's language, read through the services as
 * the recipient (so it shows only what they may see, as it is now): a new matching challenge or a deadline
 * as a challenge card with its buttons, a new bid with Shortlist / Not selected / Award, a question with
 * Answer, and short messages for answers, bid status changes, awards, early closes and cancellations (these
 * two with the owner's reason, when given). Rejects with the services' refusal when the recipient may no
 * longer see what it is about.
 */
export async function renderNotification(services: Services, notification: Readonly<Notification>, account: BotAccount): Promise<ListMessage> {
  const locale = account.locale;
  const t = messagesFor(locale);
  const now = services.clock.now();
  const challengeId = notification.challengeId ?? '';
  const myBids = singleButton(t.notify.myBidsButton, { action: 'more', list: 'mybids', offset: 0, memo: '-' });
  // A catalogue notification about an achievement only has no challenge to show Details of.
  const details = challengeId ? singleButton(t.card.buttons.details, { action: 'details', challengeId }) : new InlineKeyboard();

  const findQuestion = async () => {
    const { items } = await pageAt((q) => services.questions.list(account, challengeId, q), 0, Number.MAX_SAFE_INTEGER);
    const question = items.find((q) => q.id === notification.questionId);
    if (!question) throw notFound('question', notification.questionId ?? '');
    return question;
  };

  switch (notification.kind) {
    case 'match': {
      const reasons = await matchReasons(services, account, challengeId);
      const why = reasons.length > 0 ? `\n${t.notify.why}\n${reasons.map((r) => `• ${escapeHtml(formatMatchReason(r, locale))}`).join('\n')}` : '';
      return challengeMessage(await services.challenges.get(account, challengeId), locale, now, { header: `${t.notify.match}${why}`, timeZone: zoneOf(account) });
    }
    case 'deadline': {
      const challenge = await services.challenges.get(account, challengeId);
      return challengeMessage(challenge, locale, now, { header: t.notify.deadline(challenge.title), timeZone: zoneOf(account) });
    }
    case 'bid-received': {
      const bid = await services.bids.get(account, notification.bidId ?? '');
      return bidForOwnerMessage(bid, locale, t.notify.bidReceived(bid.challengeTitle));
    }
    case 'bid-status': {
      const bid = await services.bids.get(account, notification.bidId ?? '');
      const status = (notification.bidStatus ?? bid.status) as keyof typeof t.bidStatus;
      const lines = [t.notify.bidStatus(bid.challengeTitle, t.bidStatus[status] ?? status)];
      if (status === 'rejected') lines.push(bid.feedback ? t.bid.feedback(bid.feedback) : t.notify.rejectedKindly);
      return { text: lines.join('\n\n'), keyboard: myBids };
    }
    case 'award': {
      const challenge = await services.challenges.get(account, challengeId);
      const amount = challenge.award ? escapeHtml(formatMoney(challenge.award.amount, locale)) : '';
      const lines = [t.notify.award(challenge.title, amount)];
      if (challenge.award?.note) lines.push(t.notify.awardNote(challenge.award.note));
      return { text: lines.join('\n\n'), keyboard: myBids };
    }
    case 'question': {
      const question = await findQuestion();
      return {
        text: t.notify.question(notification.challengeTitle, question.text),
        keyboard: singleButton(t.notify.answerButton, { action: 'answer', challengeId, questionId: question.id }),
      };
    }
    case 'answer': {
      const question = await findQuestion();
      return { text: t.notify.answer(notification.challengeTitle, question.text, question.answer ?? ''), keyboard: details };
    }
    case 'cancelled':
    case 'closed': {
      const lines = [t.notify[notification.kind](notification.challengeTitle)];
      if (notification.reason) lines.push(t.notify.reason(notification.reason));
      return { text: lines.join('\n\n'), keyboard: notification.kind === 'closed' ? myBids : details };
    }
    // The catalogue (§8): the achievement's card, the enquiry with what is left to do, the deal with its objections.
    case 'achievement-match':
      return achievementMessage(services, account, notification.achievementId ?? '', { locale, t, header: t.notify.catalogue[notification.kind](notification.challengeTitle) });
    case 'solution-match': {
      const message = challengeMessage(await services.challenges.get(account, challengeId), locale, now, { header: t.notify.catalogue[notification.kind](notification.challengeTitle), timeZone: zoneOf(account) });
      if (notification.achievementId) message.keyboard?.row().text(t.enquiries.buttons.achievement, packCallback({ action: 'achievement-open', achievementId: notification.achievementId }));
      return message;
    }
    case 'enquiry-received':
    case 'enquiry-status': {
      const enquiry = await services.enquiries.get(account, notification.enquiryId ?? '');
      // The owner hears of a status change only when the sender withdrew.
      const withdrawn = notification.kind === 'enquiry-status' && enquiry.senderId !== account.id;
      const header = withdrawn ? t.enquiries.withdrawnAlert(enquiry.achievementTitle) : t.notify.catalogue[notification.kind](enquiry.achievementTitle);
      return enquiryMessage(enquiry, account, header);
    }
    case 'deal-objection':
    case 'objection-answer':
    case 'deal-transferred': {
      const deal = await services.deals.get(account, notification.dealId ?? '');
      const text = `${t.notify.catalogue[notification.kind](deal.title)}\n\n${formatDealLines(deal, locale, zoneOf(account))}`;
      if (notification.kind === 'deal-objection') return { text, keyboard: objectionsKeyboard(deal, t) };
      return { text, ...(deal.achievementId ? { keyboard: singleButton(t.enquiries.buttons.achievement, { action: 'achievement-open', achievementId: deal.achievementId }) } : {}) };
    }
    // Evaluation (§9): the reviewer goes to the bids to score, the owner to the ranking, the bidder to their bid.
    case 'review-assigned':
      return { text: t.notify.evaluation[notification.kind](notification.challengeTitle), keyboard: singleButton(t.reviews.openButton, { action: 'review-bids', challengeId, offset: 0 }) };
    case 'scores-complete':
      return { text: t.notify.evaluation[notification.kind](notification.challengeTitle), keyboard: singleButton(t.ranking.button, { action: 'ranking', challengeId, offset: 0 }) };
    case 'phase-advanced': {
      const bid = await services.bids.get(account, notification.bidId ?? '');
      return { text: formatBid(bid, { locale, reader: 'bidder', header: t.notify.evaluation[notification.kind](bid.challengeTitle) }), keyboard: myBidKeyboard(bid, t) };
    }
    case 'feedback': {
      const bid = await services.bids.get(account, notification.bidId ?? '');
      const lines = [t.notify.evaluation[notification.kind](bid.challengeTitle)];
      if (bid.feedback) lines.push(t.bid.feedback(bid.feedback));
      return { text: lines.join('\n\n'), keyboard: myBidKeyboard(bid, t) };
    }
  }
}

/**
 * One notification as a line of a list (/notifications): what happened and to which challenge, from what the
 * notification itself recorded, so a list of them reads nothing else and shows even what is no longer visible.
 */
export function notificationLine(notification: Readonly<Pick<Notification, 'kind' | 'challengeTitle' | 'bidStatus'>>, t: Messages): string {
  const { kind, challengeTitle: title } = notification;
  switch (kind) {
    case 'bid-status': {
      const status = notification.bidStatus ?? '';
      return t.notifications.line['bid-status'](title, t.bidStatus[status as keyof typeof t.bidStatus] ?? escapeHtml(status));
    }
    case 'match':
    case 'bid-received':
    case 'question':
    case 'answer':
    case 'deadline':
    case 'award':
    case 'cancelled':
    case 'closed':
      return t.notifications.line[kind](title);
    case 'achievement-match':
    case 'solution-match':
    case 'enquiry-received':
    case 'enquiry-status':
    case 'deal-objection':
    case 'objection-answer':
    case 'deal-transferred':
      return t.notify.catalogue[kind](title);
    case 'review-assigned':
    case 'scores-complete':
    case 'phase-advanced':
    case 'feedback':
      return t.notify.evaluation[kind](title);
  }
}
