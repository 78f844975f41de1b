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
