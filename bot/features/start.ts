import { Composer } from 'grammy';
import type { Role } from '../../shared/schemas/account.js';
import { DomainError } from '../../server/domain/errors.js';
import type { RoleChoice } from '../callback-data.js';
import { displayNameOf, identityOf, type BotAccount, type BotContext, type BotDeps } from '../context.js';
import { accountOrHint, answerButton, editHtml, onButton, replyHtml } from '../handler-kit.js';
import { messagesFor, type Messages } from '../i18n.js';
import { rolesKeyboard, welcomeKeyboard } from '../keyboards.js';

const ROLES_OF: Record<RoleChoice, Role[]> = {
  researcher: ['researcher'],
  enterprise: ['enterprise'],
  both: ['researcher', 'enterprise'],
};

/** The roles of an account as one phrase ("researcher and enterprise"). */
export function rolesPhrase(roles: readonly Role[], t: Messages): string {
  const both = roles.includes('researcher') && roles.includes('enterprise');
  return both ? t.roles.both : roles.includes('enterprise') ? t.roles.enterprise : t.roles.researcher;
}

/** What to do next, for the roles just taken. */
function nextSteps(roles: readonly Role[], t: Messages): string {
  return [roles.includes('researcher') ? t.start.nextResearcher : '', roles.includes('enterprise') ? t.start.nextEnterprise : '']
    .filter(Boolean)
    .join('\n\n');
}

async function welcomeBack(ctx: BotContext, account: BotAccount): Promise<void> {
  const t = messagesFor(account.locale);
  await replyHtml(ctx, `${t.start.welcomeBack(account.displayName, rolesPhrase(account.roles, t))}\n\n${t.start.changeRoles}`, rolesKeyboard(t, null));
}

/**
 * /start: a new Telegram user is greeted in their Telegram app's language (zh* → Chinese) and picks
 * researcher / enterprise / both — one tap, no form; English / 中文 under the roles switches the welcome
 * for someone who prefers the other. Someone with an account — registered here or linked with /link — is greeted back
 * and can change their roles.
 */
export function startFeature({ services }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command('start', async (ctx) => {
    if (ctx.account) return welcomeBack(ctx, ctx.account);
    await replyHtml(ctx, ctx.t.start.welcome, welcomeKeyboard(ctx.locale));
  });

  onButton(composer, 'start-lang', async (ctx, { locale }) => {
    await answerButton(ctx);
    if (ctx.account) return welcomeBack(ctx, ctx.account);
    await editHtml(ctx, messagesFor(locale).start.welcome, welcomeKeyboard(locale));
  });

  onButton(composer, 'start-roles', async (ctx, { locale, roles }) => {
    await answerButton(ctx);
    if (ctx.account) return welcomeBack(ctx, ctx.account);
    const identity = identityOf(ctx);
    if (!identity) return;
    let account: BotAccount;
    try {
      account = await services.accounts.registerTelegram(identity, { displayName: displayNameOf(ctx), roles: ROLES_OF[roles], locale });
    } catch (error) {
      // A double tap registered them a moment ago: greet the account that exists.
      const existing = error instanceof DomainError && error.code === 'conflict' ? await services.accounts.findByTelegram(identity.userId) : undefined;
      if (!existing) throw error;
      return welcomeBack(ctx, existing);
    }
    const t = messagesFor(account.locale);
    await editHtml(ctx, t.start.registered(account.displayName, rolesPhrase(account.roles, t)));
    await replyHtml(ctx, `${nextSteps(account.roles, t)}\n\n${t.start.linkHint}`);
  });

  onButton(composer, 'set-roles', async (ctx, { roles }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const updated = await services.accounts.updateMe(account, { roles: ROLES_OF[roles] });
    await answerButton(ctx);
    await editHtml(ctx, `${ctx.t.start.rolesUpdated(rolesPhrase(updated.roles, ctx.t))}\n\n${nextSteps(updated.roles, ctx.t)}`);
  });

  return composer;
}
