import type { Actor } from '../domain/permissions.js';

/** What each request carries through the middleware: the caller (null when anonymous) and their token. */
export interface AppEnv {
  Variables: {
    actor: Actor;
    token: string | null;
  };
}
