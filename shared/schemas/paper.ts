import { z } from 'zod';
import { Id, IsoDateTime, text } from './common.js';

/** A name in Latin script (pinyin for a Chinese author), split the same way as the author's own. */
export const LatinName = z
  .object({ given: z.string().max(200), family: z.string().max(200) })
  .meta({ id: 'LatinName', example: { given: 'Xiu', family: 'Ouyang' } });
export type LatinName = z.infer<typeof LatinName>;

/**
 * An author. `latin` is the same person's name in Latin script when the page gives both (张伟 beside
 * "Zhang Wei"); `affiliations` are the institutions the page lists for them. Both are absent when unknown.
 */
export const Author = z
  .object({
    given: z.string().max(200),
    family: z.string().max(200),
    latin: LatinName.optional(),
    affiliations: z.array(z.string().max(300)).max(20).optional(),
  })
  .meta({ id: 'Author', example: { given: '修', family: '欧阳', latin: { given: 'Xiu', family: 'Ouyang' } } });
export type Author = z.infer<typeof Author>;

/** What a patent clip adds: its numbers, who applied and the dates it was filed and published. */
export const PatentDetails = z
  .object({
    number: z.string().max(60).meta({ description: 'Publication or grant number as the office writes it (CN115123456A, US9876543B2)' }),
    applicationNumber: z.string().max(60).nullable(),
    applicants: z.array(z.string().max(300)).max(50),
    filingDate: z.string().max(10).nullable().meta({ description: 'YYYY-MM-DD' }),
    publicationDate: z.string().max(10).nullable().meta({ description: 'YYYY-MM-DD' }),
  })
  .meta({ id: 'PatentDetails' });
export type PatentDetails = z.infer<typeof PatentDetails>;

/** A clip is a scholarly article unless it says otherwise. */
export const PaperKind = z.enum(['article', 'patent']);
export type PaperKind = z.infer<typeof PaperKind>;

/**
 * A paper's metadata as `extractPaper` returns it and as a researcher clips it. Absent values are `null`
 * (never empty strings), so "no DOI" is unambiguous. The later fields are optional so clips stored before
 * they existed still read: `kind` absent means an article; `keywords` are the author keywords as the page
 * lists them (every language it gives); `translatedTitle` is the title in the page's other language (a
 * CNKI page's English title); `volume`, `issue` and `funding` (grant lines) as the page states them;
 * `patent` is set on patents only, whose inventors are the `authors`.
 */
export const Paper = z
  .object({
    url: z.string(),
    title: z.string(),
    authors: z.array(Author),
    doi: z.string().nullable().meta({ description: 'No resolver prefix, capitals as published (10.7554/eLife.09560); compared without case' }),
    arxivId: z.string().nullable().meta({ description: 'Without version (2101.00001, hep-th/9901001)' }),
    year: z.number().int().nullable(),
    venue: z.string().nullable(),
    abstract: z.string().nullable(),
    pdfUrl: z.string().nullable(),
    quote: z.string().nullable().meta({ description: 'Text the researcher selected when clipping' }),
    note: z.string().nullable(),
    kind: PaperKind.optional(),
    keywords: z.array(z.string()).optional(),
    translatedTitle: z.string().nullable().optional(),
    volume: z.string().nullable().optional(),
    issue: z.string().nullable().optional(),
    funding: z.array(z.string()).optional(),
    patent: PatentDetails.nullable().optional(),
    tags: z.array(z.string()).optional().meta({ description: "The researcher's own labels for the clip" }),
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
    kind: PaperKind.default('article'),
    keywords: z.array(text(1, 200)).max(100).default([]),
    translatedTitle: optionalText(500),
    volume: optionalText(40),
    issue: optionalText(40),
    funding: z.array(text(1, 500)).max(20).default([]),
    patent: PatentDetails.nullish().transform((p) => p ?? null),
    tags: z.array(text(1, 50)).max(30).default([]),
  })
  .strict()
  .meta({ id: 'PaperInput' });
export type PaperInput = z.input<typeof PaperInput>;

/**
 * A correction to a clip (`PATCH /api/me/papers/{id}`): what extraction got wrong (title, authors, year,
 * venue) and what only the researcher can add (a note, tags). Fields left out stay as they are; `null`
 * clears year, venue or note.
 */
export const PaperPatch = z
  .object({
    title: text(1, 500),
    authors: z.array(Author).max(200),
    year: z.number().int().min(1600).max(2200).nullable(),
    venue: optionalText(300),
    note: optionalText(2000),
    tags: z.array(text(1, 50)).max(30),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change')
  .meta({ id: 'PaperPatch' });
export type PaperPatch = z.input<typeof PaperPatch>;

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
