import { z } from 'zod';
import { Id, IsoDateTime, text } from './common.js';

export const Author = z
  .object({ given: z.string().max(200), family: z.string().max(200) })
  .meta({ id: 'Author', example: { given: 'Marie', family: 'Curie' } });
export type Author = z.infer<typeof Author>;

/**
 * A paper's metadata as `extractPaper` returns it and as a researcher clips it. Absent values are `null`
 * (never empty strings), so "no DOI" is unambiguous.
 */
export const Paper = z
  .object({
    url: z.string(),
    title: z.string(),
    authors: z.array(Author),
    doi: z.string().nullable().meta({ description: 'Normalized: lower-case, no resolver prefix (10.1000/xyz)' }),
    arxivId: z.string().nullable().meta({ description: 'Without version (2101.00001, hep-th/9901001)' }),
    year: z.number().int().nullable(),
    venue: z.string().nullable(),
    abstract: z.string().nullable(),
    pdfUrl: z.string().nullable(),
    quote: z.string().nullable().meta({ description: 'Text the researcher selected when clipping' }),
    note: z.string().nullable(),
  })
  .meta({ id: 'Paper' });
export type Paper = z.infer<typeof Paper>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));

const HttpUrl = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }));

/** A clip sent to `POST /api/me/papers`: the url and title are required, the rest as known. */
export const PaperInput = z
  .object({
    url: HttpUrl,
    title: text(1, 500),
    authors: z.array(Author).max(200).default([]),
    doi: optionalText(200),
    arxivId: optionalText(40),
    year: z.number().int().min(1600).max(2200).nullish().transform((y) => y ?? null),
    venue: optionalText(300),
    abstract: optionalText(10000),
    pdfUrl: HttpUrl.nullish().transform((u) => u ?? null),
    quote: optionalText(5000),
    note: optionalText(2000),
  })
  .strict()
  .meta({ id: 'PaperInput' });
export type PaperInput = z.input<typeof PaperInput>;

/** A researcher's stored clip. */
export const PaperRecord = Paper.extend({ id: Id, ownerId: Id, createdAt: IsoDateTime }).meta({ id: 'PaperRecord' });
export type PaperRecord = z.infer<typeof PaperRecord>;

/** A reference as a bid keeps it: a copy of the cited paper, so later edits of the clip do not change the bid. */
export const PaperRef = z
  .object({
    paperId: Id.nullable(),
    title: z.string(),
    authors: z.array(Author),
    doi: z.string().nullable(),
    arxivId: z.string().nullable(),
    year: z.number().int().nullable(),
    venue: z.string().nullable(),
    url: z.string().nullable(),
  })
  .meta({ id: 'PaperRef' });
export type PaperRef = z.infer<typeof PaperRef>;
