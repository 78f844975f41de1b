import { describe, expect, it } from 'vitest';
import { asBadges, vocabularyFor } from '../../shared/labels.js';
import { messagesFor } from '../../extension/lib/i18n.js';

/** The extension names types, IP terms and statuses with the shared vocabulary, in both languages. */
describe('extension labels', () => {
  for (const locale of ['en', 'zh'] as const) {
    it(`${locale}: type and IP-term labels are the shared ones`, () => {
      const extension = messagesFor(locale);
      const shared = vocabularyFor(locale);
      expect(extension.challengeType.theoretical).toBe(shared.challengeType.theoretical);
      expect(extension.challengeType).toEqual(shared.challengeType);
      expect(extension.ipTerms).toEqual(shared.ipTerms);
    });

    it(`${locale}: bid, achievement and enquiry statuses are the shared labels, as badges`, () => {
      const extension = messagesFor(locale);
      const shared = vocabularyFor(locale);
      expect(extension.bidStatus).toEqual(asBadges(shared.bidStatus));
      expect(extension.enquiryStatus).toEqual(asBadges(shared.enquiryStatus));
      expect(extension.achievementStatus).toEqual(shared.achievementStatus);
      expect(extension.transferMode).toEqual(shared.transferMode);
      expect(extension.declineReason).toEqual(shared.declineReason);
    });
  }

  it('capitalises English badges and leaves the shared words otherwise as they are', () => {
    expect(vocabularyFor('en').bidStatus.rejected).toBe('not selected');
    expect(messagesFor('en').bidStatus).toEqual({
      submitted: 'Submitted',
      shortlisted: 'Shortlisted',
      awarded: 'Awarded',
      rejected: 'Not selected',
      withdrawn: 'Withdrawn',
    });
  });

  it('names Chinese bid statuses as states that read both as a badge and mid-sentence', () => {
    expect(messagesFor('zh').bidStatus).toEqual({
      submitted: '已提交',
      shortlisted: '已入围',
      awarded: '已中标',
      rejected: '未予采纳',
      withdrawn: '已撤回',
    });
  });
});
