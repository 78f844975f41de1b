import { formatMoney } from '../../shared/format.js';
import { BidCreateInput } from '../../shared/schemas/bid.js';
import type { Locale } from '../../shared/schemas/common.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { formatBid } from '../format-bid.js';
import { formatDateTime } from '../format-challenge.js';
import { truncate } from '../html.js';
import { messagesFor } from '../i18n.js';
import { parseMoney, parseWeeks } from '../parse-input.js';
import { askMilestones } from './milestones.js';
import { bySchema } from './steps.js';
import { conversationSteps } from './steps.js';

const shape = BidCreateInput.shape;
/** Clips offered as references: the most recent ones (a bid cites at most 30). */
const MAX_PAPERS_OFFERED = 30;

/**
 * Propose: a researcher's sealed bid on one challenge — summary, approach, price, weeks, milestones (optional,
 * checked against the price) and references ticked from their clipped papers — each checked with the shared
 * schema, then a preview to submit. The
 * answer is the receipt (SHA-256 and time), their proof of what they sent and when.
 */
export function createProposeConversation({ services }: BotDeps) {
  return async function propose(conversation: BotConversation, ctx: ConversationContext, locale: Locale, challengeId: string): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);

    const setup = await steps.call(async (actor) => {
      const challenge = await services.challenges.get(actor, challengeId);
      const papers = await services.library.listPapers(actor, { limit: MAX_PAPERS_OFFERED });
      return {
        title: challenge.title,
        reward: challenge.reward,
        papers: papers.items.map((p) => ({ id: p.id, title: p.title, doi: p.doi, arxivId: p.arxivId, year: p.year })),
      };
    });
    if (!setup.ok) {
      await steps.say(setup.message);
      return;
    }
    const { title, reward, papers } = setup.value;
    await steps.say(t.propose.intro(title));

    const summary = (await steps.text({ prompt: t.propose.askSummary, parse: bySchema(shape.summary, t.propose.badSummary) }))!;
    const approach = (await steps.text({ prompt: t.propose.askApproach, parse: bySchema(shape.approach, t.propose.badApproach) }))!;
    const price = (await steps.text({
      prompt: t.propose.askPrice(formatMoney(reward, locale).replace(/\u00a0/g, ' ')),
      parse: (text) => {
        const money = parseMoney(text, reward.currency);
        return money ? { ok: true, value: money } : { ok: false, message: t.propose.badPrice };
      },
    }))!;
    const durationWeeks = (await steps.text({
      prompt: t.propose.askWeeks,
      parse: (text) => {
        const weeks = parseWeeks(text);
        return weeks === null ? { ok: false, message: t.propose.badWeeks } : { ok: true, value: weeks };
      },
    }))!;
    const milestones = await askMilestones(steps, t, locale, { prompt: t.propose.askMilestones, price });
    let cited: typeof papers = [];
    if (papers.length === 0) {
      await steps.say(t.propose.noPapers);
    } else {
      const picked = await steps.pickMany({ prompt: t.propose.askPapers, options: papers.map((p) => truncate(p.title, 60)), min: 0 });
      cited = picked.map((i) => papers[i]!);
    }

    const preview = formatBid(
      { summary, approach, price, durationWeeks, milestones, references: cited.map((p) => ({ ...p, paperId: p.id, authors: [], venue: null, url: null })) },
      { locale, reader: 'bidder', header: `${t.propose.previewHeader}\n${t.bid.onChallenge(title)}` },
    );
    const choice = await steps.choose({
      text: preview,
      choices: [
        { value: 'submit', label: t.propose.submit },
        { value: 'cancel', label: t.conversation.cancel },
      ],
    });
    if (choice !== 'submit') {
      await steps.say(t.propose.discarded);
      return;
    }
    const submitted = await steps.call((actor) =>
      services.bids.submit(actor, challengeId, { summary, approach, price, durationWeeks, milestones, paperIds: cited.map((p) => p.id) }),
    );
    if (!submitted.ok) {
      await steps.say(submitted.message);
      return;
    }
    const { receipt } = submitted.value;
    await steps.say(t.propose.submitted(receipt.sha256, formatDateTime(receipt.receivedAt, locale), receipt.revision));
  };
}
