import { Composer, InlineKeyboard } from 'grammy';
import { FIELDS } from '../../shared/fields.js';
import type { Account } from '../../shared/schemas/account.js';
import type { Locale } from '../../shared/schemas/common.js';
import { zoneOf } from '../../shared/time-zone.js';
import { packCallback as cb } from '../callback-data.js';
import type { BotContext, BotDeps } from '../context.js';
import { enterConversation } from '../conversations/enter.js';
import { accountOrHint, answerButton, answerStaleButton, editHtml, onButton, replyHtml } from '../handler-kit.js';
import { messagesFor, type Messages } from '../i18n.js';
import { languageKeyboard, rolesKeyboard } from '../keyboards.js';
import type { ListMessage } from '../lists.js';
import { rolesPhrase } from './start.js';
import { zoneKeyboard } from './timezone.js';

/** The parts of /profile edited by a form (conversations/profile.ts); language, time zone and roles are one tap each. */
export const PROFILE_PARTS = ['organization', 'keywords', 'fields'] as const;
export type ProfilePart = (typeof PROFILE_PARTS)[number];

function isProfilePart(value: string): value is ProfilePart {
  return (PROFILE_PARTS as readonly string[]).includes(value);
}

/** What /profile shows of an account. */
export type ProfileView = Pick<Account, 'displayName' | 'roles' | 'organization' | 'fields' | 'keywords' | 'locale' | 'timeZone'>;

/** The field ids of an account as labels in `locale`, in the taxonomy's order. */
function fieldLabels(ids: readonly string[], locale: Locale): string[] {
  return FIELDS.filter((f) => ids.includes(f.id)).map((f) => f[locale]);
}

/** A choice /profile opens in place, with a way back to the profile under it. */
function withBack(keyboard: InlineKeyboard, t: Messages): InlineKeyboard {
  const rows = keyboard.inline_keyboard;
  if ((rows[rows.length - 1]?.length ?? 0) > 0) keyboard.row();
  return keyboard.text(t.profile.buttons.back, cb({ action: 'profile', value: 'view' }));
}

/** The profile as one message: what the account says about itself, a button under each thing it may change. */
export function profileMessage(account: ProfileView, locale: Locale): ListMessage {
  const t = messagesFor(locale);
  const b = t.profile.buttons;
  const text = [
    t.profile.title(account.displayName),
    '',
    t.profile.role(rolesPhrase(account.roles, t)),
    t.profile.organization(account.organization),
    t.profile.fields(fieldLabels(account.fields, locale).join(t.conversation.listSeparator)),
    t.profile.keywords(account.keywords.join(t.conversation.listSeparator)),
    t.profile.language(messagesFor(account.locale).languageName),
    t.profile.timeZone(zoneOf(account)),
    '',
    t.profile.hint,
  ].join('\n');
  const keyboard = new InlineKeyboard()
    .text(b.organization, cb({ action: 'profile-edit', value: 'organization' }))
    .text(b.fields, cb({ action: 'profile-edit', value: 'fields' }))
    .text(b.keywords, cb({ action: 'profile-edit', value: 'keywords' }))
    .row()
    .text(b.language, cb({ action: 'profile', value: 'lang' }))
    .text(b.timeZone, cb({ action: 'profile', value: 'zone' }))
    .text(b.roles, cb({ action: 'profile', value: 'roles' }));
  return { text, keyboard };
}

/**
 * /profile: the account's organization, fields, keywords, language, time zone and roles in one message.
 * Organization, fields and keywords are each a one-step form (conversations/profile.ts) that edits this
 * message when saved; language, time zone and roles turn the message into the choice /lang, /timezone and
 * /start offer, whose own handlers save it. Every press reads the account afresh.
 */
export function profileFeature({ services }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command('profile', async (ctx) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const message = profileMessage(await services.accounts.getMe(account), ctx.locale);
    await replyHtml(ctx, message.text, message.keyboard);
  });

  onButton(composer, 'profile', async (ctx, { value }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const t = ctx.t;
    switch (value) {
      case 'view': {
        const message = profileMessage(await services.accounts.getMe(account), ctx.locale);
        await answerButton(ctx);
        return editHtml(ctx, message.text, message.keyboard);
      }
      case 'lang':
        await answerButton(ctx);
        return editHtml(ctx, t.lang.choose, withBack(languageKeyboard('set-lang'), t));
      case 'zone':
        await answerButton(ctx);
        return editHtml(ctx, t.timeZone.choose(zoneOf(account)), withBack(zoneKeyboard(), t));
      case 'roles':
        await answerButton(ctx);
        return editHtml(ctx, `${t.profile.role(rolesPhrase(account.roles, t))}\n\n${t.start.changeRoles}`, withBack(rolesKeyboard(t, null), t));
      default:
        return answerStaleButton(ctx);
    }
  });

  onButton(composer, 'profile-edit', async (ctx, { value }) => {
    if (!isProfilePart(value)) return answerStaleButton(ctx);
    if (!(await accountOrHint(ctx))) return;
    await answerButton(ctx);
    await enterConversation(ctx, 'profile', value, ctx.callbackQuery.message?.message_id ?? null);
  });

  return composer;
}
