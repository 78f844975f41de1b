import type { BidContent } from './schemas/bid.js';

/**
 * The canonical form of a bid's content that its receipt hashes: JSON with object keys sorted at every
 * depth and no whitespace, so the same content always gives the same bytes, on the server and in a browser.
 */
export function canonicalBidContent(content: BidContent): string {
  return canonicalJson(content);
}

/** The exact string a receipt's SHA-256 is taken over. */
export function receiptPreimage(content: BidContent, receivedAt: string): string {
  return `${canonicalBidContent(content)}\n${receivedAt}`;
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
