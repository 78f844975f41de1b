import type { Locale } from '../shared/schemas/common.js';

/**
 * The data behind every inline button: typed, versioned, and packed as `v1:<code>:<field>:…` within
 * Telegram's 64-byte limit. A button is only a hint of what the user wants: every press is decoded and
 * validated here, then the handler asks the domain services, which decide what is allowed. A button that
 * does not decode (stale, forged, or from an older version) is answered politely and does nothing else.
 */

/** Bumped when the meaning of a code changes; buttons of other versions are refused as outdated. */
export const CALLBACK_VERSION = 'v1';
/** Telegram's limit on `callback_data`, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** The roles a person can pick with one button. */
export type RoleChoice = 'researcher' | 'enterprise' | 'both';
/** Lists that page with a "More" button. */
export type ListKind = 'open' | 'search' | 'saved' | 'mine' | 'mybids' | 'subscriptions' | 'achievements' | 'myachievements' | 'enquiries' | 'notifications' | 'sessions' | 'reviews';

interface FieldCodec<T> {
  pattern: RegExp;
  write(value: T): string;
  read(text: string): T;
}

const codec = <T>(pattern: RegExp, write: (v: T) => string, read: (s: string) => T): FieldCodec<T> => ({ pattern, write, read });
// Ids are `chl_` and 12 characters today; 20 leaves room and still fits two ids in one button.
const idCodec = codec<string>(/^[a-z]{3}_[0-9a-z]{4,20}$/, String, String);
const flagCodec = codec<boolean>(/^[01]$/, (v) => (v ? '1' : '0'), (s) => s === '1');
const ROLE_CODES: Record<RoleChoice, string> = { researcher: 'r', enterprise: 'e', both: 'b' };
const LIST_CODES: Record<ListKind, string> = { open: 'o', search: 's', saved: 'v', mine: 'm', mybids: 'b', subscriptions: 'u', achievements: 'a', myachievements: 'y', enquiries: 'e', notifications: 'n', sessions: 'k', reviews: 'r' };
const reverse = <K extends string>(table: Record<K, string>) => Object.fromEntries(Object.entries(table).map(([k, v]) => [v, k])) as Record<string, K>;
const enumCodec = <K extends string>(table: Record<K, string>) => {
  const back = reverse(table);
  return codec<K>(new RegExp(`^[${Object.values(table).join('')}]$`), (v) => table[v], (s) => back[s]!);
};

/** How each named field is written and validated; every field of every action is one of these. */
const FIELDS = {
  locale: codec<Locale>(/^(en|zh)$/, String, (s) => s as Locale),
  roles: enumCodec(ROLE_CODES),
  challengeId: idCodec,
  bidId: idCodec,
  subscriptionId: idCodec,
  questionId: idCodec,
  achievementId: idCodec,
  enquiryId: idCodec,
  dealId: idCodec,
  objectionId: idCodec,
  notificationId: idCodec,
  /** An API token's row id (`tok_…`), never the token itself. */
  tokenId: idCodec,
  confirmed: flagCodec,
  active: flagCodec,
  offset: codec<number>(/^\d{1,5}$/, String, Number),
  list: enumCodec(LIST_CODES),
  /** A key of the bot's short-lived memo (a search query), or `-` for none. */
  memo: codec<string>(/^(-|[0-9a-z]{4,12})$/, String, String),
  /** An IANA time zone name (`Asia/Hong_Kong`, `UTC`); whether `Intl` knows it is checked by the handler. */
  timeZone: codec<string>(/^[A-Za-z][A-Za-z0-9_+-]{0,13}(\/[A-Za-z0-9_+-]{1,20}){0,2}$/, String, String),
  /** A conversation step's choice: `done`, `skip`, `f-3`, … */
  value: codec<string>(/^[0-9a-z-]{1,24}$/, String, String),
} satisfies Record<string, FieldCodec<any>>;

type FieldName = keyof typeof FIELDS;
type FieldValue<F extends FieldName> = ReturnType<(typeof FIELDS)[F]['read']>;

/** Every action: its two-letter code on the wire and its fields, in order. Codes are never reused. */
const ACTIONS = {
  /** /start, step 1: the language. */
  'start-lang': { code: 'sl', fields: ['locale'] },
  /** /start, step 2: the roles; registers the account. */
  'start-roles': { code: 'sr', fields: ['locale', 'roles'] },
  /** An existing account changes its roles. */
  'set-roles': { code: 'rl', fields: ['roles'] },
  'set-lang': { code: 'lg', fields: ['locale'] },
  /** /timezone: one of the common zones. */
  'set-zone': { code: 'tz', fields: ['timeZone'] },
  save: { code: 'sv', fields: ['challengeId'] },
  unsave: { code: 'us', fields: ['challengeId'] },
  details: { code: 'dt', fields: ['challengeId'] },
  propose: { code: 'pr', fields: ['challengeId'] },
  ask: { code: 'ak', fields: ['challengeId'] },
  /** Opens a list as a new message (from a notification or an offer). */
  more: { code: 'mo', fields: ['list', 'offset', 'memo'] },
  /** ◂ Prev / Next ▸ under a list: the same list message, edited to another page. */
  page: { code: 'pg', fields: ['list', 'offset', 'memo'] },
  /** The owner's list of bids on one challenge, as a new message. */
  bids: { code: 'cb', fields: ['challengeId', 'offset'] },
  /** Prev / Next under a challenge's bids: the same message, edited. */
  'bids-page': { code: 'bp', fields: ['challengeId', 'offset'] },
  /** An item of /mychallenges: the challenge's card with its owner's buttons. */
  'mine-open': { code: 'mc', fields: ['challengeId'] },
  /** An item of a challenge's bids: the bid with Shortlist / Not selected / Award. */
  'bid-open': { code: 'bo', fields: ['bidId'] },
  publish: { code: 'pb', fields: ['challengeId'] },
  close: { code: 'cl', fields: ['challengeId', 'confirmed'] },
  cancel: { code: 'cx', fields: ['challengeId', 'confirmed'] },
  /** The owner's Edit on a draft or open challenge's card: starts the edit form. */
  edit: { code: 'oe', fields: ['challengeId'] },
  shortlist: { code: 'bs', fields: ['bidId'] },
  reject: { code: 'br', fields: ['bidId'] },
  award: { code: 'ba', fields: ['challengeId', 'bidId', 'confirmed'] },
  /** "Award with a note" under the award question: starts the form that asks for the note, then awards. */
  'award-note': { code: 'on', fields: ['challengeId', 'bidId'] },
  withdraw: { code: 'bw', fields: ['bidId', 'confirmed'] },
  'my-bid': { code: 'bv', fields: ['bidId'] },
  /** The bidder's Revise: starts the revise form on a live bid. */
  revise: { code: 'vr', fields: ['bidId'] },
  /** "Keep it" under a withdraw question asked on the bid's own card: the card comes back as it is now. */
  'my-bid-keep': { code: 'vk', fields: ['bidId'] },
  'subscription-active': { code: 'sa', fields: ['subscriptionId', 'active'] },
  'subscription-delete': { code: 'sd', fields: ['subscriptionId'] },
  answer: { code: 'qa', fields: ['challengeId', 'questionId'] },
  /** An achievement's card, as a new message, with the buttons the viewer may use. */
  'achievement-open': { code: 'ao', fields: ['achievementId'] },
  'achievement-publish': { code: 'ap', fields: ['achievementId'] },
  'achievement-withdraw': { code: 'aw', fields: ['achievementId', 'confirmed'] },
  /** The owner's list of enquiries on one achievement, as a new message; its Prev / Next edit it. */
  'achievement-enquiries': { code: 'ae', fields: ['achievementId', 'offset'] },
  'achievement-enquiries-page': { code: 'ag', fields: ['achievementId', 'offset'] },
  /** Starts the enquiry form on a listed achievement. */
  enquire: { code: 'ai', fields: ['achievementId'] },
  /** The owner records a deal (starts its form). */
  'achievement-deal': { code: 'ad', fields: ['achievementId'] },
  /** Files an objection on an announced deal (starts its form). */
  'deal-object': { code: 'ax', fields: ['dealId'] },
  /** The deal's owner answers one objection (starts its form). */
  'objection-answer': { code: 'an', fields: ['dealId', 'objectionId'] },
  'enquiry-open': { code: 'eo', fields: ['enquiryId'] },
  'enquiry-accept': { code: 'ea', fields: ['enquiryId'] },
  /** Starts the decline form (a reason and a note). */
  'enquiry-decline': { code: 'ed', fields: ['enquiryId'] },
  'enquiry-withdraw': { code: 'ew', fields: ['enquiryId', 'confirmed'] },
  /** /profile's message shown again (`view`), or turned into the language, time zone or roles choice. */
  profile: { code: 'np', fields: ['value'] },
  /** /profile's Organization, Keywords or Fields: starts the one-step form that edits it. */
  'profile-edit': { code: 'nf', fields: ['value'] },
  /** Mark read one notification of the /notifications page at `offset`, which is edited to show it. */
  'notification-read': { code: 'nr', fields: ['notificationId', 'offset'] },
  'notifications-read-all': { code: 'na', fields: ['offset'] },
  /** Revoke one sign-in of the /sessions page at `offset`: asks first, then edits the page. */
  'session-revoke': { code: 'nv', fields: ['tokenId', 'confirmed', 'offset'] },
  /** Sign out everywhere: revokes every API token of the account, after confirming. */
  'sessions-revoke-all': { code: 'ne', fields: ['confirmed'] },
  /** /reviews: "Redeem an invite code" starts the redeem form. */
  'review-redeem': { code: 'jc', fields: [] },
  /** An item of /reviews: the bids of that assignment, as a new message; its Prev / Next edit it. */
  'review-bids': { code: 'jo', fields: ['challengeId', 'offset'] },
  'review-bids-page': { code: 'jp', fields: ['challengeId', 'offset'] },
  /** A reviewer opens an assigned bid: the bids message becomes the bid with its rubric (and back). */
  'review-bid': { code: 'jb', fields: ['bidId'] },
  /** Starts the score form on an assigned bid. */
  'review-score': { code: 'js', fields: ['bidId'] },
  /** Starts the recusal form (a reason, then a confirmation). */
  'review-recuse': { code: 'jx', fields: ['bidId'] },
  /** The owner's ranking of a challenge, as a new message; its Prev / Next edit it. */
  ranking: { code: 'jk', fields: ['challengeId', 'offset'] },
  'ranking-page': { code: 'jq', fields: ['challengeId', 'offset'] },
  /** Starts the form that sends chosen reviewer comments to a bidder as feedback. */
  'ranking-feedback': { code: 'jf', fields: ['bidId'] },
  /** Advance the shortlist to the next phase: asks with the shortlist shown, then does it. */
  'ranking-advance': { code: 'ja', fields: ['challengeId', 'confirmed'] },
  /** "No, keep it" under a confirmation question: nothing happens but the question going away. */
  dismiss: { code: 'ds', fields: [] },
  /** A button inside a conversation step; only the conversation that sent it acts on it. */
  step: { code: 'cv', fields: ['value'] },
} as const satisfies Record<string, { code: string; fields: readonly FieldName[] }>;

type Action = keyof typeof ACTIONS;

/** What one button means, typed per action. */
export type CallbackData = {
  [A in Action]: { action: A } & { [F in (typeof ACTIONS)[A]['fields'][number]]: FieldValue<F> };
}[Action];

/** The data of one action, e.g. `CallbackOf<'award'>`. */
export type CallbackOf<A extends Action> = Extract<CallbackData, { action: A }>;

const BY_CODE = new Map<string, Action>(Object.entries(ACTIONS).map(([action, spec]) => [spec.code, action as Action]));

/**
 * The `callback_data` string of a button. Throws when a value does not fit its field or the result is
 * longer than Telegram allows — both are bugs in the caller, never user input.
 */
export function packCallback(data: CallbackData): string {
  const spec = ACTIONS[data.action];
  const parts: string[] = [CALLBACK_VERSION, spec.code];
  for (const field of spec.fields) {
    const codec = FIELDS[field] as FieldCodec<unknown>;
    const text = codec.write((data as Record<string, unknown>)[field]);
    if (!codec.pattern.test(text)) throw new Error(`Callback field ${field} of ${data.action} cannot hold ${JSON.stringify(text)}`);
    parts.push(text);
  }
  const packed = parts.join(':');
  if (Buffer.byteLength(packed, 'utf8') > CALLBACK_DATA_MAX_BYTES) throw new Error(`Callback data of ${data.action} is longer than 64 bytes`);
  return packed;
}

/** Why a button's data was refused: made by an older version of the bot, or not ours at all. */
export type CallbackProblem = 'outdated' | 'invalid';

/** The meaning of a button press, or why it has none. Never throws, whatever the input. */
export function unpackCallback(raw: string | undefined): { ok: true; data: CallbackData } | { ok: false; problem: CallbackProblem } {
  if (!raw || Buffer.byteLength(raw, 'utf8') > CALLBACK_DATA_MAX_BYTES) return { ok: false, problem: 'invalid' };
  const [version, code, ...values] = raw.split(':');
  if (version !== CALLBACK_VERSION) return { ok: false, problem: /^v\d+$/.test(version ?? '') ? 'outdated' : 'invalid' };
  const action = BY_CODE.get(code ?? '');
  if (!action) return { ok: false, problem: 'invalid' };
  const spec = ACTIONS[action];
  if (values.length !== spec.fields.length) return { ok: false, problem: 'invalid' };
  const data: Record<string, unknown> = { action };
  for (const [i, field] of spec.fields.entries()) {
    const codec = FIELDS[field] as FieldCodec<unknown>;
    const text = values[i]!;
    if (!codec.pattern.test(text)) return { ok: false, problem: 'invalid' };
    data[field] = codec.read(text);
  }
  return { ok: true, data: data as CallbackData };
}

/** A regular expression matching every packed button of `action`, for grammY's `callbackQuery` filter. */
export function callbackPattern(action: Action): RegExp {
  return new RegExp(`^${CALLBACK_VERSION}:${ACTIONS[action].code}(:|$)`);
}

/** Every action name, for tests that check each one round-trips. */
export const CALLBACK_ACTIONS = Object.keys(ACTIONS) as Action[];
