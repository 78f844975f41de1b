import type { BidStatus } from '../shared/schemas/bid.js';
import type { ChallengeStatus } from '../shared/schemas/challenge.js';
import type { Locale } from '../shared/schemas/common.js';
import { vocabularyFor } from '../shared/labels.js';
import { escapeHtml as esc } from './html.js';

/**
 * The bot's one message catalogue: every message, button label and command description, in English and
 * Simplified Chinese. Messages are Telegram HTML; a message that takes what a person typed escapes it
 * here, so handlers pass raw values. `zh` is typed as `Messages`, so a message missing from one language
 * does not compile.
 */

/** The commands of PRODUCT.md §5 plus /cancel, in the order the command menu shows them. */
export const COMMANDS = [
  'start',
  'help',
  'challenges',
  'search',
  'saved',
  'subscribe',
  'subscriptions',
  'mybids',
  'post',
  'mychallenges',
  'link',
  'connect',
  'lang',
  'timezone',
  'cancel',
] as const;
export type CommandName = (typeof COMMANDS)[number];

/** `1 save`, `2 saves`: English counts agree with their noun. */
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The emoji each challenge status is shown with; the words come from the shared vocabulary. */
const STATUS_ICONS: Record<ChallengeStatus, string> = { draft: '📝', open: '🟢', closed: '🔒', awarded: '🏆', cancelled: '✖️' };
const BID_STATUS_ICONS: Partial<Record<BidStatus, string>> = { shortlisted: '⭐', awarded: '🏆' };

/**
 * The shared vocabulary of `locale` as the bot shows it: statuses (HTML, with their emoji), and types and IP
 * terms as plain text, since they are button labels too — a message escapes them (`Joint R&amp;D`).
 */
function labelsOf(locale: Locale) {
  const v = vocabularyFor(locale);
  return {
    challengeStatus: Object.fromEntries(
      Object.entries<string>(v.challengeStatus).map(([k, label]) => [k, `${STATUS_ICONS[k as ChallengeStatus]} ${esc(label)}`]),
    ) as Record<ChallengeStatus, string>,
    bidStatus: Object.fromEntries(
      Object.entries<string>(v.bidStatus).map(([k, label]) => [k, BID_STATUS_ICONS[k as BidStatus] ? `${esc(label)} ${BID_STATUS_ICONS[k as BidStatus]}` : esc(label)]),
    ) as Record<BidStatus, string>,
    challengeType: v.challengeType,
    ipTerms: v.ipTerms,
  };
}

const en = {
  languageName: 'English',
  commands: {
    start: 'Create your account or see it',
    help: 'What I can do',
    challenges: 'Browse open challenges',
    search: 'Search challenges: /search <words>',
    saved: 'Your saved challenges',
    subscribe: 'Get alerts: /subscribe <words>',
    subscriptions: 'Your alerts: pause or delete',
    mybids: 'Your bids and their status',
    post: 'Post a challenge (enterprises)',
    mychallenges: 'Your challenges and their bids',
    link: 'Link a web account: /link CODE',
    connect: 'A code to sign in the browser extension',
    lang: 'Language: English / 中文',
    timezone: 'Time zone for the times I show',
    cancel: 'Leave the current form',
  } satisfies Record<CommandName, string>,

  roles: {
    researcher: 'researcher',
    enterprise: 'enterprise',
    both: 'researcher and enterprise',
  },
  ...labelsOf('en'),

  confirm: {
    keep: '↩️ No, keep it',
    kept: 'OK — nothing changed.',
  },

  errors: {
    apology: '😔 Sorry — something went wrong on our side and I could not finish that. Please try again in a moment.',
    notRegistered: 'You have no Tenderlab account here yet. Send /start to create one — it takes two taps.',
    staleButton: 'This button has expired. Send the command again for fresh buttons.',
    outdatedButton: 'This button is from an older version of the bot. Please send the command again.',
    refusal: {
      forbidden: (why: string) => `🚫 You can't do that: ${esc(why)}`,
      notFound: 'I could not find that — it may have been removed, or it is not visible to you.',
      conflict: (why: string) => `That is not possible right now: ${esc(why)}`,
      invalid: (why: string) => `That does not look right: ${esc(why)}`,
      rateLimited: (why: string) => `Slow down a little: ${esc(why)}`,
      unauthorized: 'You have no Tenderlab account here yet. Send /start to create one.',
      other: (why: string) => `I could not do that: ${esc(why)}`,
    },
  },

  start: {
    welcome:
      '👋 Welcome to <b>Tenderlab</b>, the exchange for crowdsourced R&amp;D: enterprises post technical challenges with a reward, researchers answer with sealed bids, and awards are announced publicly.\n\nWho are you on Tenderlab? (You can change this later with /start.)',
    roleButtons: { researcher: '🔬 Researcher', enterprise: '🏢 Enterprise', both: '🔬🏢 Both' } satisfies Record<'researcher' | 'enterprise' | 'both', string>,
    registered: (name: string, roles: string) => `✅ You're all set, <b>${esc(name)}</b>! Your role: ${esc(roles)}.`,
    nextResearcher:
      '🔬 <b>As a researcher</b>\n• /challenges — browse open challenges\n• /search battery recycling — search them\n• /subscribe battery recycling — get an alert for every new match\n• Tap <i>Propose</i> on a challenge to bid',
    nextEnterprise: '🏢 <b>As an enterprise</b>\n• /post — post a challenge in a short conversation\n• /mychallenges — follow your challenges and their bids',
    linkHint: 'Already have a Tenderlab account on the web or in the extension? Send /link CODE with a code from there to use it here.',
    welcomeBack: (name: string, roles: string) => `👋 Welcome back, <b>${esc(name)}</b>. Your role: ${esc(roles)}.`,
    changeRoles: 'To change your roles, tap one below. /help lists everything I can do.',
    rolesUpdated: (roles: string) => `✅ Your role is now: ${esc(roles)}.`,
  },

  help: {
    intro: '<b>Tenderlab</b> — enterprises post R&amp;D challenges with a reward; researchers answer with sealed bids.',
    researcher:
      '🔬 <b>Researchers</b>\n/challenges — browse open challenges\n/search <i>words</i> — search them\n/saved — challenges you saved\n/subscribe <i>words</i> — alerts for new matches (add <code>#field</code> or <code>min:50000</code>)\n/subscriptions — pause or delete alerts\n/mybids — your bids and their status',
    enterprise: '🏢 <b>Enterprises</b>\n/post — post a challenge\n/mychallenges — your challenges, their bids; close or cancel',
    account:
      '⚙️ <b>Account</b>\n/start — your account and roles\n/link <i>CODE</i> — use a Tenderlab web account here\n/connect — a code to sign in the browser extension\n/lang — English / 中文\n/timezone — the zone times are shown in\n/cancel — leave the current form',
    cards: 'Every challenge has buttons: ⭐ Save, ℹ️ Details, ✍️ Propose, ❓ Ask.',
  },

  lang: {
    choose: 'Choose your language:',
    changed: '✅ Language set to English.',
  },

  timeZone: {
    choose: (current: string) =>
      `🕒 I show times in <b>${esc(current)}</b>. Pick your zone, or send its IANA name, e.g. <code>/timezone Europe/Paris</code>:`,
    changed: (zone: string) => `✅ Times are now shown in <b>${esc(zone)}</b>.`,
    unknown: (text: string) => `I don't know the time zone “${esc(text)}”. Send an IANA name such as <code>Europe/Paris</code> or <code>Asia/Tokyo</code>.`,
  },

  card: {
    enterprise: '🏢',
    reward: '💰 Reward',
    deadline: '⏳ Deadline',
    fields: '🏷',
    type: 'Type',
    ipTerms: 'IP terms',
    description: 'Description',
    readAll: 'Read it all on the board ▸',
    counters: (bids: number | null, saves: number, questions: number) =>
      `📊 ${bids === null ? 'bids sealed until it closes' : plural(bids, 'bid', 'bids')} · ${plural(saves, 'save', 'saves')} · ${plural(questions, 'question', 'questions')}`,
    bidCount: (n: number) => `📥 ${plural(n, 'bid', 'bids')}`,
    questionsHeader: '❓ <b>Questions &amp; answers</b>',
    awardedTo: (name: string, amount: string) => `🏆 Awarded to <b>${esc(name)}</b> for ${amount}`,
    buttons: {
      save: '⭐ Save',
      unsave: '★ Unsave',
      details: 'ℹ️ Details',
      propose: '✍️ Propose',
      yourBid: '📄 Your bid',
      ask: '❓ Ask',
      bids: (n: number) => `📥 Bids (${n})`,
    },
  },

  browse: {
    openHeader: (from: number, to: number) => `🟢 <b>Open challenges</b> (${from}–${to})`,
    noneOpen: 'There are no open challenges right now. Send /subscribe <i>words</i> and I will tell you when a matching one is posted.',
    searchUsage: 'Send /search followed by what you are looking for, e.g. <code>/search battery recycling</code> or <code>/search 钙钛矿</code>.',
    searchHeader: (query: string, from: number, to: number) => `🔍 <b>${esc(query)}</b> (${from}–${to})`,
    searchNone: (query: string) =>
      `Nothing open matches <b>${esc(query)}</b> yet. Try other words, or send <code>/subscribe ${esc(query)}</code> to be alerted when one is posted.`,
    more: 'Show more ▸',
    moreFooter: 'There is more:',
    previous: '◂ Prev',
    next: 'Next ▸',
    listExpired: 'This list has expired. Send the command again.',
    saved: '⭐ Saved. Find it again with /saved.',
    unsaved: 'Removed from your saved challenges.',
  },

  saved: {
    header: (from: number, to: number) => `⭐ <b>Saved challenges</b> (${from}–${to})`,
    none: 'You have not saved any challenge yet. Tap ⭐ Save on a challenge to keep it here.',
  },

  conversation: {
    cancelled: 'OK, I left the form. Nothing was saved.',
    nothingToCancel: 'There is nothing to cancel. /help lists what I can do.',
    leftForCommand: (command: string) => `OK, I left the form. Send ${esc(command)} again to run it.`,
    confirmLeave: (command: string) => `You are in the middle of a form. Leave it — and lose what you have answered — to run ${esc(command)}?`,
    leave: '✖️ Leave the form',
    stay: '↩️ Keep going',
    keptGoing: 'OK — carry on with the question above.',
    confirmLeaveForButton: 'You are in the middle of a form. Leave it — and lose what you have answered — to start the one you tapped?',
    leftForButton: 'OK, I left the form. Tap that button again to start the new one.',
    partReceived: (parts: number, total: number) =>
      `📝 Got it${parts > 1 ? ` — ${parts} parts` : ''}, ${total.toLocaleString('en-GB')} characters in all. Send more if your text continues, or tap Done.`,
    replaced: 'I left your unfinished form to start this one.',
    interrupted: 'Your unfinished form was interrupted by an update of the bot and could not be kept, sorry. Please start it again: /post for a challenge, or the button you started it with.',
    crossed: 'Two of your answers arrived at the same moment and I could take only one. Please look at the last question and answer it again.',
    textPlease: 'Please answer with a text message (or /cancel to leave).',
    tapButtons: 'Please tap one of the buttons above (or /cancel to leave).',
    stepDone: 'That step is already done.',
    skip: 'Skip ▸',
    /** Under an answered prompt: what was chosen (`choices` joined with `listSeparator`, or nothing). */
    chosen: (choice: string) => `→ <b>${esc(choice || '—')}</b>`,
    listSeparator: ', ',
    done: '✅ Done',
    cancel: '✖️ Cancel',
  },

  post: {
    enterpriseOnly: 'Posting challenges is for enterprise accounts. Send /start and tap “Enterprise” or “Both” to add the role.',
    intro: '🏢 <b>New challenge</b>. I will ask nine short questions, then show you a preview. Send /cancel at any time to stop.',
    askTitle: '1/9 · What is the <b>title</b>? (3–160 characters)',
    badTitle: 'A title needs 3 to 160 characters. Please send it again.',
    askSummary: '2/9 · A one-paragraph <b>summary</b> researchers see in lists (10–600 characters):',
    badSummary: 'The summary needs 10 to 600 characters. Please send it again.',
    askDescription:
      '3/9 · The full <b>description</b>: the problem, constraints, what a good solution delivers. A long text may come in several messages — tap Done after the last. Or tap Skip.',
    badDescription: 'The description can be at most 20,000 characters. Please shorten it.',
    askFields: '4/9 · Which <b>fields</b> does it belong to? Tap one or more, then Done.',
    pickAtLeastOne: 'Pick at least one field.',
    askKeywords: '5/9 · <b>Keywords</b> researchers would search for, separated by commas (optional — tap Skip):',
    askKeywordsSuggested: (suggested: string) =>
      `5/9 · <b>Keywords</b> researchers would search for, separated by commas. From your title and summary, in both languages: <i>${esc(suggested)}</i>\nTap “Use these”, type your own, or Skip.`,
    useSuggested: '✅ Use these',
    badKeywords: 'Up to 20 keywords of at most 60 characters each, separated by commas. Please send them again.',
    askType: '6/9 · What <b>type</b> of challenge is it?',
    rewardNotPositive: 'The reward must be more than 0. Please send an amount, e.g. <code>500000 CNY</code>.',
    daysPreset: (days: number) => `${days} days`,
    askReward: '7/9 · The <b>reward</b>, e.g. <code>500000 CNY</code>, <code>50k USD</code> or <code>¥200万</code>:',
    badReward: 'I did not understand that amount. Send a number and an optional currency, e.g. <code>500000 CNY</code> or <code>80k USD</code>.',
    askDeadline: '8/9 · The <b>deadline</b> for bids: a date like <code>2026-12-31</code>, or <code>in 30 days</code> — or tap one below. A date means the end of that day in your time zone.',
    badDeadline: 'I did not understand that date. Send e.g. <code>2026-12-31</code>, <code>in 30 days</code> or <code>8 weeks</code>.',
    pastDeadline: 'The deadline must be in the future. Please send a later date.',
    farDeadline: 'The deadline can be at most five years away. Please send an earlier date.',
    askIpTerms: '9/9 · Under which <b>IP terms</b> will the result be transferred?',
    previewHeader: '👀 <b>Preview</b> — this is how researchers will see it:',
    publish: '🚀 Publish',
    saveDraft: '💾 Save as draft',
    published: '🚀 Published! Researchers with matching alerts are being notified. Follow its bids in /mychallenges.',
    draftSaved: '💾 Saved as a draft. Publish it from /mychallenges when you are ready.',
    discarded: 'OK, discarded. Nothing was posted.',
    /** `whyHtml` is a refusal message, already HTML. */
    publishFailedDraftKept: (whyHtml: string) => `The challenge was saved as a draft but could not be published. ${whyHtml}\nSee /mychallenges.`,
  },

  propose: {
    researcherOnly: 'Proposals come from researcher accounts. Send /start and tap “Researcher” or “Both” to add the role.',
    alreadyBid: 'You already have a live bid on this challenge. See it in /mybids.',
    notOpen: 'This challenge is not accepting bids any more.',
    intro: (title: string) => `✍️ <b>Proposal for “${esc(title)}”</b>\nYour bid is sealed: only this enterprise will see it. Send /cancel at any time to stop.`,
    askSummary: '1/5 · A short <b>summary</b> of your proposal (10–1,000 characters):',
    badSummary: 'The summary needs 10 to 1,000 characters. Please send it again.',
    askApproach: '2/5 · Your <b>approach</b>: method, team, what you will deliver (10–20,000 characters):',
    badApproach: 'The approach needs 10 to 20,000 characters. Please send it again.',
    askPrice: (example: string) => `3/5 · Your <b>price</b>, e.g. <code>${esc(example)}</code>:`,
    badPrice: 'I did not understand that amount. Send a number and an optional currency, e.g. <code>300000 CNY</code>.',
    askWeeks: '4/5 · How many <b>weeks</b> will it take? (1–520)',
    badWeeks: 'Please send a whole number of weeks between 1 and 520, e.g. <code>12</code>.',
    askPapers: '5/5 · Cite <b>papers</b> from your clips: tap to tick them, then Done.',
    noPapers: '5/5 · You have no clipped papers to cite. Clip papers with the Tenderlab browser extension to cite them in later bids.',
    previewHeader: '👀 <b>Your bid</b> — check it before sending:',
    submit: '📨 Submit bid',
    discarded: 'OK, discarded. No bid was sent.',
    submitted: (sha: string, at: string, revision: number) =>
      `✅ <b>Bid submitted.</b>\nReceipt (revision ${revision}), received ${esc(at)}:\n<code>${esc(sha)}</code>\nThis SHA-256 proves what you sent and when. Follow it in /mybids.`,
  },

  ask: {
    prompt: (title: string) => `❓ Your question about <b>${esc(title)}</b>. It is public, your name is not shown. (5–2,000 characters, /cancel to stop)`,
    bad: 'A question needs 5 to 2,000 characters. Please send it again.',
    asked: '✅ Question posted. I will tell you when the enterprise answers.',
  },

  answer: {
    prompt: (question: string) => `💬 Your public answer to:\n<i>${esc(question)}</i>\n(/cancel to stop)`,
    bad: 'An answer needs 1 to 5,000 characters. Please send it again.',
    answered: '✅ Answer published. The researcher who asked is notified.',
    missing: 'I could not find that question any more.',
  },

  reject: {
    prompt: 'Why is this bid not selected? Your feedback helps the researcher (it is sent to them only). Or tap Skip.',
    bad: 'Feedback can be at most 2,000 characters. Please shorten it.',
    rejected: 'The bid is marked not selected and the researcher is told.',
  },

  mine: {
    header: (from: number, to: number) => `🏢 <b>Your challenges</b> (${from}–${to})`,
    none: 'You have not posted a challenge yet. Send /post to post one.',
    publish: '🚀 Publish',
    close: '🔒 Close',
    cancel: '✖️ Cancel',
    confirmClose: 'Close this challenge to new bids? You can still award a bid afterwards.',
    confirmCancel: 'Cancel this challenge? Bidders and researchers who saved it are told. This cannot be undone.',
    yesClose: '🔒 Yes, close it',
    yesCancel: '✖️ Yes, cancel it',
    closed: '🔒 Closed to new bids. You can still award one of its bids.',
    cancelled: '✖️ Cancelled. Bidders and researchers who saved it are told.',
    published: '🚀 Published!',
    bidsHeader: (title: string, from: number, to: number) => `📥 <b>Bids on “${esc(title)}”</b> (${from}–${to})`,
    noBids: 'No bids yet. Researchers with matching alerts were told when you published.',
  },

  bid: {
    onChallenge: (title: string) => `📄 <b>Bid on “${esc(title)}”</b>`,
    from: (name: string, organization: string) => `👤 ${esc(name)}${organization ? ` · ${esc(organization)}` : ''}`,
    price: '💰 Price',
    duration: (weeks: number) => `🗓 ${weeks} ${weeks === 1 ? 'week' : 'weeks'}`,
    status: 'Status',
    revision: (n: number) => `revision ${n}`,
    summary: 'Summary',
    approach: 'Approach',
    references: 'References',
    receipt: (sha: string, at: string) => `🧾 Receipt <code>${esc(sha.slice(0, 16))}…</code> · ${esc(at)}`,
    feedback: (text: string) => `💬 Feedback: <i>${esc(text)}</i>`,
    shortlist: '⭐ Shortlist',
    reject: '✖️ Not selected',
    award: '🏆 Award',
    withdraw: '↩️ Withdraw',
    challenge: 'ℹ️ Challenge',
    confirmAward: 'Award the challenge to this bid? The other live bids are marked not selected, every bidder is told, and the award is announced publicly.',
    yesAward: '🏆 Yes, award it',
    awarded: (title: string, name: string) => `🏆 <b>“${esc(title)}”</b> is awarded to ${esc(name)}. Every bidder has been told and the award is announced publicly.`,
    shortlisted: '⭐ Shortlisted. The researcher is told.',
    /** Plain text (button alerts): why a bid's button no longer applies. */
    refused: {
      awardedTo: (name: string) => (name ? `Already awarded to ${name}` : 'This bid has already won'),
      cancelled: 'This challenge was cancelled',
      rejected: 'This bid was already marked not selected',
      withdrawn: 'The researcher withdrew this bid',
      shortlisted: 'This bid is already shortlisted',
    },
    confirmWithdraw: 'Withdraw this bid? The enterprise will no longer consider it.',
    yesWithdraw: '↩️ Yes, withdraw',
    withdrawn: 'Your bid is withdrawn.',
  },

  mybids: {
    header: (from: number, to: number) => `📄 <b>Your bids</b> (${from}–${to})`,
    none: 'You have not submitted a bid yet. Find a challenge with /challenges and tap ✍️ Propose.',
  },

  subscriptions: {
    usage:
      'Tell me what to watch for, e.g.\n<code>/subscribe battery recycling</code>\n<code>/subscribe 钙钛矿 #new-materials min:100000</code>\n\n<code>#field</code> limits it to a field, <code>min:N</code> to a minimum reward. Fields: ',
    unknownField: (tag: string) => `I do not know the field <code>${esc(tag)}</code>. Fields: `,
    created: (description: string) => `✅ Alert saved: ${description}\nI will message you for every new challenge that matches. /subscriptions to manage.`,
    header: '🔔 <b>Your alerts</b>',
    none: 'You have no alerts yet. Send e.g. <code>/subscribe battery recycling</code>.',
    keywords: (words: string) => `🔔 <b>${esc(words)}</b>`,
    anything: '🔔 <b>any topic</b>',
    inFields: (fields: string) => ` in ${esc(fields)}`,
    /** The services compare a minimum with each challenge's amount in that challenge's own currency: said so. */
    minReward: (amount: string) => ` · reward ≥ ${esc(amount)} (in the challenge’s currency)`,
    paused: ' · ⏸ paused',
    pause: '⏸ Pause',
    resume: '▶️ Resume',
    delete: '🗑 Delete',
    pausedToast: 'Paused.',
    resumedToast: 'Resumed.',
    deleted: '🗑 Alert deleted.',
  },

  link: {
    usage:
      'To use your Tenderlab web account here: sign in there, ask for a Telegram link code (<code>POST /api/auth/link-code</code>, or “Link Telegram” in the extension), then send <code>/link CODE</code>.',
    linked: (name: string) => `🔗 Linked! This chat now belongs to the account <b>${esc(name)}</b> and receives its notifications.`,
    badCode: 'That code is not valid: it may be mistyped, already used or older than ten minutes. Ask for a new one.',
    tooManyAttempts: 'Too many wrong codes. Please wait ten minutes and ask for a new code.',
    connectCode: (code: string, until: string) =>
      `🔑 Your one-time code for the browser extension:\n\n<code>${esc(code)}</code>\n\nIn the extension, open Options → “Sign in with a code from the bot” and enter it. It works once, until ${esc(until)}.`,
  },

  fallback: {
    unknownCommand: (command: string) => `I do not know the command <code>${esc(command)}</code>. Here is what I can do:`,
    freeText: 'I answer commands rather than free text. Did you want to search challenges for this?',
    searchFor: (text: string) => `🔍 Search “${text}”`,
    unregisteredText: '👋 Hello! Send /start to create your Tenderlab account, or /help to see what I can do.',
    nonText: 'I understand text messages and commands. /help lists what I can do.',
    groupsOnly: 'I work in private chats. Open a chat with me to use Tenderlab.',
  },

  notify: {
    match: '🔔 <b>New challenge matching your alert</b>',
    why: 'Why it matched:',
    bidReceived: (title: string) => `📥 <b>New bid on “${esc(title)}”</b>`,
    bidStatus: (title: string, status: string) => `📄 Your bid on <b>“${esc(title)}”</b> is now <b>${status}</b>.`,
    rejectedKindly: 'Thank you for your proposal — the enterprise chose another direction this time.',
    question: (title: string, question: string) => `❓ <b>New question on “${esc(title)}”</b>\n<i>${esc(question)}</i>\nYour answer is public.`,
    answer: (title: string, question: string, answer: string) => `💬 <b>Your question on “${esc(title)}” was answered</b>\n<i>${esc(question)}</i>\n\n${esc(answer)}`,
    deadline: (title: string) => `⏰ <b>“${esc(title)}” closes in less than 24 hours.</b>`,
    award: (title: string, amount: string) => `🏆 <b>Congratulations! Your bid on “${esc(title)}” won</b> — ${amount}.`,
    awardNote: (note: string) => `Note from the enterprise: <i>${esc(note)}</i>`,
    cancelled: (title: string) => `✖️ <b>“${esc(title)}” was cancelled</b> by the enterprise. No further bids will be considered.`,
    answerButton: '💬 Answer',
    myBidsButton: '📄 My bids',
    catalogue: {
      'achievement-match': (title: string) => `🔔 <b>New technology matching your alert</b>: “${esc(title)}”`,
      'solution-match': (title: string) => `💡 <b>Your listed technology may answer “${esc(title)}”</b>`,
      'enquiry-received': (title: string) => `📨 <b>New enquiry about “${esc(title)}”</b>`,
      'enquiry-status': (title: string) => `📨 <b>Your enquiry about “${esc(title)}” changed status</b>`,
      'deal-objection': (title: string) => `⚠️ <b>An objection was filed against the deal on “${esc(title)}”</b>`,
      'objection-answer': (title: string) => `💬 <b>Your objection to the deal on “${esc(title)}” was answered</b>`,
      'deal-transferred': (title: string) => `✅ <b>The deal on “${esc(title)}” is transferred</b>`,
    },
    // Evaluation (§9) as one line each until the bot has its review screens.
    evaluation: {
      'review-assigned': (title: string) => `🧑‍⚖️ <b>You were asked to review “${esc(title)}”</b>`,
      'scores-complete': (title: string) => `📊 <b>All review scores are in for “${esc(title)}”</b>`,
      'phase-advanced': (title: string) => `➡️ <b>Your bid on “${esc(title)}” goes on to the next phase</b>: you may revise it.`,
      feedback: (title: string) => `💬 <b>Reviewer feedback on your bid for “${esc(title)}”</b>`,
    },
  },
};

/** The shape every language's catalogue has. */
export type Messages = typeof en;

const zh: Messages = {
  languageName: '中文',
  commands: {
    start: '注册或查看账户',
    help: '我能做什么',
    challenges: '浏览开放的技术需求',
    search: '搜索需求：/search 关键词',
    saved: '已收藏的需求',
    subscribe: '订阅提醒：/subscribe 关键词',
    subscriptions: '管理提醒：暂停或删除',
    mybids: '我的投标及其状态',
    post: '发布技术需求（企业）',
    mychallenges: '我发布的需求及投标',
    link: '关联网页账户：/link 验证码',
    connect: '获取浏览器扩展登录码',
    lang: '语言：English / 中文',
    timezone: '显示时间所用的时区',
    cancel: '退出当前表单',
  },

  roles: {
    researcher: '科研人员',
    enterprise: '企业',
    both: '科研人员和企业',
  },
  ...labelsOf('zh'),

  confirm: {
    keep: '↩️ 不，保留',
    kept: '好的，没有做任何更改。',
  },

  errors: {
    apology: '😔 抱歉，我们这边出了点问题，没能完成。请稍后再试。',
    notRegistered: '您在这里还没有 Tenderlab 账户。发送 /start 即可创建，只需点两下。',
    staleButton: '这个按钮已过期。请重新发送命令以获取新按钮。',
    outdatedButton: '这个按钮来自旧版机器人。请重新发送命令。',
    refusal: {
      forbidden: () => '🚫 您的账户无权执行此操作。',
      notFound: '没有找到该内容：它可能已被删除，或对您不可见。',
      conflict: () => '当前状态下无法执行此操作。',
      invalid: () => '输入的内容不符合要求，请检查后重试。',
      rateLimited: () => '操作过于频繁，请稍后再试。',
      unauthorized: '您在这里还没有 Tenderlab 账户。发送 /start 即可创建。',
      other: () => '无法完成此操作。',
    },
  },

  start: {
    welcome: '👋 欢迎使用 <b>Tenderlab</b> 研发众包平台：企业发布带悬赏的技术需求，科研人员以密封投标作答，授标结果公开公示。\n\n您在 Tenderlab 的身份是？（之后可通过 /start 修改。）',
    roleButtons: { researcher: '🔬 科研人员', enterprise: '🏢 企业', both: '🔬🏢 两者都是' },
    registered: (name: string, roles: string) => `✅ 注册完成，<b>${esc(name)}</b>！您的身份：${esc(roles)}。`,
    nextResearcher:
      '🔬 <b>科研人员可以</b>\n• /challenges — 浏览开放的需求\n• /search 电池回收 — 搜索需求\n• /subscribe 电池回收 — 有新匹配需求时提醒我\n• 在需求上点击「投标」提交方案',
    nextEnterprise: '🏢 <b>企业可以</b>\n• /post — 通过简短对话发布需求\n• /mychallenges — 跟踪您的需求及投标',
    linkHint: '已有 Tenderlab 网页或扩展账户？在那里获取验证码后发送 /link 验证码，即可在这里使用。',
    welcomeBack: (name: string, roles: string) => `👋 欢迎回来，<b>${esc(name)}</b>。您的身份：${esc(roles)}。`,
    changeRoles: '如需修改身份，请点击下方按钮。/help 查看全部功能。',
    rolesUpdated: (roles: string) => `✅ 您的身份已更新为：${esc(roles)}。`,
  },

  help: {
    intro: '<b>Tenderlab</b> — 企业发布带悬赏的研发需求，科研人员以密封投标作答。',
    researcher:
      '🔬 <b>科研人员</b>\n/challenges — 浏览开放的需求\n/search <i>关键词</i> — 搜索需求\n/saved — 已收藏的需求\n/subscribe <i>关键词</i> — 新需求提醒（可加 <code>#领域</code> 或 <code>min:50000</code>）\n/subscriptions — 暂停或删除提醒\n/mybids — 我的投标及状态',
    enterprise: '🏢 <b>企业</b>\n/post — 发布需求\n/mychallenges — 我的需求及投标；截止或取消',
    account:
      '⚙️ <b>账户</b>\n/start — 账户与身份\n/link <i>验证码</i> — 关联 Tenderlab 网页账户\n/connect — 获取浏览器扩展登录码\n/lang — English / 中文\n/timezone — 显示时间所用的时区\n/cancel — 退出当前表单',
    cards: '每个需求下都有按钮：⭐ 收藏、ℹ️ 详情、✍️ 投标、❓ 提问。',
  },

  lang: {
    choose: '请选择语言：',
    changed: '✅ 语言已设置为中文。',
  },

  timeZone: {
    choose: (current: string) => `🕒 当前按 <b>${esc(current)}</b> 显示时间。请选择您的时区，或发送 IANA 时区名，例如 <code>/timezone Europe/Paris</code>：`,
    changed: (zone: string) => `✅ 之后将按 <b>${esc(zone)}</b> 显示时间。`,
    unknown: (text: string) => `无法识别时区「${esc(text)}」。请发送 IANA 时区名，例如 <code>Asia/Shanghai</code> 或 <code>Europe/Paris</code>。`,
  },

  card: {
    enterprise: '🏢',
    reward: '💰 悬赏',
    deadline: '⏳ 截止',
    fields: '🏷',
    type: '类型',
    ipTerms: '知识产权',
    description: '需求描述',
    readAll: '在网页上阅读全文 ▸',
    counters: (bids: number | null, saves: number, questions: number) =>
      `📊 ${bids === null ? '截止前投标数保密' : `${bids} 份投标`} · ${saves} 次收藏 · ${questions} 个提问`,
    bidCount: (n: number) => `📥 ${n} 份投标`,
    questionsHeader: '❓ <b>问答</b>',
    awardedTo: (name: string, amount: string) => `🏆 授予 <b>${esc(name)}</b>，金额 ${amount}`,
    buttons: {
      save: '⭐ 收藏',
      unsave: '★ 取消收藏',
      details: 'ℹ️ 详情',
      propose: '✍️ 投标',
      yourBid: '📄 我的投标',
      ask: '❓ 提问',
      bids: (n: number) => `📥 投标（${n}）`,
    },
  },

  browse: {
    openHeader: (from: number, to: number) => `🟢 <b>开放的需求</b>（${from}–${to}）`,
    noneOpen: '目前没有开放的需求。发送 /subscribe <i>关键词</i>，有匹配的新需求时我会通知您。',
    searchUsage: '请在 /search 后加上关键词，例如 <code>/search 电池回收</code> 或 <code>/search perovskite</code>。',
    searchHeader: (query: string, from: number, to: number) => `🔍 <b>${esc(query)}</b>（${from}–${to}）`,
    searchNone: (query: string) => `暂无与 <b>${esc(query)}</b> 匹配的开放需求。换个关键词试试，或发送 <code>/subscribe ${esc(query)}</code>，有新需求时提醒您。`,
    more: '显示更多 ▸',
    moreFooter: '还有更多：',
    previous: '◂ 上一页',
    next: '下一页 ▸',
    listExpired: '这个列表已过期，请重新发送命令。',
    saved: '⭐ 已收藏。可通过 /saved 查看。',
    unsaved: '已取消收藏。',
  },

  saved: {
    header: (from: number, to: number) => `⭐ <b>已收藏的需求</b>（${from}–${to}）`,
    none: '您还没有收藏任何需求。在需求下点击 ⭐ 收藏即可保存到这里。',
  },

  conversation: {
    cancelled: '好的，已退出表单，没有保存任何内容。',
    nothingToCancel: '当前没有可取消的操作。/help 查看全部功能。',
    leftForCommand: (command: string) => `好的，已退出表单。请再次发送 ${esc(command)}。`,
    confirmLeave: (command: string) => `您正在填写表单。要放弃已填写的内容并执行 ${esc(command)} 吗？`,
    leave: '✖️ 放弃表单',
    stay: '↩️ 继续填写',
    keptGoing: '好的，请继续回答上面的问题。',
    confirmLeaveForButton: '您正在填写表单。要放弃已填写的内容，开始您刚点击的新表单吗？',
    leftForButton: '好的，已退出表单。请再次点击该按钮开始新的表单。',
    partReceived: (parts: number, total: number) => `📝 已收到${parts > 1 ? ` ${parts} 段，` : '，'}共 ${total} 字。如果还没发完请继续发送，发完请点击「完成」。`,
    replaced: '已退出未完成的表单，开始新的操作。',
    interrupted: '机器人刚刚更新，您未完成的表单无法继续，抱歉。请重新开始：发布需求请发送 /post，其他表单请再次点击当初的按钮。',
    crossed: '您的两条回复同时到达，我只能采用其中一条。请查看最后一个问题并重新回答。',
    textPlease: '请用文字回复（或发送 /cancel 退出）。',
    tapButtons: '请点击上方的按钮（或发送 /cancel 退出）。',
    stepDone: '这一步已经完成。',
    skip: '跳过 ▸',
    chosen: (choice: string) => `→ <b>${esc(choice || '—')}</b>`,
    listSeparator: '、',
    done: '✅ 完成',
    cancel: '✖️ 取消',
  },

  post: {
    enterpriseOnly: '只有企业账户可以发布需求。发送 /start 并点击「企业」或「两者都是」即可添加该身份。',
    intro: '🏢 <b>发布新需求</b>。我会问九个简短的问题，然后给您预览。随时发送 /cancel 可退出。',
    askTitle: '1/9 · 需求<b>标题</b>是？（3–160 字）',
    badTitle: '标题需要 3 到 160 个字，请重新发送。',
    askSummary: '2/9 · 一段<b>摘要</b>，会显示在列表中（10–600 字）：',
    badSummary: '摘要需要 10 到 600 个字，请重新发送。',
    askDescription: '3/9 · 完整的<b>需求描述</b>：问题、约束条件、理想方案应交付什么。较长的内容可以分几条发送，发完后点击「完成」。也可以点击「跳过」。',
    badDescription: '需求描述最多 20000 字，请精简后重新发送。',
    askFields: '4/9 · 所属<b>领域</b>？可多选，选好后点击「完成」。',
    pickAtLeastOne: '请至少选择一个领域。',
    askKeywords: '5/9 · 科研人员会搜索的<b>关键词</b>，用逗号分隔（可选，可点击「跳过」）：',
    askKeywordsSuggested: (suggested: string) =>
      `5/9 · 科研人员会搜索的<b>关键词</b>，用逗号分隔。根据标题和摘要建议（中英双语）：<i>${esc(suggested)}</i>\n点击「使用这些」、自己输入，或跳过。`,
    useSuggested: '✅ 使用这些',
    badKeywords: '最多 20 个关键词，每个不超过 60 字，用逗号分隔。请重新发送。',
    askType: '6/9 · 需求属于哪种<b>类型</b>？',
    rewardNotPositive: '悬赏金额必须大于 0。请发送金额，例如 <code>50万</code>。',
    daysPreset: (days: number) => `${days} 天`,
    askReward: '7/9 · <b>悬赏金额</b>，例如 <code>500000 CNY</code>、<code>50k USD</code> 或 <code>¥200万</code>：',
    badReward: '没能识别这个金额。请发送数字和可选的币种，例如 <code>500000 CNY</code> 或 <code>8万</code>。',
    askDeadline: '8/9 · 投标<b>截止日期</b>：例如 <code>2026-12-31</code> 或 <code>30天后</code>，或点击下方按钮。日期指您所在时区当天结束时。',
    badDeadline: '没能识别这个日期。请发送例如 <code>2026-12-31</code>、<code>30天后</code> 或 <code>8周</code>。',
    pastDeadline: '截止日期必须在将来，请发送一个更晚的日期。',
    farDeadline: '截止日期最多为五年之内，请发送一个更早的日期。',
    askIpTerms: '9/9 · 成果以何种<b>知识产权</b>方式转让？',
    previewHeader: '👀 <b>预览</b> — 科研人员将看到：',
    publish: '🚀 发布',
    saveDraft: '💾 存为草稿',
    published: '🚀 已发布！正在通知订阅了匹配提醒的科研人员。可在 /mychallenges 跟踪投标。',
    draftSaved: '💾 已存为草稿。准备好后可在 /mychallenges 中发布。',
    discarded: '好的，已放弃，没有发布任何内容。',
    publishFailedDraftKept: () => '需求已存为草稿，但未能发布 — 请在 /mychallenges 中查看。',
  },

  propose: {
    researcherOnly: '只有科研人员账户可以投标。发送 /start 并点击「科研人员」或「两者都是」即可添加该身份。',
    alreadyBid: '您在这个需求上已有有效投标，可在 /mybids 查看。',
    notOpen: '这个需求已不再接受投标。',
    intro: (title: string) => `✍️ <b>为「${esc(title)}」投标</b>\n您的投标是密封的：只有该企业能看到。随时发送 /cancel 可退出。`,
    askSummary: '1/5 · 方案<b>摘要</b>（10–1000 字）：',
    badSummary: '摘要需要 10 到 1000 个字，请重新发送。',
    askApproach: '2/5 · 您的<b>技术路线</b>：方法、团队、交付成果（10–20000 字）：',
    badApproach: '技术路线需要 10 到 20000 个字，请重新发送。',
    askPrice: (example: string) => `3/5 · 您的<b>报价</b>，例如 <code>${esc(example)}</code>：`,
    badPrice: '没能识别这个金额。请发送数字和可选的币种，例如 <code>300000 CNY</code>。',
    askWeeks: '4/5 · 需要多少<b>周</b>完成？（1–520）',
    badWeeks: '请发送 1 到 520 之间的整数周数，例如 <code>12</code>。',
    askPapers: '5/5 · 从您收录的论文中选择要引用的<b>文献</b>：点击勾选，然后点击「完成」。',
    noPapers: '5/5 · 您还没有收录论文。使用 Tenderlab 浏览器扩展收录论文后，可在之后的投标中引用。',
    previewHeader: '👀 <b>您的投标</b> — 发送前请确认：',
    submit: '📨 提交投标',
    discarded: '好的，已放弃，没有发送投标。',
    submitted: (sha: string, at: string, revision: number) =>
      `✅ <b>投标已提交。</b>\n回执（第 ${revision} 版），接收时间 ${esc(at)}：\n<code>${esc(sha)}</code>\n该 SHA-256 可证明您提交的内容和时间。可在 /mybids 跟踪。`,
  },

  ask: {
    prompt: (title: string) => `❓ 关于 <b>${esc(title)}</b> 的提问。问题公开显示，但不会显示您的姓名。（5–2000 字，/cancel 退出）`,
    bad: '问题需要 5 到 2000 个字，请重新发送。',
    asked: '✅ 问题已发布。企业回答后我会通知您。',
  },

  answer: {
    prompt: (question: string) => `💬 请公开回答：\n<i>${esc(question)}</i>\n（/cancel 退出）`,
    bad: '回答需要 1 到 5000 个字，请重新发送。',
    answered: '✅ 回答已发布，提问者会收到通知。',
    missing: '找不到这个问题了。',
  },

  reject: {
    prompt: '为什么未选择这份投标？您的反馈对科研人员很有帮助（仅发送给对方）。也可以点击「跳过」。',
    bad: '反馈最多 2000 字，请精简。',
    rejected: '该投标已标记为未入选，并已通知科研人员。',
  },

  mine: {
    header: (from: number, to: number) => `🏢 <b>我发布的需求</b>（${from}–${to}）`,
    none: '您还没有发布需求。发送 /post 发布一个。',
    publish: '🚀 发布',
    close: '🔒 截止',
    cancel: '✖️ 取消',
    confirmClose: '截止这个需求，不再接受新投标？截止后仍可授标。',
    confirmCancel: '取消这个需求？投标人和收藏者会收到通知，且无法撤销。',
    yesClose: '🔒 确认截止',
    yesCancel: '✖️ 确认取消',
    closed: '🔒 已截止，不再接受新投标。您仍可授标。',
    cancelled: '✖️ 已取消。投标人和收藏者已收到通知。',
    published: '🚀 已发布！',
    bidsHeader: (title: string, from: number, to: number) => `📥 <b>「${esc(title)}」的投标</b>（${from}–${to}）`,
    noBids: '暂无投标。发布时已通知订阅了匹配提醒的科研人员。',
  },

  bid: {
    onChallenge: (title: string) => `📄 <b>对「${esc(title)}」的投标</b>`,
    from: (name: string, organization: string) => `👤 ${esc(name)}${organization ? ` · ${esc(organization)}` : ''}`,
    price: '💰 报价',
    duration: (weeks: number) => `🗓 ${weeks} 周`,
    status: '状态',
    revision: (n: number) => `第 ${n} 版`,
    summary: '摘要',
    approach: '技术路线',
    references: '参考文献',
    receipt: (sha: string, at: string) => `🧾 回执 <code>${esc(sha.slice(0, 16))}…</code> · ${esc(at)}`,
    feedback: (text: string) => `💬 反馈：<i>${esc(text)}</i>`,
    shortlist: '⭐ 入围',
    reject: '✖️ 不予采纳',
    award: '🏆 授标',
    withdraw: '↩️ 撤回',
    challenge: 'ℹ️ 需求',
    confirmAward: '将需求授予这份投标？其他有效投标将标记为未入选，所有投标人都会收到通知，授标结果将公开公示。',
    yesAward: '🏆 确认授标',
    awarded: (title: string, name: string) => `🏆 <b>「${esc(title)}」</b>已授予 ${esc(name)}。所有投标人均已收到通知，授标结果已公开公示。`,
    shortlisted: '⭐ 已入围，并已通知科研人员。',
    refused: {
      awardedTo: (name: string) => (name ? `已授标给 ${name}` : '这份投标已中标'),
      cancelled: '这个需求已取消',
      rejected: '这份投标已不予采纳',
      withdrawn: '投标人已撤回这份投标',
      shortlisted: '这份投标已经入围',
    },
    confirmWithdraw: '撤回这份投标？企业将不再考虑它。',
    yesWithdraw: '↩️ 确认撤回',
    withdrawn: '您的投标已撤回。',
  },

  mybids: {
    header: (from: number, to: number) => `📄 <b>我的投标</b>（${from}–${to}）`,
    none: '您还没有提交投标。用 /challenges 找到需求后点击 ✍️ 投标。',
  },

  subscriptions: {
    usage:
      '告诉我要关注什么，例如\n<code>/subscribe 电池回收</code>\n<code>/subscribe 钙钛矿 #新材料 min:100000</code>\n\n<code>#领域</code> 限定领域，<code>min:金额</code> 限定最低悬赏。领域：',
    unknownField: (tag: string) => `不认识领域 <code>${esc(tag)}</code>。可用领域：`,
    created: (description: string) => `✅ 提醒已保存：${description}\n每有匹配的新需求发布，我都会通知您。/subscriptions 可管理提醒。`,
    header: '🔔 <b>我的提醒</b>',
    none: '您还没有提醒。发送例如 <code>/subscribe 电池回收</code>。',
    keywords: (words: string) => `🔔 <b>${esc(words)}</b>`,
    anything: '🔔 <b>任意主题</b>',
    inFields: (fields: string) => `，领域：${esc(fields)}`,
    minReward: (amount: string) => ` · 悬赏 ≥ ${esc(amount)}（按需求自身币种）`,
    paused: ' · ⏸ 已暂停',
    pause: '⏸ 暂停',
    resume: '▶️ 恢复',
    delete: '🗑 删除',
    pausedToast: '已暂停。',
    resumedToast: '已恢复。',
    deleted: '🗑 提醒已删除。',
  },

  link: {
    usage: '要在这里使用 Tenderlab 网页账户：先在网页或扩展中登录，获取 Telegram 关联码（<code>POST /api/auth/link-code</code>，或扩展中的「关联 Telegram」），然后发送 <code>/link 验证码</code>。',
    linked: (name: string) => `🔗 关联成功！此对话已归属账户 <b>${esc(name)}</b>，并会接收其通知。`,
    badCode: '验证码无效：可能输错、已使用或已超过十分钟。请重新获取。',
    tooManyAttempts: '错误次数过多。请等待十分钟后重新获取验证码。',
    connectCode: (code: string, until: string) =>
      `🔑 浏览器扩展的一次性登录码：\n\n<code>${esc(code)}</code>\n\n在扩展中打开「选项」→「使用机器人提供的登录码」并输入。仅可使用一次，有效期至 ${esc(until)}。`,
  },

  fallback: {
    unknownCommand: (command: string) => `我不认识命令 <code>${esc(command)}</code>。我可以做这些：`,
    freeText: '我看不懂聊天消息，请用命令和我交流（/help 查看全部命令）。要按这段文字搜索需求吗？',
    searchFor: (text: string) => `🔍 搜索「${text}」`,
    unregisteredText: '👋 您好！发送 /start 创建 Tenderlab 账户，或发送 /help 查看我能做什么。',
    nonText: '我能理解文字消息和命令。/help 查看全部功能。',
    groupsOnly: '我只在私聊中工作。请与我私聊以使用 Tenderlab。',
  },

  notify: {
    match: '🔔 <b>有新需求匹配您的提醒</b>',
    why: '匹配原因：',
    bidReceived: (title: string) => `📥 <b>「${esc(title)}」收到新投标</b>`,
    bidStatus: (title: string, status: string) => `📄 您对 <b>「${esc(title)}」</b> 的投标状态已更新为 <b>${status}</b>。`,
    rejectedKindly: '感谢您的方案 — 企业这次选择了其他方向。',
    question: (title: string, question: string) => `❓ <b>「${esc(title)}」有新提问</b>\n<i>${esc(question)}</i>\n您的回答将公开显示。`,
    answer: (title: string, question: string, answer: string) => `💬 <b>您在「${esc(title)}」上的提问已获回答</b>\n<i>${esc(question)}</i>\n\n${esc(answer)}`,
    deadline: (title: string) => `⏰ <b>「${esc(title)}」将在 24 小时内截止。</b>`,
    award: (title: string, amount: string) => `🏆 <b>恭喜！您对「${esc(title)}」的投标中标</b> — ${amount}。`,
    awardNote: (note: string) => `企业留言：<i>${esc(note)}</i>`,
    cancelled: (title: string) => `✖️ <b>「${esc(title)}」已被企业取消</b>，不再考虑新的投标。`,
    answerButton: '💬 回答',
    myBidsButton: '📄 我的投标',
    catalogue: {
      'achievement-match': (title: string) => `🔔 <b>有新成果匹配您的提醒</b>：「${esc(title)}」`,
      'solution-match': (title: string) => `💡 <b>您发布的成果可能解决「${esc(title)}」</b>`,
      'enquiry-received': (title: string) => `📨 <b>「${esc(title)}」收到新询价</b>`,
      'enquiry-status': (title: string) => `📨 <b>您对「${esc(title)}」的询价状态已更新</b>`,
      'deal-objection': (title: string) => `⚠️ <b>「${esc(title)}」的公示交易收到异议</b>`,
      'objection-answer': (title: string) => `💬 <b>您对「${esc(title)}」交易的异议已获答复</b>`,
      'deal-transferred': (title: string) => `✅ <b>「${esc(title)}」的交易已完成转让</b>`,
    },
    evaluation: {
      'review-assigned': (title: string) => `🧑‍⚖️ <b>您受邀评审「${esc(title)}」</b>`,
      'scores-complete': (title: string) => `📊 <b>「${esc(title)}」的评审评分已全部完成</b>`,
      'phase-advanced': (title: string) => `➡️ <b>您对「${esc(title)}」的标书进入下一阶段</b>，可以修改后再提交。`,
      feedback: (title: string) => `💬 <b>您对「${esc(title)}」的标书收到评审意见</b>`,
    },
  },
};

const CATALOGUES: Record<Locale, Messages> = { en, zh };

/** The catalogue of a locale. */
export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}

/** The locale to greet an unknown Telegram user in, from the language their app is set to. */
export function localeFromLanguageCode(code: string | undefined): Locale {
  return code?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
