import type { Locale } from '../../shared/schemas/common.js';
import { FeedbackInput } from '../../shared/schemas/review.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { escapeHtml, escapeShort, truncate } from '../html.js';
import { messagesFor } from '../i18n.js';
import { bySchema } from './steps.js';
import { conversationSteps } from './steps.js';

/** How much of the comments the list to pick from and the preview show, within one message. */
const LIST_BUDGET = 3000;
const PREVIEW_BUDGET = 3500;

/**
 * Feedback: the challenge's owner picks reviewer comments on one bid from the ranking, adds a note of their
 * own if they like, sees the feedback as the bidder will (criterion and comment, never the reviewer), and
 * sends it.
 */
export function createFeedbackConversation({ services }: BotDeps) {
  return async function feedback(conversation: BotConversation, ctx: ConversationContext, locale: Locale, bidId: string): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);

    const setup = await steps.call(async (actor) => {
      const bid = await services.bids.get(actor, bidId);
      const ranking = await services.scores.ranking(actor, bid.challengeId);
      const item = ranking.items.find((i) => i.bidId === bidId);
      return { bidder: bid.bidder.displayName, comments: (item?.comments ?? []).map(({ id, criterion, score, comment }) => ({ id, criterion, score, comment })) };
    });
    if (!setup.ok) {
      await steps.say(setup.message);
      return;
    }
    const { bidder, comments } = setup.value;
    if (comments.length === 0) {
      await steps.say(escapeHtml(t.ranking.noComments));
      return;
    }
    const each = Math.max(60, Math.floor(LIST_BUDGET / comments.length));
    const listed = comments.map((c, i) => `${i + 1}. <b>${escapeHtml(c.criterion)}</b> (${c.score}/5): <i>${escapeShort(c.comment, each)}</i>`);
    const picked = await steps.pickMany({
      prompt: [t.feedback.askComments(bidder), '', ...listed].join('\n'),
      options: comments.map((c, i) => `${i + 1}. ${c.criterion} (${c.score}/5)`),
      min: 1,
      minMessage: t.feedback.pickOne,
    });
    const note = (await steps.text({ prompt: t.feedback.askNote, parse: bySchema(FeedbackInput.shape.note, t.feedback.badNote), skippable: true })) ?? '';
    const chosen = picked.map((i) => comments[i]!);
    // As the domain writes it for the bidder (scores.ts sendFeedback): the note, then "criterion: comment" lines.
    const text = [note, ...chosen.map((c) => `${c.criterion}: ${c.comment}`)].filter((l) => l.length > 0).join('\n');
    const choice = await steps.choose({
      text: t.feedback.preview(bidder, truncate(text, PREVIEW_BUDGET)),
      choices: [
        { value: 'send', label: t.feedback.send },
        { value: 'cancel', label: t.conversation.cancel },
      ],
    });
    if (choice !== 'send') {
      await steps.say(t.feedback.discarded);
      return;
    }
    const sent = await steps.call((actor) => services.scores.sendFeedback(actor, bidId, { commentIds: chosen.map((c) => c.id), note }));
    await steps.say(sent.ok ? t.feedback.sent : sent.message);
  };
}
