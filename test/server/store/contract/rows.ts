import type {
  AccountRow,
  AchievementRow,
  BidRow,
  ChallengeRow,
  CodeRow,
  NotificationRow,
  PaperRow,
  QuestionRow,
  SaveRow,
  SubscriptionRow,
  TokenRow,
} from '../../../../server/store/rows.js';
import type { Delivery } from '../../../../shared/schemas/notification.js';
import { challengeRow } from '../../search/fixtures.js';

/**
 * Rows for the store contract: complete where the type is small, and for bids and papers only what the
 * store looks at (ids and indexed fields), since a store keeps rows as given and never validates them.
 */

const T0 = '2026-11-01T00:00:00.000Z';

export function account(id: string, fields: Partial<AccountRow> = {}): AccountRow {
  return {
    id,
    roles: ['researcher'],
    displayName: `Account ${id}`,
    organization: 'Lab',
    email: `${id}@example.org`,
    locale: 'en',
    fields: [],
    keywords: [],
    orcid: null,
    bio: '',
    telegram: null,
    createdAt: T0,
    updatedAt: T0,
    passwordHash: null,
    ...fields,
  };
}

export function token(id: string, accountId: string, hash = `hash-${id}`): TokenRow {
  return { id, accountId, hash, label: 'test', createdAt: T0, lastUsedAt: null, revokedAt: null };
}

export function challenge(id: string, ownerId: string, fields: Partial<ChallengeRow> = {}): ChallengeRow {
  return challengeRow({ id, ownerId, title: `Challenge ${id}`, ...fields });
}

export function bid(id: string, challengeId: string, bidderId: string, status: BidRow['status'] = 'submitted'): BidRow {
  return { id, challengeId, bidderId, status, summary: `Bid ${id}` } as unknown as BidRow;
}

export function question(id: string, challengeId: string): QuestionRow {
  return { id, challengeId, askerId: 'acc_asker', text: 'How hot?', answer: null, askedAt: T0, answeredAt: null };
}

export function save(accountId: string, challengeId: string): SaveRow {
  return { id: `${accountId}:${challengeId}`, accountId, challengeId, savedAt: T0 };
}

export function paper(id: string, ownerId: string, identity: string): PaperRow {
  return { id, ownerId, identity, title: `Paper ${id}`, createdAt: T0 } as unknown as PaperRow;
}

export function subscription(id: string, accountId: string): SubscriptionRow {
  return { id, accountId, keywords: '', fields: [], minReward: null, active: true, createdAt: T0, updatedAt: T0 };
}

export function notification(id: string, accountId: string, telegram?: Partial<Delivery>): NotificationRow {
  return {
    id,
    accountId,
    kind: 'match',
    challengeId: 'chl_1',
    challengeTitle: 'Perovskite solar cells',
    bidId: null,
    questionId: null,
    bidStatus: null,
    read: false,
    createdAt: T0,
    deliveries: telegram ? { telegram: { state: 'pending', attempts: 0, nextAttemptAt: T0, lastError: null, sentAt: null, ...telegram } } : {},
  };
}

export function code(id: string, accountId: string, hash = `code-${id}`): CodeRow {
  return { id, purpose: 'link', hash, accountId, createdAt: T0, expiresAt: T0, usedAt: null };
}

export function achievement(id: string, ownerId: string, status: AchievementRow['status']): AchievementRow {
  return { id, ownerId, title: `Achievement ${id}`, summary: 'A summary of the achievement', description: '', fields: ['energy'], keywords: [], trl: 5, ipStatus: 'none', patents: [], modes: ['joint-rd'], askingPrice: null, institution: 'Lab', references: [], status, createdAt: T0, listedAt: status === 'draft' ? null : T0, updatedAt: T0, withdrawnAt: null, transferredAt: null };
}
