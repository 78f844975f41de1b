import { z } from 'zod';
import { Achievement } from './achievement.js';
import { Challenge } from './challenge.js';
import { MatchTranslation } from './match.js';

/** Why two sides of the market met: the words they share, and those that met only in translation. */
export const PairReason = z
  .object({
    matchedTerms: z.array(z.string()).meta({ description: 'Words of the one side found in the other, as written' }),
    translations: z.array(MatchTranslation).meta({ description: 'Of those, the ones found only in translation (perovskite ↔ 钙钛矿)' }),
    sharedFields: z.array(z.string()),
  })
  .meta({ id: 'PairReason' });
export type PairReason = z.infer<typeof PairReason>;

/** A listed achievement that may answer a challenge (`GET /api/challenges/{id}/solutions`). */
export const Solution = z
  .object({ achievement: Achievement, score: z.number(), reason: PairReason })
  .meta({ id: 'Solution' });
export type Solution = z.infer<typeof Solution>;

/** An open challenge an achievement may answer (`GET /api/achievements/{id}/challenges`). */
export const ChallengeFit = z
  .object({ challenge: Challenge, score: z.number(), reason: PairReason })
  .meta({ id: 'ChallengeFit' });
export type ChallengeFit = z.infer<typeof ChallengeFit>;
