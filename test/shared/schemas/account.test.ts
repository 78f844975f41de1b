import { describe, expect, it } from 'vitest';
import { ChangePasswordInput, Password } from '../../../shared/schemas/account.js';

describe('Password', () => {
  it('takes ten characters or more that are not all blank and not one repeated character', () => {
    for (const ok of ['violet kettle drum', 'ab cd ef gh', '十个汉字的密码也可以吗', 'a         ']) expect(Password.safeParse(ok).success, ok).toBe(true);
    const refused: Array<[string, RegExp]> = [
      ['short', /at least 10/],
      [' '.repeat(10), /only spaces/],
      ['\u200b'.repeat(10), /only spaces or invisible/],
      ['aaaaaaaaaa', /one character repeated/],
      ['AAAAAaaaaa', /one character repeated/],
      ['😀'.repeat(10), /one character repeated/],
      ['xy'.repeat(101), /at most 200/],
    ];
    for (const [password, rule] of refused) {
      const result = Password.safeParse(password);
      expect(result.error?.issues.map((i) => i.message), password).toEqual([expect.stringMatching(rule)]);
    }
  });
});

describe('ChangePasswordInput', () => {
  it('needs a new password that differs from the current one, and nothing else', () => {
    expect(ChangePasswordInput.safeParse({ currentPassword: 'old one', newPassword: 'violet kettle drum' }).success).toBe(true);
    const same = ChangePasswordInput.safeParse({ currentPassword: 'violet kettle drum', newPassword: 'violet kettle drum' });
    expect(same.error?.issues).toMatchObject([{ path: ['newPassword'], message: 'the new password must differ from the current one' }]);
    expect(ChangePasswordInput.safeParse({ currentPassword: 'old one', newPassword: 'violet kettle drum', email: 'x@y.z' }).success).toBe(false);
  });
});
