import { hash } from 'node:crypto';
import { analyze, type Term } from '../../shared/text.js';
import type { ChallengeRow } from '../store/rows.js';

/**
 * The searchable text of a challenge, one place for the search index, subscription alerts and matching to
 * agree on. Each field is analyzed on its own so that no CJK bigram spans two fields; keywords are joined
 * by line breaks for the same reason.
 */
export const CHALLENGE_TEXT_FIELDS = ['title', 'keywords', 'summary', 'description'] as const;
export type ChallengeTextField = (typeof CHALLENGE_TEXT_FIELDS)[number];

/** The part of a challenge row that its searchable text is made of. */
export type ChallengeText = Pick<ChallengeRow, ChallengeTextField>;

/** The terms of each searchable field, in {@link CHALLENGE_TEXT_FIELDS} order. */
export function analyzeChallenge(row: Readonly<ChallengeText>): Term[][] {
  return CHALLENGE_TEXT_FIELDS.map((field) => analyze(field === 'keywords' ? row.keywords.join('\n') : row[field]));
}

/** Every index key in the challenge's searchable text (all roles): what a phrase's terms are looked up in. */
export function challengeKeys(row: Readonly<ChallengeText>): Set<string> {
  const keys = new Set<string>();
  for (const terms of analyzeChallenge(row)) for (const term of terms) keys.add(term.key);
  return keys;
}

/** Whether two rows have the same searchable text, so an update that only touched status or counters is cheap. */
export function sameChallengeText(a: Readonly<ChallengeText>, b: Readonly<ChallengeText>): boolean {
  return (
    a.title === b.title &&
    a.summary === b.summary &&
    a.description === b.description &&
    a.keywords.length === b.keywords.length &&
    a.keywords.every((keyword, i) => keyword === b.keywords[i])
  );
}

/**
 * A digest of the searchable text: equal versions mean equal text, so a saved analysis of it can be reused
 * (updatedAt is not enough: two edits within one clock tick share it).
 */
export function textVersion(row: Readonly<ChallengeText>): string {
  // One string hashed in one call: the bytes a field-by-field update would feed (each field, then a NUL),
  // so saved versions stay valid, without a Hash object and eight native calls per challenge at start-up.
  let text = '';
  for (const field of CHALLENGE_TEXT_FIELDS) text += `${field === 'keywords' ? row.keywords.join('\n') : row[field]}\0`;
  return hash('sha1', text, 'base64url');
}
