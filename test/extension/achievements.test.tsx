import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AchievementForm } from '../../extension/components/achievement-form.js';
import { AchievementsTab } from '../../extension/components/achievements.js';
import { ExtensionApp } from '../../extension/components/extension-app.js';
import { draftFromPaper } from '../../extension/lib/achievement-draft.js';
import { ApiError } from '../../extension/lib/api.js';
import { sessionItem } from '../../extension/lib/session.js';
import type { Achievement } from '../../shared/schemas/achievement.js';
import type { Enquiry } from '../../shared/schemas/enquiry.js';
import type { PaperRecord } from '../../shared/schemas/paper.js';
import { paperFixture, renderInExtension, stubApi } from '../support/extension-fixtures.js';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

type Stubs = Parameters<typeof stubApi>[0];

/** The stubbed client, its methods as the mocks they are. */
function catalogueApi(stubs: Stubs = {}) {
  return stubApi(stubs) as ReturnType<typeof stubApi> & Record<string, ReturnType<typeof vi.fn>>;
}

const article = paperFixture({
  id: 'pap_pvk',
  title: 'Perovskite solar cell encapsulation by atomic layer deposition',
  abstract: 'We encapsulate perovskite modules with alumina nanolaminates. The modules keep 95% of their efficiency after 1000 hours of damp heat.',
  keywords: ['damp heat'],
  authors: [{ given: 'Wei', family: 'Zhang', affiliations: ['Institute of Solar Materials'] }],
});

const patent = paperFixture({
  id: 'pap_patent',
  kind: 'patent',
  url: 'https://patents.google.com/patent/CN114000000B/zh',
  title: 'A perovskite solar cell and its preparation method',
  abstract: 'A perovskite solar cell with a passivated hole transport layer.',
  doi: null,
  authors: [{ given: '伟', family: '张' }],
  patent: { number: 'CN114000000B', applicationNumber: 'CN202110123456.7', applicants: ['华东理工大学'], filingDate: '2021-02-01', publicationDate: '2023-05-02' },
});

function achievementFixture(overrides: Partial<Achievement> = {}): Achievement {
  return {
    id: 'ach_1',
    ownerId: 'acc_me',
    owner: { id: 'acc_me', displayName: 'Wei Zhang', organization: 'Institute of Solar Materials' },
    title: article.title,
    summary: article.abstract!,
    description: '',
    fields: ['energy'],
    keywords: ['perovskite'],
    trl: 5,
    ipStatus: 'none',
    patents: [],
    modes: ['exclusive-license'],
    askingPrice: null,
    institution: 'Institute of Solar Materials',
    references: [],
    status: 'draft',
    createdAt: '2026-10-20T08:00:00.000Z',
    listedAt: null,
    updatedAt: '2026-10-20T08:00:00.000Z',
    ...overrides,
  };
}

function renderForm(paper: PaperRecord, stubs: Stubs = {}, locale: 'en' | 'zh' = 'en') {
  const api = catalogueApi(stubs);
  const onSaved = vi.fn();
  renderInExtension(<AchievementForm paper={paper} onSaved={onSaved} onCancel={() => undefined} />, { api, locale });
  return { api, onSaved };
}

const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const choose = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const fieldOf = (label: string) => screen.getByLabelText(label).closest('.field') as HTMLElement;
const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('Offer as a technology: the form prefilled from a clip', () => {
  it('takes the title, the abstract as summary, the author’s and the glossary’s keywords, their field, the affiliation and the paper as reference', () => {
    renderForm(article);
    expect(valueOf('Title')).toBe(article.title);
    expect(valueOf('Summary')).toBe(article.abstract);
    expect(valueOf('Keywords').split(', ')).toEqual(expect.arrayContaining(['damp heat', 'Perovskite solar cell', '钙钛矿太阳能电池', '封装']));
    expect(valueOf('Keywords').split(', ')[0]).toBe('damp heat');
    expect(box('Clean & efficient energy').checked).toBe(true);
    expect(box('Artificial intelligence').checked).toBe(false);
    expect(valueOf('Institution')).toBe('Institute of Solar Materials');
    expect(valueOf('IP status')).toBe('none');
    expect(valueOf('Patent numbers')).toBe('');
    expect(screen.getByText(`References: ${article.title}`)).toBeTruthy();
    // What only the owner knows is left for them: readiness, modes, and the price is negotiable until set.
    expect(valueOf('Readiness level (TRL 1–9)')).toBe('');
    expect(box('Exclusive licence').checked).toBe(false);
    expect(box('Negotiable').checked).toBe(true);
  });

  it('keeps a patent clip’s number, reads a B kind code as granted and takes the applicant as institution', () => {
    renderForm(patent);
    expect(valueOf('Patent numbers')).toBe('CN114000000B');
    expect(valueOf('IP status')).toBe('patent-granted');
    expect(valueOf('Institution')).toBe('华东理工大学');
    expect(draftFromPaper({ ...patent, patent: { ...patent.patent!, number: 'CN115123456A' } }).ipStatus).toBe('patent-pending');
    expect(draftFromPaper({ ...patent, patent: { ...patent.patent!, number: 'WO2020123456A1' } }).ipStatus).toBe('patent-pending');
  });

  it('cuts an abstract longer than a summary at a sentence and keeps it whole as the description', () => {
    const sentence = 'Perovskite modules survive damp heat when sealed by alumina nanolaminates grown at low temperature. ';
    const long = sentence.repeat(15).trim();
    const draft = draftFromPaper({ ...article, abstract: long });
    expect(draft.summary.length).toBeLessThanOrEqual(1000);
    expect(draft.summary.endsWith('temperature.')).toBe(true);
    expect(draft.description).toBe(long);
  });

  it('shows the shared schema’s verdict on each field, in the reader’s words, and sends nothing', async () => {
    const { api } = renderForm(patent);
    type('Title', 'ab');
    type('Patent numbers', 'CN114000000B, XX123');
    fireEvent.click(box('Negotiable'));
    type('Price', 'a lot');
    fireEvent.click(screen.getByRole('button', { name: 'List now' }));

    expect(await screen.findByText('Please fix the highlighted fields.')).toBeTruthy();
    expect(within(fieldOf('Title')).getByText('At least 3 characters')).toBeTruthy();
    expect(within(fieldOf('Readiness level (TRL 1–9)')).getByText('Required')).toBeTruthy();
    expect(within(fieldOf('Patent numbers')).getByText('Not a CN, US, EP or WO number (such as CN114000000B or US10123456B2)')).toBeTruthy();
    expect(within(fieldOf('Price')).getByText('Enter a number')).toBeTruthy();
    expect(screen.getByText('Choose at least one mode')).toBeTruthy();
    expect(api.createAchievement).not.toHaveBeenCalled();
    expect(api.publishAchievement).not.toHaveBeenCalled();
  });

  it('words the errors in Chinese for a Chinese reader', async () => {
    renderForm(patent, {}, 'zh');
    fireEvent.click(screen.getByRole('button', { name: '存为草稿' }));
    expect(within(fieldOf('技术成熟度（TRL 1–9）')).getByText('必填')).toBeTruthy();
    expect(screen.getByText('请至少选择一种方式')).toBeTruthy();
  });

  it('saves a draft with what was typed, validated and normalised by the shared schema', async () => {
    const saved = achievementFixture();
    const { api, onSaved } = renderForm(patent, { createAchievement: () => saved });
    choose('Readiness level (TRL 1–9)', '6');
    fireEvent.click(box('Exclusive licence'));
    fireEvent.click(box('Joint R&D'));
    type('Patent numbers', 'cn114000000b; US 10,123,456 B2');
    fireEvent.click(box('Negotiable'));
    type('Price', '1,200,000');
    fireEvent.click(screen.getByRole('button', { name: 'Save as draft' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved, false));
    expect(api.createAchievement).toHaveBeenCalledWith(
      expect.objectContaining({
        title: patent.title,
        trl: 6,
        ipStatus: 'patent-granted',
        patents: ['CN114000000B', 'US10123456B2'],
        modes: ['exclusive-license', 'joint-rd'],
        askingPrice: { amount: 1200000, currency: 'CNY' },
        institution: '华东理工大学',
        paperIds: ['pap_patent'],
      }),
    );
    expect(api.publishAchievement).not.toHaveBeenCalled();
  });

  it('keeps everything typed when listing fails, and the retry updates the draft already stored instead of storing a second', async () => {
    const draft = achievementFixture({ id: 'ach_new' });
    let publishes = 0;
    const { api, onSaved } = renderForm(article, {
      createAchievement: () => draft,
      updateAchievement: () => draft,
      publishAchievement: () => (++publishes === 1 ? Promise.reject(new ApiError(503, 'unavailable', 'The server is busy; try again')) : { ...draft, status: 'listed' }),
    });
    choose('Readiness level (TRL 1–9)', '4');
    fireEvent.click(box('Assignment'));
    type('Institution', 'Solar Materials Lab');
    fireEvent.click(screen.getByRole('button', { name: 'List now' }));

    expect((await screen.findByRole('alert')).textContent).toBe('The server is busy; try again');
    expect(valueOf('Institution')).toBe('Solar Materials Lab');
    expect(valueOf('Readiness level (TRL 1–9)')).toBe('4');
    expect(box('Assignment').checked).toBe(true);
    expect(onSaved).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'List now' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith({ ...draft, status: 'listed' }, true));
    expect(api.createAchievement).toHaveBeenCalledTimes(1);
    expect(api.updateAchievement).toHaveBeenCalledWith('ach_new', expect.objectContaining({ institution: 'Solar Materials Lab', trl: 4 }));
  });

  it('shows a 422’s field issues next to their fields', async () => {
    renderForm(article, {
      createAchievement: () =>
        Promise.reject(new ApiError(422, 'validation_failed', 'invalid', { issues: [{ path: 'patents.0', message: 'bad' }, { path: 'institution', message: 'unknown institution' }] })),
    });
    choose('Readiness level (TRL 1–9)', '3');
    fireEvent.click(box('Equity'));
    fireEvent.click(screen.getByRole('button', { name: 'Save as draft' }));
    expect(await within(fieldOf('Institution')).findByText('unknown institution')).toBeTruthy();
    expect(within(fieldOf('Patent numbers')).getByText('Not a CN, US, EP or WO number (such as CN114000000B or US10123456B2)')).toBeTruthy();
  });
});

const received = (achievementId: string, id: string): Enquiry => ({
  id,
  achievementId,
  achievementTitle: 'x',
  senderId: 'acc_firm',
  sender: { id: 'acc_firm', displayName: 'Chen', organization: 'Firm' },
  message: 'We would like a licence.',
  mode: 'exclusive-license',
  offer: null,
  status: 'sent',
  feedback: null,
  contacts: null,
  createdAt: '2026-10-22T08:00:00.000Z',
  updatedAt: '2026-10-22T08:00:00.000Z',
});

describe('My achievements', () => {
  const draft = achievementFixture({ id: 'ach_draft', title: 'Damp-heat barrier films' });
  const listed = achievementFixture({ id: 'ach_listed', title: 'Perovskite passivation', status: 'listed', listedAt: '2026-10-21T08:00:00.000Z', askingPrice: { amount: 800000, currency: 'CNY' } });

  function renderTab(stubs: Stubs = {}) {
    const api = catalogueApi({
      myAchievements: () => ({ items: [draft, listed], nextCursor: null }),
      myEnquiries: () => ({ items: [received('ach_listed', 'enq_1'), received('ach_listed', 'enq_2')], nextCursor: null }),
      ...stubs,
    });
    renderInExtension(<AchievementsTab />, { api });
    return api;
  }

  it('lists drafts and listed ones with their status, terms and how many enquiries each drew', async () => {
    const api = renderTab();
    const listedCard = await screen.findByRole('article', { name: 'Perovskite passivation' });
    const draftCard = screen.getByRole('article', { name: 'Damp-heat barrier films' });
    expect(within(draftCard).getByText('Draft')).toBeTruthy();
    expect(within(listedCard).getByText('Listed')).toBeTruthy();
    expect(within(draftCard).getByText('TRL 5 · Exclusive licence · Negotiable')).toBeTruthy();
    expect(within(listedCard).getByText(/^TRL 5 · Exclusive licence · (CN)?¥\s?800,000/)).toBeTruthy();
    expect(await within(listedCard).findByText('2 enquiries')).toBeTruthy();
    expect(within(draftCard).queryByText(/enquir/)).toBeNull();
    // The count comes from the owner's own received enquiries, nothing public.
    expect(api.myEnquiries).toHaveBeenCalledWith({ role: 'received', limit: 100 });
  });

  it('lists a draft, which then offers Withdraw', async () => {
    const api = renderTab({ publishAchievement: () => ({ ...draft, status: 'listed' }) });
    const card = await screen.findByRole('article', { name: 'Damp-heat barrier films' });
    fireEvent.click(within(card).getByRole('button', { name: 'List it' }));
    expect(await within(card).findByText('Listed')).toBeTruthy();
    expect(api.publishAchievement).toHaveBeenCalledWith('ach_draft');
    expect(within(card).getByRole('button', { name: 'Withdraw' })).toBeTruthy();
  });

  it('withdraws a listed one only after the reader confirms', async () => {
    const api = renderTab({ withdrawAchievement: () => ({ ...listed, status: 'withdrawn' }) });
    const card = await screen.findByRole('article', { name: 'Perovskite passivation' });
    fireEvent.click(within(card).getByRole('button', { name: 'Withdraw' }));
    const dialog = within(card).getByRole('alertdialog');
    expect(within(dialog).getByText('Withdraw this listing? Enterprises will no longer find it or be able to enquire.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it listed' }));
    expect(within(card).queryByRole('alertdialog')).toBeNull();
    expect(api.withdrawAchievement).not.toHaveBeenCalled();

    fireEvent.click(within(card).getByRole('button', { name: 'Withdraw' }));
    fireEvent.click(within(within(card).getByRole('alertdialog')).getByRole('button', { name: 'Withdraw' }));
    expect(await within(card).findByText('Withdrawn')).toBeTruthy();
    expect(api.withdrawAchievement).toHaveBeenCalledWith('ach_listed');
    expect(within(card).queryByRole('button', { name: 'Withdraw' })).toBeNull();
  });

  it('says why a refused action failed, on its card', async () => {
    renderTab({ publishAchievement: () => Promise.reject(new ApiError(409, 'conflict', 'Only a draft can be listed')) });
    const card = await screen.findByRole('article', { name: 'Damp-heat barrier films' });
    fireEvent.click(within(card).getByRole('button', { name: 'List it' }));
    expect(await within(card).findByText('Only a draft can be listed')).toBeTruthy();
    expect(within(card).getByText('Draft')).toBeTruthy();
  });
});

describe('from Papers to My achievements', () => {
  it('opens the Offer form from a clip’s button, lists it and shows it in My achievements', async () => {
    await sessionItem.setValue({
      serverUrl: 'http://localhost:8787',
      token: 'tok',
      account: { id: 'acc_me', displayName: 'Wei Zhang', organization: 'Lab', email: null },
      signedInAt: '2026-10-01T00:00:00.000Z',
    });
    const listed = achievementFixture({ id: 'ach_new', status: 'listed' });
    const api = catalogueApi({
      notifications: () => ({ items: [], nextCursor: null, unread: 0 }),
      matches: () => ({ items: [], nextCursor: null }),
      papers: () => ({ items: [article], nextCursor: null }),
      createAchievement: () => ({ ...listed, status: 'draft' }),
      publishAchievement: () => listed,
      myAchievements: () => ({ items: [listed], nextCursor: null }),
      myEnquiries: () => ({ items: [], nextCursor: null }),
    });
    renderInExtension(<ExtensionApp openSettings={() => undefined} paintUnread={() => undefined} />, { api });
    fireEvent.click(await screen.findByRole('tab', { name: 'Papers' }));
    const card = await screen.findByRole('article', { name: article.title });
    fireEvent.click(within(card).getByRole('button', { name: 'Offer as a technology' }));

    expect(await screen.findByRole('form', { name: 'Offer a technology' })).toBeTruthy();
    choose('Readiness level (TRL 1–9)', '5');
    fireEvent.click(box('Exclusive licence'));
    fireEvent.click(screen.getByRole('button', { name: 'List now' }));

    expect(await screen.findByText('Listed: enterprises can find it and send enquiries.')).toBeTruthy();
    const tab = screen.getByRole('tab', { name: 'My achievements' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(tab.getAttribute('aria-controls')).toBe('panel-achievements');
    expect(await screen.findByRole('article', { name: article.title })).toBeTruthy();
    expect(api.createAchievement).toHaveBeenCalledWith(expect.objectContaining({ paperIds: ['pap_pvk'], trl: 5 }));
  });

  it('reaches My achievements and Enquiries with the arrow keys like every tab', async () => {
    await sessionItem.setValue({
      serverUrl: 'http://localhost:8787',
      token: 'tok',
      account: { id: 'acc_me', displayName: 'Wei Zhang', organization: 'Lab', email: null },
      signedInAt: '2026-10-01T00:00:00.000Z',
    });
    const api = catalogueApi({
      notifications: () => ({ items: [], nextCursor: null, unread: 0 }),
      matches: () => ({ items: [], nextCursor: null }),
      myEnquiries: () => ({ items: [], nextCursor: null }),
    });
    renderInExtension(<ExtensionApp openSettings={() => undefined} paintUnread={() => undefined} />, { api });
    const first = await screen.findByRole('tab', { name: 'Matches' });
    fireEvent.keyDown(first, { key: 'End' });
    const enquiries = screen.getByRole('tab', { name: 'Enquiries' });
    expect(enquiries.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(enquiries);
    expect(await screen.findByText('You have not sent any enquiry.')).toBeTruthy();
    fireEvent.keyDown(enquiries, { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: 'My achievements' }).getAttribute('aria-selected')).toBe('true');
  });
});
