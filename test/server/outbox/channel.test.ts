import { describe, expect, it } from 'vitest';
import { DeliveryError, deliveryErrorFromStatus } from '../../../server/outbox/channel.js';

describe('delivery errors', () => {
  it('classifies API failure answers: 429 with its delay, 403 blocked, 5xx retryable, other 4xx permanent', () => {
    const tooMany = deliveryErrorFromStatus(429, 'Too Many Requests: retry after 7', 7);
    expect(tooMany).toMatchObject({ failure: 'retryable', retryAfterMs: 7000, message: '429 Too Many Requests: retry after 7' });
    expect(deliveryErrorFromStatus(403, 'Forbidden: bot was blocked by the user')).toMatchObject({ failure: 'blocked', retryAfterMs: null });
    expect(deliveryErrorFromStatus(502, 'Bad Gateway')).toMatchObject({ failure: 'retryable', retryAfterMs: null });
    expect(deliveryErrorFromStatus(400, "Bad Request: can't parse entities")).toMatchObject({ failure: 'permanent', retryAfterMs: null });
    expect(deliveryErrorFromStatus(429, 'Too Many Requests')).toMatchObject({ failure: 'retryable', retryAfterMs: null });
  });

  it('keeps a retry delay only on retryable failures, and only a positive one', () => {
    expect(new DeliveryError('permanent', 'x', { retryAfterMs: 5000 }).retryAfterMs).toBeNull();
    expect(new DeliveryError('retryable', 'x', { retryAfterMs: 0 }).retryAfterMs).toBeNull();
    expect(new DeliveryError('retryable', 'x', { retryAfterMs: 1500 })).toBeInstanceOf(Error);
  });
});
