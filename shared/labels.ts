import type { BidStatus } from './schemas/bid.js';
import type { ChallengeStatus, ChallengeType, IpTerms } from './schemas/challenge.js';
import type { Locale } from './schemas/common.js';

/**
 * The one vocabulary of Tenderlab: what a challenge's type, its IP terms, its status and a bid's status are
 * called, in English and Chinese. The bot, the board and the extension name these the same way, so a reader
 * who meets a challenge in two places reads the same words. Plain text (no markup, no emoji): each channel
 * escapes and decorates them itself.
 */
export interface Vocabulary {
  challengeType: Record<ChallengeType, string>;
  ipTerms: Record<IpTerms, string>;
  challengeStatus: Record<ChallengeStatus, string>;
  bidStatus: Record<BidStatus, string>;
}

const VOCABULARY: Record<Locale, Vocabulary> = {
  en: {
    challengeType: {
      ideation: 'Ideas',
      theoretical: 'Theoretical study',
      prototype: 'Prototype',
      rfp: 'Request for proposals',
    },
    ipTerms: {
      assignment: 'IP assigned to the enterprise',
      'exclusive-license': 'Exclusive licence',
      'nonexclusive-license': 'Non-exclusive licence',
      'joint-rd': 'Joint R&D',
      equity: 'Equity stake',
      negotiable: 'Negotiable',
    },
    challengeStatus: {
      draft: 'Draft',
      open: 'Open',
      closed: 'Closed',
      awarded: 'Awarded',
      cancelled: 'Cancelled',
    },
    bidStatus: {
      submitted: 'submitted',
      shortlisted: 'shortlisted',
      awarded: 'awarded',
      rejected: 'not selected',
      withdrawn: 'withdrawn',
    },
  },
  zh: {
    challengeType: {
      ideation: '创意征集',
      theoretical: '理论研究',
      prototype: '样机研制',
      rfp: '方案征集',
    },
    ipTerms: {
      assignment: '知识产权归企业',
      'exclusive-license': '独占许可',
      'nonexclusive-license': '普通许可',
      'joint-rd': '联合研发',
      equity: '作价入股',
      negotiable: '面议',
    },
    challengeStatus: {
      draft: '草稿',
      open: '征集中',
      closed: '已截止',
      awarded: '已授标',
      cancelled: '已取消',
    },
    bidStatus: {
      submitted: '已提交',
      shortlisted: '入围',
      awarded: '中标',
      rejected: '未予采纳',
      withdrawn: '已撤回',
    },
  },
};

/** The labels of one language. */
export function vocabularyFor(locale: Locale): Vocabulary {
  return VOCABULARY[locale];
}
