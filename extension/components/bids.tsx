import { useEffect, useState } from 'preact/hooks';
import { formatMoney } from '../../shared/format.js';
import { asBadges, vocabularyFor } from '../../shared/labels.js';
import { receiptPreimage } from '../../shared/receipt.js';
import type { Bid } from '../../shared/schemas/bid.js';
import { authorLine, dateTime, paperDetail } from '../lib/format.js';
import { useExtension, usePagedList } from './context.js';
import { CopyButton, Empty, ErrorNotice, Loading, errorText } from './feedback.js';
import { useProposeForm } from './lazy-forms.js';
import { MoreButton } from './more-button.js';

/**
 * True when the receipt's hash is the SHA-256 of the bid's canonical content and receipt time, as the
 * server computed it (shared/receipt.ts): the bidder's own check that the proof matches what they sent.
 */
export async function receiptMatches(bid: Bid): Promise<boolean> {
  const { challengeId, bidderId, summary, approach, price, durationWeeks, milestones, references } = bid;
  const preimage = receiptPreimage({ challengeId, bidderId, summary, approach, price, durationWeeks, milestones, references }, bid.receipt.receivedAt);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(preimage));
  const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return hex === bid.receipt.sha256;
}

/** A bid's receipt: the hash, when it was received, and whether it checks out on this device. */
export function ReceiptBox({ bid }: { bid: Bid }) {
  const { t, locale } = useExtension();
  const [verified, setVerified] = useState<boolean | null>(null);
  useEffect(() => {
    let current = true;
    receiptMatches(bid).then((matches) => current && setVerified(matches), () => current && setVerified(null));
    return () => {
      current = false;
    };
  }, [bid]);
  return (
    <div class="receipt" aria-label={t.receipt}>
      <div class="receipt-head">
        <strong>{t.receipt}</strong> <span class="muted">{t.revision(bid.receipt.revision)}</span> <CopyButton text={bid.receipt.sha256} />
      </div>
      <code class="hash">{bid.receipt.sha256}</code>
      <div class="muted">
        {t.receivedAt}: <time dateTime={bid.receipt.receivedAt}>{dateTime(bid.receipt.receivedAt, locale)}</time>
      </div>
      {verified !== null && <div class={verified ? 'verified' : 'field-error'}>{verified ? t.receiptVerified : t.receiptMismatch}</div>}
      <p class="hint">{t.receiptExplained}</p>
    </div>
  );
}

/** The papers a bid cites, as the bid keeps them (a copy, so a deleted or corrected clip does not change it). */
export function CitedPapers({ bid }: { bid: Pick<Bid, 'references'> }) {
  const { t } = useExtension();
  if (bid.references.length === 0) return null;
  return (
    <div class="cited">
      <strong>{t.citedPapers}</strong>
      <ul class="plain references">
        {bid.references.map((reference, index) => (
          <li key={reference.paperId ?? index}>
            <span class="reference-title">
              {reference.url ? (
                <a href={reference.url} target="_blank" rel="noreferrer">
                  {reference.title}
                </a>
              ) : (
                reference.title
              )}
            </span>
            <span class="muted"> {[authorLine(reference.authors, t), paperDetail(reference)].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Revise and Withdraw, each when the server lists it among the bid's `actions`. Withdraw asks first, since
 * the enterprise stops considering the bid, then hands the withdrawn bid back.
 */
function BidActions({ bid, onChange, onRevise }: { bid: Bid; onChange: (bid: Bid) => void; onRevise: () => void }) {
  const { api, t } = useExtension();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const canRevise = bid.actions?.includes('revise') ?? false;
  const canWithdraw = bid.actions?.includes('withdraw') ?? false;
  if (!canRevise && !canWithdraw) return null;

  const withdraw = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onChange(await api.withdrawBid(bid.id));
      setConfirming(false);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="bid-actions">
      {confirming ? (
        <div class="confirm" role="group" aria-label={t.withdrawConfirm}>
          <p>{t.withdrawConfirm}</p>
          <button type="button" class="danger" disabled={busy} onClick={withdraw}>
            {busy ? t.withdrawing : t.withdrawYes}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => setConfirming(false)}>
            {t.withdrawNo}
          </button>
        </div>
      ) : (
        <>
          {canRevise && (
            <button type="button" class="secondary" onClick={onRevise}>
              {t.revise}
            </button>
          )}
          {canWithdraw && (
            <button type="button" class="secondary" onClick={() => setConfirming(true)}>
              {t.withdraw}
            </button>
          )}
        </>
      )}
      {failure !== null && (
        <p class="notice error" role="alert">
          {errorText(failure, t)}
        </p>
      )}
    </div>
  );
}

/**
 * The reader's bids, newest first: challenge, status, price, duration, feedback, cited papers, receipt, and
 * Revise and Withdraw while the server allows them. Revise opens the Propose form on the bid in place of the
 * list, then the new receipt; back on the list, the bid is the revised one.
 */
export function BidsTab() {
  const { api, t, locale } = useExtension();
  const list = usePagedList((cursor) => api.myBids({ limit: 30, ...(cursor ? { cursor } : {}) }), []);
  const [revising, setRevising] = useState<string | null>(null);
  const [revised, setRevised] = useState<Bid | null>(null);
  const ProposeForm = useProposeForm(revising !== null);
  const bidStatus = asBadges(vocabularyFor(locale).bidStatus);
  const replace = (changed: Bid) => list.update((items) => items.map((item) => (item.id === changed.id ? changed : item)));

  if (revising !== null) {
    if (!ProposeForm) return <Loading />;
    return (
      <ProposeForm
        bidId={revising}
        onSubmitted={(bid) => {
          replace(bid);
          setRevising(null);
          setRevised(bid);
        }}
        onCancel={() => {
          setRevising(null);
          // The bid may have changed meanwhile (shortlisted, the challenge closed): show it as it is now.
          list.reload();
        }}
      />
    );
  }
  if (revised) {
    return (
      <section class="receipt-view">
        <h2>{t.revisionSent}</h2>
        <p>{revised.challengeTitle}</p>
        <CitedPapers bid={revised} />
        <ReceiptBox bid={revised} />
        <button type="button" class="primary" onClick={() => setRevised(null)}>
          {t.backToMyBids}
        </button>
      </section>
    );
  }
  if (list.status === 'loading' && list.items.length === 0) return <Loading />;
  if (list.status === 'error' && list.items.length === 0) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) return <Empty>{t.emptyBids}</Empty>;
  return (
    <section aria-label={t.tabBids}>
      {list.items.map((bid) => (
        <article key={bid.id} class="card bid" aria-label={bid.challengeTitle}>
          <header>
            <h3>{bid.challengeTitle}</h3>
            <span class={`status status-${bid.status}`}>{bidStatus[bid.status]}</span>
          </header>
          <p class="muted">
            {t.price}: {formatMoney(bid.price, locale)} · {t.weeks(bid.durationWeeks)}
          </p>
          <p class="summary">{bid.summary}</p>
          {bid.feedback && (
            <p>
              <strong>{t.feedback}:</strong> {bid.feedback}
            </p>
          )}
          <CitedPapers bid={bid} />
          <ReceiptBox bid={bid} />
          <BidActions bid={bid} onChange={replace} onRevise={() => setRevising(bid.id)} />
        </article>
      ))}
      <MoreButton list={list} />
    </section>
  );
}
