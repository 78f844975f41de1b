import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperRecord } from '../../shared/schemas/paper.js';
import { ApiError } from '../lib/api.js';
import { draftOf, patchFrom, type PaperDraft } from '../lib/paper-edit.js';
import { serverFieldErrors, type FieldErrors } from '../lib/server-field-errors.js';
import { useExtension } from './context.js';
import { errorText } from './feedback.js';
import { Field } from './field.js';

export interface PaperEditFormProps {
  paper: PaperRecord;
  /** Told with the paper as the server now keeps it. */
  onSaved: (paper: PaperRecord) => void;
  onCancel: () => void;
}

/**
 * Corrects a clip (`PATCH /api/me/papers/:id`): title, authors (one per line), year and venue, plus the
 * researcher's note and tags. Opened right after a clip in the popup, and later from Papers. The title field
 * takes the focus as it opens; the server judges the rest, and its field errors show beside each field.
 */
export function PaperEditForm({ paper, onSaved, onCancel }: PaperEditFormProps) {
  const { api, t } = useExtension();
  const [draft, setDraft] = useState<PaperDraft>(() => draftOf(paper));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const title = useRef<HTMLInputElement>(null);
  useEffect(() => title.current?.focus(), []);

  const change = (field: keyof PaperDraft) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [field]: event.currentTarget.value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (draft.title.trim() === '') local.title = t.errorRequired;
    const year = draft.year.trim();
    if (year !== '' && !/^\d{4}$/.test(year)) local.year = t.errorWhole;
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      onSaved(await api.updatePaper(paper.id, patchFrom(draft, paper.authors)));
    } catch (error) {
      setErrors(error instanceof ApiError && error.status === 422 ? serverFieldErrors(error.details) : {});
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form class="paper-edit" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={t.editPaper}>
      <Field label={t.paperTitle} error={errors.title}>
        <input ref={title} value={draft.title} onInput={change('title')} />
      </Field>
      <Field label={t.paperAuthors} hint={t.paperAuthorsHint} error={errors.authors}>
        <textarea rows={3} value={draft.authors} onInput={change('authors')} />
      </Field>
      <div class="row">
        <Field label={t.paperYear} error={errors.year} narrow>
          <input inputMode="numeric" value={draft.year} onInput={change('year')} />
        </Field>
        <Field label={t.paperVenue} error={errors.venue}>
          <input value={draft.venue} onInput={change('venue')} />
        </Field>
      </div>
      <Field label={t.paperNote} error={errors.note}>
        <textarea rows={2} value={draft.note} onInput={change('note')} />
      </Field>
      <Field label={t.paperTags} hint={t.paperTagsHint} error={errors.tags}>
        <input value={draft.tags} onInput={change('tags')} />
      </Field>
      {failure !== null && <p class="field-error" role="alert">{errorText(failure, t)}</p>}
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? t.saving : t.saveChanges}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
