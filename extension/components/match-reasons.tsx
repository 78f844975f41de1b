import type { MatchReason } from '../../shared/schemas/match.js';
import { useExtension } from './context.js';

/** A translation that made terms meet across languages, as the matching engine names it. */
interface ShownTranslation {
  term: string;
  translation: string;
}

/**
 * The translations a reason carries (`translations: [{ term, translation }]`), read tolerantly: the API may
 * add fields to a reason, and an older server sends none, so anything not of that shape is passed over.
 */
function translationsOf(reason: MatchReason): ShownTranslation[] {
  const listed = (reason as { translations?: unknown }).translations;
  if (!Array.isArray(listed)) return [];
  return listed.filter(
    (item): item is ShownTranslation =>
      typeof item === 'object' && item !== null && typeof (item as ShownTranslation).term === 'string' && typeof (item as ShownTranslation).translation === 'string',
  );
}

/**
 * Why a challenge matched: for each reason, which of the reader's interests (field, keyword, subscription or
 * clipped paper, by name), the terms that met and the translations that carried them across languages. Terms
 * wrap as chips, so a long list never widens a 320 px side panel.
 */
export function MatchReasons({ reasons }: { reasons: readonly MatchReason[] }) {
  const { t } = useExtension();
  return (
    <div class="why">
      <span class="muted">{t.whyMatched}</span>
      <ul class="plain reasons">
        {reasons.map((reason, index) => {
          const translations = translationsOf(reason);
          return (
            <li key={index} class="reason">
              <span class="reason-source">{t.reasonSource[reason.source] ?? reason.source}:</span> <span class="reason-label">{reason.label}</span>
              {reason.terms.length > 0 && (
                <ul class="terms" aria-label={t.matchedTerms}>
                  {reason.terms.map((term) => (
                    <li key={term}>
                      <mark class="term">{term}</mark>
                    </li>
                  ))}
                  {translations.map(({ term, translation }) => (
                    <li key={`${term}↔${translation}`}>
                      <mark class="term translated">{t.translatedAs(term, translation)}</mark>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
