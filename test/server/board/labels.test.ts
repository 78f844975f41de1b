import { describe, expect, it } from 'vitest';
import { vocabularyFor } from '../../../shared/labels.js';
import { messagesFor } from '../../../server/board/messages.js';

/** The board names types, IP terms and statuses with the shared vocabulary, in both languages. */
describe('board labels', () => {
  for (const locale of ['en', 'zh'] as const) {
    it(`${locale}: type, IP-term and status labels are the shared ones`, () => {
      const board = messagesFor(locale);
      const shared = vocabularyFor(locale);
      expect(board.types.theoretical).toBe(shared.challengeType.theoretical);
      expect(board.types).toEqual(shared.challengeType);
      expect(board.ipTerms).toEqual(shared.ipTerms);
      expect(board.statuses).toEqual(shared.challengeStatus);
    });
  }
});
