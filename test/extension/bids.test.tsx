import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BidsTab } from '../../extension/components/bids.js';
import { ApiError, type ApiClient } from '../../extension/lib/api.js';
import type { Bid } from '../../shared/schemas/bid.js';
import { bidFixture, challengeFixture, renderInExtension, stubApi } from '../support/extension-fixtures.js';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

/** My bids over one bid, with `withdrawBid` as the test gives it. */
function renderBids(bid: Bid, withdrawBid: (bidId: string) => unknown = () => Promise.reject(new Error('api.withdrawBid was not stubbed')), locale: 'en' | 'zh' = 'en') {
  const api = stubApi({ myBids: () => ({ items: [bid], nextCursor: null }) }) as unknown as Record<string, unknown>;
  api.withdrawBid = vi.fn(async (bidId: string) => withdrawBid(bidId));
  renderInExtension(<BidsTab />, { api: api as unknown as ApiClient, locale });
  return api as unknown as ApiClient;
}

const card = () => screen.findByRole('article', { name: 'Stabilise perovskite modules under damp heat' });

describe('My bids: Withdraw', () => {
  it('is offered only when the server lists it among the bid’s actions', async () => {
    renderBids(bidFixture({ status: 'awarded', actions: [] }));
    expect(within(await card()).queryByRole('button', { name: 'Withdraw' })).toBeNull();
  });

  it('asks first, and Keep it leaves the bid as it was without calling the server', async () => {
    const api = renderBids(bidFixture({ status: 'submitted', actions: ['revise', 'withdraw'] }));
    fireEvent.click(within(await card()).getByRole('button', { name: 'Withdraw' }));
    const confirm = screen.getByRole('group', { name: 'Withdraw this bid? The enterprise will no longer consider it.' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('group', { name: /Withdraw this bid/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Withdraw' })).toBeTruthy();
    expect(screen.getByText('Submitted')).toBeTruthy();
    expect(api.withdrawBid).not.toHaveBeenCalled();
  });

  it('withdraws once confirmed and shows the bid as the server returns it, with no Withdraw left', async () => {
    const bid = bidFixture({ status: 'submitted', actions: ['revise', 'withdraw'] });
    const api = renderBids(bid, () => ({ ...bid, status: 'withdrawn', actions: [] }));
    fireEvent.click(within(await card()).getByRole('button', { name: 'Withdraw' }));
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw bid' }));
    expect(await screen.findByText('Withdrawn')).toBeTruthy();
    expect(api.withdrawBid).toHaveBeenCalledWith('bid_1');
    expect(screen.queryByRole('button', { name: /Withdraw/ })).toBeNull();
  });

  it('keeps the confirmation open and says why when the server refuses', async () => {
    const bid = bidFixture({ status: 'submitted', actions: ['withdraw'] });
    renderBids(bid, () => Promise.reject(new ApiError(409, 'conflict', 'The challenge is closed: bids can no longer be withdrawn')));
    fireEvent.click(within(await card()).getByRole('button', { name: 'Withdraw' }));
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw bid' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The challenge is closed: bids can no longer be withdrawn');
    expect(screen.getByText('Submitted')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Withdraw bid' })).toBeTruthy();
  });

  it('asks in Chinese for a Chinese reader', async () => {
    renderBids(bidFixture({ status: 'submitted', actions: ['withdraw'] }), undefined, 'zh');
    fireEvent.click(await screen.findByRole('button', { name: '撤回' }));
    expect(screen.getByText('确定撤回这份投标吗？撤回后企业将不再考虑它。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '保留' })).toBeTruthy();
  });
});

describe('My bids: Revise', () => {
  const live = bidFixture({ status: 'submitted', actions: ['revise', 'withdraw'] });

  it('is offered only when the server lists it among the bid’s actions', async () => {
    renderBids(bidFixture({ status: 'submitted', actions: ['withdraw'] }));
    expect(within(await card()).getByRole('button', { name: 'Withdraw' })).toBeTruthy();
    expect(within(await card()).queryByRole('button', { name: 'Revise' })).toBeNull();
    cleanup();

    renderBids(live);
    expect(within(await card()).getByRole('button', { name: 'Revise' })).toBeTruthy();
  });

  /** My bids over `live`, Revise pressed: the form on the bid, read afresh, the clips to cite, and `reviseBid` as given. */
  async function openRevise(reviseBid: (bidId: string, patch: unknown) => unknown) {
    const api = renderBids(live) as unknown as Record<string, unknown>;
    Object.assign(api, {
      bid: vi.fn(async () => live),
      challenge: vi.fn(async () => challengeFixture()),
      papers: vi.fn(async () => ({ items: [], nextCursor: null })),
      reviseBid: vi.fn(async (bidId: string, patch: unknown) => reviseBid(bidId, patch)),
    });
    fireEvent.click(within(await card()).getByRole('button', { name: 'Revise' }));
    await screen.findByText('No clipped papers to cite yet.');
    return api as unknown as ApiClient;
  }

  it('opens the form on the bid, then shows the new receipt, and My bids the revised bid', async () => {
    const revised = bidFixture({
      ...live,
      summary: 'ALD encapsulation, pilot-line ready',
      revision: 2,
      receipt: { sha256: 'c'.repeat(64), receivedAt: '2026-10-25T10:00:00.000Z', revision: 2 },
    });
    const api = await openRevise(() => revised);
    expect(screen.getByRole('heading', { name: 'Revise your bid: Stabilise perovskite modules under damp heat' })).toBeTruthy();
    expect((screen.getByLabelText('Summary') as HTMLTextAreaElement).value).toBe('ALD encapsulation');
    fireEvent.input(screen.getByLabelText('Summary'), { target: { value: 'ALD encapsulation, pilot-line ready' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit revision' }));

    expect(await screen.findByRole('heading', { name: 'Revision received' })).toBeTruthy();
    expect(api.reviseBid).toHaveBeenCalledWith('bid_1', { summary: 'ALD encapsulation, pilot-line ready' });
    const receipt = screen.getByLabelText('Receipt');
    expect(within(receipt).getByText('revision 2')).toBeTruthy();
    expect(within(receipt).getByText('c'.repeat(64))).toBeTruthy();
    expect(within(receipt).getByText(/2026/).getAttribute('datetime')).toBe('2026-10-25T10:00:00.000Z');

    fireEvent.click(screen.getByRole('button', { name: 'Back to my bids' }));
    expect(within(await card()).getByText('ALD encapsulation, pilot-line ready')).toBeTruthy();
    expect(api.myBids).toHaveBeenCalledTimes(1);
  });

  it('keeps the form and what was typed when the server refuses, and Back shows the bid as it is now', async () => {
    const api = await openRevise(() => Promise.reject(new ApiError(409, 'conflict', 'A shortlisted bid cannot be revised')));
    fireEvent.input(screen.getByLabelText('Summary'), { target: { value: 'A sharper summary of the plan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit revision' }));

    expect((await screen.findByRole('alert')).textContent).toBe('A shortlisted bid cannot be revised');
    expect((screen.getByLabelText('Summary') as HTMLTextAreaElement).value).toBe('A sharper summary of the plan');
    (api.myBids as ReturnType<typeof vi.fn>).mockResolvedValue({ items: [{ ...live, status: 'shortlisted', actions: ['withdraw'] }], nextCursor: null });
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(await within(await card()).findByText('Shortlisted')).toBeTruthy();
    expect(within(await card()).queryByRole('button', { name: 'Revise' })).toBeNull();
  });

  it('sends nothing when nothing changed, and says so', async () => {
    const api = await openRevise(() => live);
    fireEvent.click(screen.getByRole('button', { name: 'Submit revision' }));
    expect((await screen.findByRole('status')).textContent).toBe('Nothing has changed, so nothing was sent.');
    expect(api.reviseBid).not.toHaveBeenCalled();
  });
});
