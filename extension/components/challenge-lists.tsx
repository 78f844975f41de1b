import type { Challenge } from '../../shared/schemas/challenge.js';
import { ChallengeCard } from './challenge-card.js';
import { useExtension, usePagedList } from './context.js';
import { Empty, ErrorNotice, Loading } from './feedback.js';
import { MoreButton } from './more-button.js';

const PAGE_SIZE = 30;

/** Challenges ranked for the reader, each with why it matched (`GET /api/me/matches`). */
export function MatchesTab({ onPropose }: { onPropose: (challenge: Challenge) => void }) {
  const { api, t } = useExtension();
  const list = usePagedList((cursor) => api.matches({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }), []);
  if (list.status === 'loading' && list.items.length === 0) return <Loading />;
  if (list.status === 'error' && list.items.length === 0) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) return <Empty>{t.emptyMatches}</Empty>;
  return (
    <section aria-label={t.tabMatches}>
      {list.items.map((match) => (
        <ChallengeCard key={match.challenge.id} challenge={match.challenge} matchedTerms={match.matchedTerms} reasons={match.reasons} onPropose={onPropose} />
      ))}
      <MoreButton list={list} />
    </section>
  );
}

/** The challenges the reader saved, newest first; unsaving one takes it off the list. */
export function SavedTab({ onPropose }: { onPropose: (challenge: Challenge) => void }) {
  const { api, t } = useExtension();
  const list = usePagedList((cursor) => api.saved({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }), []);
  if (list.status === 'loading' && list.items.length === 0) return <Loading />;
  if (list.status === 'error' && list.items.length === 0) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) return <Empty>{t.emptySaved}</Empty>;
  const dropUnsaved = (challengeId: string, saved: boolean) => {
    if (!saved) list.update((items) => items.filter((item) => item.challenge.id !== challengeId));
  };
  return (
    <section aria-label={t.tabSaved}>
      {list.items.map(({ challenge }) => (
        <ChallengeCard
          key={challenge.id}
          challenge={{ ...challenge, viewer: { isOwner: false, bidId: null, ...challenge.viewer, saved: true } }}
          onPropose={onPropose}
          onSavedChange={dropUnsaved}
        />
      ))}
      <MoreButton list={list} />
    </section>
  );
}
