import type { Browser, WxtBrowser } from 'wxt/browser';
import type { ApiClient } from './api.js';

/** The alarm that keeps the unread count on the toolbar badge current. */
export const REFRESH_BADGE_ALARM = 'tenderlab-refresh-badge';
/** Minutes between badge refreshes (Chrome runs alarms at most every 30 seconds). */
export const BADGE_REFRESH_MINUTES = 1;

/** The toolbar button's API: `action` in Manifest V3, `browserAction` in Firefox's Manifest V2 build. */
export type ToolbarAction = Pick<typeof Browser.action, 'setBadgeText' | 'setBadgeBackgroundColor'>;

/** The toolbar button of the running extension, whichever manifest version built it. */
export function toolbarAction(browser: WxtBrowser): ToolbarAction {
  // The types describe Manifest V3, where `action` always exists; Firefox's MV2 build has only `browserAction`.
  const apis = browser as unknown as { action?: ToolbarAction; browserAction?: ToolbarAction };
  const action = apis.action ?? apis.browserAction;
  if (!action) throw new Error('This browser exposes no toolbar action API');
  return action;
}

/** The badge text for `unread` notifications: empty for none, "99+" past two digits. */
export function badgeText(unread: number): string {
  if (unread <= 0) return '';
  return unread > 99 ? '99+' : String(unread);
}

/** Shows `unread` on the toolbar badge (nothing when zero). Pages call it right after marking alerts read. */
export async function paintBadge(action: ToolbarAction, unread: number): Promise<void> {
  await action.setBadgeBackgroundColor({ color: '#b3261e' });
  await action.setBadgeText({ text: badgeText(unread) });
}

export interface BadgeDeps {
  action: ToolbarAction;
  api: Pick<ApiClient, 'notifications'>;
  isSignedIn(): Promise<boolean>;
}

/**
 * The unread-notifications badge. `refresh()` asks the server for the count and paints it; signed out, the
 * badge is cleared; when the server cannot be asked, the badge keeps its last count rather than lying with 0.
 */
export function createBadge({ action, api, isSignedIn }: BadgeDeps) {
  async function refresh(): Promise<number | null> {
    if (!(await isSignedIn())) {
      await paintBadge(action, 0);
      return null;
    }
    try {
      const { unread } = await api.notifications({ unread: true, limit: 1 });
      await paintBadge(action, unread);
      return unread;
    } catch {
      return null;
    }
  }
  return { refresh };
}
