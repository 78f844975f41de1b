import { Composer } from 'grammy';
import { challengeEntry } from '../cards.js';
import type { BotContext, BotDeps } from '../context.js';
import { accountOrHint } from '../handler-kit.js';
import { pageAt, showList } from '../lists.js';

/** One page of the sender's saved challenges, most recently saved first. */
export async function showSaved(ctx: BotContext, { services }: BotDeps, offset: number, inPlace = false): Promise<void> {
  const account = await accountOrHint(ctx);
  if (!account) return;
  const page = await pageAt((q) => services.library.listSaved(account, q), offset);
  const now = services.clock.now();
  await showList(ctx, page, {
    offset,
    inPlace,
    header: ctx.t.saved.header,
    empty: ctx.t.saved.none,
    entry: ({ challenge }) => challengeEntry(challenge, ctx.locale, now),
    page: (at) => ({ action: 'page', list: 'saved', offset: at, memo: '-' }),
  });
}

/** /saved: the challenges the researcher bookmarked with ⭐ Save. */
export function savedFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('saved', (ctx) => showSaved(ctx, deps, 0));
  return composer;
}
