import { suggestKeywords } from '../../shared/lexicon/suggest-keywords.js';
import { formatMoney } from '../../shared/format.js';
import type { Challenge } from '../../shared/schemas/challenge.js';
import type { Locale } from '../../shared/schemas/common.js';
import { zoneOf } from '../../shared/time-zone.js';
import { ownChallengeMessage } from '../cards.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { CHALLENGE_PARTS, formatChallengePart, formatDateTime, type ChallengePart } from '../format-challenge.js';
import { htmlOptions, tidyEdit } from '../handler-kit.js';
import { escapeHtml } from '../html.js';
import { messagesFor, type Messages } from '../i18n.js';
import { refreshCards } from '../live-cards.js';
import { challengeQuestions } from './challenge-questions.js';
import { conversationSteps } from './steps.js';

/** Suggested keywords offered at most, as in /post. */
const SUGGESTIONS = 6;

/**
 * What the owner may change now, by the domain's rules (server/domain/challenges.ts `update`): a draft, or
 * an open challenge no bid has reached yet, every part /post asks for; once a bid has arrived, only the
 * reward (up) and the deadline (later) — bidders priced their proposals on the rest. The domain itself
 * keeps only type and IP terms once bids exist; the promise to bidders (#15) fixes the rest too.
 */
export function editableParts(challenge: Pick<Challenge, 'status' | 'counters'>): readonly ChallengePart[] {
  if (challenge.status === 'open' && (challenge.counters.bids ?? 0) > 0) return ['reward', 'deadline'];
  return CHALLENGE_PARTS;
}

/** The /post prompts carry their place among its nine steps (`3/9 · `); asked alone, Edit numbers its own. */
const withoutStepNumber = (prompt: string) => prompt.replace(/^\d+\/\d+ · /, '');

function choosePrompt(challenge: Pick<Challenge, 'status' | 'counters'>, t: Messages): string {
  if (challenge.status === 'draft') return t.edit.chooseDraft;
  return (challenge.counters.bids ?? 0) > 0 ? t.edit.chooseOpenWithBids : t.edit.chooseOpen;
}

/**
 * Edit a draft or an open challenge from its owner's card: the parts it may change as buttons (Done ends);
 * one part's current value above the /post question for it, read the same way (an open challenge's
 * reward only higher, its deadline only later, each refusal saying so); the change as before → after to
 * Save or Discard; then the update service, and the card edited in place — a draft's card keeps its
 * Publish. Then the parts again, read afresh: a bid that arrived meanwhile narrows them, and a challenge
 * that closed ends the form with the reason.
 */
export function createEditChallengeConversation({ services, cards }: BotDeps) {
  return async function editChallenge(conversation: BotConversation, ctx: ConversationContext, locale: Locale, challengeId: string, cardId: number | null): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);
    const ask = challengeQuestions(steps, t, locale);
    for (;;) {
      const read = await steps.call(async (actor) => ({ challenge: await services.challenges.get(actor, challengeId), timeZone: zoneOf(actor) }));
      if (!read.ok) {
        await steps.say(read.message);
        return;
      }
      const { challenge, timeZone } = read.value;
      if (!challenge.actions?.includes('edit')) {
        // The status label is HTML already; the rest of the refusal is plain words.
        await steps.say(t.edit.refused(t.challengeStatus[challenge.status]));
        return;
      }
      const parts = editableParts(challenge);
      const picked = await steps.pickOne({ prompt: choosePrompt(challenge, t), options: [...parts.map((p) => t.edit.labels[p]), t.conversation.done], columns: 2 });
      const part = parts[picked];
      if (!part) {
        await steps.say(challenge.status === 'draft' ? t.edit.finishedDraft : t.edit.finished);
        return;
      }

      const label = t.edit.labels[part];
      const show = (values: Pick<Challenge, ChallengePart>) => formatChallengePart(part, values, { locale, timeZone });
      const prompt = (postPrompt: string) => t.edit.ask(label, show(challenge), withoutStepNumber(postPrompt));
      const open = challenge.status === 'open';
      const now = await steps.now();
      const patch = await (async (): Promise<Partial<Pick<Challenge, ChallengePart>>> => {
        switch (part) {
          case 'title':
            return { title: await ask.title(prompt(t.post.askTitle)) };
          case 'summary':
            return { summary: await ask.summary(prompt(t.post.askSummary)) };
          case 'description':
            return { description: await ask.description(prompt(t.post.askDescription)) };
          case 'fields':
            return { fields: await ask.fields(prompt(t.post.askFields)) };
          case 'keywords': {
            const suggested = suggestKeywords(challenge.title, challenge.summary, SUGGESTIONS).flatMap((s) => [s.term, s.translation]);
            const wording = suggested.length > 0 ? t.post.askKeywordsSuggested(suggested.join(t.conversation.listSeparator)) : t.post.askKeywords;
            return { keywords: await ask.keywords(prompt(wording), suggested) };
          }
          case 'type':
            return { type: await ask.type(prompt(t.post.askType)) };
          case 'reward': {
            const was = challenge.reward;
            // The domain's rule on an open challenge, told at the question rather than after the preview.
            const higher = (money: { amount: number; currency: string }) =>
              open && (money.currency !== was.currency || money.amount <= was.amount) ? t.edit.rewardNotHigher(escapeHtml(formatMoney(was, locale))) : null;
            return { reward: await ask.reward(prompt(t.post.askReward), higher) };
          }
          case 'deadline': {
            const later = (iso: string) =>
              open && Date.parse(iso) <= Date.parse(challenge.deadline) ? t.edit.deadlineNotLater(escapeHtml(formatDateTime(challenge.deadline, locale, timeZone))) : null;
            return { deadline: await ask.deadline(prompt(t.post.askDeadline), now, timeZone, later) };
          }
          case 'ipTerms':
            return { ipTerms: await ask.ipTerms(prompt(t.post.askIpTerms)) };
        }
      })();

      const choice = await steps.choose({
        text: t.edit.preview(label, show(challenge), show({ ...challenge, ...patch })),
        choices: [
          { value: 'save', label: t.edit.save },
          { value: 'discard', label: t.edit.discard },
        ],
      });
      if (choice === 'discard') {
        await steps.say(t.edit.discarded);
        continue;
      }
      const saved = await steps.call(async (actor) => {
        const updated = await services.challenges.update(actor, challengeId, patch);
        if (ctx.chat) await refreshCards({ api: ctx.api, services, cards }, actor, ctx.chat.id, challengeId, cardId ?? undefined);
        return updated;
      });
      if (!saved.ok) {
        await steps.say(saved.message);
        continue;
      }
      const chatId = ctx.chat?.id;
      if (cardId !== null && chatId !== undefined) {
        const card = ownChallengeMessage(saved.value, locale, now, timeZone);
        await tidyEdit(() => ctx.api.editMessageText(chatId, cardId, card.text, htmlOptions(card.keyboard)));
      }
      await steps.say(t.edit.saved(label));
    }
  };
}
