import { describe, expect, it } from 'vitest';
import { vocabularyFor } from '../../shared/labels.js';
import { formatChallengeCard, formatDateTime, type CardChallenge } from '../../bot/format-challenge.js';
import { formatBid } from '../../bot/format-bid.js';
import { COMMANDS, messagesFor, type Messages } from '../../bot/i18n.js';

const NOW = new Date('2026-11-01T09:00:00.000Z');

const challenge: CardChallenge = {
  title: 'Cheap <b>bold</b> & "quoted" title',
  summary: 'A summary with <script>alert(1)</script>.',
  fields: ['ai', 'energy'],
  reward: { amount: 500000, currency: 'CNY' },
  deadline: '2026-12-31T23:59:59.000Z',
  status: 'open',
  owner: { id: 'acc_1', displayName: 'Zhang <San>', organization: 'Acme & Co' },
};

describe('formatChallengeCard', () => {
  it('shows title, enterprise, reward, deadline countdown, fields and summary, all escaped', () => {
    const card = formatChallengeCard(challenge, { locale: 'en', now: NOW });
    expect(card).toBe(
      [
        '<b>Cheap &lt;b&gt;bold&lt;/b&gt; &amp; "quoted" title</b>',
        '🏢 Zhang &lt;San&gt; · Acme &amp; Co',
        '💰 Reward: <b>CN¥500,000</b>',
        '⏳ Deadline: 31 Dec 2026, 23:59 UTC — 60 days left',
        '🏷 Artificial intelligence · Clean &amp; efficient energy',
        '',
        'A summary with &lt;script&gt;alert(1)&lt;/script&gt;.',
      ].join('\n'),
    );
  });

  it('speaks Chinese', () => {
    const card = formatChallengeCard(challenge, { locale: 'zh', now: NOW });
    expect(card).toContain('💰 悬赏: <b>¥500,000</b>');
    expect(card).toContain('2027年1月1日 07:59 北京时间 — 剩余 60 天');
    expect(card).toContain('🏷 人工智能 · 清洁高效能源');
  });

  it('shows the status when not open, and the winner when awarded', () => {
    const awarded = formatChallengeCard(
      { ...challenge, status: 'awarded', award: { bidId: 'bid_1', winner: { id: 'acc_2', displayName: 'Ada', organization: '' }, amount: { amount: 1, currency: 'USD' }, note: '', awardedAt: NOW.toISOString() } },
      { locale: 'en', now: NOW },
    );
    expect(awarded).toContain('🏆 Awarded');
    expect(awarded).toContain('Awarded to <b>Ada</b> for US$1');
    expect(awarded).not.toContain('days left');
  });

  it('keeps the details view within one Telegram message however long the description', () => {
    const card = formatChallengeCard(
      { ...challenge, description: '<&>'.repeat(10_000), type: 'prototype', ipTerms: 'equity', counters: { bids: 1, saves: 2, questions: 3 } },
      {
        locale: 'en',
        now: NOW,
        detailed: { questions: [{ id: 'q', challengeId: 'c', text: 'Q?', answer: 'A.', askedAt: '', answeredAt: '' }] },
        pageUrl: 'https://tenderlab.example/challenges/chl_1',
      },
    );
    expect(card.length).toBeLessThanOrEqual(4096);
    expect(card).toContain('<b>Type:</b> Prototype');
    expect(card).toContain('…\n<a href="https://tenderlab.example/challenges/chl_1">Read it all on the board ▸</a>');
    expect(card).toContain('1 bid · 2 saves · 3 questions');
    expect(card).toContain('Q?');
  });
});

describe('one vocabulary, escaped', () => {
  it('takes type and IP labels from shared/labels.ts and escapes them in HTML (Joint R&D)', () => {
    const card = formatChallengeCard({ ...challenge, type: 'theoretical', ipTerms: 'joint-rd' }, { locale: 'en', now: NOW, detailed: { questions: [] } });
    expect(card).toContain(`<b>IP terms:</b> Joint R&amp;D`);
    expect(card).toContain(`<b>Type:</b> ${vocabularyFor('en').challengeType.theoretical}`);
    const zh = formatChallengeCard({ ...challenge, type: 'theoretical', ipTerms: 'joint-rd' }, { locale: 'zh', now: NOW, detailed: { questions: [] } });
    expect(zh).toContain(vocabularyFor('zh').challengeType.theoretical);
  });
});

describe('formatting helpers', () => {
  it('puts the shared countdown after the deadline on the card', () => {
    const due = (ms: number) => ({ ...challenge, deadline: new Date(NOW.getTime() + ms).toISOString() });
    expect(formatChallengeCard(due(30 * 3_600_000), { locale: 'en', now: NOW })).toContain('2 Nov 2026, 15:00 UTC — 30 hours left');
    expect(formatChallengeCard(due(90_000), { locale: 'en', now: NOW })).toContain('1 Nov 2026, 09:01 UTC — 1 minute left');
    expect(formatChallengeCard(due(90_000), { locale: 'zh', now: NOW })).toContain('2026年11月1日 17:01 北京时间 — 剩余 1 分钟');
    expect(formatChallengeCard(due(-1), { locale: 'en', now: NOW })).toContain('1 Nov 2026, 08:59 UTC — deadline passed');
    expect(formatChallengeCard(due(-1), { locale: 'zh', now: NOW })).toContain('2026年11月1日 16:59 北京时间 — 已截止');
  });

  it('writes dates in the reader’s zone: their own, or their language’s (Beijing for Chinese, UTC for English)', () => {
    expect(formatDateTime('2026-12-31T23:59:59.000Z', 'en')).toBe('31 Dec 2026, 23:59 UTC');
    expect(formatDateTime('2026-12-31T23:59:59.000Z', 'zh')).toBe('2027年1月1日 07:59 北京时间');
    expect(formatDateTime('2026-12-31T23:59:59.000Z', 'en', 'Europe/Berlin')).toBe('1 Jan 2027, 00:59 Europe/Berlin');
    expect(formatDateTime('2026-12-31T23:59:59.000Z', 'zh', 'UTC')).toBe('2026年12月31日 23:59 UTC');
  });

  it('keeps a bid within one message', () => {
    const text = formatBid(
      { summary: 's'.repeat(1000), approach: '&'.repeat(20_000), price: { amount: 1, currency: 'CNY' }, durationWeeks: 3, references: Array.from({ length: 30 }, (_, i) => ({ paperId: null, title: `T${i}`.repeat(100), authors: [], doi: null, arxivId: null, year: null, venue: null, url: null })) },
      { locale: 'en', reader: 'owner', header: 'H' },
    );
    expect(text.length).toBeLessThanOrEqual(4096);
  });
});

describe('the message catalogue', () => {
  /** Every leaf of a catalogue: strings as they are, functions called with sample arguments. */
  function leaves(node: unknown, path = ''): [string, string][] {
    if (typeof node === 'string') return [[path, node]];
    if (typeof node === 'function') return [[path, String(node('x', 'y', 'z'))]];
    return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }

  it('has every message in both languages, none empty, Chinese ones in Chinese', () => {
    const en = leaves(messagesFor('en'));
    const zh = leaves(messagesFor('zh'));
    expect(zh.map(([p]) => p)).toEqual(en.map(([p]) => p));
    for (const [path, text] of [...en, ...zh]) expect(text.trim(), path).not.toBe('');
    // Messages that are only emoji or markup around a value read the same in both languages.
    const languageNeutral = new Set([
      'card.enterprise',
      'card.fields',
      'bid.from',
      'subscriptions.keywords',
      'conversation.chosen',
      'notifications.unreadMark',
      'notifications.markRead',
      'sessions.revoke',
      'revise.none',
      'achievements.statusLine',
      'enquiries.from',
      'enquiries.statusLine',
    ]);
    const english = Object.fromEntries(en);
    const untranslated = zh.filter(([path, text]) => text === english[path] && !languageNeutral.has(path)).map(([path]) => path);
    expect(untranslated).toEqual([]);
  });

  it('describes every command in both languages within Telegram’s 256 characters', () => {
    for (const locale of ['en', 'zh'] as const) {
      const t: Messages = messagesFor(locale);
      for (const command of COMMANDS) {
        expect(t.commands[command].length).toBeGreaterThan(2);
        expect(t.commands[command].length).toBeLessThanOrEqual(256);
      }
    }
  });
});
