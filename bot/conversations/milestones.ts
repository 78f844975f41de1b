import { formatMoney } from '../../shared/format.js';
import { BidUpdateInput, Milestone } from '../../shared/schemas/bid.js';
import type { Locale, Money } from '../../shared/schemas/common.js';
import { milestoneLines } from '../format-bid.js';
import { truncate } from '../html.js';
import type { Messages } from '../i18n.js';
import { parseMoney, parseWeeks } from '../parse-input.js';
import { bySchema } from './steps.js';
import type { conversationSteps, Parsed } from './steps.js';

type Steps = ReturnType<typeof conversationSteps>;

const ADD = 'add';
const NONE = 'none';
const DONE = 'done';
const CHANGE = 'change';
const KEEP = 'keep';

/** The list as a bid takes it: whether one more milestone fits is the schema's call, not a second limit here. */
const MilestoneList = BidUpdateInput.shape.milestones.unwrap();
const PROBE: Milestone = { title: '-', weeks: 1, amount: null };

const cents = (amount: number) => Math.round(amount * 100);

/** An amount typed for a milestone: in the bid's currency (a milestone has no currency of its own). */
function amountIn(currency: string, t: Messages): (text: string) => Parsed<number> {
  return (text) => {
    const money = parseMoney(text, currency);
    return money && money.currency === currency ? { ok: true, value: money.amount } : { ok: false, message: t.propose.badMilestoneAmount(currency) };
  };
}

/** One milestone: its title, weeks and amount (skippable: a milestone may name no amount). */
async function askMilestone(steps: Steps, t: Messages, n: number, currency: string): Promise<Milestone> {
  const title = (await steps.text({ prompt: t.propose.askMilestoneTitle(n), parse: bySchema(Milestone.shape.title, t.propose.badMilestoneTitle) }))!;
  const weeks = (await steps.text({
    prompt: t.propose.askMilestoneWeeks(n),
    parse: (text) => {
      const parsed = parseWeeks(text);
      return parsed === null ? { ok: false, message: t.propose.badWeeks } : { ok: true, value: parsed };
    },
  }))!;
  const amount = await steps.text({ prompt: t.propose.askMilestoneAmount(n, currency), parse: amountIn(currency, t), skippable: true });
  return { title, weeks, amount };
}

/**
 * The milestones step of Propose and Revise: none (the button under `prompt`), or milestones added one by
 * one — title, weeks, amount — until Done, then checked against the price (`settleMilestones`).
 */
export async function askMilestones(steps: Steps, t: Messages, locale: Locale, { prompt, price }: { prompt: string; price: Money }): Promise<Milestone[]> {
  const list: Milestone[] = [];
  for (;;) {
    if (list.length === 0) {
      const first = await steps.choose({ text: prompt, choices: [{ value: ADD, label: t.propose.addMilestone }, { value: NONE, label: t.propose.noMilestones }] });
      if (first === NONE) return [];
    } else {
      const lines = milestoneLines(list, price.currency, locale);
      const room = MilestoneList.safeParse([...list, PROBE]).success;
      const next = await steps.choose({
        text: room ? t.propose.milestonesSoFar(lines) : t.propose.milestonesFull(lines),
        choices: [...(room ? [{ value: ADD, label: t.propose.addAnother }] : []), { value: DONE, label: t.conversation.done }],
      });
      if (next === DONE) return settleMilestones(steps, t, locale, list, price);
    }
    list.push(await askMilestone(steps, t, list.length + 1, price.currency));
  }
}

/**
 * Milestones checked against the price. The domain accepts amounts that do not add up to the price (a
 * milestone may name no amount, or the bidder may mean the rest as a final payment), so a mismatch is
 * explained and the bidder chooses: change an amount, or keep them. Weeks are not compared with the bid's
 * duration: milestones may overlap, and the schema does not relate the two.
 */
export async function settleMilestones(steps: Steps, t: Messages, locale: Locale, milestones: readonly Milestone[], price: Money): Promise<Milestone[]> {
  const list = [...milestones];
  const money = (amount: number) => formatMoney({ amount, currency: price.currency }, locale);
  for (;;) {
    const amounts = list.flatMap((m) => (m.amount === null ? [] : [cents(m.amount)]));
    const sum = amounts.reduce((a, b) => a + b, 0);
    if (amounts.length === 0 || sum === cents(price.amount)) return list;
    const choice = await steps.choose({
      text: t.propose.amountMismatch(money(sum / 100), money(price.amount)),
      choices: [
        { value: CHANGE, label: t.propose.changeAmount },
        { value: KEEP, label: t.propose.keepMilestones },
      ],
    });
    if (choice === KEEP) return list;
    const i = await steps.pickOne({
      prompt: t.propose.pickMilestone,
      options: list.map((m, n) => truncate(`${n + 1}. ${m.title}${m.amount === null ? '' : ` · ${money(m.amount)}`}`, 60)),
    });
    const amount = await steps.text({ prompt: t.propose.askMilestoneAmount(i + 1, price.currency), parse: amountIn(price.currency, t), skippable: true });
    list[i] = { ...list[i]!, amount };
  }
}
