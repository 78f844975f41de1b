import type { FieldId } from '../../../shared/fields.js';
import type { ChallengeRow, SubscriptionRow } from '../../../server/store/rows.js';

const T0 = '2026-11-01T00:00:00.000Z';

/** An open challenge with sensible defaults; pass what the test is about. */
export function challengeRow(fields: Partial<ChallengeRow> & Pick<ChallengeRow, 'id' | 'title'>): ChallengeRow {
  return {
    ownerId: 'acc_owner',
    summary: '',
    description: '',
    fields: ['energy'],
    keywords: [],
    type: 'rfp',
    reward: { amount: 100_000, currency: 'CNY' },
    deadline: '2027-01-01T00:00:00.000Z',
    ipTerms: 'negotiable',
    status: 'open',
    award: null,
    counters: { bids: 0, saves: 0, questions: 0 },
    createdAt: T0,
    publishedAt: T0,
    closedAt: null,
    updatedAt: T0,
    cancelledAt: null,
    reminderSentAt: null,
    ...fields,
  };
}

/** An active subscription with no filters beyond what is given. */
export function subscriptionRow(
  fields: Partial<SubscriptionRow> & Pick<SubscriptionRow, 'id' | 'accountId'>,
): SubscriptionRow {
  return { keywords: '', fields: [], minReward: null, active: true, createdAt: T0, updatedAt: T0, ...fields };
}

const zh = (id: string, title: string, summary: string, fields: FieldId[], description = '') =>
  challengeRow({ id, title, summary, fields, description });
const en = zh;

/** A small bilingual set with known right answers. */
export const LABELLED: readonly ChallengeRow[] = [
  zh('zh-perovskite-pv', '钙钛矿太阳能电池稳定性提升', '寻求提高钙钛矿太阳能电池在湿热环境下长期稳定性的封装方案。', ['energy', 'new-materials']),
  zh('zh-perovskite-catalyst', '钙钛矿型催化剂用于汽车尾气净化', '开发低成本钙钛矿型氧化物催化剂，替代贵金属。', ['environment', 'new-materials']),
  zh('zh-pv-cleaning', '光伏电站太阳能板清洗机器人', '沙漠光伏电站的无水清洗机器人，降低运维成本。', ['energy', 'high-end-equipment']),
  zh('zh-battery-recycling', '废旧锂电池回收中的有价金属提取', '从退役动力电池中高效回收锂、钴、镍。', ['new-energy-vehicles', 'resources']),
  zh('zh-visual-inspection', '基于深度学习的工业视觉缺陷检测', '面向注塑件表面缺陷的在线检测系统。', ['ai', 'green-manufacturing']),
  zh('zh-pcb-wastewater', 'PCB厂含铜废水处理工艺', '线路板生产废水中铜离子的深度去除与回用。', ['environment']),
  en('en-perovskite-pv', 'Perovskite solar cell encapsulation', 'Encapsulation that keeps perovskite solar cells stable under damp heat.', ['energy', 'new-materials']),
  en('en-battery-recycling', 'Recycling lithium-ion batteries', 'Recovering cobalt and nickel from spent lithium-ion batteries.', ['new-energy-vehicles', 'resources']),
  en('en-pcb-inspection', 'PCB defect detection with deep learning', 'Automated optical inspection of printed circuit boards.', ['ai', 'info-networks']),
  en('en-motor-efficiency', 'Efficiency of industrial motors', 'Raise the efficiency of induction motors in pumps and fans; efficiency audits.', ['energy']),
  en('en-bms', 'Battery management system state estimation', 'State-of-charge estimation for battery packs.', ['new-energy-vehicles']),
  en('en-desalination', 'Low-energy seawater desalination', 'Membranes for reverse osmosis with lower energy use.', ['marine-space', 'environment']),
];
