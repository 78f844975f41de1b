import { FIELDS } from '../../shared/fields.js';
import { formatMoney } from '../../shared/format.js';
import { suggestKeywords } from '../../shared/lexicon/suggest-keywords.js';
import { ChallengeCreateInput, ChallengeType, IpTerms, type ChallengeCreateInput as ChallengeDraftInput } from '../../shared/schemas/challenge.js';
import type { Locale } from '../../shared/schemas/common.js';
import type { z } from 'zod';
import { ownChallengeMessage } from '../cards.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { formatChallengeCard } from '../format-challenge.js';
import { messagesFor } from '../i18n.js';
import type { ListMessage } from '../lists.js';
import { isNotPositiveAmount, parseDeadline, parseMoney } from '../parse-input.js';
import { zoneOf } from '../../shared/time-zone.js';
import { conversationSteps, type Parsed } from './steps.js';

const shape = ChallengeCreateInput.shape;

/** A text step's reading by one of the shared schema's fields, with the step's own message on failure. */
export function bySchema<T>(schema: z.ZodType<T>, message: string): (text: string) => Parsed<T> {
  return (text) => {
    const parsed = schema.safeParse(text);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message };
  };
}

/** Deadline presets, in days from now. */
const DEADLINE_PRESET_DAYS = [30, 60, 90] as const;
/** Reward presets, in yuan (the default currency). */
const REWARD_PRESETS_CNY = [100_000, 500_000, 1_000_000] as const;
/** Suggested keywords offered at most. */
const SUGGESTIONS = 6;

/** Typed keywords: split on commas (either language's) or new lines, trimmed, without repeats. */
function parseKeywords(text: string, t: ReturnType<typeof messagesFor>): Parsed<string[]> {
  const words = [...new Set(text.split(/[,，、;；\n]+/).map((w) => w.trim()).filter(Boolean))];
  const parsed = shape.keywords.safeParse(words);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: t.post.badKeywords };
}

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

    const title = (await steps.text({ prompt: t.post.askTitle, parse: bySchema(shape.title, t.post.badTitle) }))!;
    const summary = (await steps.text({ prompt: t.post.askSummary, parse: bySchema(shape.summary, t.post.badSummary) }))!;
    const description = (await steps.longText({ prompt: t.post.askDescription, parse: bySchema(shape.description, t.post.badDescription) })) ?? '';
    const fieldIndexes = await steps.pickMany({
      prompt: t.post.askFields,
      options: FIELDS.map((f) => f[locale]),
      min: 1,
      minMessage: t.post.pickAtLeastOne,
      columns: 2,
    });
    const suggested = suggestKeywords(title, summary, SUGGESTIONS).flatMap((s) => [s.term, s.translation]);
    const keywords =
      (await steps.text({
        prompt: suggested.length > 0 ? t.post.askKeywordsSuggested(suggested.join(t.conversation.listSeparator)) : t.post.askKeywords,
        parse: (text) => parseKeywords(text, t),
        skippable: true,
        presets: suggested.length > 0 ? [{ label: t.post.useSuggested, text: suggested.join(',') }] : [],
      })) ?? [];
    const types = ChallengeType.options;
    const type = types[await steps.pickOne({ prompt: t.post.askType, options: types.map((ty) => t.challengeType[ty]), columns: 2 })]!;
    const reward = (await steps.text({
      prompt: t.post.askReward,
      presets: REWARD_PRESETS_CNY.map((amount) => ({ label: formatMoney({ amount, currency: 'CNY' }, locale), text: `${amount} CNY` })),
      parse: (text) => {
        const money = parseMoney(text, 'CNY');
        if (money) return { ok: true, value: money };
        return { ok: false, message: isNotPositiveAmount(text) ? t.post.rewardNotPositive : t.post.badReward };
      },
    }))!;
    const now = await steps.now();
    const deadline = (await steps.text({
      prompt: t.post.askDeadline,
      presets: DEADLINE_PRESET_DAYS.map((days) => ({ label: t.post.daysPreset(days), text: `in ${days} days` })),
      parse: (text) => {
        const result = parseDeadline(text, now, owner.value.timeZone);
        if (result.ok) return { ok: true, value: result.iso };
        return { ok: false, message: result.problem === 'past' ? t.post.pastDeadline : result.problem === 'too-far' ? t.post.farDeadline : t.post.badDeadline };
      },
    }))!;
    const ipOptions = IpTerms.options;
    const ipTerms = ipOptions[await steps.pickOne({ prompt: t.post.askIpTerms, options: ipOptions.map((ip) => t.ipTerms[ip]), columns: 2 })]!;

    const draft: ChallengeDraftInput = { title, summary, description, fields: fieldIndexes.map((i) => FIELDS[i]!.id), keywords, type, reward, deadline, ipTerms };
    const viewer = { locale, now, timeZone: owner.value.timeZone };
    const preview = formatChallengeCard(
      { title, summary, description, fields: draft.fields ?? [], reward, deadline, type, ipTerms, status: 'draft', owner: owner.value },
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
