/**
 * A challenge's deadline in epoch milliseconds, parsed once per row object. Every list and search asks each
 * candidate row whether its deadline has passed (currentStatus): a search touching a thousand challenges
 * spent most of its filter in `Date.parse`, which costs far more than a lookup. Rows are replaced, not
 * changed, on each write, so an entry lives as long as its row; the deadline string is compared too, so an
 * object whose deadline was changed in place is parsed again rather than answered from the old one.
 */
const parsed = new WeakMap<object, { deadline: string; ms: number }>();

export function deadlineTime(row: { readonly deadline: string }): number {
  const known = parsed.get(row);
  if (known && known.deadline === row.deadline) return known.ms;
  const ms = Date.parse(row.deadline);
  parsed.set(row, { deadline: row.deadline, ms });
  return ms;
}
