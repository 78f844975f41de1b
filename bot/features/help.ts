import { Composer } from 'grammy';
import type { BotAccount, BotContext } from '../context.js';
import { replyHtml } from '../handler-kit.js';
import type { Messages } from '../i18n.js';

/** The help text for an account (its roles' sections first) or for a visitor (everything). */
export function helpText(account: BotAccount | null, t: Messages): string {
  const roles = account?.roles ?? ['researcher', 'enterprise'];
  const sections = [t.help.intro];
  if (roles.includes('researcher')) sections.push(t.help.researcher);
  if (roles.includes('enterprise')) sections.push(t.help.enterprise);
  // Both sides use the catalogue: researchers list what they have, enterprises enquire.
  sections.push(t.help.catalogue);
  // Anyone may be invited to review, whatever their roles.
  sections.push(t.help.reviewer);
  sections.push(t.help.account);
  // The card buttons (Save, Propose, Ask) are a researcher's: an enterprise's help does not end with them.
  if (roles.includes('researcher')) sections.push(t.help.cards);
  if (!account) sections.push(t.errors.notRegistered);
  return sections.join('\n\n');
}

/** /help: what the bot can do, for the roles the person has. */
export function helpFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('help', (ctx) => replyHtml(ctx, helpText(ctx.account, ctx.t)));
  return composer;
}
