import type { Author, PaperPatch, PaperRecord } from '../../shared/schemas/paper.js';

const HAN = /^[\p{Script=Han}·]+$/u;

/** An author as one editable line: "Wei Zhang", or "张伟" for a name in Chinese characters. */
export function authorText({ given, family }: Author): string {
  return HAN.test(family + given) ? `${family}${given}` : [given, family].filter(Boolean).join(' ');
}

/**
 * The authors typed one per line, read back: "Family, Given", "Given Family", or a Chinese name whose
 * first character is the surname. A line that still reads as an author already there keeps that author
 * as it was (Latin spelling, affiliations, a two-character surname).
 */
export function authorsFromText(text: string, previous: readonly Author[]): Author[] {
  const known = new Map(previous.map((author) => [authorText(author), author]));
  return text
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line !== '')
    .map((line): Author => {
      const kept = known.get(line);
      if (kept) return kept;
      const comma = line.indexOf(',');
      if (comma > 0) return { family: line.slice(0, comma).trim(), given: line.slice(comma + 1).trim() };
      if (HAN.test(line)) return { family: line.slice(0, 1), given: line.slice(1) };
      const space = line.lastIndexOf(' ');
      return space > 0 ? { given: line.slice(0, space), family: line.slice(space + 1) } : { given: '', family: line };
    });
}

/** Tags typed with commas (either width) or new lines; blanks and repeats dropped. */
export function tagsFromText(text: string): string[] {
  return [...new Set(text.split(/[,，\n]/).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

/** What the researcher typed in the correction form. */
export interface PaperDraft {
  title: string;
  authors: string;
  year: string;
  venue: string;
  note: string;
  tags: string;
}

/** The form's starting text for `paper`. */
export function draftOf(paper: Pick<PaperRecord, 'title' | 'authors' | 'year' | 'venue' | 'note' | 'tags'>): PaperDraft {
  return {
    title: paper.title,
    authors: paper.authors.map(authorText).join('\n'),
    year: paper.year === null ? '' : String(paper.year),
    venue: paper.venue ?? '',
    note: paper.note ?? '',
    tags: (paper.tags ?? []).join(', '),
  };
}

/** The correction to send: every field of the form, so what is shown is what is stored. */
export function patchFrom(draft: PaperDraft, previous: readonly Author[]): PaperPatch {
  const year = draft.year.trim();
  return {
    title: draft.title,
    authors: authorsFromText(draft.authors, previous),
    year: year === '' ? null : Number(year),
    venue: draft.venue,
    note: draft.note,
    tags: tagsFromText(draft.tags),
  };
}
