/** @jsxImportSource hono/jsx */
import { fieldLabel } from '../../shared/fields.js';
import { countdown, formatMoney } from '../../shared/format.js';
import type { PublicProfile } from '../../shared/schemas/account.js';
import type { Challenge, ChallengeStatus } from '../../shared/schemas/challenge.js';
import { contentLanguage, formatDateTime } from './format.js';
import type { BoardView } from './view.js';

/** Fields as chips; each links to the list filtered by it. */
export function FieldChips({ view, fields }: { view: BoardView; fields: readonly string[] }) {
  return (
    <ul class="chips">
      {fields.map((field) => (
        <li>
          <a class="chip" href={view.href('/', { field })}>
            {fieldLabel(field, view.locale)}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Time left, with the exact deadline for machines and for the tooltip. */
export function Countdown({ view, deadline }: { view: BoardView; deadline: string }) {
  const { text, urgent } = countdown(deadline, view.now, view.locale);
  return (
    <time datetime={deadline} title={formatDateTime(deadline, view.locale)} class={urgent ? 'urgent' : undefined}>
      {text}
    </time>
  );
}

/** The challenge's status as a coloured label. */
export function StatusBadge({ view, status }: { view: BoardView; status: ChallengeStatus }) {
  return <span class={`badge ${status}`}>{view.t.statuses[status]}</span>;
}

/** "Organization (name)", or whichever of the two is known. */
export function profileLine(profile: PublicProfile): string {
  if (profile.organization && profile.displayName) return `${profile.organization} (${profile.displayName})`;
  return profile.organization || profile.displayName;
}

/** A challenge in the list: title, enterprise, reward, countdown, fields and summary. */
export function ChallengeCard({ view, challenge }: { view: BoardView; challenge: Challenge }) {
  const { t } = view;
  return (
    <article class="card">
      <h3 lang={contentLanguage(challenge.title)}>
        <a href={view.href(`/challenges/${encodeURIComponent(challenge.id)}`)}>{challenge.title}</a>
      </h3>
      <p class="org">{challenge.owner.organization || challenge.owner.displayName}</p>
      <dl class="facts">
        <div>
          <dt>{t.card.reward}</dt>
          <dd>{formatMoney(challenge.reward, view.locale)}</dd>
        </div>
        <div>
          <dt>{t.card.deadline}</dt>
          <dd>
            <Countdown view={view} deadline={challenge.deadline} />
          </dd>
        </div>
      </dl>
      <FieldChips view={view} fields={challenge.fields} />
      <p class="summary" lang={contentLanguage(challenge.summary)}>
        {challenge.summary}
      </p>
    </article>
  );
}
