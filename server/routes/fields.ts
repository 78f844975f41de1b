import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { FIELDS } from '../../shared/fields.js';
import { FieldId, Page } from '../../shared/schemas/common.js';
import { errors, json } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

const FieldInfo = z.object({ id: FieldId, en: z.string(), zh: z.string() }).meta({ id: 'FieldInfo' });

/** The field taxonomy with English and Chinese labels. */
export function fieldRoutes() {
  return createRouter().openapi(
    createRoute({ method: 'get', path: '/api/fields', tags: ['taxonomy'], summary: 'Every field with its labels', responses: { 200: json(Page(FieldInfo)), ...errors() } }),
    (c) => c.json({ items: [...FIELDS], nextCursor: null }, 200),
  );
}
