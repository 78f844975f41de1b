import { FIELDS } from '../../shared/fields.js';
import { ChallengeCreateInput, IpTerms, type ChallengeCreateInput as ChallengeDraftInput } from '../../shared/schemas/challenge.js';
import type { Locale } from '../../shared/schemas/common.js';
import type { z } from 'zod';
import { ownChallengeMessage } from '../cards.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { formatChallengeCard } from '../format-challenge.js';
import { messagesFor } from '../i18n.js';
import { parseDeadline, parseMoney } from '../parse-input.js';
import { conversationSteps, type Parsed } from './steps.js';

const shape = ChallengeCreateInput.shape;

/** A text step's reading by one of the shared schema's fields, with the step's own message on failure. */
export function bySchema<T>(schema: z.ZodType<T>, message: string): (text: string) => Parsed<T> {
  return (text) => {
    const parsed = schema.safeParse(text);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message };
  };
}

/**
 * /post: an enterprise's challenge in seven steps — title, summary, description (skippable), fields
 * (buttons), reward, deadline (a date or "in 30 days" / "30天后"), IP terms (buttons) — each checked with the
 * shared schema, then a preview to Publish, Save as draft, or Cancel.
 */
export function createPostConversation({ services }: BotDeps) {
  return async function post(conversation: BotConversation, ctx: ConversationContext, locale: Locale): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);
    await steps.say(t.post.intro);

    const title = (await steps.text({ prompt: t.post.askTitle, parse: bySchema(shape.title, t.post.badTitle) }))!;
    const summary = (await steps.text({ prompt: t.post.askSummary, parse: bySchema(shape.summary, t.post.badSummary) }))!;
    const description = (await steps.text({ prompt: t.post.askDescription, parse: bySchema(shape.description, t.post.badDescription), skippable: true })) ?? '';
    const fieldIndexes = await steps.pickMany({
      prompt: t.post.askFields,
      options: FIELDS.map((f) => f[locale]),
      min: 1,
      minMessage: t.post.pickAtLeastOne,
      columns: 2,
    });
    const reward = (await steps.text({
      prompt: t.post.askReward,
      parse: (text) => {
        const money = parseMoney(text, 'CNY');
        return money ? { ok: true, value: money } : { ok: false, message: t.post.badReward };
      },
    }))!;
    const now = await steps.now();
    const deadline = (await steps.text({
      prompt: t.post.askDeadline,
      parse: (text) => {
        const result = parseDeadline(text, now);
        if (result.ok) return { ok: true, value: result.iso };
        return { ok: false, message: result.problem === 'past' ? t.post.pastDeadline : result.problem === 'too-far' ? t.post.farDeadline : t.post.badDeadline };
      },
    }))!;
    const ipOptions = IpTerms.options;
    const ipTerms = ipOptions[await steps.pickOne({ prompt: t.post.askIpTerms, options: ipOptions.map((ip) => t.ipTerms[ip]), columns: 2 })]!;

    const draft: ChallengeDraftInput = { title, summary, description, fields: fieldIndexes.map((i) => FIELDS[i]!.id), reward, deadline, ipTerms };
    const owner = await steps.call(async (actor) => ({ id: actor.id, displayName: actor.displayName, organization: actor.organization }));
    if (!owner.ok) {
      await steps.say(owner.message);
      return;
    }
    const preview = formatChallengeCard(
      { title, summary, description, fields: draft.fields ?? [], reward, deadline, type: 'rfp', ipTerms, status: 'draft', owner: owner.value },
      { locale, now, detailed: { questions: [] }, header: t.post.previewHeader },
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
    if (choice === 'draft') {
      const message = ownChallengeMessage(created.value, locale, await steps.now());
      await steps.say(t.post.draftSaved);
      await steps.say(message.text, message.keyboard);
      return;
    }
    const published = await steps.call((actor) => services.challenges.publish(actor, created.value.id));
    if (!published.ok) {
      await steps.say(t.post.publishFailedDraftKept(published.message));
      return;
    }
    const message = ownChallengeMessage(published.value, locale, await steps.now());
    await steps.say(t.post.published);
    await steps.say(message.text, message.keyboard);
  };
}
