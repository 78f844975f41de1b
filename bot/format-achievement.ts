import { formatMoney } from '../shared/format.js';
import type { Achievement } from '../shared/schemas/achievement.js';
import type { Locale } from '../shared/schemas/common.js';
import type { Deal, Objection } from '../shared/schemas/deal.js';
import type { Contact, Enquiry } from '../shared/schemas/enquiry.js';
import { formatDateTime, formatFields } from './format-challenge.js';
import { escapeHtml, escapeShort, MESSAGE_LIMIT } from './html.js';
import { messagesFor } from './i18n.js';
import type { ListEntry } from './lists.js';

/** What a card needs of an achievement; the preview of one not yet created has no more than this. */
export type CardAchievement = Pick<
  Achievement,
  'title' | 'summary' | 'fields' | 'keywords' | 'trl' | 'ipStatus' | 'patents' | 'modes' | 'askingPrice' | 'institution' | 'status'
> & { references: readonly unknown[]; id?: string };

export interface AchievementCardOptions {
  locale: Locale;
  /** A line above the card: why it is sent, or that it is a preview. */
  header?: string;
  /** Its page on the board (`{publicUrl}/achievements/{id}`). */
  pageUrl?: string;
  /** The deal announced on it, shown with its objection period. */
  deal?: Deal | null;
  /** The reader's zone for the end of the objection period. */
  timeZone?: string;
}

/** The price line's words: the asking price, or negotiable. */
export function priceText(price: Achievement['askingPrice'], locale: Locale): string {
  return price ? formatMoney(price, locale) : messagesFor(locale).achievements.negotiable;
}

/**
 * The one way an achievement is shown in the bot (lists open it, alerts and the /list preview show it):
 * title, institution and TRL, transfer modes, price or negotiable, fields, IP with its patents, the summary,
 * keywords, cited papers, its status when not listed, the announcement of its deal, and its board page.
 */
export function formatAchievementCard(a: CardAchievement, { locale, header, pageUrl, deal, timeZone }: AchievementCardOptions): string {
  const t = messagesFor(locale).achievements;
  const lines: string[] = [];
  if (header) lines.push(header, '');
  lines.push(`<b>${escapeShort(a.title, 200)}</b>`);
  lines.push(`🏛 ${escapeShort(a.institution, 200)} · ${t.trl(a.trl)}`);
  lines.push(`🔁 ${escapeHtml(a.modes.map((m) => t.modes[m]).join(' · '))}`);
  lines.push(`💰 <b>${escapeHtml(priceText(a.askingPrice, locale))}</b>`);
  if (a.fields.length > 0) lines.push(`🏷 ${escapeHtml(formatFields(a.fields, locale))}`);
  lines.push(`🛡 ${escapeHtml(t.ipStatus[a.ipStatus])}${a.patents.length > 0 ? `: ${escapeHtml(a.patents.join(', '))}` : ''}`);
  if (a.status !== 'listed') lines.push(t.statusLine(t.status[a.status]));
  lines.push('', escapeShort(a.summary, 1000));
  if (a.keywords.length > 0) lines.push('', `🔑 ${escapeShort(a.keywords.join(', '), 400)}`);
  if (a.references.length > 0) lines.push(t.papers(a.references.length));
  const tail = pageUrl ? ['', `<a href="${escapeHtml(pageUrl)}">${t.boardLink}</a>`] : [];
  if (deal) lines.push('', formatDealLines(deal, locale, timeZone, MESSAGE_LIMIT - [...lines, ...tail].join('\n').length - 2));
  return [...lines, ...tail].join('\n');
}

/** The most objections a deal's card or alert quotes; the rest are counted. */
const SHOWN_OBJECTIONS = 5;

/**
 * The objections a deal's card quotes, in the order quoted: those not answered yet first (their Answer
 * buttons follow this order), at most `SHOWN_OBJECTIONS`, since anyone signed in may file one.
 */
export function shownObjections(deal: Deal): Objection[] {
  const all = deal.objections ?? [];
  return [...all.filter((o) => o.answer === null), ...all.filter((o) => o.answer !== null)].slice(0, SHOWN_OBJECTIONS);
}

/**
 * A deal's announcement: who, how, for how much, until when objections are taken, and how many came, with
 * the `shownObjections` quoted in at most `room` characters (what the rest of the message leaves of
 * Telegram's limit): each reason and answer cut to its share, never below a line's worth.
 */
export function formatDealLines(deal: Deal, locale: Locale, timeZone?: string, room = MESSAGE_LIMIT / 2): string {
  const t = messagesFor(locale).deals;
  const mode = escapeHtml(t.modes[deal.mode]);
  const price = deal.price ? escapeHtml(formatMoney(deal.price, locale)) : t.priceUndisclosed;
  const lines = [t.announcement(deal.counterparty, mode, price), `${escapeHtml(t.status[deal.status])} · ${t.objectionCount(deal.objectionCount)}`];
  if (deal.status === 'announced') lines.push(t.objectionsUntil(escapeHtml(formatDateTime(deal.objectionUntil, locale, timeZone))));
  const shown = shownObjections(deal);
  const hidden = (deal.objections ?? []).length - shown.length;
  const more = hidden > 0 ? t.moreObjections(hidden) : null;
  const left = room - lines.join('\n').length - (more ? more.length + 1 : 0);
  const share = Math.min(500, Math.max(60, Math.floor(left / Math.max(1, shown.length * 2)) - 20));
  for (const objection of shown) {
    lines.push(`• <i>${escapeShort(objection.reason, share)}</i>`);
    if (objection.answer !== null) lines.push(`  ${t.answerLine(escapeShort(objection.answer, share))}`);
  }
  if (more) lines.push(more);
  return lines.join('\n');
}

function formatContact(contact: Contact, locale: Locale): string {
  const t = messagesFor(locale).enquiries;
  const who = contact.organization ? `${contact.displayName} · ${contact.organization}` : contact.displayName;
  const ways = [contact.email ? escapeHtml(contact.email) : null, contact.telegram ? `@${escapeHtml(contact.telegram)}` : null].filter(Boolean);
  return `<b>${escapeShort(who, 200)}</b> — ${ways.length > 0 ? ways.join(' · ') : t.noContactDetails}`;
}

/**
 * An enquiry as one of its two sides reads it: the achievement, who sent it (to the owner), the mode and
 * offer, the message, its status, the owner's reasons when declined, and both contacts once accepted.
 */
export function formatEnquiry(enquiry: Enquiry, { locale, reader, header }: { locale: Locale; reader: 'owner' | 'sender'; header?: string }): string {
  const t = messagesFor(locale);
  const e = t.enquiries;
  const lines: string[] = [];
  if (header) lines.push(header, '');
  lines.push(e.about(enquiry.achievementTitle));
  if (reader === 'owner') lines.push(e.from(enquiry.sender.organization ? `${enquiry.sender.displayName} · ${enquiry.sender.organization}` : enquiry.sender.displayName));
  lines.push(`🔁 ${escapeHtml(t.achievements.modes[enquiry.mode])}`);
  lines.push(`💰 ${enquiry.offer ? escapeHtml(formatMoney(enquiry.offer, locale)) : e.noOffer}`);
  lines.push(e.statusLine(escapeHtml(e.status[enquiry.status])));
  lines.push('', escapeShort(enquiry.message, 3000));
  if (enquiry.feedback) {
    lines.push('', e.declinedBecause(escapeHtml(e.reasons[enquiry.feedback.reason])));
    if (enquiry.feedback.note) lines.push(`<i>${escapeShort(enquiry.feedback.note, 1000)}</i>`);
  }
  if (enquiry.contacts) {
    lines.push('', e.contactsHeader, `${e.sender}: ${formatContact(enquiry.contacts.sender, locale)}`, `${e.owner}: ${formatContact(enquiry.contacts.owner, locale)}`);
  }
  return lines.join('\n');
}

/** A listed achievement as one entry of a list: title, institution, TRL and price; its number opens the card. */
export function achievementEntry(a: Achievement, locale: Locale): ListEntry {
  const t = messagesFor(locale).achievements;
  const status = a.status === 'listed' ? '' : ` · ${escapeHtml(t.status[a.status])}`;
  return {
    lines: `<b>${escapeShort(a.title, 90)}</b>\n${escapeShort(a.institution, 60)} · ${t.trl(a.trl)} · ${escapeHtml(priceText(a.askingPrice, locale))}${status}`,
    open: { action: 'achievement-open', achievementId: a.id },
  };
}

/** An enquiry as one entry of a list: the achievement (or the sender, to the owner), mode and status. */
export function enquiryEntry(enquiry: Enquiry, locale: Locale, viewerId: string): ListEntry {
  const t = messagesFor(locale);
  const who = enquiry.senderId === viewerId ? enquiry.achievementTitle : `${enquiry.sender.displayName} — ${enquiry.achievementTitle}`;
  return {
    lines: `<b>${escapeShort(who, 90)}</b>\n${escapeHtml(t.achievements.modes[enquiry.mode])} · ${escapeHtml(t.enquiries.status[enquiry.status])}`,
    open: { action: 'enquiry-open', enquiryId: enquiry.id },
  };
}
