import { browser } from 'wxt/browser';
import type { ClipCardView } from './clip-card.js';
import type { ClipOutcome } from './clip.js';
import type { FlushReport } from './clip-queue.js';

/** What extension pages and the in-page card ask the background, and what each request answers. */
export interface BackgroundRequests {
  /** Clip the page in `tabId` (the popup passes the active tab); `showInPage` also shows the in-page card. */
  'clip-tab': { request: { tabId: number; showInPage: boolean }; response: ClipOutcome };
  /** Send the offline queue now instead of at the next alarm. */
  'flush-clips': { request: Record<string, never>; response: FlushReport };
  /** Undo a clip from the in-page card. */
  'delete-paper': { request: { paperId: string }; response: { deleted: boolean } };
}

export type BackgroundRequestType = keyof BackgroundRequests;

export type BackgroundMessage = {
  [K in BackgroundRequestType]: { type: K } & BackgroundRequests[K]['request'];
}[BackgroundRequestType];

/** How the background answers: the handler's value, or the message of the error it failed with. */
export type BackgroundReply<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A request to the background service worker (or event page), answered by its `runtime.onMessage` listener;
 * rejects with the background's error when the request failed there.
 */
export async function askBackground<K extends BackgroundRequestType>(
  type: K,
  request: BackgroundRequests[K]['request'],
): Promise<BackgroundRequests[K]['response']> {
  const reply = (await browser.runtime.sendMessage({ type, ...request })) as BackgroundReply<BackgroundRequests[K]['response']>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** The message the background sends a clipped tab to show the in-page card. */
export interface ShowClipCardMessage {
  type: 'show-clip-card';
  view: ClipCardView;
}

/** True for a message meant for the in-page card. */
export function isShowClipCardMessage(message: unknown): message is ShowClipCardMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'show-clip-card';
}
