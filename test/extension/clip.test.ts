import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Paper } from '../../shared/schemas/paper.js';
import { badgeText } from '../../extension/lib/badge.js';
import { showClipCard, type ClipCardView } from '../../extension/lib/clip-card.js';
import { describeClip, paperInputFrom } from '../../extension/lib/clip.js';
import { localeOf, messagesFor } from '../../extension/lib/i18n.js';
import { paperFixture } from '../support/extension-fixtures.js';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

const paper: Paper = {
  url: 'https://arxiv.org/abs/2401.01234',
  title: 'T'.repeat(600),
  authors: Array.from({ length: 250 }, (_, i) => ({ given: 'A', family: `Author${i}` })),
  doi: null,
  arxivId: '2401.01234',
  year: 2024,
  venue: null,
  abstract: 'x'.repeat(12_000),
  pdfUrl: 'https://arxiv.org/pdf/2401.01234',
  quote: null,
  note: null,
};

describe('the clip sent to the server', () => {
  it('fits what PaperInput accepts and carries the selection as the quote', () => {
    const input = paperInputFrom(paper, '  a selected sentence  ');
    expect(input.title).toHaveLength(500);
    expect(input.authors).toHaveLength(200);
    expect(input.abstract).toHaveLength(10_000);
    expect(input.quote).toBe('a selected sentence');
    expect(input.arxivId).toBe('2401.01234');
    expect(paperInputFrom(paper, '   ').quote).toBeNull();
  });

  it('carries keywords, Latin names, affiliations and a patent’s details, cut to what PaperInput accepts', () => {
    const patent = { number: 'CN115123456A', applicationNumber: null, applicants: ['华北电力大学'], filingDate: '2022-04-27', publicationDate: null };
    const input = paperInputFrom(
      {
        ...paper,
        kind: 'patent',
        authors: [{ given: '伟', family: '张', latin: { given: 'Wei', family: 'Zhang' }, affiliations: ['A'.repeat(400)] }],
        keywords: [...Array.from({ length: 120 }, (_, i) => `k${i}`), 'x'.repeat(300)],
        translatedTitle: 'An English title',
        patent,
      },
      null,
    );
    expect(input.authors).toEqual([{ given: '伟', family: '张', latin: { given: 'Wei', family: 'Zhang' }, affiliations: ['A'.repeat(300)] }]);
    expect(input.keywords).toHaveLength(100);
    expect(input).toMatchObject({ kind: 'patent', translatedTitle: 'An English title', patent, funding: [] });
    expect(paperInputFrom(paper, null)).toMatchObject({ kind: 'article', keywords: [], patent: null });
  });
});

describe('the in-page card', () => {
  const t = messagesFor('en');
  const view = (outcome: Parameters<typeof describeClip>[0]): ClipCardView => ({
    ...describeClip(outcome, t, 'en'),
    labels: { close: t.close, undo: t.undo, removed: t.clipRemoved, quote: t.quote },
  });

  it('shows what was saved in its own shadow root, and Undo removes it', async () => {
    const onUndo = vi.fn(async () => true);
    const saved = paperFixture({ id: 'pap_9', title: 'Interface passivation', quote: 'we passivate', authors: [{ given: 'Wei', family: 'Zhang' }] });
    const host = showClipCard(document, view({ kind: 'saved', paper: saved }), onUndo);
    const card = host.shadowRoot!;
    expect(card.querySelector('.heading')?.textContent).toBe('Clipped to your papers');
    expect(card.querySelector('.title')?.textContent).toBe('Interface passivation');
    expect([...card.querySelectorAll('.meta')].map((n) => n.textContent)).toEqual(['Zhang', 'Example Energy · 2024 · doi:10.1234/pvk.1']);
    expect(card.querySelector('blockquote')?.textContent).toBe('we passivate');

    (card.querySelector('button.undo') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(card.querySelector('.heading')?.textContent).toBe('Removed from your papers'));
    expect(onUndo).toHaveBeenCalledWith('pap_9');
  });

  it('replaces an earlier card, offers no Undo for a duplicate, and leaves after a while', () => {
    vi.useFakeTimers();
    showClipCard(document, view({ kind: 'not-a-paper', url: 'https://news.example.com' }), async () => true);
    const duplicate = showClipCard(document, view({ kind: 'duplicate', paper: paperFixture() }), async () => true);
    expect(document.querySelectorAll('#tenderlab-clip-card')).toHaveLength(1);
    // The heading says "Already in your papers"; the line under it says when, without saying it again.
    expect(duplicate.shadowRoot!.querySelector('.heading')?.textContent).toBe('Already in your papers');
    expect(duplicate.shadowRoot!.querySelector('.body')?.textContent).toMatch(/^Clipped \d+ \w+ 2026\.$/);
    expect(duplicate.shadowRoot!.querySelector('button.undo')).toBeNull();
    vi.advanceTimersByTime(8_001);
    expect(document.getElementById('tenderlab-clip-card')).toBeNull();
  });
});

describe('the in-page card and the keyboard', () => {
  const t = messagesFor('en');
  it('stays while it holds the keyboard focus, so Undo can be reached by Tab, and leaves once the focus does', () => {
    vi.useFakeTimers();
    const saved = paperFixture({ id: 'pap_9' });
    const host = showClipCard(document, { ...describeClip({ kind: 'saved', paper: saved }, t, 'en'), labels: { close: t.close, undo: t.undo, removed: t.clipRemoved, quote: t.quote } }, async () => true);
    const undo = host.shadowRoot!.querySelector('button.undo') as HTMLButtonElement;
    undo.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    vi.advanceTimersByTime(60_000);
    expect(document.getElementById('tenderlab-clip-card')).toBe(host);
    undo.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget: document.body }));
    vi.advanceTimersByTime(8_001);
    expect(document.getElementById('tenderlab-clip-card')).toBeNull();
  });
});

describe('language and small formats', () => {
  it('follows the browser: any Chinese tag is Chinese, anything else English', () => {
    expect(['zh', 'zh-CN', 'zh-Hant-TW'].map(localeOf)).toEqual(['zh', 'zh', 'zh']);
    expect(['en-US', 'de', undefined].map(localeOf)).toEqual(['en', 'en', 'en']);
    expect(messagesFor('zh').clipMenuTitle).toBe('剪藏论文到 Tenderlab');
  });

  it('writes the badge as nothing, the count, or 99+', () => {
    expect([0, 1, 99, 100].map(badgeText)).toEqual(['', '1', '99', '99+']);
  });
});
