import { useState } from 'preact/hooks';
import type { PaperRecord } from '../../shared/schemas/paper.js';
import { ServerUnreachableError } from '../lib/api.js';
import { lastClipItem } from '../lib/clip.js';
import { clipQueueItem } from '../lib/clip-queue.js';
import { authorLine, paperDetail } from '../lib/format.js';
import { askBackground } from '../lib/messages.js';
import { cachedPapersFor, keepForOffline, papersCacheItem } from '../lib/papers-cache.js';
import { sessionItem } from '../lib/session.js';
import { useExtension, usePagedList, useStorageValue } from './context.js';
import { Empty, ErrorNotice, Loading, errorText } from './feedback.js';
import { MoreButton } from './more-button.js';
import { PaperEditForm } from './paper-edit-form.js';

export interface PapersTabProps {
  /** Ids of the papers ticked "Cite": the references a new proposal starts with. */
  chosen: ReadonlySet<string>;
  onChosenChange: (chosen: Set<string>) => void;
  /** Changes when a paper was corrected or removed elsewhere on the page (the popup's clip status). */
  changes?: number;
  /** "Offer as a technology": opens the achievement form prefilled from the clip. */
  onOffer?: (paper: PaperRecord) => void;
}

/**
 * The reader's clipped papers, newest first, refreshed whenever a clip lands; clips still waiting in the
 * offline queue are listed above them. Ticking "Cite" chooses a paper as a reference for proposals; Edit
 * corrects a clip. The first page is kept on the device, so with the server out of reach the papers
 * already clipped are still listed (to read and cite, not to change).
 */
export function PapersTab({ chosen, onChosenChange, changes = 0, onOffer }: PapersTabProps) {
  const { api, t } = useExtension();
  const lastClip = useStorageValue(lastClipItem).value;
  const queue = useStorageValue(clipQueueItem).value ?? [];
  const session = useStorageValue(sessionItem).value;
  const cache = useStorageValue(papersCacheItem);
  const list = usePagedList(async (cursor) => {
    const page = await api.papers({ limit: 50, ...(cursor ? { cursor } : {}) });
    if (!cursor) await keepForOffline(await sessionItem.getValue(), page.items);
    return page;
  }, [lastClip?.at, queue.length, changes]);
  const [actionError, setActionError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);

  const toggle = (paper: PaperRecord) => {
    const next = new Set(chosen);
    if (next.has(paper.id)) next.delete(paper.id);
    else next.add(paper.id);
    onChosenChange(next);
  };

  const remove = async (paper: PaperRecord) => {
    setActionError(null);
    try {
      await api.deletePaper(paper.id);
      list.update((items) => items.filter((item) => item.id !== paper.id));
      if (chosen.has(paper.id)) onChosenChange(new Set([...chosen].filter((id) => id !== paper.id)));
    } catch (error) {
      setActionError(error);
    }
  };

  const sendNow = async () => {
    setSending(true);
    setActionError(null);
    try {
      await askBackground('flush-clips', {});
    } catch (error) {
      setActionError(error);
    } finally {
      setSending(false);
    }
  };

  const offline = list.status === 'error' && list.items.length === 0 && list.error instanceof ServerUnreachableError;
  const cached = offline ? cachedPapersFor(cache.value, session?.account.id, session?.serverUrl) : [];

  const cards = (papers: readonly PaperRecord[], editable: boolean) =>
    papers.map((paper) => (
      <article key={paper.id} class="card paper" aria-label={paper.title}>
        {editing === paper.id ? (
          <PaperEditForm
            paper={paper}
            onSaved={(updated) => {
              list.update((items) => items.map((item) => (item.id === updated.id ? updated : item)));
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <>
            <header>
              <h3>
                <a href={paper.url} target="_blank" rel="noreferrer">
                  {paper.title}
                </a>
              </h3>
              <label class="cite">
                <input type="checkbox" checked={chosen.has(paper.id)} onChange={() => toggle(paper)} /> {t.cite}
              </label>
            </header>
            {paper.authors.length > 0 && <p class="muted">{authorLine(paper.authors, t)}</p>}
            <p class="muted">{paperDetail(paper)}</p>
            {paper.quote && <blockquote>{paper.quote}</blockquote>}
            {paper.note && <p class="note">{paper.note}</p>}
            {paper.tags && paper.tags.length > 0 && (
              <ul class="chips" aria-label={t.paperTags}>
                {paper.tags.map((tag) => (
                  <li key={tag} class="chip">
                    {tag}
                  </li>
                ))}
              </ul>
            )}
            {editable && (
              <footer class="actions">
                <button type="button" class="secondary" onClick={() => setEditing(paper.id)}>
                  {t.edit}
                </button>
                {onOffer && (
                  <button type="button" class="secondary" onClick={() => onOffer(paper)}>
                    {t.offerTechnology}
                  </button>
                )}
                <button type="button" class="link danger" onClick={() => remove(paper)}>
                  {t.remove}
                </button>
              </footer>
            )}
          </>
        )}
      </article>
    ));

  return (
    <section aria-label={t.tabPapers}>
      {queue.length > 0 && (
        <div class="notice warn">
          <strong>{t.pendingClips(queue.length)}</strong>
          <p class="hint">{t.pendingClipsBody}</p>
          <ul class="plain">
            {queue.map((clip) => (
              <li key={clip.id}>{clip.paper.title}</li>
            ))}
          </ul>
          <button type="button" class="secondary" disabled={sending} onClick={sendNow}>
            {t.sendNow}
          </button>
        </div>
      )}
      {actionError !== null && <p class="field-error">{errorText(actionError, t)}</p>}
      {list.status === 'loading' && list.items.length === 0 ? (
        <Loading />
      ) : cached.length > 0 ? (
        <>
          <ErrorNotice error={list.error} onRetry={list.reload} />
          <p class="notice warn">{t.offlinePapers}</p>
          {cards(cached, false)}
        </>
      ) : list.status === 'error' && list.items.length === 0 ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <Empty>{t.emptyPapers}</Empty>
      ) : (
        <>
          <p class="hint">{t.citeHint}</p>
          {cards(list.items, true)}
          <MoreButton list={list} />
        </>
      )}
    </section>
  );
}
