import type { Transformer } from 'grammy';
import { fitHtml, MESSAGE_LIMIT } from './html.js';

const TEXT_METHODS = new Set(['sendMessage', 'editMessageText']);

/**
 * A grammY API transformer: the text of every `sendMessage` and `editMessageText` is cut to Telegram's
 * limit on its way out (`fitHtml` for HTML, a plain cut otherwise). Cards and lists budget their own text;
 * this is the net under everything else (a long question with its long answer, feedback quoting many
 * comments), because Telegram refuses a longer text outright and the whole message would be lost.
 */
export const fitMessages: Transformer = (prev, method, payload, signal) => {
  if (!TEXT_METHODS.has(method)) return prev(method, payload, signal);
  const { text, parse_mode: parseMode } = payload as { text?: unknown; parse_mode?: unknown };
  if (typeof text !== 'string' || text.length <= MESSAGE_LIMIT) return prev(method, payload, signal);
  const fitted = parseMode === 'HTML' ? fitHtml(text) : `${text.slice(0, MESSAGE_LIMIT - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
  return prev(method, { ...payload, text: fitted }, signal);
};
