import { formatUnit, parseKeywords, presentUnits, type KeywordAlternative } from '../../shared/lexicon/keyword-rule.js';
import type { Lexicon } from '../../shared/lexicon/lexicon.js';
import { isCjkTerm } from '../../shared/text.js';
import type { ChallengeRow, SubscriptionRow } from '../store/rows.js';
import type { Store } from '../store/store.js';
import { challengeKeys } from './challenge-text.js';
import { followTable } from './follow-table.js';
import { serverLexicon } from './lexicon.js';

/** A subscription with its keywords analyzed once, ready to be tested against any challenge. */
export interface CompiledSubscription {
  id: string;
  accountId: string;
  active: boolean;
  fields: ReadonlySet<string>;
  minReward: number | null;
  /**
   * The keyword alternatives (shared/lexicon/keyword-rule.ts); `null` when the keywords are blank (no
   * keyword condition). An empty list when keywords were given but none has a searchable term (only stop
   * words, numbers or punctuation): such a subscription never matches, rather than silently matching everything.
   */
  alternatives: KeywordAlternative[] | null;
}

/**
 * Parses a subscription's keywords into alternatives and units (see parseKeywords), translations from
 * `lexicon` (default: the server's; null: none).
 */
export function compileSubscription(sub: Readonly<SubscriptionRow>, lexicon: Lexicon | null = serverLexicon()): CompiledSubscription {
  const blank = sub.keywords.trim().length === 0;
  return {
    id: sub.id,
    accountId: sub.accountId,
    active: sub.active,
    fields: new Set(sub.fields),
    minReward: sub.minReward,
    alternatives: blank ? null : parsedKeywords(sub.keywords, lexicon),
  };
}

/** Parsed keyword lists per lexicon: many subscribers type the same keywords, and a start compiles them all. */
const parsed = new WeakMap<Lexicon, Map<string, KeywordAlternative[]>>();
const untranslated = new Map<string, KeywordAlternative[]>();
const PARSED_LIMIT = 20_000;

function parsedKeywords(keywords: string, lexicon: Lexicon | null): KeywordAlternative[] {
  let cache = lexicon ? parsed.get(lexicon) : untranslated;
  if (!cache) parsed.set(lexicon!, (cache = new Map()));
  let alternatives = cache.get(keywords);
  if (!alternatives) {
    alternatives = parseKeywords(keywords, lexicon);
    if (cache.size >= PARSED_LIMIT) cache.clear();
    cache.set(keywords, alternatives);
  }
  return alternatives;
}

function sharesField(wanted: ReadonlySet<string>, fields: readonly string[]): boolean {
  for (const field of fields) if (wanted.has(field)) return true;
  return false;
}

/**
 * Whether the challenge meets the subscription's conditions other than its keywords: the subscription is
 * active and not the owner's, shares a field when it names fields, and the reward reaches its minimum.
 */
export function acceptsChallenge(sub: CompiledSubscription, challenge: Readonly<ChallengeRow>): boolean {
  return (
    sub.active &&
    sub.accountId !== challenge.ownerId &&
    (sub.fields.size === 0 || sharesField(sub.fields, challenge.fields)) &&
    (sub.minReward === null || challenge.reward.amount >= sub.minReward)
  );
}

/**
 * Whether the subscription alerts on the challenge, and if so the units that met it ("battery",
 * "perovskite ↔ 钙钛矿"; empty for a fields-only subscription); `null` when it does not. The rules:
 * {@link acceptsChallenge}; an alternative matches when at least half its units are among
 * `challengeTextKeys` (from `challengeKeys`), in its words or a translation, and the keywords match when
 * any alternative does; blank keywords match any challenge, but then `fields` must be non-empty, or
 * nothing matches.
 */
export function matchSubscription(
  sub: CompiledSubscription,
  challenge: Readonly<ChallengeRow>,
  challengeTextKeys: ReadonlySet<string>,
): string[] | null {
  if (!acceptsChallenge(sub, challenge)) return null;
  if (sub.alternatives === null) return sub.fields.size > 0 ? [] : null;
  const has = (key: string) => challengeTextKeys.has(key);
  let matched: string[] | null = null;
  for (const alternative of sub.alternatives) {
    const present = presentUnits(alternative, has);
    if (present.length < alternative.needed) continue;
    matched ??= [];
    for (const unit of present) {
      const text = formatUnit(unit);
      if (!matched.includes(text)) matched.push(text);
    }
  }
  return matched;
}

/** The subscriptions of one account that a challenge matches: one alert's worth. */
export interface SubscriberMatch {
  accountId: string;
  /** Sorted. */
  subscriptionIds: string[];
  /** The units that met the challenge (see matchSubscription), without duplicates; empty when only fields-only subscriptions matched. */
  matchedTerms: string[];
}

/** What the index and its linear-scan reference both offer. */
export interface SubscriptionMatcher {
  /** Adds the subscription or replaces its stored version (a paused one is kept but never matches). */
  upsert(sub: Readonly<SubscriptionRow>): void;
  /** Forgets the subscription; unknown ids are ignored. */
  remove(id: string): void;
  /** How many subscriptions are stored, active or not. */
  readonly size: number;
  /**
   * Every account with at least one subscription matching the challenge (see {@link matchSubscription}),
   * once per account, sorted by account id; never the challenge's owner. Status is not checked: call it
   * when a challenge is published.
   */
  match(challenge: Readonly<ChallengeRow>): SubscriberMatch[];
}

export type SubscriptionIndex = SubscriptionMatcher;

export interface SubscriptionIndexOptions {
  /**
   * How common a key is among challenges (e.g. the challenge index's `documentFrequency`): each phrase is
   * anchored on its rarest key, so a publish visits few candidates. Without it, longer keys count as
   * rarer (a CJK character as much as three letters). The choice never changes results, only speed.
   */
  termFrequency?: (key: string) => number;
  /** Translations for the keywords: default the server's lexicon, null none. */
  lexicon?: Lexicon | null;
}

function specificity(key: string): number {
  const length = [...key].length;
  return isCjkTerm({ key }) ? length * 3 : length;
}

interface SubscriptionHit {
  sub: CompiledSubscription;
  terms: string[];
}

const bySubscriptionId = (a: SubscriptionHit, b: SubscriptionHit) => (a.sub.id < b.sub.id ? -1 : a.sub.id > b.sub.id ? 1 : 0);

/** One entry per account, in account id order, whatever order the hits were found in. */
function groupByAccount(hits: readonly SubscriptionHit[]): SubscriberMatch[] {
  const byAccount = new Map<string, SubscriptionHit[]>();
  for (const hit of hits) {
    const list = byAccount.get(hit.sub.accountId);
    if (list) list.push(hit);
    else byAccount.set(hit.sub.accountId, [hit]);
  }
  // The default sort compares UTF-16 code units, as `<` does, and is much faster with no comparator.
  return [...byAccount.keys()].sort().map((accountId) => {
    const list = byAccount.get(accountId)!;
    if (list.length === 1) return { accountId, subscriptionIds: [list[0]!.sub.id], matchedTerms: list[0]!.terms };
    list.sort(bySubscriptionId);
    return {
      accountId,
      subscriptionIds: list.map((hit) => hit.sub.id),
      matchedTerms: [...new Set(list.flatMap((hit) => hit.terms))],
    };
  });
}

interface FiledSubscription {
  sub: CompiledSubscription;
  /** The keys its phrases are anchored on. */
  anchors: string[];
  /** The fields it is filed under when it has no keywords. */
  fields: string[];
  /** The number of the last `match` call that tested it: one filed under two anchors is tested once. */
  testedBy: number;
}

type Postings = Map<string, FiledSubscription[]>;

function file(postings: Postings, key: string, entry: FiledSubscription): void {
  const list = postings.get(key);
  if (list) list.push(entry);
  else postings.set(key, [entry]);
}

function unfile(postings: Postings, key: string, entry: FiledSubscription): void {
  const list = postings.get(key);
  if (!list) return;
  const at = list.indexOf(entry);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) postings.delete(key);
}

/** The keys a subscription is filed under: the rarest of each unit's words and of each of its translations. */
function anchorsOf(alternatives: readonly KeywordAlternative[], anchorOf: (keys: readonly string[]) => string): string[] {
  const anchors = new Set<string>();
  for (const alternative of alternatives) {
    for (const unit of alternative.units) {
      anchors.add(anchorOf(unit.keys));
      for (const translation of unit.translations) anchors.add(anchorOf(translation.keys));
    }
  }
  return [...anchors];
}

/**
 * An inverted index over active subscriptions for the publish fan-out. Each unit of a subscription's
 * keywords, and each of its translations, is filed under one anchor key (its rarest): no alternative
 * matches without one of its units present, so a challenge looks up only the anchors among its own keys
 * and verifies those candidates in full, and the work grows with the matching subscriptions, not with all
 * of them. Fields-only subscriptions are filed under their fields. Paused subscriptions are stored unfiled.
 */
export function createSubscriptionIndex(options: SubscriptionIndexOptions = {}): SubscriptionIndex {
  const { termFrequency } = options;
  // The server's lexicon is built at the first subscription filed, not when the index is: it takes about a
  // third of a second of every start, and a server without subscriptions need not pay it before a search.
  const lexiconOf = () => (options.lexicon === undefined ? serverLexicon() : options.lexicon);
  const stored = new Map<string, FiledSubscription>();
  const byAnchor: Postings = new Map();
  const byField: Postings = new Map();
  let matchCalls = 0;

  const anchorOf = (keys: readonly string[]): string =>
    keys.reduce((best, key) => {
      const byFrequency = termFrequency ? termFrequency(key) - termFrequency(best) : 0;
      if (byFrequency !== 0) return byFrequency < 0 ? key : best;
      return specificity(key) > specificity(best) ? key : best;
    });

  const remove = (id: string) => {
    const entry = stored.get(id);
    if (!entry) return;
    for (const key of entry.anchors) unfile(byAnchor, key, entry);
    for (const field of entry.fields) unfile(byField, field, entry);
    stored.delete(id);
  };

  return {
    get size() {
      return stored.size;
    },

    upsert(row) {
      remove(row.id);
      const sub = compileSubscription(row, lexiconOf());
      const entry: FiledSubscription = { sub, anchors: [], fields: [], testedBy: 0 };
      if (sub.active && sub.alternatives !== null) {
        entry.anchors = anchorsOf(sub.alternatives, anchorOf);
        for (const key of entry.anchors) file(byAnchor, key, entry);
      } else if (sub.active && sub.fields.size > 0) {
        entry.fields = [...sub.fields];
        for (const field of entry.fields) file(byField, field, entry);
      }
      stored.set(sub.id, entry);
    },

    remove,

    match(challenge) {
      const call = ++matchCalls;
      const keys = challengeKeys(challenge);
      const hits: SubscriptionHit[] = [];
      const test = (candidates: FiledSubscription[] | undefined) => {
        if (!candidates) return;
        for (const entry of candidates) {
          if (entry.testedBy === call) continue;
          entry.testedBy = call;
          const terms = matchSubscription(entry.sub, challenge, keys);
          if (terms) hits.push({ sub: entry.sub, terms });
        }
      };
      for (const key of keys) test(byAnchor.get(key));
      for (const field of challenge.fields) test(byField.get(field));
      return groupByAccount(hits);
    },
  };
}

/**
 * The linear-scan reference: tests every stored subscription against the challenge, with the same rules
 * and output as {@link createSubscriptionIndex}. The oracle for tests and the benchmark's baseline.
 */
export function createSubscriptionScan(options: Pick<SubscriptionIndexOptions, 'lexicon'> = {}): SubscriptionMatcher {
  const lexicon = options.lexicon === undefined ? serverLexicon() : options.lexicon;
  const stored = new Map<string, CompiledSubscription>();
  return {
    get size() {
      return stored.size;
    },
    upsert(row) {
      stored.set(row.id, compileSubscription(row, lexicon));
    },
    remove(id) {
      stored.delete(id);
    },
    match(challenge) {
      const keys = challengeKeys(challenge);
      const matches: SubscriptionHit[] = [];
      for (const sub of stored.values()) {
        const terms = matchSubscription(sub, challenge, keys);
        if (terms) matches.push({ sub, terms });
      }
      return groupByAccount(matches);
    },
  };
}

/** A subscription index that follows the store, and how to stop following it. */
export interface AttachedSubscriptionIndex {
  index: SubscriptionIndex;
  detach: () => void;
}

/**
 * Builds a subscription index from every stored subscription and keeps it current from the store's
 * `onCommit` changes to the `subscriptions` table. Call once at server start; the publish flow then calls
 * `index.match(challenge)` and writes one `match` notification per returned account.
 */
export async function attachSubscriptionIndex(
  store: Store,
  index: SubscriptionIndex = createSubscriptionIndex(),
): Promise<AttachedSubscriptionIndex> {
  const detach = await followTable(store, 'subscriptions', index);
  return { index, detach };
}
