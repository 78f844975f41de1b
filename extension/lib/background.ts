import type { Browser, WxtBrowser } from 'wxt/browser';
import type { Locale } from '../../shared/schemas/common.js';
import type { ApiClient } from './api.js';
import { BADGE_REFRESH_MINUTES, createBadge, REFRESH_BADGE_ALARM, toolbarAction } from './badge.js';
import type { ClipCardView } from './clip-card.js';
import { createClipQueue, RETRY_CLIPS_ALARM } from './clip-queue.js';
import { createClipper, describeClip, lastClipItem, type ClipOutcome, type PageExtraction } from './clip.js';
import { messagesFor } from './i18n.js';
import { localePreferenceItem, storedLocale } from './locale.js';
import type { BackgroundMessage, BackgroundReply, BackgroundRequests, ShowClipCardMessage } from './messages.js';
import { sessionItem } from './session.js';
import { CLIP_COMMAND } from './shortcut.js';

/** The context-menu item on pages and selections. */
export const CLIP_MENU_ID = 'tenderlab-clip-paper';
/** The clipper script, built from `entrypoints/clipper.ts`. */
export const CLIPPER_SCRIPT = '/clipper.js';

export interface BackgroundDeps {
  browser: WxtBrowser;
  api: ApiClient;
  /** The browser's language: what the background speaks unless the options or the account say otherwise. */
  locale: Locale;
}

/**
 * The background's behaviour, wired to the browser's events: the context menu, the keyboard command and the
 * popup's request all run one clip flow (inject the clipper into the tab, which the user's gesture granted
 * through `activeTab`; save; show the result in the page); the retry alarm flushes the offline queue; the
 * badge alarm and every sign-in or sign-out refresh the unread badge. Listeners are registered synchronously,
 * as a Manifest V3 service worker must, and the returned functions are the same ones the listeners call.
 */
export function startBackground({ browser, api, locale: browserLocale }: BackgroundDeps) {
  const isSignedIn = async () => (await sessionItem.getValue()) !== null;
  const queue = createClipQueue({ api, alarms: browser.alarms });
  const badge = createBadge({ action: toolbarAction(browser), api, isSignedIn });
  const clipper = createClipper({
    extract: async (tabId) => {
      const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: [CLIPPER_SCRIPT] });
      return injection?.result as PageExtraction;
    },
    api,
    queue,
    isSignedIn,
  });

  async function clipTab(tabId: number, options: { selectionText?: string; showInPage: boolean }): Promise<ClipOutcome> {
    const outcome = await clipper.clipTab(tabId, options);
    await lastClipItem.setValue({ outcome, at: new Date().toISOString() });
    if (options.showInPage && outcome.kind !== 'unavailable') {
      const locale = await storedLocale(browserLocale);
      const t = messagesFor(locale);
      const view: ClipCardView = {
        ...describeClip(outcome, t, locale),
        labels: { close: t.close, undo: t.undo, removed: t.clipRemoved, quote: t.quote },
      };
      const message: ShowClipCardMessage = { type: 'show-clip-card', view };
      // The card is a courtesy: the clip is saved (or queued) whether or not the page can show it.
      await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
    }
    return outcome;
  }

  async function ensureBadgeAlarm(): Promise<void> {
    if (!(await browser.alarms.get(REFRESH_BADGE_ALARM))) {
      await browser.alarms.create(REFRESH_BADGE_ALARM, { periodInMinutes: BADGE_REFRESH_MINUTES });
    }
  }

  /** The context menu in the language of the moment; made again when the language changes. */
  async function createMenu(): Promise<void> {
    const t = messagesFor(await storedLocale(browserLocale));
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: CLIP_MENU_ID, title: t.clipMenuTitle, contexts: ['page', 'selection'] });
  }

  browser.runtime.onInstalled.addListener(async () => {
    await createMenu();
    await ensureBadgeAlarm();
    await badge.refresh();
  });

  browser.runtime.onStartup.addListener(async () => {
    await ensureBadgeAlarm();
    await badge.refresh();
    if ((await queue.pending()).length > 0) await queue.flush();
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CLIP_MENU_ID || tab?.id === undefined) return;
    void clipTab(tab.id, { showInPage: true, ...(info.selectionText ? { selectionText: info.selectionText } : {}) });
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== CLIP_COMMAND) return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId !== undefined) await clipTab(tabId, { showInPage: true });
  });

  browser.alarms.onAlarm.addListener(async (alarm: Browser.alarms.Alarm) => {
    if (alarm.name === RETRY_CLIPS_ALARM) await queue.flush();
    if (alarm.name === REFRESH_BADGE_ALARM) await badge.refresh();
  });

  sessionItem.watch(async (session, previous) => {
    if (session?.account.locale !== previous?.account.locale) await createMenu();
    if (session?.token === previous?.token) return;
    await badge.refresh();
    if (session) await queue.flush();
  });
  localePreferenceItem.watch(() => void createMenu());

  const handlers: { [K in keyof BackgroundRequests]: (message: Extract<BackgroundMessage, { type: K }>) => Promise<BackgroundRequests[K]['response']> } = {
    'clip-tab': ({ tabId, showInPage }) => clipTab(tabId, { showInPage }),
    'flush-clips': () => queue.flush(),
    'delete-paper': ({ paperId }) => api.deletePaper(paperId),
  };

  // sendResponse and `return true` rather than a returned promise: Firefox and every Chrome version honour it.
  browser.runtime.onMessage.addListener((message: BackgroundMessage, _sender, sendResponse) => {
    const handler = handlers[message?.type] as ((message: BackgroundMessage) => Promise<unknown>) | undefined;
    if (!handler) return false;
    handler(message).then(
      (value) => sendResponse({ ok: true, value } satisfies BackgroundReply<unknown>),
      (error: unknown) => sendResponse({ ok: false, error: (error as Error).message } satisfies BackgroundReply<unknown>),
    );
    return true;
  });

  return { clipTab, flushQueue: queue.flush, refreshBadge: badge.refresh };
}
