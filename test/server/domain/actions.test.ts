import { describe, expect, it } from 'vitest';
import type { BidStatus } from '../../../shared/schemas/bid.js';
import type { ChallengeStatus } from '../../../shared/schemas/challenge.js';
import { bidActions, challengeActions } from '../../../server/domain/actions.js';
import type { Actor } from '../../../server/domain/permissions.js';
import type { AccountRow } from '../../../server/store/rows.js';

/**
 * The actions the API reports, across the permission matrix: who (owner, bidder, another researcher, a
 * visitor) × the challenge's status. Each cell is what the services would accept.
 */

const NOW = new Date('2027-03-01T00:00:00Z');
const AHEAD = '2027-04-01T00:00:00Z';
const PASSED = '2027-02-01T00:00:00Z';

const account = (id: string, roles: AccountRow['roles']): Actor => ({ id, roles }) as AccountRow;
const owner = account('owner', ['enterprise']);
const bidder = account('bidder', ['researcher']);
const other = account('other', ['researcher']);

type Who = 'owner' | 'bidder' | 'other' | 'public';
const actors: Record<Who, Actor> = { owner, bidder, other, public: null };
const STATUSES: ChallengeStatus[] = ['draft', 'open', 'closed', 'awarded', 'cancelled'];

const challenge = (status: ChallengeStatus, deadline = AHEAD) => ({ ownerId: 'owner', status, deadline });
/** Each caller's own relation: the bidder has a live bid, nobody has saved it. */
const relationOf = (who: Who) => ({ saved: false, bidId: who === 'bidder' ? 'bid-1' : null });

const CHALLENGE_TABLE: Record<Who, Record<ChallengeStatus, string[]>> = {
  owner: {
    draft: ['edit', 'publish', 'cancel', 'save'],
    open: ['edit', 'close', 'cancel', 'award', 'save'],
    closed: ['cancel', 'award', 'save'],
    awarded: ['save'],
    cancelled: ['save'],
  },
  bidder: { draft: [], open: ['ask', 'save'], closed: ['save'], awarded: ['save'], cancelled: ['save'] },
  other: { draft: [], open: ['bid', 'ask', 'save'], closed: ['save'], awarded: ['save'], cancelled: ['save'] },
  public: { draft: [], open: [], closed: [], awarded: [], cancelled: [] },
};

/** A submitted bid's actions by challenge status: the bidder's while it takes bids, the owner's while it may be awarded. */
const BID_TABLE: Record<Who, Record<ChallengeStatus, string[]>> = {
  owner: { draft: [], open: ['shortlist', 'reject', 'award'], closed: ['shortlist', 'reject', 'award'], awarded: [], cancelled: [] },
  bidder: { draft: [], open: ['revise', 'withdraw'], closed: [], awarded: [], cancelled: [] },
  other: { draft: [], open: [], closed: [], awarded: [], cancelled: [] },
  public: { draft: [], open: [], closed: [], awarded: [], cancelled: [] },
};

describe('challengeActions', () => {
  for (const who of Object.keys(actors) as Who[]) {
    for (const status of STATUSES) {
      it(`${who} × ${status}: ${CHALLENGE_TABLE[who][status].join(', ') || 'nothing'}`, () => {
        expect(challengeActions(actors[who], challenge(status), NOW, relationOf(who))).toEqual(CHALLENGE_TABLE[who][status]);
      });
    }
  }

  it('reads an open challenge whose deadline passed as closed', () => {
    expect(challengeActions(owner, challenge('open', PASSED), NOW, relationOf('owner'))).toEqual(CHALLENGE_TABLE.owner.closed);
    expect(challengeActions(other, challenge('open', PASSED), NOW, relationOf('other'))).toEqual(['save']);
  });

  it('offers unsave to a caller who saved it, and bid only to researchers in the first phase', () => {
    expect(challengeActions(other, challenge('open'), NOW, { saved: true, bidId: null })).toEqual(['bid', 'ask', 'unsave']);
    expect(challengeActions(account('firm', ['enterprise']), challenge('open'), NOW, relationOf('other'))).toEqual(['ask', 'save']);
    const laterPhase = { ...challenge('open'), phases: [{ deadline: AHEAD }, { deadline: AHEAD }] as never, phase: 1 };
    expect(challengeActions(other, laterPhase, NOW, relationOf('other'))).toEqual(['ask', 'save']);
  });
});

describe('bidActions', () => {
  const bid = (status: BidStatus) => ({ bidderId: 'bidder', status });

  for (const who of Object.keys(actors) as Who[]) {
    for (const status of STATUSES) {
      it(`a submitted bid, ${who} × ${status}: ${BID_TABLE[who][status].join(', ') || 'nothing'}`, () => {
        expect(bidActions(actors[who], bid('submitted'), challenge(status), NOW)).toEqual(BID_TABLE[who][status]);
      });
    }
  }

  it('follows the bid status: shortlisted drops shortlist and revise, a settled bid offers nothing', () => {
    expect(bidActions(owner, bid('shortlisted'), challenge('open'), NOW)).toEqual(['reject', 'award']);
    expect(bidActions(bidder, bid('shortlisted'), challenge('open'), NOW)).toEqual(['withdraw']);
    for (const status of ['awarded', 'rejected', 'withdrawn'] as const) {
      expect(bidActions(owner, bid(status), challenge('open'), NOW)).toEqual([]);
      expect(bidActions(bidder, bid(status), challenge('open'), NOW)).toEqual([]);
    }
  });

  it('offers award only in the last phase', () => {
    const firstOfTwo = { ...challenge('open'), phases: [{ deadline: AHEAD }, { deadline: AHEAD }] as never, phase: 0 };
    expect(bidActions(owner, bid('submitted'), firstOfTwo, NOW)).toEqual(['shortlist', 'reject']);
  });
});
