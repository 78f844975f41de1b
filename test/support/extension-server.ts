import { testRuntime, type TestRuntime } from './runtime.js';

/** The made-up origin the extension is configured with in tests; requests to it reach the in-process app. */
export const TEST_SERVER_URL = 'http://tenderlab.test';

export interface ExtensionTestServer {
  runtime: TestRuntime;
  /** A `fetch` for the extension's API client: the real app in process, or "offline" while `offline` is true. */
  fetch: typeof fetch;
  /** Every request the extension made, method and path. */
  requests: { method: string; path: string }[];
  offline: boolean;
  /** Registers an account and answers its token. */
  register(email: string, roles?: ('researcher' | 'enterprise')[]): Promise<{ token: string; accountId: string }>;
}

/**
 * The real product in process (store on a temp dir, fake clock) behind a `fetch` the extension's API client
 * can use: the same routes, validation and errors the extension meets in a browser, minus the network.
 */
export async function extensionTestServer(): Promise<ExtensionTestServer> {
  const runtime = await testRuntime();
  const server: ExtensionTestServer = {
    runtime,
    requests: [],
    offline: false,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      if (server.offline || url.origin !== TEST_SERVER_URL) throw new TypeError('Failed to fetch');
      server.requests.push({ method: init?.method ?? 'GET', path: url.pathname });
      return runtime.app.request(`${url.pathname}${url.search}`, init);
    },
    async register(email, roles = ['researcher']) {
      const { status, body } = await runtime.call('POST', '/api/auth/register', {
        body: { roles, displayName: email.split('@')[0], organization: 'Test Lab', email, password: 'correct horse battery', locale: 'en' },
      });
      if (status !== 201) throw new Error(`register ${email}: ${status} ${JSON.stringify(body)}`);
      return { token: body.token as string, accountId: body.account.id as string };
    },
  };
  return server;
}
