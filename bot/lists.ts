import { InlineKeyboard } from 'grammy';
import type { Page, PageQuery } from '../shared/schemas/common.js';
import { packCallback, type CallbackData } from './callback-data.js';
import type { BotContext } from './context.js';
import type { CardView } from './live-cards.js';
import { editHtml, replyHtml } from './handler-kit.js';
import { fitHtml, MESSAGE_LIMIT } from './html.js';
import { moreKeyboard } from './keyboards.js';

/** Items per page of every list the bot shows. */
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
  /** For an enterprise's card: what to remember it as, so it is edited when its bid or challenge changes. */
  card?: CardView;
}

/** One entry of a compact list: its line(s) of HTML, and what its numbered button opens. */
export interface ListEntry {
  lines: string;
  /** Null for an entry with nothing left to press (/notifications: one already read). */
  open: CallbackData | null;
  /** The button's label when the number alone would not say what it does (`✓ 2`: mark read); the number by default. */
  label?: string;
}

export interface ListOptions<T> {
  offset: number;
  header: (from: number, to: number) => string;
  empty: string;
  entry: (item: T) => ListEntry;
  /** The data of the Prev/Next buttons for the page at an offset; they edit the list in place. */
  page: (offset: number) => CallbackData;
  /** Edit the message the button was pressed on (Prev/Next) rather than send a new one. */
  inPlace: boolean;
  /** Buttons on a row of their own under every page, the empty one too (/achievements: My achievements). */
  extra?: readonly { label: string; data: CallbackData }[];
}

/**
 * A page of a list as ONE message: a header with the range shown, the items numbered with a line or two
 * each, a numbered button per item that opens its card, and ◂ Prev / Next ▸. Prev and Next edit the same
 * message, so paging never adds messages (Telegram lets a chat receive about one a second). An empty first
 * page says `empty`; an empty later page (the list shrank) says the list expired.
 */
export async function showList<T>(ctx: BotContext, page: { items: T[]; more: boolean }, options: ListOptions<T>): Promise<void> {
  const show = async (text: string, keyboard?: InlineKeyboard) => {
    if (options.inPlace) await editHtml(ctx, text, keyboard);
    else await replyHtml(ctx, text, keyboard);
  };
  const { items, more } = page;
  const { offset } = options;
  const addExtra = (keyboard: InlineKeyboard) => {
    if (options.extra?.length) keyboard.row();
    for (const button of options.extra ?? []) keyboard.text(button.label, packCallback(button.data));
    return keyboard;
  };
  if (items.length === 0) return show(offset === 0 ? options.empty : ctx.t.browse.listExpired, options.extra?.length ? addExtra(new InlineKeyboard()) : undefined);
  const { text, entries } = fitPage(
    (shown) => options.header(offset + 1, offset + shown),
    items.map(options.entry),
    offset,
  );
  const keyboard = new InlineKeyboard();
  entries.forEach((entry, i) => {
    if (entry.open) keyboard.text(entry.label ?? String(offset + i + 1), packCallback(entry.open));
  });
  const further = more || entries.length < items.length;
  if (offset > 0 || further) keyboard.row();
  if (offset > 0) keyboard.text(ctx.t.browse.previous, packCallback(options.page(Math.max(0, offset - PAGE_SIZE))));
  if (further) keyboard.text(ctx.t.browse.next, packCallback(options.page(offset + entries.length)));
  await show(text, addExtra(keyboard));
}

/**
 * The page's text within one message: as many entries as fit whole (Next takes up after the last shown), and
 * at least the first, cut to fit (`fitHtml`) when alone it is too long. Entries are usually
 * a line or two; an owner's ranking on a twelve-criterion rubric is not, and Telegram refuses a longer text.
 */
function fitPage(header: (shown: number) => string, entries: ListEntry[], offset: number): { text: string; entries: ListEntry[] } {
  const textOf = (shown: number) => [header(shown), ...entries.slice(0, shown).map((entry, i) => `${offset + i + 1}. ${entry.lines}`)].join('\n\n');
  for (let shown = entries.length; shown > 1; shown--) {
    const text = textOf(shown);
    if (text.length <= MESSAGE_LIMIT) return { text, entries: entries.slice(0, shown) };
  }
  return { text: fitHtml(textOf(1)), entries: entries.slice(0, 1) };
}

/**
 * Sends one page as a header and one message per item (for lists whose items carry buttons of their own,
 * such as alerts with Pause and Delete), and a "More" button when more follow.
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
