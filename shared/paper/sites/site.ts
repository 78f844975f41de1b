import type { Paper } from '../../schemas/paper.js';

/** A reader for one site's pages, which carry their metadata in the page itself rather than in meta tags. */
export interface SiteAdapter {
  /** The site, for tests and benchmarks. */
  name: string;
  /** Whether `url` is one of the site's pages this adapter may read (cheap: the address only). */
  matches(url: URL): boolean;
  /** The paper on the page, or null when the page is not one the adapter recognises (the generic rules try it next). */
  extract(document: Document, url: URL): Paper | null;
}
