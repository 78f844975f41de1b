import { z } from 'zod';
import { FieldId, FieldList, Id, IsoDateTime, KeywordList, Money, PageQuery, text } from './common.js';
import { PublicProfile } from './account.js';
import { PaperRef } from './paper.js';

/** `draft` → `listed` → `transferred` (a deal's objection period ended clean) | `withdrawn` (by the owner). */
export const AchievementStatus = z.enum(['draft', 'listed', 'transferred', 'withdrawn']).meta({ id: 'AchievementStatus' });
export type AchievementStatus = z.infer<typeof AchievementStatus>;

export const IpStatus = z
  .enum(['patent-granted', 'patent-pending', 'software-copyright', 'know-how', 'none'])
  .meta({ id: 'IpStatus' });
export type IpStatus = z.infer<typeof IpStatus>;

/** How an achievement may change hands. */
export const TransferMode = z
  .enum(['assignment', 'exclusive-license', 'nonexclusive-license', 'equity', 'joint-rd'])
  .meta({ id: 'TransferMode' });
export type TransferMode = z.infer<typeof TransferMode>;

// Publication and application numbers as the offices print them, after spaces, commas and slashes go:
// CN114000000B, CN202110123456.7, ZL202110123456.7; US10123456B2, US20200123456A1, USRE49000E, USD900000S;
// EP3456789A1, EP19123456.7; WO2020123456A1 (WO2020/123456).
const PATENT_FORMATS: readonly RegExp[] = [
  /^(CN|ZL|CNZL)\d{7,12}(\.[0-9X])?([A-Z]\d?)?$/,
  /^US(\d{6,8}|\d{11}|RE\d{5}|D\d{6}|PP\d{5})([A-Z]\d?)?$/,
  /^EP(\d{7}|\d{8}\.\d)([A-Z]\d?)?$/,
  /^WO\d{4}\d{6}([A-Z]\d?)?$/,
];

/** A patent number in a CN, US, EP or WO format, stored upper-case without spaces, commas or slashes. */
export const PatentNumber = z
  .string()
  .max(40)
  .transform((s) => s.toUpperCase().replace(/[\s,/]/g, ''))
  .refine((s) => PATENT_FORMATS.some((format) => format.test(s)), {
    message: 'a CN, US, EP or WO patent number such as CN114000000B, US10123456B2, EP3456789A1 or WO2020/123456',
  });

export const Achievement = z
  .object({
    id: Id,
    ownerId: Id,
    owner: PublicProfile,
    title: z.string(),
    summary: z.string(),
    description: z.string(),
    fields: z.array(FieldId),
    keywords: z.array(z.string()),
    trl: z.number().int().min(1).max(9).meta({ description: 'Technology readiness level, 1–9' }),
    ipStatus: IpStatus,
    patents: z.array(z.string()),
    modes: z.array(TransferMode),
    askingPrice: Money.nullable().meta({ description: 'null: negotiable' }),
    institution: z.string(),
    references: z.array(PaperRef).meta({ description: "The owner's clipped papers it cites" }),
    status: AchievementStatus,
    createdAt: IsoDateTime,
    listedAt: IsoDateTime.nullable(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Achievement' });
export type Achievement = z.infer<typeof Achievement>;

const achievementFields = {
  title: text(3, 200),
  summary: text(10, 1000),
  description: text(0, 20000),
  fields: FieldList,
  keywords: KeywordList,
  trl: z.number().int().min(1).max(9),
  ipStatus: IpStatus,
  patents: z.array(PatentNumber).max(50).transform((numbers) => [...new Set(numbers)]),
  modes: z
    .array(TransferMode)
    .min(1, 'offer at least one mode of transfer')
    .transform((modes) => [...new Set(modes)]),
  askingPrice: Money.nullable(),
  institution: text(1, 200),
  paperIds: z.array(Id).max(30).meta({ description: "Ids of the owner's clipped papers to cite" }),
};

export const AchievementCreateInput = z
  .object({
    ...achievementFields,
    description: achievementFields.description.default(''),
    fields: achievementFields.fields.default([]),
    keywords: achievementFields.keywords.default([]),
    ipStatus: achievementFields.ipStatus.default('none'),
    patents: achievementFields.patents.default([]),
    askingPrice: achievementFields.askingPrice.default(null),
    paperIds: achievementFields.paperIds.default([]),
  })
  .strict()
  .meta({ id: 'AchievementCreateInput' });
export type AchievementCreateInput = z.input<typeof AchievementCreateInput>;

/** Any subset of the content; `paperIds` given replaces the cited papers. */
export const AchievementUpdateInput = z.object(achievementFields).partial().strict().meta({ id: 'AchievementUpdateInput' });
export type AchievementUpdateInput = z.input<typeof AchievementUpdateInput>;

export const AchievementListQuery = PageQuery.extend({
  q: z.string().max(500).optional().meta({ description: 'Search words, English or Chinese' }),
  field: FieldId.optional(),
  mode: TransferMode.optional(),
  trl: z.coerce.number().int().min(1).max(9).optional().meta({ description: 'At least this readiness level' }),
});
export type AchievementListQuery = z.infer<typeof AchievementListQuery>;
