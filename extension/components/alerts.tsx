import { useEffect, useRef } from 'preact/hooks';
import type { BidStatus } from '../../shared/schemas/bid.js';
import { dateTime } from '../lib/format.js';
import { useExtension, useResource } from './context.js';
import { Empty, ErrorNotice, Loading } from './feedback.js';

export interface AlertsPanelProps {
  onUnreadChange: (unread: number) => void;
  /** Back, or Escape anywhere on the page. */
  onClose: () => void;
  /** The server whose public board page of each challenge an alert links to. */
  serverUrl: string;
}

/**
 * The reader's notifications, newest first, each linking to its challenge on the board. Those shown unread
 * are marked read on the server as the panel opens (they have now been seen), and `onUnreadChange` gets the
 * count that remains, for the badge. The heading takes the focus as it opens, so a screen reader lands on it.
 */
export function AlertsPanel({ onUnreadChange, onClose, serverUrl }: AlertsPanelProps) {
  const { api, t, locale } = useExtension();
  const page = useResource(() => api.notifications({ limit: 30 }), []);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

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

  const items = page.data?.items ?? [];
  const base = serverUrl.replace(/\/+$/, '');
  return (
    <section class="alerts-view" aria-labelledby="alerts-heading">
      <div class="alerts-head">
        <button type="button" class="secondary" onClick={onClose}>
          ← {t.back}
        </button>
        <h2 id="alerts-heading" tabIndex={-1} ref={heading}>
          {t.alerts}
        </h2>
      </div>
      {page.status === 'loading' && !page.data ? (
        <Loading />
      ) : page.status === 'error' && !page.data ? (
        <ErrorNotice error={page.error} onRetry={page.reload} />
      ) : items.length === 0 ? (
        <Empty>{t.noAlerts}</Empty>
      ) : (
        <ul class="plain alerts">
          {items.map((item) => (
            <li key={item.id} class={item.read ? 'alert' : 'alert unread'}>
              <strong>
                {t.notificationKind[item.kind]}
                {item.bidStatus ? `: ${t.bidStatus[item.bidStatus as BidStatus] ?? item.bidStatus}` : ''}
              </strong>
              <div>
                <a
                  href={item.challengeId ? `${base}/challenges/${encodeURIComponent(item.challengeId)}` : `${base}/achievements/${encodeURIComponent(item.achievementId ?? '')}`} target="_blank" rel="noreferrer" title={t.openChallenge}>
                  {item.challengeTitle}
                </a>
              </div>
              <time class="muted" dateTime={item.createdAt}>
                {dateTime(item.createdAt, locale)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
