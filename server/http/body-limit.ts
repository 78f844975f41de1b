import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorResponse } from './errors.js';

/**
 * Marks every answer that leaves while the request's body is still unread with `Connection: close`, so the
 * server closes the connection after it and the client knows not to reuse it.
 *
 * Why: an answer given before the body was read (a 413 from the size check, a 401, a 429, a 415 — anything
 * that refuses without looking at the body) leaves the rest of the body on the connection. The HTTP layer
 * then drains it for a short while and drops the connection when the body is too large or too slow, so a
 * client told `keep-alive` would send its next request into a socket that is about to close, or have that
 * request read as the tail of the body it gave up on. With `close` it opens a fresh connection instead.
 *
 * Knows the body's state only under @hono/node-server (its `incoming` binding); elsewhere (`app.request`
 * in tests, other runtimes) it changes nothing.
 */
export function closeUnreadBodies(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (incoming && hasBody(incoming) && !incoming.readableEnded) c.header('Connection', 'close');
  };
}

/** A request declares a body by a non-zero Content-Length or by a Transfer-Encoding (chunked). */
function hasBody(incoming: IncomingMessage): boolean {
  const length = incoming.headers['content-length'];
  return (length !== undefined && length !== '0') || incoming.headers['transfer-encoding'] !== undefined;
}

/**
 * Refuses bodies over `maxBytes` with a JSON 413: at once when Content-Length says so, or as soon as a
 * streamed body passes the limit. Either way the body is left unread: install `closeUnreadBodies` outside it.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => errorResponse(c, 'payload_too_large', `The request body is larger than ${Math.round(maxBytes / 1024)} KB`),
  });
  // Hono's check reads `c.req.raw.body`, which makes @hono/node-server build a whole Request (a tenth of a
  // small GET's cost); a GET or HEAD that declares no body has nothing to limit.
  return (c, next) =>
    (c.req.method === 'GET' || c.req.method === 'HEAD') && c.req.header('content-length') === undefined && c.req.header('transfer-encoding') === undefined
      ? next()
      : limit(c, next);
}
