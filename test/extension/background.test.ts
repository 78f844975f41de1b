// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Paper } from '../../shared/schemas/paper.js';
import { createApiClient } from '../../extension/lib/api.js';
import { CLIP_MENU_ID, CLIPPER_SCRIPT, startBackground } from '../../extension/lib/background.js';
import { CLIP_COMMAND } from '../../extension/lib/shortcut.js';
import { REFRESH_BADGE_ALARM } from '../../extension/lib/badge.js';
import { clipQueueItem, RETRY_CLIPS_ALARM } from '../../extension/lib/clip-queue.js';
import { lastClipItem } from '../../extension/lib/clip.js';
import { localePreferenceItem } from '../../extension/lib/locale.js';
import { createExtensionApi, serverUrlItem, sessionItem } from '../../extension/lib/session.js';
import { extensionTestBrowser } from '../support/extension-browser.js';
import { extensionTestServer, TEST_SERVER_URL, type ExtensionTestServer } from '../support/extension-server.js';

const PAPER: Paper = {
  url: 'https://journals.example.org/article/10.1234/pvk.2024.001',
  title: 'Stable perovskite solar cells via interface passivation',
  authors: [
    { given: 'Wei', family: 'Zhang' },
    { given: 'Anna', family: 'Müller' },
  ],
  doi: '10.1234/pvk.2024.001',
  arxivId: null,
  year: 2024,
  venue: 'Journal of Example Energy',
  abstract: 'We passivate the interface.',
  pdfUrl: 'https://journals.example.org/article/10.1234/pvk.2024.001.pdf',
  quote: null,
  note: null,
};
const TAB_ID = 7;

let server: ExtensionTestServer;
let fake: ReturnType<typeof extensionTestBrowser>;
let researcher: { token: string; accountId: string };

async function signedInBackground() {
  researcher = await server.register('researcher@example.org');
  await serverUrlItem.setValue(TEST_SERVER_URL);
  await sessionItem.setValue({
    serverUrl: TEST_SERVER_URL,
    token: researcher.token,
    account: { id: researcher.accountId, displayName: 'researcher', organization: 'Test Lab', email: 'researcher@example.org' },
    signedInAt: new Date().toISOString(),
  });
  return startBackground({ browser: fake.browser, api: createExtensionApi(server.fetch), locale: 'en' });
}

const fireAlarm = (name: string) => fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: Date.now(), persistAcrossSessions: true });

async function libraryTitles(): Promise<string[]> {
  const { body } = await server.runtime.call('GET', '/api/me/papers', { token: researcher.token });
  return body.items.map((paper: Paper) => paper.title);
}

beforeEach(async () => {
  fakeBrowser.reset();
  server = await extensionTestServer();
  fake = extensionTestBrowser();
});

describe('install', () => {
  it('adds "Clip paper to Tenderlab" to the context menu of pages and selections and schedules the badge', async () => {
    await signedInBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(fake.contextMenus.create).toHaveBeenCalledWith({ id: CLIP_MENU_ID, title: 'Clip paper to Tenderlab', contexts: ['page', 'selection'] });
    expect(await fakeBrowser.alarms.get(REFRESH_BADGE_ALARM)).toMatchObject({ periodInMinutes: 1 });
  });

  it('speaks the account’s language in an English browser, and the options’ choice over both', async () => {
    const background = await signedInBackground();
    const session = (await sessionItem.getValue())!;
    await sessionItem.setValue({ ...session, account: { ...session.account, locale: 'zh' } });
    await expect.poll(() => fake.contextMenus.create.mock.calls.at(-1)?.[0].title).toBe('剪藏论文到 Tenderlab');
    fake.page.extraction = { url: PAPER.url, paper: PAPER, selection: '' };
    await background.clipTab(TAB_ID, { showInPage: true });
    expect(fake.sentToTabs.at(-1)?.message.view.heading).toBe('已剪藏到你的论文');

    await localePreferenceItem.setValue('en');
    await expect.poll(() => fake.contextMenus.create.mock.calls.at(-1)?.[0].title).toBe('Clip paper to Tenderlab');
    await background.clipTab(TAB_ID, { showInPage: true });
    expect(fake.sentToTabs.at(-1)?.message.view.heading).toBe('Already in your papers');
  });
});

describe('clip', () => {
  it('injects the clipper into the clicked tab, saves the paper with the selection as its quote, and shows the card', async () => {
    await signedInBackground();
    fake.page.extraction = { url: PAPER.url, paper: PAPER, selection: 'a 23.1% efficient cell' };

    await fake.contextMenus.onClicked.trigger({ menuItemId: CLIP_MENU_ID, selectionText: 'a 23.1% efficient cell' }, { id: TAB_ID });
    await expect.poll(() => lastClipItem.getValue()).not.toBeNull();

    expect(fake.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: TAB_ID }, files: [CLIPPER_SCRIPT] });
    expect(server.requests).toContainEqual({ method: 'POST', path: '/api/me/papers' });
    const { body } = await server.runtime.call('GET', '/api/me/papers', { token: researcher.token });
    expect(body.items).toEqual([expect.objectContaining({ title: PAPER.title, doi: PAPER.doi, quote: 'a 23.1% efficient cell', authors: PAPER.authors })]);
    expect(fake.sentToTabs).toEqual([
      {
        tabId: TAB_ID,
        message: {
          type: 'show-clip-card',
          view: expect.objectContaining({ tone: 'ok', heading: 'Clipped to your papers', paper: expect.objectContaining({ title: PAPER.title, authors: 'Zhang, Müller' }) }),
        },
      },
    ]);
  });

  it('reports a paper already in the library as a duplicate (409) and saves nothing twice', async () => {
    const background = await signedInBackground();
    fake.page.extraction = { url: PAPER.url, paper: PAPER, selection: '' };
    expect((await background.clipTab(TAB_ID, { showInPage: true })).kind).toBe('saved');

    // The same paper seen under another URL: the server dedupes by DOI.
    fake.page.extraction = { url: 'https://mirror.example.net/pvk', paper: { ...PAPER, url: 'https://mirror.example.net/pvk' }, selection: '' };
    const outcome = await background.clipTab(TAB_ID, { showInPage: true });

    expect(outcome).toMatchObject({ kind: 'duplicate', paper: { title: PAPER.title, url: PAPER.url } });
    expect(fake.sentToTabs.at(-1)?.message.view).toMatchObject({ tone: 'warn', heading: 'Already in your papers' });
    expect(await libraryTitles()).toEqual([PAPER.title]);
  });

  it('runs the same flow for the keyboard shortcut and for the popup’s request', async () => {
    await signedInBackground();
    fake.page.extraction = { url: PAPER.url, paper: PAPER, selection: '' };
    await fake.commands.onCommand.trigger(CLIP_COMMAND, { id: TAB_ID });
    expect(await libraryTitles()).toEqual([PAPER.title]);

    const second = { ...PAPER, doi: '10.1234/pvk.2024.002', url: 'https://journals.example.org/b', title: 'Second paper' };
    fake.page.extraction = { url: second.url, paper: second, selection: '' };
    const reply = await fakeBrowser.runtime.sendMessage({ type: 'clip-tab', tabId: TAB_ID, showInPage: false });
    expect(reply).toMatchObject({ ok: true, value: { kind: 'saved', paper: { title: 'Second paper' } } });
    expect(fake.sentToTabs).toHaveLength(1); // the popup shows the result itself
  });

  it('says so when the page is not a paper or cannot be scripted, and posts nothing', async () => {
    const background = await signedInBackground();
    fake.page.extraction = { url: 'https://news.example.com/', paper: null, selection: '' };
    expect(await background.clipTab(TAB_ID, { showInPage: true })).toEqual({ kind: 'not-a-paper', url: 'https://news.example.com/' });
    fake.page.extraction = new Error('Cannot access contents of the page');
    expect(await background.clipTab(TAB_ID, { showInPage: true })).toEqual({ kind: 'unavailable' });
    expect(server.requests.filter((r) => r.path === '/api/me/papers')).toEqual([]);
  });

  it('asks to sign in rather than clipping while signed out', async () => {
    const background = startBackground({ browser: fake.browser, api: createExtensionApi(server.fetch), locale: 'zh' });
    fake.page.extraction = { url: PAPER.url, paper: PAPER, selection: '' };
    expect(await background.clipTab(TAB_ID, { showInPage: true })).toMatchObject({ kind: 'signed-out' });
    expect(fake.sentToTabs[0]?.message.view.heading).toBe('登录后才能剪藏论文');
    expect(server.requests).toEqual([]);
  });
});

describe('offline queue', () => {
  it('keeps a clip that cannot reach the server and sends it when the retry alarm finds the server back', async () => {
    const background = await signedInBackground();
    fake.page.extraction = { url: PAPER.url, paper: PAPER, selection: 'quoted while offline' };
    server.offline = true;

    expect(await background.clipTab(TAB_ID, { showInPage: true })).toMatchObject({ kind: 'queued' });
    expect(fake.sentToTabs[0]?.message.view).toMatchObject({ tone: 'warn', heading: 'Server unreachable: kept on this device' });
    expect(await clipQueueItem.getValue()).toHaveLength(1);
    expect(await fakeBrowser.alarms.get(RETRY_CLIPS_ALARM)).toBeDefined();

    // Still offline: the retry keeps the clip and counts the attempt.
    await fireAlarm(RETRY_CLIPS_ALARM);
    expect(await clipQueueItem.getValue()).toMatchObject([{ attempts: 1, lastError: expect.stringContaining('Cannot reach') }]);

    server.offline = false;
    await fireAlarm(RETRY_CLIPS_ALARM);
    expect(await clipQueueItem.getValue()).toEqual([]);
    expect(await fakeBrowser.alarms.get(RETRY_CLIPS_ALARM)).toBeUndefined();
    const { body } = await server.runtime.call('GET', '/api/me/papers', { token: researcher.token });
    expect(body.items).toEqual([expect.objectContaining({ title: PAPER.title, quote: 'quoted while offline' })]);
  });

  it('queues a paper once however often it is clipped offline, and a queued duplicate resolves without error', async () => {
    const background = await signedInBackground();
    fake.page.extraction = { url: PAPER.url, paper: PAPER, selection: '' };
    await background.clipTab(TAB_ID, { showInPage: false });
    server.offline = true;
    await background.clipTab(TAB_ID, { showInPage: false });
    await background.clipTab(TAB_ID, { showInPage: false });
    expect(await clipQueueItem.getValue()).toHaveLength(1);

    server.offline = false;
    const reply = await fakeBrowser.runtime.sendMessage({ type: 'flush-clips' });
    expect(reply).toMatchObject({ ok: true, value: { saved: [], duplicates: [{ title: PAPER.title }], remaining: 0 } });
    expect(await libraryTitles()).toEqual([PAPER.title]);
  });
});

describe('badge', () => {
  it('shows the unread count on each refresh alarm, and clears it once they are read or the user signs out', async () => {
    await signedInBackground();
    const enterpriseOwner = researcher; // the signed-in user also posts challenges
    await server.runtime.call('PATCH', '/api/me', { token: enterpriseOwner.token, body: { roles: ['enterprise', 'researcher'] } });
    const created = await server.runtime.call('POST', '/api/challenges', {
      token: enterpriseOwner.token,
      body: {
        title: 'Perovskite module stability',
        summary: 'Keep perovskite modules stable for 1000 hours under damp heat.',
        fields: ['energy'],
        reward: { amount: 200000, currency: 'CNY' },
        deadline: '2026-12-31T00:00:00.000Z',
      },
    });
    await server.runtime.call('POST', `/api/challenges/${created.body.id}/publish`, { token: enterpriseOwner.token });
    const bidder = await server.register('bidder@example.org');
    const bid = await server.runtime.call('POST', `/api/challenges/${created.body.id}/bids`, {
      token: bidder.token,
      body: { summary: 'Encapsulation with ALD layers', approach: 'Atomic layer deposition of alumina barriers.', price: { amount: 150000 }, durationWeeks: 20 },
    });
    expect(bid.status).toBe(201);

    await fireAlarm(REFRESH_BADGE_ALARM);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');

    await server.runtime.call('POST', '/api/me/notifications/read', { token: enterpriseOwner.token, body: { all: true } });
    await fireAlarm(REFRESH_BADGE_ALARM);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');

    await fakeBrowser.action.setBadgeText({ text: '4' });
    await sessionItem.setValue(null);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('keeps its count when the server cannot be asked', async () => {
    await signedInBackground();
    await fakeBrowser.action.setBadgeText({ text: '2' });
    server.offline = true;
    await fireAlarm(REFRESH_BADGE_ALARM);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });
});

describe('undo from the page card', () => {
  it('deletes the paper just clipped', async () => {
    const background = await signedInBackground();
    fake.page.extraction = { url: PAPER.url, paper: PAPER, selection: '' };
    const outcome = await background.clipTab(TAB_ID, { showInPage: true });
    if (outcome.kind !== 'saved') throw new Error(`expected saved, got ${outcome.kind}`);
    const reply = await fakeBrowser.runtime.sendMessage({ type: 'delete-paper', paperId: outcome.paper.id });
    expect(reply).toEqual({ ok: true, value: { deleted: true } });
    expect(await libraryTitles()).toEqual([]);
  });
});

describe('api client', () => {
  it('turns error bodies into ApiError and silence into ServerUnreachableError', async () => {
    const api = createApiClient({ fetch: server.fetch, baseUrl: () => `${TEST_SERVER_URL}/`, token: () => 'not-a-token' });
    await expect(api.me()).rejects.toMatchObject({ name: 'ApiError', status: 401, code: 'unauthorized' });
    server.offline = true;
    await expect(api.me()).rejects.toMatchObject({ name: 'ServerUnreachableError', serverUrl: TEST_SERVER_URL });
  });
});
