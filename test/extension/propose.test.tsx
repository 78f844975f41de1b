import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProposeForm } from '../../extension/components/propose-form.js';
import { ApiError } from '../../extension/lib/api.js';
import { bidFixture, challengeFixture, paperFixture, renderInExtension, stubApi } from '../support/extension-fixtures.js';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const papers = [
  paperFixture({ id: 'pap_chosen', title: 'Interface passivation for stable perovskite cells' }),
  paperFixture({ id: 'pap_other', title: 'Barrier films by atomic layer deposition', doi: '10.1234/ald.2' }),
];

function renderForm(overrides: Parameters<typeof stubApi>[0] = {}, locale: 'en' | 'zh' = 'en') {
  const api = stubApi({ papers: () => ({ items: papers, nextCursor: null }), ...overrides });
  const onSubmitted = vi.fn();
  renderInExtension(
    <ProposeForm challenge={challengeFixture()} chosenPaperIds={new Set(['pap_chosen'])} onSubmitted={onSubmitted} onCancel={() => undefined} />,
    { api, locale },
  );
  return { api, onSubmitted };
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const fieldOf = (label: string) => screen.getByLabelText(label).closest('.field') as HTMLElement;

describe('Propose form', () => {
  it('starts with the chosen papers ticked as references and the challenge’s currency', async () => {
    renderForm();
    const chosen = await screen.findByRole('checkbox', { name: /Interface passivation/ });
    const other = screen.getByRole('checkbox', { name: /Barrier films/ });
    expect((chosen as HTMLInputElement).checked).toBe(true);
    expect((other as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Currency') as HTMLInputElement).value).toBe('CNY');
  });

  it('shows the shared schema’s verdict on each field and sends nothing while it fails', async () => {
    const { api } = renderForm();
    await screen.findByRole('checkbox', { name: /Interface passivation/ });
    type('Summary', 'too short');
    type('Price', 'lots');
    type('Currency', 'yuan');
    type('Duration (weeks)', '2.5');
    fireEvent.click(screen.getByRole('button', { name: 'Add milestone' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit proposal' }));

    expect(await screen.findByText('Please fix the highlighted fields.')).toBeTruthy();
    expect(within(fieldOf('Summary')).getByText('At least 10 characters')).toBeTruthy();
    // Left empty: the shared text rule refuses blank text before it counts characters.
    expect(within(fieldOf('Approach')).getByText('Required')).toBeTruthy();
    expect(within(fieldOf('Price')).getByText('Enter a number')).toBeTruthy();
    expect(within(fieldOf('Currency')).getByText('A 3-letter code such as CNY or USD')).toBeTruthy();
    expect(within(fieldOf('Duration (weeks)')).getByText('Enter a whole number')).toBeTruthy();
    expect(within(fieldOf('Milestone')).getByText('Required')).toBeTruthy();
    expect(within(fieldOf('Weeks')).getByText('Required')).toBeTruthy();
    expect(api.propose).not.toHaveBeenCalled();
  });

  it('words the errors in Chinese for a Chinese browser', async () => {
    renderForm({}, 'zh');
    await screen.findByRole('checkbox', { name: /Interface passivation/ });
    fireEvent.click(screen.getByRole('button', { name: '提交投标' }));
    expect(within(fieldOf('概要')).getByText('必填')).toBeTruthy();
    expect(within(fieldOf('报价')).getByText('必填')).toBeTruthy();
  });

  it('submits a valid bid citing the ticked papers and hands back the bid with its receipt', async () => {
    const bid = bidFixture();
    const { api, onSubmitted } = renderForm({ propose: () => bid });
    fireEvent.click(await screen.findByRole('checkbox', { name: /Barrier films/ }));
    type('Summary', 'ALD encapsulation of full-size modules');
    type('Approach', 'Alumina/zirconia nanolaminates by spatial ALD, tested to IEC 61215 damp heat.');
    type('Price', '320,000');
    type('Duration (weeks)', '26');
    fireEvent.click(screen.getByRole('button', { name: 'Add milestone' }));
    type('Milestone', 'Pilot line coating');
    type('Weeks', '10');
    fireEvent.click(screen.getByRole('button', { name: 'Submit proposal' }));

    await vi.waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(bid));
    expect(api.propose).toHaveBeenCalledWith('chl_perovskite', {
      summary: 'ALD encapsulation of full-size modules',
      approach: 'Alumina/zirconia nanolaminates by spatial ALD, tested to IEC 61215 damp heat.',
      price: { amount: 320000, currency: 'CNY' },
      durationWeeks: 26,
      milestones: [{ title: 'Pilot line coating', weeks: 10, amount: null }],
      paperIds: ['pap_chosen', 'pap_other'],
    });
  });

  it('shows the server’s refusal: field issues of a 422 next to the fields, anything else as a notice', async () => {
    const { onSubmitted } = renderForm({
      propose: () => Promise.reject(new ApiError(422, 'validation_failed', 'summary: nope', { issues: [{ path: 'summary', message: 'nope' }] })),
    });
    await screen.findByRole('checkbox', { name: /Interface passivation/ });
    type('Summary', 'A long enough summary');
    type('Approach', 'A long enough approach');
    type('Price', '1000');
    type('Duration (weeks)', '4');
    fireEvent.click(screen.getByRole('button', { name: 'Submit proposal' }));
    expect(await within(fieldOf('Summary')).findByText('nope')).toBeTruthy();
    expect(onSubmitted).not.toHaveBeenCalled();
    cleanup();

    renderForm({ propose: () => Promise.reject(new ApiError(409, 'conflict', 'You already have a live bid on this challenge')) });
    await screen.findByRole('checkbox', { name: /Interface passivation/ });
    type('Summary', 'A long enough summary');
    type('Approach', 'A long enough approach');
    type('Price', '1000');
    type('Duration (weeks)', '4');
    fireEvent.click(screen.getByRole('button', { name: 'Submit proposal' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You already have a live bid on this challenge');
  });
});

describe('Revise form', () => {
  const typedIn = {
    paperId: null,
    title: 'Damp heat testing of thin-film modules',
    authors: [{ given: 'Ana', family: 'Ruiz' }],
    doi: null,
    arxivId: null,
    year: 2021,
    venue: 'PV Letters',
    url: null,
  };
  const citedClip = { paperId: 'pap_chosen', title: papers[0]!.title, authors: papers[0]!.authors, doi: papers[0]!.doi, arxivId: null, year: 2024, venue: 'Example Energy', url: papers[0]!.url };
  const live = bidFixture({
    status: 'submitted',
    revision: 2,
    summary: 'ALD encapsulation of full-size modules',
    approach: 'Alumina/zirconia nanolaminates by spatial ALD.',
    milestones: [{ title: 'Barrier stack qualified', weeks: 8, amount: 100000 }],
    references: [citedClip, typedIn],
    actions: ['revise', 'withdraw'],
  });

  function renderRevise(overrides: Parameters<typeof stubApi>[0] = {}, bid = live, locale: 'en' | 'zh' = 'en') {
    const api = stubApi({
      papers: () => ({ items: papers, nextCursor: null }),
      bid: () => bid,
      challenge: () => challengeFixture(),
      ...overrides,
    });
    const onSubmitted = vi.fn();
    renderInExtension(<ProposeForm bidId="bid_1" onSubmitted={onSubmitted} onCancel={() => undefined} />, { api, locale });
    return { api, onSubmitted };
  }
  const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
  const checked = (name: RegExp) => (screen.getByRole('checkbox', { name }) as HTMLInputElement).checked;

  it('reads the bid and its challenge and starts from the bid: text, price, weeks, milestones and cited papers', async () => {
    const { api } = renderRevise();
    expect(await screen.findByRole('heading', { name: 'Revise your bid: Stabilise perovskite modules under damp heat' })).toBeTruthy();
    await screen.findByRole('checkbox', { name: /Barrier films/ });
    expect(api.bid).toHaveBeenCalledWith('bid_1');
    expect(api.challenge).toHaveBeenCalledWith('chl_perovskite');
    expect(screen.getByText('This is revision 2. What you change becomes revision 3, with a new receipt.')).toBeTruthy();
    expect(value('Summary')).toBe('ALD encapsulation of full-size modules');
    expect(value('Approach')).toBe('Alumina/zirconia nanolaminates by spatial ALD.');
    expect(value('Price')).toBe('300000');
    expect(value('Currency')).toBe('CNY');
    expect(value('Duration (weeks)')).toBe('24');
    expect(value('Milestone')).toBe('Barrier stack qualified');
    expect(value('Weeks')).toBe('8');
    expect(value('Amount (optional)')).toBe('100000');
    expect(checked(/Interface passivation/)).toBe(true);
    expect(checked(/Barrier films/)).toBe(false);
    // Typed in, not one of the reader's clips: listed on its own, ticked.
    expect(checked(/Damp heat testing of thin-film modules/)).toBe(true);
    expect(screen.getByRole('checkbox', { name: /Damp heat testing.*kept as the bid cites it/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Interface passivation/ }).closest('label')!.textContent).not.toContain('kept as the bid cites it');
    expect(screen.getByRole('button', { name: 'Submit revision' })).toBeTruthy();
  });

  it('sends only what changed through the revise route and hands back the revised bid', async () => {
    const revised = bidFixture({ ...live, revision: 3, summary: 'ALD encapsulation, pilot-line ready', receipt: { sha256: 'b'.repeat(64), receivedAt: '2026-10-25T10:00:00.000Z', revision: 3 } });
    const { api, onSubmitted } = renderRevise({ reviseBid: () => revised });
    await screen.findByRole('checkbox', { name: /Barrier films/ });
    type('Summary', '  ALD encapsulation, pilot-line ready ');
    fireEvent.click(screen.getByRole('button', { name: 'Submit revision' }));

    await vi.waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(revised));
    expect(api.reviseBid).toHaveBeenCalledWith('bid_1', { summary: 'ALD encapsulation, pilot-line ready' });
    expect(api.propose).not.toHaveBeenCalled();
  });

  it('sends a changed price, milestones and citation list whole, keeping the typed-in reference as the bid has it', async () => {
    const { api, onSubmitted } = renderRevise({ reviseBid: () => live });
    fireEvent.click(await screen.findByRole('checkbox', { name: /Barrier films/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Interface passivation/ }));
    type('Price', '280,000');
    type('Amount (optional)', '');
    fireEvent.click(screen.getByRole('button', { name: 'Submit revision' }));

    await vi.waitFor(() => expect(onSubmitted).toHaveBeenCalled());
    expect(api.reviseBid).toHaveBeenCalledWith('bid_1', {
      price: { amount: 280000, currency: 'CNY' },
      milestones: [{ title: 'Barrier stack qualified', weeks: 8, amount: null }],
      paperIds: ['pap_other'],
      references: [typedIn],
    });
  });

  it('says so and sends nothing when nothing changed, even after ticking a paper off and on again', async () => {
    const { api, onSubmitted } = renderRevise();
    await screen.findByRole('checkbox', { name: /Barrier films/ });
    fireEvent.click(screen.getByRole('checkbox', { name: /Interface passivation/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Damp heat testing/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Damp heat testing/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Interface passivation/ }));
    type('Approach', 'Alumina/zirconia nanolaminates by spatial ALD. ');
    fireEvent.click(screen.getByRole('button', { name: 'Submit revision' }));

    expect((await screen.findByRole('status')).textContent).toBe('Nothing has changed, so nothing was sent.');
    expect(api.reviseBid).not.toHaveBeenCalled();
    expect(onSubmitted).not.toHaveBeenCalled();
  });

  it('shows a refusal with the server’s reason and keeps everything typed', async () => {
    const { onSubmitted } = renderRevise({
      reviseBid: () => Promise.reject(new ApiError(409, 'conflict', 'A shortlisted bid cannot be revised')),
    });
    await screen.findByRole('checkbox', { name: /Barrier films/ });
    type('Summary', 'A sharper summary of the plan');
    type('Duration (weeks)', '20');
    fireEvent.click(screen.getByRole('checkbox', { name: /Damp heat testing/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit revision' }));

    expect((await screen.findByRole('alert')).textContent).toBe('A shortlisted bid cannot be revised');
    expect(value('Summary')).toBe('A sharper summary of the plan');
    expect(value('Duration (weeks)')).toBe('20');
    expect(checked(/Damp heat testing/)).toBe(false);
    expect(onSubmitted).not.toHaveBeenCalled();
  });

  it('says why instead of opening a bid the server no longer lets its bidder revise', async () => {
    const { api } = renderRevise({}, bidFixture({ ...live, status: 'shortlisted', actions: ['withdraw'] }));
    expect((await screen.findByRole('alert')).textContent).toBe('This bid is shortlisted now and can no longer be revised.');
    expect(screen.queryByRole('button', { name: 'Submit revision' })).toBeNull();
    cleanup();

    renderRevise({}, bidFixture({ ...live, actions: [] }), 'zh');
    expect((await screen.findByRole('alert')).textContent).toBe('该需求已停止接受投标，这份投标不能再修改。');
    expect(api.reviseBid).not.toHaveBeenCalled();
  });

  it('speaks Chinese to a Chinese reader', async () => {
    renderRevise({}, live, 'zh');
    expect(await screen.findByRole('heading', { name: '修改投标: Stabilise perovskite modules under damp heat' })).toBeTruthy();
    await screen.findByRole('checkbox', { name: /Barrier films/ });
    fireEvent.click(screen.getByRole('button', { name: '提交修改' }));
    expect((await screen.findByRole('status')).textContent).toBe('内容没有改动，未提交。');
  });
});
