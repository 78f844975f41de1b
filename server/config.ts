import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url().optional(),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((o) => o.trim()).filter(Boolean) : [])),
  TRUST_PROXY: flag,
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
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
  dataDir: string;
  /** Where people reach the server (links in bot messages); defaults to http://localhost:PORT. */
  publicUrl: string;
  /** Web origins admitted by CORS besides browser extensions. */
  corsOrigins: string[];
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean;
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
