import { DomainError } from '../../server/domain/errors.js';
import type { Locale } from '../../shared/schemas/common.js';
import { Conflicts, RedeemInviteInput } from '../../shared/schemas/review.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { messagesFor } from '../i18n.js';
import { bySchema } from './steps.js';
import { conversationSteps, type Parsed } from './steps.js';

const STEPS = 3;
/** What people type for "none": the None button sends the first. */
const NONE = /^(|none|no|nobody|-|无|没有|沒有)$/i;

/**
 * Redeem: an invite code from a challenge's owner makes the sender one of its reviewers — the code from
 * `/reviews CODE`, or asked for — and a code that does not work says why and is asked for again. Then the
 * reviewer declares their conflicts (organizations, then people: comma-separated, or None), so that the
 * domain keeps the bids they may not judge from them from the start.
 */
export function createRedeemConversation({ services }: BotDeps) {
  return async function redeem(conversation: BotConversation, ctx: ConversationContext, locale: Locale, given: string | null): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);
    const readCode = bySchema(RedeemInviteInput.shape.code, t.redeem.badCode);

    let code: string | null = given;
    if (code !== null && !readCode(code).ok) {
      await steps.say(t.redeem.badCode);
      code = null;
    }
    let assignment;
    for (;;) {
      code ??= (await steps.text({ prompt: t.redeem.askCode(1, STEPS), parse: readCode }))!;
      const tried: string = code;
      const outcome = await steps.call(async (actor) => {
        try {
          return await services.reviews.redeem(actor, { code: tried });
        } catch (error) {
          // The domain says one thing of every code that does not work (mistyped, used, expired): said here in the reader's language.
          if (error instanceof DomainError && error.code === 'validation_failed') return null;
          throw error;
        }
      });
      if (!outcome.ok) {
        await steps.say(outcome.message);
        return;
      }
      if (outcome.value) {
        assignment = outcome.value;
        break;
      }
      await steps.say(t.redeem.invalidCode);
      code = null;
    }
    await steps.say(t.redeem.redeemed(assignment.challenge.title));

    const readNames =
      (key: 'organizations' | 'people') =>
      (text: string): Parsed<string[]> => {
        if (NONE.test(text.trim())) return { ok: true, value: [] };
        const names = text.split(/[,，;；、\n]/).map((n) => n.trim()).filter((n) => n.length > 0);
        const parsed = Conflicts.safeParse({ [key]: names });
        return parsed.success ? { ok: true, value: parsed.data[key] } : { ok: false, message: t.redeem.badNames };
      };
    const none = [{ label: t.redeem.none, text: '' }];
    const organizations = (await steps.text({ prompt: t.redeem.askOrganizations(2, STEPS), parse: readNames('organizations'), presets: none }))!;
    const people = (await steps.text({ prompt: t.redeem.askPeople(3, STEPS), parse: readNames('people'), presets: none }))!;
    const challengeId = assignment.challenge.id;
    if (organizations.length > 0 || people.length > 0) {
      const declared = await steps.call((actor) => services.reviews.declareConflicts(actor, challengeId, { organizations, people }));
      if (!declared.ok) {
        await steps.say(declared.message);
        return;
      }
      assignment = declared.value;
    }
    await steps.say(t.redeem.declared(assignment.bids.length, assignment.recused));
  };
}
