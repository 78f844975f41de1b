import type { Account, AuthResult, ExchangeInput, LoginInput, OneTimeCode, RegisterInput, Role, UpdateMeInput } from '../../shared/schemas/account.js';
import { LoginInput as LoginSchema, RegisterInput as RegisterSchema, UpdateMeInput as UpdateMeSchema } from '../../shared/schemas/account.js';
import type { Locale } from '../../shared/schemas/common.js';
import type { Clock } from '../clock.js';
import type { AccountRow, CodeRow } from '../store/rows.js';
import type { Store, Writers } from '../store/store.js';
import { conflict, DomainError, invalid, notFound, rateLimited, unauthorized } from './errors.js';
import { newId, newOneTimeCode, newToken } from './ids.js';
import { requireAccount, type Actor } from './permissions.js';
import { hashPassword, hashSecret, verifyPassword } from './secrets.js';
import { toAccount } from './views.js';

/** One-time codes live ten minutes. */
export const CODE_TTL_MS = 10 * 60_000;
/** At most this many unused codes of one purpose per account at a time. */
const MAX_LIVE_CODES = 5;
/** lastUsedAt is written at most this often per token, so reads do not turn into disk writes. */
const TOKEN_TOUCH_MS = 60 * 60_000;

/** Who a Telegram user is, as the bot sees them. */
export interface TelegramIdentity {
  userId: number;
  chatId: number;
  username: string | null;
}

// A fixed hash to verify against when the email is unknown, so timing does not reveal which emails exist.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/**
 * Accounts, tokens and one-time codes: registration, sign-in, the profile, and linking a Telegram chat.
 * Passwords are kept only as scrypt hashes, bearer tokens and codes only as SHA-256 hashes.
 */
export function createAccountService({ store, clock }: { store: Store; clock: Clock }) {
  const now = () => clock.now().toISOString();

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

    /** The account behind a bearer token, or null when the token is unknown or revoked. */
    async authenticate(token: string): Promise<Readonly<AccountRow> | null> {
      const row = (await store.tables.tokens.where('hash', hashSecret(token)))[0];
      if (!row || row.revokedAt) return null;
      const account = await store.tables.accounts.get(row.accountId);
      if (!account) return null;
      const at = clock.now();
      if (!row.lastUsedAt || at.getTime() - Date.parse(row.lastUsedAt) > TOKEN_TOUCH_MS) {
        await store.transact((tx) => tx.tokens.update(row.id, { lastUsedAt: at.toISOString() }));
      }
      return account;
    },

    /** Revokes the token; later requests with it get 401. */
    async logout(token: string): Promise<void> {
      await store.transact(async (tx) => {
        const row = (await tx.tokens.where('hash', hashSecret(token)))[0];
        if (row && !row.revokedAt) await tx.tokens.update(row.id, { revokedAt: now() });
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
          displayName: profile.displayName.trim().slice(0, 80) || 'Telegram user',
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

export type AccountService = ReturnType<typeof createAccountService>;
