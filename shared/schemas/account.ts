import { z } from 'zod';
import { FieldList, Id, IsoDateTime, KeywordList, Locale, text } from './common.js';

export const Role = z.enum(['enterprise', 'researcher']).meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;

export const Roles = z
  .array(Role)
  .min(1, 'pick at least one role: enterprise, researcher or both')
  .max(2)
  .transform((roles) => [...new Set(roles)]);

/** The Telegram identity linked to an account; `blocked` is set when the user blocked the bot. */
export const TelegramLink = z
  .object({
    userId: z.number().int(),
    chatId: z.number().int(),
    username: z.string().nullable(),
    blocked: z.boolean(),
  })
  .meta({ id: 'TelegramLink' });
export type TelegramLink = z.infer<typeof TelegramLink>;

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email('not a valid email address'));
export const Password = z.string().min(10, 'password must be at least 10 characters').max(200);
export const Orcid = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, 'ORCID iD looks like 0000-0002-1825-0097');

/** An account as its owner sees it (`GET /api/me`). Never carries the password hash. */
export const Account = z
  .object({
    id: Id,
    roles: z.array(Role),
    displayName: z.string(),
    organization: z.string(),
    email: z.string().nullable(),
    locale: Locale,
    fields: z.array(z.string()),
    keywords: z.array(z.string()),
    orcid: z.string().nullable(),
    bio: z.string(),
    telegram: TelegramLink.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof Account>;

/** What anybody may know of another account: its name and organization. */
export const PublicProfile = z
  .object({ id: Id, displayName: z.string(), organization: z.string() })
  .meta({ id: 'PublicProfile' });
export type PublicProfile = z.infer<typeof PublicProfile>;

export const RegisterInput = z
  .object({
    roles: Roles,
    displayName: text(1, 80),
    organization: text(0, 120).default(''),
    email: Email,
    password: Password,
    locale: Locale.default('en'),
    fields: FieldList.default([]),
    keywords: KeywordList.default([]),
  })
  .meta({ id: 'RegisterInput' });
export type RegisterInput = z.input<typeof RegisterInput>;

export const LoginInput = z
  .object({ email: Email, password: z.string().min(1).max(200), label: text(0, 60).optional() })
  .meta({ id: 'LoginInput' });
export type LoginInput = z.input<typeof LoginInput>;

/** Answer of register, login and exchange: the account and a bearer token shown once. */
export const AuthResult = z.object({ account: Account, token: z.string() }).meta({ id: 'AuthResult' });
export type AuthResult = z.infer<typeof AuthResult>;

export const UpdateMeInput = z
  .object({
    displayName: text(1, 80),
    organization: text(0, 120),
    roles: Roles,
    locale: Locale,
    fields: FieldList,
    keywords: KeywordList,
    orcid: Orcid.nullable(),
    bio: text(0, 2000),
  })
  .partial()
  .strict()
  .meta({ id: 'UpdateMeInput' });
export type UpdateMeInput = z.input<typeof UpdateMeInput>;

/** A one-time code (for `/link CODE` in the bot, or for `POST /api/auth/exchange`). */
export const OneTimeCode = z
  .object({ code: z.string(), expiresAt: IsoDateTime })
  .meta({ id: 'OneTimeCode' });
export type OneTimeCode = z.infer<typeof OneTimeCode>;

export const ExchangeInput = z
  .object({ code: z.string().trim().min(4).max(32), label: text(0, 60).optional() })
  .meta({ id: 'ExchangeInput' });
export type ExchangeInput = z.input<typeof ExchangeInput>;
