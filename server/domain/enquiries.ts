import type { Page, PageQuery } from '../../shared/schemas/common.js';
import {
  DeclineInput as DeclineSchema,
  EnquiryCreateInput as CreateSchema,
  type Contact,
  type DeclineInput,
  type Enquiry,
  type EnquiryCreateInput,
} from '../../shared/schemas/enquiry.js';
import type { Clock } from '../clock.js';
import type { AccountRow, EnquiryRow } from '../store/rows.js';
import { LIST_KEYS, type Readers, type Store, type Writers } from '../store/store.js';
import { assertAchievementCan } from './achievement-lifecycle.js';
import { notifyCatalogue } from './catalogue-notifications.js';
import { conflict, forbidden, notFound } from './errors.js';
import { newId } from './ids.js';
import { keysetPage, paginate } from './pagination.js';
import { assertOwnAchievement, assertViewAchievement, canViewEnquiry, requireAccount, requireRole, type Actor } from './permissions.js';
import { toProfile } from './views.js';

const contactOf = (account: Readonly<AccountRow> | undefined): Contact => ({
  displayName: account?.displayName ?? '(deleted account)',
  organization: account?.organization ?? '',
  email: account?.email ?? null,
  telegram: account?.telegram?.username ?? null,
});

/** The API shape of enquiries: titles and the sender's profile joined; contacts only once accepted. */
async function toEnquiries(tables: Readers, rows: readonly Readonly<EnquiryRow>[]): Promise<Enquiry[]> {
  const [achievements, accounts] = await Promise.all([
    tables.achievements.getMany([...new Set(rows.map((r) => r.achievementId))]),
    tables.accounts.getMany([...new Set(rows.flatMap((r) => [r.senderId, r.achievementOwnerId]))]),
  ]);
  return rows.map((row) => ({
    id: row.id,
    achievementId: row.achievementId,
    achievementTitle: achievements.get(row.achievementId)?.title ?? '',
    senderId: row.senderId,
    sender: toProfile(accounts.get(row.senderId), row.senderId),
    message: row.message,
    mode: row.mode,
    offer: row.offer,
    status: row.status,
    feedback: row.feedback,
    contacts:
      row.status === 'accepted'
        ? { sender: contactOf(accounts.get(row.senderId)), owner: contactOf(accounts.get(row.achievementOwnerId)) }
        : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

/**
 * Enquiries: an enterprise's sealed approach to a listed achievement. Sealed like bids (permissions.ts):
 * its sender and the achievement's owner see it, anybody else gets a 404. The owner accepts (both sides'
 * contact details are then shown to both) or declines with structured feedback; the sender may withdraw
 * while it is open. Each step notifies the other side through the outbox.
 */
export function createEnquiryService({ store, clock }: { store: Store; clock: Clock }) {
  const now = () => clock.now();
  const one = async (row: Readonly<EnquiryRow>) => (await toEnquiries(store.tables, [row]))[0]!;

  /** The enquiry if the actor may see it (else 404), and the achievement it is about. */
  async function load(tx: Writers, actor: Actor, id: string) {
    const enquiry = await tx.enquiries.get(id);
    if (!enquiry || !canViewEnquiry(actor, enquiry)) throw notFound('enquiry', id);
    const achievement = await tx.achievements.get(enquiry.achievementId);
    if (!achievement) throw notFound('enquiry', id);
    return { enquiry, achievement };
  }

  /** The owner's answer: accept or decline an enquiry still `sent`, and tell its sender. */
  async function decide(actor: Actor, id: string, patch: Pick<EnquiryRow, 'status' | 'feedback'>): Promise<Enquiry> {
    requireAccount(actor);
    const row = await store.transact(async (tx) => {
      const { enquiry, achievement } = await load(tx, actor, id);
      assertOwnAchievement(actor, achievement);
      if (enquiry.status !== 'sent') throw conflict(`This enquiry is ${enquiry.status} already`, { status: enquiry.status });
      const updated = await tx.enquiries.update(id, { ...patch, updatedAt: now().toISOString() });
      await notifyCatalogue(tx, clock, { accountId: enquiry.senderId, kind: 'enquiry-status', achievement, enquiryId: id, status: patch.status });
      return updated;
    });
    return one(row);
  }

  return {
    /** An enterprise's enquiry on a listed achievement (not its own); one open enquiry per sender and achievement. */
    async send(actor: Actor, achievementId: string, input: EnquiryCreateInput): Promise<Enquiry> {
      const sender = requireRole(actor, 'enterprise');
      const data = CreateSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const achievement = assertViewAchievement(actor, await tx.achievements.get(achievementId), achievementId);
        if (achievement.ownerId === sender.id) throw forbidden('You cannot enquire about your own achievement');
        assertAchievementCan(achievement, 'enquire');
        const open = (await tx.enquiries.where('senderId', sender.id)).some((e) => e.achievementId === achievementId && e.status === 'sent');
        if (open) throw conflict('You already have an open enquiry about this achievement; wait for the answer or withdraw it');
        const at = now().toISOString();
        const enquiry = await tx.enquiries.insert({
          id: newId('enq'),
          achievementId,
          achievementOwnerId: achievement.ownerId,
          senderId: sender.id,
          message: data.message,
          mode: data.mode,
          offer: data.offer,
          status: 'sent',
          feedback: null,
          createdAt: at,
          updatedAt: at,
        });
        await notifyCatalogue(tx, clock, { accountId: achievement.ownerId, kind: 'enquiry-received', achievement, enquiryId: enquiry.id });
        return enquiry;
      });
      return one(row);
    },

    /** Every enquiry about an achievement, newest first: its owner only (others: 404 for a draft, else 403). */
    async listForAchievement(actor: Actor, achievementId: string, query: PageQuery): Promise<Page<Enquiry>> {
      requireAccount(actor);
      const achievement = assertViewAchievement(actor, await store.tables.achievements.get(achievementId), achievementId);
      assertOwnAchievement(actor, achievement);
      const page = await keysetPage(query, (window) => store.tables.enquiries.page('achievementId', achievementId, { direction: 'desc', ...window }), LIST_KEYS.enquiries);
      return { items: await toEnquiries(store.tables, page.items), nextCursor: page.nextCursor };
    },

    /** The enquiries the caller sent and those about the caller's achievements, newest first. */
    async listMine(actor: Actor, query: PageQuery & { role?: 'sent' | 'received' | undefined }): Promise<Page<Enquiry>> {
      const account = requireAccount(actor);
      const index = query.role === 'received' ? 'achievementOwnerId' : 'senderId';
      if (query.role === undefined) {
        // Both sides at once: a small list per person, merged in list order.
        const rows = [...(await store.tables.enquiries.where('senderId', account.id)), ...(await store.tables.enquiries.where('achievementOwnerId', account.id))];
        const ordered = [...new Map(rows.map((r) => [r.id, r])).values()].sort((a, b) => LIST_KEYS.enquiries(b).localeCompare(LIST_KEYS.enquiries(a)));
        const page = paginate(ordered, query, LIST_KEYS.enquiries);
        return { items: await toEnquiries(store.tables, page.items), nextCursor: page.nextCursor };
      }
      const page = await keysetPage(query, (window) => store.tables.enquiries.page(index, account.id, { direction: 'desc', ...window }), LIST_KEYS.enquiries);
      return { items: await toEnquiries(store.tables, page.items), nextCursor: page.nextCursor };
    },

    async get(actor: Actor, id: string): Promise<Enquiry> {
      const row = await store.tables.enquiries.get(id);
      if (!row || !canViewEnquiry(actor, row)) throw notFound('enquiry', id);
      return one(row);
    },

    /** The owner accepts: both sides now see each other's contact details. */
    accept: (actor: Actor, id: string) => decide(actor, id, { status: 'accepted', feedback: null }),

    /** The owner declines with a reason from the list and a note. */
    async decline(actor: Actor, id: string, input: DeclineInput): Promise<Enquiry> {
      const feedback = DeclineSchema.parse(input);
      return decide(actor, id, { status: 'declined', feedback });
    },

    /** The sender takes back an enquiry still open, and the owner is told. */
    async withdraw(actor: Actor, id: string): Promise<Enquiry> {
      const account = requireAccount(actor);
      const row = await store.transact(async (tx) => {
        const { enquiry, achievement } = await load(tx, actor, id);
        if (enquiry.senderId !== account.id) throw forbidden('Only the sender of this enquiry can withdraw it');
        if (enquiry.status !== 'sent') throw conflict(`This enquiry is ${enquiry.status} already`, { status: enquiry.status });
        const updated = await tx.enquiries.update(id, { status: 'withdrawn', updatedAt: now().toISOString() });
        await notifyCatalogue(tx, clock, { accountId: enquiry.achievementOwnerId, kind: 'enquiry-status', achievement, enquiryId: id, status: 'withdrawn' });
        return updated;
      });
      return one(row);
    },
  };
}
