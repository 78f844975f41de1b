import { useState } from 'preact/hooks';
import { formatMoney } from '../../shared/format.js';
import type { Contact, DeclineInput, DeclineReason, Enquiry } from '../../shared/schemas/enquiry.js';
import { dateTime } from '../lib/format.js';
import { useExtension, usePagedList } from './context.js';
import { Empty, ErrorNotice, Loading, errorText } from './feedback.js';
import { MoreButton } from './more-button.js';

type Role = 'received' | 'sent';

/**
 * Enquiries in two lists: those received on the reader's achievements (Accept, or Decline with a reason
 * and a note) and those the reader sent (Withdraw while unanswered). Each shows its status; the other
 * side's contact details appear once the owner accepted, as the server sends them only then.
 */
export function EnquiriesTab() {
  const { t } = useExtension();
  return (
    <section aria-label={t.tabEnquiries}>
      <EnquiryList role="received" />
      <EnquiryList role="sent" />
    </section>
  );
}

function EnquiryList({ role }: { role: Role }) {
  const { api, t } = useExtension();
  const list = usePagedList((cursor) => api.myEnquiries({ role, limit: 30, ...(cursor ? { cursor } : {}) }), [role]);
  const heading = role === 'received' ? t.enquiriesReceived : t.enquiriesSent;
  const replace = (updated: Enquiry) => list.update((items) => items.map((item) => (item.id === updated.id ? updated : item)));
  return (
    <section class="enquiry-list" aria-label={heading}>
      <h2>{heading}</h2>
      {list.status === 'loading' && list.items.length === 0 ? (
        <Loading />
      ) : list.status === 'error' && list.items.length === 0 ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <Empty>{role === 'received' ? t.emptyEnquiriesReceived : t.emptyEnquiriesSent}</Empty>
      ) : (
        list.items.map((enquiry) => <EnquiryCard key={enquiry.id} enquiry={enquiry} role={role} onChange={replace} />)
      )}
      <MoreButton list={list} />
    </section>
  );
}

function EnquiryCard({ enquiry, role, onChange }: { enquiry: Enquiry; role: Role; onChange: (enquiry: Enquiry) => void }) {
  const { api, t, locale } = useExtension();
  const [declining, setDeclining] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const act = async (action: () => Promise<Enquiry>) => {
    setFailure(null);
    setBusy(true);
    try {
      onChange(await action());
      setDeclining(false);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const open = enquiry.status === 'sent';
  const counterpart = enquiry.contacts ? (role === 'received' ? enquiry.contacts.sender : enquiry.contacts.owner) : null;
  return (
    <article class="card enquiry" aria-label={enquiry.achievementTitle}>
      <header>
        <h3>{t.enquiryAbout(enquiry.achievementTitle)}</h3>
        <span class={`status status-${enquiry.status}`}>{t.enquiryStatus[enquiry.status]}</span>
      </header>
      {role === 'received' && <p class="muted">{t.enquiryFrom(enquiry.sender.displayName, enquiry.sender.organization)}</p>}
      <p class="muted">
        {t.enquiryMode}: {t.transferMode[enquiry.mode]} · {t.enquiryOffer}: {enquiry.offer ? formatMoney(enquiry.offer, locale) : t.noOffer} ·{' '}
        <time dateTime={enquiry.createdAt}>{dateTime(enquiry.createdAt, locale)}</time>
      </p>
      <p class="message">{enquiry.message}</p>
      {enquiry.feedback && (
        <p>
          <strong>{t.declinedBecause}:</strong> {t.declineReason[enquiry.feedback.reason]}
          {enquiry.feedback.note ? ` — ${enquiry.feedback.note}` : ''}
        </p>
      )}
      {counterpart ? (
        <ContactBox contact={counterpart} label={role === 'received' ? t.contactSender : t.contactOwner} />
      ) : (
        open && <p class="hint">{t.contactsSealed}</p>
      )}
      {failure !== null && <p class="field-error" role="alert">{errorText(failure, t)}</p>}
      {open && role === 'received' && !declining && (
        <footer class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => act(() => api.acceptEnquiry(enquiry.id))}>
            {t.accept}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => setDeclining(true)}>
            {t.decline}
          </button>
        </footer>
      )}
      {open && role === 'received' && declining && (
        <DeclineForm busy={busy} onDecline={(input) => act(() => api.declineEnquiry(enquiry.id, input))} onCancel={() => setDeclining(false)} />
      )}
      {open && role === 'sent' && (
        <footer class="actions">
          <button type="button" class="link danger" disabled={busy} onClick={() => act(() => api.withdrawEnquiry(enquiry.id))}>
            {t.withdraw}
          </button>
        </footer>
      )}
    </article>
  );
}

/** `DeclineInput`'s limit on the note. */
const NOTE_MAX = 2000;

/**
 * The structured reason (`DeclineReason`) and an optional note. Checked here rather than with the shared
 * `DeclineInput`, whose zod would load with every tab; the server checks it again with the schema.
 */
function DeclineForm({ busy, onDecline, onCancel }: { busy: boolean; onDecline: (input: DeclineInput) => void; onCancel: () => void }) {
  const { t } = useExtension();
  const [reason, setReason] = useState<DeclineReason | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const trimmed = note.trim();
    if (!reason || trimmed.length > NOTE_MAX) {
      setError(reason ? t.errorTooLong(NOTE_MAX) : t.errorRequired);
      return;
    }
    setError(null);
    onDecline({ reason, note: trimmed });
  };
  return (
    <form class="decline" onSubmit={submit} noValidate aria-label={t.decline}>
      <fieldset class="plain-fieldset">
        <legend class="label">{t.declineReasonLabel}</legend>
        {(Object.keys(t.declineReason) as DeclineReason[]).map((option) => (
          <label key={option} class="choice">
            <input type="radio" name="decline-reason" checked={reason === option} onChange={() => setReason(option)} /> {t.declineReason[option]}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span class="label">{t.declineNote}</span>
        <textarea rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      {error && <span class="field-error">{error}</span>}
      <div class="actions">
        <button type="submit" class="danger" disabled={busy}>
          {t.sendDecline}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

/** One side's contact details, exchanged on acceptance. */
function ContactBox({ contact, label }: { contact: Contact; label: string }) {
  const { t } = useExtension();
  return (
    <div class="contact" aria-label={t.contacts}>
      <strong>
        {t.contacts} ({label})
      </strong>
      <div>{contact.organization ? `${contact.displayName}, ${contact.organization}` : contact.displayName}</div>
      {contact.email && (
        <div>
          {t.email}: <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </div>
      )}
      {contact.telegram && (
        <div>
          Telegram: <a href={`https://t.me/${encodeURIComponent(contact.telegram)}`} target="_blank" rel="noreferrer">@{contact.telegram}</a>
        </div>
      )}
    </div>
  );
}
