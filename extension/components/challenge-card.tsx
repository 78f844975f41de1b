import { useState } from 'preact/hooks';
import { fieldLabel } from '../../shared/fields.js';
import { countdown, formatMoney } from '../../shared/format.js';
import type { Challenge } from '../../shared/schemas/challenge.js';
import type { MatchReason } from '../../shared/schemas/match.js';
import { date } from '../lib/format.js';
import { useExtension } from './context.js';
import { errorText, useNow } from './feedback.js';
import { MatchReasons } from './match-reasons.js';

export interface ChallengeCardProps {
  challenge: Challenge;
  /** The terms that made it a match, shown highlighted (Matches only), when no reasons say more. */
  matchedTerms?: readonly string[];
  /** Why it matched: which of the reader's interests, which terms, which translations (Matches only). */
  reasons?: readonly MatchReason[];
  onPropose: (challenge: Challenge) => void;
  /** Told after the server saved or unsaved the challenge. */
  onSavedChange?: (challengeId: string, saved: boolean) => void;
}

/**
 * One challenge at a glance: title, reward, a live deadline countdown and the fields; the summary; on demand
 * the full description. Save / Unsave act at once; Propose is offered when the server lists `bid` among the
 * reader's actions (it takes bids and the reader has no live bid on it).
 */
export function ChallengeCard({ challenge, matchedTerms, reasons, onPropose, onSavedChange }: ChallengeCardProps) {
  const { api, t, locale } = useExtension();
  const now = useNow();
  const [saved, setSaved] = useState(challenge.viewer?.saved ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  const left = countdown(challenge.deadline, now, locale);
  // The server computed `actions` when the list was fetched; a deadline passing while the card is shown ends bidding too.
  const mayBid = (challenge.actions?.includes('bid') ?? false) && !left.over;
  const hasBid = Boolean(challenge.viewer?.bidId);

  const toggleSave = async () => {
    setBusy(true);
    setError(null);
    try {
      if (saved) await api.unsave(challenge.id);
      else await api.save(challenge.id);
      setSaved(!saved);
      onSavedChange?.(challenge.id, !saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="card challenge" aria-label={challenge.title}>
      <header>
        <h3>
          <button type="button" class="title-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {challenge.title}
          </button>
        </h3>
        <div class="facts">
          <span class="reward" title={t.reward}>
            {formatMoney(challenge.reward, locale)}
          </span>
          <span class={left.urgent ? 'countdown urgent' : 'countdown'} title={`${t.deadline}: ${date(challenge.deadline, locale)}`}>
            {left.text}
          </span>
        </div>
      </header>
      <ul class="chips" aria-label={t.fields}>
        {challenge.fields.map((field) => (
          <li key={field} class="chip">
            {fieldLabel(field, locale)}
          </li>
        ))}
      </ul>
      {reasons && reasons.length > 0 ? (
        <MatchReasons reasons={reasons} />
      ) : (
        matchedTerms &&
        matchedTerms.length > 0 && (
          <div class="matched">
            <span class="muted">{t.matchedTerms}:</span>
            <ul class="terms">
              {matchedTerms.map((term) => (
                <li key={term}>
                  <mark class="term">{term}</mark>
                </li>
              ))}
            </ul>
          </div>
        )
      )}
      <p class="summary">{challenge.summary}</p>
      {open && (
        <div class="details">
          <p class="muted">
            {t.byOwner(challenge.owner.displayName, challenge.owner.organization)} · {t.challengeType[challenge.type]} · {t.ipTerms[challenge.ipTerms]}
          </p>
          {challenge.description && <p class="description">{challenge.description}</p>}
          {challenge.keywords.length > 0 && <p class="muted">{challenge.keywords.join(' · ')}</p>}
        </div>
      )}
      {error !== null && <p class="field-error">{errorText(error, t)}</p>}
      <footer class="actions">
        <button type="button" class="secondary" aria-pressed={saved} disabled={busy} onClick={toggleSave}>
          {saved ? t.unsave : t.save}
        </button>
        <button type="button" class="link" onClick={() => setOpen(!open)}>
          {open ? t.hideDetails : t.details}
        </button>
        {hasBid ? (
          <span class="muted">{t.yourBid}</span>
        ) : (
          mayBid && (
            <button type="button" class="primary" onClick={() => onPropose(challenge)}>
              {t.propose}
            </button>
          )
        )}
      </footer>
    </article>
  );
}
