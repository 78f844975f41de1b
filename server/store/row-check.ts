import type { Rows, TableName } from './rows.js';

type Shape<T extends TableName> = { strings: (keyof Rows[T] & string)[]; arrays: (keyof Rows[T] & string)[]; objects: (keyof Rows[T] & string)[] };

/**
 * What every stored row must have for the store, its indexes and the code reading it to work: these fields
 * as strings (ids and index keys), these as arrays and these as objects. A light structural check rather
 * than the zod schemas, so loading 100k rows stays cheap.
 */
const SHAPES = {
  accounts: { strings: [], arrays: ['roles', 'fields', 'keywords'], objects: [] },
  tokens: { strings: ['accountId', 'hash'], arrays: [], objects: [] },
  challenges: { strings: ['ownerId', 'status', 'title'], arrays: ['fields', 'keywords'], objects: [] },
  bids: { strings: ['challengeId', 'bidderId', 'status'], arrays: ['milestones', 'references', 'history'], objects: [] },
  questions: { strings: ['challengeId'], arrays: [], objects: [] },
  saves: { strings: ['accountId', 'challengeId'], arrays: [], objects: [] },
  papers: { strings: ['ownerId', 'identity'], arrays: ['authors'], objects: [] },
  subscriptions: { strings: ['accountId'], arrays: ['fields'], objects: [] },
  notifications: { strings: ['accountId'], arrays: [], objects: ['deliveries'] },
  codes: { strings: ['hash', 'accountId'], arrays: [], objects: [] },
  conversations: { strings: ['version', 'state', 'updatedAt'], arrays: [], objects: [] },
  telegram_updates: { strings: ['receivedAt'], arrays: [], objects: [] },
  reviewers: { strings: ['challengeId', 'accountId'], arrays: [], objects: ['conflicts'] },
  recusals: { strings: ['challengeId', 'bidId', 'accountId'], arrays: [], objects: [] },
  scores: { strings: ['challengeId', 'bidId', 'accountId'], arrays: ['scores'], objects: [] },
  achievements: { strings: ['ownerId', 'status', 'title', 'createdAt'], arrays: ['fields', 'keywords', 'modes', 'references'], objects: [] },
  enquiries: { strings: ['achievementId', 'achievementOwnerId', 'senderId', 'status', 'createdAt'], arrays: [], objects: [] },
  deals: { strings: ['status', 'ownerId', 'announcedAt', 'objectionUntil'], arrays: ['objections'], objects: [] },
} satisfies { [T in TableName]: Shape<T> };

/** Why `row` cannot be a row of `table`, or null when it can. */
export function rowProblem(table: TableName, row: unknown): string | null {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return 'is not an object';
  const fields = row as Record<string, unknown>;
  if (typeof fields.id !== 'string' || fields.id === '') return 'has no "id" string';
  const shape: { strings: string[]; arrays: string[]; objects: string[] } = SHAPES[table];
  for (const name of shape.strings) if (typeof fields[name] !== 'string') return `has no "${name}" string`;
  for (const name of shape.arrays) if (!Array.isArray(fields[name])) return `has no "${name}" array`;
  for (const name of shape.objects) {
    if (typeof fields[name] !== 'object' || fields[name] === null) return `has no "${name}" object`;
  }
  return null;
}

/** A stored row that cannot be loaded: the message names the file, the row and what is wrong with it. */
export class BadRowError extends Error {
  constructor(where: string, id: unknown, problem: string) {
    super(`${where}${typeof id === 'string' && id ? ` (id ${id})` : ''} ${problem}. Refusing to start on it: fix or remove that row.`);
    this.name = 'BadRowError';
  }
}
