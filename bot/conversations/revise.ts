import { formatMoney } from '../../shared/format.js';
import { BidCreateInput, LIVE_BID_STATUSES, type Bid, type BidUpdateInput, type Milestone } from '../../shared/schemas/bid.js';
import type { Locale } from '../../shared/schemas/common.js';
import { vocabularyFor } from '../../shared/labels.js';
import type { PaperRef } from '../../shared/schemas/paper.js';
import { myBidMessage } from '../cards.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { formatDateTime } from '../format-challenge.js';
import { milestoneLines } from '../format-bid.js';
import { htmlOptions, tidyEdit } from '../handler-kit.js';
import { escapeHtml, escapeShort, truncate } from '../html.js';
import { messagesFor } from '../i18n.js';
import { parseMoney, parseWeeks } from '../parse-input.js';
import { askMilestones, settleMilestones } from './milestones.js';
import { bySchema } from './steps.js';
import { conversationSteps } from './steps.js';

const shape = BidCreateInput.shape;
/** Clips offered as references: the most recent ones (a bid cites at most 30). */
const MAX_PAPERS_OFFERED = 30;
/** How much of a text a prompt or the preview shows: enough to recognise it. */
const EXCERPT = 300;
/** Cited papers named in the preview; the rest are counted, so the preview fits one message. */
const PAPERS_SHOWN = 5;
const KEEP = 'keep';
const CHANGE = 'change';

/**
 * Why the bidder can no longer `action` their bid, in their words (plain text, for a button's alert), or
 * null while the bid's `actions` allow it: its status, or the challenge no longer taking bids.
 */
export function bidChangeRefusal(action: 'revise' | 'withdraw', bid: Pick<Bid, 'status' | 'actions'>, locale: Locale): string | null {
  if (bid.actions?.includes(action)) return null;
  const t = messagesFor(locale);
  // The plain word: an alert shows no HTML.
  const status = vocabularyFor(locale).bidStatus[bid.status];
  if (action === 'revise' && bid.status !== 'submitted') return t.bid.cannotRevise(status);
  if (action === 'withdraw' && !LIVE_BID_STATUSES.includes(bid.status)) return t.bid.cannotWithdraw(status);
  return t.bid.biddingClosed;
}

type PaperRefInput = NonNullable<BidUpdateInput['references']>[number];
/** A cited reference sent back as typed: the domain keeps it as it is. */
const asTyped = ({ title, authors, doi, arxivId, year, venue, url }: PaperRef): PaperRefInput => ({ title, authors, doi, arxivId, year, venue, url });

const sameMilestones = (a: readonly Milestone[], b: readonly Milestone[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Revise: the bidder's live bid, part by part — summary, approach, price, weeks, milestones, cited papers —
 * each shown as it is now with a Keep button, then what changed (old → new) to confirm. The services issue
 * a new revision and receipt; the bid's card (`messageId`) is edited to it. A bid that can no longer be
 * revised (shortlisted, or the challenge closed meanwhile) is refused with the reason, at the start and at
 * submit.
 */
export function createReviseConversation({ services }: BotDeps) {
  return async function revise(conversation: BotConversation, ctx: ConversationContext, locale: Locale, bidId: string, messageId: number | null): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);

    /** The bid's card, edited to the bid as it is now. */
    async function showCard(bid: Bid): Promise<void> {
      const chatId = ctx.chat?.id;
      if (messageId === null || chatId === undefined) return;
      const card = myBidMessage(bid, locale);
      await tidyEdit(() => ctx.api.editMessageText(chatId, messageId, card.text, htmlOptions(card.keyboard)));
    }

    /** The card put right, and why the bid can no longer be revised (or `fallback`, the services' own words). */
    async function refuseWith(bid: Bid, fallback: string): Promise<void> {
      await showCard(bid);
      const why = bidChangeRefusal('revise', bid, locale);
      await steps.say(why ? escapeHtml(why) : fallback);
    }

    const setup = await steps.call(async (actor) => {
      const bid = await services.bids.get(actor, bidId);
      const clips = await services.library.listPapers(actor, { limit: MAX_PAPERS_OFFERED });
      return { bid, clips: clips.items.map((p) => ({ id: p.id, title: p.title })) };
    });
    if (!setup.ok) {
      await steps.say(setup.message);
      return;
    }
    const { bid, clips } = setup.value;
    const refused = bidChangeRefusal('revise', bid, locale);
    if (refused) return refuseWith(bid, escapeHtml(refused));
    await steps.say(t.revise.intro(bid.challengeTitle));

    const keep = (text: string) => [{ label: t.revise.keep, text }];
    const summary = (await steps.text({
      prompt: t.revise.askSummary(escapeShort(bid.summary, EXCERPT)),
      parse: bySchema(shape.summary, t.propose.badSummary),
      presets: keep(bid.summary),
    }))!;
    const approach = (await steps.text({
      prompt: t.revise.askApproach(escapeShort(bid.approach, EXCERPT)),
      parse: bySchema(shape.approach, t.propose.badApproach),
      presets: keep(bid.approach),
    }))!;
    const price = (await steps.text({
      prompt: t.revise.askPrice(formatMoney(bid.price, locale)),
      parse: (text) => {
        const money = parseMoney(text, bid.price.currency);
        return money ? { ok: true, value: money } : { ok: false, message: t.propose.badPrice };
      },
      presets: keep(`${bid.price.amount} ${bid.price.currency}`),
    }))!;
    const durationWeeks = (await steps.text({
      prompt: t.revise.askWeeks(bid.durationWeeks),
      parse: (text) => {
        const weeks = parseWeeks(text);
        return weeks === null ? { ok: false, message: t.propose.badWeeks } : { ok: true, value: weeks };
      },
      presets: keep(String(bid.durationWeeks)),
    }))!;

    const milestonesNow = bid.milestones.length > 0 ? milestoneLines(bid.milestones, bid.price.currency, locale) : t.revise.none;
    const keepOrChange = [
      { value: KEEP, label: t.revise.keep },
      { value: CHANGE, label: t.revise.change },
    ];
    const milestones =
      (await steps.choose({ text: t.revise.askMilestones(milestonesNow), choices: keepOrChange })) === KEEP
        ? await settleMilestones(steps, t, locale, bid.milestones, price)
        : await askMilestones(steps, t, locale, { prompt: t.propose.askMilestones, price });

    // Offered: the recent clips, then what the bid cites that is not among them (typed in, or an older clip).
    const clipIds = new Set(clips.map((c) => c.id));
    const others = bid.references.filter((r) => r.paperId === null || !clipIds.has(r.paperId));
    const offered = [...clips.map((c) => c.title), ...others.map((r) => r.title)];
    let cited: { paperIds: string[]; references: PaperRefInput[]; titles: string[] } | null = null;
    if (offered.length === 0) {
      await steps.say(t.revise.noPapers);
    } else {
      const citedNow = bid.references.length > 0 ? bid.references.map((r) => `• ${escapeShort(r.title, 100)}`).join('\n') : t.revise.none;
      if ((await steps.choose({ text: t.revise.askPapers(citedNow), choices: keepOrChange })) === CHANGE) {
        const picked = await steps.pickMany({ prompt: t.revise.pickPapers, options: offered.map((title) => truncate(title, 60)), min: 0 });
        cited = {
          paperIds: picked.filter((i) => i < clips.length).map((i) => clips[i]!.id),
          references: picked.filter((i) => i >= clips.length).map((i) => asTyped(others[i - clips.length]!)),
          titles: picked.map((i) => offered[i]!),
        };
      }
    }

    const patch: BidUpdateInput = {};
    const changes: string[] = [];
    const text = (value: string) => `<i>${escapeShort(value, EXCERPT)}</i>`;
    const titles = (list: readonly string[]) => {
      if (list.length === 0) return t.revise.none;
      const shown = list.slice(0, PAPERS_SHOWN).map((title) => escapeShort(title, 80));
      return `${shown.join('; ')}${list.length > PAPERS_SHOWN ? ` … +${list.length - PAPERS_SHOWN}` : ''}`;
    };
    if (summary !== bid.summary) {
      patch.summary = summary;
      changes.push(t.revise.changed(t.bid.summary, text(bid.summary), text(summary)));
    }
    if (approach !== bid.approach) {
      patch.approach = approach;
      changes.push(t.revise.changed(t.bid.approach, text(bid.approach), text(approach)));
    }
    if (price.amount !== bid.price.amount || price.currency !== bid.price.currency) {
      patch.price = price;
      changes.push(t.revise.changed(t.bid.price, escapeHtml(formatMoney(bid.price, locale)), `<b>${escapeHtml(formatMoney(price, locale))}</b>`));
    }
    if (durationWeeks !== bid.durationWeeks) {
      patch.durationWeeks = durationWeeks;
      changes.push(t.revise.changed(t.revise.weeksLabel, String(bid.durationWeeks), `<b>${durationWeeks}</b>`));
    }
    if (!sameMilestones(milestones, bid.milestones)) {
      patch.milestones = milestones;
      const now = milestones.length > 0 ? `\n${milestoneLines(milestones, price.currency, locale)}` : t.revise.none;
      changes.push(t.revise.changed(t.revise.milestonesLabel, String(bid.milestones.length), now));
    }
    if (cited && JSON.stringify(cited.titles) !== JSON.stringify(bid.references.map((r) => r.title))) {
      patch.paperIds = cited.paperIds;
      patch.references = cited.references;
      changes.push(t.revise.changed(t.revise.papersLabel, titles(bid.references.map((r) => r.title)), titles(cited.titles)));
    }
    if (changes.length === 0) {
      await steps.say(t.revise.nothingChanged(bid.revision));
      return;
    }

    const choice = await steps.choose({
      text: [t.revise.previewHeader, t.bid.onChallenge(bid.challengeTitle), '', ...changes, '', t.revise.rest].join('\n'),
      choices: [
        { value: 'submit', label: t.revise.submit },
        { value: 'cancel', label: t.conversation.cancel },
      ],
    });
    if (choice !== 'submit') {
      await steps.say(t.revise.discarded);
      return;
    }
    const revised = await steps.call((actor) => services.bids.revise(actor, bidId, patch));
    if (!revised.ok) {
      const now = await steps.call((actor) => services.bids.get(actor, bidId));
      if (now.ok) return refuseWith(now.value, revised.message);
      await steps.say(revised.message);
      return;
    }
    const { receipt } = revised.value;
    await showCard(revised.value);
    await steps.say(t.revise.revised(receipt.sha256, formatDateTime(receipt.receivedAt, locale), receipt.revision));
  };
}
