import { GrammyError, HttpError, type Api } from 'grammy';
import { DomainError } from '../server/domain/errors.js';
import type { Services } from '../server/domain/services.js';
import { DeliveryError, deliveryErrorFromStatus, type DeliveryChannel } from '../server/outbox/channel.js';
import type { RateLimiter } from '../server/outbox/rate-limiter.js';
import type { Notification } from '../shared/schemas/notification.js';
import type { BotAccount } from './context.js';
import { htmlOptions } from './handler-kit.js';
import { refreshCards, type LiveCards } from './live-cards.js';
import { renderNotification } from './render-notification.js';

/** Network failures that happen before a request leaves this machine: the message was certainly not sent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function networkCode(error: HttpError): string | undefined {
  let cause: unknown = error.error;
  for (let depth = 0; cause && depth < 4; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The outbox's Telegram channel: renders a notification in the recipient's language with its buttons and
 * sends it with one `sendMessage`, telling the dispatcher how a failure should be treated:
 * Telegram's answers through `deliveryErrorFromStatus` (429 → retryable after `retry_after`, 403 →
 * blocked, 5xx → retryable, other 4xx → permanent); a refused connection → retryable (nothing left);
 * anything else on the network → unknown outcome (not retried, so never sent twice).
 *
 * `api` must not retry by itself (no auto-retry): the dispatcher owns retries and Telegram's flood
 * control, pausing the whole channel on a `retry_after`, which waiting inside `send` would defeat.
 * `limiter`, when given, is the one the bot's own calls go through, for the dispatcher to share.
 */
export function createTelegramChannel({ api, services, limiter, cards }: { api: Api; services: Services; limiter?: RateLimiter; cards?: LiveCards }): DeliveryChannel {
  return {
    name: 'telegram',
    ...(limiter ? { limiter } : {}),
    async send(notification: Readonly<Notification>, account: BotAccount): Promise<void> {
      const chatId = account.telegram?.chatId;
      if (chatId === undefined) throw new DeliveryError('permanent', 'no telegram chat');
      let message;
      try {
        message = await renderNotification(services, notification, account);
      } catch (error) {
        // Nothing was sent yet: a refusal (the recipient may no longer see it) is final, anything else may pass.
        if (error instanceof DomainError) throw new DeliveryError('permanent', `not shown: ${error.code}`, { cause: error });
        throw new DeliveryError('retryable', `could not render: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      let sentId: number;
      try {
        const sent = await api.sendMessage(chatId, message.text, htmlOptions(message.keyboard));
        sentId = sent.message_id;
        // A new bid's card carries Shortlist / Not selected / Award: the bot edits it when the bid's fate is decided.
        if (cards && message.card && notification.challengeId) cards.remember(notification.challengeId, { chatId, messageId: sent.message_id, view: message.card });
      } catch (error) {
        if (error instanceof GrammyError) throw deliveryErrorFromStatus(error.error_code, error.description, error.parameters.retry_after);
        if (error instanceof HttpError && NOT_SENT_CODES.has(networkCode(error) ?? '')) {
          throw new DeliveryError('retryable', `network: ${networkCode(error)}`, { cause: error });
        }
        throw error;
      }
      // The owner's cards of the challenge still count the bids before this one (📥 Bids (0)). A tidy-up after
      // the delivery: its failure must not fail the delivery, which the dispatcher would then send again.
      if (cards && notification.kind === 'bid-received' && notification.challengeId) {
        await refreshCards({ api, services, cards }, account, chatId, notification.challengeId, sentId).catch(() => undefined);
      }
    },
  };
}
