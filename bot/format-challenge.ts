import { fieldLabel } from '../shared/fields.js';
import { cachedFormatter, countdown, formatMoney, intlLocale } from '../shared/format.js';
import type { Challenge } from '../shared/schemas/challenge.js';
import type { Locale } from '../shared/schemas/common.js';
import type { Question } from '../shared/schemas/question.js';
import { DEFAULT_TIME_ZONE } from '../shared/time-zone.js';
import { escapeHtml, escapeShort, MESSAGE_LIMIT, truncate } from './html.js';
import { messagesFor } from './i18n.js';

/** What a card needs of a challenge; a preview of a challenge not yet created has no more than this. */
export type CardChallenge = Pick<Challenge, 'title' | 'summary' | 'fields' | 'reward' | 'deadline' | 'status' | 'owner'> &
  Partial<Pick<Challenge, 'description' | 'type' | 'ipTerms' | 'counters' | 'award'>>;

/**
 * A moment as its reader reads it: in their zone (`timeZone`; their language's default without one —
 * Beijing time for Chinese, UTC for English), the zone named after it so that no one misreads it.
 */
export function formatDateTime(iso: string, locale: Locale, timeZone = DEFAULT_TIME_ZONE[locale]): string {
  const format = cachedFormatter(
    `bot date-time ${locale} ${timeZone}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone,
        year: 'numeric',
        month: locale === 'zh' ? 'long' : 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  return `${format.format(new Date(iso))} ${zoneLabel(timeZone, locale)}`;
}

/** A zone as a reader recognises it: `UTC`, `北京时间`, or the IANA name. */
function zoneLabel(timeZone: string, locale: Locale): string {
  if (timeZone === 'Asia/Shanghai') return locale === 'zh' ? '北京时间' : 'Beijing time';
  return timeZone;
}

/** The fields of a challenge in the locale, joined for one line. */
export function formatFields(fields: readonly string[], locale: Locale): string {
  return fields.map((f) => fieldLabel(f, locale)).join(' · ');
}

export interface CardOptions {
  locale: Locale;
  now: Date;
  /** The reader's zone for the deadline; their language's default without one. */
  timeZone?: string;
  /** The details view: type, IP terms, description, counters and the answered questions. */
  detailed?: { questions: readonly Question[] };
  /** A line above the card, e.g. why it is being sent ("New challenge matching your alert"). */
  header?: string;
  /** The challenge's page on the board, linked under a description cut to fit the message. */
  pageUrl?: string;
}

/**
 * The one way a challenge is shown in the bot (lists, alerts, previews, details): title, enterprise,
 * reward, deadline with a countdown, fields, status when not open, and the summary — Telegram HTML with
 * everything people typed escaped, always within Telegram's message limit.
 */
export function formatChallengeCard(challenge: CardChallenge, { locale, now, timeZone, detailed, header, pageUrl }: CardOptions): string {
  const t = messagesFor(locale);
  const owner = challenge.owner.organization ? `${challenge.owner.displayName} · ${challenge.owner.organization}` : challenge.owner.displayName;
  const lines: string[] = [];
  if (header) lines.push(header, '');
  lines.push(`<b>${escapeShort(challenge.title, 160)}</b>`);
  lines.push(`${t.card.enterprise} ${escapeShort(owner, 120)}`);
  lines.push(`${t.card.reward}: <b>${escapeHtml(formatMoney(challenge.reward, locale))}</b>`);
  const remaining = challenge.status === 'open' || challenge.status === 'draft' ? ` — ${countdown(challenge.deadline, now, locale).text}` : '';
  lines.push(`${t.card.deadline}: ${escapeHtml(formatDateTime(challenge.deadline, locale, timeZone))}${remaining}`);
  if (challenge.fields.length > 0) lines.push(`${t.card.fields} ${escapeHtml(formatFields(challenge.fields, locale))}`);
  if (challenge.status !== 'open') lines.push(t.challengeStatus[challenge.status]);
  if (challenge.award) lines.push(t.card.awardedTo(challenge.award.winner.displayName, escapeHtml(formatMoney(challenge.award.amount, locale))));
  lines.push('', escapeShort(challenge.summary, 600));
  if (!detailed) return lines.join('\n');

  // Plain-text labels (they are button labels too), so escaped here: `Joint R&D` is not HTML.
  if (challenge.type) lines.push('', `<b>${t.card.type}:</b> ${escapeHtml(t.challengeType[challenge.type])}`);
  if (challenge.ipTerms) lines.push(`<b>${t.card.ipTerms}:</b> ${escapeHtml(t.ipTerms[challenge.ipTerms])}`);
  if (challenge.counters) lines.push(t.card.counters(challenge.counters.bids, challenge.counters.saves, challenge.counters.questions));
  const answered = detailed.questions.filter((q) => q.answer);
  const qa = answered.slice(0, 5).map((q) => `• <i>${escapeShort(q.text, 300)}</i>\n  ${escapeShort(q.answer ?? '', 500)}`);
  const tail = qa.length > 0 ? ['', t.card.questionsHeader, ...qa] : [];
  const head = lines.join('\n');
  const description = challenge.description?.trim();
  if (!description) return [head, ...tail].join('\n');
  // The description gets whatever room the rest leaves, so the message always fits; when it is cut, the
  // board's page has it all.
  const label = `\n\n<b>${t.card.description}</b>\n`;
  const room = MESSAGE_LIMIT - head.length - label.length - tail.join('\n').length - 1;
  const whole = escapeHtml(description);
  if (whole.length <= room) return [head + label + whole, ...tail].join('\n');
  const link = pageUrl ? `\n<a href="${escapeHtml(pageUrl)}">${t.card.readAll}</a>` : '';
  return [head + label + escapeWithin(description, room - link.length) + link, ...tail].join('\n');
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

/** The parts of a challenge /post asks for, in its order; Edit offers the same ones. */
export const CHALLENGE_PARTS = ['title', 'summary', 'description', 'fields', 'keywords', 'type', 'reward', 'deadline', 'ipTerms'] as const;
export type ChallengePart = (typeof CHALLENGE_PARTS)[number];

/**
 * One part of a challenge as HTML, for Edit's "now" line and its before → after preview: the same words the
 * card uses (labels, money, the deadline in the reader's zone), long texts cut, an empty one as a dash.
 */
export function formatChallengePart(
  part: ChallengePart,
  challenge: Pick<Challenge, ChallengePart>,
  { locale, timeZone }: { locale: Locale; timeZone?: string },
): string {
  const t = messagesFor(locale);
  const orEmpty = (html: string) => html || t.edit.empty;
  switch (part) {
    case 'title':
      return escapeShort(challenge.title, 160);
    case 'summary':
      return escapeShort(challenge.summary, 600);
    case 'description':
      return orEmpty(escapeShort(challenge.description.trim(), 400));
    case 'fields':
      return escapeHtml(formatFields(challenge.fields, locale));
    case 'keywords':
      return orEmpty(escapeHtml(challenge.keywords.join(t.conversation.listSeparator)));
    case 'type':
      return escapeHtml(t.challengeType[challenge.type]);
    case 'reward':
      return escapeHtml(formatMoney(challenge.reward, locale));
    case 'deadline':
      return escapeHtml(formatDateTime(challenge.deadline, locale, timeZone));
    case 'ipTerms':
      return escapeHtml(t.ipTerms[challenge.ipTerms]);
  }
}
