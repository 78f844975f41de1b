import { FIELDS } from '../../shared/fields.js';
import { suggestKeywords } from '../../shared/lexicon/suggest-keywords.js';
import { AchievementCreateInput, IpStatus, PatentNumber, TransferMode, type AchievementCreateInput as AchievementDraft } from '../../shared/schemas/achievement.js';
import { KeywordList, type Locale } from '../../shared/schemas/common.js';
import { achievementKeyboard } from '../achievement-keyboards.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { formatAchievementCard } from '../format-achievement.js';
import { escapeHtml, truncate } from '../html.js';
import { messagesFor, type Messages } from '../i18n.js';
import { isNotPositiveAmount, parseMoney } from '../parse-input.js';
import { bySchema } from './steps.js';
import { conversationSteps, type Parsed } from './steps.js';

const shape = AchievementCreateInput.shape;
/** Clips offered as references: the most recent ones (an achievement cites at most 30). */
const MAX_PAPERS_OFFERED = 30;
/** Suggested keywords offered at most. */
const SUGGESTIONS = 6;
const TRLS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
/** The IP statuses that need their patent numbers. */
const PATENTED: ReadonlySet<IpStatus> = new Set(['patent-granted', 'patent-pending']);
/** What a person types for "negotiable", in either language. */
const NEGOTIABLE = /^(negotiable|面议|议价|n\/?a)$/i;

/** Typed keywords: split on commas (either language's) or new lines, checked with the shared schema. */
function parseKeywords(text: string, t: Messages): Parsed<string[]> {
  const parsed = KeywordList.safeParse(text.split(/[,，、;；\n]+/).map((w) => w.trim()).filter(Boolean));
  return parsed.success ? { ok: true, value: [...new Set(parsed.data)] } : { ok: false, message: t.achievements.listing.badKeywords };
}

/**
 * Typed patent numbers, one a line or separated by semicolons or a comma and a space (a comma alone may be
 * inside a number: US10,123,456B2); each read by the shared schema, whose reason is told for the first it refuses.
 */
function parsePatents(text: string, t: Messages): Parsed<string[]> {
  const numbers: string[] = [];
  for (const raw of text.split(/[;\n；、，]+|,\s+/).map((s) => s.trim()).filter(Boolean)) {
    const parsed = PatentNumber.safeParse(raw);
    if (!parsed.success) return { ok: false, message: t.achievements.listing.badPatent(raw, parsed.error.issues[0]?.message ?? '') };
    numbers.push(parsed.data);
  }
  if (numbers.length === 0) return { ok: false, message: t.achievements.listing.patentsNeeded };
  const all = shape.patents.safeParse(numbers);
  return all.success ? { ok: true, value: all.data } : { ok: false, message: t.achievements.listing.tooManyPatents };
}

/**
 * /list: an achievement (科技成果) in eleven steps — title, summary, description (in as many messages as it
 * takes, or skipped), fields (buttons), keywords (suggested from the title and summary), TRL (1–9
 * buttons), IP status (buttons, then the patent numbers when patented), transfer modes (buttons), asking
 * price or Negotiable, institution, and papers cited from the person's clips — each checked with the
 * shared schema, then a preview to List it, Save as draft, or Cancel.
 */
export function createListAchievementConversation({ services, publicUrl }: BotDeps) {
  return async function listAchievement(conversation: BotConversation, ctx: ConversationContext, locale: Locale): Promise<void> {
    const t = messagesFor(locale);
    const l = t.achievements.listing;
    const steps = conversationSteps(conversation, ctx, t, services);
    const setup = await steps.call(async (actor) => {
      const papers = await services.library.listPapers(actor, { limit: MAX_PAPERS_OFFERED });
      return { ownerId: actor.id, organization: actor.organization, papers: papers.items.map((p) => ({ id: p.id, title: p.title })) };
    });
    if (!setup.ok) {
      await steps.say(setup.message);
      return;
    }
    const { ownerId, organization, papers } = setup.value;
    await steps.say(l.intro);

    const title = (await steps.text({ prompt: l.askTitle, parse: bySchema(shape.title, l.badTitle) }))!;
    const summary = (await steps.text({ prompt: l.askSummary, parse: bySchema(shape.summary, l.badSummary) }))!;
    const description = (await steps.longText({ prompt: l.askDescription, parse: bySchema(shape.description, l.badDescription) })) ?? '';
    const fieldIndexes = await steps.pickMany({ prompt: l.askFields, options: FIELDS.map((f) => f[locale]), min: 1, minMessage: t.post.pickAtLeastOne, columns: 2 });
    const suggested = suggestKeywords(title, summary, SUGGESTIONS).flatMap((s) => [s.term, s.translation]);
    const keywords =
      (await steps.text({
        prompt: suggested.length > 0 ? l.askKeywordsSuggested(suggested.join(t.conversation.listSeparator)) : l.askKeywords,
        parse: (text) => parseKeywords(text, t),
        skippable: true,
        presets: suggested.length > 0 ? [{ label: t.post.useSuggested, text: suggested.join(',') }] : [],
      })) ?? [];
    const trl = TRLS[await steps.pickOne({ prompt: l.askTrl, options: TRLS.map(String), columns: 5 })]!;
    const ipStatuses = IpStatus.options;
    const ipStatus = ipStatuses[await steps.pickOne({ prompt: l.askIpStatus, options: ipStatuses.map((s) => t.achievements.ipStatus[s]), columns: 2 })]!;
    const patents = PATENTED.has(ipStatus) ? (await steps.text({ prompt: l.askPatents, parse: (text) => parsePatents(text, t) }))! : [];
    const modeOptions = TransferMode.options;
    const modes = (await steps.pickMany({ prompt: l.askModes, options: modeOptions.map((m) => t.achievements.modes[m]), min: 1, minMessage: l.pickAMode, columns: 2 })).map(
      (i) => modeOptions[i]!,
    );
    const askingPrice = await steps.text({
      prompt: l.askPrice,
      presets: [{ label: t.achievements.negotiable, text: 'negotiable' }],
      parse: (text) => {
        if (NEGOTIABLE.test(text.trim())) return { ok: true, value: null };
        const money = parseMoney(text, 'CNY');
        if (money) return { ok: true, value: money };
        return { ok: false, message: isNotPositiveAmount(text) ? l.priceNotPositive : l.badPrice };
      },
    });
    const institution = (await steps.text({
      prompt: l.askInstitution,
      presets: organization ? [{ label: truncate(organization, 40), text: organization }] : [],
      parse: bySchema(shape.institution, l.badInstitution),
    }))!;
    let cited: typeof papers = [];
    if (papers.length === 0) await steps.say(l.noPapers);
    else cited = (await steps.pickMany({ prompt: l.askPapers, options: papers.map((p) => truncate(p.title, 60)), min: 0 })).map((i) => papers[i]!);

    const fields = fieldIndexes.map((i) => FIELDS[i]!.id);
    const draft: AchievementDraft = {
      title,
      summary,
      description,
      fields,
      keywords,
      trl,
      ipStatus,
      patents,
      modes,
      askingPrice,
      institution,
      paperIds: cited.map((p) => p.id),
    };
    const preview = formatAchievementCard(
      { title, summary, fields, keywords, trl, ipStatus, patents, modes, askingPrice, institution, references: cited, status: 'draft' },
      { locale, header: l.previewHeader },
    );
    const citedLines = cited.length > 0 ? `\n${cited.map((p) => `• ${escapeHtml(truncate(p.title, 120))}`).join('\n')}` : '';
    const choice = await steps.choose({
      text: `${preview}${citedLines}`,
      choices: [
        { value: 'list', label: l.listIt },
        { value: 'draft', label: t.post.saveDraft },
        { value: 'cancel', label: t.conversation.cancel },
      ],
    });
    if (choice === 'cancel') {
      await steps.say(l.discarded);
      return;
    }
    const created = await steps.call((actor) => services.achievements.create(actor, draft));
    if (!created.ok) {
      await steps.say(created.message);
      return;
    }
    const pageUrl = (id: string) => `${publicUrl}/achievements/${id}`;
    if (choice === 'draft') {
      await steps.say(l.draftSaved);
      await steps.say(formatAchievementCard(created.value, { locale }), achievementKeyboard(created.value, ownerId, null, t));
      return;
    }
    const listed = await steps.call((actor) => services.achievements.publish(actor, created.value.id));
    if (!listed.ok) {
      await steps.say(l.listFailedDraftKept(listed.message));
      return;
    }
    await steps.say(l.listed);
    await steps.say(formatAchievementCard(listed.value, { locale, pageUrl: pageUrl(listed.value.id) }), achievementKeyboard(listed.value, ownerId, null, t));
  };
}
