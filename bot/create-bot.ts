import { createConversation } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type ApiClientOptions } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { CONVERSATION_TTL_MS } from '../server/domain/conversations.js';
import type { Services } from '../server/domain/services.js';
import { durableConversations, STORED_FORMS_VERSION } from './conversation-storage.js';
import { loadAccount, recogniseCommands, type BotContext, type BotDeps } from './context.js';
import { createAnswerConversation, createAskConversation } from './conversations/ask.js';
import { createDealConversation } from './conversations/deal.js';
import { createDeclineEnquiryConversation } from './conversations/decline-enquiry.js';
import { createEnquireConversation } from './conversations/enquire.js';
import { createListAchievementConversation } from './conversations/list-achievement.js';
import { createObjectionAnswerConversation, createObjectionConversation } from './conversations/objection.js';
import { createPostConversation } from './conversations/post.js';
import { createProfileConversation } from './conversations/profile.js';
import { createProposeConversation } from './conversations/propose.js';
import { createScoreConversation } from './conversations/score-bid.js';
import { createFeedbackConversation } from './conversations/send-feedback.js';
import { createRecuseConversation } from './conversations/recuse-bid.js';
import { createRedeemConversation } from './conversations/redeem-invite.js';
import { createRejectConversation } from './conversations/reject-feedback.js';
import { createEditChallengeConversation } from './conversations/edit-challenge.js';
import { createAwardNoteConversation } from './conversations/award-note.js';
import { createCloseReasonConversation } from './conversations/close-reason.js';
import { createReviseConversation } from './conversations/revise.js';
import { handleBotError } from './errors.js';
import { handleEachUpdateOnce } from './handle-once.js';
import { fitMessages } from './fit-messages.js';
import { paceTelegramCalls, realTimeFloodControl, type FloodControl } from './flood-control.js';
import { achievementsFeature } from './features/achievements.js';
import { askFeature } from './features/ask.js';
import { browseFeature } from './features/browse.js';
import { cancelFeature } from './features/cancel.js';
import { dealsFeature } from './features/deals.js';
import { enquiriesFeature } from './features/enquiries.js';
import { enterpriseFeature } from './features/enterprise.js';
import { fallbackFeature } from './features/fallback.js';
import { helpFeature } from './features/help.js';
import { langFeature } from './features/lang.js';
import { linkFeature } from './features/link.js';
import { membershipFeature } from './features/membership.js';
import { myBidsFeature } from './features/mybids.js';
import { myChallengesFeature } from './features/mychallenges.js';
import { navigationFeature } from './features/navigation.js';
import { notificationsFeature } from './features/notifications.js';
import { postFeature } from './features/post.js';
import { profileFeature } from './features/profile.js';
import { proposeFeature } from './features/propose.js';
import { rankingFeature } from './features/ranking.js';
import { reviewsFeature } from './features/reviews.js';
import { savedFeature } from './features/saved.js';
import { sessionsFeature } from './features/sessions.js';
import { startFeature } from './features/start.js';
import { subscriptionsFeature } from './features/subscriptions.js';
import { timeZoneFeature } from './features/timezone.js';
import { createLiveCards, type LiveCards } from './live-cards.js';
import { createQueryMemo } from './query-memo.js';
import { replyHtml } from './handler-kit.js';

/** How long a conversation waits for the next answer before it is dropped: as long as the domain keeps a form. */
const FORM_PATIENCE_MS = CONVERSATION_TTL_MS;

export interface CreateBotOptions {
  /** The bot token from @BotFather. */
  token: string;
  services: Services;
  /** grammY's API client options: `apiRoot` for another Bot API server; tests pass a stand-in `fetch`. */
  client?: ApiClientOptions;
  /** Who the bot is; without it, `bot.init()` asks Telegram (getMe) before the first update. */
  botInfo?: UserFromGetMe;
  /** Where problems are written (one line each, never the token); console.error by default. */
  log?: (line: string) => void;
  /** Telegram's limits, shared with the outbox's channel; real time and a limiter of its own by default. */
  flood?: FloodControl;
  /** Handle each update_id once across every instance on the store (webhook mode); off by default. */
  handleOnce?: boolean;
  /** The version saved forms are stamped with (conversation-storage.ts); tests stand in for a deploy with another. */
  formsVersion?: string;
  /** The board's address, for links to a challenge's page; `http://localhost:3000` by default. */
  publicUrl?: string;
  /** The cards the bot and the outbox's channel sent, shared so both kinds are kept true; a new registry by default. */
  cards?: LiveCards;
}

/**
 * The Tenderlab bot over the domain services, ready for long polling, a webhook or `handleUpdate`.
 * Everything it does goes through the services, which decide who may do what: it imports nothing from
 * server/store, and even its own state — unfinished forms, the webhook updates it took — is kept by them.
 *
 * Order matters: with `handleOnce`, a repeated update stopped before anything else; an error boundary
 * around all the rest; updates of one chat one at a time in this process (so a conversation sees answers
 * in order); the account loaded; `my_chat_member` handled; commands in group chats pointed to a private
 * chat; then, in private chats, the saved forms loaded, /cancel before any conversation can swallow it, the
 * active conversation's answers, the features, and last the fallback that answers what is left.
 */
export function createBot({
  token,
  services,
  client,
  botInfo,
  log = console.error,
  flood = realTimeFloodControl(),
  handleOnce = false,
  formsVersion = STORED_FORMS_VERSION,
  publicUrl = 'http://localhost:3000',
  cards = createLiveCards(),
}: CreateBotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, { ...(client ? { client } : {}), ...(botInfo ? { botInfo } : {}) });
  // Replies go out within Telegram's limits and wait out its flood control, so a burst of people is
  // answered late rather than told that something failed, and no text is longer than Telegram takes
  // (every context's API inherits this).
  bot.api.config.use(paceTelegramCalls(flood), fitMessages);
  const deps: BotDeps = { services, memo: createQueryMemo(), log, cards, publicUrl: publicUrl.replace(/\/$/, '') };

  // Around everything, so that polling, a webhook and handleUpdate all answer failures the same way;
  // bot.catch only sees what escapes the boundary's own handler.
  const handleError = handleBotError(token, log);
  bot.catch(handleError);
  // Outside the boundary: a claim that fails must fail the webhook request, so Telegram sends the update again.
  if (handleOnce) bot.use(handleEachUpdateOnce(services));
  const guarded = bot.errorBoundary(handleError);
  guarded.use(sequentialize((ctx) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  guarded.use(recogniseCommands);
  guarded.use(loadAccount(services));
  guarded.use(membershipFeature(deps));

  guarded.on('message:text').filter(
    (ctx) => ctx.chat.type !== 'private' && ctx.message.text.startsWith('/'),
    (ctx) => replyHtml(ctx, ctx.t.fallback.groupsOnly),
  );

  const privateChats = guarded.chatType('private');
  privateChats.use(durableConversations(services, formsVersion));
  privateChats.use(cancelFeature());
  // A form left unanswered for a day is let go: an answer that late is more likely meant as something else.
  const form = (id: string) => ({ id, maxMillisecondsToWait: FORM_PATIENCE_MS });
  privateChats.use(createConversation(createPostConversation(deps), form('post')));
  privateChats.use(createConversation(createProposeConversation(deps), form('propose')));
  privateChats.use(createConversation(createReviseConversation(deps), form('revise')));
  privateChats.use(createConversation(createAskConversation(deps), form('ask')));
  privateChats.use(createConversation(createAnswerConversation(deps), form('answer')));
  privateChats.use(createConversation(createRejectConversation(deps), form('reject')));
  privateChats.use(createConversation(createEditChallengeConversation(deps), form('edit-challenge')));
  privateChats.use(createConversation(createAwardNoteConversation(deps), form('award-note')));
  privateChats.use(createConversation(createCloseReasonConversation(deps), form('end-challenge')));
  privateChats.use(createConversation(createProfileConversation(deps), form('profile')));
  privateChats.use(createConversation(createRedeemConversation(deps), form('redeem')));
  privateChats.use(createConversation(createScoreConversation(deps), form('score')));
  privateChats.use(createConversation(createRecuseConversation(deps), form('recuse')));
  privateChats.use(createConversation(createFeedbackConversation(deps), form('feedback')));
  privateChats.use(createConversation(createListAchievementConversation(deps), form('list-achievement')));
  privateChats.use(createConversation(createEnquireConversation(deps), form('enquire')));
  privateChats.use(createConversation(createDeclineEnquiryConversation(deps), form('decline-enquiry')));
  privateChats.use(createConversation(createDealConversation(deps), form('deal')));
  privateChats.use(createConversation(createObjectionConversation(deps), form('objection')));
  privateChats.use(createConversation(createObjectionAnswerConversation(deps), form('objection-answer')));

  privateChats.use(
    startFeature(deps),
    helpFeature(),
    langFeature(deps),
    timeZoneFeature(deps),
    browseFeature(deps),
    savedFeature(deps),
    postFeature(),
    myChallengesFeature(deps),
    achievementsFeature(deps),
    enquiriesFeature(deps),
    dealsFeature(deps),
    proposeFeature(deps),
    askFeature(),
    subscriptionsFeature(deps),
    myBidsFeature(deps),
    reviewsFeature(deps),
    rankingFeature(deps),
    profileFeature(deps),
    notificationsFeature(deps),
    sessionsFeature(deps),
    linkFeature(deps),
    enterpriseFeature(deps),
    navigationFeature(deps),
    fallbackFeature(deps),
  );

  return bot;
}
