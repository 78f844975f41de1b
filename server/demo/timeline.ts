import type { Services } from '../domain/services.js';
import type { DemoAccount, DemoAchievement, DemoBid, DemoChallenge, DemoDataset, DemoReview } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the replay knows while it runs: the services, and the ids they issued for the dataset's keys. */
export interface SeedContext {
  services: Services;
  /** `account:lin`, `challenge:perovskite`, `paper:kojima-2009`, `bid:perovskite:lin`, `question:perovskite:0` → id. */
  ids: Map<string, string>;
}

/** One thing that happened in the demo's past, to be replayed at `at` through the services. */
export interface DemoEvent {
  at: Date;
  what: string;
  run(ctx: SeedContext): Promise<void>;
}

function idOf(ctx: SeedContext, ref: string): string {
  const id = ctx.ids.get(ref);
  if (!id) throw new Error(`Nothing called ${ref} exists yet at this point of the demo`);
  return id;
}

const actor = (ctx: SeedContext, key: string) => ctx.services.accounts.get(idOf(ctx, `account:${key}`));

function accountEvent(account: DemoAccount, password: string, at: (daysAgo: number) => Date): DemoEvent {
  return {
    at: at(account.joinedDaysAgo),
    what: `${account.key} registers`,
    async run(ctx) {
      const { roles, displayName, organization, email, locale, fields, keywords } = account;
      const { account: created } = await ctx.services.accounts.register({ roles, displayName, organization, email, password, locale, fields, keywords });
      ctx.ids.set(`account:${account.key}`, created.id);
      await ctx.services.accounts.updateMe(await actor(ctx, account.key), { bio: account.bio });
    },
  };
}

function bidEvents(challenge: DemoChallenge, bid: DemoBid, at: (daysAgo: number) => Date): DemoEvent[] {
  const ref = `bid:${challenge.key}:${bid.bidder}`;
  const events: DemoEvent[] = [
    {
      at: at(bid.submittedDaysAgo),
      what: `${bid.bidder} bids on ${challenge.key}`,
      async run(ctx) {
        const { summary, approach, price, durationWeeks, milestones } = bid;
        const paperIds = (bid.papers ?? []).map((key) => idOf(ctx, `paper:${key}`));
        const created = await ctx.services.bids.submit(await actor(ctx, bid.bidder), idOf(ctx, `challenge:${challenge.key}`), {
          summary,
          approach,
          price,
          durationWeeks,
          milestones,
          paperIds,
        });
        ctx.ids.set(ref, created.id);
      },
    },
  ];
  for (const revision of bid.revisions ?? []) {
    events.push({
      at: at(revision.daysAgo),
      what: `${bid.bidder} revises the bid on ${challenge.key}`,
      run: async (ctx) => void (await ctx.services.bids.revise(await actor(ctx, bid.bidder), idOf(ctx, ref), revision.changes)),
    });
  }
  const decision = bid.decision;
  if (decision) {
    events.push({
      at: at(decision.daysAgo),
      what: `${challenge.owner} marks the bid of ${bid.bidder} ${decision.status}`,
      async run(ctx) {
        const owner = await actor(ctx, challenge.owner);
        if (decision.status === 'shortlisted') await ctx.services.bids.shortlist(owner, idOf(ctx, ref));
        else await ctx.services.bids.reject(owner, idOf(ctx, ref), { feedback: decision.feedback ?? '' });
      },
    });
  }
  return events;
}

function reviewEvents(challenge: DemoChallenge, review: DemoReview, at: (daysAgo: number) => Date): DemoEvent[] {
  const ref = `challenge:${challenge.key}`;
  const bidRef = (bidder: string) => `bid:${challenge.key}:${bidder}`;
  const events: DemoEvent[] = [];
  for (const reviewer of review.reviewers) {
    events.push({
      at: at(reviewer.assignedDaysAgo),
      what: `${challenge.owner} asks ${reviewer.key} to review ${challenge.key}`,
      run: async (ctx) =>
        void (await ctx.services.reviews.add(await actor(ctx, challenge.owner), idOf(ctx, ref), { accountId: idOf(ctx, `account:${reviewer.key}`) })),
    });
    const conflicts = reviewer.conflicts;
    if (conflicts) {
      events.push({
        at: at(conflicts.daysAgo),
        what: `${reviewer.key} declares conflicts on ${challenge.key}`,
        run: async (ctx) =>
          void (await ctx.services.reviews.declareConflicts(await actor(ctx, reviewer.key), idOf(ctx, ref), { organizations: conflicts.organizations, people: conflicts.people })),
      });
    }
  }
  for (const recusal of review.recusals ?? []) {
    events.push({
      at: at(recusal.daysAgo),
      what: `${recusal.reviewer} recuses from the bid of ${recusal.bidder} on ${challenge.key}`,
      run: async (ctx) => void (await ctx.services.reviews.recuse(await actor(ctx, recusal.reviewer), idOf(ctx, bidRef(recusal.bidder)), { reason: recusal.reason })),
    });
  }
  for (const score of review.scores) {
    events.push({
      at: at(score.daysAgo),
      what: `${score.reviewer} scores the bid of ${score.bidder} on ${challenge.key}`,
      run: async (ctx) => void (await ctx.services.scores.put(await actor(ctx, score.reviewer), idOf(ctx, bidRef(score.bidder)), score.sheet)),
    });
  }
  return events;
}

function challengeEvents(challenge: DemoChallenge, now: Date, at: (daysAgo: number) => Date): DemoEvent[] {
  const ref = `challenge:${challenge.key}`;
  const events: DemoEvent[] = [
    {
      at: at(challenge.createdDaysAgo),
      what: `${challenge.owner} drafts ${challenge.key}`,
      async run(ctx) {
        const { title, summary, description, fields, keywords, type, ipTerms, reward, rubric = [], blind = false } = challenge;
        const deadline = new Date(now.getTime() + challenge.deadlineInDays * DAY_MS).toISOString();
        const created = await ctx.services.challenges.create(await actor(ctx, challenge.owner), {
          title,
          summary,
          description,
          fields,
          keywords,
          type,
          ipTerms,
          reward,
          deadline,
          rubric,
          blind,
        });
        ctx.ids.set(ref, created.id);
      },
    },
  ];
  if (challenge.publishedDaysAgo !== undefined) {
    events.push({
      at: at(challenge.publishedDaysAgo),
      what: `${challenge.owner} publishes ${challenge.key}`,
      run: async (ctx) => void (await ctx.services.challenges.publish(await actor(ctx, challenge.owner), idOf(ctx, ref))),
    });
  }
  for (const save of challenge.saves ?? []) {
    events.push({
      at: at(save.daysAgo),
      what: `${save.by} saves ${challenge.key}`,
      run: async (ctx) => void (await ctx.services.library.save(await actor(ctx, save.by), idOf(ctx, ref))),
    });
  }
  (challenge.questions ?? []).forEach((question, index) => {
    const questionRef = `question:${challenge.key}:${index}`;
    events.push({
      at: at(question.askedDaysAgo),
      what: `${question.asker} asks on ${challenge.key}`,
      async run(ctx) {
        const asked = await ctx.services.questions.ask(await actor(ctx, question.asker), idOf(ctx, ref), { text: question.text });
        ctx.ids.set(questionRef, asked.id);
      },
    });
    const answer = question.answer;
    if (answer) {
      events.push({
        at: at(answer.daysAgo),
        what: `${challenge.owner} answers on ${challenge.key}`,
        run: async (ctx) => void (await ctx.services.questions.answer(await actor(ctx, challenge.owner), idOf(ctx, questionRef), { answer: answer.text })),
      });
    }
  });
  for (const bid of challenge.bids ?? []) events.push(...bidEvents(challenge, bid, at));
  if (challenge.review) events.push(...reviewEvents(challenge, challenge.review, at));
  const award = challenge.award;
  if (award) {
    events.push({
      at: at(award.daysAgo),
      what: `${challenge.owner} awards ${challenge.key} to ${award.bidder}`,
      async run(ctx) {
        const bidId = idOf(ctx, `bid:${challenge.key}:${award.bidder}`);
        await ctx.services.bids.award(await actor(ctx, challenge.owner), idOf(ctx, ref), { bidId, note: award.note });
      },
    });
  }
  return events;
}

function achievementEvents(a: DemoAchievement, at: (daysAgo: number) => Date): DemoEvent[] {
  const ref = `achievement:${a.key}`;
  const events: DemoEvent[] = [
    {
      at: at(a.createdDaysAgo),
      what: `${a.owner} drafts the achievement ${a.key}`,
      async run(ctx) {
        const { title, summary, description, fields, keywords, trl, ipStatus, patents, modes, askingPrice, institution } = a;
        const paperIds = (a.papers ?? []).map((key) => idOf(ctx, `paper:${key}`));
        const created = await ctx.services.achievements.create(await actor(ctx, a.owner), {
          title, summary, description, fields, keywords, trl, ipStatus, patents, modes, askingPrice, institution, paperIds,
        });
        ctx.ids.set(ref, created.id);
      },
    },
  ];
  if (a.listedDaysAgo !== undefined) {
    events.push({
      at: at(a.listedDaysAgo),
      what: `${a.owner} lists ${a.key}`,
      run: async (ctx) => void (await ctx.services.achievements.publish(await actor(ctx, a.owner), idOf(ctx, ref))),
    });
  }
  const deal = a.deal;
  if (deal) {
    events.push({
      at: at(deal.daysAgo),
      what: `${a.owner} announces the deal on ${a.key}`,
      async run(ctx) {
        const { counterparty, mode, price, objectionDays } = deal;
        const created = await ctx.services.deals.announce(await actor(ctx, a.owner), idOf(ctx, ref), { counterparty, mode, price, objectionDays });
        ctx.ids.set(`deal:${a.key}`, created.id);
      },
    });
  }
  const objection = a.objection;
  if (objection) {
    events.push({
      at: at(objection.daysAgo),
      what: `${objection.by} objects to the deal on ${a.key}`,
      run: async (ctx) => void (await ctx.services.deals.object(await actor(ctx, objection.by), idOf(ctx, `deal:${a.key}`), { reason: objection.reason })),
    });
  }
  return events;
}

/**
 * The dataset as a history ending at `now`: every registration, clip, saved search, draft, publication,
 * save, question, answer, bid, revision, decision and award, oldest first (ties keep dataset order).
 * Replaying it through the services gives each record a plausible date and keeps every rule honest.
 */
export function demoTimeline(dataset: DemoDataset, now: Date): DemoEvent[] {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
  const events: DemoEvent[] = [
    ...dataset.accounts.map((account) => accountEvent(account, dataset.password, at)),
    ...dataset.papers.map(
      (p): DemoEvent => ({
        at: at(p.clippedDaysAgo),
        what: `${p.owner} clips ${p.key}`,
        async run(ctx) {
          const paper = await ctx.services.library.addPaper(await actor(ctx, p.owner), p.paper);
          ctx.ids.set(`paper:${p.key}`, paper.id);
        },
      }),
    ),
    ...dataset.subscriptions.map(
      (s): DemoEvent => ({
        at: at(s.createdDaysAgo),
        what: `${s.owner} subscribes to "${s.keywords}"`,
        run: async (ctx) =>
          void (await ctx.services.subscriptions.create(await actor(ctx, s.owner), { keywords: s.keywords, fields: s.fields, minReward: s.minReward })),
      }),
    ),
    ...dataset.challenges.flatMap((challenge) => challengeEvents(challenge, now, at)),
    ...(dataset.achievements ?? []).flatMap((achievement) => achievementEvents(achievement, at)),
  ];
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}
