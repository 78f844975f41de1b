import type { InlineKeyboard } from 'grammy';
import type { Page, PageQuery } from '../shared/schemas/common.js';
import type { CallbackData } from './callback-data.js';
import type { BotContext } from './context.js';
import { replyHtml } from './handler-kit.js';
import { moreKeyboard } from './keyboards.js';

/** Items per page of every list the bot shows; each item is its own message with its own buttons. */
export const PAGE_SIZE = 5;
/** The services' largest page. */
const FETCH_LIMIT = 100;

/**
 * Items `offset … offset + size` of a list the services page with opaque cursors, and whether more follow.
 * Buttons carry only the offset (a cursor does not fit in 64 bytes), so this walks the cursors to it.
 */
export async function pageAt<T>(
  fetchPage: (query: PageQuery) => Promise<Page<T>>,
  offset: number,
  size = PAGE_SIZE,
): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = [];
  let index = 0;
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor ? { limit: FETCH_LIMIT, cursor } : { limit: FETCH_LIMIT });
    for (const item of page.items) {
      if (index >= offset + size) return { items, more: true };
      if (index >= offset) items.push(item);
      index++;
    }
    if (!page.nextCursor) return { items, more: false };
    cursor = page.nextCursor;
  }
}

export interface ListMessage {
  text: string;
  keyboard?: InlineKeyboard;
}

/**
 * Sends one page: a header with the range shown, one message per item, and a "More" button when more
 * follow. An empty first page gets `empty`; an empty later page (the list shrank) says the list expired.
 */
export async function sendPage<T>(
  ctx: BotContext,
  page: { items: T[]; more: boolean },
  options: { offset: number; header: (from: number, to: number) => string; empty: string; render: (item: T) => ListMessage; next: (offset: number) => CallbackData },
): Promise<void> {
  const { items, more } = page;
  if (items.length === 0) {
    await replyHtml(ctx, options.offset === 0 ? options.empty : ctx.t.browse.listExpired);
    return;
  }
  await replyHtml(ctx, options.header(options.offset + 1, options.offset + items.length));
  for (const item of items) {
    const message = options.render(item);
    await replyHtml(ctx, message.text, message.keyboard);
  }
  if (more) await replyHtml(ctx, ctx.t.browse.moreFooter, moreKeyboard(ctx.t, options.next(options.offset + items.length)));
}
