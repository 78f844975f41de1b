import { Composer, InlineKeyboard } from 'grammy';
import { isTimeZone, zoneOf } from '../../shared/time-zone.js';
import { packCallback } from '../callback-data.js';
import type { BotContext, BotDeps } from '../context.js';
import { accountOrHint, answerButton, editHtml, onButton, replyHtml } from '../handler-kit.js';

/** The zones most Tenderlab people are in, offered as buttons; any other is typed after the command. */
export const COMMON_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Singapore',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
] as const;

/** The common zones, two a row. Here rather than in keyboards.ts: only /timezone draws it. */
export function zoneKeyboard(): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  COMMON_ZONES.forEach((zone, i) => {
    keyboard.text(zone, packCallback({ action: 'set-zone', timeZone: zone }));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

/**
 * /timezone: the zone the account reads times in (its `timeZone`, as PATCH /api/me sets it), by button or
 * as `/timezone Area/City`, any IANA name `Intl` knows. Notifications and cards then show times in it.
 */
export function timeZoneFeature({ services }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command('timezone', async (ctx) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const typed = ctx.match.trim();
    if (typed === '') return void (await replyHtml(ctx, ctx.t.timeZone.choose(zoneOf(account)), zoneKeyboard()));
    // `Intl` also accepts lower-case names and aliases; the one it resolves to is what is stored and shown.
    if (!isTimeZone(typed)) return void (await replyHtml(ctx, ctx.t.timeZone.unknown(typed)));
    const zone = new Intl.DateTimeFormat('en', { timeZone: typed }).resolvedOptions().timeZone;
    await services.accounts.updateMe(account, { timeZone: zone });
    await replyHtml(ctx, ctx.t.timeZone.changed(zone));
  });

  onButton(composer, 'set-zone', async (ctx, { timeZone }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    if (!isTimeZone(timeZone)) return answerButton(ctx, ctx.t.timeZone.unknown(timeZone).replace(/<[^>]+>/g, ''), true);
    await services.accounts.updateMe(account, { timeZone });
    await answerButton(ctx);
    await editHtml(ctx, ctx.t.timeZone.changed(timeZone));
  });

  return composer;
}
