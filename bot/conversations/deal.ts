import { formatMoney } from '../../shared/format.js';
import type { Locale } from '../../shared/schemas/common.js';
import { DEFAULT_OBJECTION_DAYS, DealCreateInput, MAX_OBJECTION_DAYS } from '../../shared/schemas/deal.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { formatDealLines } from '../format-achievement.js';
import { escapeHtml } from '../html.js';
import { messagesFor } from '../i18n.js';
import { isNotPositiveAmount, parseMoney } from '../parse-input.js';
import { bySchema } from './steps.js';
import { conversationSteps } from './steps.js';

const shape = DealCreateInput.shape;

/**
 * Record a deal: the owner of a listed achievement announces its transfer publicly (公示) in four steps —
 * the counterparty, the mode (buttons from the achievement's modes), the price (or Skip to leave it
 * undisclosed), and the objection period (15 days unless another length up to 30 is given) — then a
 * preview to announce.
 */
export function createDealConversation({ services }: BotDeps) {
  return async function deal(conversation: BotConversation, ctx: ConversationContext, locale: Locale, achievementId: string): Promise<void> {
    const t = messagesFor(locale);
    const d = t.deals;
    const steps = conversationSteps(conversation, ctx, t, services);
    const setup = await steps.call(async (actor) => {
      const achievement = await services.achievements.get(actor, achievementId);
      return { title: achievement.title, modes: achievement.modes, currency: achievement.askingPrice?.currency ?? 'CNY', owner: { id: actor.id, displayName: actor.displayName, organization: actor.organization } };
    });
    if (!setup.ok) {
      await steps.say(setup.message);
      return;
    }
    const { title, modes, currency, owner } = setup.value;
    await steps.say(d.intro(title));

    const counterparty = (await steps.text({ prompt: d.askCounterparty, parse: bySchema(shape.counterparty, d.badCounterparty) }))!;
    const mode = modes[await steps.pickOne({ prompt: d.askMode, options: modes.map((m) => t.achievements.modes[m]), columns: 2 })]!;
    const price = await steps.text({
      prompt: d.askPrice,
      skippable: true,
      parse: (text) => {
        const money = parseMoney(text, currency);
        if (money) return { ok: true, value: money };
        return { ok: false, message: isNotPositiveAmount(text) ? d.priceNotPositive : d.badPrice };
      },
    });
    const objectionDays = (await steps.text({
      prompt: d.askDays(DEFAULT_OBJECTION_DAYS, MAX_OBJECTION_DAYS),
      presets: [DEFAULT_OBJECTION_DAYS, MAX_OBJECTION_DAYS].map((days) => ({ label: t.post.daysPreset(days), text: String(days) })),
      parse: (text) => {
        const days = /^\s*(\d{1,3})\s*(days?|天)?\s*$/i.exec(text);
        const parsed = shape.objectionDays.safeParse(days ? Number(days[1]) : Number.NaN);
        return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: d.badDays(MAX_OBJECTION_DAYS) };
      },
    }))!;

    const now = await steps.now();
    const until = new Date(now.getTime() + objectionDays * 24 * 60 * 60_000).toISOString();
    const preview = formatDealLines(
      {
        id: 'del_preview',
        subject: 'achievement',
        achievementId,
        challengeId: null,
        title,
        owner,
        counterparty,
        mode,
        price,
        status: 'announced',
        announcedAt: now.toISOString(),
        objectionUntil: until,
        objectionCount: 0,
        unresolvedObjections: 0,
        transferredAt: null,
      },
      locale,
    );
    const choice = await steps.choose({
      text: `${d.previewHeader(title)}\n\n${preview}`,
      choices: [{ value: 'announce', label: d.announce }, { value: 'cancel', label: t.conversation.cancel }],
    });
    if (choice !== 'announce') {
      await steps.say(d.discarded);
      return;
    }
    const announced = await steps.call((actor) => services.deals.announce(actor, achievementId, { counterparty, mode, price, objectionDays }));
    if (!announced.ok) {
      await steps.say(announced.message);
      return;
    }
    await steps.say(d.announced(price ? escapeHtml(formatMoney(price, locale)) : d.priceUndisclosed, objectionDays));
  };
}
