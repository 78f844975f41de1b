import { z } from 'zod';
import { IsoDateTime } from './common.js';
import { Challenge } from './challenge.js';

/** A researcher's bookmark of a challenge, with the challenge as it is now. */
export const SavedChallenge = z
  .object({ savedAt: IsoDateTime, challenge: Challenge })
  .meta({ id: 'SavedChallenge' });
export type SavedChallenge = z.infer<typeof SavedChallenge>;
