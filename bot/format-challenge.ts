import { fieldLabel } from '../shared/fields.js';
import type { Challenge } from '../shared/schemas/challenge.js';
import type { Locale, Money } from '../shared/schemas/common.js';
import type { Question } from '../shared/schemas/question.js';
import { escapeHtml, escapeShort, MESSAGE_LIMIT, truncate } from './html.js';
import { intlTag, messagesFor, type Messages } from './i18n.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What a card needs of a challenge; a preview of a challenge not yet created has no more than this. */
export type CardChallenge = Pick<Challenge, 'title' | 'summary' | 'fields' | 'reward' | 'deadline' | 'status' | 'owner'> &
  Partial<Pick<Challenge, 'description' | 'type' | 'ipTerms' | 'counters' | 'award'>>;

/** An amount with its currency, the way the locale writes money (`CN¥500,000`, `US$80,000.50`). */
export function formatMoney(money: Money, locale: Locale): string {
  const whole = Number.isInteger(money.amount);
  try {
    return new Intl.NumberFormat(intlTag(locale), {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(money.amount);
  } catch {
    // An ISO code Intl does not know still reads well as "1,000 XYZ".
    return `${new Intl.NumberFormat(intlTag(locale)).format(money.amount)} ${money.currency}`;
  }
}

/** A moment as people read it, always in UTC so that every reader sees the same deadline. */
export function formatDateTime(iso: string, locale: Locale): string {
  const formatted = new Intl.DateTimeFormat(intlTag(locale), {
    timeZone: 'UTC',
    year: 'numeric',
    month: locale === 'zh' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
  return `${formatted} UTC`;
}

/** How long until the deadline, in the largest unit that reads naturally ("12 days left"). */
export function countdown(deadline: string, now: Date, t: Messages): string {
  const left = Date.parse(deadline) - now.getTime();
  if (left <= 0) return t.card.deadlinePassed;
  if (left >= 2 * DAY) return t.card.daysLeft(Math.floor(left / DAY));
  if (left >= HOUR) return t.card.hoursLeft(Math.floor(left / HOUR));
  return t.card.minutesLeft(Math.ceil(left / MINUTE));
}

/** The fields of a challenge in the locale, joined for one line. */
export function formatFields(fields: readonly string[], locale: Locale): string {
  return fields.map((f) => fieldLabel(f, locale)).join(' · ');
}

export interface CardOptions {
  locale: Locale;
  now: Date;
  /** The details view: type, IP terms, description, counters and the answered questions. */
  detailed?: { questions: readonly Question[] };
  /** A line above the card, e.g. why it is being sent ("New challenge matching your alert"). */
  header?: string;
}

/**
 * The one way a challenge is shown in the bot (lists, alerts, previews, details): title, enterprise,
 * reward, deadline with a countdown, fields, status when not open, and the summary — Telegram HTML with
 * everything people typed escaped, always within Telegram's message limit.
 */
export function formatChallengeCard(challenge: CardChallenge, { locale, now, detailed, header }: CardOptions): string {
  const t = messagesFor(locale);
  const owner = challenge.owner.organization ? `${challenge.owner.displayName} · ${challenge.owner.organization}` : challenge.owner.displayName;
  const lines: string[] = [];
  if (header) lines.push(header, '');
  lines.push(`<b>${escapeShort(challenge.title, 160)}</b>`);
  lines.push(`${t.card.enterprise} ${escapeShort(owner, 120)}`);
  lines.push(`${t.card.reward}: <b>${escapeHtml(formatMoney(challenge.reward, locale))}</b>`);
  const remaining = challenge.status === 'open' || challenge.status === 'draft' ? ` — ${countdown(challenge.deadline, now, t)}` : '';
  lines.push(`${t.card.deadline}: ${escapeHtml(formatDateTime(challenge.deadline, locale))}${remaining}`);
  if (challenge.fields.length > 0) lines.push(`${t.card.fields} ${escapeHtml(formatFields(challenge.fields, locale))}`);
  if (challenge.status !== 'open') lines.push(t.challengeStatus[challenge.status]);
  if (challenge.award) lines.push(t.card.awardedTo(challenge.award.winner.displayName, escapeHtml(formatMoney(challenge.award.amount, locale))));
  lines.push('', escapeShort(challenge.summary, 600));
  if (!detailed) return lines.join('\n');

  if (challenge.type) lines.push('', `<b>${t.card.type}:</b> ${t.challengeType[challenge.type]}`);
  if (challenge.ipTerms) lines.push(`<b>${t.card.ipTerms}:</b> ${t.ipTerms[challenge.ipTerms]}`);
  if (challenge.counters) lines.push(t.card.counters(challenge.counters.bids, challenge.counters.saves, challenge.counters.questions));
  const answered = detailed.questions.filter((q) => q.answer);
  const qa = answered.slice(0, 5).map((q) => `• <i>${escapeShort(q.text, 300)}</i>\n  ${escapeShort(q.answer ?? '', 500)}`);
  const tail = qa.length > 0 ? ['', t.card.questionsHeader, ...qa] : [];
  const head = lines.join('\n');
  const description = challenge.description?.trim();
  if (!description) return [head, ...tail].join('\n');
  // The description gets whatever room the rest leaves, so the message always fits.
  const label = `\n\n<b>${t.card.description}</b>\n`;
  const room = MESSAGE_LIMIT - head.length - label.length - tail.join('\n').length - 1;
  return [head + label + escapeWithin(description, room), ...tail].join('\n');
}

/** `text` escaped, cut so that the escaped form is at most `room` characters (escaping lengthens it). */
function escapeWithin(text: string, room: number): string {
  let chars = room;
  let escaped = escapeHtml(truncate(text, chars));
  while (escaped.length > room && chars > 1) {
    chars = Math.max(1, Math.floor((chars * room) / escaped.length) - 1);
    escaped = escapeHtml(truncate(text, chars));
  }
  return escaped;
}
