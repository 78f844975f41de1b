import type { AnswerInput, Question, QuestionInput } from '../../shared/schemas/question.js';
import { AnswerInput as AnswerSchema, QuestionInput as QuestionSchema } from '../../shared/schemas/question.js';
import type { Page, PageQuery } from '../../shared/schemas/common.js';
import type { Clock } from '../clock.js';
import { LIST_KEYS, type Store } from '../store/store.js';
import { isAcceptingBids } from './challenge-lifecycle.js';
import { conflict, notFound } from './errors.js';
import { newId } from './ids.js';
import { notify } from './notifications.js';
import { keysetPage } from './pagination.js';
import { assertNotOwnChallenge, assertOwnChallenge, assertViewChallenge, requireAccount, type Actor } from './permissions.js';
import { toQuestion } from './views.js';


/** Public questions on challenges and the owner's answers. Askers stay anonymous to everyone but themselves. */
export function createQuestionService({ store, clock }: { store: Store; clock: Clock }) {
  const now = () => clock.now();

  return {
    async ask(actor: Actor, challengeId: string, input: QuestionInput): Promise<Question> {
      const account = requireAccount(actor);
      const { text } = QuestionSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const challenge = assertViewChallenge(actor, await tx.challenges.get(challengeId), challengeId);
        assertNotOwnChallenge(account, challenge, 'ask questions on');
        if (!isAcceptingBids(challenge, now())) throw conflict('Questions can be asked only while the challenge is open');
        const question = await tx.questions.insert({
          id: newId('qst'),
          challengeId,
          askerId: account.id,
          text,
          answer: null,
          askedAt: now().toISOString(),
          answeredAt: null,
        });
        await tx.challenges.update(challengeId, (c) => ({ ...c, counters: { ...c.counters, questions: c.counters.questions + 1 } }));
        await notify(tx, clock, { accountId: challenge.ownerId, kind: 'question', challenge, questionId: question.id });
        return question;
      });
      return toQuestion(row, actor);
    },

    /** The owner answers (or corrects an answer); the asker is notified of the first answer. */
    async answer(actor: Actor, questionId: string, input: AnswerInput): Promise<Question> {
      requireAccount(actor);
      const { answer } = AnswerSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const question = await tx.questions.get(questionId);
        const challenge = question && (await tx.challenges.get(question.challengeId));
        if (!question || !challenge) throw notFound('question', questionId);
        assertViewChallenge(actor, challenge, challenge.id);
        assertOwnChallenge(actor, challenge);
        const answered = await tx.questions.update(questionId, { answer, answeredAt: now().toISOString() });
        if (question.answer === null) {
          await notify(tx, clock, { accountId: question.askerId, kind: 'answer', challenge, questionId });
        }
        return answered;
      });
      return toQuestion(row, actor);
    },

    async list(actor: Actor, challengeId: string, page: PageQuery): Promise<Page<Question>> {
      assertViewChallenge(actor, await store.tables.challenges.get(challengeId), challengeId);
      const slice = await keysetPage(page, (window) => store.tables.questions.page('challengeId', challengeId, { direction: 'asc', ...window }), LIST_KEYS.questions);
      return { items: slice.items.map((q) => toQuestion(q, actor)), nextCursor: slice.nextCursor };
    },
  };
}

