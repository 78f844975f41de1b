import { browser } from 'wxt/browser';
import { paintBadge, toolbarAction } from './badge.js';
import type { ClipOutcome } from './clip.js';
import { askBackground } from './messages.js';
import { sessionItem } from './session.js';

/** Opens the options page (server and sign-in). */
export function openSettings(): void {
  void browser.runtime.openOptionsPage();
}

/** Paints the unread count on the toolbar badge from an extension page. */
export function paintUnread(unread: number): void {
  void paintBadge(toolbarAction(browser), unread);
}

/**
 * The popup's clip: the tab that was active when the toolbar button was clicked, clipped by the background
 * through the same flow as the context menu and the shortcut. Null when signed out (the popup says so itself).
 */
export async function clipActiveTab(): Promise<ClipOutcome | null> {
  if (!(await sessionItem.getValue())) return null;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { kind: 'unavailable' };
  return askBackground('clip-tab', { tabId: tab.id, showInPage: false });
}

interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void> };
}

/**
 * A function that opens the side panel (Chrome's `sidePanel`, Firefox's sidebar) from a click in the popup,
 * or undefined where there is neither. The window is looked up ahead of time because the browser accepts
 * the call only while the click's user gesture is still current.
 */
export async function sidePanelOpener(): Promise<(() => void) | undefined> {
  const sidebar = (browser as unknown as FirefoxSidebar).sidebarAction;
  if (sidebar) return () => void sidebar.open().then(() => window.close());
  if (!browser.sidePanel?.open) return undefined;
  const windowId = (await browser.windows.getCurrent()).id;
  if (windowId === undefined) return undefined;
  return () => void browser.sidePanel.open({ windowId }).then(() => window.close());
}
