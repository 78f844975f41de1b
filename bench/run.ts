import { clipSection } from './clip.js';
import { fanoutSection } from './fanout.js';
import { httpReadSection } from './http-read.js';
import { outboxSection } from './outbox.js';
import { pgHttpSection } from './pg-http.js';
import { pgStoreSection } from './pg-store.js';
import { relevanceSection } from './relevance.js';
import { searchSection } from './search.js';
import { storeWriteSection } from './store-write.js';
import { formatTable, type BenchRow, type BenchSection } from './table.js';

/**
 * `npm run bench [-- name…]`: runs the bench sections (all, or those named) and prints one table, each
 * figure beside its reference from the same run. A new section is a module exporting a `BenchSection`,
 * added to this list.
 */
const SECTIONS: readonly BenchSection[] = [searchSection, relevanceSection, fanoutSection, storeWriteSection, pgStoreSection, outboxSection, httpReadSection, pgHttpSection, clipSection];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SECTIONS.some((section) => section.name === name));
if (unknown.length > 0) {
  console.error(`unknown bench section ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const rows: BenchRow[] = [];
for (const section of SECTIONS) {
  if (wanted.length > 0 && !wanted.includes(section.name)) continue;
  console.error(`running ${section.name}…`);
  rows.push(...(await section.run()));
}
// Figures move between Node lines (V8, libuv): name the runtime above the table, so a pasted table keeps it.
console.log(`Node ${process.version} (V8 ${process.versions.v8}), ${process.platform}/${process.arch}; times are wall clock per call.\n`);
console.log(formatTable(rows));
