import { fieldLabel } from '../fields.js';
import { describeKeywordRule, parseKeywords } from './keyword-rule.js';
import type { Lexicon } from './lexicon.js';

/** What a subscription's rule depends on. */
export interface SubscriptionTerms {
  keywords: string;
  fields: readonly string[];
  minReward: number | null;
}

/**
 * The matching rule of a subscription in the subscriber's language, for the subscribe confirmation and the
 * API's `rule`: the keyword rule (see describeKeywordRule), then the fields and the minimum reward that
 * also apply; a subscription without keywords matches everything in its fields.
 */
export function describeSubscriptionRule(sub: SubscriptionTerms, locale: 'en' | 'zh', lexicon: Lexicon | null): string {
  const parts: string[] = [];
  const fields = sub.fields.map((field) => fieldLabel(field, locale));
  if (sub.keywords.trim().length > 0) parts.push(describeKeywordRule(parseKeywords(sub.keywords, lexicon), locale));
  else if (fields.length > 0) {
    parts.push(locale === 'zh' ? `所选领域内每个新发布的挑战都会提醒你。` : 'Every newly published challenge in your fields raises an alert.');
  }
  if (fields.length > 0) {
    parts.push(locale === 'zh' ? `限于领域：${fields.join('、')}。` : `Only in: ${fields.join(', ')}.`);
  }
  if (sub.minReward !== null) {
    parts.push(locale === 'zh' ? `奖金不低于 ${sub.minReward}。` : `Reward at least ${sub.minReward}.`);
  }
  return parts.join(' ');
}
