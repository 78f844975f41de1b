import { yearOf } from '../dates-venue.js';

/** The year, volume and issue a Chinese database prints for an article. */
export interface IssueLine {
  year: number | null;
  volume: string | null;
  issue: string | null;
}

/**
 * The year, volume and issue in a citation line as CNKI, Wanfang and CQVIP print them: "2023,47(05)",
 * "2023, 47 (S1)", "2023(05)", "2014年12期", "2023年第2期", "2023年 第47卷 第5期". Leading zeros are dropped
 * from numbers ("05" → "5"); a missing part is null.
 */
export function issueLine(text: string): IssueLine {
  const compact = text.replace(/\s+/g, '');
  const volume =
    /\d{4},0*(\d+)\(/.exec(compact)?.[1] ?? /第?0*(\d+)卷/.exec(compact)?.[1] ?? null;
  const issue =
    /\(0*([A-Z]?\d+|[A-Z]\d*)\)/i.exec(compact)?.[1] ?? /第?0*([A-Z]?\d+)期/i.exec(compact)?.[1] ?? null;
  return { year: yearOf(compact.replace(/[年,(（]/g, ' ')), volume, issue };
}
