import { storage } from 'wxt/utils/storage';
import type { PaperRecord } from '../../shared/schemas/paper.js';
import type { Session } from './session.js';

/** The papers as last loaded, and whose they are, so Papers still lists them while the server is out of reach. */
export interface PapersCache {
  accountId: string;
  serverUrl: string;
  items: PaperRecord[];
  loadedAt: string;
}

/** Extension-private `storage.local`; replaced on every successful load of Papers' first page. */
export const papersCacheItem = storage.defineItem<PapersCache | null>('local:papersCache', { fallback: null });

/** The cached papers if they belong to this account on this server, else none (a new sign-in sees no others'). */
export function cachedPapersFor(cache: PapersCache | null | undefined, accountId: string | undefined, serverUrl: string | undefined): PaperRecord[] {
  if (!cache || cache.accountId !== accountId || cache.serverUrl !== serverUrl) return [];
  return cache.items;
}

/** Keeps `items`, the first page of Papers just loaded, as the offline copy of `session`'s account. */
export async function keepForOffline(session: Session | null | undefined, items: readonly PaperRecord[]): Promise<void> {
  if (!session) return;
  await papersCacheItem.setValue({ accountId: session.account.id, serverUrl: session.serverUrl, items: [...items], loadedAt: new Date().toISOString() });
}
