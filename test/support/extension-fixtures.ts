import { render } from '@testing-library/preact';
import { h, type ComponentChildren } from 'preact';
import { vi } from 'vitest';
import type { Bid } from '../../shared/schemas/bid.js';
import type { Challenge } from '../../shared/schemas/challenge.js';
import type { Locale } from '../../shared/schemas/common.js';
import type { Match } from '../../shared/schemas/match.js';
import type { PaperRecord } from '../../shared/schemas/paper.js';
import { ExtensionContext } from '../../extension/components/context.js';
import type { ApiClient } from '../../extension/lib/api.js';
import { messagesFor } from '../../extension/lib/i18n.js';

/** An API client whose every method fails loudly unless the test stubs it. */
export function stubApi(methods: Partial<{ [K in keyof ApiClient]: (...args: Parameters<ApiClient[K]>) => unknown }> = {}): ApiClient {
  const unstubbed = (name: string) => vi.fn(async () => Promise.reject(new Error(`api.${name} was not stubbed`)));
  const api: Record<string, unknown> = {};
  for (const name of ['login', 'exchange', 'logout', 'me', 'matches', 'saved', 'save', 'unsave', 'papers', 'addPaper', 'updatePaper', 'deletePaper', 'myBids', 'propose', 'bid', 'reviseBid', 'withdrawBid', 'challenge', 'notifications', 'markRead', 'myAchievements', 'createAchievement', 'updateAchievement', 'publishAchievement', 'withdrawAchievement', 'myEnquiries', 'acceptEnquiry', 'declineEnquiry', 'withdrawEnquiry']) {
    const stub = (methods as Record<string, ((...args: unknown[]) => unknown) | undefined>)[name];
    api[name] = stub ? vi.fn(async (...args: unknown[]) => stub(...args)) : unstubbed(name);
  }
  return api as unknown as ApiClient;
}

/** Renders an extension component in `locale` with `api`, as the pages' `mountPage` does. */
export function renderInExtension(ui: ComponentChildren, { api = stubApi(), locale = 'en' as Locale } = {}) {
  return render(h(ExtensionContext.Provider, { value: { api, locale, t: messagesFor(locale) } }, ui));
}

const DAY = 24 * 60 * 60 * 1000;

export function challengeFixture(overrides: Partial<Challenge> = {}): Challenge {
  return {
    id: 'chl_perovskite',
    ownerId: 'acc_owner',
    owner: { id: 'acc_owner', displayName: 'Li Na', organization: 'Sunrise Solar' },
    title: 'Stabilise perovskite modules under damp heat',
    summary: 'Modules must keep 95% of their efficiency after 1000 hours at 85 °C and 85% humidity.',
    description: 'We make 1.2 m² modules and need an encapsulation route.',
    fields: ['energy', 'new-materials'],
    keywords: ['perovskite', 'encapsulation'],
    type: 'prototype',
    reward: { amount: 500000, currency: 'CNY' },
    deadline: new Date(Date.now() + 12 * DAY + 60_000).toISOString(),
    ipTerms: 'joint-rd',
    rubric: [],
    blind: false,
    revealAt: 'award',
    phases: [],
    phase: 0,
    status: 'open',
    award: null,
    counters: { bids: 0, saves: 0, questions: 0 },
    viewer: { isOwner: false, saved: false, bidId: null },
    actions: ['bid', 'ask', 'save'],
    createdAt: '2026-10-01T00:00:00.000Z',
    publishedAt: '2026-10-01T00:00:00.000Z',
    closedAt: null,
    updatedAt: '2026-10-01T00:00:00.000Z',
    ...overrides,
  };
}

export function matchFixture(matchedTerms: string[], challenge = challengeFixture()): Match {
  return { challenge, score: 3.2, matchedTerms, reasons: [{ source: 'keyword', label: 'perovskite', terms: matchedTerms }] };
}

export function paperFixture(overrides: Partial<PaperRecord> = {}): PaperRecord {
  return {
    id: 'pap_1',
    ownerId: 'acc_me',
    createdAt: '2026-10-20T08:00:00.000Z',
    url: 'https://journals.example.org/pvk',
    title: 'Interface passivation for stable perovskite cells',
    authors: [{ given: 'Wei', family: 'Zhang' }],
    doi: '10.1234/pvk.1',
    arxivId: null,
    year: 2024,
    venue: 'Example Energy',
    abstract: null,
    pdfUrl: null,
    quote: null,
    note: null,
    ...overrides,
  };
}

export function bidFixture(overrides: Partial<Bid> = {}): Bid {
  return {
    id: 'bid_1',
    challengeId: 'chl_perovskite',
    challengeTitle: 'Stabilise perovskite modules under damp heat',
    bidderId: 'acc_me',
    bidder: { id: 'acc_me', displayName: 'Wei Zhang', organization: 'Lab' },
    summary: 'ALD encapsulation',
    approach: 'Atomic layer deposition barrier stacks',
    price: { amount: 300000, currency: 'CNY' },
    durationWeeks: 24,
    milestones: [],
    references: [],
    status: 'shortlisted',
    revision: 1,
    history: [],
    feedback: null,
    receipt: { sha256: 'a'.repeat(64), receivedAt: '2026-10-21T10:00:00.000Z', revision: 1 },
    createdAt: '2026-10-21T10:00:00.000Z',
    updatedAt: '2026-10-21T10:00:00.000Z',
    ...overrides,
  };
}
