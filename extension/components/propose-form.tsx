import { useState } from 'preact/hooks';
import { countdown, formatMoney } from '../../shared/format.js';
import { BidCreateInput, type Bid } from '../../shared/schemas/bid.js';
import type { Challenge } from '../../shared/schemas/challenge.js';
import { ApiError } from '../lib/api.js';
import { authorLine, paperDetail } from '../lib/format.js';
import { serverFieldErrors, type FieldErrors } from '../lib/server-field-errors.js';
import { fieldErrors } from '../lib/validation.js';
import { useExtension, useResource } from './context.js';
import { ErrorNotice, Loading, errorText, useNow } from './feedback.js';
import { Field } from './field.js';

export interface ProposeFormProps {
  challenge: Challenge;
  /** The papers chosen as references ("Cite"), ticked when the form opens. */
  chosenPaperIds: ReadonlySet<string>;
  onSubmitted: (bid: Bid) => void;
  onCancel: () => void;
}

interface MilestoneDraft {
  title: string;
  weeks: string;
  amount: string;
}

/** A typed number as the schema should judge it: blank is missing, anything else is Number() of it. */
function numberOrMissing(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim().replace(/,/g, ''));
}

/**
 * The bid form: summary, approach, price, duration, optional milestones, and references picked from the
 * reader's clipped papers (the chosen ones ticked). It is checked with the shared `BidCreateInput` schema
 * before anything is sent, and the server's own verdict (a 422's field issues) is shown the same way.
 */
export function ProposeForm({ challenge, chosenPaperIds, onSubmitted, onCancel }: ProposeFormProps) {
  const { api, t, locale } = useExtension();
  const now = useNow();
  const papers = useResource(() => api.papers({ limit: 100 }), []);
  const [summary, setSummary] = useState('');
  const [approach, setApproach] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(challenge.reward.currency);
  const [weeks, setWeeks] = useState('');
  const [milestones, setMilestones] = useState<MilestoneDraft[]>([]);
  const [paperIds, setPaperIds] = useState<Set<string>>(() => new Set(chosenPaperIds));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const input: BidCreateInput = {
    summary,
    approach,
    price: { amount: numberOrMissing(amount) as number, currency },
    durationWeeks: numberOrMissing(weeks) as number,
    milestones: milestones.map((milestone) => ({
      title: milestone.title,
      weeks: numberOrMissing(milestone.weeks) as number,
      amount: numberOrMissing(milestone.amount) ?? null,
    })),
    paperIds: [...paperIds],
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const parsed = BidCreateInput.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      onSubmitted(await api.propose(challenge.id, input));
    } catch (error) {
      const fromServer = error instanceof ApiError && error.status === 422 ? serverFieldErrors(error.details) : {};
      setErrors(fromServer);
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  const togglePaper = (paperId: string) => {
    const next = new Set(paperIds);
    if (next.has(paperId)) next.delete(paperId);
    else next.add(paperId);
    setPaperIds(next);
  };

  const changeMilestone = (index: number, change: Partial<MilestoneDraft>) =>
    setMilestones(milestones.map((milestone, i) => (i === index ? { ...milestone, ...change } : milestone)));

  const hasErrors = Object.keys(errors).length > 0;

  return (
    <form class="propose" onSubmit={submit} noValidate aria-label={t.proposeTitle}>
      <h2>
        {t.proposeTitle}: {challenge.title}
      </h2>
      <p class="muted">
        {t.reward}: {formatMoney(challenge.reward, locale)} · {countdown(challenge.deadline, now, locale).text}
      </p>

      <Field label={t.summary} hint={t.summaryHint} error={errors.summary}>
        <textarea rows={2} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
      </Field>
      <Field label={t.approach} hint={t.approachHint} error={errors.approach}>
        <textarea rows={6} value={approach} onInput={(e) => setApproach(e.currentTarget.value)} />
      </Field>
      <div class="row">
        <Field label={t.price} error={errors['price.amount'] ?? errors.price}>
          <input inputMode="decimal" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
        </Field>
        <Field label={t.currency} error={errors['price.currency']} narrow>
          <input maxLength={3} value={currency} onInput={(e) => setCurrency(e.currentTarget.value.toUpperCase())} />
        </Field>
        <Field label={t.durationWeeks} error={errors.durationWeeks} narrow>
          <input inputMode="numeric" value={weeks} onInput={(e) => setWeeks(e.currentTarget.value)} />
        </Field>
      </div>

      <fieldset>
        <legend>{t.milestones}</legend>
        {milestones.map((milestone, index) => (
          <div class="row milestone" key={index}>
            <Field label={t.milestoneTitle} error={errors[`milestones.${index}.title`]}>
              <input value={milestone.title} onInput={(e) => changeMilestone(index, { title: e.currentTarget.value })} />
            </Field>
            <Field label={t.milestoneWeeks} error={errors[`milestones.${index}.weeks`]} narrow>
              <input inputMode="numeric" value={milestone.weeks} onInput={(e) => changeMilestone(index, { weeks: e.currentTarget.value })} />
            </Field>
            <Field label={t.milestoneAmount} error={errors[`milestones.${index}.amount`]} narrow>
              <input inputMode="decimal" value={milestone.amount} onInput={(e) => changeMilestone(index, { amount: e.currentTarget.value })} />
            </Field>
            <button type="button" class="link danger" onClick={() => setMilestones(milestones.filter((_, i) => i !== index))}>
              {t.remove}
            </button>
          </div>
        ))}
        {milestones.length < 20 && (
          <button type="button" class="secondary" onClick={() => setMilestones([...milestones, { title: '', weeks: '', amount: '' }])}>
            {t.addMilestone}
          </button>
        )}
      </fieldset>

      <fieldset>
        <legend>{t.references}</legend>
        {papers.status === 'loading' && !papers.data && <Loading />}
        {papers.status === 'error' && <ErrorNotice error={papers.error} onRetry={papers.reload} />}
        {papers.data && papers.data.items.length === 0 && <p class="muted">{t.noPapersToCite}</p>}
        <ul class="plain references">
          {papers.data?.items.map((paper) => (
            <li key={paper.id}>
              <label class="reference">
                <input type="checkbox" checked={paperIds.has(paper.id)} onChange={() => togglePaper(paper.id)} />
                <span>
                  <span class="reference-title">{paper.title}</span>
                  <span class="muted"> {[authorLine(paper.authors, t), paperDetail(paper)].filter(Boolean).join(' · ')}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {errors.paperIds && <span class="field-error">{errors.paperIds}</span>}
      </fieldset>

      {hasErrors && <p class="field-error" role="alert">{t.fixErrors}</p>}
      {failure !== null && !hasErrors && <p class="notice error" role="alert">{errorText(failure, t)}</p>}
      <div class="actions">
        <button type="submit" class="primary" disabled={submitting}>
          {submitting ? t.submitting : t.submitProposal}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t.back}
        </button>
      </div>
    </form>
  );
}
