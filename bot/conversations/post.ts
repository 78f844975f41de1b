import { suggestKeywords } from '../../shared/lexicon/suggest-keywords.js';
import type { ChallengeCreateInput as ChallengeDraftInput } from '../../shared/schemas/challenge.js';
import type { Locale } from '../../shared/schemas/common.js';
import { zoneOf } from '../../shared/time-zone.js';
import { ownChallengeMessage } from '../cards.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { formatChallengeCard } from '../format-challenge.js';
import { messagesFor } from '../i18n.js';
import type { ListMessage } from '../lists.js';
import { challengeQuestions } from './challenge-questions.js';
import { conversationSteps } from './steps.js';

// Other forms read their answers with it too; it lives beside the questions it was written for.

/** Suggested keywords offered at most. */
const SUGGESTIONS = 6;

/**
 * /post: an enterprise's challenge in nine steps — title, summary, description (in as many messages as it
 * takes, or skipped), fields (buttons), keywords (optional; suggested from the title and summary in both
 * languages), type (buttons), reward (presets or typed), deadline (presets, a date — the end of that day in
 * the poster's zone — or "in 30 days" / "明天"), IP terms (buttons) — each checked with the shared schema,
 * then a preview to Publish, Save as draft, or Cancel. The preview and the published card count the days
 * left from the same instant.
 */
export function createPostConversation({ services, cards }: BotDeps) {
  return async function post(conversation: BotConversation, ctx: ConversationContext, locale: Locale): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);
    const owner = await steps.call(async (actor) => ({ id: actor.id, displayName: actor.displayName, organization: actor.organization, timeZone: zoneOf(actor) }));
    if (!owner.ok) {
      await steps.say(owner.message);
      return;
    }
    await steps.say(t.post.intro);

    const ask = challengeQuestions(steps, t, locale);
    const title = await ask.title(t.post.askTitle);
    const summary = await ask.summary(t.post.askSummary);
    const description = await ask.description(t.post.askDescription);
    const fields = await ask.fields(t.post.askFields);
    const suggested = suggestKeywords(title, summary, SUGGESTIONS).flatMap((s) => [s.term, s.translation]);
    const keywords = await ask.keywords(suggested.length > 0 ? t.post.askKeywordsSuggested(suggested.join(t.conversation.listSeparator)) : t.post.askKeywords, suggested);
    const type = await ask.type(t.post.askType);
    const reward = await ask.reward(t.post.askReward);
    const now = await steps.now();
    const deadline = await ask.deadline(t.post.askDeadline, now, owner.value.timeZone);
    const ipTerms = await ask.ipTerms(t.post.askIpTerms);

    const draft: ChallengeDraftInput = { title, summary, description, fields, keywords, type, reward, deadline, ipTerms };
    const viewer = { locale, now, timeZone: owner.value.timeZone };
    const preview = formatChallengeCard(
      { title, summary, description, fields, reward, deadline, type, ipTerms, status: 'draft', owner: owner.value },
      { ...viewer, detailed: { questions: [] }, header: t.post.previewHeader },
    );
    const choice = await steps.choose({
      text: preview,
      choices: [
        { value: 'publish', label: t.post.publish },
        { value: 'draft', label: t.post.saveDraft },
        { value: 'cancel', label: t.conversation.cancel },
      ],
    });
    if (choice === 'cancel') {
      await steps.say(t.post.discarded);
      return;
    }

    const created = await steps.call((actor) => services.challenges.create(actor, draft));
    if (!created.ok) {
      await steps.say(created.message);
      return;
    }
    // The card is remembered (live-cards.ts) so a bid, an award or a cancel later edits it to the truth.
    const sayCard = async (message: ListMessage, challengeId: string) => {
      const messageId = await steps.say(message.text, message.keyboard);
      if (message.card) cards.remember(challengeId, { chatId: ctx.chat!.id, messageId, view: message.card });
    };
    if (choice === 'draft') {
      await steps.say(t.post.draftSaved);
      await sayCard(ownChallengeMessage(created.value, locale, now, owner.value.timeZone), created.value.id);
      return;
    }
    const published = await steps.call((actor) => services.challenges.publish(actor, created.value.id));
    if (!published.ok) {
      await steps.say(t.post.publishFailedDraftKept(published.message));
      return;
    }
    // The instant the preview counted from, so both say the same days left.
    await steps.say(t.post.published);
    await sayCard(ownChallengeMessage(published.value, locale, now, owner.value.timeZone), published.value.id);
  };
}
