import type { Locale } from '../../shared/schemas/common.js';
import { ScoreEntry } from '../../shared/schemas/review.js';
import { SCORE_SCALE } from '../../shared/schemas/rubric.js';
import { weightedScore } from '../../server/domain/evaluation/ranking.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { assignedBid } from '../features/reviews.js';
import { formatScore, reviewBidMessage, sheetLines } from '../format-review.js';
import { htmlOptions, tidyEdit } from '../handler-kit.js';
import { messagesFor } from '../i18n.js';
import { singleButton } from '../keyboards.js';
import { bySchema } from './steps.js';
import { conversationSteps, type Parsed } from './steps.js';

const SCORES = Array.from({ length: SCORE_SCALE.max - SCORE_SCALE.min + 1 }, (_, i) => SCORE_SCALE.min + i);

/**
 * Score: a reviewer's sheet of one assigned bid — for each criterion of the rubric its score (buttons 1–5,
 * or typed) and a comment (or Skip), then the whole sheet to save. Scoring again starts from the scores
 * given, which Keep. After saving, the bid's message (`messageId`) shows the new scores in place, and the
 * reviewer hears their progress with the next bid to score.
 */
export function createScoreConversation({ services }: BotDeps) {
  return async function score(conversation: BotConversation, ctx: ConversationContext, locale: Locale, bidId: string, messageId: number | null): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);

    const setup = await steps.call((actor) => assignedBid(services, actor, bidId));
    if (!setup.ok || !setup.value) {
      await steps.say(setup.ok ? t.reviews.notOpenable : setup.message);
      return;
    }
    const { assignment, bid, sheet } = setup.value;
    const { rubric } = assignment;
    if (rubric.length === 0) {
      await steps.say(t.reviews.noRubric);
      return;
    }
    const total = rubric.length * 2 + 1;
    await steps.say(t.score.intro(bid.challengeTitle, bid.summary, rubric.length));

    const readScore = (text: string): Parsed<number> => {
      const n = Number(text.trim());
      return SCORES.includes(n) ? { ok: true, value: n } : { ok: false, message: t.score.badScore };
    };
    const entries: { criterion: string; score: number; comment: string }[] = [];
    for (const [i, criterion] of rubric.entries()) {
      const given = sheet?.scores.find((s) => s.criterion === criterion.name) ?? null;
      const value = (await steps.text({
        prompt: t.score.askScore(i * 2 + 1, total, criterion.name, criterion.weight, criterion.description, given?.score ?? null),
        parse: readScore,
        presets: SCORES.map((n) => ({ label: given?.score === n ? `✅ ${n}` : String(n), text: String(n) })),
      }))!;
      const comment = await steps.text({
        prompt: t.score.askComment(i * 2 + 2, total, criterion.name, given?.comment ?? ''),
        parse: bySchema(ScoreEntry.shape.comment, t.score.badComment),
        skippable: true,
        presets: given?.comment ? [{ label: t.score.keep, text: given.comment }] : [],
      });
      entries.push({ criterion: criterion.name, score: value, comment: comment ?? '' });
    }

    const preview = [t.score.previewHeader(total), ...sheetLines(rubric, entries, locale), '', t.score.weighted(formatScore(weightedScore(rubric, { scores: entries }), locale))];
    const choice = await steps.choose({
      text: preview.join('\n'),
      choices: [
        { value: 'save', label: t.score.save },
        { value: 'cancel', label: t.conversation.cancel },
      ],
    });
    if (choice !== 'save') {
      await steps.say(t.score.discarded);
      return;
    }
    const saved = await steps.call(async (actor) => {
      await services.scores.put(actor, bidId, entries);
      return assignedBid(services, actor, bidId);
    });
    if (!saved.ok) {
      await steps.say(saved.message);
      return;
    }
    const after = saved.value;
    const chatId = ctx.chat?.id;
    if (after && messageId !== null && chatId !== undefined) {
      const card = reviewBidMessage(after.bid, after.assignment, after.sheet, locale);
      await tidyEdit(() => ctx.api.editMessageText(chatId, messageId, card.text, htmlOptions(card.keyboard)));
    }
    const progress = after?.assignment.progress ?? assignment.progress;
    const next = after?.assignment.bids.find((b) => !b.scored);
    const lines = [t.score.saved(progress.scored, progress.total, bid.challengeTitle)];
    if (!next) lines.push(t.score.allScored);
    await steps.say(lines.join('\n'), next ? singleButton(t.score.nextBid, { action: 'review-bid', bidId: next.bidId }) : undefined);
  };
}
