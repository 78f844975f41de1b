import type { ClipOutcome } from '../lib/clip.js';
import { describeClip } from '../lib/clip.js';
import { useExtension } from './context.js';

/** The result of the clip the popup made as it opened: the one-glance check of what was extracted and saved. */
export function ClipStatus({ outcome, onDismiss }: { outcome: ClipOutcome | 'pending'; onDismiss: () => void }) {
  const { t, locale } = useExtension();
  if (outcome === 'pending') {
    return (
      <div class="clip-status" role="status" aria-busy="true">
        {t.clipping}
      </div>
    );
  }
  const description = describeClip(outcome, t, locale);
  return (
    <div class={`clip-status ${description.tone}`} role="status">
      <div class="clip-head">
        <strong>{description.heading}</strong>
        <button type="button" class="link close" aria-label={t.close} onClick={onDismiss}>
          ×
        </button>
      </div>
      {description.body && <p class="hint">{description.body}</p>}
      {description.paper && (
        <div class="clip-paper">
          <div class="reference-title">{description.paper.title}</div>
          {description.paper.authors && <div class="muted">{description.paper.authors}</div>}
          {description.paper.detail && <div class="muted">{description.paper.detail}</div>}
          {description.paper.quote && <blockquote>{description.paper.quote}</blockquote>}
        </div>
      )}
    </div>
  );
}
