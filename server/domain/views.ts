import type { Account, PublicProfile } from '../../shared/schemas/account.js';
import type { Bid } from '../../shared/schemas/bid.js';
import type { Challenge } from '../../shared/schemas/challenge.js';
import type { Question } from '../../shared/schemas/question.js';
import { LIVE_BID_STATUSES } from '../../shared/schemas/bid.js';
import type { Readers, Store } from '../store/store.js';
import type { AccountRow, BidRow, ChallengeRow, QuestionRow } from '../store/rows.js';
import { bidActions, challengeActions } from './actions.js';
import { withCurrentStatus } from './challenge-lifecycle.js';
import { evaluationOf } from './evaluation/settings.js';
import type { Actor } from './permissions.js';

/**
 * Rows → API shapes. The only place private fields are dropped (password hashes, askers, the bid count of
 * a challenge still taking sealed bids) and joined ones added (owner profiles, the caller's own relation to
 * a challenge, the current status).
 */

export function toAccount(row: Readonly<AccountRow>): Account {
  const { passwordHash: _hidden, ...account } = row;
  return account;
}

export function toProfile(row: Pick<AccountRow, 'id' | 'displayName' | 'organization'> | undefined, id: string): PublicProfile {
  return row ? { id: row.id, displayName: row.displayName, organization: row.organization } : { id, displayName: '(deleted account)', organization: '' };
}

export async function profileOf(tables: Readers, id: string): Promise<PublicProfile> {
  return toProfile(await tables.accounts.get(id), id);
}

/**
 * Whether `actor` may read how many bids the challenge has. Bids are sealed: while a challenge takes bids
 * only its owner learns that one arrived (a public count going 0 → 1 → 0 tells everyone that somebody bid
 * and withdrew, and when). Once it has closed the count is public, like a tender opening; a challenge
 * cancelled before closing never opened its bids. `challenge` must carry its current status.
 */
export function canSeeBidCount(actor: Actor, challenge: Pick<ChallengeRow, 'ownerId' | 'closedAt'>): boolean {
  return challenge.closedAt !== null || (actor !== null && actor.id === challenge.ownerId);
}

/** A challenge as anyone may read it: current status, owner profile joined, the bid count while sealed left out. */
function publicView(row: Readonly<ChallengeRow>, owner: PublicProfile): Challenge {
  const { cancelledAt: _c, reminderSentAt: _r, ...rest } = row;
  const counters = canSeeBidCount(null, row) ? rest.counters : { ...rest.counters, bids: null };
  // A visitor may do nothing; a signed-in caller's actions are added with their relation (withViewer).
  return { ...rest, ...evaluationOf(row), counters, owner, actions: [] };
}

/**
 * The challenge views of one store: what every request would otherwise recompute. A challenge's public
 * view is built once per stored version and reused until a commit changes the row or its owner's profile;
 * a caller's own relation (saved, live bid) is two keyed lookups, never a scan of the caller's bids.
 */
interface ChallengeViews {
  view(row: Readonly<ChallengeRow>, actor: Actor, now: Date): Promise<Challenge>;
  /** The same for a list: the owner profiles not cached and the caller's saves read in one `getMany` each. */
  viewMany(rows: readonly Readonly<ChallengeRow>[], actor: Actor, now: Date): Promise<Challenge[]>;
}

/** The live bids of the bidders seen so far: bidder → challenge → live bid id. */
type LiveBids = Map<string, Map<string, string>>;

const isLive = (bid: Readonly<BidRow>) => LIVE_BID_STATUSES.includes(bid.status);

function createChallengeViews(store: Store): ChallengeViews {
  const tables = store.tables;
  const views = new Map<string, { row: Readonly<ChallengeRow>; owner: PublicProfile; view: Challenge }>();
  const profiles = new Map<string, PublicProfile>();
  const liveBids: LiveBids = new Map();
  /** Bumped on every commit that touches bids, so a bidder's bids read across a commit are not cached stale. */
  let bidCommits = 0;
  /** The same for accounts: a profile read while another instance's commit was on its way is used once, not kept. */
  let accountCommits = 0;

  // Subscribed before any read, so no commit between a read and the caching of what it read goes unseen.
  store.onCommit((changes) => {
    for (const { table, id, before, after } of changes) {
      if (table === 'challenges') views.delete(id);
      else if (table === 'accounts') {
        accountCommits++;
        profiles.delete(id);
      }
      else if (table === 'bids') {
        bidCommits++;
        for (const bid of [before, after] as (Readonly<BidRow> | null)[]) {
          const mine = bid && liveBids.get(bid.bidderId);
          if (mine && bid && mine.get(bid.challengeId) === bid.id) mine.delete(bid.challengeId);
        }
        const bid = after as Readonly<BidRow> | null;
        if (bid && isLive(bid)) liveBids.get(bid.bidderId)?.set(bid.challengeId, bid.id);
      }
    }
  });

  async function profile(id: string): Promise<PublicProfile> {
    const known = profiles.get(id);
    if (known) return known;
    const seen = accountCommits;
    const found = await profileOf(tables, id);
    if (seen === accountCommits) profiles.set(id, found);
    return found;
  }

  async function liveBidsOf(bidderId: string): Promise<Map<string, string>> {
    const known = liveBids.get(bidderId);
    if (known) return known;
    const seen = bidCommits;
    const mine = new Map<string, string>();
    for (const bid of await tables.bids.where('bidderId', bidderId)) if (isLive(bid)) mine.set(bid.challengeId, bid.id);
    // A commit between the read and now may already be missing from `mine`: use it once, keep nothing.
    if (seen === bidCommits) liveBids.set(bidderId, mine);
    return mine;
  }

  /** Reads the profiles of `ids` not cached yet, in one read, into the cache. */
  async function prefetchProfiles(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !profiles.has(id));
    if (missing.length === 0) return;
    const seen = accountCommits;
    const rows = await tables.accounts.getMany(missing);
    if (seen !== accountCommits) return;
    for (const id of missing) profiles.set(id, toProfile(rows.get(id), id));
  }

  async function shared(row: Readonly<ChallengeRow>, now: Date): Promise<Challenge> {
    const owner = await profile(row.ownerId);
    const current = withCurrentStatus(row as ChallengeRow, now);
    // A deadline that passed since the last write: the stored row reads closed until closeExpired persists it.
    if (current !== row) return publicView(current, owner);
    const cached = views.get(row.id);
    if (cached && cached.row === row && cached.owner === owner) return cached.view;
    const view = publicView(row, owner);
    views.set(row.id, { row, owner, view });
    return view;
  }

  function withViewer(view: Challenge, row: Readonly<ChallengeRow>, actor: NonNullable<Actor>, saved: boolean, mine: Map<string, string>, now: Date): Challenge {
    const isOwner = actor.id === row.ownerId;
    const viewer = { isOwner, saved, bidId: mine.get(row.id) ?? null };
    return { ...view, ...(isOwner ? { counters: row.counters } : {}), viewer, actions: challengeActions(actor, row, now, viewer) };
  }

  return {
    async view(row, actor, now) {
      const view = await shared(row, now);
      if (!actor) return view;
      const [save, mine] = await Promise.all([tables.saves.get(saveId(actor.id, row.id)), liveBidsOf(actor.id)]);
      return withViewer(view, row, actor, save !== undefined, mine, now);
    },

    async viewMany(rows, actor, now) {
      await prefetchProfiles(rows.map((row) => row.ownerId));
      const views = await Promise.all(rows.map((row) => shared(row, now)));
      if (!actor) return views;
      const [saves, mine] = await Promise.all([tables.saves.getMany(rows.map((row) => saveId(actor.id, row.id))), liveBidsOf(actor.id)]);
      return rows.map((row, i) => withViewer(views[i]!, row, actor, saves.has(saveId(actor.id, row.id)), mine, now));
    },
  };
}

const viewsByStore = new WeakMap<Store, ChallengeViews>();

/**
 * The challenge as `actor` sees it at `now`: status made current (a deadline that passed reads closed),
 * the owner's profile joined, the bid count only where {@link canSeeBidCount} allows, and for a signed-in
 * caller their own relation to it. Views are cached per store and follow its commits.
 */
export function toChallenge(store: Store, row: Readonly<ChallengeRow>, actor: Actor, now: Date): Promise<Challenge> {
  return viewsOf(store).view(row, actor, now);
}

/** {@link toChallenge} for a list, in order, without a read per row. */
export function toChallenges(store: Store, rows: readonly Readonly<ChallengeRow>[], actor: Actor, now: Date): Promise<Challenge[]> {
  return viewsOf(store).viewMany(rows, actor, now);
}

function viewsOf(store: Store): ChallengeViews {
  let views = viewsByStore.get(store);
  if (!views) viewsByStore.set(store, (views = createChallengeViews(store)));
  return views;
}

export async function toBid(tables: Readers, row: Readonly<BidRow>, actor: Actor, now: Date): Promise<Bid> {
  return (await toBids(tables, [row], actor, now))[0]!;
}

/**
 * Bids as `actor` sees them at `now`: the bidders' profiles and the challenges' titles joined in one read
 * each, and the actions the caller may take on each.
 */
export async function toBids(tables: Readers, rows: readonly Readonly<BidRow>[], actor: Actor, now: Date): Promise<Bid[]> {
  const [challenges, bidders] = await Promise.all([
    tables.challenges.getMany([...new Set(rows.map((row) => row.challengeId))]),
    tables.accounts.getMany([...new Set(rows.map((row) => row.bidderId))]),
  ]);
  return rows.map((row) => {
    const challenge = challenges.get(row.challengeId);
    return {
      ...row,
      bidder: toProfile(bidders.get(row.bidderId), row.bidderId),
      challengeTitle: challenge?.title ?? '',
      actions: challenge ? bidActions(actor, row, challenge, now) : [],
    };
  });
}

export function toQuestion(row: Readonly<QuestionRow>, actor: Actor): Question {
  const { askerId, ...question } = row;
  return actor ? { ...question, mine: actor.id === askerId } : question;
}

/** The id of a save: one per account and challenge. */
export const saveId = (accountId: string, challengeId: string) => `${accountId}:${challengeId}`;
