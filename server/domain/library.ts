import type { Page, PageQuery } from '../../shared/schemas/common.js';
import type { SavedChallenge } from '../../shared/schemas/library.js';
import type { PaperInput, PaperPatch, PaperRecord } from '../../shared/schemas/paper.js';
import { PaperInput as PaperSchema, PaperPatch as PaperPatchSchema } from '../../shared/schemas/paper.js';
import { publishedDoi } from '../../shared/paper/identifiers.js';
import { isSameWork, normalizeArxivId, paperIdentity } from '../../shared/paper-identity.js';
import type { Clock } from '../clock.js';
import type { PaperRow } from '../store/rows.js';
import { LIST_KEYS, type Store } from '../store/store.js';
import { conflict, invalid, notFound } from './errors.js';
import { newId } from './ids.js';
import { keysetPage } from './pagination.js';
import { assertViewChallenge, requireAccount, type Actor } from './permissions.js';
import { saveId, toChallenge, toChallenges } from './views.js';

/** A library holds at most this many papers per researcher. */
const MAX_PAPERS = 5000;


const toPaper = ({ identity: _identity, ...paper }: Readonly<PaperRow>): PaperRecord => paper;


/**
 * A researcher's library: saved challenges and clipped papers, deduplicated by DOI, arXiv id, patent number,
 * then URL — and across languages and sites by title, year and first author when no identifier settles it.
 */
export function createLibraryService({ store, clock }: { store: Store; clock: Clock }) {
  const now = () => clock.now();

  return {
    /** Save a challenge; saving it again changes nothing. */
    async save(actor: Actor, challengeId: string): Promise<SavedChallenge> {
      const account = requireAccount(actor);
      const save = await store.transact(async (tx) => {
        assertViewChallenge(actor, await tx.challenges.get(challengeId), challengeId);
        const id = saveId(account.id, challengeId);
        const existing = await tx.saves.get(id);
        if (existing) return existing;
        await tx.challenges.update(challengeId, (c) => ({ ...c, counters: { ...c.counters, saves: c.counters.saves + 1 } }));
        return tx.saves.insert({ id, accountId: account.id, challengeId, savedAt: now().toISOString() });
      });
      const challenge = (await store.tables.challenges.get(challengeId))!;
      return { savedAt: save.savedAt, challenge: await toChallenge(store, challenge, actor, now()) };
    },

    /** Remove a save; true if there was one. */
    async unsave(actor: Actor, challengeId: string): Promise<boolean> {
      const account = requireAccount(actor);
      return store.transact(async (tx) => {
        const removed = await tx.saves.remove(saveId(account.id, challengeId));
        if (removed && (await tx.challenges.get(challengeId))) {
          await tx.challenges.update(challengeId, (c) => ({ ...c, counters: { ...c.counters, saves: Math.max(0, c.counters.saves - 1) } }));
        }
        return removed;
      });
    },

    /** Saved challenges, newest save first; drafts that became invisible are left out. */
    async listSaved(actor: Actor, page: PageQuery): Promise<Page<SavedChallenge>> {
      const account = requireAccount(actor);
      const slice = await keysetPage(page, (window) => store.tables.saves.page('accountId', account.id, { direction: 'desc', ...window }), LIST_KEYS.saves);
      const challenges = await store.tables.challenges.getMany(slice.items.map((save) => save.challengeId));
      const kept = slice.items.flatMap((save) => {
        const challenge = challenges.get(save.challengeId);
        return challenge ? [{ save, challenge }] : [];
      });
      const views = await toChallenges(store, kept.map((k) => k.challenge), actor, now());
      const items: SavedChallenge[] = kept.map(({ save }, i) => ({ savedAt: save.savedAt, challenge: views[i]! }));
      return { items, nextCursor: slice.nextCursor };
    },

    /**
     * Clip a paper, its author keywords stored with it. A paper already in the library is a 409 carrying
     * it: the same DOI, else arXiv id, else patent number, else URL; or — unless both carry different
     * identifiers — the same work by `isSameWork` (a title in either language, the year and the first
     * author), so a CNKI clip and the publisher's English page are one paper.
     */
    async addPaper(actor: Actor, input: PaperInput): Promise<PaperRecord> {
      const account = requireAccount(actor);
      const data = PaperSchema.parse(input);
      // Kept in the publisher's capitals; identity and duplicates compare DOIs without case.
      const doi = data.doi ? publishedDoi(data.doi) : null;
      const arxivId = data.arxivId ? normalizeArxivId(data.arxivId) : null;
      if (data.doi && !doi) throw invalid(`"${data.doi}" is not a DOI (they look like 10.1038/nature12373)`, { path: 'doi' });
      if (data.arxivId && !arxivId) throw invalid(`"${data.arxivId}" is not an arXiv id (they look like 2101.00001)`, { path: 'arxivId' });
      const clip = { ...data, doi, arxivId, kind: data.patent ? ('patent' as const) : data.kind };
      const identity = paperIdentity(clip);
      const row = await store.transact(async (tx) => {
        const owned = await tx.papers.where('ownerId', account.id);
        const existing = (await tx.papers.where('ownerIdentity', `${account.id} ${identity}`))[0] ?? owned.find((paper) => isSameWork(paper, clip));
        if (existing) throw conflict('This paper is already in your library', { paper: toPaper(existing) });
        if (owned.length >= MAX_PAPERS) {
          throw conflict(`A library holds at most ${MAX_PAPERS} papers; delete some first`);
        }
        return tx.papers.insert({ ...clip, id: newId('ppr'), ownerId: account.id, identity, createdAt: now().toISOString() });
      });
      return toPaper(row);
    },

    async listPapers(actor: Actor, page: PageQuery): Promise<Page<PaperRecord>> {
      const account = requireAccount(actor);
      const slice = await keysetPage(page, (window) => store.tables.papers.page('ownerId', account.id, { direction: 'desc', ...window }), LIST_KEYS.papers);
      return { items: slice.items.map(toPaper), nextCursor: slice.nextCursor };
    },

    /**
     * Correct one of the caller's papers: title, authors, year, venue, note and tags. The identifiers that
     * deduplicate a clip (DOI, arXiv id, patent number, URL) are not editable, so its identity stays. Bids
     * that cite it keep the copy of the reference they were sent with.
     */
    async updatePaper(actor: Actor, paperId: string, input: PaperPatch): Promise<PaperRecord> {
      const account = requireAccount(actor);
      const patch = PaperPatchSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const paper = await tx.papers.get(paperId);
        if (!paper || paper.ownerId !== account.id) throw notFound('paper', paperId);
        return tx.papers.update(paperId, patch);
      });
      return toPaper(row);
    },

    /** Delete one of the caller's papers. Bids that cite it keep their copy of the reference. */
    async deletePaper(actor: Actor, paperId: string): Promise<void> {
      const account = requireAccount(actor);
      await store.transact(async (tx) => {
        const paper = await tx.papers.get(paperId);
        if (!paper || paper.ownerId !== account.id) throw notFound('paper', paperId);
        await tx.papers.remove(paperId);
      });
    },
  };
}

