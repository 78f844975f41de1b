import type { Account, AuthResult, ExchangeInput, LoginInput } from '../../shared/schemas/account.js';
import type { Achievement, AchievementCreateInput, AchievementUpdateInput } from '../../shared/schemas/achievement.js';
import type { Bid, BidCreateInput, BidUpdateInput } from '../../shared/schemas/bid.js';
import type { Challenge } from '../../shared/schemas/challenge.js';
import type { Page } from '../../shared/schemas/common.js';
import type { DeclineInput, Enquiry } from '../../shared/schemas/enquiry.js';
import type { ErrorBody, ErrorCode } from '../../shared/schemas/error.js';
import type { SavedChallenge } from '../../shared/schemas/library.js';
import type { Match } from '../../shared/schemas/match.js';
import type { MarkReadInput, Notification } from '../../shared/schemas/notification.js';
import type { PaperInput, PaperPatch, PaperRecord } from '../../shared/schemas/paper.js';
import type { Conflicts, Recusal, RecuseInput, RedeemInviteInput, ReviewAssignment, ReviewBid, ScoreSheet, ScoresInput } from '../../shared/schemas/review.js';

/**
 * The server answered with an error body (`{"error": {code, message, details?}}`), or with something that is
 * not Tenderlab's API at all (`code` is then `unexpected_answer`).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'unexpected_answer',
    message: string,
    readonly details?: unknown,
    /** For `unexpected_answer`: the address that answered, so the UI can name it in the reader's language. */
    readonly serverUrl?: string,
  ) {
    super(message);
  }
}

/** The request never got an answer: the server is down, the address is wrong, or the device is offline. */
export class ServerUnreachableError extends Error {
  override readonly name = 'ServerUnreachableError';

  constructor(
    readonly serverUrl: string,
    options?: { cause?: unknown },
  ) {
    super(`Cannot reach the Tenderlab server at ${serverUrl}`, options);
  }
}

/**
 * True when trying again later may succeed without anybody changing anything: no answer at all, or the
 * server said it is overloaded or briefly unable to store data.
 */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof ServerUnreachableError) return true;
  return error instanceof ApiError && [429, 502, 503, 504].includes(error.status);
}

export interface ApiClientOptions {
  fetch: typeof fetch;
  /** The server's base URL, read on every request so that a changed setting applies at once. */
  baseUrl: () => string | Promise<string>;
  /** The bearer token, or null when signed out. */
  token: () => string | null | Promise<string | null>;
}

export interface PageParams {
  cursor?: string;
  limit?: number;
}

/** `GET /api/me/notifications` adds the number of unread notifications to the page. */
export type NotificationPage = Page<Notification> & { unread: number };

/**
 * A client of the Tenderlab API, typed from the shared schemas. Every method resolves with the answer's
 * JSON or rejects with `ApiError` (the server said no) or `ServerUnreachableError` (no answer).
 */
export function createApiClient({ fetch, baseUrl, token }: ApiClientOptions) {
  async function request<T>(method: string, path: string, options: { body?: unknown; query?: object } = {}): Promise<T> {
    const base = (await baseUrl()).replace(/\/+$/, '');
    const bearer = await token();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    let response: Response;
    try {
      response = await fetch(`${base}${path}${queryString(options.query)}`, {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
    } catch (cause) {
      throw new ServerUnreachableError(base, { cause });
    }
    const body = await jsonOrNull(response);
    if (response.ok && body !== null) return body as T;
    throw errorFrom(response.status, body, base);
  }

  return {
    login: (input: LoginInput) => request<AuthResult>('POST', '/api/auth/login', { body: input }),
    exchange: (input: ExchangeInput) => request<AuthResult>('POST', '/api/auth/exchange', { body: input }),
    logout: () => request<{ revoked: true }>('POST', '/api/auth/logout'),
    me: () => request<Account>('GET', '/api/me'),
    matches: (page: PageParams = {}) => request<Page<Match>>('GET', '/api/me/matches', { query: page }),
    saved: (page: PageParams = {}) => request<Page<SavedChallenge>>('GET', '/api/me/saved', { query: page }),
    save: (challengeId: string) => request<SavedChallenge>('PUT', `/api/me/saved/${encodeURIComponent(challengeId)}`),
    unsave: (challengeId: string) =>
      request<{ deleted: boolean }>('DELETE', `/api/me/saved/${encodeURIComponent(challengeId)}`),
    papers: (page: PageParams = {}) => request<Page<PaperRecord>>('GET', '/api/me/papers', { query: page }),
    addPaper: (paper: PaperInput) => request<PaperRecord>('POST', '/api/me/papers', { body: paper }),
    updatePaper: (paperId: string, patch: PaperPatch) =>
      request<PaperRecord>('PATCH', `/api/me/papers/${encodeURIComponent(paperId)}`, { body: patch }),
    deletePaper: (paperId: string) =>
      request<{ deleted: boolean }>('DELETE', `/api/me/papers/${encodeURIComponent(paperId)}`),
    myBids: (page: PageParams = {}) => request<Page<Bid>>('GET', '/api/me/bids', { query: page }),
    propose: (challengeId: string, bid: BidCreateInput) =>
      request<Bid>('POST', `/api/challenges/${encodeURIComponent(challengeId)}/bids`, { body: bid }),
    withdrawBid: (bidId: string) => request<Bid>('POST', `/api/bids/${encodeURIComponent(bidId)}/withdraw`),
    /** One of the caller's own bids, as its bidder reads it (with its `actions`). */
    bid: (bidId: string) => request<Bid>('GET', `/api/bids/${encodeURIComponent(bidId)}`),
    /** A new revision of the caller's bid: only the parts that change; a new receipt comes back. */
    reviseBid: (bidId: string, patch: BidUpdateInput) => request<Bid>('PATCH', `/api/bids/${encodeURIComponent(bidId)}`, { body: patch }),
    challenge: (challengeId: string) => request<Challenge>('GET', `/api/challenges/${encodeURIComponent(challengeId)}`),
    myReviews: (page: PageParams = {}) => request<Page<ReviewAssignment>>('GET', '/api/me/reviews', { query: page }),
    /** A bid as a reviewer of it reads it (no bidder while the review is blind). */
    reviewBid: (bidId: string) => request<ReviewBid>('GET', `/api/bids/${encodeURIComponent(bidId)}`),
    /** The caller's own sheet of a bid they review; a 404 until they have scored it. */
    myScores: (bidId: string) => request<ScoreSheet>('GET', `/api/bids/${encodeURIComponent(bidId)}/scores`),
    putScores: (bidId: string, scores: ScoresInput) =>
      request<ScoreSheet>('PUT', `/api/bids/${encodeURIComponent(bidId)}/scores`, { body: scores }),
    redeemReviewInvite: (input: RedeemInviteInput) => request<ReviewAssignment>('POST', '/api/reviewers/redeem', { body: input }),
    declareConflicts: (challengeId: string, conflicts: Conflicts) =>
      request<ReviewAssignment>('PUT', `/api/challenges/${encodeURIComponent(challengeId)}/reviewers/me/conflicts`, { body: conflicts }),
    recuse: (bidId: string, input: RecuseInput) => request<Recusal>('POST', `/api/bids/${encodeURIComponent(bidId)}/recuse`, { body: input }),
    myAchievements: (page: PageParams = {}) => request<Page<Achievement>>('GET', '/api/me/achievements', { query: page }),
    createAchievement: (input: AchievementCreateInput) => request<Achievement>('POST', '/api/achievements', { body: input }),
    updateAchievement: (achievementId: string, input: AchievementUpdateInput) =>
      request<Achievement>('PATCH', `/api/achievements/${encodeURIComponent(achievementId)}`, { body: input }),
    publishAchievement: (achievementId: string) =>
      request<Achievement>('POST', `/api/achievements/${encodeURIComponent(achievementId)}/publish`),
    withdrawAchievement: (achievementId: string) =>
      request<Achievement>('POST', `/api/achievements/${encodeURIComponent(achievementId)}/withdraw`),
    /** Enquiries the caller sent, or those about the caller's achievements (`received`). */
    myEnquiries: (query: PageParams & { role: 'sent' | 'received' }) => request<Page<Enquiry>>('GET', '/api/me/enquiries', { query }),
    acceptEnquiry: (enquiryId: string) => request<Enquiry>('POST', `/api/enquiries/${encodeURIComponent(enquiryId)}/accept`),
    declineEnquiry: (enquiryId: string, input: DeclineInput) =>
      request<Enquiry>('POST', `/api/enquiries/${encodeURIComponent(enquiryId)}/decline`, { body: input }),
    withdrawEnquiry: (enquiryId: string) => request<Enquiry>('POST', `/api/enquiries/${encodeURIComponent(enquiryId)}/withdraw`),
    notifications: (query: PageParams & { unread?: boolean } = {}) =>
      request<NotificationPage>('GET', '/api/me/notifications', { query }),
    markRead: (input: MarkReadInput) =>
      request<{ updated: number; unread: number }>('POST', '/api/me/notifications/read', { body: input }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

function queryString(query: object | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function jsonOrNull(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return null;
  }
}

function errorFrom(status: number, body: unknown, base: string): ApiError {
  const error = (body as Partial<ErrorBody> | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, error.details);
  }
  return new ApiError(status, 'unexpected_answer', `${base} answered ${status} without Tenderlab's API; is the server URL right?`, undefined, base);
}
