import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Page } from '../../shared/schemas/common.js';
import { MarkReadInput, MarkReadResult, Notification, NotificationListQuery } from '../../shared/schemas/notification.js';
import type { Services } from '../domain/services.js';
import { bearer, errors, json, jsonBody } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

const tags = ['alerts'];

/** Your notifications and marking them read. */
export function notificationRoutes(services: Services) {
  const { notifications } = services;
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/me/notifications',
        tags,
        summary: 'Your notifications, newest first (`unread=true` for unread only)',
        security: bearer,
        request: { query: NotificationListQuery },
        responses: { 200: json(Page(Notification).extend({ unread: z.number().int() })), ...errors(401) },
      }),
      async (c) => c.json(await notifications.list(c.get('actor'), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/me/notifications/read',
        tags,
        summary: 'Mark notifications read: `{ids: [...]}` or `{all: true}`',
        security: bearer,
        request: { body: jsonBody(MarkReadInput) },
        responses: { 200: json(MarkReadResult), ...errors(401) },
      }),
      async (c) => c.json(await notifications.markRead(c.get('actor'), c.req.valid('json')), 200),
    );
}
