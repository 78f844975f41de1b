import { swaggerUI } from '@hono/swagger-ui';
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { boardRoutes } from './board/routes.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Services } from './domain/services.js';
import { bearerAuth } from './http/auth.js';
import { corsFor } from './http/cors.js';
import { clientAddress } from './http/client-address.js';
import { closeUnreadBodies, limitBody } from './http/body-limit.js';
import type { AppEnv } from './http/env.js';
import { errorResponse, handleError, validationHook } from './http/errors.js';
import { rateLimit } from './http/rate-limit.js';
import type { HitLog } from './jobs/coordination.js';
import { achievementRoutes } from './routes/achievements.js';
import { authRoutes } from './routes/auth.js';
import { awardRoutes } from './routes/awards.js';
import { bidRoutes } from './routes/bids.js';
import { challengeRoutes } from './routes/challenges.js';
import { dealRoutes } from './routes/deals.js';
import { enquiryRoutes } from './routes/enquiries.js';
import { fieldRoutes } from './routes/fields.js';
import { libraryRoutes } from './routes/library.js';
import { matchRoutes } from './routes/matches.js';
import { meRoutes } from './routes/me.js';
import { notificationRoutes } from './routes/notifications.js';
import { questionRoutes } from './routes/questions.js';
import { reviewerRoutes } from './routes/reviewers.js';
import { scoreRoutes } from './routes/scores.js';
import { subscriptionRoutes } from './routes/subscriptions.js';

export type AppConfig = Pick<Config, 'corsOrigins' | 'trustProxy' | 'authRateLimit' | 'bodyLimitBytes' | 'publicUrl'>;

export interface AppDeps {
  services: Services;
  clock: Clock;
  config: AppConfig;
  /** Where the auth rate limit counts hits: in this process by default; a shared log limits a cluster. */
  authHits?: HitLog;
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;

/**
 * The whole HTTP surface: the JSON API under /api (validated by the shared zod schemas, documented at
 * /openapi.json and /docs), /healthz, and the public board. Every error is a JSON `{error}` answer.
 */
export function createApp({ services, clock, config, authHits }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.notFound((c) => errorResponse(c, 'not_found', `No route ${c.req.method} ${c.req.path}`));

  const apiHeaders = secureHeaders({ crossOriginResourcePolicy: 'cross-origin' });
  const docsHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'", 'https://cdn.jsdelivr.net'],
      styleSrc: ["'self'", "'unsafe-inline'", 'https://cdn.jsdelivr.net'],
      imgSrc: ["'self'", 'data:', 'https://cdn.jsdelivr.net'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
    },
  });
  const pageHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
    },
  });
  app.use('*', (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path === '/openapi.json' || path === '/healthz') return apiHeaders(c, next);
    if (path === '/docs') return docsHeaders(c, next);
    return pageHeaders(c, next);
  });

  app.use(
    '/api/*',
    corsFor({
      origin: (origin) => (EXTENSION_ORIGIN.test(origin) || config.corsOrigins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type'],
      maxAgeSeconds: 600,
    }),
  );
  // Outside every step that may answer without reading the body: the size limit, rate limits, auth, routing.
  app.use('*', closeUnreadBodies());
  app.use('/api/*', limitBody(config.bodyLimitBytes));
  const authLimit = rateLimit({ limit: config.authRateLimit, windowMs: 60_000, clock, keyOf: (c) => clientAddress(c, config.trustProxy), ...(authHits ? { hits: authHits } : {}) });
  app.use('/api/auth/*', (c, next) => (c.req.method === 'POST' ? authLimit(c, next) : next()));
  app.use('/api/*', bearerAuth(services.accounts));

  app.route('/', authRoutes(services));
  app.route('/', meRoutes(services));
  app.route('/', fieldRoutes());
  app.route('/', challengeRoutes(services));
  app.route('/', bidRoutes(services));
  app.route('/', questionRoutes(services));
  app.route('/', awardRoutes(services));
  app.route('/', reviewerRoutes(services));
  app.route('/', scoreRoutes(services));
  app.route('/', libraryRoutes(services));
  app.route('/', subscriptionRoutes(services));
  app.route('/', notificationRoutes(services));
  app.route('/', matchRoutes(services));
  app.route('/', achievementRoutes(services));
  app.route('/', enquiryRoutes(services));
  app.route('/', dealRoutes(services));
  app.route('/', boardRoutes({ services, clock }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A token from register, login or exchange',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Tenderlab API',
      version: '1.0.0',
      description: 'Crowdsourced R&D: enterprises post challenges, researchers answer with sealed bids, awards are public.',
    },
    servers: [{ url: config.publicUrl }],
  });
  app.get('/docs', swaggerUI({ url: '/openapi.json', title: 'Tenderlab API' }));
  // 503 while the store cannot write (disk full, read-only, I/O errors), with its reason; 200 once it can again.
  app.get('/healthz', (c) => {
    const health = services.storage.health();
    const time = clock.now().toISOString();
    return health.ok ? c.json({ ok: true, time }) : c.json({ ok: false, reason: health.reason, time }, 503);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
