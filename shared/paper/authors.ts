import type { Author } from '../schemas/paper.js';
import { articleAuthors } from './json-ld.js';
import { CJK_NAME, authorFromName, isSuffix, withConventionalCase, withLatinName } from './names.js';
import { dublinCore, metaValuesOf, otherLanguageValues, type Page } from './page.js';
import { collapsedText } from './text.js';

/** A page's authors: which source names them, and how a bilingual page's two spellings are paired. */

/**
 * The page's authors from the first source that names any (Highwire, Dublin Core, JSON-LD, a marked-up
 * byline). When a bilingual page gives the same tag in Chinese and in another language and the lists
 * match one for one, each Chinese-script author keeps the other spelling as `latin`.
 */
export function pageAuthors(page: Page): Author[] {
  const sources: (() => Author[])[] = [
    () => metaAuthors(page, ['citation_author'], splitAuthorValue),
    () => metaAuthors(page, ['citation_authors'], splitAuthorList),
    () => metaAuthors(page, dublinCore('creator'), splitAuthorValue),
    () => {
      const contributors = metaValuesOf(page, dublinCore('contributor.author', 'contributor'));
      return authorsFromNames(contributors.flatMap(splitAuthorValue));
    },
    () => withoutDuplicates(articleAuthors(page)),
    () => withoutDuplicates(page.bylineAuthors()),
  ];
  for (const source of sources) {
    const authors = source();
    if (authors.length > 0) return authors;
  }
  return [];
}

function metaAuthors(page: Page, keys: string[], split: (value: string) => string[]): Author[] {
  const authors = authorsFromNames(metaValuesOf(page, keys).flatMap(split));
  const others = keys.flatMap((key) => otherLanguageValues(page, key)).flatMap(split).map((name) => name.trim()).filter((name) => name !== '');
  return withLatinNames(authors, others);
}

/**
 * `authors` with `latinNames` paired to them in order as their `latin` spelling — only when the two
 * lists are the same length, since a missing name would shift every pair after it.
 */
export function withLatinNames(authors: Author[], latinNames: string[]): Author[] {
  if (latinNames.length !== authors.length) return authors;
  return authors.map((author, index) => withLatinName(author, latinNames[index] ?? ''));
}

/** Authors from names as pages write them, unreadable ones dropped, repeats removed. */
export function authorsFromNames(names: string[]): Author[] {
  return withoutDuplicates(
    names
      .map(authorFromName)
      .filter((author): author is Author => author !== null),
  );
}

function withoutDuplicates(authors: Author[]): Author[] {
  const seen = new Set<string>();
  return authors.filter((author) => {
    const key = `${author.given}\u0000${author.family}`.toLowerCase().normalize('NFKC');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The byline some publishers (ScienceDirect) render instead of author meta tags: an `author-group`
 * element whose authors mark their names up as `given-name` and `surname`. Scoped to that container so
 * the same classes in a reference list are never read.
 */
export function authorGroupNames(document: Document): Author[] {
  const authors: Author[] = [];
  for (const surname of document.querySelectorAll('#author-group .surname, .author-group .surname')) {
    const given = surname.parentElement?.querySelector('.given-name');
    const family = collapsedText(surname.textContent ?? '');
    if (family) authors.push(withConventionalCase({ given: collapsedText(given?.textContent ?? ''), family }));
  }
  return authors;
}

/** One author tag naming several people: split on `;` and on CJK list punctuation, never on a comma. */
function splitAuthorValue(value: string): string[] {
  return value.split(/[;；，、]/);
}

/**
 * A `citation_authors` list: split on `;` when there is one; otherwise on commas (ASCII, full-width or
 * `、`) when every part is a whole name (CJK, or two or more words) — so "Smith, John" stays one person
 * but "ZHANG Wei, LI Na" and "张伟，李娜" are two — or into "Last, First" pairs when there are four or more
 * parts in pairs ("Doe, J., Roe, R.").
 */
function splitAuthorList(value: string): string[] {
  const normalized = value.replace(/；/g, ';').replace(/[，、]/g, ',');
  if (normalized.includes(';')) return normalized.split(';');
  const parts = normalized
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const invertedWithParticle = parts.length === 2 && /^\p{Ll}/u.test(parts[0] ?? '');
  const allWholeNames = parts.every((part) => CJK_NAME.test(part) || (part.includes(' ') && !isSuffix(part)));
  if (parts.length > 1 && allWholeNames && !invertedWithParticle) return parts;
  if (parts.length < 4 || parts.length % 2 !== 0 || parts.some(isSuffix)) return [normalized];
  return parts.flatMap((part, index) => (index % 2 === 0 ? [`${part}, ${parts[index + 1] ?? ''}`] : []));
}
