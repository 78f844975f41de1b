import { formatMoney } from '../shared/format.js';
import type { Bid, Milestone } from '../shared/schemas/bid.js';
import type { Locale } from '../shared/schemas/common.js';
import type { PaperRef } from '../shared/schemas/paper.js';
import { formatDateTime } from './format-challenge.js';
import { escapeHtml, escapeShort, MESSAGE_LIMIT, truncate } from './html.js';
import { messagesFor } from './i18n.js';

/** What a bid message needs; a preview of a bid not yet sent has no more than this. */
export type BidView = Pick<Bid, 'summary' | 'approach' | 'price' | 'durationWeeks' | 'references'> &
  Partial<Pick<Bid, 'milestones' | 'bidder' | 'status' | 'revision' | 'receipt' | 'feedback' | 'challengeTitle'>>;

/** Characters of a milestone's title shown: twenty of them still fit one message with the rest of a bid. */
const MILESTONE_TITLE = 80;

/** A bid's milestones, numbered, one a line; an amount is in the bid's `currency`. */
export function milestoneLines(milestones: readonly Milestone[], currency: string, locale: Locale): string {
  const t = messagesFor(locale);
  return milestones
    .map((m, i) => `${i + 1}. ${t.bid.milestone(truncate(m.title, MILESTONE_TITLE), m.weeks, m.amount === null ? '' : formatMoney({ amount: m.amount, currency }, locale))}`)
    .join('\n');
}

function reference(ref: Pick<PaperRef, 'title' | 'doi' | 'arxivId' | 'year'>): string {
  const id = ref.doi ? `doi:${ref.doi}` : ref.arxivId ? `arXiv:${ref.arxivId}` : '';
  return `• ${escapeShort(ref.title, 160)}${ref.year ? ` (${ref.year})` : ''}${id ? ` — ${escapeHtml(id)}` : ''}`;
}

/**
 * A sealed bid as its two readers see it: `owner` (the enterprise: who sent it, the approach in full
 * enough to judge) or `bidder` (status, feedback, receipt). `header` comes first, e.g. "New bid on …".
 */
export function formatBid(bid: BidView, options: { locale: Locale; reader: 'owner' | 'bidder'; header: string }): string {
  // Shorter excerpts until it fits one message: the full bid is always available through the API.
  for (const budget of BUDGETS) {
    const text = render(bid, options, budget);
    if (text.length <= MESSAGE_LIMIT) return text;
  }
  const text = render(bid, options, { summary: 300, approach: 300, references: 3 });
  return text.length <= MESSAGE_LIMIT ? text : text.slice(0, text.lastIndexOf('\n', MESSAGE_LIMIT));
}

const BUDGETS = [
  { summary: 1000, approach: 1800, references: 10 },
  { summary: 600, approach: 800, references: 5 },
];

function render(
  bid: BidView,
  { locale, reader, header }: { locale: Locale; reader: 'owner' | 'bidder'; header: string },
  budget: { summary: number; approach: number; references: number },
): string {
  const t = messagesFor(locale);
  const lines = [header];
  if (reader === 'owner' && bid.bidder) lines.push(t.bid.from(bid.bidder.displayName, bid.bidder.organization));
  lines.push(`${t.bid.price}: <b>${escapeHtml(formatMoney(bid.price, locale))}</b> · ${t.bid.duration(bid.durationWeeks)}`);
  if (bid.status) {
    const revision = bid.revision && bid.revision > 1 ? ` (${t.bid.revision(bid.revision)})` : '';
    lines.push(`${t.bid.status}: <b>${t.bidStatus[bid.status]}</b>${revision}`);
  }
  if (bid.feedback) lines.push(t.bid.feedback(bid.feedback));
  lines.push('', `<b>${t.bid.summary}</b>`, escapeShort(bid.summary, budget.summary));
  lines.push('', `<b>${t.bid.approach}</b>`, escapeShort(bid.approach, reader === 'owner' ? budget.approach : Math.min(400, budget.approach)));
  if (bid.milestones && bid.milestones.length > 0) lines.push('', `<b>${t.bid.milestones}</b>`, milestoneLines(bid.milestones, bid.price.currency, locale));
  if (bid.references.length > 0) {
    lines.push('', `<b>${t.bid.references}</b>`, ...bid.references.slice(0, budget.references).map(reference));
    if (bid.references.length > budget.references) lines.push(`… +${bid.references.length - budget.references}`);
  }
  if (bid.receipt) lines.push('', t.bid.receipt(bid.receipt.sha256, formatDateTime(bid.receipt.receivedAt, locale)));
  return lines.join('\n');
}
