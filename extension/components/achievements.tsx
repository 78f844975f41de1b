import { useState } from 'preact/hooks';
import { formatMoney } from '../../shared/format.js';
import type { Achievement } from '../../shared/schemas/achievement.js';
import { useExtension, usePagedList, useResource } from './context.js';
import { Empty, ErrorNotice, Loading, errorText } from './feedback.js';
import { MoreButton } from './more-button.js';

export interface AchievementsTabProps {
  /** Says what just happened after the Offer form closed: stored as a draft, or listed. */
  notice?: string | null;
}

/** How many enquiries to count per load: the API's largest page, enough for a researcher's own catalogue. */
const ENQUIRY_COUNT_PAGE = 100;

/**
 * The reader's achievements, drafts and listed alike: status, readiness, modes, price and how many
 * enquiries each has received. A draft can be listed; a listed one withdrawn, after the reader confirms.
 */
export function AchievementsTab({ notice = null }: AchievementsTabProps) {
  const { api, t, locale } = useExtension();
  const list = usePagedList((cursor) => api.myAchievements({ limit: 30, ...(cursor ? { cursor } : {}) }), []);
  // The owner's received enquiries hold what each achievement has drawn; the lists stay sealed to others.
  const counts = useResource(async () => {
    const page = await api.myEnquiries({ role: 'received', limit: ENQUIRY_COUNT_PAGE });
    const byAchievement = new Map<string, number>();
    for (const enquiry of page.items) byAchievement.set(enquiry.achievementId, (byAchievement.get(enquiry.achievementId) ?? 0) + 1);
    return byAchievement;
  }, []);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<{ id: string; error: unknown } | null>(null);

  const act = async (achievement: Achievement, action: (id: string) => Promise<Achievement>) => {
    setActionError(null);
    setBusy(achievement.id);
    try {
      const updated = await action(achievement.id);
      list.update((items) => items.map((item) => (item.id === updated.id ? updated : item)));
      setConfirming(null);
    } catch (error) {
      setActionError({ id: achievement.id, error });
    } finally {
      setBusy(null);
    }
  };

  if (list.status === 'loading' && list.items.length === 0) return <Loading />;
  if (list.status === 'error' && list.items.length === 0) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  return (
    <section aria-label={t.tabAchievements}>
      {notice && (
        <p class="notice ok" role="status">
          {notice}
        </p>
      )}
      {list.items.length === 0 ? (
        <Empty>{t.emptyAchievements}</Empty>
      ) : (
        list.items.map((achievement) => {
          const enquiries = counts.data?.get(achievement.id) ?? 0;
          return (
            <article key={achievement.id} class="card achievement" aria-label={achievement.title}>
              <header>
                <h3>{achievement.title}</h3>
                <span class={`status status-${achievement.status}`}>{t.achievementStatus[achievement.status]}</span>
              </header>
              <p class="muted">
                {[
                  `TRL ${achievement.trl}`,
                  achievement.modes.map((mode) => t.transferMode[mode]).join(', '),
                  achievement.askingPrice ? formatMoney(achievement.askingPrice, locale) : t.negotiable,
                ].join(' · ')}
              </p>
              <p class="summary">{achievement.summary}</p>
              {achievement.status !== 'draft' && <p class="enquiry-count">{t.enquiryCount(enquiries)}</p>}
              {actionError?.id === achievement.id && <p class="field-error">{errorText(actionError.error, t)}</p>}
              {achievement.status === 'draft' && (
                <footer class="actions">
                  <button type="button" class="primary" disabled={busy === achievement.id} onClick={() => act(achievement, api.publishAchievement)}>
                    {t.publish}
                  </button>
                </footer>
              )}
              {achievement.status === 'listed' &&
                (confirming === achievement.id ? (
                  <div class="confirm" role="alertdialog" aria-label={t.withdraw}>
                    <p>{t.confirmWithdrawAchievement}</p>
                    <div class="actions">
                      <button type="button" class="danger" disabled={busy === achievement.id} onClick={() => act(achievement, api.withdrawAchievement)}>
                        {t.withdraw}
                      </button>
                      <button type="button" class="secondary" onClick={() => setConfirming(null)}>
                        {t.keepListed}
                      </button>
                    </div>
                  </div>
                ) : (
                  <footer class="actions">
                    <button type="button" class="link danger" onClick={() => setConfirming(achievement.id)}>
                      {t.withdraw}
                    </button>
                  </footer>
                ))}
            </article>
          );
        })
      )}
      <MoreButton list={list} />
    </section>
  );
}
