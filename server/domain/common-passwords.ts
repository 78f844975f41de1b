import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The list of common passwords that zxcvbn-ts ships (about 49,000 entries from public breach corpora,
 * lower-case; package @zxcvbn-ts/language-common, MIT licence, © Dan Wheeler, Dropbox, Inc. and zxcvbn-ts).
 * Server-side only: it is about 400 KB, and the browser extension's bundle should not carry it.
 */
const COMMON = new Set(dictionary['passwords-common']);

/** True when `password`, ignoring case and spaces at the ends, is on the list of common passwords. */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.trim().toLowerCase());
}
