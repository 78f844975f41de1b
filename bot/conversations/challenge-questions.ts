import { FIELDS, type FieldId } from '../../shared/fields.js';
import { formatMoney } from '../../shared/format.js';
import { ChallengeCreateInput, ChallengeType, IpTerms } from '../../shared/schemas/challenge.js';
import type { Locale, Money } from '../../shared/schemas/common.js';
import type { Messages } from '../i18n.js';
import { isNotPositiveAmount, parseDeadline, parseMoney } from '../parse-input.js';
import { bySchema, type conversationSteps, type Parsed } from './steps.js';

const shape = ChallengeCreateInput.shape;

/** Deadline presets, in days from now. */
const DEADLINE_PRESET_DAYS = [30, 60, 90] as const;
/** Reward presets, in yuan (the default currency). */
const REWARD_PRESETS_CNY = [100_000, 500_000, 1_000_000] as const;

/** Typed keywords: split on commas (either language's) or new lines, trimmed, without repeats. */
function parseKeywords(text: string, t: Messages): Parsed<string[]> {
  const words = [...new Set(text.split(/[,，、;；\n]+/).map((w) => w.trim()).filter(Boolean))];
  const parsed = shape.keywords.safeParse(words);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: t.post.badKeywords };
}

/** A further rule on top of the schema's (an open challenge's reward only going up): null accepts, else why not. */
type Rule<T> = (value: T) => string | null;
const within = <T>(parsed: Parsed<T>, rule?: Rule<T>): Parsed<T> => {
  if (!parsed.ok || !rule) return parsed;
  const why = rule(parsed.value);
  return why === null ? parsed : { ok: false, message: why };
};

/**
 * The /post questions, one per part of a challenge, each reading its answer with the shared schema and
 * re-asking with the step's own message: /post asks them in order, Edit asks one at a time with its own
 * prompt (the current value above the same wording) and, on an open challenge, a further rule.
 */
export function challengeQuestions(steps: ReturnType<typeof conversationSteps>, t: Messages, locale: Locale) {
  return {
    title: async (prompt: string) => (await steps.text({ prompt, parse: bySchema(shape.title, t.post.badTitle) }))!,
    summary: async (prompt: string) => (await steps.text({ prompt, parse: bySchema(shape.summary, t.post.badSummary) }))!,
    /** Skip answers the empty description. */
    description: async (prompt: string) => (await steps.longText({ prompt, parse: bySchema(shape.description, t.post.badDescription) })) ?? '',
    fields: async (prompt: string): Promise<FieldId[]> => {
      const picked = await steps.pickMany({ prompt, options: FIELDS.map((f) => f[locale]), min: 1, minMessage: t.post.pickAtLeastOne, columns: 2 });
      return picked.map((i) => FIELDS[i]!.id);
    },
    /** `suggested` become a "Use these" button; Skip answers no keywords. */
    keywords: async (prompt: string, suggested: readonly string[]): Promise<string[]> =>
      (await steps.text({
        prompt,
        parse: (text) => parseKeywords(text, t),
        skippable: true,
        presets: suggested.length > 0 ? [{ label: t.post.useSuggested, text: suggested.join(',') }] : [],
      })) ?? [],
    type: async (prompt: string): Promise<ChallengeType> => {
      const types = ChallengeType.options;
      return types[await steps.pickOne({ prompt, options: types.map((ty) => t.challengeType[ty]), columns: 2 })]!;
    },
    reward: async (prompt: string, rule?: Rule<Money>): Promise<Money> =>
      (await steps.text({
        prompt,
        presets: REWARD_PRESETS_CNY.map((amount) => ({ label: formatMoney({ amount, currency: 'CNY' }, locale), text: `${amount} CNY` })),
        parse: (text) => {
          const money = parseMoney(text, 'CNY');
          if (money) return within({ ok: true, value: money }, rule);
          return { ok: false, message: isNotPositiveAmount(text) ? t.post.rewardNotPositive : t.post.badReward };
        },
      }))!,
    /** A date is the end of that day in `timeZone`; "in 30 days" counts from `now`. The answer is an ISO instant. */
    deadline: async (prompt: string, now: Date, timeZone: string, rule?: Rule<string>): Promise<string> =>
      (await steps.text({
        prompt,
        presets: DEADLINE_PRESET_DAYS.map((days) => ({ label: t.post.daysPreset(days), text: `in ${days} days` })),
        parse: (text) => {
          const result = parseDeadline(text, now, timeZone);
          if (result.ok) return within({ ok: true, value: result.iso }, rule);
          return { ok: false, message: result.problem === 'past' ? t.post.pastDeadline : result.problem === 'too-far' ? t.post.farDeadline : t.post.badDeadline };
        },
      }))!,
    ipTerms: async (prompt: string): Promise<IpTerms> => {
      const options = IpTerms.options;
      return options[await steps.pickOne({ prompt, options: options.map((ip) => t.ipTerms[ip]), columns: 2 })]!;
    },
  };
}
