import type { Page, PageQuery } from '../../shared/schemas/common.js';
import type { Subscription, SubscriptionCreateInput, SubscriptionUpdateInput } from '../../shared/schemas/subscription.js';
import { SubscriptionCreateInput as CreateSchema, SubscriptionUpdateInput as UpdateSchema } from '../../shared/schemas/subscription.js';
import { describeSubscriptionRule } from '../../shared/lexicon/subscription-rule.js';
import { serverLexicon } from '../search/lexicon.js';
import type { Clock } from '../clock.js';
import type { SubscriptionRow } from '../store/rows.js';
import { LIST_KEYS, type Store } from '../store/store.js';
import { conflict, invalid, notFound } from './errors.js';
import { newId } from './ids.js';
import { keysetPage } from './pagination.js';
import { requireAccount, type Actor } from './permissions.js';

/** An account keeps at most this many saved searches. */
export const MAX_SUBSCRIPTIONS = 50;

/** A subscription as its owner sees it: the stored row and its matching rule in their language. */
function withRule(row: Readonly<SubscriptionRow>, locale: 'en' | 'zh'): Subscription {
  return { ...row, rule: describeSubscriptionRule(row, locale, serverLexicon()) };
}

/** Saved searches that raise a `match` alert for each newly published challenge they match. */
export function createSubscriptionService({ store, clock }: { store: Store; clock: Clock }) {
  const now = () => clock.now().toISOString();

  async function own(tables: Store['tables'], accountId: string, id: string): Promise<Readonly<SubscriptionRow>> {
    const row = await tables.subscriptions.get(id);
    if (!row || row.accountId !== accountId) throw notFound('subscription', id);
    return row;
  }

  return {
    async list(actor: Actor, page: PageQuery): Promise<Page<Subscription>> {
      const account = requireAccount(actor);
      const listed = await keysetPage(page, (window) => store.tables.subscriptions.page('accountId', account.id, { direction: 'asc', ...window }), LIST_KEYS.subscriptions);
      return { ...listed, items: listed.items.map((row) => withRule(row, account.locale)) };
    },

    async create(actor: Actor, input: SubscriptionCreateInput): Promise<Subscription> {
      const account = requireAccount(actor);
      const data = CreateSchema.parse(input);
      const row = await store.transact(async (tx) => {
        if ((await tx.subscriptions.where('accountId', account.id)).length >= MAX_SUBSCRIPTIONS) {
          throw conflict(`At most ${MAX_SUBSCRIPTIONS} subscriptions per account; delete one first`);
        }
        const at = now();
        return tx.subscriptions.insert({ id: newId('sub'), accountId: account.id, ...data, createdAt: at, updatedAt: at });
      });
      return withRule(row, account.locale);
    },

    async update(actor: Actor, id: string, input: SubscriptionUpdateInput): Promise<Subscription> {
      const account = requireAccount(actor);
      const patch = UpdateSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const current = await own(tx, account.id, id);
        const keywords = patch.keywords ?? current.keywords;
        const fields = patch.fields ?? current.fields;
        if (!keywords && fields.length === 0) throw invalid('A subscription needs keywords, fields, or both', { path: 'keywords' });
        return tx.subscriptions.update(id, { ...patch, updatedAt: now() });
      });
      return withRule(row, account.locale);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const account = requireAccount(actor);
      await store.transact(async (tx) => {
        await own(tx, account.id, id);
        await tx.subscriptions.remove(id);
      });
    },
  };
}

