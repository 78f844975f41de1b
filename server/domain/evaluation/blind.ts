import type { PublicProfile } from '../../../shared/schemas/account.js';
import type { ReviewBid } from '../../../shared/schemas/review.js';

/** What stands in for the bidder's name and organization in a blind copy. */
export const BIDDER_MARK = '[bidder]';
export const ORGANIZATION_MARK = '[organization]';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Whole words only, so that a bidder called Lin does not blank "linear"; Han script has no word breaks, so a
// Chinese name is matched wherever it occurs.
function wholeWords(phrases: readonly string[]): RegExp | null {
  const unique = [...new Set(phrases.map((p) => p.trim()).filter((p) => p.length >= 2))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return null;
  const pattern = (p: string) => (/\p{Script=Han}/u.test(p) ? escapeRegExp(p) : `(?<![\\p{L}\\p{N}])${escapeRegExp(p)}(?![\\p{L}\\p{N}])`);
  return new RegExp(unique.map(pattern).join('|'), 'giu');
}

/**
 * A redactor of the bidder's identity in text they wrote: their display name (whole, and each word of three
 * letters or more) becomes [bidder], their organization (whole, and each part between · , ; | /) becomes
 * [organization]. Bidders often sign their proposals; a blind review must not show the signature.
 */
export function identityRedactor(bidder: Pick<PublicProfile, 'displayName' | 'organization'>): (text: string) => string {
  const nameWords = bidder.displayName.split(/\s+/).filter((w) => w.length >= 3 || /\p{Script=Han}/u.test(w));
  const organizations = wholeWords([bidder.organization, ...bidder.organization.split(/[·,;|/]/)]);
  const names = wholeWords([bidder.displayName, ...nameWords]);
  return (text) => {
    let out = organizations ? text.replace(organizations, ORGANIZATION_MARK) : text;
    if (names) out = out.replace(names, BIDDER_MARK);
    return out;
  };
}

type Content = Pick<ReviewBid, 'summary' | 'approach' | 'milestones' | 'references'>;

/**
 * The bid's content for a blind review: the bidder's name and organization redacted from the text, and
 * the cited papers without their authors (a bidder's own papers would name them). Titles, venues, years
 * and links stay, so reviewers can still judge the evidence.
 */
export function blindContent(content: Content, bidder: Pick<PublicProfile, 'displayName' | 'organization'>): Content {
  const redact = identityRedactor(bidder);
  return {
    summary: redact(content.summary),
    approach: redact(content.approach),
    milestones: content.milestones.map((m) => ({ ...m, title: redact(m.title) })),
    references: content.references.map((r) => ({ ...r, paperId: null, authors: [], title: redact(r.title), venue: r.venue === null ? null : redact(r.venue) })),
  };
}
