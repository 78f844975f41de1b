import { useState } from 'preact/hooks';
import type { PaperRecord } from '../../shared/schemas/paper.js';
import type { ClipOutcome } from '../lib/clip.js';
import { describeClip } from '../lib/clip.js';
import { useExtension } from './context.js';
import { errorText } from './feedback.js';
import { PaperEditForm } from './paper-edit-form.js';

/**
 * The result of the clip the popup made as it opened: the one-glance check of what was extracted and saved,
 * with the ways to put it right at once — Edit corrects the clip (a saved one or the one already kept),
 * Undo takes a just-saved paper out again. `onPaperChange` hears of either, so lists can follow.
 */
export function ClipStatus({ outcome, onDismiss, onPaperChange }: { outcome: ClipOutcome | 'pending'; onDismiss: () => void; onPaperChange?: () => void }) {
  const { api, t, locale } = useExtension();
  const [paper, setPaper] = useState<PaperRecord | null>(null);
  const [editing, setEditing] = useState(false);
  const [removed, setRemoved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (outcome === 'pending') {
    return (
      <div class="clip-status" role="status" aria-busy="true">
        {t.clipping}
      </div>
    );
  }
  // After a correction, the clip is described as the server now keeps it.
  const shown: ClipOutcome = outcome.kind === 'saved' || outcome.kind === 'duplicate' ? { ...outcome, paper: paper ?? outcome.paper } : outcome;
  const kept = shown.kind === 'saved' || shown.kind === 'duplicate' ? shown.paper : null;
  const description = describeClip(shown, t, locale);

  const undo = async () => {
    if (!kept) return;
    setError(null);
    try {
      await api.deletePaper(kept.id);
      setRemoved(true);
      onPaperChange?.();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div class={`clip-status ${removed ? 'warn' : description.tone}`} role="status">
      <div class="clip-head">
        <strong>{removed ? t.clipRemoved : description.heading}</strong>
        <button type="button" class="link close" aria-label={t.close} onClick={onDismiss}>
          ×
        </button>
      </div>
      {!removed && description.body && <p class="hint">{description.body}</p>}
      {!removed && kept && editing ? (
        <PaperEditForm
          paper={kept}
          onSaved={(updated) => {
            setPaper(updated);
            setEditing(false);
            onPaperChange?.();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        !removed &&
        description.paper && (
          <div class="clip-paper">
            <div class="reference-title">{description.paper.title}</div>
            {description.paper.authors && <div class="muted">{description.paper.authors}</div>}
            {description.paper.detail && <div class="muted">{description.paper.detail}</div>}
            {description.paper.quote && (
              // Scrolls within a few lines rather than pushing the popup's lists out of sight; focusable so
              // a keyboard can scroll it too.
              <blockquote class="clip-quote" tabIndex={0} aria-label={t.quote}>
                {description.paper.quote}
              </blockquote>
            )}
            {kept && (
              <div class="actions">
                <button type="button" class="secondary" onClick={() => setEditing(true)}>
                  {t.edit}
                </button>
                {outcome.kind === 'saved' && (
                  <button type="button" class="link danger" onClick={undo}>
                    {t.undo}
                  </button>
                )}
              </div>
            )}
          </div>
        )
      )}
      {error !== null && <p class="field-error" role="alert">{errorText(error, t)}</p>}
    </div>
  );
}
