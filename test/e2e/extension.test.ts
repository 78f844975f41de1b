import { readFile, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { seedDemo } from '../../server/demo/seed.js';
import { startServer } from '../../server/main.js';
import { messagesFor } from '../../extension/lib/i18n.js';
import { formatMoney } from '../../shared/format.js';
import { buildExtension } from '../support/extension-build.js';

const SHIPPED_PERMISSIONS = ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms', 'sidePanel'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAPER_TITLE = 'Damp-heat stable perovskite modules by atomic layer deposition encapsulation';
const CHALLENGE_TITLE = 'Encapsulation for perovskite modules that survives damp heat';
const CHALLENGE_DESCRIPTION = 'Full-size 1.2 m² modules; we need an encapsulation route ready for a pilot line.';
const PASSWORD = 'correct horse battery staple';
/** The extension's own words: each wait names the exact text it expects, never a fragment. */
const t = messagesFor('en');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Matches a whole text exactly (for `hasText`, which otherwise matches any part). */
const exactly = (text: string) => new RegExp(`^${escapeRegExp(text)}$`);
/** Matches a text that starts with `text`. */
const startingWith = (text: string) => new RegExp(`^${escapeRegExp(text)}`);

describe('the shipped build', () => {
  it('asks for exactly the permissions PRODUCT.md lists, no host permissions, and loads no remote code', async () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const { dir, manifest } = await buildExtension({ browser });
      const expected = browser === 'chrome' ? SHIPPED_PERMISSIONS : SHIPPED_PERMISSIONS.filter((p) => p !== 'sidePanel');
      expect(manifest.permissions).toEqual(expected);
      expect(manifest.host_permissions).toBeUndefined();
      expect(manifest.optional_permissions ?? []).toEqual([]);
      expect(manifest.content_scripts).toBeUndefined();
      expect(manifest.content_security_policy).toBeUndefined();
      for (const file of (await readdir(dir)).filter((name) => name.endsWith('.html'))) {
        expect(await readFile(join(dir, file), 'utf8')).not.toMatch(/<script[^>]+src="(?:https?:)?\/\//);
      }
      expect(manifest.commands['clip-paper'].suggested_key).toEqual({ default: 'Alt+Shift+K' });
      // Firefox's sidebar is titled in the browser's language, as the rest of the manifest.
      if (browser === 'firefox') expect(manifest.sidebar_action.default_title).toBe('__MSG_sidebarTitle__');
    }
  });

  it('keeps zod out of every page, the background and the clipper: only the forms loaded on first use bring it', async () => {
    const { dir } = await buildExtension({ browser: 'chrome' });
    /** A script and every chunk it imports statically (`import(…)` loads later, on use, and is not followed). */
    const closure = async (file: string, seen = new Set<string>()): Promise<Set<string>> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      const source = await readFile(join(dir, file), 'utf8');
      for (const [, target] of source.matchAll(/(?:^|[;}\n])\s*import\s*(?:[^"'()]*?from\s*)?["'](\.\/[^"']+|\/chunks\/[^"']+)["']/g)) {
        await closure(target!.startsWith('/') ? target!.slice(1) : join(file, '..', target!), seen);
      }
      return seen;
    };
    const loadedAtOnce = new Set<string>(['background.js', 'clipper.js']);
    for (const page of ['popup.html', 'sidepanel.html', 'options.html']) {
      const html = await readFile(join(dir, page), 'utf8');
      for (const [, src] of html.matchAll(/(?:src|href)="\/(chunks\/[^"]+\.js)"/g)) await closure(src!, loadedAtOnce);
    }
    for (const file of [...loadedAtOnce]) await closure(file, loadedAtOnce);
    const withZod = [];
    for (const file of loadedAtOnce) if ((await readFile(join(dir, file), 'utf8')).includes('ZodError')) withZod.push(file);
    expect(withZod).toEqual([]);
    const chunks = await readdir(join(dir, 'chunks'));
    const proposeForm = chunks.find((name) => name.startsWith('propose-form-'))!;
    const formClosure = await closure(`chunks/${proposeForm}`);
    const formSources = await Promise.all([...formClosure].map((file) => readFile(join(dir, file), 'utf8')));
    expect(formSources.some((source) => source.includes('ZodError'))).toBe(true);
  });
});

describe('the extension in Chromium', () => {
  let paperServer: Server;
  let paperOrigin: string;
  let tenderlab: Awaited<ReturnType<typeof startServer>>;
  let serverUrl: string;
  let context: BrowserContext;
  let extensionId: string;
  let worker: Worker;
  let researcherToken: string;
  const temporary: string[] = [];

  /** A JSON call to the server, as a test-side client. */
  async function api(method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}) {
    const response = await fetch(`${serverUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await response.json()) as any;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  beforeAll(async () => {
    const paperHtml = await readFile(join(import.meta.dirname, 'fixtures/paper.html'), 'utf8');
    paperServer = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(paperHtml));
    await new Promise<void>((done) => paperServer.listen(0, '127.0.0.1', done));
    paperOrigin = `http://127.0.0.1:${(paperServer.address() as { port: number }).port}`;
    const built = await buildExtension({ testHost: paperOrigin });
    expect(built.manifest.host_permissions).toEqual([`${paperOrigin}/*`]);

    const dataDir = await mkdtemp(join(tmpdir(), 'tenderlab-e2e-extension-'));
    temporary.push(dataDir);
    await seedDemo(dataDir);
    tenderlab = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, AUTH_RATE_LIMIT: '1000' }));
    serverUrl = `http://127.0.0.1:${tenderlab.port}`;

    const profile = await mkdtemp(join(tmpdir(), 'tenderlab-e2e-chromium-'));
    temporary.push(profile);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'en-US',
      args: [
        '--headless=new',
        `--disable-extensions-except=${built.dir}`,
        `--load-extension=${built.dir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  });

  afterAll(async () => {
    await context?.close();
    await tenderlab?.stop();
    await new Promise((done) => paperServer?.close(done));
    await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('signs in, clips the paper being read, and proposes on a match with it as a reference', async () => {
    // Content: an enterprise with an open challenge, and a researcher whose interests it matches.
    const enterprise = await api('POST', '/api/auth/register', {
      body: { roles: ['enterprise'], displayName: 'Chen Jie', organization: 'Sunrise PV', email: 'chen@sunrise.example', password: PASSWORD },
    });
    const challenge = await api('POST', '/api/challenges', {
      token: enterprise.token,
      body: {
        title: CHALLENGE_TITLE,
        summary: 'Our perovskite modules must keep 95% of their efficiency after 1000 hours of damp heat.',
        description: CHALLENGE_DESCRIPTION,
        fields: ['energy', 'new-materials'],
        keywords: ['perovskite', 'encapsulation', 'damp heat'],
        type: 'prototype',
        reward: { amount: 800000, currency: 'CNY' },
        deadline: new Date(Date.now() + 20 * 24 * 3600_000).toISOString(),
      },
    });
    await api('POST', `/api/challenges/${challenge.id}/publish`, { token: enterprise.token });
    const researcher = await api('POST', '/api/auth/register', {
      body: { roles: ['researcher'], displayName: 'Wei Zhang', organization: 'Solar Lab', email: 'wei@lab.example', password: PASSWORD, fields: ['energy'], keywords: ['perovskite', 'atomic layer deposition'] },
    });
    researcherToken = researcher.token;

    // Options: point the extension at the server and sign in with email and password.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByLabel('Server URL').fill(serverUrl);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText(t.serverSaved, { exact: true }).waitFor();
    await options.getByLabel('Email', { exact: true }).fill('wei@lab.example');
    await options.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await options.getByRole('button', { name: 'Sign in' }).click();
    // The status line, followed by where: not the "Server saved." status before it.
    await options.getByRole('status').filter({ hasText: startingWith(t.signedInAs('Wei Zhang', 'wei@lab.example')) }).waitFor();

    // The paper page, with a sentence selected; clipped through the popup's request to the background.
    const paper = await context.newPage();
    await paper.goto(`${paperOrigin}/articles/jpvr.2024.0318`);
    await paper.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('finding')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const clip = (page: Page) =>
      page.evaluate(async (origin) => {
        const chrome = (globalThis as any).chrome;
        const [tab] = await chrome.tabs.query({ url: `${origin}/*` });
        return chrome.runtime.sendMessage({ type: 'clip-tab', tabId: tab.id, showInPage: true });
      }, paperOrigin);

    const first = await clip(options);
    expect(first).toMatchObject({ ok: true, value: { kind: 'saved', paper: { title: PAPER_TITLE } } });
    await paper.locator('#tenderlab-clip-card .heading', { hasText: exactly(t.clipSaved) }).waitFor();
    expect(await paper.locator('#tenderlab-clip-card blockquote').textContent()).toContain('96.4% of their initial efficiency');
    const second = await clip(options);
    expect(second).toMatchObject({ ok: true, value: { kind: 'duplicate', paper: { id: first.value.paper.id } } });
    await paper.locator('#tenderlab-clip-card .heading', { hasText: exactly(t.clipDuplicate) }).waitFor();

    const { items: papers } = await api('GET', '/api/me/papers', { token: researcher.token });
    expect(papers).toEqual([
      expect.objectContaining({
        title: PAPER_TITLE,
        doi: '10.5555/jpvr.2024.0318',
        year: 2024,
        venue: 'Journal of Photovoltaic Reliability',
        pdfUrl: `${paperOrigin}/pdf/jpvr.2024.0318.pdf`,
        authors: [
          { given: 'Wei', family: 'Zhang' },
          { given: 'Adaeze', family: 'Okafor' },
          { given: 'Jianguo', family: 'Liu' },
        ],
        quote: expect.stringContaining('96.4% of their initial efficiency'),
      }),
    ]);

    // The side panel, opened as a tab: the paper is in Papers; choose it to cite.
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await panel.getByRole('tab', { name: 'Papers' }).click();
    const paperCard = panel.getByRole('article', { name: PAPER_TITLE });
    await paperCard.getByText('Zhang, Okafor, Liu', { exact: true }).waitFor();
    await paperCard.getByLabel('Cite').check();

    // Matches: open the challenge, then propose.
    await panel.getByRole('tab', { name: 'Matches' }).click();
    const match = panel.getByRole('article', { name: CHALLENGE_TITLE });
    await match.getByRole('button', { name: CHALLENGE_TITLE }).click();
    // The description appears only once the card is open (the summary shows before).
    await match.getByText(CHALLENGE_DESCRIPTION, { exact: true }).waitFor();
    expect(await match.locator('mark.term').count()).toBeGreaterThan(0);
    await match.getByRole('button', { name: 'Propose' }).click();

    const form = panel.getByRole('form', { name: 'Propose' });
    const reference = form.getByRole('checkbox', { name: new RegExp(PAPER_TITLE) });
    await reference.waitFor();
    expect(await reference.isChecked()).toBe(true);
    await form.getByLabel('Summary').fill('Spatial ALD nanolaminate encapsulation for full-size modules');
    await form.getByLabel('Approach').fill('Alumina/zirconia nanolaminates by spatial ALD, qualified to IEC 61215 damp heat on 1.2 m² modules.');
    await form.getByLabel('Price').fill('650000');
    await form.getByLabel('Duration (weeks)').fill('30');
    await form.getByRole('button', { name: 'Submit proposal' }).click();

    await panel.getByRole('heading', { name: t.proposalSent, exact: true }).waitFor();
    await panel.getByText(t.receiptVerified, { exact: true }).waitFor();
    // The receipt lists what the bid cites.
    await panel.locator('.receipt-view .cited').getByRole('link', { name: PAPER_TITLE, exact: true }).waitFor();

    // Over the API: the bid exists, cites the clipped paper, and the enterprise sees it too.
    const { items: bids } = await api('GET', '/api/me/bids', { token: researcher.token });
    expect(bids).toHaveLength(1);
    expect(bids[0]).toMatchObject({
      challengeId: challenge.id,
      price: { amount: 650000, currency: 'CNY' },
      durationWeeks: 30,
      references: [expect.objectContaining({ paperId: first.value.paper.id, title: PAPER_TITLE, doi: '10.5555/jpvr.2024.0318' })],
    });
    expect(await panel.getByText(bids[0].receipt.sha256).count()).toBe(1);
    const { items: received } = await api('GET', `/api/challenges/${challenge.id}/bids`, { token: enterprise.token });
    expect(received.map((bid: { id: string }) => bid.id)).toEqual([bids[0].id]);
  });

  it('has the clip shortcut really assigned, and names that key in the options', async () => {
    const commands = (await worker.evaluate(() => (globalThis as any).chrome.commands.getAll())) as { name: string; shortcut: string }[];
    const clip = commands.find((command) => command.name === 'clip-paper');
    expect(clip?.shortcut).toBe('Alt+Shift+K');
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByText(exactly(t.shortcutHint('Alt+Shift+K'))).waitFor();
    await options.close();
  });

  it('corrects a clip from Papers: venue, year, note and tags reach the server', async () => {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await panel.getByRole('tab', { name: 'Papers' }).click();
    const card = panel.getByRole('article', { name: PAPER_TITLE });
    await card.getByRole('button', { name: t.edit, exact: true }).click();
    const form = card.getByRole('form', { name: t.editPaper });
    await form.getByLabel(t.paperVenue, { exact: true }).fill('J. Photovolt. Reliab.');
    await form.getByLabel(t.paperYear, { exact: true }).fill('2025');
    await form.getByLabel(t.paperNote, { exact: true }).fill('Damp-heat data in Table 2');
    await form.getByLabel(t.paperTags, { exact: true }).fill('encapsulation, ALD');
    await form.getByRole('button', { name: t.saveChanges, exact: true }).click();
    await card.getByText(exactly('Damp-heat data in Table 2')).waitFor();
    await card.getByText(exactly('J. Photovolt. Reliab. · 2025 · doi:10.5555/jpvr.2024.0318')).waitFor();

    const { items } = await api('GET', '/api/me/papers', { token: researcherToken });
    expect(items[0]).toMatchObject({ venue: 'J. Photovolt. Reliab.', year: 2025, note: 'Damp-heat data in Table 2', tags: ['encapsulation', 'ALD'], doi: '10.5555/jpvr.2024.0318' });
    await panel.close();
  });

  it('never scrolls sideways at 320 px: matches with their reasons, bids, papers and alerts', async () => {
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 320, height: 800 });
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const scrollWidth = () => panel.evaluate(() => document.documentElement.scrollWidth);

    const match = panel.getByRole('article', { name: CHALLENGE_TITLE });
    await match.getByText(exactly(t.whyMatched)).waitFor();
    expect(await match.locator('mark.term').count()).toBeGreaterThan(0);
    expect(await scrollWidth()).toBeLessThanOrEqual(320);

    await panel.getByRole('tab', { name: 'My bids' }).click();
    await panel.getByText(exactly(t.citedPapers)).waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(320);

    await panel.getByRole('tab', { name: 'Papers' }).click();
    await panel.getByRole('article', { name: PAPER_TITLE }).waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(320);

    await panel.getByRole('button', { name: new RegExp(`^${escapeRegExp(t.alerts)}: `) }).click();
    await panel.getByRole('heading', { name: t.alerts, exact: true }).waitFor();
    // The alerts open under the tabs, which stay there to leave them by.
    expect(await panel.getByRole('tab').allTextContents()).toEqual([t.tabMatches, t.tabSaved, t.tabBids, t.tabReviews, t.tabPapers, t.tabAchievements, t.tabEnquiries]);
    expect(await scrollWidth()).toBeLessThanOrEqual(320);
    await panel.keyboard.press('Escape');
    await panel.getByRole('heading', { name: t.alerts, exact: true }).waitFor({ state: 'detached' });
    await panel.close();
  });

  it('revises the bid from My bids, with a new receipt and the new price on the server, then withdraws it once confirmed', async () => {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await panel.getByRole('tab', { name: t.tabBids, exact: true }).click();
    const card = panel.getByRole('article', { name: CHALLENGE_TITLE });
    await card.getByRole('button', { name: t.revise, exact: true }).click();

    // The form starts from the bid as the server has it.
    const form = panel.getByRole('form', { name: t.reviseTitle });
    await form.getByRole('heading', { name: `${t.reviseTitle}: ${CHALLENGE_TITLE}`, exact: true }).waitFor();
    const price = form.getByLabel(t.price, { exact: true });
    expect(await price.inputValue()).toBe('650000');
    expect(await form.getByLabel('Summary', { exact: true }).inputValue()).toBe('Spatial ALD nanolaminate encapsulation for full-size modules');
    await price.fill('600000');
    await form.getByRole('button', { name: t.submitRevision, exact: true }).click();

    await panel.getByRole('heading', { name: t.revisionSent, exact: true }).waitFor();
    const receipt = panel.getByLabel(t.receipt, { exact: true });
    await receipt.getByText(t.revision(2), { exact: true }).waitFor();
    await receipt.getByText(t.receiptVerified, { exact: true }).waitFor();
    const [revised] = (await api('GET', '/api/me/bids', { token: researcherToken })).items;
    expect(revised).toMatchObject({ price: { amount: 600000, currency: 'CNY' }, durationWeeks: 30, revision: 2, status: 'submitted', receipt: { revision: 2 } });
    await receipt.getByText(revised.receipt.sha256, { exact: true }).waitFor();

    await panel.getByRole('button', { name: t.backToMyBids, exact: true }).click();
    await card.getByText(exactly(`${t.price}: ${formatMoney({ amount: 600000, currency: 'CNY' }, 'en')} · ${t.weeks(30)}`)).waitFor();
    await card.getByRole('button', { name: t.withdraw, exact: true }).click();
    const confirm = card.getByRole('group', { name: t.withdrawConfirm, exact: true });
    await confirm.getByRole('button', { name: t.withdrawYes, exact: true }).click();
    await card.getByText(t.bidStatus.withdrawn, { exact: true }).waitFor();
    await card.getByRole('button', { name: t.withdraw, exact: true }).waitFor({ state: 'detached' });
    expect(await card.getByRole('button', { name: t.revise, exact: true }).count()).toBe(0);

    const { items } = await api('GET', '/api/me/bids', { token: researcherToken });
    expect(items).toEqual([expect.objectContaining({ id: revised.id, status: 'withdrawn', price: { amount: 600000, currency: 'CNY' } })]);
    await panel.close();
  });

  it('offers the clipped paper as a technology: prefilled from it, listed on the server and in My achievements', async () => {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await panel.getByRole('tab', { name: t.tabPapers, exact: true }).click();
    await panel.getByRole('article', { name: PAPER_TITLE }).getByRole('button', { name: t.offerTechnology, exact: true }).click();

    const form = panel.getByRole('form', { name: t.offerTitle });
    await form.getByText(t.offerFrom(PAPER_TITLE), { exact: true }).waitFor();
    expect(await form.getByLabel(t.achievementName, { exact: true }).inputValue()).toBe(PAPER_TITLE);
    // What only the owner knows: readiness, how it may change hands, and (the clip names no affiliation) where.
    await form.getByRole('combobox', { name: t.trl, exact: true }).selectOption('5');
    await form.getByRole('checkbox', { name: t.transferMode['exclusive-license'], exact: true }).check();
    await form.getByLabel(t.institution, { exact: true }).fill('Solar Lab');
    await form.getByRole('button', { name: t.listNow, exact: true }).click();

    await panel.getByRole('status').filter({ hasText: exactly(t.achievementListed) }).waitFor();
    expect(await panel.getByRole('tab', { name: t.tabAchievements, exact: true }).getAttribute('aria-selected')).toBe('true');
    const card = panel.getByRole('article', { name: PAPER_TITLE });
    await card.getByText(t.achievementStatus.listed, { exact: true }).waitFor();
    await card.getByText(exactly(`TRL 5 · ${t.transferMode['exclusive-license']} · ${t.negotiable}`)).waitFor();

    // Public: the catalogue lists it, with the clip as its reference.
    const [paper] = (await api('GET', '/api/me/papers', { token: researcherToken })).items;
    const { items } = await api('GET', `/api/achievements?q=${encodeURIComponent('perovskite atomic layer deposition')}&limit=100`);
    expect(items.filter((item: { title: string }) => item.title === PAPER_TITLE)).toEqual([
      expect.objectContaining({
        status: 'listed',
        trl: 5,
        modes: ['exclusive-license'],
        askingPrice: null,
        institution: 'Solar Lab',
        owner: expect.objectContaining({ displayName: 'Wei Zhang' }),
        references: [expect.objectContaining({ paperId: paper.id, title: PAPER_TITLE })],
      }),
    ]);
    await panel.close();
  });

  it('offline, still lists the papers already clipped', async () => {
    await tenderlab.stop();
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await panel.getByRole('tab', { name: 'Papers' }).click();
    await panel.getByText(exactly(t.offlinePapers)).waitFor();
    await panel.getByRole('article', { name: PAPER_TITLE }).waitFor();
    await panel.close();
  });
});
