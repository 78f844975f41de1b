import { createContext } from 'preact';
import { useContext, useEffect, useState, useCallback } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';
import type { Locale } from '../../shared/schemas/common.js';
import type { ApiClient } from '../lib/api.js';
import type { Catalogue } from '../lib/i18n.js';

/** What every component of the extension's pages needs: the API client and the reader's language. */
export interface ExtensionEnv {
  api: ApiClient;
  locale: Locale;
  t: Catalogue;
}

export const ExtensionContext = createContext<ExtensionEnv | null>(null);

/** The page's API client and language; components render only under an `ExtensionContext` provider. */
export function useExtension(): ExtensionEnv {
  const env = useContext(ExtensionContext);
  if (!env) throw new Error('useExtension() outside an ExtensionContext provider');
  return env;
}

/** The current value of a storage item, kept current as the background or another page changes it. */
export function useStorageValue<T>(item: WxtStorageItem<T, Record<string, unknown>>): { loaded: boolean; value: T | undefined } {
  const [state, setState] = useState<{ loaded: boolean; value: T | undefined }>({ loaded: false, value: undefined });
  useEffect(() => {
    let active = true;
    void item.getValue().then((value) => active && setState({ loaded: true, value }));
    const unwatch = item.watch((value) => setState({ loaded: true, value }));
    return () => {
      active = false;
      unwatch();
    };
  }, [item]);
  return state;
}

export type Resource<T> =
  | { status: 'loading'; data: T | undefined; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | undefined; error: unknown };

/**
 * Data loaded by `load`, reloaded when `deps` change or on `reload()`. While reloading, the previous data
 * stays available so lists do not flash empty.
 */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> & { reload: () => void; set: (data: T) => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading', data: undefined, error: null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setResource((previous) => ({ status: 'loading', data: previous.data, error: null }));
    load().then(
      (data) => current && setResource({ status: 'ready', data, error: null }),
      (error: unknown) => current && setResource((previous) => ({ status: 'error', data: previous.data, error })),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure on every render; `deps` says when it means something new.
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const set = useCallback((data: T) => setResource({ status: 'ready', data, error: null }), []);
  return { ...resource, reload, set };
}

/**
 * A list endpoint's items, first page on load and the following ones on `more()`; `hasMore` while the server
 * has another page. `update` changes the loaded items in place (after an unsave, a delete…).
 */
export function usePagedList<T>(loadPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>, deps: readonly unknown[]) {
  const first = useResource(() => loadPage(undefined), deps);
  const [extra, setExtra] = useState<{ items: T[]; nextCursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  useEffect(() => setExtra(null), [first.data]);
  const items = [...(first.data?.items ?? []), ...(extra?.items ?? [])];
  const nextCursor = extra ? extra.nextCursor : (first.data?.nextCursor ?? null);
  const more = async () => {
    if (!nextCursor) return;
    try {
      const page = await loadPage(nextCursor);
      setExtra({ items: [...(extra?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      setMoreError(error);
    }
  };
  const update = (change: (items: T[]) => T[]) => {
    first.set({ items: change(items), nextCursor });
    setExtra(null);
  };
  return { status: first.status, error: first.error ?? moreError, items, hasMore: nextCursor !== null, more, reload: first.reload, update };
}
