import { describe, expect, it } from 'vitest';
import { vocabularyFor } from '../../shared/labels.js';
import { messagesFor } from '../../extension/lib/i18n.js';

/** The extension names types and IP terms with the shared vocabulary, in both languages. */
describe('extension labels', () => {
  for (const locale of ['en', 'zh'] as const) {
    it(`${locale}: type and IP-term labels are the shared ones`, () => {
      const extension = messagesFor(locale);
      const shared = vocabularyFor(locale);
      expect(extension.challengeType.theoretical).toBe(shared.challengeType.theoretical);
      expect(extension.challengeType).toEqual(shared.challengeType);
      expect(extension.ipTerms).toEqual(shared.ipTerms);
    });
  }
});
