/** @jsxImportSource hono/jsx */
import type { Challenge } from '../../shared/schemas/challenge.js';
import { SCORE_SCALE } from '../../shared/schemas/rubric.js';
import { contentLanguage, formatDateTime } from './format.js';
import type { BoardView } from './view.js';

/**
 * How a challenge's bids are judged, for everyone before they bid: the current rubric's criteria and
 * weights, the scale, whether the review is blind, and the phases with their deadlines and shortlists.
 * Nothing about reviewers or scores: those are the owner's alone. Renders nothing without a rubric or phases.
 */
export function EvaluationPanel({ view, challenge }: { view: BoardView; challenge: Challenge }) {
  const t = view.t.evaluation;
  const rubric = challenge.phases[challenge.phase]?.rubric ?? challenge.rubric;
  if (rubric.length === 0 && challenge.phases.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="evaluation">
      <h2 id="evaluation">{t.title}</h2>
      {rubric.length > 0 && (
        <>
          <table class="rubric">
            <thead>
              <tr>
                <th scope="col">{t.criterion}</th>
                <th scope="col">{t.weight}</th>
              </tr>
            </thead>
            <tbody>
              {rubric.map((c) => (
                <tr>
                  <td lang={contentLanguage(c.name)}>
                    <strong>{c.name}</strong>
                    {c.description && <div class="muted prose">{c.description}</div>}
                  </td>
                  <td>{c.weight}%</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted">{t.scale(SCORE_SCALE.min, SCORE_SCALE.max)}</p>
        </>
      )}
      {challenge.blind && <p>{t.blind}</p>}
      {challenge.phases.length > 0 && (
        <>
          <h3>{t.phases}</h3>
          <ol>
            {challenge.phases.map((p, i) => (
              <li aria-current={i === challenge.phase ? 'step' : undefined}>
                <span lang={contentLanguage(p.name)}>{t.phaseLine(p.name, p.shortlistSize)}</span> ·{' '}
                <time datetime={p.deadline}>{formatDateTime(p.deadline, view.locale)}</time>
                {p.rubric && ` · ${t.ownRubric}`}
                {i === challenge.phase && <strong> ({t.current})</strong>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
