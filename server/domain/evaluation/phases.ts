import type { Challenge } from '../../../shared/schemas/challenge.js';
import { deadlineProblem } from '../../../shared/schemas/challenge.js';
import type { AdvanceInput } from '../../../shared/schemas/review.js';
import { AdvanceInput as AdvanceSchema } from '../../../shared/schemas/review.js';
import type { Clock } from '../../clock.js';
import type { Store } from '../../store/store.js';
import { currentStatus } from '../challenge-lifecycle.js';
import { conflict, invalid } from '../errors.js';
import { notify } from '../notifications.js';
import { assertOwnChallenge, assertViewChallenge, requireAccount, type Actor } from '../permissions.js';
import { toChallenge } from '../views.js';
import { evaluationOf, isLastPhase } from './settings.js';

/**
 * Phases (PRODUCT.md §9): when a phase has ended, the owner advances its shortlist. The shortlisted bids
 * go on as submitted bids their bidders may revise until the next phase's deadline; every other live bid
 * is rejected with the owner's feedback. Awards happen only in the last phase (bids.ts asks isLastPhase).
 */
export function createPhaseService({ store, clock }: { store: Store; clock: Clock }) {
  const now = () => clock.now();

  return {
    /** Move a phased challenge whose current phase has closed on to the next phase with its shortlist. */
    async advance(actor: Actor, challengeId: string, input: AdvanceInput): Promise<Challenge> {
      requireAccount(actor);
      const { feedback, deadline: newDeadline } = AdvanceSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const challenge = assertViewChallenge(actor, await tx.challenges.get(challengeId), challengeId);
        assertOwnChallenge(actor, challenge);
        const settings = evaluationOf(challenge);
        if (settings.phases.length === 0) throw conflict('This challenge has no phases: award a bid instead');
        if (isLastPhase(settings)) throw conflict('This is the last phase: award a bid instead');
        const status = currentStatus(challenge, now());
        if (status !== 'closed') {
          throw conflict(`The phase "${settings.phases[settings.phase]!.name}" has not ended: advance once its deadline passes or you close it`, { status });
        }
        const bids = await tx.bids.where('challengeId', challengeId);
        const shortlisted = bids.filter((b) => b.status === 'shortlisted');
        const { shortlistSize } = settings.phases[settings.phase]!;
        if (shortlisted.length === 0) throw conflict('Shortlist the bids that go on first (POST /api/bids/{id}/shortlist)');
        if (shortlisted.length > shortlistSize) throw conflict(`This phase goes on with at most ${shortlistSize} bids; ${shortlisted.length} are shortlisted`, { shortlistSize });
        const next = settings.phase + 1;
        const deadline = newDeadline ? new Date(newDeadline).toISOString() : settings.phases[next]!.deadline;
        const problem = deadlineProblem(deadline, now());
        if (problem) throw invalid(problem === 'past' ? `The next phase's deadline has passed: send a new one as "deadline"` : 'The deadline must be within five years', { path: 'deadline' });
        const at = now().toISOString();
        const phases = settings.phases.map((p, i) => (i === next ? { ...p, deadline } : p));
        const advanced = await tx.challenges.update(challengeId, { phases, phase: next, deadline, status: 'open', closedAt: null, reminderSentAt: null, updatedAt: at });
        for (const bid of shortlisted) {
          await tx.bids.update(bid.id, { status: 'submitted', feedback: null, updatedAt: at });
          await notify(tx, clock, { accountId: bid.bidderId, kind: 'phase-advanced', challenge: advanced, bidId: bid.id, bidStatus: 'submitted' });
        }
        for (const bid of bids.filter((b) => b.status === 'submitted')) {
          await tx.bids.update(bid.id, { status: 'rejected', feedback: feedback || null, updatedAt: at });
          await notify(tx, clock, { accountId: bid.bidderId, kind: 'bid-status', challenge: advanced, bidId: bid.id, bidStatus: 'rejected' });
        }
        return advanced;
      });
      return toChallenge(store, row, actor, now());
    },
  };
}
