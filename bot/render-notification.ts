import { notFound } from '../server/domain/errors.js';
import type { Services } from '../server/domain/services.js';
import type { Notification } from '../shared/schemas/notification.js';
import { formatMoney } from '../shared/format.js';
import { formatMatchReason } from '../shared/match-reason.js';
import type { MatchReason } from '../shared/schemas/match.js';
import { zoneOf } from '../shared/time-zone.js';
import { bidForOwnerMessage, challengeMessage } from './cards.js';
import type { BotAccount } from './context.js';
import { escapeHtml } from './html.js';
import { messagesFor } from './i18n.js';
import { singleButton } from './keyboards.js';
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
 * Answer, and short messages for answers, bid status changes, awards and cancellations. Rejects with the
 * services' refusal when the recipient may no longer see what it is about.
 */
export async function renderNotification(services: Services, notification: Readonly<Notification>, account: BotAccount): Promise<ListMessage> {
  const locale = account.locale;
  const t = messagesFor(locale);
  const now = services.clock.now();
  const challengeId = notification.challengeId ?? '';
  const myBids = singleButton(t.notify.myBidsButton, { action: 'more', list: 'mybids', offset: 0, memo: '-' });
  const details = singleButton(t.card.buttons.details, { action: 'details', challengeId });

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
      return { text: t.notify.cancelled(notification.challengeTitle), keyboard: details };
    // The catalogue's notifications (§8) as one line each until the bot has its catalogue screens.
    case 'achievement-match':
    case 'solution-match':
    case 'enquiry-received':
    case 'enquiry-status':
    case 'deal-objection':
    case 'objection-answer':
    case 'deal-transferred':
      return { text: t.notify.catalogue[notification.kind](notification.challengeTitle) };
    case 'review-assigned':
    case 'scores-complete':
    case 'phase-advanced':
    case 'feedback':
      return { text: t.notify.evaluation[notification.kind](notification.challengeTitle), keyboard: details };
  }
}
