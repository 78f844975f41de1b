import { useState } from 'preact/hooks';
import type { PaperRecord } from '../../shared/schemas/paper.js';
import { lastClipItem } from '../lib/clip.js';
import { clipQueueItem } from '../lib/clip-queue.js';
import { authorLine, paperDetail } from '../lib/format.js';
import { askBackground } from '../lib/messages.js';
import { useExtension, usePagedList, useStorageValue } from './context.js';
import { Empty, ErrorNotice, Loading, errorText } from './feedback.js';
import { MoreButton } from './more-button.js';

export interface PapersTabProps {
  /** Ids of the papers ticked "Cite": the references a new proposal starts with. */
  chosen: ReadonlySet<string>;
  onChosenChange: (chosen: Set<string>) => void;
}

/**
 * The reader's clipped papers, newest first, refreshed whenever a clip lands; clips still waiting in the
 * offline queue are listed above them. Ticking "Cite" chooses a paper as a reference for proposals.
 */
export function PapersTab({ chosen, onChosenChange }: PapersTabProps) {
  const { api, t } = useExtension();
  const lastClip = useStorageValue(lastClipItem).value;
  const queue = useStorageValue(clipQueueItem).value ?? [];
  const list = usePagedList((cursor) => api.papers({ limit: 50, ...(cursor ? { cursor } : {}) }), [lastClip?.at, queue.length]);
  const [actionError, setActionError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

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
      ) : list.status === 'error' && list.items.length === 0 ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <Empty>{t.emptyPapers}</Empty>
      ) : (
        <>
          <p class="hint">{t.citeHint}</p>
          {list.items.map((paper) => (
            <article key={paper.id} class="card paper" aria-label={paper.title}>
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
              <footer class="actions">
                <button type="button" class="link danger" onClick={() => remove(paper)}>
                  {t.remove}
                </button>
              </footer>
            </article>
          ))}
          <MoreButton list={list} />
        </>
      )}
    </section>
  );
}
