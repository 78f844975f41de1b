import type { Locale } from '../../shared/schemas/common.js';
import type { LocaleChoice } from './locale.js';
import { messagesFor, type Messages } from './messages.js';

/** Query parameters of a link; empty and undefined ones are left out. */
export type LinkParams = Record<string, string | undefined>;

/** What every page and component renders with: the language, its words, the time, and link building. */
export interface BoardView {
  locale: Locale;
  t: Messages;
  now: Date;
  /** The language the visitor chose in the address, which forms pass on as a hidden field; null if none. */
  chosenLocale: Locale | null;
  /** A link on the board; it carries `lang` when the visitor chose one in the address. */
  href(path: string, params?: LinkParams): string;
  /** This very page in `locale`. */
  hrefIn(locale: Locale): string;
}

/** The view of one request: `path` and `query` are where the visitor is, for the language switch. */
export function createView(choice: LocaleChoice, now: Date, path: string, query: LinkParams): BoardView {
  const build = (to: string, params: LinkParams) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    const qs = search.toString();
    return qs ? `${to}?${qs}` : to;
  };
  return {
    locale: choice.locale,
    t: messagesFor(choice.locale),
    now,
    chosenLocale: choice.explicit ? choice.locale : null,
    href: (to, params = {}) => build(to, { ...params, lang: choice.explicit ? choice.locale : undefined }),
    hrefIn: (locale) => build(path, { ...query, lang: locale }),
  };
}
