import type { Bid, BidCreateInput, BidUpdateInput, Milestone } from '../../shared/schemas/bid.js';
import type { Money } from '../../shared/schemas/common.js';
import type { PaperRef } from '../../shared/schemas/paper.js';
import type { z } from 'zod';

/** A bid's content as the form's shared schema hands it back after parsing (trimmed, defaults filled). */
export type EditedBid = Pick<z.output<typeof BidCreateInput>, 'summary' | 'approach' | 'price' | 'durationWeeks' | 'milestones'>;

/** A reference the bid cites, by its place in the bid. */
export interface OwnReference {
  index: number;
  reference: PaperRef;
}

/**
 * The references of `bid` that are not among the reader's clips at hand (`clipIds`): typed in, or copied
 * from a clip since deleted. The form lists them on their own, ticked, and sends back the ticked ones as the
 * bid keeps them; the rest are cited by their clip's id.
 */
export function ownReferences(bid: Pick<Bid, 'references'>, clipIds: ReadonlySet<string>): OwnReference[] {
  return bid.references.flatMap((reference, index) => (reference.paperId !== null && clipIds.has(reference.paperId) ? [] : [{ index, reference }]));
}

/** What the reader ticked: clips by id, and the bid's own references (`ownReferences`) by their place. */
export interface Citing {
  paperIds: readonly string[];
  keptReferences: readonly number[];
}

const sameMoney = (a: Money, b: Money) => a.amount === b.amount && a.currency === b.currency;

const milestoneKey = (milestones: readonly Milestone[]) => JSON.stringify(milestones.map(({ title, weeks, amount }) => [title, weeks, amount ?? null]));

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((key) => right.has(key));
};

/**
 * The revision to send: only the parts of `edited` and `citing` that differ from `bid`, so what the reader
 * left alone stays exactly as the receipt covers it. Empty when nothing changed. A changed citation list is
 * sent whole (`paperIds` and `references`), since the API replaces it.
 */
export function revisionPatch(bid: Bid, edited: EditedBid, citing: Citing, clipIds: ReadonlySet<string>): BidUpdateInput {
  const patch: BidUpdateInput = {};
  if (edited.summary !== bid.summary) patch.summary = edited.summary;
  if (edited.approach !== bid.approach) patch.approach = edited.approach;
  if (!sameMoney(edited.price, bid.price)) patch.price = edited.price;
  if (edited.durationWeeks !== bid.durationWeeks) patch.durationWeeks = edited.durationWeeks;
  if (milestoneKey(edited.milestones) !== milestoneKey(bid.milestones)) patch.milestones = edited.milestones;

  const own = ownReferences(bid, clipIds);
  const citedNow = bid.references.map((reference, index) => (own.some((o) => o.index === index) ? `#${index}` : reference.paperId!));
  const citedNext = [...citing.paperIds, ...citing.keptReferences.map((index) => `#${index}`)];
  if (!sameSet(citedNow, citedNext)) {
    patch.paperIds = [...citing.paperIds];
    patch.references = citing.keptReferences.map((index) => bid.references[index]!);
  }
  return patch;
}
