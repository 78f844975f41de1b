import type { PublicProfile } from '../../../shared/schemas/account.js';
import type { Conflicts } from '../../../shared/schemas/review.js';

/** A reviewer as conflict rules see them: their own organization and what they declared. */
export interface ReviewerStanding {
  organization: string;
  conflicts: Conflicts;
}

// Names are compared the way people write them: compatibility forms folded (full-width letters), case and
// runs of white space ignored. Organization names often join a Chinese and an English name ("清华大学 · Tsinghua
// University"), so each part separated by · , ; | / counts on its own.
const normalize = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const partsOf = (organization: string) => [normalize(organization), ...organization.split(/[·,;|/]/).map(normalize)].filter((p) => p.length > 0);

/** True when `phrase` occurs in `text` as whole words: not inside a longer word ("MIT" is not in "Smith"). */
function containsPhrase(text: string, phrase: string): boolean {
  let from = 0;
  for (let at = text.indexOf(phrase, from); at !== -1; at = text.indexOf(phrase, from)) {
    const before = text.slice(0, at);
    const after = text.slice(at + phrase.length);
    if (!/[\p{L}\p{N}]$/u.test(before) && !/^[\p{L}\p{N}]/u.test(after)) return true;
    from = at + 1;
  }
  return false;
}

/**
 * True when two organization names name the same body: a part of one occurs as whole words in the other.
 * Errs towards a match, since a needless recusal costs one review and a missed one costs a fair judgement.
 */
export function sameOrganization(a: string, b: string): boolean {
  const [fullA, fullB] = [normalize(a), normalize(b)];
  if (!fullA || !fullB) return false;
  return partsOf(a).some((part) => containsPhrase(fullB, part)) || partsOf(b).some((part) => containsPhrase(fullA, part));
}

/**
 * Why `reviewer` may not judge a bid of `bidder`, or null when nothing stands in the way: the bidder is of
 * the reviewer's own organization, of an organization they declared, or a person they declared (by display
 * name or account id). The reason names the rule, never the bidder, so it may be shown to the reviewer.
 */
export function conflictReason(reviewer: ReviewerStanding, bidder: PublicProfile): string | null {
  if (sameOrganization(reviewer.organization, bidder.organization)) return 'The bidder is of your own organization';
  if (reviewer.conflicts.organizations.some((org) => sameOrganization(org, bidder.organization))) return 'The bidder is of an organization you declared';
  const name = normalize(bidder.displayName);
  if (reviewer.conflicts.people.some((person) => person === bidder.id || (name && normalize(person) === name))) return 'The bidder is a person you declared';
  return null;
}
