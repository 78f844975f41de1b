import { analyze, distinctKeys, isCjkTerm, REQUIRED_ROLES, splitPhrases } from '../../shared/text.js';
import type { ChallengeRow, SubscriptionRow } from '../store/rows.js';
import type { Store } from '../store/store.js';
import { challengeKeys } from './challenge-text.js';
import { followTable } from './follow-table.js';

/** One phrase of a subscription's keywords and the analyzed keys that must all appear in a challenge. */
export interface SubscriptionPhrase {
  /** As the subscriber typed it (trimmed): what an alert shows as the matched terms. */
  text: string;
  keys: string[];
}

/** A subscription with its keywords analyzed once, ready to be tested against any challenge. */
export interface CompiledSubscription {
  id: string;
  accountId: string;
  active: boolean;
  fields: ReadonlySet<string>;
  minReward: number | null;
  /**
   * `null` when the keywords are blank (no keyword condition). An empty list when keywords were given but
   * none has a searchable term (only stop words or punctuation): such a subscription never matches, rather
   * than silently matching everything.
   */
  phrases: SubscriptionPhrase[] | null;
}

/** Analyzes a subscription's keywords into phrases (see {@link splitPhrases}) and their required keys. */
export function compileSubscription(sub: Readonly<SubscriptionRow>): CompiledSubscription {
  const blank = sub.keywords.trim().length === 0;
  return {
    id: sub.id,
    accountId: sub.accountId,
    active: sub.active,
    fields: new Set(sub.fields),
    minReward: sub.minReward,
    phrases: blank
      ? null
      : splitPhrases(sub.keywords)
          .map((text) => ({ text, keys: distinctKeys(analyze(text), REQUIRED_ROLES) }))
          .filter((phrase) => phrase.keys.length > 0),
  };
}

/**
 * Whether the subscription alerts on the challenge, and if so the phrases that matched (empty for a
 * fields-only subscription); `null` when it does not. The rules: an inactive subscription never matches;
 * nor does one of the challenge's owner; non-empty `fields` must share a field with the challenge;
 * `minReward` is compared with the reward amount; a phrase matches when all its keys are among
 * `challengeTextKeys` (from `challengeKeys`), and the keywords match when any phrase does; blank keywords
 * match any challenge but then `fields` must be non-empty, or nothing matches.
 */
export function matchSubscription(
  sub: CompiledSubscription,
  challenge: Readonly<ChallengeRow>,
  challengeTextKeys: ReadonlySet<string>,
): string[] | null {
  if (!sub.active || sub.accountId === challenge.ownerId) return null;
  if (sub.fields.size > 0 && !challenge.fields.some((field) => sub.fields.has(field))) return null;
  if (sub.minReward !== null && challenge.reward.amount < sub.minReward) return null;
  if (sub.phrases === null) return sub.fields.size > 0 ? [] : null;
  const matched = sub.phrases.filter((phrase) => phrase.keys.every((key) => challengeTextKeys.has(key)));
  return matched.length > 0 ? matched.map((phrase) => phrase.text) : null;
}

/** The subscriptions of one account that a challenge matches: one alert's worth. */
export interface SubscriberMatch {
  accountId: string;
  /** Sorted. */
  subscriptionIds: string[];
  /** The matched phrases as typed, without duplicates; empty when only fields-only subscriptions matched. */
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
}

function specificity(key: string): number {
  const length = [...key].length;
  return isCjkTerm({ key }) ? length * 3 : length;
}

function groupByAccount(matches: readonly { sub: CompiledSubscription; terms: string[] }[]): SubscriberMatch[] {
  const byAccount = new Map<string, { sub: CompiledSubscription; terms: string[] }[]>();
  for (const match of matches) {
    const list = byAccount.get(match.sub.accountId);
    if (list) list.push(match);
    else byAccount.set(match.sub.accountId, [match]);
  }
  return [...byAccount]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([accountId, list]) => {
      list.sort((a, b) => (a.sub.id < b.sub.id ? -1 : a.sub.id > b.sub.id ? 1 : 0));
      return {
        accountId,
        subscriptionIds: list.map((m) => m.sub.id),
        matchedTerms: [...new Set(list.flatMap((m) => m.terms))],
      };
    });
}

interface IndexedSubscription {
  sub: CompiledSubscription;
  /** The keys its phrases are anchored on, or the fields it is filed under when it has no keywords. */
  postedUnder: { anchors: string[]; fields: string[] };
}

/**
 * An inverted index over active subscriptions for the publish fan-out. Each phrase is filed under one
 * anchor key (its rarest); a challenge looks up only the anchors among its own keys and verifies those
 * candidates in full, so the work grows with the matching subscriptions, not with all of them. Fields-only
 * subscriptions are filed under their fields. Paused subscriptions are stored unfiled.
 */
export function createSubscriptionIndex(options: SubscriptionIndexOptions = {}): SubscriptionIndex {
  const { termFrequency } = options;
  const stored = new Map<string, IndexedSubscription>();
  const byAnchor = new Map<string, Map<string, CompiledSubscription>>();
  const byField = new Map<string, Map<string, CompiledSubscription>>();

  const anchorOf = (keys: readonly string[]): string =>
    keys.reduce((best, key) => {
      const byFrequency = termFrequency ? termFrequency(key) - termFrequency(best) : 0;
      if (byFrequency !== 0) return byFrequency < 0 ? key : best;
      return specificity(key) > specificity(best) ? key : best;
    });

  const file = (postings: Map<string, Map<string, CompiledSubscription>>, key: string, sub: CompiledSubscription) => {
    let filed = postings.get(key);
    if (!filed) postings.set(key, (filed = new Map()));
    filed.set(sub.id, sub);
  };

  const unfile = (postings: Map<string, Map<string, CompiledSubscription>>, key: string, id: string) => {
    const filed = postings.get(key);
    if (!filed) return;
    filed.delete(id);
    if (filed.size === 0) postings.delete(key);
  };

  const remove = (id: string) => {
    const entry = stored.get(id);
    if (!entry) return;
    for (const key of entry.postedUnder.anchors) unfile(byAnchor, key, id);
    for (const field of entry.postedUnder.fields) unfile(byField, field, id);
    stored.delete(id);
  };

  return {
    get size() {
      return stored.size;
    },

    upsert(row) {
      remove(row.id);
      const sub = compileSubscription(row);
      const postedUnder: IndexedSubscription['postedUnder'] = { anchors: [], fields: [] };
      if (sub.active && sub.phrases !== null) {
        postedUnder.anchors = [...new Set(sub.phrases.map((phrase) => anchorOf(phrase.keys)))];
        for (const key of postedUnder.anchors) file(byAnchor, key, sub);
      } else if (sub.active && sub.fields.size > 0) {
        postedUnder.fields = [...sub.fields];
        for (const field of postedUnder.fields) file(byField, field, sub);
      }
      stored.set(sub.id, { sub, postedUnder });
    },

    remove,

    match(challenge) {
      const keys = challengeKeys(challenge);
      const visited = new Set<string>();
      const matches: { sub: CompiledSubscription; terms: string[] }[] = [];
      const consider = (candidates: Map<string, CompiledSubscription> | undefined) => {
        if (!candidates) return;
        for (const sub of candidates.values()) {
          if (visited.has(sub.id)) continue;
          visited.add(sub.id);
          const terms = matchSubscription(sub, challenge, keys);
          if (terms) matches.push({ sub, terms });
        }
      };
      for (const key of keys) consider(byAnchor.get(key));
      for (const field of challenge.fields) consider(byField.get(field));
      return groupByAccount(matches);
    },
  };
}

/**
 * The linear-scan reference: tests every stored subscription against the challenge, with the same rules
 * and output as {@link createSubscriptionIndex}. The oracle for tests and the benchmark's baseline.
 */
export function createSubscriptionScan(): SubscriptionMatcher {
  const stored = new Map<string, CompiledSubscription>();
  return {
    get size() {
      return stored.size;
    },
    upsert(row) {
      stored.set(row.id, compileSubscription(row));
    },
    remove(id) {
      stored.delete(id);
    },
    match(challenge) {
      const keys = challengeKeys(challenge);
      const matches: { sub: CompiledSubscription; terms: string[] }[] = [];
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
