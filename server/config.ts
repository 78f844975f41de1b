import { z } from 'zod';

/** More reverse proxies than any sane deployment stacks; a bigger number is a typo. */
const MAX_PROXY_HOPS = 10;

// TRUST_PROXY counts the reverse proxies of our own in front of the server. The words of the old on/off
// flag keep their meaning: on was one proxy.
const proxyHops = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '' || v === 'false' || v === 'no') return 0;
    if (v === 'true' || v === 'yes') return 1;
    if (/^\d{1,2}$/.test(v) && Number(v) <= MAX_PROXY_HOPS) return Number(v);
    ctx.addIssue({ code: 'custom', message: `the number of reverse proxies in front of the server, 0 to ${MAX_PROXY_HOPS} (1 for one proxy)` });
    return z.NEVER;
  });

/**
 * DATABASE_URL: a PostgreSQL connection URL naming its database. Checked here so a typo stops the start
 * with a clear message; the value itself is never echoed (it may hold a password).
 */
const databaseUrl = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return null;
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not a URL; expected postgres://user:password@host:5432/database' });
      return z.NEVER;
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      ctx.addIssue({ code: 'custom', message: `must start with postgres:// or postgresql:// (it starts with ${url.protocol}//)` });
      return z.NEVER;
    }
    if (!url.hostname && !url.searchParams.get('host')) {
      ctx.addIssue({ code: 'custom', message: 'names no host; expected postgres://user:password@host:5432/database' });
      return z.NEVER;
    }
    if (url.pathname.replace(/^\//, '') === '') {
      ctx.addIssue({ code: 'custom', message: 'names no database; expected postgres://user:password@host:5432/database' });
      return z.NEVER;
    }
    return v;
  });

const EnvSchema = z.object({
  DATABASE_URL: databaseUrl,
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url().optional(),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((o) => o.trim()).filter(Boolean) : [])),
  TRUST_PROXY: proxyHops,
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10240).default(256),
  TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
  TELEGRAM_API_ROOT: z.url().optional(),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'only letters, digits, _ and - (Telegram rule)')
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  /**
   * The lowdb store's directory; with `databaseUrl`, only the local search-index cache (a cache: each
   * instance keeps its own, and a stale one costs a re-analysis, never a wrong answer).
   */
  dataDir: string;
  /** Where the data lives when it is PostgreSQL (`DATABASE_URL`); null for the embedded lowdb store. */
  databaseUrl: string | null;
  /** Where people reach the server (links in bot messages); defaults to http://localhost:PORT. */
  publicUrl: string;
  /** Web origins admitted by CORS besides browser extensions. */
  corsOrigins: string[];
  /**
   * How many reverse proxies of our own stand in front of the server (0: none). Behind N, the client
   * address is the X-Forwarded-For entry N hops from the right (server/http/client-address.ts).
   */
  trustProxy: number;
  /** Auth requests per minute per client address. */
  authRateLimit: number;
  bodyLimitBytes: number;
  telegram: {
    token: string;
    apiRoot: string | undefined;
    webhook: { url: string; secret: string } | null;
  } | null;
}

/**
 * The configuration from the environment, validated once at start. A wrong value stops the process with
 * a message naming the variable; secrets are never echoed.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new Error('Invalid configuration:\n  TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    corsOrigins: e.CORS_ORIGINS,
    trustProxy: e.TRUST_PROXY,
    authRateLimit: e.AUTH_RATE_LIMIT,
    bodyLimitBytes: e.BODY_LIMIT_KB * 1024,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          webhook: e.TELEGRAM_WEBHOOK_URL ? { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET! } : null,
        }
      : null,
  };
}

/** A database URL fit for logs and banners: the password, if any, replaced by `***`. */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    if (url.searchParams.has('password')) url.searchParams.set('password', '***');
    return url.toString();
  } catch {
    return '(an unparseable database URL)';
  }
}
