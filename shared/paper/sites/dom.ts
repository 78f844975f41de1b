import { collapsedText } from '../text.js';

/** An element's text with whitespace collapsed; "" for no element. */
export function textOf(element: Element | null | undefined): string {
  return collapsedText(element?.textContent ?? '');
}

/** The collapsed text of the first element matching `selector` under `root`, or "". */
export function textAt(root: ParentNode, selector: string): string {
  return textOf(root.querySelector(selector));
}

/** The collapsed texts of every element matching `selector` under `root`, empty ones left out. */
export function textsAt(root: ParentNode, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map(textOf).filter((text) => text !== '');
}

/**
 * An element's text without the descendants `skip` rejects (footnote marks in `<sup>`, badges and
 * buttons a site puts inside a title), whitespace collapsed.
 */
export function textWithout(element: Element, skip: (child: Element) => boolean): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(child.textContent ?? '');
      else if (child.nodeType === 1 && !skip(child as Element)) visit(child);
    }
  };
  visit(element);
  return collapsedText(parts.join(''));
}

const LABEL = /^\s*[[【]?([^:：\]】]{1,30})[\]】]?\s*[:：]\s*/;
const MAX_LABEL = 30;

/**
 * Label–value rows as Chinese databases print them — a label element followed by the value, or "摘要：…"
 * in one run of text — keyed by the label without spaces, brackets or colon. The first row with a label wins.
 */
export function labelledRows(root: ParentNode, selector: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const row of root.querySelectorAll(selector)) {
    const text = textOf(row);
    const head = row.children.length > 1 ? textOf(row.firstElementChild) : '';
    const match = head && head.length <= MAX_LABEL && text.startsWith(head) ? null : LABEL.exec(text);
    const label = (match ? (match[1] ?? '') : head).replace(/[\s:：[\]【】]/g, '');
    const value = (match ? text.slice(match[0].length) : text.slice(head.length)).replace(/^\s*[:：]?\s*/, '');
    if (label && !rows.has(label)) rows.set(label, value);
  }
  return rows;
}

/** The value of the first row whose label matches `label`, or "". */
export function rowValue(rows: Map<string, string>, label: RegExp): string {
  for (const [key, value] of rows) if (label.test(key)) return value;
  return '';
}

/** A date as Chinese databases and patent offices write it (2021-03-05, 2021.3.5, 2021年3月5日, 20210305) as YYYY-MM-DD, or null. */
export function isoDate(text: string): string | null {
  const match = /(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})/.exec(text) ?? /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/.exec(text);
  if (!match) return null;
  const [, year = '', month = '', day = ''] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31 ? iso : null;
}

/** A list as Chinese pages write one ("a；b;c，d、e"), trimmed, empty items and trailing marks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[;；,，、]/)
    .map((item) => collapsedText(item))
    .filter((item) => item !== '');
}
