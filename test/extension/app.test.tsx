import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ExtensionApp } from '../../extension/components/extension-app.js';
import { clipQueueItem } from '../../extension/lib/clip-queue.js';
import { sessionItem } from '../../extension/lib/session.js';
import type { Notification } from '../../shared/schemas/notification.js';
import { bidFixture, matchFixture, paperFixture, renderInExtension, stubApi } from '../support/extension-fixtures.js';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

async function signIn() {
  await sessionItem.setValue({
    serverUrl: 'http://localhost:8787',
    token: 'tok',
    account: { id: 'acc_me', displayName: 'Wei Zhang', organization: 'Lab', email: 'wei@example.org' },
    signedInAt: '2026-10-01T00:00:00.000Z',
  });
}

function notification(id: string, read: boolean): Notification {
  return {
    id,
    accountId: 'acc_me',
    kind: 'bid-status',
    challengeId: 'chl_perovskite',
    challengeTitle: 'Stabilise perovskite modules under damp heat',
    bidId: 'bid_1',
    questionId: null,
    bidStatus: 'shortlisted',
    read,
    createdAt: '2026-10-22T10:00:00.000Z',
    deliveries: {},
  };
}

const papers = [paperFixture({ id: 'pap_a', title: 'Paper A' }), paperFixture({ id: 'pap_b', title: 'Paper B', doi: '10.1/b' })];

function appApi(overrides: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    notifications: () => ({ items: [], nextCursor: null, unread: 0 }),
    matches: () => ({ items: [matchFixture(['perovskite'])], nextCursor: null }),
    papers: () => ({ items: papers, nextCursor: null }),
    ...overrides,
  });
}

describe('side panel and popup', () => {
  it('asks a signed-out reader to sign in, through the settings', async () => {
    const openSettings = vi.fn();
    renderInExtension(<ExtensionApp openSettings={openSettings} paintUnread={() => undefined} />, { api: appApi() });
    fireEvent.click(await screen.findByRole('button', { name: 'Open settings' }));
    expect(openSettings).toHaveBeenCalled();
    expect(screen.queryByRole('tab')).toBeNull();
  });

  it('proposes from a match with the papers ticked “Cite” as references, then shows the receipt', async () => {
    await signIn();
    const bid = bidFixture({ status: 'submitted' });
    const api = appApi({ propose: () => bid, myBids: () => ({ items: [bid], nextCursor: null }) });
    renderInExtension(<ExtensionApp openSettings={() => undefined} paintUnread={() => undefined} />, { api });

    fireEvent.click(await screen.findByRole('tab', { name: 'Papers' }));
    fireEvent.click(within(await screen.findByRole('article', { name: 'Paper B' })).getByLabelText('Cite'));
    fireEvent.click(screen.getByRole('tab', { name: 'Matches' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Propose' }));

    const form = await screen.findByRole('form', { name: 'Propose' });
    expect(((await within(form).findByRole('checkbox', { name: /Paper B/ })) as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByRole('checkbox', { name: /Paper A/ }) as HTMLInputElement).checked).toBe(false);
    fireEvent.input(within(form).getByLabelText('Summary'), { target: { value: 'ALD encapsulation of modules' } });
    fireEvent.input(within(form).getByLabelText('Approach'), { target: { value: 'Spatial ALD nanolaminates, IEC damp heat.' } });
    fireEvent.input(within(form).getByLabelText('Price'), { target: { value: '300000' } });
    fireEvent.input(within(form).getByLabelText('Duration (weeks)'), { target: { value: '24' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Submit proposal' }));

    expect(await screen.findByText('Proposal received')).toBeTruthy();
    expect(screen.getByText(bid.receipt.sha256)).toBeTruthy();
    expect(api.propose).toHaveBeenCalledWith('chl_perovskite', expect.objectContaining({ paperIds: ['pap_b'] }));

    fireEvent.click(screen.getByRole('button', { name: 'See my bids' }));
    expect((await screen.findByRole('tab', { name: 'My bids' })).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText('Submitted')).toBeTruthy();
  });

  it('shows the unread count, marks alerts read as they are shown, and repaints the badge', async () => {
    await signIn();
    const paintUnread = vi.fn();
    const api = appApi({
      notifications: (query) =>
        query?.unread
          ? { items: [notification('ntf_1', false)], nextCursor: null, unread: 2 }
          : { items: [notification('ntf_1', false), notification('ntf_2', false), notification('ntf_3', true)], nextCursor: null, unread: 2 },
      markRead: () => ({ updated: 2, unread: 0 }),
    });
    renderInExtension(<ExtensionApp openSettings={() => undefined} paintUnread={paintUnread} />, { api });

    const bell = await screen.findByRole('button', { name: 'Alerts: 2 unread alerts' });
    expect(paintUnread).toHaveBeenLastCalledWith(2);
    fireEvent.click(bell);
    expect(await screen.findAllByText('Your bid changed status: Shortlisted')).toHaveLength(3);
    await vi.waitFor(() => expect(paintUnread).toHaveBeenLastCalledWith(0));
    expect(api.markRead).toHaveBeenCalledWith({ ids: ['ntf_1', 'ntf_2'] });
    expect(screen.getByRole('button', { name: 'Alerts: 0 unread alerts' })).toBeTruthy();
  });

  it('in the popup, clips the page as it opens, shows what was saved, and chooses it for the next proposal', async () => {
    await signIn();
    const clipped = paperFixture({ id: 'pap_b', title: 'Paper B', quote: 'the selected sentence' });
    const clipOnOpen = vi.fn(async () => ({ kind: 'saved' as const, paper: clipped }));
    renderInExtension(<ExtensionApp clipOnOpen={clipOnOpen} openSettings={() => undefined} paintUnread={() => undefined} />, { api: appApi() });

    const status = await screen.findByRole('status');
    await within(status).findByText('Clipped to your papers');
    expect(within(status).getByText('Paper B')).toBeTruthy();
    expect(within(status).getByText('the selected sentence')).toBeTruthy();

    fireEvent.click(await screen.findByRole('button', { name: 'Propose' }));
    const form = await screen.findByRole('form', { name: 'Propose' });
    expect((await within(form).findByRole('checkbox', { name: /Paper B/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('lists clips still waiting in the offline queue above the papers', async () => {
    await signIn();
    await clipQueueItem.setValue([
      { id: 'q1', paper: { url: 'https://x.example/p', title: 'Queued paper' }, queuedAt: '2026-10-22T10:00:00.000Z', attempts: 2, lastError: 'offline' },
    ]);
    renderInExtension(<ExtensionApp openSettings={() => undefined} paintUnread={() => undefined} />, { api: appApi() });
    fireEvent.click(await screen.findByRole('tab', { name: 'Papers' }));
    expect(await screen.findByText('1 clip waiting for the server')).toBeTruthy();
    expect(screen.getByText('Queued paper')).toBeTruthy();
    expect(await screen.findByRole('article', { name: 'Paper A' })).toBeTruthy();
  });
});
