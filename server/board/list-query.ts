import { isFieldId, type FieldId } from '../../shared/fields.js';
import { ChallengeSort } from '../../shared/schemas/challenge.js';
import type { LinkParams } from './view.js';

/** Challenges per page of the board. */
export const BOARD_PAGE_SIZE = 12;

const MAX_QUERY_LENGTH = 200;
const MAX_CURSOR_LENGTH = 200;

/** The list page's search, as the visitor typed it into the form or followed it from a link. */
export interface BoardListQuery {
  q: string;
  field: FieldId | null;
  sort: ChallengeSort | null;
  cursor: string | null;
}

/**
 * Reads the list page's address forgivingly: a person typed it or an old link made it, so an unknown
 * field or sort is ignored rather than refused, and an over-long search is cut to the API's limit.
 */
export function readListQuery(params: LinkParams): BoardListQuery {
  const q = (params.q ?? '').trim().slice(0, MAX_QUERY_LENGTH);
  const field = params.field && isFieldId(params.field) ? params.field : null;
  const sort = ChallengeSort.safeParse(params.sort);
  const cursor = params.cursor && params.cursor.length <= MAX_CURSOR_LENGTH ? params.cursor : null;
  return { q, field, sort: sort.success ? sort.data : null, cursor };
}

/** The address parameters of `query` (for links that keep the search while changing one thing). */
export function listParams(query: BoardListQuery): LinkParams {
  return { q: query.q || undefined, field: query.field ?? undefined, sort: query.sort ?? undefined };
}
