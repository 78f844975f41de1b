import { z } from 'zod';
import { Amount, Id, IsoDateTime, Money, text } from './common.js';
import { PublicProfile } from './account.js';
import { Author, PaperRef } from './paper.js';

/** `submitted` → `shortlisted` → `awarded` | `rejected`; `withdrawn` by the bidder. */
export const BidStatus = z.enum(['submitted', 'shortlisted', 'awarded', 'rejected', 'withdrawn']).meta({ id: 'BidStatus' });
export type BidStatus = z.infer<typeof BidStatus>;

/** Bids still in the running. */
export const LIVE_BID_STATUSES: readonly BidStatus[] = ['submitted', 'shortlisted'];

/** What a caller may do to a bid now, computed by the server (bidder: revise, withdraw; owner: the rest). */
export const BidActionName = z.enum(['revise', 'withdraw', 'shortlist', 'reject', 'award']).meta({ id: 'BidActionName' });
export type BidActionName = z.infer<typeof BidActionName>;

export const Milestone = z
  .object({
    title: text(1, 200),
    weeks: z.number().int().min(1).max(520),
    amount: Amount.nullable().default(null),
  })
  .meta({ id: 'Milestone' });
export type Milestone = z.infer<typeof Milestone>;

/**
 * Proof of what was submitted and when: `sha256` is the hex SHA-256 of
 * `canonicalBidContent(content) + "\n" + receivedAt` (see shared/receipt.ts), so a bidder can recompute it.
 */
export const Receipt = z
  .object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), receivedAt: IsoDateTime, revision: z.number().int().min(1) })
  .meta({ id: 'Receipt' });
export type Receipt = z.infer<typeof Receipt>;

/** The part of a bid the receipt covers. */
export const BidContent = z.object({
  challengeId: Id,
  bidderId: Id,
  summary: z.string(),
  approach: z.string(),
  price: Money,
  durationWeeks: z.number().int(),
  milestones: z.array(Milestone),
  references: z.array(PaperRef),
});
export type BidContent = z.infer<typeof BidContent>;

export const BidRevision = BidContent.omit({ challengeId: true, bidderId: true })
  .extend({ revision: z.number().int(), receipt: Receipt })
  .meta({ id: 'BidRevision' });
export type BidRevision = z.infer<typeof BidRevision>;

export const Bid = z
  .object({
    id: Id,
    challengeId: Id,
    challengeTitle: z.string(),
    bidderId: Id,
    bidder: PublicProfile,
    summary: z.string(),
    approach: z.string(),
    price: Money,
    durationWeeks: z.number().int(),
    milestones: z.array(Milestone),
    references: z.array(PaperRef),
    status: BidStatus,
    revision: z.number().int().min(1),
    history: z.array(BidRevision).meta({ description: 'Earlier revisions, oldest first' }),
    feedback: z.string().nullable().meta({ description: "The enterprise's feedback on rejection" }),
    receipt: Receipt,
    actions: z
      .array(BidActionName)
      .optional()
      .meta({ description: 'What the caller may do now; always filled by the server (optional only for older clients)' }),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Bid' });
export type Bid = z.infer<typeof Bid>;

/**
 * A reference typed in by hand rather than picked from the bidder's clips. A reference as a bid returns it
 * is accepted back: its `paperId` is allowed, and the reference is kept as typed (`paperIds` cite clips).
 */
export const PaperRefInput = z
  .object({
    paperId: Id.nullish(),
    title: text(1, 500),
    authors: z.array(Author).max(200).default([]),
    doi: text(1, 200).nullish().transform((v) => v ?? null),
    arxivId: text(1, 40).nullish().transform((v) => v ?? null),
    year: z.number().int().min(1600).max(2200).nullish().transform((v) => v ?? null),
    venue: text(1, 300).nullish().transform((v) => v ?? null),
    url: text(1, 2000).nullish().transform((v) => v ?? null),
  })
  .strict();

const bidFields = {
  summary: text(10, 1000),
  approach: text(10, 20000),
  price: Money,
  durationWeeks: z.number().int().min(1).max(520),
  milestones: z.array(Milestone).max(20),
  paperIds: z.array(Id).max(30).meta({ description: "Ids of the bidder's clipped papers to cite" }),
  references: z.array(PaperRefInput).max(30),
};

export const BidCreateInput = z
  .object({ ...bidFields, milestones: bidFields.milestones.default([]), paperIds: bidFields.paperIds.default([]), references: bidFields.references.default([]) })
  .strict()
  .meta({ id: 'BidCreateInput' });
export type BidCreateInput = z.input<typeof BidCreateInput>;

/** A revision: any subset of the bid's content; `paperIds`/`references` given replace the cited list. */
export const BidUpdateInput = z.object(bidFields).partial().strict().meta({ id: 'BidUpdateInput' });
export type BidUpdateInput = z.input<typeof BidUpdateInput>;

export const RejectInput = z
  .object({ feedback: text(0, 2000).default('') })
  .strict()
  .meta({ id: 'RejectInput' });
export type RejectInput = z.input<typeof RejectInput>;
