import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';

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
