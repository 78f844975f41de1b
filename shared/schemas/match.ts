import { z } from 'zod';
import { Challenge } from './challenge.js';

/** Why a challenge matched a researcher: which of their interests, and the terms that met. */
export const MatchReason = z.object({
  source: z.enum(['field', 'keyword', 'subscription', 'paper']),
  label: z.string().meta({ description: 'The field, keyword list, subscription or paper title' }),
  terms: z.array(z.string()),
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
