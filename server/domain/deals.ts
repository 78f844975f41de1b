import type { Page } from '../../shared/schemas/common.js';
import {
  DealCreateInput as CreateSchema,
  ObjectionAnswerInput as AnswerSchema,
  ObjectionInput as ObjectionSchema,
  type Deal,
  type DealCreateInput,
  type DealListQuery,
  type DealStatus,
  type ObjectionAnswerInput,
  type ObjectionInput,
} from '../../shared/schemas/deal.js';
import type { Clock } from '../clock.js';
import type { ChallengeRow, DealRow } from '../store/rows.js';
import { LIST_KEYS, type Readers, type Store, type Writers } from '../store/store.js';
import { assertAchievementCan, settledDealStatus, unresolvedObjections } from './achievement-lifecycle.js';
import { notifyCatalogue } from './catalogue-notifications.js';
import { conflict, forbidden, notFound } from './errors.js';
import { newId } from './ids.js';
import { paginate } from './pagination.js';
import { assertOwnAchievement, assertViewAchievement, requireAccount, type Actor } from './permissions.js';
import { toProfile } from './views.js';

const DAY_MS = 24 * 60 * 60_000;
const STATUSES: readonly DealStatus[] = ['announced', 'contested', 'transferred'];

/** The API shape of deals at `now`: counts for everyone, objection texts for the owner and each objector's own. */
async function toDeals(tables: Readers, rows: readonly Readonly<DealRow>[], actor: Actor, now: Date): Promise<Deal[]> {
  const owners = await tables.accounts.getMany([...new Set(rows.map((r) => r.ownerId))]);
  return rows.map((row) => {
    const isOwner = actor?.id === row.ownerId;
    const visible = row.objections.filter((o) => isOwner || o.accountId === actor?.id);
    return {
      id: row.id,
      subject: row.subject,
      achievementId: row.achievementId,
      challengeId: row.challengeId,
      title: row.title,
      owner: toProfile(owners.get(row.ownerId), row.ownerId),
      counterparty: row.counterparty,
      mode: row.mode,
      price: row.price,
      status: settledDealStatus(row, now),
      announcedAt: row.announcedAt,
      objectionUntil: row.objectionUntil,
      objectionCount: row.objections.length,
      unresolvedObjections: unresolvedObjections(row),
      ...(actor && (isOwner || visible.length > 0)
        ? {
            objections: visible.map((o) => ({
              id: o.id,
              reason: o.reason,
              answer: o.answer,
              mine: o.accountId === actor.id,
              createdAt: o.createdAt,
              answeredAt: o.answeredAt,
            })),
          }
        : {}),
      transferredAt: row.transferredAt,
    };
  });
}

/**
 * Record the public announcement of an awarded challenge inside the award's transaction (bids.ts): the
 * winner's organization as counterparty, the challenge's IP terms as mode, the awarded amount as price.
 */
export async function announceAward(
  tx: Writers,
  clock: Clock,
  challenge: Readonly<ChallengeRow>,
  winner: { displayName: string; organization: string },
  objectionDays: number,
): Promise<DealRow> {
  const at = clock.now();
  return tx.deals.insert({
    id: newId('del'),
    subject: 'challenge',
    achievementId: null,
    challengeId: challenge.id,
    ownerId: challenge.ownerId,
    title: challenge.title,
    counterparty: winner.organization || winner.displayName,
    mode: challenge.ipTerms,
    price: challenge.award?.amount ?? null,
    status: 'announced',
    announcedAt: at.toISOString(),
    objectionUntil: new Date(at.getTime() + objectionDays * DAY_MS).toISOString(),
    objections: [],
    transferredAt: null,
    updatedAt: at.toISOString(),
  });
}

/**
 * Deals announced publicly (公示): the owner of a listed achievement records the transfer, which stays
 * open to objections from any signed-in account until `objectionUntil`. The public sees how many there
 * are; their text goes to the owner, who may answer each. `settleExpired` (run by the upkeep job) ends the
 * periods: a deal with every objection answered is transferred (and its achievement with it), one with an
 * unanswered objection is contested until the owner answers the last one.
 */
export function createDealService({ store, clock }: { store: Store; clock: Clock }) {
  const now = () => clock.now();
  const view = async (row: Readonly<DealRow>, actor: Actor) => (await toDeals(store.tables, [row], actor, now()))[0]!;

  /** What a notification about `deal` is about: its achievement or awarded challenge, under the deal's title. */
  const subjectOf = (deal: Readonly<DealRow>) => ({
    achievement: deal.achievementId ? { id: deal.achievementId, title: deal.title } : null,
    challenge: deal.challengeId ? { id: deal.challengeId, title: deal.title } : null,
    dealId: deal.id,
  });

  /** Mark a deal transferred, and its achievement, telling the owner. Inside the caller's transaction. */
  async function transfer(tx: Writers, deal: Readonly<DealRow>, at: string): Promise<Readonly<DealRow>> {
    const done = await tx.deals.update(deal.id, { status: 'transferred', transferredAt: at, updatedAt: at });
    let achievement = null;
    if (deal.achievementId) {
      const current = await tx.achievements.get(deal.achievementId);
      if (current && current.status === 'listed') {
        achievement = await tx.achievements.update(current.id, { status: 'transferred', transferredAt: at, updatedAt: at });
      }
    }
    await notifyCatalogue(tx, clock, {
      accountId: deal.ownerId,
      kind: 'deal-transferred',
      ...subjectOf(deal),
      ...(achievement ? { achievement } : {}),
    });
    return done;
  }

  async function loadDeal(tables: Readers, id: string): Promise<Readonly<DealRow>> {
    const deal = await tables.deals.get(id);
    if (!deal) throw notFound('deal', id);
    return deal;
  }

  return {
    /** The owner of a listed achievement announces its transfer; one deal at a time per achievement. */
    async announce(actor: Actor, achievementId: string, input: DealCreateInput): Promise<Deal> {
      requireAccount(actor);
      const data = CreateSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const achievement = assertViewAchievement(actor, await tx.achievements.get(achievementId), achievementId);
        assertOwnAchievement(actor, achievement);
        assertAchievementCan(achievement, 'deal');
        const pending = (await tx.deals.where('achievementId', achievementId)).find((d) => d.status !== 'transferred');
        if (pending) throw conflict('This achievement already has a deal in its announcement period', { dealId: pending.id });
        const at = now();
        return tx.deals.insert({
          id: newId('del'),
          subject: 'achievement',
          achievementId,
          challengeId: null,
          ownerId: achievement.ownerId,
          title: achievement.title,
          counterparty: data.counterparty,
          mode: data.mode,
          price: data.price,
          status: 'announced',
          announcedAt: at.toISOString(),
          objectionUntil: new Date(at.getTime() + data.objectionDays * DAY_MS).toISOString(),
          objections: [],
          transferredAt: null,
          updatedAt: at.toISOString(),
        });
      });
      return view(row, actor);
    },

    /** Every deal (or those of one status, as of now), newest announcement first. Public. */
    async list(actor: Actor, query: DealListQuery): Promise<Page<Deal>> {
      const at = now();
      const rows = (await Promise.all(STATUSES.map((status) => store.tables.deals.where('status', status))))
        .flat()
        .filter((row) => !query.status || settledDealStatus(row, at) === query.status)
        .sort((a, b) => LIST_KEYS.deals(b).localeCompare(LIST_KEYS.deals(a)));
      const page = paginate(rows, query, LIST_KEYS.deals);
      return { items: await toDeals(store.tables, page.items, actor, at), nextCursor: page.nextCursor };
    },

    async get(actor: Actor, id: string): Promise<Deal> {
      return view(await loadDeal(store.tables, id), actor);
    },

    /** A signed-in account other than the owner objects while the period runs; the owner is told. */
    async object(actor: Actor, dealId: string, input: ObjectionInput): Promise<Deal> {
      const account = requireAccount(actor);
      const { reason } = ObjectionSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const deal = await loadDeal(tx, dealId);
        if (deal.ownerId === account.id) throw forbidden('You cannot object to your own deal');
        if (settledDealStatus(deal, now()) !== 'announced') throw conflict('The objection period of this deal has ended', { objectionUntil: deal.objectionUntil });
        const at = now().toISOString();
        const objection = { id: newId('obj'), accountId: account.id, reason, answer: null, createdAt: at, answeredAt: null };
        const updated = await tx.deals.update(dealId, (d) => ({ ...d, objections: [...d.objections, objection], updatedAt: at }));
        await notifyCatalogue(tx, clock, {
          accountId: deal.ownerId,
          kind: 'deal-objection',
          ...subjectOf(deal),
        });
        return updated;
      });
      return view(row, actor);
    },

    /**
     * The owner answers an objection, which resolves it; its author is told. Answering the last open
     * objection of a contested deal transfers it.
     */
    async answer(actor: Actor, dealId: string, objectionId: string, input: ObjectionAnswerInput): Promise<Deal> {
      const account = requireAccount(actor);
      const { answer } = AnswerSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const deal = await loadDeal(tx, dealId);
        const objection = deal.objections.find((o) => o.id === objectionId);
        // The objections are the owner's and their authors' to read: anybody else learns nothing from the id.
        if (!objection || (account.id !== deal.ownerId && account.id !== objection.accountId)) throw notFound('objection', objectionId);
        if (account.id !== deal.ownerId) throw forbidden('Only the owner of the deal answers its objections');
        if (objection.answer !== null) throw conflict('This objection is answered already');
        const at = now().toISOString();
        let updated = await tx.deals.update(dealId, (d) => ({
          ...d,
          objections: d.objections.map((o) => (o.id === objectionId ? { ...o, answer, answeredAt: at } : o)),
          updatedAt: at,
        }));
        await notifyCatalogue(tx, clock, {
          accountId: objection.accountId,
          kind: 'objection-answer',
          ...subjectOf(deal),
        });
        if (updated.status !== 'transferred' && settledDealStatus(updated, now()) === 'transferred') updated = await transfer(tx, updated, at);
        return updated;
      });
      return view(row, actor);
    },

    /**
     * Persist the end of every objection period that has passed: transferred (with its achievement) when
     * each objection is answered, else contested. The upkeep job calls this; returns how many changed.
     */
    async settleExpired(): Promise<number> {
      const at = now();
      const due = (await store.tables.deals.where('status', 'announced')).filter((d) => settledDealStatus(d, at) !== 'announced');
      if (due.length === 0) return 0;
      await store.transact(async (tx) => {
        for (const { id } of due) {
          const deal = await tx.deals.get(id);
          if (!deal || deal.status !== 'announced') continue;
          const status = settledDealStatus(deal, at);
          if (status === 'transferred') await transfer(tx, deal, at.toISOString());
          else if (status === 'contested') await tx.deals.update(id, { status, updatedAt: at.toISOString() });
        }
      });
      return due.length;
    },
  };
}
