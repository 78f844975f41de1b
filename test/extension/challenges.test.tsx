import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BidsTab } from '../../extension/components/bids.js';
import { MatchesTab, SavedTab } from '../../extension/components/challenge-lists.js';
import { receiptPreimage } from '../../shared/receipt.js';
import { bidFixture, challengeFixture, matchFixture, renderInExtension, stubApi } from '../support/extension-fixtures.js';
import { createHash } from 'node:crypto';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('Matches', () => {
  it('lists each matching challenge with why it matched, reward, countdown and fields', async () => {
    const api = stubApi({
      matches: () => ({ items: [matchFixture(['perovskite', '钙钛矿'])], nextCursor: null }),
    });
    renderInExtension(<MatchesTab onPropose={() => undefined} />, { api });

    const card = await screen.findByRole('article', { name: 'Stabilise perovskite modules under damp heat' });
    const terms = within(card).getAllByText(/perovskite|钙钛矿/, { selector: 'mark' }).map((mark) => mark.textContent);
    expect(terms).toEqual(['perovskite', '钙钛矿']);
    expect(within(card).getByText('Why it matches')).toBeTruthy();
    expect(within(card).getByText('Your keyword:')).toBeTruthy();
    expect(within(card).getByRole('list', { name: 'Fields' })).toBeTruthy();
    expect(within(card).getByText('CN¥500,000')).toBeTruthy();
    expect(within(card).getByText('12 days left').className).toBe('countdown');
    expect(within(card).getByText('Clean & efficient energy')).toBeTruthy();
    expect(within(card).getByText('New materials')).toBeTruthy();
    expect(api.matches).toHaveBeenCalledWith({ limit: 30 });
  });

  it('says for each reason which interest matched, the terms, and the translation that carried them', async () => {
    const match = matchFixture(['perovskite']);
    match.reasons = [
      { source: 'paper', label: 'Damp-heat stable perovskite modules', terms: ['encapsulation'] },
      // A richer reason from a newer server: its translations are shown, unknown fields are passed over.
      Object.assign({ source: 'subscription' as const, label: '钙钛矿 #energy', terms: ['钙钛矿'] }, {
        translations: [{ term: '钙钛矿', translation: 'perovskite', origin: 'glossary' as const }],
        weight: 0.4,
      }),
    ];
    renderInExtension(<MatchesTab onPropose={() => undefined} />, { api: stubApi({ matches: () => ({ items: [match], nextCursor: null }) }) });
    const card = await screen.findByRole('article', { name: 'Stabilise perovskite modules under damp heat' });
    const reasons = within(card).getAllByRole('listitem').filter((item) => item.classList.contains('reason'));
    expect(reasons.map((reason) => reason.textContent)).toEqual([
      'Your paper: Damp-heat stable perovskite modulesencapsulation',
      'Your subscription: 钙钛矿 #energy钙钛矿钙钛矿 ↔ perovskite',
    ]);
    expect(within(reasons[1]!).getByText('钙钛矿 ↔ perovskite', { selector: 'mark' }).className).toBe('term translated');
  });

  it('speaks Chinese to a Chinese browser', async () => {
    const api = stubApi({ matches: () => ({ items: [matchFixture(['钙钛矿'])], nextCursor: null }) });
    renderInExtension(<MatchesTab onPropose={() => undefined} />, { api, locale: 'zh' });
    const card = await screen.findByRole('article');
    expect(within(card).getByText('剩余 12 天')).toBeTruthy();
    expect(within(card).getByText('清洁高效能源')).toBeTruthy();
    expect(within(card).getByRole('button', { name: '投标' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: '收藏' })).toBeTruthy();
  });

  it('saves and unsaves a challenge, and opens Propose with the challenge', async () => {
    const onPropose = vi.fn();
    const api = stubApi({
      matches: () => ({ items: [matchFixture(['perovskite'])], nextCursor: null }),
      save: () => ({}),
      unsave: () => ({ deleted: true }),
    });
    renderInExtension(<MatchesTab onPropose={onPropose} />, { api });
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    await screen.findByRole('button', { name: 'Unsave' });
    expect(api.save).toHaveBeenCalledWith('chl_perovskite');
    fireEvent.click(screen.getByRole('button', { name: 'Unsave' }));
    await screen.findByRole('button', { name: 'Save' });
    expect(api.unsave).toHaveBeenCalledWith('chl_perovskite');

    fireEvent.click(screen.getByRole('button', { name: 'Propose' }));
    expect(onPropose).toHaveBeenCalledWith(expect.objectContaining({ id: 'chl_perovskite' }));
  });

  it('offers no Propose on a closed challenge or one already bid on', async () => {
    const api = stubApi({
      matches: () => ({
        items: [
          matchFixture(['a'], challengeFixture({ id: 'chl_closed', title: 'Closed one', status: 'closed', deadline: '2020-01-01T00:00:00.000Z', actions: ['save'] })),
          matchFixture(['b'], challengeFixture({ id: 'chl_bid', title: 'Bid one', viewer: { isOwner: false, saved: true, bidId: 'bid_9' }, actions: ['ask', 'unsave'] })),
        ],
        nextCursor: null,
      }),
    });
    renderInExtension(<MatchesTab onPropose={() => undefined} />, { api });
    const closed = await screen.findByRole('article', { name: 'Closed one' });
    expect(within(closed).getByText('deadline passed')).toBeTruthy();
    expect(within(closed).queryByRole('button', { name: 'Propose' })).toBeNull();
    const bidOn = screen.getByRole('article', { name: 'Bid one' });
    expect(within(bidOn).getByText('You have a bid on this challenge')).toBeTruthy();
    expect(within(bidOn).getByRole('button', { name: 'Unsave' })).toBeTruthy();
  });

  it('offers Propose only when the server lists bid among the actions', async () => {
    const api = stubApi({
      matches: () => ({
        items: [
          matchFixture(['a'], challengeFixture({ id: 'chl_no', title: 'Not for you', actions: ['ask', 'save'] })),
          matchFixture(['b'], challengeFixture({ id: 'chl_yes', title: 'For you' })),
        ],
        nextCursor: null,
      }),
    });
    renderInExtension(<MatchesTab onPropose={() => undefined} />, { api });
    const refused = await screen.findByRole('article', { name: 'Not for you' });
    expect(within(refused).queryByRole('button', { name: 'Propose' })).toBeNull();
    expect(within(screen.getByRole('article', { name: 'For you' })).getByRole('button', { name: 'Propose' })).toBeTruthy();
  });

  it('marks the last 24 hours as urgent, and takes no bid once the deadline has passed', async () => {
    const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const api = stubApi({
      matches: () => ({
        items: [
          matchFixture(['a'], challengeFixture({ id: 'chl_soon', title: 'Soon', deadline: inHours(5.5) })),
          matchFixture(['b'], challengeFixture({ id: 'chl_past', title: 'Past', deadline: inHours(-1) })),
        ],
        nextCursor: null,
      }),
    });
    renderInExtension(<MatchesTab onPropose={() => undefined} />, { api });
    const soon = await screen.findByRole('article', { name: 'Soon' });
    expect(within(soon).getByText('5 hours left').className).toBe('countdown urgent');
    expect(within(soon).getByRole('button', { name: 'Propose' })).toBeTruthy();
    // Still `open` on the server's last word, but its deadline is behind it.
    const past = screen.getByRole('article', { name: 'Past' });
    expect(within(past).getByText('deadline passed').className).toBe('countdown');
    expect(within(past).queryByRole('button', { name: 'Propose' })).toBeNull();
  });

  it('explains an empty list and a server that cannot be reached', async () => {
    const empty = stubApi({ matches: () => ({ items: [], nextCursor: null }) });
    renderInExtension(<MatchesTab onPropose={() => undefined} />, { api: empty });
    expect(await screen.findByText(/No matching challenges yet/)).toBeTruthy();
    cleanup();

    const { ServerUnreachableError } = await import('../../extension/lib/api.js');
    const down = stubApi({ matches: () => Promise.reject(new ServerUnreachableError('http://localhost:8787')) });
    renderInExtension(<MatchesTab onPropose={() => undefined} />, { api: down });
    expect((await screen.findByRole('alert')).textContent).toContain('Cannot reach the Tenderlab server at http://localhost:8787.');
  });
});

describe('Saved', () => {
  it('drops a challenge from the list once it is unsaved', async () => {
    const api = stubApi({
      saved: () => ({ items: [{ savedAt: '2026-10-02T00:00:00.000Z', challenge: challengeFixture() }], nextCursor: null }),
      unsave: () => ({ deleted: true }),
    });
    renderInExtension(<SavedTab onPropose={() => undefined} />, { api });
    fireEvent.click(await screen.findByRole('button', { name: 'Unsave' }));
    expect(await screen.findByText('You have not saved any challenges.')).toBeTruthy();
  });
});

describe('My bids', () => {
  it('shows each bid’s status and receipt, and verifies the receipt on the device', async () => {
    const bid = bidFixture();
    const { challengeId, bidderId, summary, approach, price, durationWeeks, milestones, references } = bid;
    const sha256 = createHash('sha256')
      .update(receiptPreimage({ challengeId, bidderId, summary, approach, price, durationWeeks, milestones, references }, bid.receipt.receivedAt))
      .digest('hex');
    const tampered = bidFixture({ id: 'bid_2', challengeTitle: 'Tampered', summary: 'changed after the fact' });
    const api = stubApi({
      myBids: () => ({ items: [{ ...bid, receipt: { ...bid.receipt, sha256 } }, { ...tampered, receipt: { ...tampered.receipt, sha256 } }], nextCursor: null }),
    });
    renderInExtension(<BidsTab />, { api });

    const card = await screen.findByRole('article', { name: bid.challengeTitle });
    expect(within(card).getByText('Shortlisted')).toBeTruthy();
    expect(within(card).getByText(sha256)).toBeTruthy();
    expect(await within(card).findByText('Verified on this device: the hash matches the bid’s content.')).toBeTruthy();
    const tamperedCard = screen.getByRole('article', { name: 'Tampered' });
    await waitFor(() => expect(within(tamperedCard).getByText('Warning: the hash does not match the bid’s content.')).toBeTruthy());
  });
});
