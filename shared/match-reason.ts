import { formatTranslation } from './lexicon/keyword-rule.js';
import type { MatchReason } from './schemas/match.js';

const SOURCE_LABEL: Record<'en' | 'zh', Record<MatchReason['source'], string>> = {
  en: { keyword: 'Your keyword', subscription: 'Your subscription', paper: 'Your clipped paper', field: 'Your field' },
  zh: { keyword: '你的关键词', subscription: '你的订阅', paper: '你收藏的论文', field: '你的领域' },
};

/**
 * One match reason as a line of plain text (the bot, notifications, tooltips): which interest, then the
 * terms that met, a translated one written "perovskite ↔ 钙钛矿". E.g. `Your keyword “weathering steel”:
 * weathering steel ↔ 耐候钢` or `你的订阅“钙钛矿 电池”：钙钛矿 ↔ perovskite`. A field reason names the field.
 */
export function formatMatchReason(reason: MatchReason, locale: 'en' | 'zh'): string {
  const translated = new Map((reason.translations ?? []).map((t) => [t.term, t.translation]));
  const terms = reason.terms.map((term) => (translated.has(term) ? formatTranslation(term, translated.get(term)!) : term));
  const source = SOURCE_LABEL[locale][reason.source];
  if (reason.source === 'field') return locale === 'zh' ? `${source}：${reason.label}` : `${source}: ${reason.label}`;
  const list = terms.join(locale === 'zh' ? '、' : ', ');
  return locale === 'zh' ? `${source}“${reason.label}”：${list}` : `${source} “${reason.label}”: ${list}`;
}
