import { useState } from 'preact/hooks';
import { FIELDS, type FieldId } from '../../shared/fields.js';
import { AchievementCreateInput, IpStatus, TransferMode, type Achievement } from '../../shared/schemas/achievement.js';
import type { PaperRecord } from '../../shared/schemas/paper.js';
import { achievementInput, draftErrors, draftFromPaper, schemaErrors, type AchievementDraft } from '../lib/achievement-draft.js';
import { ApiError } from '../lib/api.js';
import { serverFieldErrors, type FieldErrors } from '../lib/server-field-errors.js';
import { useExtension } from './context.js';
import { errorText } from './feedback.js';
import { Field } from './field.js';

export interface AchievementFormProps {
  /** The clipped paper the technology is offered from: it prefills the form and is its first reference. */
  paper: PaperRecord;
  /** Called once the achievement is stored: as a draft, or listed when `listed`. */
  onSaved: (achievement: Achievement, listed: boolean) => void;
  onCancel: () => void;
}

const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/**
 * "Offer as a technology": an achievement's form prefilled from a clipped paper, checked with the shared
 * `AchievementCreateInput` before anything is sent and shown with the server's own field issues the same
 * way. Saved as a draft, or listed at once. The typing stays in the form whatever the server says; a draft
 * already stored by an earlier try is updated rather than stored twice.
 */
export function AchievementForm({ paper, onSaved, onCancel }: AchievementFormProps) {
  const { api, t, locale } = useExtension();
  const [draft, setDraft] = useState<AchievementDraft>(() => draftFromPaper(paper));
  const [stored, setStored] = useState<Achievement | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<'draft' | 'list' | null>(null);

  const change = (patch: Partial<AchievementDraft>) => setDraft({ ...draft, ...patch });
  const toggle = <Item extends string>(items: readonly Item[], item: Item) => (items.includes(item) ? items.filter((i) => i !== item) : [...items, item]);

  const save = async (list: boolean) => {
    setFailure(null);
    const parsed = AchievementCreateInput.safeParse(achievementInput(draft));
    if (!parsed.success) {
      setErrors(schemaErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    setBusy(list ? 'list' : 'draft');
    try {
      let achievement = stored ? await api.updateAchievement(stored.id, parsed.data) : await api.createAchievement(parsed.data);
      setStored(achievement);
      if (list) achievement = await api.publishAchievement(achievement.id);
      onSaved(achievement, list);
    } catch (error) {
      setErrors(error instanceof ApiError && error.status === 422 ? draftErrors(serverFieldErrors(error.details), t) : {});
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;

  return (
    <form
      class="achievement-form"
      noValidate
      aria-label={t.offerTitle}
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
    >
      <h2>{t.offerTitle}</h2>
      <p class="muted">{t.offerFrom(paper.title)}</p>

      <Field label={t.achievementName} error={errors.title}>
        <input value={draft.title} onInput={(e) => change({ title: e.currentTarget.value })} />
      </Field>
      <Field label={t.summary} hint={t.achievementSummaryHint} error={errors.summary}>
        <textarea rows={4} value={draft.summary} onInput={(e) => change({ summary: e.currentTarget.value })} />
      </Field>
      <Field label={t.achievementDescription} error={errors.description}>
        <textarea rows={3} value={draft.description} onInput={(e) => change({ description: e.currentTarget.value })} />
      </Field>

      <fieldset class="choices" aria-describedby={errors.fields ? 'achievement-fields-error' : undefined}>
        <legend>{t.fields}</legend>
        {FIELDS.map((field) => (
          <label key={field.id} class="choice-chip">
            <input type="checkbox" checked={draft.fields.includes(field.id)} onChange={() => change({ fields: toggle<FieldId>(draft.fields, field.id) })} />{' '}
            {field[locale]}
          </label>
        ))}
        {errors.fields && <span id="achievement-fields-error" class="field-error">{errors.fields}</span>}
      </fieldset>
      <Field label={t.keywords} hint={t.keywordsHint} error={errors.keywords}>
        <input value={draft.keywords} onInput={(e) => change({ keywords: e.currentTarget.value })} />
      </Field>

      <div class="row">
        <Field label={t.trl} error={errors.trl}>
          <select value={draft.trl} onChange={(e) => change({ trl: e.currentTarget.value })}>
            <option value="">—</option>
            {TRL_LEVELS.map((level) => (
              <option key={level} value={String(level)}>
                {level}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.ipStatusLabel} error={errors.ipStatus}>
          <select value={draft.ipStatus} onChange={(e) => change({ ipStatus: e.currentTarget.value as IpStatus })}>
            {IpStatus.options.map((status) => (
              <option key={status} value={status}>
                {t.ipStatus[status]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p class="hint">{t.trlHint}</p>
      <Field label={t.patents} hint={t.patentsHint} error={errors.patents}>
        <input value={draft.patents} onInput={(e) => change({ patents: e.currentTarget.value })} />
      </Field>

      <fieldset class="choices" aria-describedby={errors.modes ? 'achievement-modes-error' : undefined}>
        <legend>{t.modes}</legend>
        {TransferMode.options.map((mode) => (
          <label key={mode} class="choice-chip">
            <input type="checkbox" checked={draft.modes.includes(mode)} onChange={() => change({ modes: toggle(draft.modes, mode) })} /> {t.transferMode[mode]}
          </label>
        ))}
        {errors.modes && <span id="achievement-modes-error" class="field-error">{errors.modes}</span>}
      </fieldset>

      <fieldset class="plain-fieldset">
        <legend class="label">{t.askingPrice}</legend>
        <label class="choice">
          <input type="checkbox" checked={draft.negotiable} onChange={() => change({ negotiable: !draft.negotiable })} /> {t.negotiable}
        </label>
        {!draft.negotiable && (
          <div class="row">
            <Field label={t.price} error={errors['askingPrice.amount'] ?? errors.askingPrice}>
              <input inputMode="decimal" value={draft.amount} onInput={(e) => change({ amount: e.currentTarget.value })} />
            </Field>
            <Field label={t.currency} error={errors['askingPrice.currency']} narrow>
              <input maxLength={3} value={draft.currency} onInput={(e) => change({ currency: e.currentTarget.value.toUpperCase() })} />
            </Field>
          </div>
        )}
      </fieldset>

      <Field label={t.institution} error={errors.institution}>
        <input value={draft.institution} onInput={(e) => change({ institution: e.currentTarget.value })} />
      </Field>
      <p class="muted">
        {t.references}: {paper.title}
      </p>

      {hasErrors && <p class="field-error" role="alert">{t.fixErrors}</p>}
      {failure !== null && !hasErrors && <p class="notice error" role="alert">{errorText(failure, t)}</p>}
      <div class="actions">
        <button type="button" class="primary" disabled={busy !== null} onClick={() => void save(true)}>
          {busy === 'list' ? t.submitting : t.listNow}
        </button>
        <button type="submit" class="secondary" disabled={busy !== null}>
          {busy === 'draft' ? t.saving : t.saveDraft}
        </button>
        <button type="button" class="link" onClick={onCancel}>
          {t.back}
        </button>
      </div>
    </form>
  );
}
