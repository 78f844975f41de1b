import type { Challenge } from '../../../shared/schemas/challenge.js';
import type { Criterion } from '../../../shared/schemas/rubric.js';
import type { ChallengeEvaluationFields, ChallengeRow } from '../../store/rows.js';

/** A challenge's evaluation settings, always complete. */
export type EvaluationSettings = Pick<Challenge, ChallengeEvaluationFields>;

/**
 * The evaluation settings of a stored challenge. Rows stored before evaluation existed have none: they read
 * as no rubric, open review revealed at the award, and no phases.
 */
export function evaluationOf(row: Pick<ChallengeRow, ChallengeEvaluationFields>): EvaluationSettings {
  return { rubric: row.rubric ?? [], blind: row.blind ?? false, revealAt: row.revealAt ?? 'award', phases: row.phases ?? [], phase: row.phase ?? 0 };
}

/** The rubric bids are scored on in `phase`: the phase's own, else the challenge's. */
export function rubricOf(settings: EvaluationSettings, phase = settings.phase): Criterion[] {
  return settings.phases[phase]?.rubric ?? settings.rubric;
}

/** True when `phase` is the challenge's last (always, without phases): only then may it be awarded. */
export function isLastPhase(settings: EvaluationSettings): boolean {
  return settings.phase >= settings.phases.length - 1;
}

/** The settings a challenge update may carry. */
export type SettingsPatch = Partial<Pick<EvaluationSettings, 'rubric' | 'blind' | 'revealAt' | 'phases'>> & { deadline?: string };

/**
 * Phases as stored: deadlines normalized to ISO UTC. With phases the challenge's `deadline` is always
 * the current phase's, so the lifecycle (closing, reminders, accepting bids) follows the phase.
 */
export function normalizePhases(phases: EvaluationSettings['phases']): EvaluationSettings['phases'] {
  return phases.map((p) => ({ ...p, deadline: new Date(p.deadline).toISOString() }));
}

/**
 * The evaluation part of a challenge update, checked against the stored row: phases change only on a
 * draft; rubric, blind and reveal moment are fixed once the first score exists (`scored`), since reviewers
 * judged on them; a new deadline of a phased challenge moves its current phase's deadline, which must stay
 * before the next phase's. Returns the fields to store, or throws a 409 naming the rule.
 */
export function settingsUpdate(current: Readonly<ChallengeRow>, patch: SettingsPatch, scored: boolean, conflict: (message: string) => Error): Partial<ChallengeRow> {
  const settings = evaluationOf(current);
  const out: Partial<ChallengeRow> = {};
  if (patch.phases !== undefined) {
    if (current.status !== 'draft') throw conflict('Phases can be changed only while the challenge is a draft');
    out.phases = normalizePhases(patch.phases);
    out.phase = 0;
    if (out.phases.length > 0) out.deadline = out.phases[0]!.deadline;
  }
  const fixed = (['rubric', 'blind', 'revealAt'] as const).filter((k) => patch[k] !== undefined && JSON.stringify(patch[k]) !== JSON.stringify(settings[k]));
  if (fixed.length > 0 && scored) throw conflict(`The ${fixed.join(', ')} of this challenge are fixed: reviewers have started scoring`);
  if (patch.rubric !== undefined) out.rubric = patch.rubric;
  if (patch.blind !== undefined) out.blind = patch.blind;
  if (patch.revealAt !== undefined) out.revealAt = patch.revealAt;
  const phases = out.phases ?? settings.phases;
  if (patch.deadline !== undefined && patch.phases === undefined && phases.length > 0) {
    const next = phases[settings.phase + 1];
    if (next && Date.parse(patch.deadline) >= Date.parse(next.deadline)) throw conflict(`The deadline must stay before the next phase ends (${next.deadline})`);
    out.phases = phases.map((p, i) => (i === settings.phase ? { ...p, deadline: patch.deadline! } : p));
  }
  return out;
}

/** True when an update changes only how bids are judged (rubric, blind, reveal moment), nothing bidders rely on. */
export function isSettingsOnly(patch: object): boolean {
  const keys = Object.keys(patch);
  return keys.length > 0 && keys.every((k) => k === 'rubric' || k === 'blind' || k === 'revealAt');
}
