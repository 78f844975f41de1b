import {
  AchievementCreateInput as CreateSchema,
  AchievementUpdateInput as UpdateSchema,
  type Achievement,
  type AchievementCreateInput,
  type AchievementListQuery,
  type AchievementUpdateInput,
} from '../../shared/schemas/achievement.js';
import type { Page, PageQuery } from '../../shared/schemas/common.js';
import type { PaperRef } from '../../shared/schemas/paper.js';
import type { Clock } from '../clock.js';
import type { AchievementIndex } from '../search/achievement-index.js';
import type { AccountRow, AchievementRow } from '../store/rows.js';
import { LIST_KEYS, type Store, type Writers } from '../store/store.js';
import { assertAchievementCan } from './achievement-lifecycle.js';
import { toAchievement, toAchievements } from './achievement-views.js';
import { notifyCatalogue } from './catalogue-notifications.js';
import { conflict, invalid } from './errors.js';
import { newId } from './ids.js';
import { keysetPage, offsetPageEnd, paginate } from './pagination.js';
import { assertOwnAchievement, assertViewAchievement, requireAccount, type Actor } from './permissions.js';

export interface AchievementServiceDeps {
  store: Store;
  clock: Clock;
  /** The catalogue's search index, kept current from the store. */
  achievementIndex: Pick<AchievementIndex, 'search' | 'get'>;
  /**
   * Alerts owed when an achievement is listed (subscribers who target achievements), recorded inside the
   * listing's transaction; catalogue-alerts.ts provides it.
   */
  onListed?: (tx: Writers, achievement: Readonly<AchievementRow>) => Promise<void>;
}

/** Rows read per page when the export walks the whole catalogue. */
export const EXPORT_PAGE_SIZE = 200;

/** The answer open enquiries get when their achievement leaves the catalogue. */
const WITHDRAWN_FEEDBACK = { reason: 'other', note: 'The owner withdrew this achievement from the catalogue.' } as const;

/**
 * The achievements catalogue (科技成果): create and edit (drafts are the owner's alone), list (publish),
 * withdraw, read, search, and export the listed ones. Lifecycle rules are in achievement-lifecycle.ts, who
 * may do what in permissions.ts.
 */
export function createAchievementService({ store, clock, achievementIndex, onListed }: AchievementServiceDeps) {
  const now = () => clock.now();

  /** Copies of the owner's own clips, in the order given; another's paper or an unknown id is refused. */
  async function resolveReferences(tx: Writers, owner: Readonly<AccountRow>, paperIds: readonly string[]): Promise<PaperRef[]> {
    const refs: PaperRef[] = [];
    for (const paperId of new Set(paperIds)) {
      const paper = await tx.papers.get(paperId);
      if (!paper || paper.ownerId !== owner.id) throw invalid(`Paper ${paperId} is not in your library`, { path: 'paperIds' });
      refs.push({ paperId, title: paper.title, authors: paper.authors, doi: paper.doi, arxivId: paper.arxivId, year: paper.year, venue: paper.venue, url: paper.url });
    }
    return refs;
  }

  const ipConsistent = (ipStatus: string, patents: readonly string[]) => {
    if ((ipStatus === 'patent-granted' || ipStatus === 'patent-pending') && patents.length === 0) {
      throw invalid('Give the patent numbers of a granted or pending patent', { path: 'patents' });
    }
  };

  return {
    /** A new draft, visible to its owner only until listed. Any signed-in account may offer what it has. */
    async create(actor: Actor, input: AchievementCreateInput): Promise<Achievement> {
      const owner = requireAccount(actor);
      const { paperIds, ...data } = CreateSchema.parse(input);
      ipConsistent(data.ipStatus, data.patents);
      const at = now().toISOString();
      const row = await store.transact(async (tx) =>
        tx.achievements.insert({
          id: newId('ach'),
          ownerId: owner.id,
          ...data,
          references: await resolveReferences(tx, owner, paperIds),
          status: 'draft',
          createdAt: at,
          listedAt: null,
          updatedAt: at,
          withdrawnAt: null,
          transferredAt: null,
        }),
      );
      return toAchievement(store.tables, row);
    },

    async update(actor: Actor, id: string, input: AchievementUpdateInput): Promise<Achievement> {
      const owner = requireAccount(actor);
      const { paperIds, ...patch } = UpdateSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const current = assertViewAchievement(actor, await tx.achievements.get(id), id);
        assertOwnAchievement(actor, current);
        assertAchievementCan(current, 'edit');
        ipConsistent(patch.ipStatus ?? current.ipStatus, patch.patents ?? current.patents);
        const references = paperIds === undefined ? {} : { references: await resolveReferences(tx, owner, paperIds) };
        return tx.achievements.update(id, { ...patch, ...references, updatedAt: now().toISOString() });
      });
      return toAchievement(store.tables, row);
    },

    /** List a draft in the public catalogue, and alert the subscribers who target achievements, once. */
    async publish(actor: Actor, id: string): Promise<Achievement> {
      requireAccount(actor);
      const row = await store.transact(async (tx) => {
        const current = assertViewAchievement(actor, await tx.achievements.get(id), id);
        assertOwnAchievement(actor, current);
        assertAchievementCan(current, 'publish');
        const at = now().toISOString();
        const listed = await tx.achievements.update(id, { status: 'listed', listedAt: at, updatedAt: at });
        await onListed?.(tx, listed);
        return listed;
      });
      return toAchievement(store.tables, row);
    },

    /** Take an achievement off the catalogue; its open enquiries stay readable; a deal in its announcement period keeps it listed. */
    async withdraw(actor: Actor, id: string): Promise<Achievement> {
      requireAccount(actor);
      const row = await store.transact(async (tx) => {
        const current = assertViewAchievement(actor, await tx.achievements.get(id), id);
        assertOwnAchievement(actor, current);
        assertAchievementCan(current, 'withdraw');
        const announced = (await tx.deals.where('achievementId', id)).some((d) => d.status !== 'transferred');
        if (announced) throw conflict('This achievement has a deal in its announcement period; it cannot be withdrawn now');
        const at = now().toISOString();
        // Senders still waiting are answered, not left with an enquiry no one will read.
        for (const enquiry of await tx.enquiries.where('achievementId', id)) {
          if (enquiry.status !== 'sent') continue;
          await tx.enquiries.update(enquiry.id, { status: 'declined', feedback: WITHDRAWN_FEEDBACK, updatedAt: at });
          await notifyCatalogue(tx, clock, { accountId: enquiry.senderId, kind: 'enquiry-status', achievement: current, enquiryId: enquiry.id, status: 'declined' });
        }
        return tx.achievements.update(id, { status: 'withdrawn', withdrawnAt: at, updatedAt: at });
      });
      return toAchievement(store.tables, row);
    },

    async get(actor: Actor, id: string): Promise<Achievement> {
      return toAchievement(store.tables, assertViewAchievement(actor, await store.tables.achievements.get(id), id));
    },

    /**
     * The public catalogue: listed achievements, newest listed first, or by relevance with `q` (English
     * and Chinese, with translations); `field`, `mode` and `trl` (at least) narrow it.
     */
    async list(_actor: Actor, query: AchievementListQuery): Promise<Page<Achievement>> {
      const keep = (row: Readonly<AchievementRow>) =>
        row.status === 'listed' &&
        (!query.field || row.fields.includes(query.field)) &&
        (!query.mode || row.modes.includes(query.mode)) &&
        (query.trl === undefined || row.trl >= query.trl);
      let rows: Readonly<AchievementRow>[];
      const hits = query.q ? achievementIndex.search(query.q, { filter: keep, limit: offsetPageEnd(query) }) : null;
      if (hits && hits.length > 0) {
        rows = hits.map((hit) => achievementIndex.get(hit.id)!);
      } else if (query.q && hits) {
        rows = [];
      } else {
        rows = (await store.tables.achievements.where('status', 'listed'))
          .filter(keep)
          .sort((a, b) => (b.listedAt ?? '').localeCompare(a.listedAt ?? '') || b.id.localeCompare(a.id));
      }
      const page = paginate(rows, query);
      return { items: await toAchievements(store.tables, page.items), nextCursor: page.nextCursor };
    },

    /** The caller's own achievements, drafts included, newest first. */
    async listMine(actor: Actor, query: PageQuery): Promise<Page<Achievement>> {
      const owner = requireAccount(actor);
      const page = await keysetPage(
        query,
        (window) => store.tables.achievements.page('ownerId', owner.id, { direction: 'desc', ...window }),
        LIST_KEYS.achievements,
      );
      return { items: await toAchievements(store.tables, page.items), nextCursor: page.nextCursor };
    },

    /**
     * Every listed achievement, oldest first, read a page of {@link EXPORT_PAGE_SIZE} at a time so the
     * export never holds the catalogue in memory.
     */
    async *exportListed(): AsyncGenerator<Achievement> {
      let after: string | undefined;
      for (;;) {
        const rows = await store.tables.achievements.page('status', 'listed', { direction: 'asc', limit: EXPORT_PAGE_SIZE, ...(after ? { after } : {}) });
        for (const achievement of await toAchievements(store.tables, rows)) yield achievement;
        if (rows.length < EXPORT_PAGE_SIZE) return;
        after = LIST_KEYS.achievements(rows.at(-1)!);
      }
    },
  };
}
