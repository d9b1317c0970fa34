import * as z from 'zod';

import { COMMUNE_GROUPS, CONFIDENCE_LEVELS, REGIONS } from './constants.js';

export * from './constants.js';

export const RegionSchema = z.enum(REGIONS).describe(`Socio-economic region (vùng): ${REGIONS.join(', ')}`);

export const CommuneGroupSchema = z
  .enum(COMMUNE_GROUPS)
  .describe(`Commune group (nhóm xã) of 51/2025/QĐ-TTg: ${COMMUNE_GROUPS.join(', ')}`);

export const ConfidenceSchema = z
  .enum(CONFIDENCE_LEVELS)
  .describe(
    'official: read in the legal text or an official table; secondary: a provincial document or press item quoting it; assumed: inferred (e.g. a lower bound); unknown: no value',
  );

export const LocalizedTextSchema = z
  .object({
    vi: z.string().min(1).describe('Vietnamese text (the legal wording where there is one)'),
    en: z.string().min(1).describe('English gloss'),
  })
  .strict();
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * Why a value is what it is, in Vietnamese (shown to users) and optionally English. A text written by a
 * provincial office in a spreadsheet may have only the Vietnamese.
 */
export const RationaleSchema = z
  .object({
    vi: z.string().min(1).describe('The reason in Vietnamese'),
    en: z.string().min(1).optional().describe('The reason in English, where written'),
  })
  .strict();
export type Rationale = z.infer<typeof RationaleSchema>;

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine(isRealDate, 'not a real calendar date')
  .describe('A calendar date, YYYY-MM-DD');

export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case ASCII words joined by hyphens, e.g. nam-dinh');

export const UrlSchema = z.string().regex(/^https?:\/\/\S+$/, 'expected an http(s) URL');

/** A legal act: decision, circular, guidance. */
export const LegalDocumentSchema = z
  .object({
    number: z.string().min(1).describe('Document number as printed, e.g. 318/QĐ-TTg'),
    title: z.string().min(1).describe('Title (trích yếu) in Vietnamese'),
    issuer: z.string().min(1).describe('Issuing authority, e.g. Thủ tướng Chính phủ'),
    date: IsoDateSchema.describe('Date of signature'),
    effective: IsoDateSchema.optional().describe('Date it takes effect, when different from the signature'),
    url: UrlSchema.optional().describe('Where the text can be read, where known'),
  })
  .strict();
export type LegalDocument = z.infer<typeof LegalDocumentSchema>;

/** Where a rule comes from: document, part (appendix or article) and item. */
export const CitationSchema = z
  .object({
    document: z.string().min(1).describe('Document number, e.g. 318/QĐ-TTg'),
    part: z.string().min(1).optional().describe('Appendix or article, e.g. "Phụ lục II" or "Điều 1"'),
    item: z.string().min(1).optional().describe('Item inside the part, e.g. "tiêu chí 17, chỉ tiêu 17.9"'),
    guidance: z
      .string()
      .min(1)
      .optional()
      .describe('Guiding document that defines how the indicator is measured, e.g. 1680/QĐ-BNN-VPĐP'),
  })
  .strict();
export type Citation = z.infer<typeof CitationSchema>;
