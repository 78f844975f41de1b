import type { Achievement } from '../../shared/schemas/achievement.js';
import type { AchievementRow } from '../store/rows.js';
import type { Readers } from '../store/store.js';
import { toProfile } from './views.js';

/** The API shape of stored achievements, owners' profiles joined in one read. */
export async function toAchievements(tables: Readers, rows: readonly Readonly<AchievementRow>[]): Promise<Achievement[]> {
  const owners = await tables.accounts.getMany([...new Set(rows.map((r) => r.ownerId))]);
  return rows.map((row) => {
    const { withdrawnAt: _w, transferredAt: _t, ...achievement } = row;
    return { ...achievement, owner: toProfile(owners.get(row.ownerId), row.ownerId) };
  });
}

export async function toAchievement(tables: Readers, row: Readonly<AchievementRow>): Promise<Achievement> {
  return (await toAchievements(tables, [row]))[0]!;
}
