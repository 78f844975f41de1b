import { useEffect, useRef, useState } from 'preact/hooks';
import type { Achievement } from '../../shared/schemas/achievement.js';
import type { Bid } from '../../shared/schemas/bid.js';
import type { Challenge } from '../../shared/schemas/challenge.js';
import type { PaperRecord } from '../../shared/schemas/paper.js';
import type { ClipOutcome } from '../lib/clip.js';
import { sessionItem } from '../lib/session.js';
import { AchievementsTab } from './achievements.js';
import { AlertsPanel } from './alerts.js';
import { BidsTab, CitedPapers, ReceiptBox } from './bids.js';
import { MatchesTab, SavedTab } from './challenge-lists.js';
import { ClipStatus } from './clip-status.js';
import { useExtension, useStorageValue } from './context.js';
import { EnquiriesTab } from './enquiries.js';
import { Loading } from './feedback.js';
import { BellIcon, SidePanelIcon } from './icons.js';
import { PapersTab } from './papers.js';
import { ReviewsTab } from './reviews.js';
import { Tabs } from './tabs.js';
import { useAchievementForm, useProposeForm } from './lazy-forms.js';
import { useClipShortcut } from './use-clip-shortcut.js';

type TabId = 'matches' | 'saved' | 'bids' | 'reviews' | 'papers' | 'achievements' | 'enquiries';

export interface ExtensionAppProps {
  /**
   * Popup only: clips the active tab as the popup opens (the toolbar click granted `activeTab`); resolves
   * null when there is nothing to clip with (signed out).
   */
  clipOnOpen?: () => Promise<ClipOutcome | null>;
  /** Opens the side panel, where the browser has one and this is not it. */
  openSidePanel?: () => void;
  openSettings: () => void;
  /** Shows the unread count on the toolbar badge at once, rather than at the next refresh alarm. */
  paintUnread: (unread: number) => void;
}

/** What stands in for the tabs: the Propose form and its receipt. Alerts open below the tabs instead. */
type Overlay = { kind: 'propose'; challenge: Challenge } | { kind: 'receipt'; bid: Bid } | { kind: 'offer'; paper: PaperRecord } | null;

/**
 * The side panel and the popup: Matches, Saved, My bids and Papers, the Propose form opened from any
 * challenge, the receipt after a proposal, My achievements and Enquiries with the Offer form opened from a
 * clipped paper, and the alerts behind the bell (shown under the tabs, so choosing
 * a tab or Back or Escape leaves them, and the focus returns to the bell). Signed out, it says how to sign in.
 */
export function ExtensionApp({ clipOnOpen, openSidePanel, openSettings, paintUnread }: ExtensionAppProps) {
  const { api, t } = useExtension();
  const session = useStorageValue(sessionItem);
  const [tab, setTab] = useState<TabId>('matches');
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set());
  const [unread, setUnread] = useState<number | null>(null);
  const [clip, setClip] = useState<ClipOutcome | 'pending' | null>(clipOnOpen ? 'pending' : null);
  const [alertsOpen, setAlertsOpen] = useState(false);
  const [paperChanges, setPaperChanges] = useState(0);
  const bell = useRef<HTMLButtonElement>(null);
  const shortcut = useClipShortcut();
  const signedIn = Boolean(session.value);
  const ProposeForm = useProposeForm(overlay?.kind === 'propose');
  const AchievementForm = useAchievementForm(overlay?.kind === 'offer');
  const [achievementNotice, setAchievementNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!clipOnOpen) return;
    clipOnOpen().then(
      (outcome) => {
        setClip(outcome);
        // The paper just clipped is the one the reader most likely wants to cite next.
        if (outcome?.kind === 'saved' || outcome?.kind === 'duplicate') setChosen((ids) => new Set([...ids, outcome.paper.id]));
      },
      () => setClip({ kind: 'unavailable' }),
    );
  }, []);

  useEffect(() => {
    if (!signedIn) return;
    api.notifications({ unread: true, limit: 1 }).then(
      (page) => showUnread(page.unread),
      () => undefined,
    );
  }, [signedIn]);

  const showUnread = (count: number) => {
    setUnread(count);
    paintUnread(count);
  };

  if (!session.loaded) return null;

  const tabs: { id: TabId; label: string }[] = [
    { id: 'matches', label: t.tabMatches },
    { id: 'saved', label: t.tabSaved },
    { id: 'bids', label: t.tabBids },
    { id: 'reviews', label: t.tabReviews },
    { id: 'papers', label: t.tabPapers },
    { id: 'achievements', label: t.tabAchievements },
    { id: 'enquiries', label: t.tabEnquiries },
  ];
  const propose = (challenge: Challenge) => setOverlay({ kind: 'propose', challenge });
  const closeAlerts = () => {
    setAlertsOpen(false);
    bell.current?.focus();
  };
  const selectTab = (id: TabId) => {
    setAlertsOpen(false);
    setAchievementNotice(null);
    setTab(id);
  };
  const offered = (_achievement: Achievement, listed: boolean) => {
    setOverlay(null);
    setAchievementNotice(listed ? t.achievementListed : t.achievementSavedDraft);
    setTab('achievements');
  };

  return (
    <div class="app">
      <header class="app-header">
        <h1>{t.appName}</h1>
        {signedIn && (
          <button
            ref={bell}
            type="button"
            class={alertsOpen ? 'icon active' : 'icon'}
            aria-label={`${t.alerts}: ${t.unreadAlerts(unread ?? 0)}`}
            aria-expanded={alertsOpen}
            onClick={() => {
              setOverlay(null);
              setAlertsOpen(!alertsOpen);
            }}
          >
            <BellIcon />
            {unread ? <span class="count">{unread}</span> : null}
          </button>
        )}
        {openSidePanel && (
          <button type="button" class="icon" aria-label={t.openSidePanel} title={t.openSidePanel} onClick={openSidePanel}>
            <SidePanelIcon />
          </button>
        )}
        <button type="button" class="icon" aria-label={t.settings} title={t.settings} onClick={openSettings}>
          ⚙
        </button>
      </header>

      {clip && <ClipStatus outcome={clip} onDismiss={() => setClip(null)} onPaperChange={() => setPaperChanges((n) => n + 1)} />}

      {!signedIn ? (
        <section class="signed-out">
          <h2>{t.signedOutTitle}</h2>
          <p>{t.signedOutBody}</p>
          <button type="button" class="primary" onClick={openSettings}>
            {t.openSettings}
          </button>
        </section>
      ) : overlay?.kind === 'propose' ? (
        ProposeForm ? (
          <ProposeForm
            challenge={overlay.challenge}
            chosenPaperIds={chosen}
            onSubmitted={(bid) => setOverlay({ kind: 'receipt', bid })}
            onCancel={() => setOverlay(null)}
          />
        ) : (
          <Loading />
        )
      ) : overlay?.kind === 'offer' ? (
        AchievementForm ? <AchievementForm paper={overlay.paper} onSaved={offered} onCancel={() => setOverlay(null)} /> : <Loading />
      ) : overlay?.kind === 'receipt' ? (
        <section class="receipt-view">
          <h2>{t.proposalSent}</h2>
          <p>{overlay.bid.challengeTitle}</p>
          <CitedPapers bid={overlay.bid} />
          <ReceiptBox bid={overlay.bid} />
          <button
            type="button"
            class="primary"
            onClick={() => {
              setOverlay(null);
              setTab('bids');
            }}
          >
            {t.viewMyBids}
          </button>
        </section>
      ) : (
        <Tabs label={t.appName} tabs={tabs} selected={tab} onSelect={selectTab}>
          {alertsOpen ? (
            <AlertsPanel onUnreadChange={showUnread} onClose={closeAlerts} serverUrl={session.value!.serverUrl} />
          ) : (
            <>
              {tab === 'matches' && <MatchesTab onPropose={propose} />}
              {tab === 'saved' && <SavedTab onPropose={propose} />}
              {tab === 'bids' && <BidsTab />}
              {tab === 'reviews' && <ReviewsTab />}
              {tab === 'papers' && (
                <>
                  {!clipOnOpen && shortcut !== undefined && <p class="hint">{t.clipHint(shortcut)}</p>}
                  <PapersTab chosen={chosen} onChosenChange={setChosen} changes={paperChanges} onOffer={(paper) => setOverlay({ kind: 'offer', paper })} />
                </>
              )}
              {tab === 'achievements' && <AchievementsTab notice={achievementNotice} />}
              {tab === 'enquiries' && <EnquiriesTab />}
            </>
          )}
        </Tabs>
      )}
    </div>
  );
}
