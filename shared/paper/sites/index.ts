import { cnipa } from './cnipa.js';
import { cnki } from './cnki.js';
import { cqvip } from './cqvip.js';
import { googlePatents } from './google-patents.js';
import { ieeeXplore } from './ieee-xplore.js';
import type { SiteAdapter } from './site.js';
import { wanfang } from './wanfang.js';

/** The sites read by their own adapters before the generic metadata rules, each chosen by its address. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [cnki, wanfang, cqvip, ieeeXplore, googlePatents, cnipa];
