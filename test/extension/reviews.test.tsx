import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReviewsTab } from '../../extension/components/reviews.js';
import { ApiError, type ApiClient } from '../../extension/lib/api.js';
import type { ReviewAssignment, ReviewBid, ScoreSheet } from '../../shared/schemas/review.js';
import { renderInExtension, stubApi } from '../support/extension-fixtures.js';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const RUBRIC = [
  { name: 'Feasibility', description: 'Can it be built with today’s tools', weight: 60, scale: { min: 1, max: 5 } as const },
  { name: 'Cost', description: 'Unit cost at volume', weight: 40, scale: { min: 1, max: 5 } as const },
];

function assignment(overrides: Partial<ReviewAssignment> = {}): ReviewAssignment {
  return {
    challenge: { id: 'chl_perovskite', title: 'Stabilise perovskite modules under damp heat', status: 'open', deadline: '2027-01-31T15:59:59.000Z', blind: true, phase: 0, phaseName: null },
    rubric: RUBRIC,
    conflicts: { organizations: [], people: [] },
    bids: [
      { bidId: 'bid_ald', summary: 'ALD nanolaminate encapsulation', status: 'submitted', scored: true },
      { bidId: 'bid_glass', summary: 'Glass–glass edge sealing', status: 'shortlisted', scored: false },
    ],
    recused: 1,
    progress: { scored: 1, total: 2 },
    assignedAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  };
}

function reviewBid(overrides: Partial<ReviewBid> = {}): ReviewBid {
  return {
    id: 'bid_glass',
    challengeId: 'chl_perovskite',
    challengeTitle: 'Stabilise perovskite modules under damp heat',
    bidder: null,
    summary: 'Glass–glass edge sealing',
    approach: 'Butyl edge seals with desiccant, tested at 85 °C / 85 % RH.',
    price: { amount: 280000, currency: 'CNY' },
    durationWeeks: 20,
    milestones: [{ title: 'Damp-heat pilot', weeks: 12, amount: null }],
    references: [],
    status: 'shortlisted',
    revision: 1,
    createdAt: '2026-11-21T08:00:00.000Z',
    updatedAt: '2026-11-21T08:00:00.000Z',
    ...overrides,
  };
}

const sheet = (bidId: string, feasibility: number, cost: number, comment = ''): ScoreSheet => ({
  bidId,
  phase: 0,
  scores: [
    { criterion: 'Feasibility', score: feasibility, comment },
    { criterion: 'Cost', score: cost, comment: '' },
  ],
  weighted: (feasibility * 60 + cost * 40) / 100,
  updatedAt: '2026-11-22T08:00:00.000Z',
});

const notFound = () => Promise.reject(new ApiError(404, 'not_found', 'No score sheet for bid with id bid_glass'));

type Methods = Partial<Record<'myReviews' | 'reviewBid' | 'myScores' | 'putScores' | 'redeemReviewInvite' | 'declareConflicts' | 'recuse', (...args: any[]) => unknown>>;

/** The shared stub plus the review calls, each failing loudly unless the test gives it. */
function reviewApi(methods: Methods): ApiClient {
  const api = stubApi() as unknown as Record<string, unknown>;
  for (const name of ['myReviews', 'reviewBid', 'myScores', 'putScores', 'redeemReviewInvite', 'declareConflicts', 'recuse'] as const) {
    const stub = methods[name];
    api[name] = vi.fn(async (...args: unknown[]) => (stub ? stub(...args) : Promise.reject(new Error(`api.${name} was not stubbed`))));
  }
  return api as unknown as ApiClient;
}

function renderTab(methods: Methods, locale: 'en' | 'zh' = 'en') {
  const api = reviewApi({ myReviews: () => ({ items: [assignment()], nextCursor: null }), ...methods });
  renderInExtension(<ReviewsTab />, { api, locale });
  return api;
}

const radio = (criterion: string, name: string) => within(screen.getByRole('radiogroup', { name: criterion })).getByRole('radio', { name }) as HTMLInputElement;
const saveButton = () => screen.getByRole('button', { name: 'Save scores' }) as HTMLButtonElement;

async function openGlassBid(methods: Methods = {}) {
  const api = renderTab({ reviewBid: () => reviewBid(), myScores: notFound, ...methods });
  fireEvent.click(await screen.findByRole('button', { name: 'Review: Glass–glass edge sealing' }));
  await screen.findByRole('radiogroup', { name: 'Feasibility' });
  return api;
}

describe('Reviews tab', () => {
  it('lists each assignment with its progress, its bids and how many bids the reviewer is recused from', async () => {
    renderTab({});
    const card = await screen.findByRole('article', { name: 'Stabilise perovskite modules under damp heat' });
    expect(within(card).getByText('1 of 2 scored')).toBeTruthy();
    expect(within(card).getByText('Blind review')).toBeTruthy();
    const items = within(card).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('ALD nanolaminate encapsulation Submitted · Scored'),
      expect.stringContaining('Glass–glass edge sealing Shortlisted · Not scored yet'),
    ]);
    expect(within(within(card).getByRole('list')).getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual([
      'Review: ALD nanolaminate encapsulation',
      'Review: Glass–glass edge sealing',
    ]);
    // A recused bid is only counted: nothing of it is shown, and nothing opens it.
    expect(within(card).getByText('You are recused from 1 bid; it is not shown to you.')).toBeTruthy();
  });

  it('explains how to join when there is nothing to review, in Chinese too', async () => {
    renderTab({ myReviews: () => ({ items: [], nextCursor: null }) }, 'zh');
    expect(await screen.findByText('你目前没有需要评审的需求。如果需求方给了你评审邀请码，请在下方输入。')).toBeTruthy();
    expect(screen.getByLabelText('邀请码')).toBeTruthy();
  });

  it('opens a blind bid without its bidder, with the rubric as a keyboard-reachable score sheet', async () => {
    const api = await openGlassBid();
    expect(api.reviewBid).toHaveBeenCalledWith('bid_glass');
    expect(screen.getByText('Hidden: this is a blind review.')).toBeTruthy();
    expect(screen.getByText('Butyl edge seals with desiccant, tested at 85 °C / 85 % RH.')).toBeTruthy();
    expect(screen.getByText('Damp-heat pilot · 12 weeks')).toBeTruthy();
    const feasibility = screen.getByRole('group', { name: /Feasibility/ });
    expect(feasibility.textContent).toContain('weight 60%');
    expect(feasibility.textContent).toContain('Can it be built with today’s tools');
    const scores = within(screen.getByRole('radiogroup', { name: 'Feasibility' })).getAllByRole('radio') as HTMLInputElement[];
    expect(scores.map((input) => input.value)).toEqual(['1', '2', '3', '4', '5']);
    // One name per criterion: the browser makes each group one tab stop moved through with the arrow keys.
    expect(new Set(scores.map((input) => input.name)).size).toBe(1);
    expect(radio('Feasibility', '5 Excellent')).toBeTruthy();
  });

  it('keeps Save disabled, naming what is missing, until every criterion is scored', async () => {
    const api = await openGlassBid();
    expect(saveButton().disabled).toBe(true);
    expect(screen.getByText('Score every criterion to save. Still missing: Feasibility, Cost.')).toBeTruthy();
    fireEvent.click(radio('Feasibility', '4 Very good'));
    expect(screen.getByText('Score every criterion to save. Still missing: Cost.')).toBeTruthy();
    expect(saveButton().disabled).toBe(true);
    fireEvent.submit(saveButton().closest('form')!);
    expect(api.putScores).not.toHaveBeenCalled();
    fireEvent.click(radio('Cost', '2 Fair'));
    expect(screen.queryByText(/Score every criterion/)).toBeNull();
    expect(saveButton().disabled).toBe(false);
  });

  it('saves every criterion with its comment, and counts the bid as scored back in the list', async () => {
    const putScores = vi.fn((_bidId: string, _scores: unknown) => sheet('bid_glass', 4, 2, 'Credible pilot data'));
    await openGlassBid({ putScores });
    fireEvent.click(radio('Feasibility', '4 Very good'));
    fireEvent.click(radio('Cost', '2 Fair'));
    fireEvent.input(screen.getByLabelText('Comment on Feasibility (optional)'), { target: { value: '  Credible pilot data ' } });
    fireEvent.click(saveButton());

    expect(await screen.findByText('Scores saved.')).toBeTruthy();
    expect(putScores).toHaveBeenCalledWith('bid_glass', [
      { criterion: 'Feasibility', score: 4, comment: 'Credible pilot data' },
      { criterion: 'Cost', score: 2, comment: '' },
    ]);
    fireEvent.click(screen.getByRole('button', { name: '◂ Back' }));
    const card = await screen.findByRole('article', { name: 'Stabilise perovskite modules under damp heat' });
    expect(within(card).getByText('2 of 2 scored')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Review: Glass–glass edge sealing' }));
  });

  it('reopens a scored bid with the saved sheet', async () => {
    const myScores = vi.fn(() => sheet('bid_ald', 5, 3, 'Strong team'));
    renderTab({ reviewBid: () => reviewBid({ id: 'bid_ald', summary: 'ALD nanolaminate encapsulation' }), myScores });
    fireEvent.click(await screen.findByRole('button', { name: 'Review: ALD nanolaminate encapsulation' }));
    await screen.findByRole('radiogroup', { name: 'Feasibility' });
    expect(myScores).toHaveBeenCalledWith('bid_ald');
    expect(radio('Feasibility', '5 Excellent').checked).toBe(true);
    expect(radio('Cost', '3 Good').checked).toBe(true);
    expect(radio('Cost', '2 Fair').checked).toBe(false);
    expect((screen.getByLabelText('Comment on Feasibility (optional)') as HTMLTextAreaElement).value).toBe('Strong team');
    expect(saveButton().disabled).toBe(false);
  });

  it('keeps everything typed when the server refuses the sheet, and says why', async () => {
    const putScores = vi.fn(() => Promise.reject(new ApiError(409, 'conflict', 'This challenge is awarded: scoring is over')));
    await openGlassBid({ putScores });
    fireEvent.click(radio('Feasibility', '3 Good'));
    fireEvent.click(radio('Cost', '5 Excellent'));
    fireEvent.input(screen.getByLabelText('Comment on Cost (optional)'), { target: { value: 'Cheap materials' } });
    fireEvent.click(saveButton());

    expect((await screen.findByRole('alert')).textContent).toBe('This challenge is awarded: scoring is over');
    expect(screen.queryByText('Scores saved.')).toBeNull();
    expect(radio('Feasibility', '3 Good').checked).toBe(true);
    expect(radio('Cost', '5 Excellent').checked).toBe(true);
    expect((screen.getByLabelText('Comment on Cost (optional)') as HTMLTextAreaElement).value).toBe('Cheap materials');
    expect(saveButton().disabled).toBe(false);
  });

  it('shows why an invite code was refused, and joins the panel with a good one', async () => {
    const lists = [{ items: [], nextCursor: null }, { items: [assignment()], nextCursor: null }];
    const redeemReviewInvite = vi.fn((input: { code: string }) =>
      input.code === 'WRONG1'
        ? Promise.reject(new ApiError(404, 'not_found', 'No invite with that code; it may be used or expired'))
        : assignment(),
    );
    const api = renderTab({ myReviews: () => lists.shift(), redeemReviewInvite });
    const code = (await screen.findByLabelText('Invite code')) as HTMLInputElement;
    const join = screen.getByRole('button', { name: 'Join' }) as HTMLButtonElement;
    expect(join.disabled).toBe(true);

    fireEvent.input(code, { target: { value: 'WRONG1' } });
    fireEvent.click(join);
    expect(await screen.findByText('No invite with that code; it may be used or expired')).toBeTruthy();
    expect(code.value).toBe('WRONG1');

    fireEvent.input(code, { target: { value: ' RV-7K2P ' } });
    fireEvent.click(join);
    expect(await screen.findByText('You now review “Stabilise perovskite modules under damp heat”.')).toBeTruthy();
    expect(redeemReviewInvite).toHaveBeenLastCalledWith({ code: 'RV-7K2P' });
    expect(screen.queryByText('No invite with that code; it may be used or expired')).toBeNull();
    expect(await screen.findByRole('article', { name: 'Stabilise perovskite modules under damp heat' })).toBeTruthy();
    expect(api.myReviews).toHaveBeenCalledTimes(2);
  });
  it('declares conflicts one name a line, and shows the assignment the server answers, with the bids it recused', async () => {
    const declareConflicts = vi.fn((_challengeId: string, conflicts: { organizations: string[]; people: string[] }) =>
      assignment({ conflicts, bids: [assignment().bids[0]!], recused: 2, progress: { scored: 1, total: 1 } }),
    );
    const api = renderTab({ declareConflicts });
    const card = await screen.findByRole('article', { name: 'Stabilise perovskite modules under damp heat' });
    expect(within(card).getByText('None declared.')).toBeTruthy();
    const form = within(card).getByRole('form', { name: 'Conflicts of interest' });
    fireEvent.input(within(form).getByLabelText('Organizations'), { target: { value: 'Solaris Labs\n\n  Acme Glass  ' } });
    fireEvent.input(within(form).getByLabelText('People'), { target: { value: 'Dr Wen' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save conflicts' }));

    expect(await within(card).findByText('Conflicts saved. Bids you may not judge have left your list.')).toBeTruthy();
    expect(api.declareConflicts).toHaveBeenCalledWith('chl_perovskite', { organizations: ['Solaris Labs', 'Acme Glass'], people: ['Dr Wen'] });
    expect(within(card).getByText('Declared: Solaris Labs, Acme Glass, Dr Wen.')).toBeTruthy();
    expect(within(card).getByText('You are recused from 2 bids; they are not shown to you.')).toBeTruthy();
    expect(within(card).queryByText('Glass–glass edge sealing')).toBeNull();
  });

  it('refuses more conflicts than the server takes before sending, and shows the server’s refusal as said', async () => {
    const declareConflicts = vi.fn(() => Promise.reject(new ApiError(409, 'conflict', 'This challenge is awarded: its panel is closed')));
    renderTab({ declareConflicts });
    const form = await screen.findByRole('form', { name: 'Conflicts of interest' });
    const organizations = within(form).getByLabelText('Organizations');
    fireEvent.input(organizations, { target: { value: Array.from({ length: 31 }, (_, i) => `Org ${i}`).join('\n') } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save conflicts' }));
    expect(within(form).getByRole('alert').textContent).toBe('At most 30 names in each list, of up to 160 characters each.');
    expect(declareConflicts).not.toHaveBeenCalled();

    fireEvent.input(organizations, { target: { value: 'Solaris Labs' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save conflicts' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('This challenge is awarded: its panel is closed');
    expect((organizations as HTMLTextAreaElement).value).toBe('Solaris Labs');
  });

  it('recuses from a bid only with a reason and a confirmation, then shows the list without it', async () => {
    const after = assignment({ bids: [assignment().bids[0]!], recused: 2, progress: { scored: 1, total: 1 } });
    const lists = [{ items: [assignment()], nextCursor: null }, { items: [after], nextCursor: null }];
    const recuse = vi.fn(() => ({ bidId: 'bid_glass', reviewerId: 'acc_me', kind: 'manual', reason: 'I advised them', recusedAt: '2026-11-23T08:00:00.000Z' }));
    const api = await openGlassBid({ myReviews: () => lists.shift(), recuse });
    fireEvent.click(screen.getByRole('button', { name: 'Recuse from this bid' }));
    const form = screen.getByRole('form', { name: 'Recuse from this bid' });
    fireEvent.click(within(form).getByRole('button', { name: 'Keep reviewing' }));
    expect(screen.queryByRole('form', { name: 'Recuse from this bid' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Recuse from this bid' }));
    fireEvent.click(screen.getByRole('button', { name: 'Recuse' }));
    expect(screen.getByText('Required')).toBeTruthy();
    expect(recuse).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Why you step away'), { target: { value: ' I advised them last year ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recuse' }));

    const card = await screen.findByRole('article', { name: 'Stabilise perovskite modules under damp heat' });
    expect(recuse).toHaveBeenCalledWith('bid_glass', { reason: 'I advised them last year' });
    expect(await within(card).findByText('You are recused from 2 bids; they are not shown to you.')).toBeTruthy();
    expect(within(card).queryByText('Glass–glass edge sealing')).toBeNull();
    expect(api.myReviews).toHaveBeenCalledTimes(2);
  });

  it('stays on the bid, the reason kept, when the server refuses the recusal', async () => {
    const recuse = vi.fn(() => Promise.reject(new ApiError(409, 'conflict', 'You have scored this bid already')));
    await openGlassBid({ recuse });
    fireEvent.click(screen.getByRole('button', { name: 'Recuse from this bid' }));
    fireEvent.input(screen.getByLabelText('Why you step away'), { target: { value: 'Former colleague' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recuse' }));
    expect(await screen.findByText('You have scored this bid already')).toBeTruthy();
    expect((screen.getByLabelText('Why you step away') as HTMLTextAreaElement).value).toBe('Former colleague');
    expect(screen.getByRole('radiogroup', { name: 'Feasibility' })).toBeTruthy();
  });
});
