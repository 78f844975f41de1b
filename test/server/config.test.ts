import { describe, expect, it } from 'vitest';
import { describeDatabaseUrl, loadConfig } from '../../server/config.js';

describe('TRUST_PROXY', () => {
  it('counts the reverse proxies in front of the server; unset or off is none, and on (the old flag) is one', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    for (const [value, hops] of [['0', 0], ['1', 1], ['2', 2], [' 3 ', 3], ['10', 10], ['', 0], ['false', 0], ['no', 0], ['true', 1], ['YES', 1]] as const) {
      expect(loadConfig({ TRUST_PROXY: value }).trustProxy, value).toBe(hops);
    }
  });

  it('stops the start on anything else, naming the variable and what it takes', () => {
    for (const value of ['-1', '1.5', '11', 'all', 'loopback', '10.0.0.0/8', '1,2']) {
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY: the number of reverse proxies/);
    }
  });
});

describe('DATABASE_URL', () => {
  it('selects PostgreSQL when set; unset or empty keeps the embedded store', () => {
    expect(loadConfig({}).databaseUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull();
    for (const url of ['postgres://app:s3cret@db.internal:5432/tenderlab', 'postgresql://app@localhost/tenderlab?sslmode=require']) {
      expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
  });

  it('stops the start on a URL that names no PostgreSQL database, without echoing it', () => {
    const cases = [
      ['mysql://app:s3cret@db/tenderlab', /must start with postgres:\/\//],
      ['postgres://app:s3cret@db:5432', /names no database/],
      ['postgres://app:s3cret@db:5432/', /names no database/],
      ['s3cret', /not a URL/],
    ] as const;
    for (const [url, problem] of cases) {
      let message = '';
      try {
        loadConfig({ DATABASE_URL: url });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, url).toMatch(/DATABASE_URL: /);
      expect(message, url).toMatch(problem);
      expect(message, url).not.toContain('s3cret');
    }
  });

  it('is shown in logs with its password hidden', () => {
    expect(describeDatabaseUrl('postgres://app:s3cret@db:5432/tenderlab')).toBe('postgres://app:***@db:5432/tenderlab');
    expect(describeDatabaseUrl('postgres://app@db/tenderlab?password=s3cret')).not.toContain('s3cret');
    expect(describeDatabaseUrl('postgres://db/tenderlab')).toBe('postgres://db/tenderlab');
  });
});
