import { Composer } from 'grammy';
import type { Services } from '../../server/domain/services.js';
import type { PageQuery } from '../../shared/schemas/common.js';
import type { Notification, NotificationListQuery } from '../../shared/schemas/notification.js';
import { zoneOf } from '../../shared/time-zone.js';
import type { BotAccount, BotContext, BotDeps } from '../context.js';
import { formatDateTime } from '../format-challenge.js';
import { accountOrHint, answerButton, onButton } from '../handler-kit.js';
import { notificationLine } from '../render-notification.js';
import { PAGE_SIZE, pageAt, showList } from '../lists.js';

/**
 * Items `offset …` of the account's notifications with the unread ones first, each part newest first, and
 * how many are unread. The services list either all or the unread; the read part is the rest of all.
 */
async function unreadFirstPage(services: Services, account: BotAccount, offset: number) {
  const list = (query: NotificationListQuery) => services.notifications.list(account, query);
  const { unread } = await list({ limit: 1, unread: true });
  const fromUnread = offset < unread ? await pageAt((q) => list({ ...q, unread: true }), offset) : { items: [], more: false };
  if (fromUnread.more) return { page: fromUnread, unread };
  const readOnly = async (q: PageQuery) => {
    const page = await list({ ...q, unread: false });
    return { ...page, items: page.items.filter((n) => n.read) };
  };
  const fromRead = await pageAt(readOnly, Math.max(0, offset - unread), PAGE_SIZE - fromUnread.items.length);
  return { page: { items: [...fromUnread.items, ...fromRead.items], more: fromRead.more }, unread };
}

/**
 * One page of /notifications as one message: a line each (render-notification.ts's one-line form, the
 * time in the account's zone, 🔵 while unread), ✓ n under each unread one to mark it read, and Mark all read.
 */
export async function showNotifications(ctx: BotContext, { services }: BotDeps, offset: number, inPlace = false): Promise<void> {
  const account = await accountOrHint(ctx);
  if (!account) return;
  const t = ctx.t;
  const { page, unread } = await unreadFirstPage(services, account, offset);
  const number = (n: Notification) => offset + page.items.indexOf(n) + 1;
  await showList(ctx, page, {
    offset,
    inPlace,
    header: (from, to) => t.notifications.header(from, to, unread),
    empty: t.notifications.none,
    entry: (n) => ({
      lines: `${n.read ? '' : `${t.notifications.unreadMark} `}${notificationLine(n, t)}\n<i>${formatDateTime(n.createdAt, ctx.locale, zoneOf(account))}</i>`,
      open: n.read ? null : { action: 'notification-read', notificationId: n.id, offset },
      label: t.notifications.markRead(number(n)),
    }),
    page: (at) => ({ action: 'page', list: 'notifications', offset: at, memo: '-' }),
    ...(unread > 0 ? { extra: [{ label: t.notifications.markAllRead, data: { action: 'notifications-read-all', offset } as const }] } : {}),
  });
}

/**
 * /notifications: what the person was notified of, unread first, as one list message; marking one or all
 * read goes through the service POST /api/me/notifications/read uses, and the list is edited in place.
 */
export function notificationsFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const composer = new Composer<BotContext>();

  composer.command('notifications', (ctx) => showNotifications(ctx, deps, 0));

  onButton(composer, 'notification-read', async (ctx, { notificationId, offset }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const { updated } = await services.notifications.markRead(account, { ids: [notificationId] });
    await answerButton(ctx, updated > 0 ? ctx.t.notifications.markedToast : ctx.t.notifications.alreadyRead, updated === 0);
    await showNotifications(ctx, deps, offset, true);
  });

  onButton(composer, 'notifications-read-all', async (ctx, { offset }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const { updated } = await services.notifications.markRead(account, { all: true });
    await answerButton(ctx, ctx.t.notifications.allMarkedToast(updated));
    await showNotifications(ctx, deps, offset, true);
  });

  return composer;
}
