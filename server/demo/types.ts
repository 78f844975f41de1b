import type { FieldId } from '../../shared/fields.js';
import type { IpStatus, TransferMode } from '../../shared/schemas/achievement.js';
import type { Role } from '../../shared/schemas/account.js';
import type { BidUpdateInput, Milestone } from '../../shared/schemas/bid.js';
import type { ChallengeType, IpTerms } from '../../shared/schemas/challenge.js';
import type { Locale, Money } from '../../shared/schemas/common.js';
import type { PaperInput } from '../../shared/schemas/paper.js';

/**
 * The demo dataset's shape. Entities refer to each other by short keys (`lin`, `perovskite`); the seeder
 * turns keys into the ids the services issue. Every time is given relative to the moment of seeding —
 * `…DaysAgo` in the past, `deadlineInDays` ahead (negative: already passed) — so the demo always looks
 * current, whatever day it is loaded.
 */

export interface DemoAccount {
  key: string;
  roles: Role[];
  displayName: string;
  organization: string;
  email: string;
  locale: Locale;
  fields: FieldId[];
  keywords: string[];
  bio: string;
  joinedDaysAgo: number;
}

/** A paper a researcher clipped into their library. */
export interface DemoPaper {
  key: string;
  owner: string;
  clippedDaysAgo: number;
  paper: PaperInput;
}

export interface DemoSubscription {
  owner: string;
  createdDaysAgo: number;
  keywords: string;
  fields: FieldId[];
  minReward: number | null;
}

export interface DemoBid {
  bidder: string;
  submittedDaysAgo: number;
  summary: string;
  approach: string;
  price: Money;
  durationWeeks: number;
  milestones: Milestone[];
  /** Keys of the bidder's clipped papers to cite. */
  papers?: string[];
  revisions?: { daysAgo: number; changes: Omit<BidUpdateInput, 'paperIds' | 'references'> }[];
  /** What the enterprise did with it before any award. */
  decision?: { status: 'shortlisted' | 'rejected'; daysAgo: number; feedback?: string };
}

export interface DemoQuestion {
  asker: string;
  askedDaysAgo: number;
  text: string;
  answer?: { daysAgo: number; text: string };
}

export interface DemoChallenge {
  key: string;
  owner: string;
  title: string;
  summary: string;
  description: string;
  fields: FieldId[];
  keywords: string[];
  type: ChallengeType;
  ipTerms: IpTerms;
  reward: Money;
  createdDaysAgo: number;
  /** Absent: the challenge stays a draft. */
  publishedDaysAgo?: number;
  deadlineInDays: number;
  bids?: DemoBid[];
  questions?: DemoQuestion[];
  saves?: { by: string; daysAgo: number }[];
  award?: { bidder: string; daysAgo: number; note: string };
  /** Evaluation (§9): the public rubric and whether reviewers read the bids blind. */
  rubric?: { name: string; description: string; weight: number }[];
  blind?: boolean;
  review?: DemoReview;
}

/** A challenge's review panel: who reviews it (and what they declared), who stepped away, and their scores. */
export interface DemoReview {
  reviewers: { key: string; assignedDaysAgo: number; conflicts?: { organizations: string[]; people: string[]; daysAgo: number } }[];
  recusals?: { reviewer: string; bidder: string; daysAgo: number; reason: string }[];
  scores: { reviewer: string; bidder: string; daysAgo: number; sheet: { criterion: string; score: number; comment: string }[] }[];
}

/** An achievement in the catalogue (§8); without `listedDaysAgo` it stays a draft. */
export interface DemoAchievement {
  key: string;
  owner: string;
  title: string;
  summary: string;
  description: string;
  fields: FieldId[];
  keywords: string[];
  trl: number;
  ipStatus: IpStatus;
  patents: string[];
  modes: TransferMode[];
  askingPrice: Money | null;
  institution: string;
  /** Keys of the owner's clipped papers to cite. */
  papers?: string[];
  createdDaysAgo: number;
  listedDaysAgo?: number;
  /** A deal announced for it; the period may have ended by now (then it is transferred at the end of seeding). */
  deal?: { daysAgo: number; counterparty: string; mode: TransferMode; price: Money | null; objectionDays: number };
  /** An objection filed against that deal. */
  objection?: { by: string; daysAgo: number; reason: string };
}

export interface DemoDataset {
  /** Every demo account signs in with this password. */
  password: string;
  accounts: DemoAccount[];
  papers: DemoPaper[];
  subscriptions: DemoSubscription[];
  challenges: DemoChallenge[];
  achievements?: DemoAchievement[];
}
