/** What the API answered: the status, and the body parsed as JSON (the text when it is not JSON). */
export interface HttpAnswer {
  status: number;
  body: any;
}

/**
 * The HTTP API of a server the end-to-end tests started, called over the network as a client would: JSON
 * in, `{ status, body }` out, with a bearer token when given.
 */
export function httpApi(baseUrl: string) {
  return {
    async call(method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}): Promise<HttpAnswer> {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      try {
        return { status: response.status, body: text ? JSON.parse(text) : null };
      } catch {
        return { status: response.status, body: text };
      }
    },
  };
}
