import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BidsTab } from '../../extension/components/bids.js';
import { ExtensionApp } from '../../extension/components/extension-app.js';
import { ExtensionRoot } from '../../extension/components/mount.js';
import { OptionsPage } from '../../extension/components/options-page.js';
import { PapersTab } from '../../extension/components/papers.js';
import { ApiError, ServerUnreachableError } from '../../extension/lib/api.js';
import { localePreferenceItem, resolveLocale } from '../../extension/lib/locale.js';
import { authorsFromText, tagsFromText } from '../../extension/lib/paper-edit.js';
import { papersCacheItem } from '../../extension/lib/papers-cache.js';
import { sessionItem, signOut } from '../../extension/lib/session.js';
import { clipShortcut } from '../../extension/lib/shortcut.js';
import { errorText } from '../../extension/components/feedback.js';
import { messagesFor } from '../../extension/lib/i18n.js';
import type { Notification } from '../../shared/schemas/notification.js';
import { bidFixture, matchFixture, paperFixture, renderInExtension, stubApi } from '../support/extension-fixtures.js';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const SERVER = 'http://localhost:8787';

async function signIn(locale?: 'en' | 'zh') {
  await sessionItem.setValue({
    serverUrl: SERVER,
    token: 'tok',
    account: { id: 'acc_me', displayName: 'Lin Wei', organization: 'Lab', email: 'lin@example.org', ...(locale ? { locale } : {}) },
    signedInAt: '2026-10-01T00:00:00.000Z',
  });
}

/** The browser's answer to `commands.getAll()`: the clip command with `shortcut` ("" when unassigned). */
function assignShortcut(shortcut: string) {
  vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([{ name: 'clip-paper', shortcut, description: 'Clip' }] as never);
}

const noAlerts = () => ({ items: [], nextCursor: null, unread: 0 });

describe('the clip shortcut', () => {
  it('names the key the browser assigned, and says so when it assigned none', async () => {
    assignShortcut('Alt+Shift+K');
    expect(await clipShortcut(fakeBrowser.commands)).toBe('Alt+Shift+K');
    renderInExtension(<OptionsPage />);
    expect(await screen.findByText('Clip shortcut: Alt+Shift+K (change it in your browser’s extension shortcuts).')).toBeTruthy();
    cleanup();

    assignShortcut('');
    expect(await clipShortcut(fakeBrowser.commands)).toBeNull();
    await signIn();
    renderInExtension(<ExtensionApp openSettings={() => undefined} paintUnread={() => undefined} />, {
      api: stubApi({ notifications: noAlerts, papers: () => ({ items: [], nextCursor: null }), matches: () => ({ items: [], nextCursor: null }) }),
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Papers' }));
    expect(await screen.findByText(messagesFor('en').clipHint(null))).toBeTruthy();
    expect(screen.queryByText(/Alt\+Shift/)).toBeNull();
  });
});

describe('correcting a clip', () => {
  it('reads authors and tags as typed, keeping an unchanged author as extracted', () => {
    const previous = [{ given: '伟', family: '欧阳', latin: { given: 'Wei', family: 'Ouyang' } }];
    expect(authorsFromText('欧阳伟\nLi, Na\nAdaeze Okafor\n张三', previous)).toEqual([
      previous[0],
      { family: 'Li', given: 'Na' },
      { given: 'Adaeze', family: 'Okafor' },
      { family: '张', given: '三' },
    ]);
    expect(tagsFromText('ALD, perovskite，to cite\nALD')).toEqual(['ALD', 'perovskite', 'to cite']);
  });

  it('in the popup: edits the clip just saved, then Undo removes it', async () => {
    await signIn();
    const clipped = paperFixture({ id: 'pap_new', title: 'eLife paper', venue: 'eLife Sciences Publications Limited', year: null });
    const updatePaper = vi.fn((_id: string, patch: object) => ({ ...clipped, ...patch }));
    const api = stubApi({ notifications: noAlerts, matches: () => ({ items: [], nextCursor: null }), updatePaper, deletePaper: () => ({ deleted: true }) });
    renderInExtension(<ExtensionApp clipOnOpen={async () => ({ kind: 'saved', paper: clipped })} openSettings={() => undefined} paintUnread={() => undefined} />, { api });

    const status = await screen.findByRole('status');
    fireEvent.click(await within(status).findByRole('button', { name: 'Edit' }));
    const form = within(status).getByRole('form', { name: 'Correct this clip' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Title'));
    fireEvent.input(within(form).getByLabelText('Venue'), { target: { value: 'eLife' } });
    fireEvent.input(within(form).getByLabelText('Year'), { target: { value: '2021' } });
    fireEvent.input(within(form).getByLabelText('Note'), { target: { value: 'Figure 3' } });
    fireEvent.input(within(form).getByLabelText('Tags'), { target: { value: 'imaging, to cite' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    await within(status).findByText('eLife · 2021 · doi:10.1234/pvk.1');
    expect(updatePaper).toHaveBeenCalledWith('pap_new', {
      title: 'eLife paper',
      authors: [{ given: 'Wei', family: 'Zhang' }],
      year: 2021,
      venue: 'eLife',
      note: 'Figure 3',
      tags: ['imaging', 'to cite'],
    });

    fireEvent.click(within(status).getByRole('button', { name: 'Undo' }));
    await within(status).findByText('Removed from your papers');
    expect(api.deletePaper).toHaveBeenCalledWith('pap_new');
  });

  it('in Papers: corrects a paper later, and shows its note and tags', async () => {
    await signIn();
    const paper = paperFixture({ id: 'pap_1', title: 'Teaser title' });
    const api = stubApi({
      papers: () => ({ items: [paper], nextCursor: null }),
      updatePaper: (_id, patch) => ({ ...paper, ...patch }),
    });
    renderInExtension(<PapersTab chosen={new Set()} onChosenChange={() => undefined} />, { api });
    const card = await screen.findByRole('article', { name: 'Teaser title' });
    fireEvent.click(within(card).getByRole('button', { name: 'Edit' }));
    fireEvent.input(within(card).getByLabelText('Title'), { target: { value: '' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save changes' }));
    expect(await within(card).findByText('Required')).toBeTruthy();
    expect(api.updatePaper).not.toHaveBeenCalled();

    fireEvent.input(within(card).getByLabelText('Title'), { target: { value: 'The full title' } });
    fireEvent.input(within(card).getByLabelText('Note'), { target: { value: 'Read section 4' } });
    fireEvent.input(within(card).getByLabelText('Tags'), { target: { value: 'ALD' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save changes' }));
    const corrected = await screen.findByRole('article', { name: 'The full title' });
    expect(within(corrected).getByText('Read section 4')).toBeTruthy();
    expect(within(within(corrected).getByRole('list', { name: 'Tags' })).getByText('ALD')).toBeTruthy();
  });
});

describe('offline', () => {
  it('lists the papers last loaded on this device when the server cannot be reached', async () => {
    await signIn();
    let offline = false;
    const api = stubApi({
      papers: () => {
        if (offline) throw new ServerUnreachableError(SERVER);
        return { items: [paperFixture({ id: 'pap_1', title: 'Kept for offline' })], nextCursor: null };
      },
    });
    renderInExtension(<PapersTab chosen={new Set()} onChosenChange={() => undefined} />, { api });
    await screen.findByRole('article', { name: 'Kept for offline' });
    await vi.waitFor(async () => expect((await papersCacheItem.getValue())?.items).toHaveLength(1));
    cleanup();

    offline = true;
    renderInExtension(<PapersTab chosen={new Set()} onChosenChange={() => undefined} />, { api });
    expect(await screen.findByText('Offline: these are the papers as last loaded on this device.')).toBeTruthy();
    const card = screen.getByRole('article', { name: 'Kept for offline' });
    expect(within(card).queryByRole('button', { name: 'Edit' })).toBeNull();
    cleanup();

    // Another account on this device sees none of them.
    await sessionItem.setValue({ ...(await sessionItem.getValue())!, account: { id: 'acc_other', displayName: 'X', organization: '', email: null } });
    renderInExtension(<PapersTab chosen={new Set()} onChosenChange={() => undefined} />, { api });
    expect(await screen.findByText(`Cannot reach the Tenderlab server at ${SERVER}.`)).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();

    // Signing out takes the offline copy away with the session.
    await signOut(stubApi({ logout: () => ({ revoked: true }) }));
    expect(await papersCacheItem.getValue()).toBeNull();
  });
});

describe('tabs, alerts and bids', () => {
  function notification(): Notification {
    return {
      id: 'ntf_1', accountId: 'acc_me', kind: 'match', challengeId: 'chl_perovskite', challengeTitle: 'Stabilise perovskite modules under damp heat',
      bidId: null, questionId: null, bidStatus: null, read: false, createdAt: '2026-10-22T10:00:00.000Z', deliveries: {},
    } as Notification;
  }
  const appApi = () =>
    stubApi({
      notifications: (query) => ({ items: query?.unread ? [] : [notification()], nextCursor: null, unread: 1 }),
      markRead: () => ({ updated: 1, unread: 0 }),
      matches: () => ({ items: [matchFixture(['perovskite'])], nextCursor: null }),
      saved: () => ({ items: [], nextCursor: null }),
      myBids: () => ({ items: [], nextCursor: null }),
      papers: () => ({ items: [], nextCursor: null }),
    });

  it('follow the WAI-ARIA tabs pattern: one tab stop, arrows, Home and End, and panels they control', async () => {
    await signIn();
    renderInExtension(<ExtensionApp openSettings={() => undefined} paintUnread={() => undefined} />, { api: appApi() });
    const tabs = await screen.findAllByRole('tab');
    const last = tabs[tabs.length - 1]!;
    const oneTabStop = tabs.map((_tab, index) => (index === 0 ? '0' : '-1'));
    expect(tabs.map((tab) => tab.getAttribute('tabindex'))).toEqual(oneTabStop);
    for (const tab of tabs) expect(document.getElementById(tab.getAttribute('aria-controls')!)?.getAttribute('role')).toBe('tabpanel');

    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[1]);
    fireEvent.keyDown(tabs[1]!, { key: 'End' });
    expect(document.activeElement).toBe(last);
    fireEvent.keyDown(last, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tabs[0]);
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowLeft' });
    expect(last.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(last, { key: 'Home' });
    expect(tabs.map((tab) => tab.getAttribute('tabindex'))).toEqual(oneTabStop);
    const panel = document.getElementById(tabs[0]!.getAttribute('aria-controls')!)!;
    expect(panel.hidden).toBe(false);
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs[0]!.id);
  });

  it('open alerts under the tabs, link each to its challenge, and close with Back or Escape', async () => {
    await signIn();
    renderInExtension(<ExtensionApp openSettings={() => undefined} paintUnread={() => undefined} />, { api: appApi() });
    const bell = await screen.findByRole('button', { name: 'Alerts: 1 unread alert' });
    fireEvent.click(bell);
    const heading = await screen.findByRole('heading', { name: 'Alerts' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(expect.arrayContaining(['Matches', 'Saved', 'My bids', 'Papers']));
    const link = await screen.findByRole('link', { name: 'Stabilise perovskite modules under damp heat' });
    expect(link.getAttribute('href')).toBe(`${SERVER}/challenges/chl_perovskite`);

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('heading', { name: 'Alerts' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Alerts: / }));

    fireEvent.click(screen.getByRole('button', { name: /^Alerts: / }));
    fireEvent.click(await screen.findByRole('button', { name: '← Back' }));
    expect(screen.queryByRole('heading', { name: 'Alerts' })).toBeNull();
    expect(await screen.findByRole('article', { name: 'Stabilise perovskite modules under damp heat' })).toBeTruthy();
  });

  it('list the papers a bid cites', async () => {
    const bid = bidFixture({ status: 'submitted' });
    bid.references = [{ paperId: 'pap_1', title: 'Cited paper', authors: [{ given: 'Wei', family: 'Zhang' }], doi: '10.1/c', arxivId: null, year: 2024, venue: 'Joule', url: 'https://x.example/c' }];
    renderInExtension(<BidsTab />, { api: stubApi({ myBids: () => ({ items: [bid], nextCursor: null }) }) });
    expect(await screen.findByText('Cited papers')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Cited paper' }).getAttribute('href')).toBe('https://x.example/c');
    expect(screen.getByText('Zhang · Joule · 2024 · doi:10.1/c', { exact: false })).toBeTruthy();
  });
});

describe('language', () => {
  it('follows the options, else the account, else the browser', () => {
    expect(resolveLocale('auto', 'zh', 'en')).toBe('zh');
    expect(resolveLocale('auto', undefined, 'en')).toBe('en');
    expect(resolveLocale('en', 'zh', 'zh')).toBe('en');
    expect(resolveLocale('zh', 'en', 'en')).toBe('zh');
  });

  it('speaks the account’s language in an English browser, reads it again from the server, and switches from the options', async () => {
    await signIn();
    const api = stubApi({ me: () => ({ locale: 'zh' }), notifications: noAlerts, matches: () => ({ items: [], nextCursor: null }) });
    render(
      <ExtensionRoot api={api}>
        <ExtensionApp openSettings={() => undefined} paintUnread={() => undefined} />
        <OptionsPage />
      </ExtensionRoot>,
    );
    // GET /api/me says zh: Lin Wei's account is Chinese, whatever the browser.
    expect(await screen.findByRole('tab', { name: '匹配' })).toBeTruthy();
    expect((await sessionItem.getValue())?.account.locale).toBe('zh');
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));

    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('tab', { name: 'Matches' })).toBeTruthy();
    expect(await localePreferenceItem.getValue()).toBe('en');
    fireEvent.click(screen.getByRole('radio', { name: 'As my Tenderlab account (or the browser)' }));
    expect(await screen.findByRole('tab', { name: '匹配' })).toBeTruthy();
  });

  it('words the not-a-Tenderlab-server error in both languages', () => {
    const error = new ApiError(404, 'unexpected_answer', 'x', undefined, 'https://example.org');
    expect(errorText(error, messagesFor('en'))).toBe('https://example.org is not a Tenderlab server (it did not answer with Tenderlab’s API). Check the server URL in the settings.');
    expect(errorText(error, messagesFor('zh'))).toBe('https://example.org 不是 Tenderlab 服务器（它的回答不是 Tenderlab 的 API）。请在设置中检查服务器地址。');
  });
});
