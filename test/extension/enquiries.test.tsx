import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EnquiriesTab } from '../../extension/components/enquiries.js';
import { ApiError } from '../../extension/lib/api.js';
import type { Enquiry } from '../../shared/schemas/enquiry.js';
import { renderInExtension, stubApi } from '../support/extension-fixtures.js';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

type Stubs = Parameters<typeof stubApi>[0];

const contacts = {
  sender: { displayName: 'Chen Jie', organization: 'Sunrise Solar', email: 'chen@sunrise.example', telegram: 'chenjie' },
  owner: { displayName: 'Wei Zhang', organization: 'Institute of Solar Materials', email: 'wei@ism.example', telegram: null },
};

function enquiryFixture(overrides: Partial<Enquiry> = {}): Enquiry {
  return {
    id: 'enq_in',
    achievementId: 'ach_mine',
    achievementTitle: 'Perovskite passivation',
    senderId: 'acc_firm',
    sender: { id: 'acc_firm', displayName: 'Chen Jie', organization: 'Sunrise Solar' },
    message: 'We make 1.2 m² modules and would license the passivation for our line.',
    mode: 'exclusive-license',
    offer: { amount: 600000, currency: 'CNY' },
    status: 'sent',
    feedback: null,
    contacts: null,
    createdAt: '2026-10-22T08:00:00.000Z',
    updatedAt: '2026-10-22T08:00:00.000Z',
    ...overrides,
  };
}

const incoming = enquiryFixture();
const outgoing = enquiryFixture({
  id: 'enq_out',
  achievementId: 'ach_theirs',
  achievementTitle: 'Barrier films by spatial ALD',
  senderId: 'acc_me',
  sender: { id: 'acc_me', displayName: 'Wei Zhang', organization: 'Institute of Solar Materials' },
  message: 'Could your films seal our cells?',
  mode: 'joint-rd',
  offer: null,
});

function renderTab(stubs: Stubs = {}, lists: { received?: Enquiry[]; sent?: Enquiry[] } = {}, locale: 'en' | 'zh' = 'en') {
  const api = stubApi({
    myEnquiries: ({ role }) => ({ items: lists[role] ?? (role === 'received' ? [incoming] : [outgoing]), nextCursor: null }),
    ...stubs,
  });
  renderInExtension(<EnquiriesTab />, { api, locale });
  return api;
}

const region = (name: string) => screen.getByRole('region', { name });
const cardIn = async (list: string, title: string) => {
  await screen.findAllByRole('article');
  return within(region(list)).getByRole('article', { name: title });
};

describe('Enquiries', () => {
  it('lists what came in on my achievements and what I sent, each with its status and terms', async () => {
    renderTab();
    const mine = await cardIn('Received on my achievements', 'Perovskite passivation');
    expect(within(mine).getByText('About “Perovskite passivation”')).toBeTruthy();
    expect(within(mine).getByText('From Chen Jie, Sunrise Solar')).toBeTruthy();
    expect(within(mine).getByText(/Mode: Exclusive licence · Offer: (CN)?¥\s?600,000/)).toBeTruthy();
    expect(within(mine).getByText('Sent')).toBeTruthy();
    const sent = within(region('Sent by me')).getByRole('article', { name: 'Barrier films by spatial ALD' });
    expect(within(sent).getByText(/Mode: Joint R&D · Offer: no offer/)).toBeTruthy();
    expect(within(sent).queryByText(/^From /)).toBeNull();
  });

  it('is sealed: it asks only for my own enquiries, and shows no contact details before acceptance', async () => {
    const api = renderTab();
    await screen.findAllByRole('article');
    expect(vi.mocked(api.myEnquiries).mock.calls.map(([query]) => query.role).sort()).toEqual(['received', 'sent']);
    expect(screen.queryByText(/chen@sunrise|wei@ism|@chenjie/)).toBeNull();
    expect(screen.getAllByText('Contact details are exchanged once the owner accepts.')).toHaveLength(2);
    // Enquiries of other people's achievements are never fetched: no per-achievement listing is called.
    expect(Object.keys(api).filter((name) => name !== 'myEnquiries' && (api as unknown as Record<string, ReturnType<typeof vi.fn>>)[name]!.mock?.calls.length)).toEqual([]);
  });

  it('accepts an enquiry and then shows the enterprise’s contact details', async () => {
    const api = renderTab({ acceptEnquiry: () => ({ ...incoming, status: 'accepted', contacts }) });
    const card = await cardIn('Received on my achievements', 'Perovskite passivation');
    fireEvent.click(within(card).getByRole('button', { name: 'Accept' }));
    expect(await within(card).findByText('Accepted')).toBeTruthy();
    expect(api.acceptEnquiry).toHaveBeenCalledWith('enq_in');
    const contact = within(card).getByLabelText('Contact details');
    expect(within(contact).getByRole('link', { name: 'chen@sunrise.example' }).getAttribute('href')).toBe('mailto:chen@sunrise.example');
    expect(within(contact).getByRole('link', { name: '@chenjie' })).toBeTruthy();
    expect(within(contact).queryByText(/wei@ism/)).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Accept' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Decline' })).toBeNull();
  });

  it('declines with a structured reason and a note, and asks for the reason first', async () => {
    const api = renderTab({
      declineEnquiry: (_id, { reason, note = '' }) => ({ ...incoming, status: 'declined', feedback: { reason, note } }),
    });
    const card = await cardIn('Received on my achievements', 'Perovskite passivation');
    fireEvent.click(within(card).getByRole('button', { name: 'Decline' }));
    const form = within(card).getByRole('form', { name: 'Decline' });
    fireEvent.click(within(form).getByRole('button', { name: 'Decline the enquiry' }));
    expect(within(form).getByText('Required')).toBeTruthy();
    expect(api.declineEnquiry).not.toHaveBeenCalled();

    fireEvent.click(within(form).getByRole('radio', { name: 'Route to market unclear' }));
    const note = within(form).getByLabelText('Note to the enterprise (optional)');
    fireEvent.input(note, { target: { value: 'x'.repeat(2001) } });
    fireEvent.click(within(form).getByRole('button', { name: 'Decline the enquiry' }));
    expect(within(form).getByText('At most 2000 characters')).toBeTruthy();
    expect(api.declineEnquiry).not.toHaveBeenCalled();
    fireEvent.input(note, { target: { value: '  Which line would it go on?  ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Decline the enquiry' }));
    expect(await within(card).findByText('Declined', { selector: '.status' })).toBeTruthy();
    expect(api.declineEnquiry).toHaveBeenCalledWith('enq_in', { reason: 'route-to-market-unclear', note: 'Which line would it go on?' });
    expect(within(card).getByText(/Route to market unclear — Which line would it go on\?/)).toBeTruthy();
    expect(within(card).queryByRole('form')).toBeNull();
  });

  it('keeps the decline form and says why when the server refuses', async () => {
    renderTab({ declineEnquiry: () => Promise.reject(new ApiError(409, 'conflict', 'The sender withdrew this enquiry')) });
    const card = await cardIn('Received on my achievements', 'Perovskite passivation');
    fireEvent.click(within(card).getByRole('button', { name: 'Decline' }));
    fireEvent.click(within(card).getByRole('radio', { name: 'Price' }));
    fireEvent.input(within(card).getByLabelText('Note to the enterprise (optional)'), { target: { value: 'Too low for an exclusive licence' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Decline the enquiry' }));
    expect((await within(card).findByRole('alert')).textContent).toBe('The sender withdrew this enquiry');
    expect((within(card).getByLabelText('Note to the enterprise (optional)') as HTMLTextAreaElement).value).toBe('Too low for an exclusive licence');
    expect((within(card).getByRole('radio', { name: 'Price' }) as HTMLInputElement).checked).toBe(true);
  });

  it('withdraws an enquiry I sent while it is unanswered, and offers nothing on answered ones', async () => {
    const declined = enquiryFixture({ ...outgoing, id: 'enq_old', achievementTitle: 'Old enquiry', status: 'declined', feedback: { reason: 'too-early', note: '' } });
    const api = renderTab({ withdrawEnquiry: () => ({ ...outgoing, status: 'withdrawn' }) }, { sent: [outgoing, declined] });
    const card = await cardIn('Sent by me', 'Barrier films by spatial ALD');
    expect(within(card).queryByRole('button', { name: 'Accept' })).toBeNull();
    const old = within(region('Sent by me')).getByRole('article', { name: 'Old enquiry' });
    expect(within(old).queryByRole('button')).toBeNull();
    expect(within(old).getByText('Too early')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Withdraw' }));
    expect(await within(card).findByText('Withdrawn')).toBeTruthy();
    expect(api.withdrawEnquiry).toHaveBeenCalledWith('enq_out');
    expect(within(card).queryByRole('button', { name: 'Withdraw' })).toBeNull();
  });

  it('shows the owner’s contact details on an accepted enquiry I sent', async () => {
    renderTab({}, { received: [], sent: [{ ...outgoing, status: 'accepted', contacts }] });
    const card = await cardIn('Sent by me', 'Barrier films by spatial ALD');
    const contact = within(card).getByLabelText('Contact details');
    expect(within(contact).getByText('Contact details (Owner)')).toBeTruthy();
    expect(within(contact).getByRole('link', { name: 'wei@ism.example' })).toBeTruthy();
    expect(within(contact).queryByText(/chen@sunrise/)).toBeNull();
    expect(screen.getByText('No enquiries about your achievements yet.')).toBeTruthy();
  });

  it('speaks Chinese to a Chinese reader, with the shared status and reason words', async () => {
    renderTab({}, { received: [incoming], sent: [{ ...outgoing, status: 'declined', feedback: { reason: 'outside-scope', note: '' } }] }, 'zh');
    const card = await cardIn('我的成果收到的询价', 'Perovskite passivation');
    expect(within(card).getByText('已发送')).toBeTruthy();
    expect(within(card).getByRole('button', { name: '接受' })).toBeTruthy();
    const sent = within(region('我发出的询价')).getByRole('article', { name: 'Barrier films by spatial ALD' });
    expect(within(sent).getByText('已婉拒', { selector: '.status' })).toBeTruthy();
    expect(within(sent).getByText('不在业务范围内')).toBeTruthy();
  });
});
