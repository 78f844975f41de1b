import { z } from 'zod';
import { Id, IsoDateTime, text } from './common.js';

/** A public question on a challenge and the owner's answer. The asker stays anonymous to the public. */
export const Question = z
  .object({
    id: Id,
    challengeId: Id,
    text: z.string(),
    answer: z.string().nullable(),
    askedAt: IsoDateTime,
    answeredAt: IsoDateTime.nullable(),
    mine: z.boolean().optional().meta({ description: 'True when the caller asked it' }),
  })
  .meta({ id: 'Question' });
export type Question = z.infer<typeof Question>;

export const QuestionInput = z.object({ text: text(5, 2000) }).strict().meta({ id: 'QuestionInput' });
export type QuestionInput = z.input<typeof QuestionInput>;

export const AnswerInput = z.object({ answer: text(1, 5000) }).strict().meta({ id: 'AnswerInput' });
export type AnswerInput = z.input<typeof AnswerInput>;
