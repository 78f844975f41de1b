import { Composer } from 'grammy';
import { FIELDS } from '../../shared/fields.js';
import type { Locale } from '../../shared/schemas/common.js';
import { describeSubscription, subscriptionMessage } from '../cards.js';
import type { BotContext, BotDeps } from '../context.js';
import { accountOrHint, answerButton, editHtml, onButton, replyHtml } from '../handler-kit.js';
import { escapeHtml } from '../html.js';
import { subscriptionKeyboard } from '../keyboards.js';
import { pageAt, sendPage } from '../lists.js';
import { parseSubscribeArgs } from '../parse-input.js';

/** The field tags /subscribe understands, for its usage message, in the reader's language (`#新材料`). */
const FIELD_TAGS: Record<Locale, string> = {
  en: FIELDS.map((f) => `<code>#${f.id}</code>`).join(' '),
  zh: FIELDS.map((f) => `<code>#${f.zh}</code>`).join(' '),
};

/** One page of the sender's alerts, oldest first, each with Pause/Resume and Delete. */
export async function showSubscriptions(ctx: BotContext, { services }: BotDeps, offset: number): Promise<void> {
  const account = await accountOrHint(ctx);
  if (!account) return;
  const page = await pageAt((q) => services.subscriptions.list(account, q), offset);
  await sendPage(ctx, page, {
    offset,
    header: () => ctx.t.subscriptions.header,
    empty: ctx.t.subscriptions.none,
    render: (subscription) => subscriptionMessage(subscription, ctx.locale),
    next: (at) => ({ action: 'more', list: 'subscriptions', offset: at, memo: '-' }),
  });
}

/**
 * Alerts: /subscribe <words> [#field…] [min:N] saves a search that raises an alert for every newly
 * published challenge it matches; /subscriptions lists them with Pause/Resume and Delete.
 */
export function subscriptionsFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const composer = new Composer<BotContext>();

  composer.command('subscribe', async (ctx) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const args = parseSubscribeArgs(ctx.match);
    if (!args.ok) {
      const intro = args.problem === 'unknown-field' ? ctx.t.subscriptions.unknownField(args.tag) : ctx.t.subscriptions.usage;
      return replyHtml(ctx, `${intro}${FIELD_TAGS[ctx.locale]}`);
    }
    const subscription = await services.subscriptions.create(account, { keywords: args.keywords, fields: args.fields, minReward: args.minReward });
    await replyHtml(ctx, ctx.t.subscriptions.created(describeSubscription(subscription, ctx.locale)), subscriptionKeyboard(subscription, ctx.t));
  });

  composer.command('subscriptions', (ctx) => showSubscriptions(ctx, deps, 0));

  onButton(composer, 'subscription-active', async (ctx, { subscriptionId, active }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const subscription = await services.subscriptions.update(account, subscriptionId, { active });
    await answerButton(ctx, active ? ctx.t.subscriptions.resumedToast : ctx.t.subscriptions.pausedToast);
    const message = subscriptionMessage(subscription, ctx.locale);
    await editHtml(ctx, message.text, message.keyboard);
  });

  onButton(composer, 'subscription-delete', async (ctx, { subscriptionId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    await services.subscriptions.remove(account, subscriptionId);
    await answerButton(ctx);
    const text = ctx.callbackQuery.message?.text;
    await editHtml(ctx, text ? `<s>${escapeHtml(text)}</s>\n${ctx.t.subscriptions.deleted}` : ctx.t.subscriptions.deleted);
  });

  return composer;
}
