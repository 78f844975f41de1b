import type { Announcement } from '../../shared/schemas/challenge.js';
import type { Page, PageQuery } from '../../shared/schemas/common.js';
import type { ChallengeRow } from '../store/rows.js';
import type { Store } from '../store/store.js';
import { paginate } from './pagination.js';
import { toProfile } from './views.js';

const keyOf = (c: ChallengeRow) => `${c.award!.awardedAt}|${c.id}`;

/** Public award announcements: challenge, winner, amount, date and the enterprise's note, newest first. */
export function createAwardService({ store }: { store: Store }) {
  return {
    async list(page: PageQuery): Promise<Page<Announcement>> {
      const awarded = (await store.tables.challenges.where('status', 'awarded'))
        .filter((c) => c.award)
        .sort((a, b) => keyOf(b).localeCompare(keyOf(a)));
      const slice = paginate(awarded, page, keyOf);
      const enterprises = await store.tables.accounts.getMany(slice.items.map((c) => c.ownerId));
      const items = slice.items.map((c) => ({
        challengeId: c.id,
        challengeTitle: c.title,
        fields: c.fields,
        enterprise: toProfile(enterprises.get(c.ownerId), c.ownerId),
        winner: c.award!.winner,
        amount: c.award!.amount,
        note: c.award!.note,
        awardedAt: c.award!.awardedAt,
      }));
      return { items, nextCursor: slice.nextCursor };
    },
  };
}

