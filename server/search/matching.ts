import { fieldLabel } from '../../shared/fields.js';
import type { MatchReason } from '../../shared/schemas/match.js';
import { analyze, distinctKeys, REQUIRED_ROLES } from '../../shared/text.js';
import type { AccountRow, ChallengeRow, PaperRow, SubscriptionRow } from '../store/rows.js';
import type { ChallengeIndex, ChallengeHit } from './challenge-index.js';
import { acceptsChallenge, compileSubscription, type SubscriptionPhrase } from './subscription-index.js';

/** Everything about a researcher that their matches come from. */
export interface MatchProfile {
  account: Pick<AccountRow, 'id' | 'locale' | 'fields' | 'keywords'>;
  /** Their subscriptions; paused ones are ignored. */
  subscriptions: readonly Readonly<SubscriptionRow>[];
  /** Their clipped papers; only the {@link MAX_PAPERS} most recently clipped are used. */
  papers: readonly Pick<PaperRow, 'title' | 'abstract' | 'createdAt'>[];
}

export interface RankMatchesOptions {
  /** Challenges whose deadline is not after this instant are not open any more. */
  now: Date;
  /** At most this many matches. Default 50. */
  limit?: number;
}

/** One challenge for the researcher, with why. */
export interface RankedMatch {
  challengeId: string;
  score: number;
  /** The researcher's words that met the challenge (keywords, subscription phrases, paper terms), as written. */
  matchedTerms: string[];
  /** One per interest that matched, strongest first. */
  reasons: MatchReason[];
}

/** Papers beyond this many (the oldest clips) are not used: each costs a query. */
export const MAX_PAPERS = 20;

// How much each kind of interest counts. A subscription and a keyword are the researcher's explicit
// words; a paper is evidence of expertise but noisier; a shared field alone is a weak, broad signal.
const WEIGHT: Record<MatchReason['source'], number> = { keyword: 1, subscription: 1, paper: 0.8, field: 0.3 };
/** Further matches of one kind (a second paper, another subscription) add this share each. */
const EXTRA_SHARE = 0.25;
/** A phrase that is fully present is a match in its own right; BM25 decides only how strong among them. */
const PHRASE_BASE_STRENGTH = 0.6;
/** A paper is a long query: ask for a handful of its most informative terms, relative to its best hit. */
const PAPER_QUERY_TERMS = 24;
const PAPER_MIN_RELATIVE = 0.2;
const PAPER_MIN_TERMS = 2;
const PAPER_SHOWN_TERMS = 8;
/** A fields-only subscription says "anything in my fields": stronger than a profile field, weaker than words. */
const FIELDS_ONLY_SUBSCRIPTION_STRENGTH = 0.5;

interface Evidence {
  reason: MatchReason;
  /** 0–1 within its source. */
  strength: number;
}

function relativeTo(hits: readonly ChallengeHit[]): (hit: ChallengeHit) => number {
  const best = hits[0]?.score ?? 0;
  return (hit) => (best > 0 ? hit.score / best : 0);
}

/**
 * Ranks the open challenges (status `open`, deadline after `now`, not the researcher's own) for a
 * researcher. Account keywords and active subscriptions follow the rules of alerts: a keyword or phrase
 * matches when all its terms are present (a subscription's fields and minimum reward apply too), and the
 * challenge index's BM25F only orders those matches; each recent paper's title and abstract is a BM25F
 * query by its most informative terms.
 * Within a source, strength is relative to that query's best hit; sources add up with fixed weights, and a
 * field shared with the account adds a smaller boost, so a researcher with only fields still sees the
 * challenges of their fields. Ties go to the most recently published.
 */
export function rankMatches(index: ChallengeIndex, profile: MatchProfile, options: RankMatchesOptions): RankedMatch[] {
  const { account } = profile;
  const now = options.now.getTime();
  const isCandidate = (row: Readonly<ChallengeRow>) =>
    row.status === 'open' && Date.parse(row.deadline) > now && row.ownerId !== account.id;
  const labelOf = (fields: Iterable<string>) => [...fields].map((f) => fieldLabel(f, account.locale));

  const evidence = new Map<string, Evidence[]>();
  const note = (challengeId: string, item: Evidence) => {
    const list = evidence.get(challengeId);
    if (list) list.push(item);
    else evidence.set(challengeId, [item]);
  };

  const keywordPhrases = account.keywords
    .map((text) => ({ text, keys: distinctKeys(analyze(text), REQUIRED_ROLES) }))
    .filter((phrase) => phrase.keys.length > 0);
  const keywordLabel = account.keywords.join(', ');
  for (const [challengeId, { strength, terms }] of phraseMatches(index, keywordPhrases, isCandidate)) {
    note(challengeId, { strength, reason: { source: 'keyword', label: keywordLabel, terms } });
  }

  for (const row of profile.subscriptions) {
    if (!row.active) continue;
    const sub = compileSubscription(row);
    const accepts = (challenge: Readonly<ChallengeRow>) => isCandidate(challenge) && acceptsChallenge(sub, challenge);
    if (sub.phrases === null) {
      if (sub.fields.size === 0) continue;
      const label = labelOf(sub.fields).join(', ');
      for (const challenge of index.inFields(sub.fields)) {
        if (accepts(challenge)) {
          note(challenge.id, {
            strength: FIELDS_ONLY_SUBSCRIPTION_STRENGTH,
            reason: { source: 'subscription', label, terms: labelOf(challenge.fields.filter((f) => sub.fields.has(f))) },
          });
        }
      }
      continue;
    }
    const label = row.keywords.trim();
    for (const [challengeId, { strength, terms }] of phraseMatches(index, sub.phrases, accepts)) {
      note(challengeId, { strength, reason: { source: 'subscription', label, terms } });
    }
  }

  const papers = [...profile.papers].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_PAPERS);
  for (const paper of papers) {
    const hits = index.search(`${paper.title}\n${paper.abstract ?? ''}`, {
      filter: isCandidate,
      maxTerms: PAPER_QUERY_TERMS,
    });
    const relative = relativeTo(hits);
    for (const hit of hits) {
      const strength = relative(hit);
      if (strength < PAPER_MIN_RELATIVE || hit.matchedTerms.length < PAPER_MIN_TERMS) continue;
      note(hit.id, {
        strength,
        reason: { source: 'paper', label: paper.title, terms: hit.matchedTerms.slice(0, PAPER_SHOWN_TERMS) },
      });
    }
  }

  if (account.fields.length > 0) {
    const fields = new Set(account.fields);
    for (const challenge of index.inFields(fields)) {
      const shared = challenge.fields.filter((field) => fields.has(field));
      if (shared.length > 0 && isCandidate(challenge)) {
        const labels = labelOf(shared);
        note(challenge.id, { strength: 1, reason: { source: 'field', label: labels.join(', '), terms: labels } });
      }
    }
  }

  const ranked = [...evidence].map(([challengeId, items]) => {
    const score = scoreOf(items);
    items.sort((a, b) => WEIGHT[b.reason.source] * b.strength - WEIGHT[a.reason.source] * a.strength);
    const matchedTerms = [
      ...new Set(items.filter((item) => item.reason.source !== 'field').flatMap((item) => item.reason.terms)),
    ];
    return { challengeId, score, matchedTerms, reasons: items.map((item) => item.reason) };
  });
  const publishedAt = (id: string) => index.get(id)?.publishedAt ?? '';
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      publishedAt(b.challengeId).localeCompare(publishedAt(a.challengeId)) ||
      (a.challengeId < b.challengeId ? -1 : 1),
  );
  return ranked.slice(0, options.limit ?? 50);
}

/**
 * The accepted challenges containing every term of at least one phrase, with the phrases they contain. A
 * full match is worth {@link PHRASE_BASE_STRENGTH}; the rest comes from BM25F among the challenges that
 * match the same phrase (a phrase in the title beats one in the description), the best phrase counting.
 */
function phraseMatches(
  index: ChallengeIndex,
  phrases: readonly SubscriptionPhrase[],
  accepts: (row: Readonly<ChallengeRow>) => boolean,
): Map<string, { strength: number; terms: string[] }> {
  const matches = new Map<string, { strength: number; terms: string[] }>();
  for (const phrase of phrases) {
    const ids = new Set(index.withAllTerms(phrase.keys));
    const hits = index.search(phrase.text, { filter: (challenge) => ids.has(challenge.id) && accepts(challenge) });
    const relative = relativeTo(hits);
    for (const hit of hits) {
      const strength = PHRASE_BASE_STRENGTH + (1 - PHRASE_BASE_STRENGTH) * relative(hit);
      const seen = matches.get(hit.id);
      if (seen) {
        seen.strength = Math.max(seen.strength, strength);
        seen.terms.push(phrase.text);
      } else matches.set(hit.id, { strength, terms: [phrase.text] });
    }
  }
  return matches;
}

/** Per source: the strongest item in full, each further one at {@link EXTRA_SHARE}. */
function scoreOf(items: readonly Evidence[]): number {
  let score = 0;
  for (const source of Object.keys(WEIGHT) as MatchReason['source'][]) {
    const strengths = items
      .filter((item) => item.reason.source === source)
      .map((item) => item.strength)
      .sort((a, b) => b - a);
    strengths.forEach((strength, i) => (score += WEIGHT[source] * strength * (i === 0 ? 1 : EXTRA_SHARE)));
  }
  return score;
}
