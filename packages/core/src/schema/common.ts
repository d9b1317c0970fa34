import * as z from 'zod';

/** The seven socio-economic regions used by the 2021–2025 criteria tables. */
export const REGIONS = ['tdmnpb', 'dbsh', 'btb', 'dhntb', 'tn', 'dnb', 'dbscl'] as const;
export const RegionSchema = z.enum(REGIONS).describe(`Socio-economic region (vùng): ${REGIONS.join(', ')}`);
export type Region = z.infer<typeof RegionSchema>;

export const REGION_NAMES: Readonly<Record<Region, { vi: string; en: string }>> = {
  tdmnpb: { vi: 'Trung du và miền núi phía Bắc', en: 'Northern midlands and mountains' },
  dbsh: { vi: 'Đồng bằng sông Hồng', en: 'Red River Delta' },
  btb: { vi: 'Bắc Trung Bộ', en: 'North Central' },
  dhntb: { vi: 'Duyên hải Nam Trung Bộ', en: 'South Central Coast' },
  tn: { vi: 'Tây Nguyên', en: 'Central Highlands' },
  dnb: { vi: 'Đông Nam Bộ', en: 'South East' },
  dbscl: { vi: 'Đồng bằng sông Cửu Long', en: 'Mekong Delta' },
};

export const LocalizedTextSchema = z
  .object({
    vi: z.string().min(1).describe('Vietnamese text (the legal wording where there is one)'),
    en: z.string().min(1).describe('English gloss'),
  })
  .strict();
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

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
