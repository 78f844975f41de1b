/**
 * The benchmark table: every figure printed beside the reference it is to be read against, both measured
 * in the same run. A bench section (search, fan-out, a store-write section …) returns its rows; `run.ts`
 * runs the sections and prints one table.
 */

/** One line of the table. */
export interface BenchRow {
  /** What is measured and at what size, e.g. "search · 10,000 challenges". */
  benchmark: string;
  /** The figure, e.g. "query p50". */
  measure: string;
  /** Tenderlab's figure. */
  value: string;
  /** The reference's figure from the same run, with what the reference is when not obvious. */
  reference: string;
  /** How the two compare ("38× faster"), or a note. */
  comparison: string;
}

/** A named part of the benchmark that measures and returns its rows. */
export interface BenchSection {
  /** Also the argument that selects it: `npm run bench -- search`. */
  name: string;
  run(): Promise<BenchRow[]>;
}

const HEADERS: BenchRow = {
  benchmark: 'benchmark',
  measure: 'measure',
  value: 'Tenderlab',
  reference: 'reference (same run)',
  comparison: 'comparison',
};
const COLUMNS = Object.keys(HEADERS) as (keyof BenchRow)[];

/** The rows as a Markdown table (readable in a terminal, pasteable into the README), columns aligned. */
export function formatTable(rows: readonly BenchRow[]): string {
  const all = [HEADERS, ...rows];
  const widths = COLUMNS.map((column) => Math.max(...all.map((row) => [...row[column]].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join(' | ')} |`;
  return [
    line(COLUMNS.map((column) => HEADERS[column])),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(COLUMNS.map((column) => row[column]))),
  ].join('\n');
}
