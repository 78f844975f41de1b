import type { Api } from 'grammy';
import type { Services } from '../server/domain/services.js';
import { zoneOf } from '../shared/time-zone.js';
import { bidForOwnerMessage, ownChallengeMessage } from './cards.js';
import type { BotAccount, BotContext } from './context.js';
import { htmlOptions, replyHtml, tidyEdit } from './handler-kit.js';
import type { ListMessage } from './lists.js';

/** What a card on someone's screen shows: a bid with its owner's buttons, or an own challenge's card. */
export type CardView = { kind: 'owner-bid'; bidId: string; header: string } | { kind: 'own-challenge'; challengeId: string };

interface SentCard {
  chatId: number;
  messageId: number;
  view: CardView;
}

/**
 * The enterprise's cards this process sent, by challenge, so that after a shortlist, a rejection, an award,
 * a close or a cancel every card about that challenge is edited to what is true now — Bob's bid loses its
 * buttons the moment Alice's is awarded. Kept in memory and bounded (the oldest are forgotten first): a card
 * sent by another instance, or before a restart, is not edited, and is instead put right when pressed,
 * because every button reads the current state before it acts (features/enterprise.ts). Storing every
 * message id through the services would add a write per card sent for a tidy-up that the press already
 * guarantees.
 */
export interface LiveCards {
  remember(challengeId: string, card: SentCard): void;
  /** The cards about `challengeId` sent to `chatId`, oldest first. */
  sentFor(challengeId: string, chatId: number): readonly SentCard[];
}

/** Cards remembered at most, over all challenges. */
const CAPACITY = 5000;

export function createLiveCards(capacity = CAPACITY): LiveCards {
  const byChallenge = new Map<string, SentCard[]>();
  let count = 0;
  return {
    remember(challengeId, card) {
      const cards = byChallenge.get(challengeId) ?? [];
      byChallenge.delete(challengeId);
      byChallenge.set(challengeId, [...cards.filter((c) => !(c.chatId === card.chatId && c.messageId === card.messageId)), card]);
      count += byChallenge.get(challengeId)!.length - cards.length;
      // Maps iterate in insertion order, and a challenge is re-inserted on use: the first is the least recent.
      for (const [oldest, dropped] of byChallenge) {
        if (count <= capacity) break;
        byChallenge.delete(oldest);
        count -= dropped.length;
      }
    },
    sentFor(challengeId, chatId) {
      return (byChallenge.get(challengeId) ?? []).filter((c) => c.chatId === chatId);
    },
  };
}

/** A card as it reads now, for `account`. */
async function renderCard(services: Services, account: BotAccount, view: CardView): Promise<ListMessage> {
  if (view.kind === 'owner-bid') return bidForOwnerMessage(await services.bids.get(account, view.bidId), account.locale, view.header);
  return ownChallengeMessage(await services.challenges.get(account, view.challengeId), account.locale, services.clock.now(), zoneOf(account));
}

/**
 * Edits every remembered card about `challengeId` in `chatId` to what is true now, except `skip` (the
 * message the press itself edits), and returns the ids it edited. Telegram's refusals (unchanged,
 * deleted) are fine: it is a tidy-up.
 */
export async function refreshCards(
  { api, services, cards }: { api: Api; services: Services; cards: LiveCards },
  account: BotAccount,
  chatId: number,
  challengeId: string,
  skip?: number,
): Promise<Set<number>> {
  const edited = new Set<number>();
  for (const card of cards.sentFor(challengeId, chatId)) {
    if (card.messageId === skip) continue;
    const message = await renderCard(services, account, card.view);
    await tidyEdit(() => api.editMessageText(chatId, card.messageId, message.text, htmlOptions(message.keyboard)));
    edited.add(card.messageId);
  }
  return edited;
}

/** Sends `message` as a reply and, when it is an enterprise's card, remembers it under `challengeId`. */
export async function replyCard(ctx: BotContext, cards: LiveCards, challengeId: string, message: ListMessage): Promise<void> {
  const sent = await replyHtml(ctx, message.text, message.keyboard);
  if (message.card && ctx.chat) cards.remember(challengeId, { chatId: ctx.chat.id, messageId: sent.message_id, view: message.card });
}
