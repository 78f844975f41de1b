/** @jsxImportSource hono/jsx */
import { Layout } from './layout.js';
import type { BoardView } from './view.js';

/** Which trouble the visitor ran into: an address with nothing public behind it, a garbled link, or a fault of ours. */
export type BoardProblem = 'not-found' | 'bad-link' | 'failed';

/** A friendly page for a problem, with the way back to the list. */
export function ErrorPage({ view, problem }: { view: BoardView; problem: BoardProblem }) {
  const { errors } = view.t;
  const { title, text } = {
    'not-found': { title: errors.notFoundTitle, text: errors.notFoundText },
    'bad-link': { title: errors.badLinkTitle, text: errors.badLinkText },
    failed: { title: errors.failedTitle, text: errors.failedText },
  }[problem];
  return (
    <Layout view={view} title={title} section={null}>
      <h1>{title}</h1>
      <p class="lead">{text}</p>
      <p>
        <a href={view.href('/')}>{errors.home}</a>
      </p>
    </Layout>
  );
}
