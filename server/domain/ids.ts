import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** Codes people type: no 0/O, 1/I/L, U. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomString(length: number, alphabet: string): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

/** A new entity id such as `chl_4k9x2m7q1vz3`: a type prefix and 60 random bits. */
export function newId(prefix: 'acc' | 'tok' | 'chl' | 'bid' | 'qst' | 'ppr' | 'sub' | 'ntf' | 'cod' | 'ach' | 'enq' | 'del' | 'obj'): string {
  return `${prefix}_${randomString(12, ALPHABET)}`;
}

/** A bearer token: 256 random bits, url-safe. */
export function newToken(): string {
  return `tl_${randomBytes(32).toString('base64url')}`;
}

/** A one-time code a person reads in one app and types in another: 8 unambiguous characters. */
export function newOneTimeCode(): string {
  return randomString(8, CODE_ALPHABET);
}
