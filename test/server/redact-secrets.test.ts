import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../server/redact-secrets.js';

describe('redactSecrets', () => {
  const token = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

  it('removes the known secret and anything shaped like a bot token', () => {
    const line = `GET https://api.telegram.org/bot${token}/getMe failed; other 987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw`;
    const redacted = redactSecrets(line, token);
    expect(redacted).not.toContain(token);
    expect(redacted).not.toContain('987654321:ZZ');
    expect(redacted).toBe('GET https://api.telegram.org/bot[redacted]/getMe failed; other [redacted]');
  });

  it('removes a known secret that is not token-shaped, and leaves ordinary text alone', () => {
    expect(redactSecrets('webhook secret s3cr3t rejected', 's3cr3t')).toBe('webhook secret [redacted] rejected');
    expect(redactSecrets('deadline 2026-12-31 10:00, order 12345')).toBe('deadline 2026-12-31 10:00, order 12345');
  });
});
