import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALLBACK_ACTIONS, CALLBACK_DATA_MAX_BYTES, packCallback, unpackCallback, type CallbackData } from '../../bot/callback-data.js';

/** The longest id the codec accepts, so every action is checked at its largest. */
const LONG_ID = `chl_${'z'.repeat(20)}`;

const SAMPLES: CallbackData[] = [
  { action: 'start-lang', locale: 'zh' },
  { action: 'start-roles', locale: 'en', roles: 'both' },
  { action: 'set-roles', roles: 'enterprise' },
  { action: 'set-lang', locale: 'en' },
  { action: 'set-zone', timeZone: 'America/Los_Angeles' },
  { action: 'save', challengeId: LONG_ID },
  { action: 'unsave', challengeId: LONG_ID },
  { action: 'details', challengeId: LONG_ID },
  { action: 'propose', challengeId: LONG_ID },
  { action: 'ask', challengeId: LONG_ID },
  { action: 'more', list: 'search', offset: 99995, memo: 'abcdefghijkl' },
  { action: 'page', list: 'search', offset: 99995, memo: 'abcdefghijkl' },
  { action: 'bids', challengeId: LONG_ID, offset: 99995 },
  { action: 'bids-page', challengeId: LONG_ID, offset: 99995 },
  { action: 'mine-open', challengeId: LONG_ID },
  { action: 'bid-open', bidId: LONG_ID },
  { action: 'publish', challengeId: LONG_ID },
  { action: 'close', challengeId: LONG_ID, confirmed: true },
  { action: 'cancel', challengeId: LONG_ID, confirmed: false },
  { action: 'edit', challengeId: LONG_ID },
  { action: 'shortlist', bidId: LONG_ID },
  { action: 'reject', bidId: LONG_ID },
  { action: 'award', challengeId: LONG_ID, bidId: LONG_ID, confirmed: true },
  { action: 'award-note', challengeId: LONG_ID, bidId: LONG_ID },
  { action: 'withdraw', bidId: LONG_ID, confirmed: true },
  { action: 'my-bid', bidId: LONG_ID },
  { action: 'revise', bidId: LONG_ID },
  { action: 'my-bid-keep', bidId: LONG_ID },
  { action: 'subscription-active', subscriptionId: LONG_ID, active: false },
  { action: 'subscription-delete', subscriptionId: LONG_ID },
  { action: 'answer', challengeId: LONG_ID, questionId: LONG_ID },
  { action: 'review-redeem' },
  { action: 'review-bids', challengeId: LONG_ID, offset: 99995 },
  { action: 'review-bids-page', challengeId: LONG_ID, offset: 99995 },
  { action: 'review-bid', bidId: LONG_ID },
  { action: 'review-score', bidId: LONG_ID },
  { action: 'review-recuse', bidId: LONG_ID },
  { action: 'ranking', challengeId: LONG_ID, offset: 99995 },
  { action: 'ranking-page', challengeId: LONG_ID, offset: 99995 },
  { action: 'ranking-feedback', bidId: LONG_ID },
  { action: 'ranking-advance', challengeId: LONG_ID, confirmed: true },
  { action: 'profile', value: 'view' },
  { action: 'profile-edit', value: 'organization' },
  { action: 'notification-read', notificationId: LONG_ID, offset: 99995 },
  { action: 'notifications-read-all', offset: 99995 },
  { action: 'session-revoke', tokenId: LONG_ID, confirmed: true, offset: 99995 },
  { action: 'sessions-revoke-all', confirmed: false },
  { action: 'achievement-open', achievementId: LONG_ID },
  { action: 'achievement-publish', achievementId: LONG_ID },
  { action: 'achievement-withdraw', achievementId: LONG_ID, confirmed: true },
  { action: 'achievement-enquiries', achievementId: LONG_ID, offset: 99995 },
  { action: 'achievement-enquiries-page', achievementId: LONG_ID, offset: 99995 },
  { action: 'enquire', achievementId: LONG_ID },
  { action: 'achievement-deal', achievementId: LONG_ID },
  { action: 'deal-object', dealId: LONG_ID },
  { action: 'objection-answer', dealId: LONG_ID, objectionId: LONG_ID },
  { action: 'enquiry-open', enquiryId: LONG_ID },
  { action: 'enquiry-accept', enquiryId: LONG_ID },
  { action: 'enquiry-decline', enquiryId: LONG_ID },
  { action: 'enquiry-withdraw', enquiryId: LONG_ID, confirmed: false },
  { action: 'dismiss' },
  { action: 'step', value: 'a'.repeat(24) },
];

describe('callback data', () => {
  it('has a sample for every action', () => {
    expect(SAMPLES.map((s) => s.action).sort()).toEqual([...CALLBACK_ACTIONS].sort());
  });

  it.each(SAMPLES)('$action round-trips within 64 bytes', (data) => {
    const packed = packCallback(data);
    expect(Buffer.byteLength(packed)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    expect(packed.startsWith('v1:')).toBe(true);
    expect(unpackCallback(packed)).toEqual({ ok: true, data });
  });

  it('refuses to pack a value that does not fit its field', () => {
    expect(() => packCallback({ action: 'save', challengeId: 'chl_with:colon' })).toThrow();
    expect(() => packCallback({ action: 'step', value: 'Has Spaces' })).toThrow();
  });

  it('tells outdated buttons from forged ones', () => {
    expect(unpackCallback('v0:sv:chl_abcdabcd')).toEqual({ ok: false, problem: 'outdated' });
    expect(unpackCallback('v2:sv:chl_abcdabcd')).toEqual({ ok: false, problem: 'outdated' });
    for (const forged of ['sv:chl_abcdabcd', 'v1:sv', 'v1:sv:chl_abcdabcd:more', 'v1:xx:chl_abcdabcd', 'v1:sv:../../etc', 'v1:mo:q:0:-', 'v1:mo:o:-1:-', `v1:sv:chl_${'a'.repeat(60)}`]) {
      expect(unpackCallback(forged)).toEqual({ ok: false, problem: 'invalid' });
    }
    expect(unpackCallback(undefined)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('never throws and never accepts what it would not have made', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (raw) => {
        const decoded = unpackCallback(raw);
        if (decoded.ok) expect(packCallback(decoded.data)).toBe(raw);
      }),
      { numRuns: 2000 },
    );
  });
});
