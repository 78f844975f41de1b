import { z } from 'zod';
import { Challenge } from './challenge.js';

/** A term that met a challenge in the other language: `perovskite ↔ 钙钛矿`. */
export const MatchTranslation = z
  .object({
    term: z.string().meta({ description: "The researcher's term as written (perovskite)" }),
    translation: z.string().meta({ description: 'Its translation that the challenge contains (钙钛矿)' }),
    origin: z.enum(['glossary', 'dictionary']).meta({ description: 'The reviewed glossary, or CC-CEDICT' }),
  })
  .meta({ id: 'MatchTranslation' });
export type MatchTranslation = z.infer<typeof MatchTranslation>;

/**
 * Why a challenge matched a researcher: which of their interests, the terms that met (as the researcher
 * or the paper wrote them, never a number or a stop word), and which of those met in translation.
 */
export const MatchReason = z.object({
  source: z.enum(['field', 'keyword', 'subscription', 'paper']),
  label: z.string().meta({ description: 'The field, keyword, subscription or paper title' }),
  terms: z.array(z.string()),
  translations: z
    .array(MatchTranslation)
    .optional()
    .meta({ description: 'The terms above that the challenge contains only in translation; always sent by this server' }),
});
export type MatchReason = z.infer<typeof MatchReason>;

export const Match = z
  .object({
    challenge: Challenge,
    score: z.number(),
    matchedTerms: z.array(z.string()),
    reasons: z.array(MatchReason),
  })
  .meta({ id: 'Match' });
export type Match = z.infer<typeof Match>;
