/**
 * The field taxonomy: stable ids with English and Simplified Chinese labels, from the 2016 action plan's
 * key fields and strategic emerging industries. Ids are contracts (stored on challenges, accounts and
 * subscriptions); labels may be reworded freely.
 */
export const FIELD_IDS = [
  'info-networks',
  'green-manufacturing',
  'agriculture',
  'energy',
  'resources',
  'environment',
  'marine-space',
  'smart-cities',
  'health',
  'biotech',
  'new-materials',
  'high-end-equipment',
  'new-energy-vehicles',
  'ai',
] as const;

export type FieldId = (typeof FIELD_IDS)[number];

export interface FieldInfo {
  id: FieldId;
  en: string;
  zh: string;
}

/** Every field with its labels, in display order. */
export const FIELDS: readonly FieldInfo[] = [
  { id: 'info-networks', en: 'Information networks', zh: '新一代信息网络' },
  { id: 'green-manufacturing', en: 'Smart & green manufacturing', zh: '智能绿色制造' },
  { id: 'agriculture', en: 'Modern agriculture', zh: '现代农业' },
  { id: 'energy', en: 'Clean & efficient energy', zh: '清洁高效能源' },
  { id: 'resources', en: 'Resources & mining', zh: '资源高效利用' },
  { id: 'environment', en: 'Environmental protection', zh: '生态环保' },
  { id: 'marine-space', en: 'Marine & space', zh: '海洋与空天' },
  { id: 'smart-cities', en: 'Smart cities', zh: '智慧城市' },
  { id: 'health', en: 'Health & medicine', zh: '医疗健康' },
  { id: 'biotech', en: 'Biotechnology', zh: '生物技术' },
  { id: 'new-materials', en: 'New materials', zh: '新材料' },
  { id: 'high-end-equipment', en: 'High-end equipment', zh: '高端装备' },
  { id: 'new-energy-vehicles', en: 'New energy vehicles', zh: '新能源汽车' },
  { id: 'ai', en: 'Artificial intelligence', zh: '人工智能' },
];

const byId = new Map(FIELDS.map((f) => [f.id, f]));

/** The label of a field in the given locale; unknown ids are returned as they are. */
export function fieldLabel(id: string, locale: 'en' | 'zh'): string {
  const field = byId.get(id as FieldId);
  return field ? field[locale] : id;
}

/** True when `id` is one of the taxonomy's ids. */
export function isFieldId(id: string): id is FieldId {
  return byId.has(id as FieldId);
}
