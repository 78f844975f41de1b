import type { Channel } from '../../shared/schemas/notification.js';
import type { AccountRow, NotificationRow } from '../store/rows.js';
import type { RateLimiter } from './rate-limiter.js';

/**
 * Why an attempt failed, in the three cases the outbox treats differently. What is NOT a `DeliveryError`
 * counts as a fourth case, "outcome unknown" (see `DeliveryChannel.send`).
 *
 * - `retryable`: the message was certainly not delivered and may succeed later. Telegram: 429 Too Many
 *   Requests (with `retryAfterMs` = `parameters.retry_after` × 1000), any 5xx answer. The delivery is
 *   retried with exponential backoff — or no earlier than `retryAfterMs`, when given, and then nothing at all
 *   is sent on this channel until that time.
 * - `blocked`: the recipient refuses every message from us until they act. Telegram: 403 Forbidden ("bot
 *   was blocked by the user", "user is deactivated"). The account's link is marked blocked, its other
 *   waiting deliveries are skipped, and nothing is retried.
 * - `permanent`: this message can never be delivered as it is. Telegram: other 4xx, e.g. 400 "message is too
 *   long", "can't parse entities". This delivery fails without retry; other messages to the account go on.
 */
export type DeliveryFailure = 'retryable' | 'blocked' | 'permanent';

/**
 * The error a channel throws to say how an attempt failed. Its `message` is stored as the delivery's
 * `lastError` and logged: never put a token, a URL holding one, or message text in it.
 */
export class DeliveryError extends Error {
  /** How long the provider asked us to wait (ms), for `retryable` only; null when it did not say. */
  readonly retryAfterMs: number | null;

  constructor(
    readonly failure: DeliveryFailure,
    message: string,
    options: { retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DeliveryError';
    const retryAfterMs = options.retryAfterMs ?? null;
    this.retryAfterMs = failure === 'retryable' && retryAfterMs !== null && retryAfterMs > 0 ? retryAfterMs : null;
  }
}

/**
 * The error for an HTTP-style API answer that reports a failure (Telegram Bot API: `error_code`,
 * `description`, `parameters.retry_after` in seconds): 429 → `retryable` with the asked delay, 403 →
 * `blocked`, 5xx → `retryable`, anything else → `permanent`. Only for answers: a request that got none
 * (timeout, connection reset after sending) has an unknown outcome and must not be turned into a
 * `DeliveryError`.
 */
export function deliveryErrorFromStatus(status: number, description: string, retryAfterSeconds?: number): DeliveryError {
  const message = `${status} ${description}`.slice(0, 300);
  if (status === 429) return new DeliveryError('retryable', message, { retryAfterMs: (retryAfterSeconds ?? 0) * 1000 });
  if (status === 403) return new DeliveryError('blocked', message);
  if (status >= 500) return new DeliveryError('retryable', message);
  return new DeliveryError('permanent', message);
}

/**
 * A way to reach people (one per `Channel`; Telegram's lives in `bot/telegram-channel.ts`). The outbox
 * dispatcher decides when and whether to send; a channel only renders and sends one message.
 */
export interface DeliveryChannel {
  /** Which entry of `NotificationRow.deliveries` this channel delivers. */
  readonly name: Channel;
  /**
   * The limits this channel's sends share with another sender on the same account (for Telegram, the bot's
   * replies). The dispatcher then uses it instead of a limiter of its own, so its rate options do not apply;
   * it must run on the dispatcher's clock.
   */
  readonly limiter?: RateLimiter;
  /**
   * Send one notification to the account on this channel (for Telegram, to `account.telegram.chatId`,
   * which the dispatcher guarantees is set and not blocked). Called at most once per delivery and only
   * within the rate limits, so it must not retry, queue or wait for flood control itself (no auto-retry
   * plugin on this call). It should give up after a bounded time (e.g. 30 s).
   *
   * Resolves once the provider accepted the message. Rejects with a `DeliveryError` when the provider
   * answered with a failure (see `DeliveryFailure`, and `deliveryErrorFromStatus`). Any other rejection
   * (timeout, connection lost after the request went out) means the outcome is unknown: the delivery is
   * recorded failed and never retried, because a retry could deliver it twice.
   */
  send(notification: Readonly<NotificationRow>, account: Readonly<AccountRow>): Promise<void>;
}
