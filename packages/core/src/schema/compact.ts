/**
 * The compact form of an evaluation (what `ntm evaluate --format json` writes by default): per tier the
 * statuses, the commune's value and the gap of each indicator, the counts, why undecided criteria are
 * undecided, the targets that are not official, and one reference to the ruleset (id and hash). Everything
 * else (names, targets, citations, reasons) is in the ruleset, and `expandEvaluation` rebuilds the full
 * evaluation from the two. `compact-evaluation.schema.json` is generated from this schema.
 */
import * as z from 'zod';
import {
  CitationSchema,
  CommuneGroupSchema,
  IsoDateSchema,
  LocalizedTextSchema,
  RegionSchema,
  SlugSchema,
} from './common.js';
import { CriterionIdSchema, IndicatorIdSchema, MeasureKeySchema } from './edition.js';

const TierStatusSchema = z
  .enum(['met', 'not-met', 'incomplete'])
  .describe('met, not-met, or incomplete (undecided: see `undecided`)');

const IndicatorStatusSchema = z
  .enum(['met', 'not-met', 'missing', 'not-applicable', 'not-evaluable'])
  .describe(
    'met / not-met: decided; missing: the commune gave no value; not-applicable: the indicator does not apply to this commune; not-evaluable: the target is unknown or not sure enough',
  );

const UndecidedCauseSchema = z
  .enum(['missing-data', 'unknown-target', 'both'])
  .describe(
    "missing-data: the commune's data is missing (ask the commune); unknown-target: the official target is not known (no data can fix it); both",
  );

const UndecidedSchema = z
  .object({
    cause: UndecidedCauseSchema,
    missingData: z.number().int().min(0).describe('Applicable indicators whose data is missing'),
    unknownTargets: z
      .number()
      .int()
      .min(0)
      .describe('Applicable indicators whose target is unknown (or not sure enough)'),
  })
  .strict();

const ActualSchema = z
  .union([z.number(), z.boolean(), z.string(), z.array(z.string()), z.null()])
  .describe("The commune's value compared with the target (null: missing, or a composite test)");

const IndicatorEntrySchema = z
  .tuple([
    IndicatorStatusSchema,
    ActualSchema,
    z.number().nullable().describe('Signed distance to the target (negative: short of it), or null'),
  ])
  .describe('[status, actual value, gap]');

const count = z.number().int().min(0);

const CountsSchema = z
  .object({
    criteriaMet: count,
    criteriaTotal: count,
    indicatorsMet: count.describe('Applicable indicators met'),
    indicatorsTotal: count.describe('Applicable indicators'),
    indicatorsNotMet: count,
    indicatorsMissing: count,
    indicatorsNotEvaluable: count,
    indicatorsNotApplicable: count,
    unverifiedTargets: count.describe('Applicable indicators whose target is not official'),
    confidence: z
      .object({ official: count, secondary: count, assumed: count, unknown: count })
      .strict()
      .describe('Applicable indicators by the confidence of their target'),
  })
  .strict();

const RegionBasisSchema = z
  .object({
    declared: RegionSchema.describe("The commune's own region"),
    applied: RegionSchema.describe('The region whose targets applied'),
    category: SlugSchema.describe('The commune category that triggered the rule'),
    reason: LocalizedTextSchema,
    citation: CitationSchema,
  })
  .strict()
  .describe("Why the commune used another region's targets (e.g. 318/QĐ-TTg Art. 1), or null");

const RulesetRefSchema = z
  .object({
    id: z.string().min(1).describe('Id of the national edition, e.g. vn/xa-nang-cao/2021-2025'),
    hash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe(
        'SHA-256 of the edition and its province overlays as applied (`ruleset.hash` of the full result)',
      ),
  })
  .strict()
  .describe('The rules the tier was evaluated with: `ntm rules show` and `getRuleset` describe them');

const IndicatorIdsSchema = z.array(IndicatorIdSchema).min(1);
const CriterionIdsSchema = z.array(CriterionIdSchema).min(1);

/** One tier (the assessed one, a tier it requires, or the recognition conditions) in compact form. */
export const CompactTierSchema = z
  .object({
    level: SlugSchema.describe('Tier: ntm, nang-cao, kieu-mau, cong-nhan…'),
    status: TierStatusSchema,
    undecided: UndecidedSchema.nullable().describe(
      'Why the tier (with its prerequisites) is incomplete, or null when it is met or not met',
    ),
    region: RegionSchema.nullable().describe(
      'Region whose targets applied (null: they do not vary by region)',
    ),
    regionBasis: RegionBasisSchema.nullable(),
    ruleset: RulesetRefSchema,
    counts: CountsSchema,
    criteria: z
      .object({
        met: CriterionIdsSchema.optional(),
        'not-met': CriterionIdsSchema.optional(),
        incomplete: CriterionIdsSchema.optional(),
      })
      .strict()
      .describe("The criteria by status (every criterion of the tier once, in the rules' order)"),
    undecidedCriteria: z
      .object({
        'missing-data': CriterionIdsSchema.optional(),
        'unknown-target': CriterionIdsSchema.optional(),
        both: CriterionIdsSchema.optional(),
      })
      .strict()
      .describe(
        'The incomplete criteria by why they are undecided (missing-data: ask the commune; unknown-target: no data can fix it; both)',
      ),
    indicators: z
      .record(IndicatorIdSchema, IndicatorEntrySchema)
      .describe('[status, actual value, gap] of each indicator, by indicator id'),
    confidence: z
      .object({
        secondary: IndicatorIdsSchema.optional(),
        assumed: IndicatorIdsSchema.optional(),
        unknown: IndicatorIdsSchema.optional(),
      })
      .strict()
      .describe(
        'The indicators whose target is not official, by the confidence of their target (the others are official)',
      ),
    get prerequisites() {
      return prerequisitesSchema();
    },
  })
  .strict()
  .meta({
    id: 'CompactTier',
    description:
      'One tier in compact form: the assessed tier, a tier it requires, or the recognition conditions',
  });

let prerequisites: z.ZodArray<typeof CompactTierSchema> | undefined;
/** One schema object for every `prerequisites` (the JSON Schema then names it once). */
function prerequisitesSchema(): z.ZodArray<typeof CompactTierSchema> {
  prerequisites ??= z.array(CompactTierSchema).meta({
    id: 'Prerequisites',
    description: 'The tier this tier requires (e.g. NTM for nâng cao), evaluated first; empty when none',
  });
  return prerequisites;
}

const MeasureValueSchema = z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]);

/** An evaluation in compact form. */
export const CompactEvaluationSchema = CompactTierSchema.extend({
  row: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      'Where the commune came from, when the producer adds it (`ntm`: its spreadsheet row, header = row 1; for JSON, its item from 1)',
    ),
  commune: z
    .object({
      id: z.string().min(1),
      name: z.string(),
      province: z.string().nullable().describe('Province id, e.g. nam-dinh'),
      provinceName: z.string().nullable(),
      district: z.string().nullable(),
    })
    .strict(),
  asOf: IsoDateSchema.describe('Assessment date: picks the editions in force and the target year'),
  group: CommuneGroupSchema.nullable().describe(
    'Commune group whose targets applied (51/2025/QĐ-TTg), or null',
  ),
  minConfidence: z
    .enum(['official', 'secondary', 'assumed'])
    .describe('Lowest confidence of target that counted: weaker targets made their indicator not evaluable'),
  recognition: CompactTierSchema.optional().describe(
    'The recognition conditions (18/2022/QĐ-TTg), when they were asked for',
  ),
  values: z
    .record(MeasureKeySchema, MeasureValueSchema)
    .optional()
    .describe(
      "The commune's values that the rules read but no indicator compares (conditions of applicability, composite tests, computed targets): what the full explanation is rebuilt from",
    ),
}).strict();

export type CompactTier = z.infer<typeof CompactTierSchema>;
export type CompactEvaluation = z.infer<typeof CompactEvaluationSchema>;

/** The JSON Schema of a compact evaluation (committed as compact-evaluation.schema.json). */
export function compactEvaluationJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CompactEvaluationSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io: 'output',
  });
  return {
    ...schema,
    $id: 'https://unpkg.com/@nongthonmoi/core/compact-evaluation.schema.json',
    title: 'Nông thôn mới evaluation, compact form',
    description:
      'One evaluated commune as `ntm evaluate --format json` writes it by default; `expandEvaluation` in @nongthonmoi/core rebuilds the full evaluation from it and the ruleset. Generated from packages/core/src/schema/compact.ts by `pnpm --filter @nongthonmoi/core schema`. Do not edit by hand.',
  };
}
