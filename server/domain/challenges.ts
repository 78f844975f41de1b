import type {
  ChallengeCreateInput,
  ChallengeEndInput,
  ChallengeListQuery,
  ChallengeStatus,
  ChallengeUpdateInput,
  Challenge,
} from '../../shared/schemas/challenge.js';
import {
  ChallengeCreateInput as CreateSchema,
  ChallengeEndInput as EndSchema,
  ChallengeUpdateInput as UpdateSchema,
  deadlineProblem,
} from '../../shared/schemas/challenge.js';
import { LIVE_BID_STATUSES } from '../../shared/schemas/bid.js';
import type { Page } from '../../shared/schemas/common.js';
import type { Clock } from '../clock.js';
import type { ChallengeRow } from '../store/rows.js';
import type { Store, Writers } from '../store/store.js';
import type { ChallengeIndex } from '../search/challenge-index.js';
import { CHALLENGE_ORDERS, createChallengeOrders } from '../search/challenge-order.js';
import { followTable } from '../search/follow-table.js';
import type { SubscriptionMatcher } from '../search/subscription-index.js';
import { assertCanDo, currentStatus, withCurrentStatus } from './challenge-lifecycle.js';
import { conflict, forbidden, invalid } from './errors.js';
import { isSettingsOnly, normalizePhases, settingsUpdate } from './evaluation/settings.js';
import { newId } from './ids.js';
import { followersOf, notify } from './notifications.js';
import { offsetPageEnd, paginate } from './pagination.js';
import { assertOwnChallenge, assertViewChallenge, requireAccount, requireRole, type Actor } from './permissions.js';
import { createSharedSearch } from './shared-search.js';
import { toChallenge, toChallenges } from './views.js';

export interface ChallengeServiceDeps {
  store: Store;
  clock: Clock;
  /** The full-text index, kept current from the store (server/search). */
  index: Pick<ChallengeIndex, 'search' | 'get'>;
  /** Finds the accounts whose active subscriptions match a challenge being published, one entry each. */
  subscribers: Pick<SubscriptionMatcher, 'match'>;
  /** Further alerts owed on publishing (owners of matching achievements), recorded inside its transaction. */
  onPublished?: (tx: Writers, challenge: Readonly<ChallengeRow>) => Promise<void>;
}

/**
 * Challenges: create, edit, publish (with the subscription fan-out and the achievement owners' alerts), close, cancel, read and list. The
 * lifecycle rules are in challenge-lifecycle.ts and the permission rules in permissions.ts; this module
 * applies them and records the notifications each step owes.
 */
export function createChallengeService({ store, clock, index, subscribers, onPublished }: ChallengeServiceDeps) {
  const now = () => clock.now();

  function assertDeadline(deadline: string): void {
    const problem = deadlineProblem(deadline, now());
    if (problem === 'past') throw invalid('The deadline must be in the future', { path: 'deadline' });
    if (problem === 'too-far') throw invalid('The deadline must be within five years', { path: 'deadline' });
  }

  async function view(row: Readonly<ChallengeRow>, actor: Actor): Promise<Challenge> {
    return toChallenge(store, row, actor, now());
  }

  const searches = createSharedSearch(store);

  // The published challenges in each list order, following the store from the first list on.
  const orders = createChallengeOrders();
  let following: Promise<unknown> | null = null;
  const ordered = async () => {
    await (following ??= followTable(store, 'challenges', orders));
    return orders;
  };

  return {
    async create(actor: Actor, input: ChallengeCreateInput): Promise<Challenge> {
      const owner = requireRole(actor, 'enterprise');
      const { deadline: given, phases: phasesGiven, ...data } = CreateSchema.parse(input);
      const phases = normalizePhases(phasesGiven);
      // With phases the challenge's deadline is its current (first) phase's.
      const deadline = phases[0]?.deadline ?? new Date(given!).toISOString();
      for (const phase of phases) assertDeadline(phase.deadline);
      assertDeadline(deadline);
      const at = now().toISOString();
      const row = await store.transact((tx) =>
        tx.challenges.insert({
          id: newId('chl'),
          ownerId: owner.id,
          ...data,
          phases,
          phase: 0,
          deadline,
          status: 'draft',
          award: null,
          counters: { bids: 0, saves: 0, questions: 0 },
          createdAt: at,
          publishedAt: null,
          closedAt: null,
          cancelledAt: null,
          reminderSentAt: null,
          updatedAt: at,
        }),
      );
      return view(row, actor);
    },

    /**
     * Edit a challenge. Drafts change freely. An open challenge keeps faith with its bidders: the reward
     * may only go up, the deadline only later, and type and IP terms are fixed once a bid has arrived.
     */
    async update(actor: Actor, id: string, input: ChallengeUpdateInput): Promise<Challenge> {
      requireAccount(actor);
      const parsed = UpdateSchema.parse(input);
      // Normalized before the transaction, which may run more than once and so changes nothing outside it.
      const patch = parsed.deadline === undefined ? parsed : { ...parsed, deadline: new Date(parsed.deadline).toISOString() };
      const row = await store.transact(async (tx) => {
        const current = assertViewChallenge(actor, await tx.challenges.get(id), id);
        assertOwnChallenge(actor, current);
        // A closed challenge still awaiting its review may get or change its rubric and blind settings.
        if (!(isSettingsOnly(patch) && currentStatus(current, now()) === 'closed')) assertCanDo(current, 'edit', now());
        // The deadline it has, sent back unchanged, is no change: fine even once it passed (a draft kept).
        if (patch.deadline !== undefined && patch.deadline !== current.deadline) assertDeadline(patch.deadline);
        for (const phase of patch.phases ?? []) assertDeadline(phase.deadline);
        const scored = (await tx.scores.countWhere('challengeId', id)) > 0;
        const settings = settingsUpdate(current, patch, scored, conflict);
        if (current.status === 'open') {
          if (patch.reward && (patch.reward.currency !== current.reward.currency || patch.reward.amount < current.reward.amount)) {
            throw conflict('The reward of an open challenge can only be raised, in the same currency', { reward: current.reward });
          }
          if (patch.deadline && Date.parse(patch.deadline) < Date.parse(current.deadline)) {
            throw conflict('The deadline of an open challenge can only be extended', { deadline: current.deadline });
          }
          const changesTerms =
            (patch.type !== undefined && patch.type !== current.type) || (patch.ipTerms !== undefined && patch.ipTerms !== current.ipTerms);
          if (changesTerms && current.counters.bids > 0) {
            throw conflict('Type and IP terms are fixed once bids have arrived: bidders priced their proposals on them');
          }
        }
        return tx.challenges.update(id, { ...patch, ...settings, updatedAt: now().toISOString() });
      });
      return view(row, actor);
    },

    /** Open a draft for bids and alert every matching subscriber once. */
    async publish(actor: Actor, id: string): Promise<Challenge> {
      requireAccount(actor);
      const row = await store.transact(async (tx) => {
        const current = assertViewChallenge(actor, await tx.challenges.get(id), id);
        assertOwnChallenge(actor, current);
        assertCanDo(current, 'publish', now());
        if (Date.parse(current.deadline) <= now().getTime()) {
          throw conflict('The deadline has passed; set a later deadline (PATCH) before publishing', { deadline: current.deadline });
        }
        const at = now().toISOString();
        const published = await tx.challenges.update(id, { status: 'open', publishedAt: at, updatedAt: at });
        for (const { accountId, subscriptionIds } of subscribers.match(published)) {
          if (accountId === published.ownerId) continue;
          // A subscription targeting only achievements is not alerted on challenges.
          const subscriptions = await tx.subscriptions.getMany(subscriptionIds);
          if (![...subscriptions.values()].some((s) => (s.target ?? 'challenges') !== 'achievements')) continue;
          await notify(tx, clock, { accountId, kind: 'match', challenge: published });
        }
        await onPublished?.(tx, published);
        return published;
      });
      return view(row, actor);
    },

    /** Close an open challenge early: its live bidders get one `closed` notification, with the reason when given. */
    async close(actor: Actor, id: string, input: ChallengeEndInput = {}): Promise<Challenge> {
      requireAccount(actor);
      const { reason } = EndSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const current = assertViewChallenge(actor, await tx.challenges.get(id), id);
        assertOwnChallenge(actor, current);
        assertCanDo(current, 'close', now());
        const at = now().toISOString();
        const closed = await tx.challenges.update(id, { status: 'closed', closedAt: at, updatedAt: at });
        const bidders = new Set((await tx.bids.where('challengeId', id)).filter((b) => LIVE_BID_STATUSES.includes(b.status)).map((b) => b.bidderId));
        for (const accountId of bidders) await notify(tx, clock, { accountId, kind: 'closed', challenge: closed, ...(reason ? { reason } : {}) });
        return closed;
      });
      return view(row, actor);
    },

    /**
     * Cancel from draft, open or closed. Live bids end as rejected (no bid stays "in the running" on a
     * challenge that no longer exists) and live bidders and savers get one `cancelled` notification, with
     * the reason when given.
     */
    async cancel(actor: Actor, id: string, input: ChallengeEndInput = {}): Promise<Challenge> {
      requireAccount(actor);
      const { reason } = EndSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const current = assertViewChallenge(actor, await tx.challenges.get(id), id);
        assertOwnChallenge(actor, current);
        assertCanDo(current, 'cancel', now());
        const at = now().toISOString();
        const cancelled = await tx.challenges.update(id, { status: 'cancelled', cancelledAt: at, updatedAt: at });
        if (current.status !== 'draft') {
          for (const accountId of await followersOf(tx, current)) {
            await notify(tx, clock, { accountId, kind: 'cancelled', challenge: cancelled, ...(reason ? { reason } : {}) });
          }
          for (const bid of await tx.bids.where('challengeId', id)) {
            if (LIVE_BID_STATUSES.includes(bid.status)) await tx.bids.update(bid.id, { status: 'rejected', updatedAt: at });
          }
        }
        return cancelled;
      });
      return view(row, actor);
    },

    async get(actor: Actor, id: string): Promise<Challenge> {
      return view(assertViewChallenge(actor, await store.tables.challenges.get(id), id), actor);
    },

    /**
     * Public list and search. Without `owner=me` only published challenges are listed (default: open ones);
     * `owner=me` lists the caller's own, drafts included.
     */
    async list(actor: Actor, query: ChallengeListQuery): Promise<Page<Challenge>> {
      const at = now();
      const ownOnly = query.owner === 'me';
      const ownerId = ownOnly ? requireAccount(actor).id : null;
      if (query.status === 'draft' && !ownOnly) throw forbidden('Drafts are listed only with owner=me');
      const wanted: ChallengeStatus | null = query.status ?? (ownOnly ? null : 'open');

      const matches = (row: Readonly<ChallengeRow>): boolean => {
        const status = currentStatus(row, at);
        if (ownerId ? row.ownerId !== ownerId : status === 'draft') return false;
        if (wanted && status !== wanted) return false;
        if (query.field && !row.fields.some((f) => query.field!.includes(f))) return false;
        if (query.minReward !== undefined && row.reward.amount < query.minReward) return false;
        return true;
      };

      // Only the rows up to the end of this page are ranked, and only the page is turned into views.
      const end = offsetPageEnd(query);
      let rows: readonly Readonly<ChallengeRow>[];
      const sort = query.sort ?? (query.q ? 'relevance' : 'newest');
      const order = CHALLENGE_ORDERS[sort === 'relevance' ? 'newest' : sort];
      if (query.q) {
        const q = query.q;
        const search = (filter: (row: Readonly<ChallengeRow>) => boolean) =>
          index.search(q, { filter, limit: end, ...(sort === 'relevance' ? {} : { order }) }).map((hit) => index.get(hit.id)!);
        // Everyone but the owner listing their own gets the same hits: ranked once, shared (shared-search.ts).
        const key = JSON.stringify([q, wanted, query.field ?? null, query.minReward ?? null, sort, end]);
        rows = ownerId ? search(matches) : searches.rows(key, at, matches, search);
      } else if (ownerId) {
        rows = (await store.tables.challenges.where('ownerId', ownerId)).filter(matches).sort(order);
      } else {
        // Walk the published challenges in order and stop once the page is full.
        const walked: Readonly<ChallengeRow>[] = [];
        for (const row of (await ordered()).inOrder(sort === 'relevance' ? 'newest' : sort)) {
          if (!matches(row)) continue;
          walked.push(row);
          if (walked.length === end) break;
        }
        rows = walked;
      }
      const page = paginate(rows, query);
      return { items: await toChallenges(store, page.items, actor, at), nextCursor: page.nextCursor };
    },

    /** Persist closures of challenges whose deadline passed (reads are right anyway; this keeps the stored status current). */
    async closeExpired(): Promise<number> {
      const at = now();
      const expired = (await store.tables.challenges.where('status', 'open')).filter((row) => currentStatus(row, at) === 'closed');
      if (expired.length === 0) return 0;
      await store.transact(async (tx) => {
        for (const row of expired) {
          const current = await tx.challenges.get(row.id);
          if (current) await tx.challenges.update(row.id, withCurrentStatus(current, at));
        }
      });
      return expired.length;
    },
  };
}

