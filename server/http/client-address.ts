import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address among the socket's peer and the `X-Forwarded-For` entries, behind `trustedHops`
 * reverse proxies of our own (like Express's `trust proxy` set to a number). Each proxy appends the address
 * it received the request from, so reading from the right, the first `trustedHops` addresses (the socket's
 * peer, then entries) are our proxies and the next one is the client; everything further left was written
 * by the client and can be anything. With fewer entries than hops, the left-most entry is the answer.
 * With no trusted hops the socket's peer is the client and the header is ignored.
 */
export function resolveClientAddress(socketAddress: string, forwardedFor: string | undefined, trustedHops: number): string {
  if (trustedHops === 0 || !forwardedFor) return socketAddress;
  const entries = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const fromTheRight = [socketAddress, ...entries.reverse()];
  return fromTheRight[Math.min(trustedHops, fromTheRight.length - 1)]!;
}

/** The address a request came from (see `resolveClientAddress`): what the rate limits key on. */
export function clientAddress(c: Context, trustedHops: number): string {
  return resolveClientAddress(socketAddress(c), c.req.header('x-forwarded-for'), trustedHops);
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Requests that did not come through a socket (app.request in tests) have no peer.
    return 'unknown';
  }
}
