import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { validationHook } from './errors.js';

/** A route module's app: OpenAPI-aware, with the shared 422 validation answer. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
