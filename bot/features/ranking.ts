import { Composer } from 'grammy';
import type { Challenge } from '../../shared/schemas/challenge.js';
import type { BotContext, BotDeps } from '../context.js';
import { enterConversation } from '../conversations/enter.js';
import { formatScore, rankingEntry } from '../format-review.js';
import { accountOrHint, answerButton, editHtml, onButton, replyHtml } from '../handler-kit.js';
import { escapeHtml } from '../html.js';
import { confirmKeyboard } from '../keyboards.js';
import { PAGE_SIZE, showList } from '../lists.js';

/** Whether the owner may advance now: a phased challenge, not in its last phase, whose phase has ended. */
const canAdvance = (challenge: Pick<Challenge, 'phases' | 'phase' | 'status'>) =>
  challenge.phases.length > 0 && challenge.phase < challenge.phases.length - 1 && challenge.status === 'closed';

/** One page of a challenge's ranking for its owner, as one list message; Advance under it when the phase has ended. */
async function showRanking(ctx: BotContext, { services }: BotDeps, challengeId: string, offset: number, inPlace: boolean): Promise<void> {
  const account = await accountOrHint(ctx);
  if (!account) return;
  const challenge = await services.challenges.get(account, challengeId);
  const ranking = await services.scores.ranking(account, challengeId);
  await answerButton(ctx);
  const r = ctx.t.ranking;
  const phase = challenge.phases[challenge.phase]?.name ?? '';
  await showList(ctx, { items: ranking.items.slice(offset, offset + PAGE_SIZE), more: offset + PAGE_SIZE < ranking.items.length }, {
    offset,
    inPlace,
    header: (from, to) => [r.header(challenge.title, phase, from, to), r.summary(ranking.reviewers, ranking.complete), r.hint].join('\n'),
    empty: r.none(challenge.title),
    entry: (item) => rankingEntry(item, ctx.locale),
    page: (at) => ({ action: 'ranking-page', challengeId, offset: at }),
    extra: canAdvance(challenge) ? [{ label: r.advance, data: { action: 'ranking-advance', challengeId, confirmed: false } }] : [],
  });
}

/**
 * The owner's side of evaluation: the ranking of a challenge with a rubric (from its card in
 * /mychallenges, or the "all scores in" alert), feedback from chosen reviewer comments, and, on a phased
 * challenge whose phase has ended, advancing the shortlist after confirming it. The services decide who
 * may see and do each: a bidder or reviewer pressing these buttons is refused.
 */
export function rankingFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const composer = new Composer<BotContext>();

  onButton(composer, 'ranking', (ctx, { challengeId, offset }) => showRanking(ctx, deps, challengeId, offset, false));
  onButton(composer, 'ranking-page', (ctx, { challengeId, offset }) => showRanking(ctx, deps, challengeId, offset, true));

  onButton(composer, 'ranking-feedback', async (ctx, { bidId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const bid = await services.bids.get(account, bidId);
    const ranking = await services.scores.ranking(account, bid.challengeId);
    if (!ranking.items.some((i) => i.bidId === bidId && i.comments.length > 0)) return answerButton(ctx, ctx.t.ranking.noComments, true);
    await answerButton(ctx);
    await enterConversation(ctx, 'feedback', bidId);
  });

  onButton(composer, 'ranking-advance', async (ctx, { challengeId, confirmed }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const r = ctx.t.ranking;
    const challenge = await services.challenges.get(account, challengeId);
    const ranking = await services.scores.ranking(account, challengeId);
    const shortlisted = ranking.items.filter((i) => i.status === 'shortlisted');
    const next = challenge.phases[challenge.phase + 1]?.name ?? '';
    if (!confirmed) {
      if (shortlisted.length === 0) return answerButton(ctx, r.noShortlist, true);
      await answerButton(ctx);
      const lines = shortlisted.map((i) => `• <b>${escapeHtml(i.bidder.displayName)}</b>${i.weightedMean === null ? '' : ` · ${formatScore(i.weightedMean, ctx.locale)}`}`);
      return replyHtml(ctx, r.confirmAdvance(next, lines.join('\n')), confirmKeyboard({ label: r.yesAdvance, data: { action: 'ranking-advance', challengeId, confirmed: true } }, ctx.t));
    }
    await services.phases.advance(account, challengeId, {});
    await answerButton(ctx);
    await editHtml(ctx, r.advanced(next, shortlisted.length));
  });

  return composer;
}
