import { fieldLabel } from '../../shared/fields.js';
import { parseKeywords, type KeywordAlternative } from '../../shared/lexicon/keyword-rule.js';
import type { Lexicon } from '../../shared/lexicon/lexicon.js';
import type { MatchReason, MatchTranslation } from '../../shared/schemas/match.js';
import type { AccountRow, ChallengeRow, PaperRow, SubscriptionRow } from '../store/rows.js';
import type { ChallengeIndex } from './challenge-index.js';
import { serverLexicon } from './lexicon.js';
import { salientPaperQuery } from './paper-terms.js';
import { TRANSLATION_WEIGHT } from './query-plan.js';
import { acceptsChallenge, compileSubscription } from './subscription-index.js';

/** Everything about a researcher that their matches come from. */
export interface MatchProfile {
  account: Pick<AccountRow, 'id' | 'locale' | 'fields' | 'keywords'>;
  /** Their subscriptions; paused ones are ignored. */
  subscriptions: readonly Readonly<SubscriptionRow>[];
  /** Their clipped papers; only the {@link MAX_PAPERS} most recently clipped are used. */
  papers: readonly (Pick<PaperRow, 'title' | 'abstract' | 'createdAt'> & Partial<Pick<PaperRow, 'keywords' | 'translatedTitle'>>)[];
}

export interface RankMatchesOptions {
  /** Challenges whose deadline is not after this instant are not open any more. */
  now: Date;
  /** At most this many matches. Default 50. */
  limit?: number;
  /** Translations for keywords, subscriptions and papers: default the server's lexicon, null none. */
  lexicon?: Lexicon | null;
}

/** One challenge for the researcher, with why. */
export interface RankedMatch {
  challengeId: string;
  score: number;
  /** The researcher's words that met the challenge (keywords, subscription units, paper terms), as written. */
  matchedTerms: string[];
  /** One per interest that matched, strongest first. */
  reasons: MatchReason[];
}

/** Papers beyond this many (the oldest clips) are not used: each costs a query. */
export const MAX_PAPERS = 20;

/**
 * Evidence tiers: any match on the researcher's own words (keywords, subscriptions) ranks above any
 * match that comes only from papers, which ranks above a shared field alone. Within a tier, the evidence
 * adds up (at most {@link MAX_SOURCE_SCORE} per source, so below 1 in all after {@link WITHIN_TIER}).
 */
const TIER: Record<MatchReason['source'], number> = { keyword: 4, subscription: 4, paper: 2, field: 1 };
const WEIGHT: Record<MatchReason['source'], number> = { keyword: 1, subscription: 1, paper: 0.8, field: 0.3 };
const MAX_SOURCE_SCORE = 1.5;
const WITHIN_TIER = 1 / (MAX_SOURCE_SCORE * (1 + 1 + 0.8 + 0.3) + 1);
/** Further matches of one kind (a second paper, another subscription) add this share each. */
const EXTRA_SHARE = 0.25;
/** A keyword alternative that matches is a match in its own right; the share of its units present decides how strong. */
const KEYWORD_BASE_STRENGTH = 0.6;
/**
 * A paper matches a challenge only with at least this coverage of its salient terms (idf-weighted share,
 * translations at their weight) and at least {@link PAPER_MIN_TERMS} of them: absolute floors, so a paper
 * from another field matches nothing rather than its least bad challenge.
 */
export const PAPER_MIN_COVERAGE = 0.12;
const PAPER_MIN_TERMS = 2;
/** The coverage at which a paper match is at full strength. */
const PAPER_FULL_COVERAGE = 0.5;
const PAPER_SHOWN_TERMS = 8;
/** A fields-only subscription says "anything in my fields": stronger than a profile field, weaker than words. */
const FIELDS_ONLY_SUBSCRIPTION_STRENGTH = 0.5;

interface Evidence {
  reason: MatchReason;
  /** 0–1 within its source. */
  strength: number;
}

/**
 * Ranks the open challenges (status `open`, deadline after `now`, not the researcher's own) for a
 * researcher. Account keywords and active subscriptions follow the rule of alerts (keyword-rule.ts: an
 * alternative matches when half its units are present, in either language); each recent paper is a query
 * of its salient terms (its keywords, then its most distinctive words against the challenges), which
 * must reach an absolute coverage floor. Matches on the researcher's own words rank above paper-only
 * ones, which rank above field-only ones; within that, evidence adds up with fixed weights. Ties go to the
 * most recently published.
 */
export function rankMatches(index: ChallengeIndex, profile: MatchProfile, options: RankMatchesOptions): RankedMatch[] {
  const { account } = profile;
  const lexicon = options.lexicon === undefined ? serverLexicon() : options.lexicon;
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

  for (const keyword of new Set(account.keywords)) {
    const alternatives = parseKeywords(keyword, lexicon);
    for (const [challengeId, found] of keywordMatches(index, alternatives, isCandidate)) {
      note(challengeId, { strength: found.strength, reason: { source: 'keyword', label: keyword, ...found.why } });
    }
  }

  for (const row of profile.subscriptions) {
    if (!row.active) continue;
    const sub = compileSubscription(row, lexicon);
    const accepts = (challenge: Readonly<ChallengeRow>) => isCandidate(challenge) && acceptsChallenge(sub, challenge);
    if (sub.alternatives === null) {
      if (sub.fields.size === 0) continue;
      const label = labelOf(sub.fields).join(', ');
      for (const challenge of index.inFields(sub.fields)) {
        if (accepts(challenge)) {
          const terms = labelOf(challenge.fields.filter((f) => sub.fields.has(f)));
          note(challenge.id, { strength: FIELDS_ONLY_SUBSCRIPTION_STRENGTH, reason: { source: 'subscription', label, terms, translations: [] } });
        }
      }
      continue;
    }
    const label = row.keywords.trim();
    for (const [challengeId, found] of keywordMatches(index, sub.alternatives, accepts)) {
      note(challengeId, { strength: found.strength, reason: { source: 'subscription', label, ...found.why } });
    }
  }

  const papers = [...profile.papers].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_PAPERS);
  for (const paper of papers) {
    const query = salientPaperQuery(paper, index);
    if (query === null) continue;
    // Only reviewed translations: a dictionary gloss of a stray abstract word ("transit" → 及物) is noise.
    for (const hit of index.search(query, { filter: isCandidate, translations: ['glossary'] })) {
      const translated = hit.translations.filter((t) => !hit.matchedTerms.includes(t.term));
      const termCount = hit.matchedTerms.length + new Set(translated.map((t) => t.term)).size;
      if (hit.coverage < PAPER_MIN_COVERAGE || termCount < PAPER_MIN_TERMS) continue;
      const terms = [...hit.matchedTerms, ...new Set(translated.map((t) => t.term))].slice(0, PAPER_SHOWN_TERMS);
      note(hit.id, {
        strength: Math.min(1, hit.coverage / PAPER_FULL_COVERAGE),
        reason: { source: 'paper', label: paper.title, terms, translations: translationList(translated.filter((t) => terms.includes(t.term))) },
      });
    }
  }

  if (account.fields.length > 0) {
    const fields = new Set(account.fields);
    for (const challenge of index.inFields(fields)) {
      const shared = challenge.fields.filter((field) => fields.has(field));
      if (shared.length > 0 && isCandidate(challenge)) {
        const labels = labelOf(shared);
        note(challenge.id, { strength: 1, reason: { source: 'field', label: labels.join(', '), terms: labels, translations: [] } });
      }
    }
  }

  const ranked = [...evidence].map(([challengeId, items]) => {
    const score = scoreOf(items);
    items.sort((a, b) => TIER[b.reason.source] - TIER[a.reason.source] || WEIGHT[b.reason.source] * b.strength - WEIGHT[a.reason.source] * a.strength);
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

function translationList(translations: readonly MatchTranslation[]): MatchTranslation[] {
  const seen = new Set<string>();
  return translations.filter((t) => {
    const key = `${t.term}\u0000${t.translation}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface KeywordMatch {
  strength: number;
  why: { terms: string[]; translations: MatchTranslation[] };
}

/**
 * The accepted challenges that an alternative of `alternatives` matches (at least `needed` of its units
 * present, in their words or a translation), found through the index's postings; each with the units
 * present. Strength: {@link KEYWORD_BASE_STRENGTH}, plus the rest times the share of the best
 * alternative's units present, a translated unit counting at its translation weight.
 */
function keywordMatches(
  index: ChallengeIndex,
  alternatives: readonly KeywordAlternative[],
  accepts: (row: Readonly<ChallengeRow>) => boolean,
): Map<string, KeywordMatch> {
  const matches = new Map<string, KeywordMatch>();
  for (const alternative of alternatives) {
    // Per challenge, each unit present once: in its own words if it is, else through its first translation present.
    const present = new Map<string, Map<number, MatchTranslation | null>>();
    alternative.units.forEach((unit, u) => {
      const mark = (ids: readonly string[], translation: MatchTranslation | null) => {
        for (const id of ids) {
          let units = present.get(id);
          if (!units) present.set(id, (units = new Map()));
          if (!units.has(u) || (units.get(u) !== null && translation === null)) units.set(u, translation);
        }
      };
      mark(index.withAllTerms(unit.keys), null);
      for (const t of unit.translations) mark(index.withAllTerms(t.keys), { term: unit.text, translation: t.text, origin: t.origin });
    });
    for (const [id, units] of present) {
      if (units.size < alternative.needed) continue;
      const row = index.get(id);
      if (!row || !accepts(row)) continue;
      let share = 0;
      for (const translation of units.values()) share += translation ? TRANSLATION_WEIGHT[translation.origin] : 1;
      const strength = KEYWORD_BASE_STRENGTH + ((1 - KEYWORD_BASE_STRENGTH) * share) / alternative.units.length;
      const terms = [...units.keys()].sort((a, b) => a - b).map((u) => alternative.units[u]!.text);
      const translations = [...units.values()].filter((t): t is MatchTranslation => t !== null);
      const seen = matches.get(id);
      if (!seen) matches.set(id, { strength, why: { terms, translations } });
      else {
        seen.strength = Math.max(seen.strength, strength);
        for (const term of terms) if (!seen.why.terms.includes(term)) seen.why.terms.push(term);
        seen.why.translations = translationList([...seen.why.translations, ...translations]);
      }
    }
  }
  return matches;
}

/** Tier of the strongest source, plus per source the strongest item in full and each further one at {@link EXTRA_SHARE}. */
function scoreOf(items: readonly Evidence[]): number {
  let tier = 0;
  let within = 0;
  for (const source of Object.keys(WEIGHT) as MatchReason['source'][]) {
    const strengths = items
      .filter((item) => item.reason.source === source)
      .map((item) => item.strength)
      .sort((a, b) => b - a);
    if (strengths.length === 0) continue;
    tier = Math.max(tier, TIER[source]);
    const sum = strengths.reduce((total, strength, i) => total + strength * (i === 0 ? 1 : EXTRA_SHARE), 0);
    within += WEIGHT[source] * Math.min(MAX_SOURCE_SCORE, sum);
  }
  return tier + within * WITHIN_TIER;
}
