import { Composer, InlineKeyboard } from 'grammy';
import type { SessionSummary } from '../../server/domain/accounts.js';
import { DomainError } from '../../server/domain/errors.js';
import { zoneOf } from '../../shared/time-zone.js';
import { packCallback as cb, type CallbackData } from '../callback-data.js';
import type { BotAccount, BotContext, BotDeps } from '../context.js';
import { formatDateTime } from '../format-challenge.js';
import { accountOrHint, answerButton, editHtml, onButton } from '../handler-kit.js';
import type { Messages } from '../i18n.js';
import { PAGE_SIZE, showList } from '../lists.js';

/** A sign-in's label in words: the server's own labels translated, anything else as it was given. */
const labelOf = (session: SessionSummary, t: Messages) => t.sessions.labels[session.label] ?? session.label;

/** Yes (`yes`) or "No, keep it", which brings back the list page the question was asked on. */
function confirmOnList(yes: { label: string; data: CallbackData }, offset: number, t: Messages): InlineKeyboard {
  return new InlineKeyboard().text(yes.label, cb(yes.data)).row().text(t.confirm.keep, cb({ action: 'page', list: 'sessions', offset, memo: '-' }));
}

/**
 * One page of /sessions as one message: each live API token (the extension's sign-ins by /connect code or
 * password, and any other) by its label, when it was made and last used in the account's zone, 🚪 n to
 * sign it out, and Sign out everywhere. Never a token's secret: the services keep only its hash.
 */
export async function showSessions(ctx: BotContext, { services }: BotDeps, offset: number, inPlace = false): Promise<void> {
  const account = await accountOrHint(ctx);
  if (!account) return;
  const t = ctx.t;
  const sessions = await services.accounts.listSessions(account);
  // A page emptied by sign-outs shows the one before it rather than "expired".
  const at = offset >= sessions.length ? Math.max(0, Math.ceil(sessions.length / PAGE_SIZE) - 1) * PAGE_SIZE : offset;
  const items = sessions.slice(at, at + PAGE_SIZE);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, ctx.locale, zoneOf(account)) : t.sessions.never);
  await showList(ctx, { items, more: sessions.length > at + PAGE_SIZE }, {
    offset: at,
    inPlace,
    header: (from, to) => t.sessions.header(from, to, sessions.length),
    empty: t.sessions.none,
    entry: (session) => ({
      lines: t.sessions.entry(labelOf(session, t), when(session.createdAt), when(session.lastUsedAt)),
      open: { action: 'session-revoke', tokenId: session.id, confirmed: false, offset: at },
      label: t.sessions.revoke(at + items.indexOf(session) + 1),
    }),
    page: (next) => ({ action: 'page', list: 'sessions', offset: next, memo: '-' }),
    ...(sessions.length > 0 ? { extra: [{ label: t.sessions.revokeAll, data: { action: 'sessions-revoke-all', confirmed: false } as const }] } : {}),
  });
}

/** The account's sign-in `tokenId`, read afresh; undefined once it is signed out (or was never theirs). */
async function liveSession(deps: BotDeps, account: BotAccount, tokenId: string): Promise<SessionSummary | undefined> {
  return (await deps.services.accounts.listSessions(account)).find((s) => s.id === tokenId);
}

/**
 * /sessions: the extension and API sign-ins of the account, each revoked after a question asked in the
 * list's own message, or all of them (Sign out everywhere: the service POST /api/auth/logout-all uses). The
 * Telegram link is not a token, so this chat stays linked. The list is edited in place after each.
 */
export function sessionsFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const composer = new Composer<BotContext>();

  composer.command('sessions', (ctx) => showSessions(ctx, deps, 0));

  onButton(composer, 'session-revoke', async (ctx, { tokenId, confirmed, offset }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const t = ctx.t;
    const session = await liveSession(deps, account, tokenId);
    if (!session) {
      await answerButton(ctx, t.sessions.gone, true);
      return showSessions(ctx, deps, offset, true);
    }
    if (!confirmed) {
      await answerButton(ctx);
      const question = t.sessions.confirmRevoke(labelOf(session, t), formatDateTime(session.createdAt, ctx.locale, zoneOf(account)));
      return editHtml(ctx, question, confirmOnList({ label: t.sessions.yesRevoke, data: { action: 'session-revoke', tokenId, confirmed: true, offset } }, offset, t));
    }
    try {
      await services.accounts.revokeSession(account, tokenId);
      await answerButton(ctx, t.sessions.revoked);
    } catch (error) {
      // Signed out a moment ago from elsewhere (the extension, logout-all): the list below shows it gone.
      if (!(error instanceof DomainError && error.code === 'not_found')) throw error;
      await answerButton(ctx, t.sessions.gone, true);
    }
    await showSessions(ctx, deps, offset, true);
  });

  onButton(composer, 'sessions-revoke-all', async (ctx, { confirmed }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const t = ctx.t;
    const count = (await services.accounts.listSessions(account)).length;
    if (count === 0) {
      await answerButton(ctx, t.sessions.noneToRevoke, true);
      return showSessions(ctx, deps, 0, true);
    }
    if (!confirmed) {
      await answerButton(ctx);
      return editHtml(ctx, t.sessions.confirmRevokeAll(count), confirmOnList({ label: t.sessions.yesRevokeAll, data: { action: 'sessions-revoke-all', confirmed: true } }, 0, t));
    }
    await services.accounts.logoutEverywhere(account);
    await answerButton(ctx, t.sessions.revokedAll);
    await showSessions(ctx, deps, 0, true);
  });

  return composer;
}
