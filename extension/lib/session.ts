import { storage } from 'wxt/utils/storage';
import type { Account } from '../../shared/schemas/account.js';
import { ApiError, createApiClient, type ApiClient } from './api.js';
import { papersCacheItem } from './papers-cache.js';

/** Where a fresh install looks for the server: `npm start` and `npm run demo` listen here. */
export const DEFAULT_SERVER_URL = 'http://localhost:8787';

/** A signed-in extension: the token for `serverUrl`, and who it belongs to (for display only). */
export interface Session {
  serverUrl: string;
  token: string;
  /** `locale` is the account's language, absent in sessions kept before the extension read it. */
  account: Pick<Account, 'id' | 'displayName' | 'organization' | 'email'> & { locale?: Account['locale'] };
  signedInAt: string;
}

/** The configured server URL (extension-private `storage.local`). */
export const serverUrlItem = storage.defineItem<string>('local:serverUrl', { fallback: DEFAULT_SERVER_URL });

/** The current session, or null when signed out. The token lives only here and in request headers. */
export const sessionItem = storage.defineItem<Session | null>('local:session', { fallback: null });

/** The URL as the extension stores it (no trailing slash), or null when it is not an http(s) URL. */
export function normalizedServerUrl(input: string): string | null {
  try {
    const url = new URL(input.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/**
 * The API client every part of the extension uses: the configured server, the session's token, and a
 * session that the server no longer honours (401) forgotten, so that the UI asks to sign in again.
 */
export function createExtensionApi(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): ApiClient {
  return createApiClient({
    fetch: async (input, init) => {
      const response = await fetchImpl(input, init);
      const sentToken = new Headers(init?.headers).has('authorization');
      if (response.status === 401 && sentToken) await sessionItem.setValue(null);
      return response;
    },
    baseUrl: () => serverUrlItem.getValue(),
    token: async () => (await sessionItem.getValue())?.token ?? null,
  });
}

export type Credentials = { email: string; password: string } | { code: string };

/** Signs in with email and password or with a one-time code from the bot's `/connect`, and keeps the session. */
export async function signIn(api: ApiClient, credentials: Credentials): Promise<Session> {
  const label = 'Browser extension';
  const result = 'code' in credentials
    ? await api.exchange({ code: credentials.code.trim(), label })
    : await api.login({ email: credentials.email.trim(), password: credentials.password, label });
  const { id, displayName, organization, email, locale } = result.account;
  const session: Session = {
    serverUrl: await serverUrlItem.getValue(),
    token: result.token,
    account: { id, displayName, organization, email, locale },
    signedInAt: new Date().toISOString(),
  };
  await sessionItem.setValue(session);
  return session;
}

/**
 * Revokes the token on the server and forgets the session. The session is forgotten even when the server
 * cannot be reached; `revoked` says whether the server confirmed (an already-invalid token counts as revoked).
 */
export async function signOut(api: ApiClient): Promise<{ revoked: boolean }> {
  let revoked: boolean;
  try {
    await api.logout();
    revoked = true;
  } catch (error) {
    revoked = error instanceof ApiError && error.status === 401;
  }
  await sessionItem.setValue(null);
  // The offline copy of the library is the account's: it leaves with the session.
  await papersCacheItem.setValue(null);
  return { revoked };
}

/**
 * Reads the account again (`GET /api/me`) and keeps its language in the session, so a language changed on
 * the server (in the bot, on the board) is followed. Quietly does nothing when the server cannot answer.
 */
export async function refreshAccountLocale(api: ApiClient): Promise<void> {
  const session = await sessionItem.getValue();
  if (!session) return;
  let account: Account;
  try {
    account = await api.me();
  } catch {
    return;
  }
  const current = await sessionItem.getValue();
  if (current?.token !== session.token || current.account.locale === account.locale) return;
  await sessionItem.setValue({ ...current, account: { ...current.account, locale: account.locale } });
}
