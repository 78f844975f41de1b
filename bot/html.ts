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
