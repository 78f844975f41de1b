import { z } from 'zod';
import { isTimeZone } from '../time-zone.js';
import { FieldList, hasVisibleText, Id, IsoDateTime, KeywordList, Locale, text } from './common.js';

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
export const PASSWORD_MIN_LENGTH = 10;

/**
 * A new password: 10 to 200 characters, not only spaces or invisible characters, not one character
 * repeated. The server also refuses passwords on a list of common ones (kept server-side: it is large).
 */
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, 'password must be at most 200 characters')
  .refine(hasVisibleText, { message: 'password must not be only spaces or invisible characters', abort: true })
  .refine((p) => new Set(p.toLowerCase()).size > 1, 'password must not be one character repeated')
  .meta({ description: `At least ${PASSWORD_MIN_LENGTH} characters, not only spaces, not one repeated character, not a common password` });
export const Orcid = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, 'ORCID iD looks like 0000-0002-1825-0097');

/** An IANA time zone (`Asia/Shanghai`, `Europe/Berlin`, `UTC`), as `Intl` knows them. */
export const TimeZone = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, 'not a time zone: use an IANA name such as Asia/Shanghai or Europe/Berlin')
  .meta({ id: 'TimeZone', example: 'Asia/Shanghai' });

/** An account as its owner sees it (`GET /api/me`). Never carries the password hash. */
export const Account = z
  .object({
    id: Id,
    roles: z.array(Role),
    displayName: z.string(),
    organization: z.string(),
    email: z.string().nullable(),
    locale: Locale,
    /** The zone its times are shown in; absent: the language's (zh → Asia/Shanghai, en → UTC). */
    timeZone: TimeZone.optional(),
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

/** `POST /api/auth/password`: the current password, to prove it is the owner at the keyboard, and the new one. */
export const ChangePasswordInput = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: Password })
  .strict()
  .refine((p) => p.newPassword !== p.currentPassword, { message: 'the new password must differ from the current one', path: ['newPassword'] })
  .meta({ id: 'ChangePasswordInput' });
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;

/** Answer of logout and logout-all. */
export const Revoked = z.object({ revoked: z.literal(true) }).meta({ id: 'Revoked' });
export type Revoked = z.infer<typeof Revoked>;

/** Answer of a password change. */
export const PasswordChanged = z.object({ changed: z.literal(true) }).meta({ id: 'PasswordChanged' });
export type PasswordChanged = z.infer<typeof PasswordChanged>;

/** Answer of register, login and exchange: the account and a bearer token shown once. */
export const AuthResult = z.object({ account: Account, token: z.string() }).meta({ id: 'AuthResult' });
export type AuthResult = z.infer<typeof AuthResult>;

export const UpdateMeInput = z
  .object({
    displayName: text(1, 80),
    organization: text(0, 120),
    roles: Roles,
    locale: Locale,
    timeZone: TimeZone,
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
