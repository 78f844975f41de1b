import { InlineKeyboard } from 'grammy';
import type { Locale } from '../shared/schemas/common.js';
import type { RankedBid, ReviewAssignment, ReviewBid, ScoreSheet } from '../shared/schemas/review.js';
import type { Criterion } from '../shared/schemas/rubric.js';
import { packCallback as cb } from './callback-data.js';
import { formatBid } from './format-bid.js';
import { escapeHtml, escapeShort } from './html.js';
import { messagesFor } from './i18n.js';
import { PAGE_SIZE, type ListEntry, type ListMessage } from './lists.js';

/** The messages of evaluation (PRODUCT.md §9): a reviewer's assignments, bids and score sheets, and the owner's ranking. */

/** A score or mean as the ranking shows it: two decimals at most, in the reader's digits. */
export const formatScore = (n: number, locale: Locale) => n.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 });

/** An item of /reviews: the challenge, its status and phase, blind or not, and the progress. */
export function assignmentEntry(assignment: ReviewAssignment, locale: Locale): ListEntry {
  const t = messagesFor(locale);
  const { challenge, progress } = assignment;
  const facts = [t.challengeStatus[challenge.status]];
  if (challenge.phaseName) facts.push(t.reviews.phase(challenge.phaseName));
  if (challenge.blind) facts.push(t.reviews.blind);
  const lines = [`<b>${escapeShort(challenge.title, 120)}</b>`, facts.join(' · '), `📝 ${t.reviews.progress(progress.scored, progress.total)}${assignment.recused > 0 ? ` · ${t.reviews.recusedCount(assignment.recused)}` : ''}`];
  return { lines: lines.join('\n'), open: { action: 'review-bids', challengeId: challenge.id, offset: 0 } };
}

/**
 * The bids of one assignment as one message: its progress, the bids to score (numbered, each with
 * whether it is scored; a number opens it), and how many it is recused from — those are never listed
 * (the domain leaves them out), so they cannot be opened. Prev / Next edit the message.
 */
export function assignmentBidsMessage(assignment: ReviewAssignment, offset: number, locale: Locale): ListMessage {
  const t = messagesFor(locale);
  const { challenge, bids, progress, recused } = assignment;
  const start = Math.min(offset, Math.max(0, bids.length - 1));
  const page = bids.slice(start, start + PAGE_SIZE);
  const lines = [
    page.length > 0 ? t.reviews.bidsHeader(challenge.title, start + 1, start + page.length) : t.reviews.noBids(challenge.title),
    `📝 ${t.reviews.progress(progress.scored, progress.total)}`,
  ];
  if (recused > 0) lines.push(t.reviews.recusedNote(recused));
  page.forEach((bid, i) => lines.push('', `${start + i + 1}. ${escapeShort(bid.summary, 140)}\n${bid.scored ? t.reviews.scored : t.reviews.toScore}`));
  const keyboard = new InlineKeyboard();
  page.forEach((bid, i) => keyboard.text(String(start + i + 1), cb({ action: 'review-bid', bidId: bid.bidId })));
  const more = start + PAGE_SIZE < bids.length;
  if (start > 0 || more) keyboard.row();
  if (start > 0) keyboard.text(t.browse.previous, cb({ action: 'review-bids-page', challengeId: challenge.id, offset: Math.max(0, start - PAGE_SIZE) }));
  if (more) keyboard.text(t.browse.next, cb({ action: 'review-bids-page', challengeId: challenge.id, offset: start + PAGE_SIZE }));
  return { text: lines.join('\n'), keyboard };
}

/** A score sheet's lines in rubric order, each criterion with its weight, score and comment. */
export function sheetLines(rubric: readonly Criterion[], scores: readonly { criterion: string; score: number; comment: string }[], locale: Locale): string[] {
  const t = messagesFor(locale);
  return rubric.flatMap((c) => {
    const entry = scores.find((s) => s.criterion === c.name);
    return entry ? [t.score.line(c.name, c.weight, entry.score, entry.comment)] : [];
  });
}

/**
 * An assigned bid as the reviewer reads it — exactly what the domain hands out, so no bidder while the
 * review is blind — with the rubric, their scores so far, and Score (or Change), Recuse (before they
 * have scored it) and back to the bids.
 */
export function reviewBidMessage(bid: ReviewBid, assignment: ReviewAssignment, sheet: ScoreSheet | null, locale: Locale): ListMessage {
  const t = messagesFor(locale);
  const { rubric } = assignment;
  const position = assignment.bids.findIndex((b) => b.bidId === bid.id) + 1;
  const header = [t.reviews.bidHeader(bid.challengeTitle, position, assignment.bids.length)];
  if (!bid.bidder) header.push(t.reviews.blindBidder);
  if (rubric.length === 0) header.push('', t.reviews.noRubric);
  else header.push('', t.reviews.rubric, ...rubric.map((c) => t.reviews.criterion(c.name, c.weight, c.description)));
  header.push('', sheet ? t.reviews.yourScores(formatScore(sheet.weighted, locale)) : t.reviews.notScored);
  if (sheet) header.push(...sheetLines(rubric, sheet.scores, locale));
  header.push('');
  const { bidder, summary, approach, price, durationWeeks, references, status, revision } = bid;
  const text = formatBid({ summary, approach, price, durationWeeks, references, status, revision, ...(bidder ? { bidder } : {}) }, { locale, reader: 'owner', header: header.join('\n') });
  const keyboard = new InlineKeyboard();
  if (rubric.length > 0) keyboard.text(sheet ? t.reviews.rescore : t.reviews.score, cb({ action: 'review-score', bidId: bid.id }));
  if (!sheet) keyboard.text(t.reviews.recuse, cb({ action: 'review-recuse', bidId: bid.id }));
  const offset = Math.floor(Math.max(0, position - 1) / PAGE_SIZE) * PAGE_SIZE;
  keyboard.row().text(t.reviews.back, cb({ action: 'review-bids-page', challengeId: bid.challengeId, offset }));
  return { text, keyboard };
}

/**
 * A bid of the owner's ranking: rank, bidder, status, weighted mean and reviews, each criterion's mean,
 * range and spread, and who has not scored it yet (named to the owner only; this is the owner's view).
 * Its number opens the feedback form.
 */
export function rankingEntry(item: RankedBid, locale: Locale): ListEntry {
  const t = messagesFor(locale);
  const r = t.ranking;
  const lines = [`${r.rank(item.rank)} <b>${escapeHtml(item.bidder.displayName)}</b> · ${t.bidStatus[item.status]}`];
  lines.push(item.weightedMean === null ? r.unscored : r.mean(formatScore(item.weightedMean, locale), item.reviews));
  for (const c of item.criteria) {
    if (c.mean !== null && c.min !== null && c.max !== null && c.stddev !== null) {
      lines.push(r.spread(c.criterion, c.weight, formatScore(c.mean, locale), c.min, c.max, formatScore(c.stddev, locale)));
    }
  }
  lines.push(item.pendingReviewers.length > 0 ? r.pending(item.pendingReviewers.map((p) => p.displayName).join(t.conversation.listSeparator)) : r.allScored);
  return { lines: lines.join('\n'), open: { action: 'ranking-feedback', bidId: item.bidId } };
}
