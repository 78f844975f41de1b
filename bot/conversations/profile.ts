import { FIELDS } from '../../shared/fields.js';
import { UpdateMeInput } from '../../shared/schemas/account.js';
import type { Locale } from '../../shared/schemas/common.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { profileMessage, type ProfilePart } from '../features/profile.js';
import { htmlOptions, tidyEdit } from '../handler-kit.js';
import { messagesFor, type Messages } from '../i18n.js';
import { splitKeywords } from '../parse-input.js';
import { conversationSteps, type Parsed } from './steps.js';

/** A typed organization, read by the schema PATCH /api/me validates with. */
function parseOrganization(text: string, t: Messages): Parsed<string> {
  const parsed = UpdateMeInput.safeParse({ organization: text });
  return parsed.success ? { ok: true, value: parsed.data.organization ?? '' } : { ok: false, message: t.profile.badOrganization };
}

/** Typed keywords (comma-separated), read by the schema PATCH /api/me validates with. */
function parseKeywords(text: string, t: Messages): Parsed<string[]> {
  const parsed = UpdateMeInput.safeParse({ keywords: splitKeywords(text) });
  return parsed.success ? { ok: true, value: parsed.data.keywords ?? [] } : { ok: false, message: t.profile.badKeywords };
}

/**
 * One part of /profile in a one-step form: the organization or the keywords typed (the current value shown,
 * Clear to empty it), or the fields ticked from the taxonomy, starting from the current ones. The change is
 * saved through the accounts service as PATCH /api/me saves it, and the profile's message is edited to show it.
 */
export function createProfileConversation({ services }: BotDeps) {
  return async function profile(conversation: BotConversation, ctx: ConversationContext, locale: Locale, part: ProfilePart, messageId: number | null): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);
    const current = await steps.call((actor) => services.accounts.getMe(actor));
    if (!current.ok) {
      await steps.say(current.message);
      return;
    }
    const me = current.value;
    const clear = (shown: boolean) => (shown ? [{ label: t.profile.clear, text: '' }] : []);

    let patch: UpdateMeInput;
    if (part === 'organization') {
      const organization = await steps.text({
        prompt: t.profile.askOrganization(me.organization),
        parse: (text) => parseOrganization(text, t),
        presets: clear(me.organization !== ''),
      });
      patch = { organization: organization ?? '' };
    } else if (part === 'keywords') {
      const shown = me.keywords.join(t.conversation.listSeparator);
      const keywords = await steps.text({ prompt: t.profile.askKeywords(shown), parse: (text) => parseKeywords(text, t), presets: clear(shown !== '') });
      patch = { keywords: keywords ?? [] };
    } else {
      const picked = await steps.pickMany({
        prompt: t.profile.askFields,
        options: FIELDS.map((f) => f[locale]),
        min: 0,
        columns: 2,
        ticked: FIELDS.flatMap((f, i) => (me.fields.includes(f.id) ? [i] : [])),
      });
      patch = { fields: picked.map((i) => FIELDS[i]!.id) };
    }

    const saved = await steps.call((actor) => services.accounts.updateMe(actor, patch));
    if (!saved.ok) {
      await steps.say(saved.message);
      return;
    }
    const message = profileMessage(saved.value, locale);
    if (messageId === null) {
      await steps.say(message.text, message.keyboard);
      return;
    }
    await tidyEdit(() => ctx.api.editMessageText(ctx.chat!.id, messageId, message.text, htmlOptions(message.keyboard)));
    await steps.say(t.profile.saved);
  };
}
