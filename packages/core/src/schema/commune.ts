import * as z from 'zod';
import { CommuneGroupSchema, RegionSchema, SlugSchema } from './common.js';
import { MeasureKeySchema } from './edition.js';

export const MeasureValueSchema = z.union([
  z.number(),
  z.boolean(),
  z.string(),
  z.array(z.string()),
  z.null(),
]);
export type MeasureValue = z.infer<typeof MeasureValueSchema>;

/**
 * One commune's data. `values` holds one entry per measure key of the edition's data dictionary;
 * `null` or an absent key means the value is not known (the indicator is reported as missing).
 */
export const CommuneSchema = z
  .object({
    id: z.string().min(1).describe('Stable id, e.g. the GSO commune code'),
    name: z.string().min(1),
    region: RegionSchema.optional().describe('Region; may be derived from the province'),
    province: SlugSchema.optional().describe('Province id, e.g. nam-dinh: selects a province overlay'),
    district: z.string().optional(),
    group: CommuneGroupSchema.optional().describe(
      'Commune group (nhóm xã) of 51/2025/QĐ-TTg, as decided by the authorities; needed by editions whose targets differ by group',
    ),
    categories: z
      .array(SlugSchema)
      .optional()
      .describe('Categories that change which targets apply, e.g. xa-dac-biet-kho-khan'),
    values: z.record(MeasureKeySchema, MeasureValueSchema),
  })
  .strict();
export type Commune = z.infer<typeof CommuneSchema>;
