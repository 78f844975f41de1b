import { vocabularyFor } from '../../shared/labels.js';
import type { Locale } from '../../shared/schemas/common.js';
import type { DealMode, DealStatus } from '../../shared/schemas/deal.js';

/**
 * The catalogue pages' words (§8), English and Simplified Chinese; `zh` must match `en` key for key. What an
 * IP status, a transfer mode and an achievement's status are called comes from the shared vocabulary.
 */
const en = {
  nav: { achievements: 'Technologies', deals: 'Deals' },
  list: {
    title: 'Technologies on offer',
    intro: 'Achievements listed by researchers and institutions for transfer. Enterprises enquire through the API, the bot or the extension.',
    searchLabel: 'Search technologies',
    submit: 'Search',
    none: 'No listed technology matches.',
    more: 'More technologies',
  },
  facts: { institution: 'Institution', trl: 'Readiness (TRL)', ip: 'IP', patents: 'Patents', modes: 'Transfer', price: 'Asking price', negotiable: 'Negotiable', listed: 'Listed', status: 'Status', references: 'Papers' },
  deals: {
    title: 'Deals announced (公示)',
    intro: 'Each transfer is announced here with an objection period. Any signed-in account may object through the API; the count is public, the text goes to the owner.',
    none: 'No deal announced yet.',
    counterparty: 'Counterparty',
    mode: 'Mode',
    price: 'Price',
    objectionsUntil: 'Objections until',
    objections: 'Objections',
    unresolved: (n: number) => `${n} unanswered`,
    more: 'More deals',
    status: { announced: 'In announcement period', transferred: 'Transferred', contested: 'Contested' } as Record<DealStatus, string>,
  },
};

type CatalogueMessages = typeof en;

const zh: CatalogueMessages = {
  nav: { achievements: '科技成果', deals: '交易公示' },
  list: {
    title: '可转化的科技成果',
    intro: '科研人员和机构登记的待转化成果。企业可通过 API、机器人或浏览器扩展发起询价。',
    searchLabel: '搜索成果',
    submit: '搜索',
    none: '没有匹配的成果。',
    more: '更多成果',
  },
  facts: { institution: '单位', trl: '技术成熟度', ip: '知识产权', patents: '专利', modes: '转化方式', price: '意向价格', negotiable: '面议', listed: '发布于', status: '状态', references: '论文' },
  deals: {
    title: '交易公示',
    intro: '每笔转化交易在此公示并设异议期。登录用户可通过 API 提出异议；异议数量公开，内容仅成果方可见。',
    none: '暂无公示交易。',
    counterparty: '受让方',
    mode: '方式',
    price: '价格',
    objectionsUntil: '异议截止',
    objections: '异议',
    unresolved: (n) => `${n} 条待答复`,
    more: '更多交易',
    status: { announced: '公示中', transferred: '已完成转让', contested: '有异议' },
  },
};

function withVocabulary(messages: typeof en, locale: Locale) {
  const v = vocabularyFor(locale);
  const modes: Record<DealMode, string> = { ...v.transferMode, negotiable: messages.facts.negotiable };
  return { ...messages, ipStatus: v.ipStatus, modes, status: v.achievementStatus };
}

const CATALOGUES = { en: withVocabulary(en, 'en'), zh: withVocabulary(zh, 'zh') };

/** The catalogue pages' words in `locale`. */
export function catalogueMessagesFor(locale: Locale): ReturnType<typeof withVocabulary> {
  return CATALOGUES[locale];
}
