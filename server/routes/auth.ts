import { createRoute } from '@hono/zod-openapi';
import { AuthResult, ChangePasswordInput, ExchangeInput, LoginInput, OneTimeCode, PasswordChanged, RegisterInput, Revoked } from '../../shared/schemas/account.js';
import type { Services } from '../domain/services.js';
import { requireAccount } from '../domain/permissions.js';
import { bearer, errors, json, jsonBody } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

const tags = ['auth'];

/** Registration, sign-in and out, and the one-time codes that connect the bot and the extension. */
export function authRoutes(services: Services) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/auth/register',
        tags,
        summary: 'Create an account (enterprise, researcher or both) and get a token',
        request: { body: jsonBody(RegisterInput) },
        responses: { 201: json(AuthResult, 'The account and a bearer token (shown once)'), ...errors(409) },
      }),
      async (c) => c.json(await services.accounts.register(c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/auth/login',
        tags,
        summary: 'Sign in with email and password and get a new token',
        request: { body: jsonBody(LoginInput) },
        responses: { 200: json(AuthResult), ...errors(401) },
      }),
      async (c) => c.json(await services.accounts.login(c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/auth/logout',
        tags,
        summary: 'Revoke the token this request carries',
        security: bearer,
        responses: { 200: json(Revoked), ...errors(401) },
      }),
      async (c) => {
        requireAccount(c.get('actor'));
        await services.accounts.logout(c.get('token')!);
        return c.json({ revoked: true as const }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/auth/logout-all',
        tags,
        summary: 'Sign out everywhere: revoke every token of the account, this one included',
        security: bearer,
        responses: { 200: json(Revoked), ...errors(401) },
      }),
      async (c) => {
        await services.accounts.logoutEverywhere(c.get('actor'));
        return c.json({ revoked: true as const }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/auth/password',
        tags,
        summary: 'Change the password, given the current one; every other token of the account is revoked',
        security: bearer,
        request: { body: jsonBody(ChangePasswordInput) },
        responses: { 200: json(PasswordChanged), ...errors(401, 409) },
      }),
      async (c) => {
        await services.accounts.changePassword(c.get('actor'), c.get('token'), c.req.valid('json'));
        return c.json({ changed: true as const }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/auth/link-code',
        tags,
        summary: 'Get a one-time code to send to the Telegram bot as /link CODE (valid 10 minutes, once)',
        security: bearer,
        responses: { 201: json(OneTimeCode), ...errors(401) },
      }),
      async (c) => c.json(await services.accounts.createLinkCode(c.get('actor')), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/auth/exchange',
        tags,
        summary: "Turn a one-time code from the bot's /connect into a token (signs the extension in)",
        request: { body: jsonBody(ExchangeInput) },
        responses: { 200: json(AuthResult), ...errors() },
      }),
      async (c) => c.json(await services.accounts.exchange(c.req.valid('json')), 200),
    );
}
