import { InlineKeyboard } from 'grammy';
import type { Achievement } from '../shared/schemas/achievement.js';
import type { Deal } from '../shared/schemas/deal.js';
import type { Enquiry } from '../shared/schemas/enquiry.js';
import { packCallback as cb } from './callback-data.js';
import { shownObjections } from './format-achievement.js';
import type { Messages } from './i18n.js';

/**
 * The buttons of the catalogue. Achievements and enquiries carry no `actions` list from the API, so the
 * buttons follow the rules the services apply (achievement-lifecycle.ts, enquiries.ts, deals.ts): a button
 * is shown only when the press could succeed for this viewer now, and the services decide at the press.
 */

/** A deal still taking objections or waiting for answers: it keeps the achievement from a second deal or a withdrawal. */
export const isPending = (deal: Deal | null | undefined): deal is Deal => !!deal && deal.status !== 'transferred';

/**
 * Under an achievement's card. Others: Enquire while it is listed, Object while its deal is announced. Its
 * owner: Publish (a draft), My enquiries (once listed), Record a deal and Withdraw (confirm) while no deal
 * is pending, and Answer under each objection not answered yet (so a missed alert loses nothing).
 */
export function achievementKeyboard(a: Pick<Achievement, 'id' | 'ownerId' | 'status'>, viewerId: string | null, deal: Deal | null, t: Messages): InlineKeyboard {
  const b = t.achievements.buttons;
  const achievementId = a.id;
  const keyboard = new InlineKeyboard();
  if (viewerId !== a.ownerId) {
    if (a.status === 'listed') keyboard.text(b.enquire, cb({ action: 'enquire', achievementId }));
    if (deal?.status === 'announced') keyboard.text(b.object, cb({ action: 'deal-object', dealId: deal.id }));
    return keyboard;
  }
  if (a.status === 'draft') keyboard.text(b.publish, cb({ action: 'achievement-publish', achievementId }));
  if (a.status !== 'draft') keyboard.text(b.enquiries, cb({ action: 'achievement-enquiries', achievementId, offset: 0 }));
  if (a.status === 'listed' && !isPending(deal)) keyboard.row().text(b.deal, cb({ action: 'achievement-deal', achievementId }));
  if ((a.status === 'draft' || a.status === 'listed') && !isPending(deal)) keyboard.text(b.withdraw, cb({ action: 'achievement-withdraw', achievementId, confirmed: false }));
  if (deal) addAnswerButtons(keyboard, deal, t);
  return keyboard;
}

/** Starts a row unless the last one is still empty (an empty row would be sent to Telegram as is). */
function freshRow(keyboard: InlineKeyboard): InlineKeyboard {
  return (keyboard.inline_keyboard.at(-1)?.length ?? 0) > 0 ? keyboard.row() : keyboard;
}

/** Answer for each quoted objection not answered yet, a row each, numbered when there are several. */
function addAnswerButtons(keyboard: InlineKeyboard, deal: Deal, t: Messages): void {
  const open = shownObjections(deal).filter((o) => o.answer === null);
  open.forEach((o, i) => {
    const label = open.length > 1 ? `${t.deals.answerButton} ${i + 1}` : t.deals.answerButton;
    freshRow(keyboard).text(label, cb({ action: 'objection-answer', dealId: deal.id, objectionId: o.id }));
  });
}

/**
 * Under an enquiry. The owner: Accept and Decline while it is `sent`. The sender: Withdraw (confirm) while
 * it is `sent`. Both: the achievement's card.
 */
export function enquiryKeyboard(enquiry: Pick<Enquiry, 'id' | 'achievementId' | 'senderId' | 'status'>, viewerId: string, t: Messages): InlineKeyboard {
  const b = t.enquiries.buttons;
  const enquiryId = enquiry.id;
  const keyboard = new InlineKeyboard();
  if (enquiry.status === 'sent') {
    if (enquiry.senderId === viewerId) keyboard.text(b.withdraw, cb({ action: 'enquiry-withdraw', enquiryId, confirmed: false }));
    else keyboard.text(b.accept, cb({ action: 'enquiry-accept', enquiryId })).text(b.decline, cb({ action: 'enquiry-decline', enquiryId }));
    keyboard.row();
  }
  return keyboard.text(b.achievement, cb({ action: 'achievement-open', achievementId: enquiry.achievementId }));
}

/** Under a deal's objections, for its owner: Answer for each one not answered yet. */
export function objectionsKeyboard(deal: Deal, t: Messages): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  addAnswerButtons(keyboard, deal, t);
  if (deal.achievementId) freshRow(keyboard).text(t.enquiries.buttons.achievement, cb({ action: 'achievement-open', achievementId: deal.achievementId }));
  return keyboard;
}
