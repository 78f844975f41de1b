import type {
  Account,
  AuthResult,
  ChangePasswordInput,
  ExchangeInput,
  LoginInput,
  OneTimeCode,
  RegisterInput,
  Role,
  UpdateMeInput,
} from '../../shared/schemas/account.js';
import {
  ChangePasswordInput as ChangePasswordSchema,
  LoginInput as LoginSchema,
  RegisterInput as RegisterSchema,
  UpdateMeInput as UpdateMeSchema,
} from '../../shared/schemas/account.js';
import { hasVisibleText, trimText, type Locale } from '../../shared/schemas/common.js';
import type { Clock } from '../clock.js';
import { setTelegramBlocked } from '../outbox/blocking.js';
import type { AccountRow, CodeRow, TokenRow } from '../store/rows.js';
import type { Store, Writers } from '../store/store.js';
import { isCommonPassword } from './common-passwords.js';
import { conflict, DomainError, invalid, notFound, rateLimited, unauthorized } from './errors.js';
import { newId, newOneTimeCode, newToken } from './ids.js';
import { requireAccount, type Actor } from './permissions.js';
import { hashPassword, hashSecret, verifyPassword } from './secrets.js';
import { toAccount } from './views.js';

/** One-time codes live ten minutes. */
export const CODE_TTL_MS = 10 * 60_000;
/** At most this many unused codes of one purpose per account at a time. */
const MAX_LIVE_CODES = 5;
/** A token unused this long stops working (sliding: every use starts the period again). */
export const TOKEN_IDLE_TTL_MS = 90 * 24 * 60 * 60_000;
/** lastUsedAt is written at most this often per token, so reads do not turn into disk writes. */
export const TOKEN_TOUCH_MS = 60 * 60_000;

/** Who a Telegram user is, as the bot sees them. */
export interface TelegramIdentity {
  userId: number;
  chatId: number;
  username: string | null;
}

// A fixed hash to verify against when the email is unknown, so timing does not reveal which emails exist.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const COMMON_PASSWORD = 'is one of the most common passwords, the first ones attackers try: choose another';

/** Refuses a new password on the common-passwords list, as a 422 naming the field like the schema rules do. */
function assertUncommonPassword(password: string, path: string): void {
  if (isCommonPassword(password)) throw invalid(`${path}: ${COMMON_PASSWORD}`, { issues: [{ path, message: COMMON_PASSWORD }] });
}

/** One sign-in as its owner may see it: which token (by id and label) and when, never its secret. */
export interface SessionSummary {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** When the token was last seen in use, as far as storage knows. */
function lastActivity(row: Readonly<TokenRow>): number {
  return Date.parse(row.lastUsedAt ?? row.createdAt);
}

/**
 * Accounts, tokens and one-time codes: registration, sign-in, the profile, and linking a Telegram chat.
 * Passwords are kept only as scrypt hashes, bearer tokens and codes only as SHA-256 hashes.
 */
export function createAccountService({ store, clock }: { store: Store; clock: Clock }) {
  const now = () => clock.now().toISOString();
  /** When a lastUsedAt write began, by token id, until it lands: a burst of requests writes once. */
  const touchesBegun = new Map<string, number>();

  /**
   * Records that a token was used, at most once per TOKEN_TOUCH_MS. Not awaited by the read that caused it:
   * a read neither waits for this bookkeeping nor fails with it (a store that cannot write, a token revoked
   * meanwhile). After a failed write the token waits TOKEN_TOUCH_MS before the next try.
   */
  function touchToken(row: Readonly<TokenRow>, at: number): void {
    if (at - Math.max(lastActivity(row), touchesBegun.get(row.id) ?? 0) < TOKEN_TOUCH_MS) return;
    touchesBegun.set(row.id, at);
    void (async () => {
      try {
        await store.transact((tx) => tx.tokens.update(row.id, { lastUsedAt: new Date(at).toISOString() }));
        touchesBegun.delete(row.id);
      } catch {
        // Bookkeeping only: the entry left in touchesBegun spaces out the next try.
      }
    })();
  }

  async function issueToken(tx: Writers, accountId: string, label: string): Promise<string> {
    const token = newToken();
    await tx.tokens.insert({ id: newId('tok'), accountId, hash: hashSecret(token), label, createdAt: now(), lastUsedAt: null, revokedAt: null });
    return token;
  }

  async function issueCode(accountId: string, purpose: CodeRow['purpose']): Promise<OneTimeCode> {
    return store.transact(async (tx) => {
      const at = clock.now();
      const live = (await tx.codes.where('accountId', accountId)).filter(
        (c) => c.purpose === purpose && !c.usedAt && Date.parse(c.expiresAt) > at.getTime(),
      );
      if (live.length >= MAX_LIVE_CODES) throw rateLimited('Too many codes asked for; use one of the last ones or wait ten minutes');
      for (const stale of (await tx.codes.where('accountId', accountId)).filter((c) => Date.parse(c.expiresAt) <= at.getTime())) {
        await tx.codes.remove(stale.id);
      }
      const code = newOneTimeCode();
      const expiresAt = new Date(at.getTime() + CODE_TTL_MS).toISOString();
      await tx.codes.insert({ id: newId('cod'), purpose, hash: hashSecret(code), accountId, createdAt: at.toISOString(), expiresAt, usedAt: null });
      return { code, expiresAt };
    });
  }

  /** Spends a code: valid only once, for its purpose, within ten minutes. */
  async function spendCode(tx: Writers, code: string, purpose: CodeRow['purpose']): Promise<CodeRow> {
    const normalized = code.trim().toUpperCase().replace(/[\s-]/g, '');
    const row = (await tx.codes.where('hash', hashSecret(normalized)))[0];
    if (!row || row.purpose !== purpose || row.usedAt || Date.parse(row.expiresAt) <= clock.now().getTime()) {
      throw invalid('That code is not valid: it may be mistyped, already used or older than ten minutes. Ask for a new one.');
    }
    await tx.codes.update(row.id, { usedAt: now() });
    return row;
  }

  return {
    async register(input: RegisterInput): Promise<AuthResult> {
      const data = RegisterSchema.parse(input);
      assertUncommonPassword(data.password, 'password');
      const passwordHash = await hashPassword(data.password);
      return store.transact(async (tx) => {
        if ((await tx.accounts.where('email', data.email)).length > 0) {
          throw conflict('An account with this email exists; sign in instead');
        }
        const at = now();
        const row = await tx.accounts.insert({
          id: newId('acc'),
          roles: data.roles,
          displayName: data.displayName,
          organization: data.organization,
          email: data.email,
          passwordHash,
          locale: data.locale,
          fields: data.fields,
          keywords: data.keywords,
          orcid: null,
          bio: '',
          telegram: null,
          createdAt: at,
          updatedAt: at,
        });
        return { account: toAccount(row), token: await issueToken(tx, row.id, 'registration') };
      });
    },

    async login(input: LoginInput): Promise<AuthResult> {
      const data = LoginSchema.parse(input);
      const row = (await store.tables.accounts.where('email', data.email))[0];
      const ok = await verifyPassword(data.password, row?.passwordHash ?? DUMMY_HASH);
      if (!row || !row.passwordHash || !ok) throw unauthorized('Wrong email or password');
      return store.transact(async (tx) => ({ account: toAccount(row), token: await issueToken(tx, row.id, data.label ?? 'login') }));
    },

    /**
     * The account behind a bearer token, or null when the token is unknown, revoked or expired (unused for
     * TOKEN_IDLE_TTL_MS). A read: it never waits for a write, and never fails because storage cannot write.
     */
    async authenticate(token: string): Promise<Readonly<AccountRow> | null> {
      const row = (await store.tables.tokens.where('hash', hashSecret(token)))[0];
      if (!row || row.revokedAt) return null;
      const at = clock.now().getTime();
      if (at - lastActivity(row) > TOKEN_IDLE_TTL_MS) return null;
      const account = await store.tables.accounts.get(row.accountId);
      if (!account) return null;
      touchToken(row, at);
      return account;
    },

    /** Revokes the token; later requests with it get 401. */
    async logout(token: string): Promise<void> {
      await store.transact(async (tx) => {
        const row = (await tx.tokens.where('hash', hashSecret(token)))[0];
        if (row && !row.revokedAt) await tx.tokens.update(row.id, { revokedAt: now() });
      });
    },

    /** Revokes every token of the caller's account, the one in use included: signed out everywhere. */
    async logoutEverywhere(actor: Actor): Promise<void> {
      const account = requireAccount(actor);
      await store.transact(async (tx) => {
        const at = now();
        for (const row of await tx.tokens.where('accountId', account.id)) {
          if (!row.revokedAt) await tx.tokens.update(row.id, { revokedAt: at });
        }
      });
    },

    /**
     * The account's live sign-ins (API tokens not revoked nor idle past TOKEN_IDLE_TTL_MS), newest first:
     * their label and dates, never the token or its hash.
     */
    async listSessions(actor: Actor): Promise<SessionSummary[]> {
      const account = requireAccount(actor);
      const at = clock.now().getTime();
      return (await store.tables.tokens.where('accountId', account.id))
        .filter((row) => !row.revokedAt && at - lastActivity(row) <= TOKEN_IDLE_TTL_MS)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
        .map((row) => ({ id: row.id, label: row.label, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt }));
    },

    /** Revokes one of the caller's own tokens by id; not found when it is another's, or already revoked. */
    async revokeSession(actor: Actor, tokenId: string): Promise<void> {
      const account = requireAccount(actor);
      await store.transact(async (tx) => {
        const row = await tx.tokens.get(tokenId);
        if (!row || row.accountId !== account.id || row.revokedAt) throw notFound('session', tokenId);
        await tx.tokens.update(row.id, { revokedAt: now() });
      });
    },

    /**
     * Sets a new password, given the current one, and revokes every other token of the account: whoever
     * learnt the old password is signed out. `token` (the one the request carries) keeps working.
     */
    async changePassword(actor: Actor, token: string | null, input: ChangePasswordInput): Promise<void> {
      const account = requireAccount(actor);
      const data = ChangePasswordSchema.parse(input);
      const current = account.passwordHash;
      if (!current) throw conflict('This account has no password to change: it was made in Telegram and signs in there');
      if (!(await verifyPassword(data.currentPassword, current))) {
        const message = 'is not the current password';
        throw invalid(`currentPassword: ${message}`, { issues: [{ path: 'currentPassword', message }] });
      }
      assertUncommonPassword(data.newPassword, 'newPassword');
      const passwordHash = await hashPassword(data.newPassword);
      const keep = token === null ? null : hashSecret(token);
      await store.transact(async (tx) => {
        // The current password was checked against the hash read before the slow scrypt work: if another
        // change landed meanwhile, refuse rather than overwrite it with a password checked against a stale one.
        if ((await tx.accounts.get(account.id))?.passwordHash !== current) {
          throw conflict('The password was changed meanwhile; sign in again with the new one');
        }
        const at = now();
        await tx.accounts.update(account.id, { passwordHash, updatedAt: at });
        for (const row of await tx.tokens.where('accountId', account.id)) {
          if (!row.revokedAt && row.hash !== keep) await tx.tokens.update(row.id, { revokedAt: at });
        }
      });
    },

    async getMe(actor: Actor): Promise<Account> {
      return toAccount(requireAccount(actor));
    },

    async updateMe(actor: Actor, input: UpdateMeInput): Promise<Account> {
      const account = requireAccount(actor);
      const patch = UpdateMeSchema.parse(input);
      return store.transact(async (tx) => toAccount(await tx.accounts.update(account.id, { ...patch, updatedAt: now() })));
    },

    async get(id: string): Promise<Readonly<AccountRow>> {
      const row = await store.tables.accounts.get(id);
      if (!row) throw notFound('account', id);
      return row;
    },

    /** A code the signed-in user sends to the bot as `/link CODE` to attach their Telegram chat. */
    createLinkCode(actor: Actor): Promise<OneTimeCode> {
      return issueCode(requireAccount(actor).id, 'link');
    },

    /** A code a Telegram user types into the extension to sign in there (`POST /api/auth/exchange`). */
    createExchangeCode(actor: Actor): Promise<OneTimeCode> {
      return issueCode(requireAccount(actor).id, 'exchange');
    },

    async exchange(input: ExchangeInput): Promise<AuthResult> {
      return store.transact(async (tx) => {
        const code = await spendCode(tx, input.code, 'exchange');
        const account = await tx.accounts.get(code.accountId);
        if (!account) throw invalid('That code belongs to an account that no longer exists');
        return { account: toAccount(account), token: await issueToken(tx, account.id, input.label ?? 'extension') };
      });
    },

    /**
     * Attach a Telegram chat to the account that asked for `code`. A chat already attached to another
     * account moves to this one (the person proved they hold both).
     */
    async linkTelegram(code: string, identity: TelegramIdentity): Promise<Readonly<AccountRow>> {
      return store.transact(async (tx) => {
        const spent = await spendCode(tx, code, 'link');
        for (const other of await tx.accounts.where('telegramUserId', identity.userId)) {
          if (other.id !== spent.accountId) await tx.accounts.update(other.id, { telegram: null, updatedAt: now() });
        }
        return tx.accounts.update(spent.accountId, {
          telegram: { userId: identity.userId, chatId: identity.chatId, username: identity.username, blocked: false },
          updatedAt: now(),
        });
      });
    },

    async findByTelegram(userId: number): Promise<Readonly<AccountRow> | undefined> {
      return (await store.tables.accounts.where('telegramUserId', userId))[0];
    },

    /** Create the account of a Telegram user met in the bot (no email, no password). */
    async registerTelegram(identity: TelegramIdentity, profile: { displayName: string; roles: Role[]; locale: Locale }): Promise<Readonly<AccountRow>> {
      return store.transact(async (tx) => {
        if ((await tx.accounts.where('telegramUserId', identity.userId)).length > 0) {
          throw conflict('This Telegram user already has an account');
        }
        if (profile.roles.length === 0) throw new DomainError('validation_failed', 'Pick at least one role');
        const at = now();
        return tx.accounts.insert({
          id: newId('acc'),
          roles: [...new Set(profile.roles)],
          displayName: telegramDisplayName(profile.displayName),
          organization: '',
          email: null,
          passwordHash: null,
          locale: profile.locale,
          fields: [],
          keywords: [],
          orcid: null,
          bio: '',
          telegram: { ...identity, blocked: false },
          createdAt: at,
          updatedAt: at,
        });
      });
    },

    /** Keep the chat id and username current, and clear a block (the user is talking to the bot again). */
    /**
     * Records that the account's Telegram user blocked (`blocked: true`) or unblocked the bot, as Telegram
     * tells the bot: notifications waiting for a blocked account are skipped, and new ones are delivered once
     * unblocked (server/outbox/blocking.ts). False, changing nothing, for an account without a Telegram link.
     */
    setTelegramBlocked(accountId: string, blocked: boolean): Promise<boolean> {
      return setTelegramBlocked({ store, clock }, accountId, blocked);
    },

    async touchTelegram(accountId: string, identity: TelegramIdentity): Promise<Readonly<AccountRow>> {
      const row = await store.tables.accounts.get(accountId);
      if (!row) throw notFound('account', accountId);
      const t = row.telegram;
      if (t && t.chatId === identity.chatId && t.username === identity.username && !t.blocked) return row;
      return store.transact((tx) =>
        tx.accounts.update(accountId, { telegram: { ...identity, blocked: false }, updatedAt: now() }),
      );
    },
  };
}

/** A Telegram name as an account's display name: what the API would accept back, or a stand-in. */
function telegramDisplayName(name: string): string {
  const fitted = trimText(trimText(name).slice(0, 80));
  return hasVisibleText(fitted) ? fitted : 'Telegram user';
}

export type AccountService = ReturnType<typeof createAccountService>;
