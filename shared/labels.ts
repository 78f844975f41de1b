import type { AchievementStatus, IpStatus, TransferMode } from './schemas/achievement.js';
import type { BidStatus } from './schemas/bid.js';
import type { ChallengeStatus, ChallengeType, IpTerms } from './schemas/challenge.js';
import type { Locale } from './schemas/common.js';
import type { DeclineReason, EnquiryStatus } from './schemas/enquiry.js';

/**
 * The one vocabulary of Tenderlab: what a challenge's type, its IP terms, its status and a bid's status are
 * called, in English and Chinese. The bot, the board and the extension name these the same way, so a reader
 * who meets a challenge in two places reads the same words. Plain text (no markup, no emoji): each channel
 * escapes and decorates them itself. Bid and enquiry statuses are states that read mid-sentence ("your bid
 * is now shortlisted", "已入围"); `asBadges` capitalises them where they stand alone.
 */
export interface Vocabulary {
  challengeType: Record<ChallengeType, string>;
  ipTerms: Record<IpTerms, string>;
  challengeStatus: Record<ChallengeStatus, string>;
  bidStatus: Record<BidStatus, string>;
  achievementStatus: Record<AchievementStatus, string>;
  ipStatus: Record<IpStatus, string>;
  transferMode: Record<TransferMode, string>;
  enquiryStatus: Record<EnquiryStatus, string>;
  declineReason: Record<DeclineReason, string>;
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
    achievementStatus: {
      draft: 'Draft',
      listed: 'Listed',
      transferred: 'Transferred',
      withdrawn: 'Withdrawn',
    },
    ipStatus: {
      'patent-granted': 'Patent granted',
      'patent-pending': 'Patent pending',
      'software-copyright': 'Software copyright',
      'know-how': 'Know-how',
      none: 'None',
    },
    transferMode: {
      assignment: 'Assignment',
      'exclusive-license': 'Exclusive licence',
      'nonexclusive-license': 'Non-exclusive licence',
      equity: 'Equity',
      'joint-rd': 'Joint R&D',
    },
    enquiryStatus: {
      sent: 'sent',
      accepted: 'accepted',
      declined: 'declined',
      withdrawn: 'withdrawn',
    },
    declineReason: {
      'too-early': 'Too early',
      'benefit-unclear': 'Benefit unclear',
      'route-to-market-unclear': 'Route to market unclear',
      'outside-scope': 'Outside our scope',
      price: 'Price',
      other: 'Other',
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
      shortlisted: '已入围',
      awarded: '已中标',
      rejected: '未予采纳',
      withdrawn: '已撤回',
    },
    achievementStatus: {
      draft: '草稿',
      listed: '已发布',
      transferred: '已转化',
      withdrawn: '已撤回',
    },
    ipStatus: {
      'patent-granted': '已授权专利',
      'patent-pending': '专利申请中',
      'software-copyright': '软件著作权',
      'know-how': '技术秘密',
      none: '无',
    },
    transferMode: {
      assignment: '转让',
      'exclusive-license': '独占许可',
      'nonexclusive-license': '普通许可',
      equity: '作价入股',
      'joint-rd': '合作开发',
    },
    enquiryStatus: {
      sent: '已发送',
      accepted: '已接受',
      declined: '已婉拒',
      withdrawn: '已撤回',
    },
    declineReason: {
      'too-early': '为时尚早',
      'benefit-unclear': '效益不明确',
      'route-to-market-unclear': '市场化路径不清晰',
      'outside-scope': '不在业务范围内',
      price: '价格不合适',
      other: '其他',
    },
  },
};

/** The labels of one language. */
export function vocabularyFor(locale: Locale): Vocabulary {
  return VOCABULARY[locale];
}

/**
 * Labels as a badge shows them, standing alone: the first letter upper-case ("Not selected"). Chinese has no
 * case, so its labels come back as they are.
 */
export function asBadges<Key extends string>(labels: Record<Key, string>): Record<Key, string> {
  return Object.fromEntries(Object.entries<string>(labels).map(([key, label]) => [key, label.charAt(0).toLocaleUpperCase('en') + label.slice(1)])) as Record<Key, string>;
}
