import { vocabularyFor } from '../../shared/labels.js';
import type { ChallengeSort } from '../../shared/schemas/challenge.js';
import type { Locale } from '../../shared/schemas/common.js';

/**
 * Every word the public board shows, in English and Simplified Chinese. `en` fixes the shape; `zh` must
 * match it key for key, so a missing translation is a type error rather than a blank on the page.
 * Field labels are not here: they come from shared/fields.ts like everywhere else.
 */
const en = {
  siteName: 'Tenderlab',
  tagline: 'Enterprises post R&D challenges with a reward; researchers answer with sealed bids.',
  skipToContent: 'Skip to content',
  nav: { label: 'Sections', challenges: 'Open challenges', awards: 'Awards', api: 'API' },
  languageLabel: 'Language',
  languageNames: { en: 'English', zh: '中文' } as Record<Locale, string>,
  footer: {
    sealed: 'Bids are sealed: only the enterprise that posted a challenge, and the reviewers it appoints, read them.',
    takePart: 'Take part through the Telegram bot, the browser extension or the API.',
    apiDocs: 'API documentation',
  },

  list: {
    title: 'Open challenges',
    searchLabel: 'Search challenges',
    searchPlaceholder: 'e.g. perovskite, 漏损, battery recycling',
    fieldLabel: 'Field',
    allFields: 'All fields',
    sortLabel: 'Sort',
    submit: 'Search',
    filterByField: 'Filter by field',
    resultsFor: (q: string) => `Results for “${q}”`,
    inField: (field: string) => `In ${field}`,
    none: 'No open challenge matches. Try other words or another field.',
    clear: 'Clear search and filters',
    more: 'More challenges',
  },
  sorts: {
    relevance: 'Best match',
    newest: 'Newest',
    deadline: 'Closing soon',
    reward: 'Highest reward',
  } satisfies Record<ChallengeSort, string>,

  card: { reward: 'Reward', deadline: 'Deadline', fields: 'Fields' },

  challenge: {
    postedBy: 'Posted by',
    description: 'Description',
    details: 'Details',
    reward: 'Reward',
    deadline: 'Deadline',
    type: 'Type',
    ipTerms: 'IP terms',
    status: 'Status',
    fields: 'Fields',
    keywords: 'Keywords',
    published: 'Published',
    activity: 'Activity',
    // null: the challenge has not closed, and until then nobody but its owner learns whether anyone bid.
    bids: (n: number | null) => (n === null ? 'bids sealed until it closes' : n === 1 ? '1 sealed bid' : `${n} sealed bids`),
    saves: (n: number) => (n === 1 ? 'saved by 1 researcher' : `saved by ${n} researchers`),
    questions: (n: number) => (n === 1 ? '1 public question' : `${n} public questions`),
    takePart: 'To bid or ask a question, sign in through the Telegram bot, the browser extension or the API.',
    back: 'All open challenges',
  },
  // Types, IP terms and statuses are the one vocabulary every channel shares (shared/labels.ts).
  types: vocabularyFor('en').challengeType,
  ipTerms: vocabularyFor('en').ipTerms,
  statuses: vocabularyFor('en').challengeStatus,

  award: {
    title: 'Award',
    winner: 'Winner',
    enterprise: 'Enterprise',
    amount: 'Amount',
    date: 'Awarded on',
    note: 'Note from the enterprise',
  },

  qa: {
    title: 'Questions and answers',
    none: 'No questions yet.',
    question: 'Question',
    answer: 'Answer',
    asked: 'Asked',
    unanswered: 'Awaiting the enterprise’s answer.',
  },

  awards: {
    title: 'Award announcements',
    intro: 'Every award is announced in public: the challenge, who won, for how much, and the enterprise’s note.',
    none: 'No awards yet.',
    more: 'More announcements',
  },

  evaluation: {
    title: 'How bids are judged',
    criterion: 'Criterion',
    weight: 'Weight',
    scale: (min: number, max: number) => `Reviewers score each criterion from ${min} to ${max}; a bid's score is the weighted mean.`,
    blind: 'Blind review: reviewers read the bids without the bidders’ names or organizations.',
    phases: 'Phases',
    phaseLine: (name: string, shortlist: number) => `${name} — up to ${shortlist} go on`,
    current: 'current',
    ownRubric: 'with its own criteria',
  },
  errors: {
    notFoundTitle: 'Not found',
    notFoundText: 'There is no public challenge or page at this address. It may have been a draft, or the link is mistyped.',
    badLinkTitle: 'That link does not work',
    badLinkText: 'Part of the address could not be read (perhaps an old “more” link). Start again from the list.',
    failedTitle: 'Something went wrong',
    failedText: 'The page could not be shown. Please try again in a moment.',
    home: 'Go to the open challenges',
  },
};

export type Messages = typeof en;

const zh: Messages = {
  siteName: 'Tenderlab 揭榜',
  tagline: '企业发布研发难题并悬赏，科研人员以密封标书揭榜。',
  skipToContent: '跳到正文',
  nav: { label: '栏目', challenges: '开放榜单', awards: '授标公告', api: 'API' },
  languageLabel: '语言',
  languageNames: { en: 'English', zh: '中文' },
  footer: {
    sealed: '标书密封：只有发榜企业及其指定的评审专家能查看。',
    takePart: '可通过 Telegram 机器人、浏览器扩展或 API 参与。',
    apiDocs: 'API 文档',
  },

  list: {
    title: '开放中的技术难题',
    searchLabel: '搜索难题',
    searchPlaceholder: '例如：钙钛矿、漏损检测、battery recycling',
    fieldLabel: '领域',
    allFields: '全部领域',
    sortLabel: '排序',
    submit: '搜索',
    filterByField: '按领域筛选',
    resultsFor: (q) => `“${q}”的搜索结果`,
    inField: (field) => `领域：${field}`,
    none: '没有符合条件的开放难题。换个关键词或领域试试。',
    clear: '清除搜索和筛选',
    more: '更多难题',
  },
  sorts: {
    relevance: '最相关',
    newest: '最新发布',
    deadline: '即将截止',
    reward: '奖金最高',
  },

  card: { reward: '奖金', deadline: '截止', fields: '领域' },

  challenge: {
    postedBy: '发榜单位',
    description: '需求描述',
    details: '基本信息',
    reward: '奖金',
    deadline: '截止时间',
    type: '类型',
    ipTerms: '知识产权',
    status: '状态',
    fields: '领域',
    keywords: '关键词',
    published: '发布时间',
    activity: '参与情况',
    bids: (n) => (n === null ? '截止前投标数保密' : `${n} 份密封标书`),
    saves: (n) => `${n} 位研究者收藏`,
    questions: (n) => `${n} 个公开提问`,
    takePart: '如需投标或提问，请通过 Telegram 机器人、浏览器扩展或 API 登录。',
    back: '返回开放榜单',
  },
  types: vocabularyFor('zh').challengeType,
  ipTerms: vocabularyFor('zh').ipTerms,
  statuses: vocabularyFor('zh').challengeStatus,

  award: {
    title: '授标结果',
    winner: '中标方',
    enterprise: '发榜单位',
    amount: '金额',
    date: '授标日期',
    note: '企业评语',
  },

  qa: {
    title: '公开答疑',
    none: '暂无提问。',
    question: '问',
    answer: '答',
    asked: '提问于',
    unanswered: '等待企业回复。',
  },

  awards: {
    title: '授标公告',
    intro: '每一次授标都公开发布：哪个难题、谁中标、金额多少，以及企业评语。',
    none: '暂无授标公告。',
    more: '更多公告',
  },

  evaluation: {
    title: '评审标准',
    criterion: '评审项',
    weight: '权重',
    scale: (min: number, max: number) => `评审专家对每一项按 ${min}—${max} 分打分，标书得分为加权平均分。`,
    blind: '盲审：评审专家看不到投标人的姓名和单位。',
    phases: '阶段',
    phaseLine: (name: string, shortlist: number) => `${name} — 最多 ${shortlist} 份进入下一阶段`,
    current: '当前',
    ownRubric: '本阶段另有评审标准',
  },
  errors: {
    notFoundTitle: '页面不存在',
    notFoundText: '此地址没有公开的难题或页面。它可能仍是草稿，或者链接有误。',
    badLinkTitle: '链接无效',
    badLinkText: '无法识别地址中的部分参数（可能是过期的“更多”链接）。请从榜单重新开始。',
    failedTitle: '出错了',
    failedText: '页面暂时无法显示，请稍后再试。',
    home: '前往开放榜单',
  },
};

const CATALOGUE: Record<Locale, Messages> = { en, zh };

/** The board's words in `locale`. */
export function messagesFor(locale: Locale): Messages {
  return CATALOGUE[locale];
}
