import { useState } from 'preact/hooks';
import { countdown, formatMoney } from '../../shared/format.js';
import { BidCreateInput, type Bid } from '../../shared/schemas/bid.js';
import type { Challenge } from '../../shared/schemas/challenge.js';
import { vocabularyFor } from '../../shared/labels.js';
import { ApiError } from '../lib/api.js';
import { ownReferences, revisionPatch } from '../lib/bid-revision.js';
import { authorLine, paperDetail } from '../lib/format.js';
import { serverFieldErrors, type FieldErrors } from '../lib/server-field-errors.js';
import { fieldErrors } from '../lib/validation.js';
import { useExtension, useResource } from './context.js';
import { ErrorNotice, Loading, errorText, useNow } from './feedback.js';
import { Field } from './field.js';

interface FormOutcome {
  /** The bid the server returned: the new one, or the revised one with its new receipt. */
  onSubmitted: (bid: Bid) => void;
  onCancel: () => void;
}

/**
 * A new bid on `challenge`, or (`bidId`) a revision of the reader's bid, which the form reads from the
 * server with its challenge so it starts from the bid as it is now.
 */
export type ProposeFormProps = FormOutcome &
  (
    | {
        challenge: Challenge;
        /** The papers chosen as references ("Cite"), ticked when the form opens. */
        chosenPaperIds: ReadonlySet<string>;
      }
    | { bidId: string }
  );

interface MilestoneDraft {
  title: string;
  weeks: string;
  amount: string;
}

/** A typed number as the schema should judge it: blank is missing, anything else is Number() of it. */
function numberOrMissing(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim().replace(/,/g, ''));
}

const NONE: ReadonlySet<string> = new Set();

/** A bid's milestones as the form's text fields, so a revision starts from them. */
const draftMilestones = (bid: Bid): MilestoneDraft[] =>
  bid.milestones.map((milestone) => ({ title: milestone.title, weeks: String(milestone.weeks), amount: milestone.amount === null ? '' : String(milestone.amount) }));

/** The Propose form: a new bid, or a revision of the reader's bid (`bidId`). */
export function ProposeForm(props: ProposeFormProps) {
  const { onSubmitted, onCancel } = props;
  if ('bidId' in props) return <ReviseForm bidId={props.bidId} onSubmitted={onSubmitted} onCancel={onCancel} />;
  return <BidForm challenge={props.challenge} chosenPaperIds={props.chosenPaperIds} bid={null} onSubmitted={onSubmitted} onCancel={onCancel} />;
}

/**
 * Revise: the bid and its challenge read afresh, then the bid form filled with the bid. A bid the server no
 * longer lets its bidder revise (shortlisted, or the challenge closed meanwhile) says why instead.
 */
function ReviseForm({ bidId, onSubmitted, onCancel }: FormOutcome & { bidId: string }) {
  const { api, t, locale } = useExtension();
  const loaded = useResource(async () => {
    const bid = await api.bid(bidId);
    return { bid, challenge: await api.challenge(bid.challengeId) };
  }, [bidId]);
  const back = (
    <button type="button" class="secondary" onClick={onCancel}>
      {t.back}
    </button>
  );
  if (!loaded.data) {
    if (loaded.status !== 'error') return <Loading />;
    return (
      <section class="propose">
        <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
        {back}
      </section>
    );
  }
  const { bid, challenge } = loaded.data;
  if (!bid.actions?.includes('revise')) {
    return (
      <section class="propose" aria-label={t.reviseTitle}>
        <h2>
          {t.reviseTitle}: {bid.challengeTitle}
        </h2>
        <p class="notice error" role="alert">
          {bid.status === 'submitted' ? t.reviseClosed : t.reviseRefused(vocabularyFor(locale).bidStatus[bid.status])}
        </p>
        {back}
      </section>
    );
  }
  return <BidForm challenge={challenge} chosenPaperIds={NONE} bid={bid} onSubmitted={onSubmitted} onCancel={onCancel} />;
}

/**
 * The bid form: summary, approach, price, duration, optional milestones, and references picked from the
 * reader's clipped papers (the chosen ones ticked). It is checked with the shared `BidCreateInput` schema
 * before anything is sent, and the server's own verdict (a 422's field issues) is shown the same way; any
 * other refusal is shown with the server's reason, and what was typed stays. Given the reader's `bid`, it
 * starts from that bid and sends only what changed as a revision, or nothing, saying so, when nothing did.
 */
function BidForm({ challenge, chosenPaperIds, bid, onSubmitted, onCancel }: FormOutcome & { challenge: Challenge; chosenPaperIds: ReadonlySet<string>; bid: Bid | null }) {
  const { api, t, locale } = useExtension();
  const now = useNow();
  const papers = useResource(() => api.papers({ limit: 100 }), []);
  const [summary, setSummary] = useState(bid?.summary ?? '');
  const [approach, setApproach] = useState(bid?.approach ?? '');
  const [amount, setAmount] = useState(bid ? String(bid.price.amount) : '');
  const [currency, setCurrency] = useState(bid?.price.currency ?? challenge.reward.currency);
  const [weeks, setWeeks] = useState(bid ? String(bid.durationWeeks) : '');
  const [milestones, setMilestones] = useState<MilestoneDraft[]>(() => (bid ? draftMilestones(bid) : []));
  const [paperIds, setPaperIds] = useState<Set<string>>(() =>
    bid ? new Set(bid.references.flatMap((reference) => (reference.paperId === null ? [] : [reference.paperId]))) : new Set(chosenPaperIds),
  );
  const [keptReferences, setKeptReferences] = useState<Set<number>>(() => new Set(bid?.references.map((_, index) => index)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [unchanged, setUnchanged] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  // A revision cites clips the reader has at hand by id; the bid's other references are listed on their own,
  // once the clips are known. Until then every reference counts as kept, so an early submit changes none.
  const clipIds = new Set(papers.data?.items.map((paper) => paper.id));
  const clipsKnown = papers.data !== undefined || papers.status === 'error';
  const ownRefs = bid ? ownReferences(bid, clipIds) : [];
  const kept = ownRefs.filter((own) => keptReferences.has(own.index));
  const citing = { paperIds: bid ? [...paperIds].filter((id) => clipIds.has(id)) : [...paperIds], keptReferences: kept.map((own) => own.index) };

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
    paperIds: citing.paperIds,
    ...(kept.length > 0 ? { references: kept.map((own) => own.reference) } : {}),
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    setUnchanged(false);
    const parsed = BidCreateInput.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    const patch = bid && revisionPatch(bid, parsed.data, citing, clipIds);
    if (patch && Object.keys(patch).length === 0) {
      setUnchanged(true);
      return;
    }
    setSubmitting(true);
    try {
      onSubmitted(await (bid && patch ? api.reviseBid(bid.id, patch) : api.propose(challenge.id, input)));
    } catch (error) {
      const fromServer = error instanceof ApiError && error.status === 422 ? serverFieldErrors(error.details) : {};
      setErrors(fromServer);
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  const toggle = <T,>(set: Set<T>, item: T) => {
    const next = new Set(set);
    if (next.has(item)) next.delete(item);
    else next.add(item);
    return next;
  };

  const changeMilestone = (index: number, change: Partial<MilestoneDraft>) =>
    setMilestones(milestones.map((milestone, i) => (i === index ? { ...milestone, ...change } : milestone)));

  const hasErrors = Object.keys(errors).length > 0;

  return (
    <form class="propose" onSubmit={submit} noValidate aria-label={bid ? t.reviseTitle : t.proposeTitle}>
      <h2>
        {bid ? t.reviseTitle : t.proposeTitle}: {challenge.title}
      </h2>
      <p class="muted">
        {t.reward}: {formatMoney(challenge.reward, locale)} · {countdown(challenge.deadline, now, locale).text}
      </p>
      {bid && <p class="hint">{t.reviseIntro(bid.revision)}</p>}

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
        {papers.data && papers.data.items.length === 0 && ownRefs.length === 0 && <p class="muted">{t.noPapersToCite}</p>}
        <ul class="plain references">
          {papers.data?.items.map((paper) => (
            <li key={paper.id}>
              <label class="reference">
                <input type="checkbox" checked={paperIds.has(paper.id)} onChange={() => setPaperIds(toggle(paperIds, paper.id))} />
                <span>
                  <span class="reference-title">{paper.title}</span>
                  <span class="muted"> {[authorLine(paper.authors, t), paperDetail(paper)].filter(Boolean).join(' · ')}</span>
                </span>
              </label>
            </li>
          ))}
          {clipsKnown &&
            ownRefs.map(({ index, reference }) => (
              <li key={`own-${index}`}>
                <label class="reference">
                  <input type="checkbox" checked={keptReferences.has(index)} onChange={() => setKeptReferences(toggle(keptReferences, index))} />
                  <span>
                    <span class="reference-title">{reference.title}</span>
                    <span class="muted"> {[authorLine(reference.authors, t), paperDetail(reference), t.citedAsKept].filter(Boolean).join(' · ')}</span>
                  </span>
                </label>
              </li>
            ))}
        </ul>
        {(errors.paperIds ?? errors.references) && <span class="field-error">{errors.paperIds ?? errors.references}</span>}
      </fieldset>

      {hasErrors && <p class="field-error" role="alert">{t.fixErrors}</p>}
      {failure !== null && !hasErrors && <p class="notice error" role="alert">{errorText(failure, t)}</p>}
      {unchanged && (
        <p class="notice warn" role="status">
          {t.reviseUnchanged}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={submitting}>
          {submitting ? t.submitting : bid ? t.submitRevision : t.submitProposal}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t.back}
        </button>
      </div>
    </form>
  );
}
