import { useEffect, useRef, useState } from 'preact/hooks';
import { formatMoney } from '../../shared/format.js';
import { asBadges, vocabularyFor } from '../../shared/labels.js';
import type { ReviewAssignment, ReviewBid, ScoreSheet, ScoresInput } from '../../shared/schemas/review.js';
import { ApiError } from '../lib/api.js';
import { CitedPapers } from './bids.js';
import { useExtension, usePagedList, useResource } from './context.js';
import { Empty, ErrorNotice, Loading, errorText } from './feedback.js';
import { Field } from './field.js';
import { MoreButton } from './more-button.js';
import { ScoreSheetForm } from './score-sheet.js';

/** The assignment with one more bid marked scored, and its progress counted again. */
function markScored(assignment: ReviewAssignment, bidId: string): ReviewAssignment {
  const bids = assignment.bids.map((bid) => (bid.bidId === bidId ? { ...bid, scored: true } : bid));
  return { ...assignment, bids, progress: { scored: bids.filter((bid) => bid.scored).length, total: bids.length } };
}

/**
 * The reviewer's side of evaluation (PRODUCT.md §9): the challenges they review with their progress, each
 * bid they may read opened with the score sheet, and a way in by invite code. Bids they are recused from
 * never come from the server, so they are only counted, and cannot be opened.
 */
export function ReviewsTab() {
  const { api, t } = useExtension();
  const list = usePagedList((cursor) => api.myReviews({ limit: 20, ...(cursor ? { cursor } : {}) }), []);
  const [open, setOpen] = useState<{ challengeId: string; bidId: string } | null>(null);
  const lastOpened = useRef<string | null>(null);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});

  useEffect(() => {
    // Back from a bid, the focus returns to the button that opened it.
    if (!open && lastOpened.current) buttons.current[lastOpened.current]?.focus();
  }, [open]);

  const assignment = open ? list.items.find((a) => a.challenge.id === open.challengeId) : undefined;
  if (open && assignment) {
    return (
      <ReviewBidView
        assignment={assignment}
        bidId={open.bidId}
        onBack={() => setOpen(null)}
        onSaved={(sheet) => list.update((items) => items.map((a) => (a.challenge.id === open.challengeId ? markScored(a, sheet.bidId) : a)))}
        onRecused={() => {
          lastOpened.current = null;
          setOpen(null);
          list.reload();
        }}
      />
    );
  }

  const loading = list.status === 'loading' && list.items.length === 0;
  const failed = list.status === 'error' && list.items.length === 0;
  return (
    <section class="reviews" aria-label={t.tabReviews}>
      {loading && <Loading />}
      {failed && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!loading && !failed && list.items.length === 0 && <Empty>{t.reviewsEmpty}</Empty>}
      {list.items.map((item) => (
        <AssignmentCard
          key={item.challenge.id}
          assignment={item}
          onChanged={(updated) => list.update((items) => items.map((a) => (a.challenge.id === updated.challenge.id ? updated : a)))}
          buttonRef={(bidId, button) => {
            buttons.current[bidId] = button;
          }}
          onOpen={(bidId) => {
            lastOpened.current = bidId;
            setOpen({ challengeId: item.challenge.id, bidId });
          }}
        />
      ))}
      <MoreButton list={list} />
      <RedeemForm onRedeemed={list.reload} />
    </section>
  );
}

function AssignmentCard({
  assignment,
  onOpen,
  onChanged,
  buttonRef,
}: {
  assignment: ReviewAssignment;
  onOpen: (bidId: string) => void;
  onChanged: (assignment: ReviewAssignment) => void;
  buttonRef: (bidId: string, button: HTMLButtonElement | null) => void;
}) {
  const { t, locale } = useExtension();
  const bidStatus = asBadges(vocabularyFor(locale).bidStatus);
  const { challenge, progress } = assignment;
  return (
    <article class="card assignment" aria-label={challenge.title}>
      <header>
        <h3>{challenge.title}</h3>
        {challenge.blind && <span class="status">{t.blindReview}</span>}
      </header>
      {challenge.phaseName && <p class="muted">{t.phaseLabel(challenge.phaseName)}</p>}
      <p class="progress-line">
        <progress max={Math.max(progress.total, 1)} value={progress.scored} aria-hidden="true" />{' '}
        <span>{t.reviewProgress(progress.scored, progress.total)}</span>
      </p>
      {assignment.bids.length === 0 ? (
        <p class="muted">{t.noBidsToReview}</p>
      ) : (
        <ul class="plain assigned-bids">
          {assignment.bids.map((bid) => (
            <li key={bid.bidId}>
              <span class="summary">{bid.summary}</span>
              <span class="muted">
                {' '}
                {bidStatus[bid.status]} · <span class={bid.scored ? 'verified' : ''}>{bid.scored ? t.scored : t.notScored}</span>
              </span>
              <button type="button" class="secondary" ref={(button) => buttonRef(bid.bidId, button)} aria-label={t.reviewBidNamed(bid.summary)} onClick={() => onOpen(bid.bidId)}>
                {t.reviewBid}
              </button>
            </li>
          ))}
        </ul>
      )}
      {assignment.recused > 0 && <p class="muted recused">{t.recusedBids(assignment.recused)}</p>}
      <ConflictsForm assignment={assignment} onSaved={onChanged} />
    </article>
  );
}

/** `Conflicts`' limits: names per list, and characters per name. */
const CONFLICT_NAMES_MAX = 30;
const CONFLICT_NAME_LENGTH = 160;

/** The lines of a text area as names: trimmed, blank lines dropped. */
const namesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The reviewer's declared conflicts on this challenge (organizations, people), shown and edited in place.
 * The server recuses them from the bids those touch and answers with the assignment as it now stands.
 * Checked here rather than with the shared `Conflicts`, whose zod would load with every tab.
 */
function ConflictsForm({ assignment, onSaved }: { assignment: ReviewAssignment; onSaved: (assignment: ReviewAssignment) => void }) {
  const { api, t } = useExtension();
  const { organizations, people } = assignment.conflicts;
  const [orgText, setOrgText] = useState(organizations.join('\n'));
  const [peopleText, setPeopleText] = useState(people.join('\n'));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const declared = [...organizations, ...people];

  const submit = async (event: Event) => {
    event.preventDefault();
    const conflicts = { organizations: namesOf(orgText), people: namesOf(peopleText) };
    const lists = [conflicts.organizations, conflicts.people];
    if (lists.some((names) => names.length > CONFLICT_NAMES_MAX || names.some((name) => name.length > CONFLICT_NAME_LENGTH))) {
      setFailure(t.conflictsTooMany(CONFLICT_NAMES_MAX, CONFLICT_NAME_LENGTH));
      return;
    }
    setBusy(true);
    setFailure(null);
    setSaved(false);
    try {
      onSaved(await api.declareConflicts(assignment.challenge.id, conflicts));
      setSaved(true);
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="conflicts">
      <summary>
        {t.conflictsTitle}: <span class="muted">{declared.length > 0 ? t.conflictsDeclared(declared.join(', ')) : t.conflictsNone}</span>
      </summary>
      <form onSubmit={submit} noValidate aria-label={t.conflictsTitle}>
        <Field label={t.conflictOrganizations} hint={t.conflictOrganizationsHint}>
          <textarea rows={2} value={orgText} onInput={(e) => setOrgText(e.currentTarget.value)} />
        </Field>
        <Field label={t.conflictPeople} hint={t.conflictPeopleHint}>
          <textarea rows={2} value={peopleText} onInput={(e) => setPeopleText(e.currentTarget.value)} />
        </Field>
        {failure && (
          <p class="field-error" role="alert">
            {failure}
          </p>
        )}
        {saved && (
          <p class="verified" role="status">
            {t.conflictsSaved}
          </p>
        )}
        <button type="submit" class="secondary" disabled={busy}>
          {t.saveConflicts}
        </button>
      </form>
    </details>
  );
}

/** The reviewer's own sheet of a bid, or null before they have scored it (the server answers 404 then). */
async function savedSheet(load: () => Promise<ScoreSheet>): Promise<ScoreSheet | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** One bid as the server lets its reviewer read it (no bidder while blind), with the score sheet under it. */
function ReviewBidView({
  assignment,
  bidId,
  onBack,
  onSaved,
  onRecused,
}: {
  assignment: ReviewAssignment;
  bidId: string;
  onBack: () => void;
  onSaved: (sheet: ScoreSheet) => void;
  onRecused: () => void;
}) {
  const { api, t } = useExtension();
  const heading = useRef<HTMLHeadingElement>(null);
  const data = useResource(() => Promise.all([api.reviewBid(bidId), savedSheet(() => api.myScores(bidId))]), [bidId]);
  useEffect(() => heading.current?.focus(), []);

  const save = async (scores: ScoresInput) => {
    const sheet = await api.putScores(bidId, scores);
    onSaved(sheet);
    return sheet;
  };

  return (
    <section
      class="review-bid"
      aria-label={assignment.challenge.title}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onBack();
      }}
    >
      <button type="button" class="link" onClick={onBack}>
        ◂ {t.back}
      </button>
      <h2 ref={heading} tabIndex={-1}>
        {assignment.challenge.title}
      </h2>
      {data.status === 'loading' && !data.data && <Loading />}
      {data.status === 'error' && <ErrorNotice error={data.error} onRetry={data.reload} />}
      {data.data && (
        <>
          <BidContent bid={data.data[0]} />
          <ScoreSheetForm key={bidId} rubric={assignment.rubric} saved={data.data[1]} onSave={save} />
          <RecuseForm bidId={bidId} onRecused={onRecused} />
        </>
      )}
    </section>
  );
}

function BidContent({ bid }: { bid: ReviewBid }) {
  const { t, locale } = useExtension();
  const bidder = bid.bidder ? [bid.bidder.displayName, bid.bidder.organization].filter(Boolean).join(', ') : t.bidderHidden;
  return (
    <article class="card bid-content" aria-label={t.summary}>
      <p>
        <strong>{t.bidder}:</strong> <span class={bid.bidder ? '' : 'muted'}>{bidder}</span>
      </p>
      <p class="summary">{bid.summary}</p>
      <p class="muted">
        {t.price}: {formatMoney(bid.price, locale)} · {t.weeks(bid.durationWeeks)} · {t.revision(bid.revision)}
      </p>
      <h4>{t.approach}</h4>
      <p class="approach">{bid.approach}</p>
      {bid.milestones.length > 0 && (
        <>
          <h4>{t.milestones}</h4>
          <ol class="milestones">
            {bid.milestones.map((milestone, index) => (
              <li key={index}>
                {milestone.title} · {t.weeks(milestone.weeks)}
                {milestone.amount !== null && ` · ${formatMoney({ amount: milestone.amount, currency: bid.price.currency }, locale)}`}
              </li>
            ))}
          </ol>
        </>
      )}
      <CitedPapers bid={bid} />
    </article>
  );
}

/** `RecuseInput`'s limit on the reason. */
const REASON_MAX = 500;

/**
 * Stepping away from one bid: a button, then the reason (required, kept for the owner) and a confirmation,
 * since a recusal is final. On success the bid leaves the reviewer's list.
 */
function RecuseForm({ bidId, onRecused }: { bidId: string; onRecused: () => void }) {
  const { api, t } = useExtension();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (!asking) {
    return (
      <button type="button" class="secondary recuse" onClick={() => setAsking(true)}>
        {t.recuse}
      </button>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed || trimmed.length > REASON_MAX) {
      setFailure(trimmed ? t.errorTooLong(REASON_MAX) : t.errorRequired);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await api.recuse(bidId, { reason: trimmed });
      onRecused();
    } catch (error) {
      setFailure(errorText(error, t));
      setBusy(false);
    }
  };
  return (
    <form class="recuse" onSubmit={submit} noValidate aria-label={t.recuse}>
      <Field label={t.recuseReason} hint={t.recuseReasonHint} error={failure ?? undefined}>
        <textarea rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </Field>
      <div class="actions">
        <button type="submit" class="danger" disabled={busy}>
          {t.confirmRecuse}
        </button>
        <button type="button" class="secondary" onClick={() => setAsking(false)}>
          {t.keepReviewing}
        </button>
      </div>
    </form>
  );
}

/** Joins a challenge's review panel with the one-time code its owner gave; the server's refusal is shown as said. */
function RedeemForm({ onRedeemed }: { onRedeemed: () => void }) {
  const { api, t } = useExtension();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [joined, setJoined] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!code.trim()) return;
    setBusy(true);
    setFailure(null);
    setJoined(null);
    try {
      const assignment = await api.redeemReviewInvite({ code: code.trim() });
      setJoined(assignment.challenge.title);
      setCode('');
      onRedeemed();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="redeem" onSubmit={submit} noValidate aria-label={t.redeemTitle}>
      <h3>{t.redeemTitle}</h3>
      <div class="row">
        <Field label={t.inviteCode} hint={t.inviteCodeHint} error={failure === null ? undefined : errorText(failure, t)}>
          <input value={code} autoComplete="off" spellcheck={false} maxLength={32} onInput={(e) => setCode(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="primary" disabled={busy || !code.trim()}>
          {busy ? t.redeeming : t.redeem}
        </button>
      </div>
      {joined && (
        <p class="verified" role="status">
          {t.redeemed(joined)}
        </p>
      )}
    </form>
  );
}
