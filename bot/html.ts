/** Telegram's limit on one message's text, in UTF-16 code units (what String.length counts). */
export const MESSAGE_LIMIT = 4096;

/**
 * Text made safe for Telegram's HTML parse mode: the three characters it treats as markup are escaped.
 * Every value a person typed (titles, names, bids, questions) goes through this before it enters a message.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `text` cut to at most `max` characters, ending in an ellipsis when it was cut. Never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/** Escaped and truncated in one step, the usual treatment of user text in a message. */
export function escapeShort(text: string, max: number): string {
  return escapeHtml(truncate(text, max));
}

/**
 * `html` (Telegram's HTML parse mode) within `limit` characters: unchanged when it fits; otherwise cut at
 * the last line break that leaves room (or the last space, when no line break is in the last third), never
 * inside a tag or an entity, with "…" added and the tags still open closed, so Telegram can parse it.
 */
export function fitHtml(html: string, limit = MESSAGE_LIMIT): string {
  if (html.length <= limit) return html;
  for (let budget = limit - 1; budget > 0; budget -= 64) {
    const { cut, open } = safeCut(html, budget);
    const fitted = `${html.slice(0, cut).trimEnd()}…${open.map((name) => `</${name}>`).reverse().join('')}`;
    if (fitted.length <= limit) return fitted;
  }
  return '…';
}

/** Where to cut `html` at or before `budget`, and the tags open there (outermost first). */
function safeCut(html: string, budget: number): { cut: number; open: string[] } {
  const open: string[] = [];
  let lastLine: { cut: number; open: string[] } | null = null;
  let lastSpace: { cut: number; open: string[] } | null = null;
  let i = 0;
  while (i < budget) {
    const char = html[i]!;
    if (char === '<') {
      const end = html.indexOf('>', i);
      if (end < 0 || end >= budget) break;
      const tag = /^<(\/?)([a-z-]+)/i.exec(html.slice(i, end + 1));
      if (tag) {
        const name = tag[2]!.toLowerCase();
        if (!tag[1]) open.push(name);
        else if (open.includes(name)) open.splice(open.lastIndexOf(name), 1);
      }
      i = end + 1;
      continue;
    }
    if (char === '&') {
      const end = html.indexOf(';', i);
      if (end < 0 || end >= budget) break;
      i = end + 1;
      continue;
    }
    if (char === '\n') lastLine = { cut: i, open: [...open] };
    else if (char === ' ') lastSpace = { cut: i, open: [...open] };
    i++;
  }
  if (lastLine && lastLine.cut >= (budget * 2) / 3) return lastLine;
  const later = lastSpace && lastLine ? (lastSpace.cut > lastLine.cut ? lastSpace : lastLine) : (lastSpace ?? lastLine);
  if (later) return later;
  // One unbroken run of text: cut anywhere but between the halves of a surrogate pair.
  const cut = i > 0 && /[\uD800-\uDBFF]/.test(html[i - 1]!) ? i - 1 : i;
  return { cut, open };
}
