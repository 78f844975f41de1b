import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BidsTab } from '../../extension/components/bids.js';
import { ApiError, type ApiClient } from '../../extension/lib/api.js';
import type { Bid } from '../../shared/schemas/bid.js';
import { bidFixture, renderInExtension, stubApi } from '../support/extension-fixtures.js';

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
