import { z } from 'zod';
import { IsoDateTime, text } from './common.js';

/** Every criterion is scored on this scale, in whole points. */
export const SCORE_SCALE = { min: 1, max: 5 } as const;

export const Scale = z
  .object({ min: z.literal(SCORE_SCALE.min), max: z.literal(SCORE_SCALE.max) })
  .meta({ id: 'Scale', description: 'Scores are whole numbers from 1 to 5' });

/** One weighted criterion of a rubric. */
export const Criterion = z
  .object({
    name: text(1, 80),
    description: text(0, 600).default(''),
    weight: z.number().int().min(1).max(100).meta({ description: 'Percent of the weighted mean; the weights of a rubric sum to 100' }),
    scale: Scale.default(SCORE_SCALE),
  })
  .strict()
  .meta({ id: 'Criterion' });
export type Criterion = z.infer<typeof Criterion>;

/**
 * The criteria bids are judged on, public so bidders know them. Empty: no rubric. Otherwise the names are
 * distinct (ignoring case) and the weights sum to 100.
 */
export const Rubric = z
  .array(Criterion)
  .max(12)
  .superRefine((criteria, ctx) => {
    if (criteria.length === 0) return;
    const total = criteria.reduce((sum, c) => sum + c.weight, 0);
    if (total !== 100) ctx.addIssue({ code: 'custom', message: `the weights must sum to 100, not ${total}` });
    const names = criteria.map((c) => c.name.toLowerCase());
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', message: 'each criterion needs its own name' });
  })
  .meta({ id: 'Rubric' });
export type Rubric = z.infer<typeof Rubric>;

/** One stage of a challenge: bids until `deadline`, then the owner advances at most `shortlistSize` of them. */
export const Phase = z
  .object({
    name: text(1, 80),
    deadline: IsoDateTime,
    shortlistSize: z.number().int().min(1).max(100),
    rubric: Rubric.nullable().default(null).meta({ description: "This phase's own rubric; null: the challenge's" }),
  })
  .strict()
  .meta({ id: 'Phase' });
export type Phase = z.infer<typeof Phase>;

/**
 * Stages of a challenge, in order; deadlines strictly increase. Empty: one stage, the challenge's deadline.
 * A single phase is the same as none, so at least two are given.
 */
export const Phases = z
  .array(Phase)
  .max(6)
  .superRefine((phases, ctx) => {
    if (phases.length === 1) ctx.addIssue({ code: 'custom', message: 'give at least two phases, or none' });
    for (let i = 1; i < phases.length; i++) {
      if (Date.parse(phases[i]!.deadline) <= Date.parse(phases[i - 1]!.deadline)) {
        ctx.addIssue({ code: 'custom', message: 'each phase must end after the one before it', path: [i, 'deadline'] });
      }
    }
  })
  .meta({ id: 'Phases' });
export type Phases = z.infer<typeof Phases>;

/** When a blind review shows reviewers who bid: once a bid is shortlisted (or advanced), or at the award. */
export const RevealAt = z.enum(['shortlist', 'award']).meta({ id: 'RevealAt' });
export type RevealAt = z.infer<typeof RevealAt>;
