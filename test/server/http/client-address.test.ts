import { describe, expect, it } from 'vitest';
import { resolveClientAddress } from '../../../server/http/client-address.js';

const SOCKET = '10.0.0.2';

describe('resolveClientAddress', () => {
  it('without trusted proxies is the socket peer, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress(SOCKET, undefined, 0)).toBe(SOCKET);
    expect(resolveClientAddress(SOCKET, '6.6.6.6', 0)).toBe(SOCKET);
  });

  it('behind one proxy is the right-most entry, never what the client wrote to its left', () => {
    expect(resolveClientAddress(SOCKET, '203.0.113.7', 1)).toBe('203.0.113.7');
    expect(resolveClientAddress(SOCKET, '6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(resolveClientAddress(SOCKET, '1.1.1.1,2.2.2.2 ,  203.0.113.7', 1)).toBe('203.0.113.7');
  });

  it('behind N proxies is the entry N hops from the right (the socket peer being the first hop)', () => {
    const header = 'spoofed, 203.0.113.7, 198.51.100.1, 198.51.100.2';
    expect(resolveClientAddress(SOCKET, header, 1)).toBe('198.51.100.2');
    expect(resolveClientAddress(SOCKET, header, 2)).toBe('198.51.100.1');
    expect(resolveClientAddress(SOCKET, header, 3)).toBe('203.0.113.7');
  });

  it('with fewer entries than trusted hops is the left-most entry; with no header, the socket peer', () => {
    expect(resolveClientAddress(SOCKET, '203.0.113.7, 198.51.100.2', 5)).toBe('203.0.113.7');
    expect(resolveClientAddress(SOCKET, undefined, 2)).toBe(SOCKET);
    expect(resolveClientAddress(SOCKET, '', 1)).toBe(SOCKET);
  });

  it('skips empty entries a client slipped in', () => {
    expect(resolveClientAddress(SOCKET, 'a, , ,203.0.113.7', 1)).toBe('203.0.113.7');
    expect(resolveClientAddress(SOCKET, ', ,', 1)).toBe(SOCKET);
  });
});
