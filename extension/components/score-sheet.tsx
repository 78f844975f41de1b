import { useState } from 'preact/hooks';
import type { ScoreSheet, ScoresInput } from '../../shared/schemas/review.js';
import type { Criterion } from '../../shared/schemas/rubric.js';
import { useExtension } from './context.js';
import { errorText } from './feedback.js';
import { Field } from './field.js';

export interface ScoreSheetFormProps {
  rubric: readonly Criterion[];
  /** The sheet the reviewer saved before, shown as the starting point; null for a bid not scored yet. */
  saved: ScoreSheet | null;
  onSave: (scores: ScoresInput) => Promise<ScoreSheet>;
}

interface Draft {
  score: number | null;
  comment: string;
}

function draftsFrom(rubric: readonly Criterion[], saved: ScoreSheet | null): Draft[] {
  return rubric.map((criterion) => {
    const entry = saved?.scores.find((s) => s.criterion.toLowerCase() === criterion.name.toLowerCase());
    return { score: entry?.score ?? null, comment: entry?.comment ?? '' };
  });
}

const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

/**
 * A reviewer's score sheet: per criterion of the rubric, its description and weight, one radio group over
 * the criterion's scale (native radios: Tab reaches the group, the arrow keys choose) and an optional
 * comment. Save stays disabled, and says which criteria are missing, until every one is scored, as the server
 * takes only whole sheets; a failed save keeps everything typed.
 */
export function ScoreSheetForm({ rubric, saved, onSave }: ScoreSheetFormProps) {
  const { t } = useExtension();
  const [drafts, setDrafts] = useState<Draft[]>(() => draftsFrom(rubric, saved));
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [savedNow, setSavedNow] = useState(false);

  if (rubric.length === 0) return <p class="muted">{t.noRubric}</p>;

  const change = (index: number, patch: Partial<Draft>) => {
    setSavedNow(false);
    setDrafts(drafts.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  };
  const missing = rubric.filter((_, i) => drafts[i]!.score === null).map((c) => c.name);
  const input: ScoresInput = rubric.map((criterion, i) => ({ criterion: criterion.name, score: drafts[i]!.score ?? 0, comment: drafts[i]!.comment.trim() }));
  // Whole scores on each criterion's own scale and capped comments by construction: what is left to check is
  // that none is missing. The zod schema stays out of this eagerly loaded tab (see useProposeForm).
  const valid = missing.length === 0;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!valid) return;
    setFailure(null);
    setSaving(true);
    try {
      await onSave(input);
      setSavedNow(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="score-sheet" onSubmit={submit} noValidate aria-label={t.scoreSheet}>
      <h3>{t.scoreSheet}</h3>
      {rubric.map((criterion, index) => {
        const { min, max } = criterion.scale;
        const draft = drafts[index]!;
        const descriptionId = `criterion-${index}-description`;
        return (
          <fieldset key={criterion.name} class="criterion" aria-describedby={criterion.description ? descriptionId : undefined}>
            <legend>
              {criterion.name} <span class="muted">· {t.weight(criterion.weight)}</span>
            </legend>
            {criterion.description && (
              <p id={descriptionId} class="hint">
                {criterion.description}
              </p>
            )}
            <div class="scale" role="radiogroup" aria-label={criterion.name}>
              {range(min, max).map((score) => (
                <label key={score} class={draft.score === score ? 'score chosen' : 'score'}>
                  <input type="radio" name={`score-${index}`} value={score} checked={draft.score === score} onChange={() => change(index, { score })} />
                  <span>
                    {score}
                    {t.scoreLabel[score] && <span class="score-label"> {t.scoreLabel[score]}</span>}
                  </span>
                </label>
              ))}
            </div>
            <Field label={t.criterionComment(criterion.name)}>
              <textarea rows={2} maxLength={2000} value={draft.comment} onInput={(e) => change(index, { comment: e.currentTarget.value })} />
            </Field>
          </fieldset>
        );
      })}
      {missing.length > 0 && (
        <p class="hint" aria-live="polite">
          {t.scoresMissing(missing.join(', '))}
        </p>
      )}
      {failure !== null && (
        <p class="notice error" role="alert">
          {errorText(failure, t)}
        </p>
      )}
      {savedNow && (
        <p class="verified" role="status">
          {t.scoresSaved}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={!valid || saving}>
          {saving ? t.saving : t.saveScores}
        </button>
      </div>
    </form>
  );
}
