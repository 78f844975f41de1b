import { useEffect } from 'preact/hooks';
import type { BidStatus } from '../../shared/schemas/bid.js';
import { dateTime } from '../lib/format.js';
import { useExtension, useResource } from './context.js';
import { Empty, ErrorNotice, Loading } from './feedback.js';

/**
 * The reader's notifications, newest first. Those shown unread are marked read on the server as the panel
 * opens (they have now been seen), and `onUnreadChange` gets the count that remains, for the badge.
 */
export function AlertsPanel({ onUnreadChange }: { onUnreadChange: (unread: number) => void }) {
  const { api, t, locale } = useExtension();
  const page = useResource(() => api.notifications({ limit: 30 }), []);

  useEffect(() => {
    if (page.status !== 'ready') return;
    const unseen = page.data.items.filter((item) => !item.read).map((item) => item.id);
    if (unseen.length === 0) {
      onUnreadChange(page.data.unread);
      return;
    }
    api.markRead({ ids: unseen }).then(
      (result) => onUnreadChange(result.unread),
      () => undefined,
    );
  }, [page.status]);

  if (page.status === 'loading' && !page.data) return <Loading />;
  if (page.status === 'error' && !page.data) return <ErrorNotice error={page.error} onRetry={page.reload} />;
  const items = page.data?.items ?? [];
  if (items.length === 0) return <Empty>{t.noAlerts}</Empty>;
  return (
    <section aria-label={t.alerts}>
      <ul class="plain alerts">
        {items.map((item) => (
          <li key={item.id} class={item.read ? 'alert' : 'alert unread'}>
            <strong>
              {t.notificationKind[item.kind]}
              {item.bidStatus ? `: ${t.bidStatus[item.bidStatus as BidStatus] ?? item.bidStatus}` : ''}
            </strong>
            <div>{item.challengeTitle}</div>
            <time class="muted" dateTime={item.createdAt}>
              {dateTime(item.createdAt, locale)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}
