import { useState } from 'preact/hooks';
import { useExtension } from './context.js';
import { ErrorNotice } from './feedback.js';

/** Loads the list's next page; absent on the last page. */
export function MoreButton({ list }: { list: { hasMore: boolean; more: () => Promise<void>; error: unknown; status: string } }) {
  const { t } = useExtension();
  const [busy, setBusy] = useState(false);
  if (!list.hasMore) return null;
  return (
    <div class="more">
      {list.status === 'ready' && list.error !== null && <ErrorNotice error={list.error} />}
      <button
        type="button"
        class="secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await list.more();
          setBusy(false);
        }}
      >
        {t.showMore}
      </button>
    </div>
  );
}
