import type { ClipDescription } from './clip.js';

/** What the background sends the page to show: the clip described, and the card's own words. */
export interface ClipCardView extends ClipDescription {
  labels: { close: string; undo: string; removed: string; quote: string };
}

/** How long the card stays up when the reader neither points at it nor has the keyboard focus in it. */
const VISIBLE_MS = 8_000;
const HOST_ID = 'tenderlab-clip-card';

const STYLE = `
:host { all: initial; position: fixed; top: 16px; right: 16px; z-index: 2147483647; }
.card { box-sizing: border-box; width: 360px; max-width: calc(100vw - 32px); padding: 12px 14px; border-radius: 10px;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: #1d2330; background: #fff; box-shadow: 0 6px 24px rgba(0,0,0,.22); border-left: 5px solid #2f7d4a; }
.card.warn { border-left-color: #c48a00; } .card.error { border-left-color: #b3261e; }
.top { display: flex; gap: 8px; align-items: baseline; }
.heading { flex: 1; font-weight: 600; font-size: 14px; }
button { font: inherit; cursor: pointer; border: 0; background: none; color: #2456a6; padding: 0 2px; }
button.close { color: #666; font-size: 18px; line-height: 1; }
.body { margin-top: 4px; color: #444; }
.title { margin-top: 6px; font-weight: 600; }
.meta { color: #555; }
blockquote { margin: 6px 0 0; padding-left: 8px; border-left: 3px solid #ccd; color: #444; max-height: 5.8em; overflow: hidden; }
@media (prefers-color-scheme: dark) {
  .card { color: #e8eaf0; background: #23272f; } .body, .meta, blockquote { color: #c3c7d0; } button { color: #8ab4f8; }
}`;

/**
 * Shows the clip's result on the page in a card of its own (a shadow root, so the page's styles neither
 * reach in nor are disturbed), replacing any earlier card. It leaves after a few seconds, but waits while it
 * is pointed at or holds the keyboard focus, so a keyboard user can Tab to Undo and press it in time.
 * `onUndo` removes a just-saved paper; it resolves true when the server removed it.
 */
export function showClipCard(document: Document, view: ClipCardView, onUndo: (paperId: string) => Promise<boolean>): HTMLElement {
  document.getElementById(HOST_ID)?.remove();
  const host = document.createElement('div');
  host.id = HOST_ID;
  const root = host.attachShadow({ mode: 'open' });
  const element = (tag: string, className: string | null, text?: string) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const style = element('style', null, STYLE);
  const card = element('div', `card ${view.tone}`);
  card.setAttribute('role', 'status');
  const top = element('div', 'top');
  const heading = element('div', 'heading', view.heading);
  top.append(heading);
  const paperId = view.tone === 'ok' ? view.paper?.id : null;
  if (paperId) {
    const undo = element('button', 'undo', view.labels.undo);
    undo.addEventListener('click', async () => {
      if (await onUndo(paperId)) {
        heading.textContent = view.labels.removed;
        undo.remove();
      }
    });
    top.append(undo);
  }
  const close = element('button', 'close', '×');
  close.setAttribute('aria-label', view.labels.close);
  close.addEventListener('click', () => host.remove());
  top.append(close);
  card.append(top);
  if (view.body) card.append(element('div', 'body', view.body));
  if (view.paper) {
    card.append(element('div', 'title', view.paper.title));
    if (view.paper.authors) card.append(element('div', 'meta', view.paper.authors));
    if (view.paper.detail) card.append(element('div', 'meta', view.paper.detail));
    if (view.paper.quote) {
      const quote = element('blockquote', null, view.paper.quote);
      quote.setAttribute('aria-label', view.labels.quote);
      card.append(quote);
    }
  }
  root.append(style, card);

  let pointed = false;
  let focused = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = pointed || focused ? undefined : setTimeout(() => host.remove(), VISIBLE_MS);
  };
  const point = (value: boolean) => () => {
    pointed = value;
    schedule();
  };
  card.addEventListener('mouseenter', point(true));
  card.addEventListener('mouseleave', point(false));
  card.addEventListener('focusin', () => {
    focused = true;
    schedule();
  });
  card.addEventListener('focusout', (event) => {
    focused = card.contains(event.relatedTarget as Node | null);
    schedule();
  });
  schedule();
  (document.body ?? document.documentElement).append(host);
  return host;
}
