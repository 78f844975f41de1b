/** @jsxImportSource hono/jsx */

/**
 * schema.org structured data as `<script type="application/ld+json">`: a data block, never executed (the
 * board's CSP allows no script, and browsers do not run this type). `<` is written as `\u003c` so no text
 * inside, however hostile, can close the element.
 */
export function JsonLd({ data }: { data: unknown }) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
