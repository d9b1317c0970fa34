import * as z from 'zod';
import {
  CitationSchema,
  COMMUNE_GROUPS,
  CommuneGroupSchema,
  ConfidenceSchema,
  IsoDateSchema,
  LegalDocumentSchema,
  LocalizedTextSchema,
  RationaleSchema,
  REGIONS,
  RegionSchema,
  SlugSchema,
  UrlSchema,
} from './common.js';

/**
 * A JSON-logic expression. Its structure is checked by the logic compiler (allow-listed operators,
 * depth and size limits), not here, so that a hostile expression cannot exhaust the schema validator.
 */
export const ExpressionSchema = z
  .unknown()
  .describe('A JSON-logic expression (https://jsonlogic.com) using the allow-listed operators');

export const MeasureKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'expected snake_case ASCII, e.g. health_insurance_pct')
  .max(64)
  .refine((key) => key !== 'constructor', 'reserved name');

export const IndicatorIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9]+([.-][A-Za-z0-9]+)*$/, 'expected an id such as 17.9 or KM.2');

export const CriterionIdSchema = IndicatorIdSchema;

export const MEASURE_TYPES = ['percent', 'number', 'money', 'count', 'boolean', 'enum'] as const;

export const MeasureSchema = z
  .object({
    label: LocalizedTextSchema.describe('Column label; the Vietnamese one is used as spreadsheet header'),
    type: z.enum(MEASURE_TYPES).describe('percent: 0–100; money: million VND; count: whole number ≥ 0'),
    unit: LocalizedTextSchema.optional().describe('Unit shown after values, e.g. {"vi":"%","en":"%"}'),
    min: z.number().optional().describe('Smallest valid value (percent: 0, count and money: 0 by default)'),
    max: z.number().optional().describe('Largest valid value (percent: 100 by default)'),
    values: z
      .array(z.object({ id: SlugSchema, label: LocalizedTextSchema }).strict())
      .min(1)
      .optional()
      .describe('Allowed values of an enum measure'),
    multiple: z
      .boolean()
      .optional()
      .describe('An enum measure holding a list of values; tests compare its length'),
    description: LocalizedTextSchema.optional(),
  })
  .strict()
  .superRefine((measure, ctx) => {
    if (measure.type === 'enum' && !measure.values) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'an enum measure needs its list of values' });
    }
    if (measure.type !== 'enum' && (measure.values || measure.multiple)) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'only enum measures have values' });
    }
    if (measure.min !== undefined && measure.max !== undefined && measure.min > measure.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'min is greater than max' });
    }
  });
export type Measure = z.infer<typeof MeasureSchema>;

/**
 * Provenance of a target value: how sure we are, who says so, and why. Written on an indicator (or an
 * overlay's target), and overridden cell by cell where one cell of a table differs.
 */
const provenanceShape = {
  confidence: ConfidenceSchema.describe(
    'official: read in the legal text or an official table (needs `source`); secondary: a provincial document or press item quoting the national value (needs `source`); assumed: inferred, e.g. a lower bound (needs `rationale`); unknown: no value',
  ),
  source: UrlSchema.optional().describe('URL of the document that states the value'),
  quote: z.string().min(1).max(2000).optional().describe('The sentence of the source that states it (short)'),
  rationale: RationaleSchema.optional().describe(
    'Why the value is what it is (required for assumed and unknown values), e.g. "2016–2020 level, not yet checked against 318"',
  ),
};

export const TargetValueSchema = z.union([z.number(), z.boolean()]);

/** One cell of a target table, optionally with its own provenance. `value: null` = not known. */
export const TargetCellSchema = z.union([
  TargetValueSchema,
  z
    .object({
      value: z.union([TargetValueSchema, z.null()]),
      confidence: provenanceShape.confidence.optional(),
      source: provenanceShape.source,
      quote: provenanceShape.quote,
      rationale: provenanceShape.rationale,
      bound: z
        .literal(true)
        .optional()
        .describe(
          'Only with confidence "assumed": the real target is unknown but at least this strict. Failing it is a certain "not met"; meeting it is "not evaluable".',
        ),
    })
    .strict(),
]);
export type TargetCell = z.infer<typeof TargetCellSchema>;

/** A year key: one year (`2023`), an inclusive range (`2022-2025`), or a year and every later one (`2026-`). */
export const YearKeySchema = z
  .string()
  .regex(/^\d{4}(-(\d{4})?)?$/, 'expected a year (2023), a range (2022-2025) or an open range (2026-)')
  .refine((key) => {
    const [from, to] = key.split('-');
    return !to || Number(to) > Number(from);
  }, 'the range ends before it starts');

export const YearTableSchema = z
  .object({
    byYear: z.record(YearKeySchema, TargetCellSchema),
  })
  .strict()
  .describe(
    'Targets by the year of the assessment date; a value that does not change is written once for a range',
  );

const dimensionEntry = z.union([TargetCellSchema, YearTableSchema]);

export const RegionTableSchema = z
  .object({
    byRegion: z.partialRecord(RegionSchema, dimensionEntry),
    default: dimensionEntry.optional().describe('For regions not listed'),
  })
  .strict()
  .superRefine((table, ctx) => {
    const missing = REGIONS.filter((region) => !(region in table.byRegion));
    if (missing.length > 0 && table.default === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['byRegion'],
        message: `no target for ${missing.join(', ')}: list every region or give a default`,
      });
    }
  })
  .describe('Targets by region (and optionally by year inside a region)');

export const GroupTableSchema = z
  .object({
    byGroup: z.partialRecord(CommuneGroupSchema, dimensionEntry),
    default: dimensionEntry.optional().describe('For groups not listed'),
  })
  .strict()
  .superRefine((table, ctx) => {
    const missing = COMMUNE_GROUPS.filter((group) => !(group in table.byGroup));
    if (missing.length > 0 && table.default === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['byGroup'],
        message: `no target for ${missing.join(', ')}: list every commune group or give a default`,
      });
    }
  })
  .describe('Targets by commune group (51/2025/QĐ-TTg), optionally by year inside a group');

export const DerivedTargetSchema = z
  .object({
    logic: ExpressionSchema.describe(
      'Computes the target; may read measures with var and the target of a required tier with {"requiredTarget": [level, indicator]}',
    ),
  })
  .strict();

export const TargetSchema = z.union([
  TargetCellSchema,
  YearTableSchema,
  RegionTableSchema,
  GroupTableSchema,
  DerivedTargetSchema,
]);
export type Target = z.infer<typeof TargetSchema>;

export const COMPARATORS = ['>=', '>', '<=', '<', '==', '!='] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** The common case: one measure compared with a target. */
export const CompactTestSchema = z
  .object({
    measure: MeasureKeySchema,
    op: z.enum(COMPARATORS),
    target: TargetSchema,
  })
  .strict();

/** The general case: a JSON-logic expression over measures that must be truthy. */
export const LogicTestSchema = z
  .object({
    logic: ExpressionSchema,
    description: LocalizedTextSchema.optional().describe('The requirement in words, shown as the target'),
  })
  .strict();

export const TestSchema = z.union([CompactTestSchema, LogicTestSchema]);
export type CompactTest = z.infer<typeof CompactTestSchema>;
export type LogicTest = z.infer<typeof LogicTestSchema>;
export type Test = z.infer<typeof TestSchema>;

export const IndicatorSchema = z
  .object({
    id: IndicatorIdSchema.describe('Chỉ tiêu id as in the legal text, e.g. 17.9'),
    name: LocalizedTextSchema,
    test: TestSchema,
    applicableIf: ExpressionSchema.optional().describe(
      'For indicators that apply only "if any" (nếu có): the indicator is not applicable when this is falsy',
    ),
    citation: CitationSchema,
    ...provenanceShape,
    placeholder: z
      .literal(true)
      .optional()
      .describe(
        'Stands for indicators of the legal text that are not encoded yet (target unknown); replaced when an overlay or amendment supplies indicators for its criterion',
      ),
    notes: LocalizedTextSchema.optional(),
  })
  .strict();
export type Indicator = z.infer<typeof IndicatorSchema>;

export const GroupSchema = z.object({ id: SlugSchema, name: LocalizedTextSchema }).strict();

export const CriterionSchema = z
  .object({
    id: CriterionIdSchema.describe('Tiêu chí number, e.g. 17'),
    name: LocalizedTextSchema,
    group: SlugSchema.describe('Id of one of the edition groups'),
    indicators: z.array(IndicatorSchema).min(1),
  })
  .strict();
export type Criterion = z.infer<typeof CriterionSchema>;

export const JurisdictionSchema = z.union([
  z.literal('national'),
  z.object({ province: SlugSchema.describe('Province id, e.g. nam-dinh') }).strict(),
]);
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

export const EffectiveSchema = z
  .object({
    from: IsoDateSchema.describe('First day in force'),
    to: IsoDateSchema.nullable().optional().describe('Last day in force (inclusive); absent while in force'),
  })
  .strict()
  .refine((period) => !period.to || period.to >= period.from, {
    message: '`to` is before `from`',
    path: ['to'],
  });

export const RegionRuleSchema = z
  .object({
    categories: z.array(SlugSchema).min(1).describe('Commune categories the rule applies to'),
    region: RegionSchema.describe('Region whose targets those communes use'),
    reason: LocalizedTextSchema,
    citation: CitationSchema,
  })
  .strict();
export type RegionRule = z.infer<typeof RegionRuleSchema>;

const identityShape = {
  $schema: z.string().optional(),
  id: z
    .string()
    .regex(/^[a-z0-9-]+(\/[a-z0-9.-]+)+$/, 'expected a path-like id, e.g. vn/xa-nang-cao/2021-2025')
    .describe('Unique id of this edition'),
  family: z
    .string()
    .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)+$/)
    .describe('Ruleset family shared by consecutive editions, e.g. vn/xa-nang-cao'),
  level: SlugSchema.describe('Tier: ntm, nang-cao, kieu-mau, or a later framework level'),
  edition: z.string().min(1).describe('Edition label, e.g. "2021–2025 (sửa đổi 2024)"'),
  name: LocalizedTextSchema,
  effective: EffectiveSchema,
  basis: z.array(LegalDocumentSchema).min(1).describe('Legal acts this edition encodes, the main one first'),
  measures: z.record(MeasureKeySchema, MeasureSchema).default({}).describe('Input data dictionary'),
  categories: z
    .record(SlugSchema, LocalizedTextSchema)
    .optional()
    .describe('Commune categories this edition recognises (e.g. xa-dac-biet-kho-khan)'),
  notes: LocalizedTextSchema.optional(),
};

export const FrameworkSchema = z
  .object({
    id: SlugSchema,
    name: LocalizedTextSchema,
    levels: z.array(
      z.object({ level: SlugSchema, name: LocalizedTextSchema, encoded: z.boolean() }).strict(),
    ),
    note: LocalizedTextSchema.optional(),
  })
  .strict()
  .describe('The national framework this edition belongs to, with all its levels (used in error messages)');

/** How the legal text defines a commune group, quoted in the error a commune without a group gets. */
export const CommuneGroupDefinitionSchema = z
  .object({
    name: LocalizedTextSchema,
    definition: LocalizedTextSchema.describe('The definition as the legal text gives it'),
    citation: CitationSchema,
    confidence: ConfidenceSchema,
    source: UrlSchema.optional(),
    quote: provenanceShape.quote,
  })
  .strict();

export const EditionSchema = z
  .object({
    ...identityShape,
    jurisdiction: z
      .literal('national')
      .describe('Full editions are national; a province publishes an overlay that extends one'),
    requires: z
      .object({ level: SlugSchema, note: LocalizedTextSchema.optional() })
      .strict()
      .optional()
      .describe('The tier this one builds on, resolved for the same date and jurisdiction'),
    regionRules: z.array(RegionRuleSchema).optional(),
    communeGroups: z
      .partialRecord(CommuneGroupSchema, CommuneGroupDefinitionSchema)
      .optional()
      .describe('The commune groups whose targets differ (51/2025/QĐ-TTg), with their legal definitions'),
    framework: FrameworkSchema.optional(),
    coverage: z
      .object({ complete: z.boolean(), note: LocalizedTextSchema })
      .strict()
      .optional()
      .describe('Whether every indicator of the legal text is encoded; the note says what is not'),
    groups: z.array(GroupSchema).min(1),
    criteria: z.array(CriterionSchema).min(1),
  })
  .strict();
export type Edition = z.infer<typeof EditionSchema>;

/**
 * Provenance shared by every target of an overlay or amendment, so that a province decision is cited once;
 * a target's own fields override it.
 */
export const TargetDefaultsSchema = z
  .object({
    citation: CitationSchema.optional(),
    confidence: ConfidenceSchema.optional(),
    source: UrlSchema.optional(),
    quote: provenanceShape.quote,
    rationale: RationaleSchema.optional(),
  })
  .strict()
  .describe('Citation and provenance applied to every entry of `targets` that does not give its own');

const overrideProvenance = {
  citation: CitationSchema.optional().describe('Where the value comes from (or `defaults.citation`)'),
  confidence: ConfidenceSchema.optional().describe('How sure (or `defaults.confidence`)'),
  source: provenanceShape.source,
  quote: provenanceShape.quote,
  rationale: provenanceShape.rationale,
};

export const TargetOverrideSchema = z
  .object({
    indicator: IndicatorIdSchema,
    target: TargetSchema,
    ...overrideProvenance,
  })
  .strict();
export type TargetOverride = z.infer<typeof TargetOverrideSchema>;

/** A province's region table may name only its own regions: elsewhere the national target applies. */
export const PartialRegionTableSchema = z
  .object({
    byRegion: z.partialRecord(RegionSchema, dimensionEntry),
    default: dimensionEntry.optional(),
  })
  .strict()
  .describe('Targets for some regions; regions not listed keep the national target');

/** A province's group table may name only some groups: the others keep the national target. */
export const PartialGroupTableSchema = z
  .object({
    byGroup: z.partialRecord(CommuneGroupSchema, dimensionEntry),
    default: dimensionEntry.optional(),
  })
  .strict()
  .describe('Targets for some commune groups; groups not listed keep the national target');

/** A stricter target set by a province overlay, optionally with a stricter comparator (≥ → >, ≤ → <). */
export const OverlayTargetSchema = z
  .object({
    indicator: IndicatorIdSchema,
    op: z
      .enum(COMPARATORS)
      .optional()
      .describe('A stricter comparator than the national one, e.g. ">" where the national test is ">="'),
    target: z.union([
      TargetCellSchema,
      YearTableSchema,
      PartialRegionTableSchema,
      PartialGroupTableSchema,
      DerivedTargetSchema,
    ]),
    ...overrideProvenance,
  })
  .strict();
export type OverlayTarget = z.infer<typeof OverlayTargetSchema>;

export const OverlaySchema = z
  .object({
    ...identityShape,
    jurisdiction: z.object({ province: SlugSchema }).strict(),
    extends: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .describe('Id(s) of the national edition(s) this overlay tightens'),
    defaults: TargetDefaultsSchema.optional(),
    targets: z.array(OverlayTargetSchema).optional().describe('Stricter targets for national indicators'),
    indicators: z
      .array(IndicatorSchema.extend({ criterion: CriterionIdSchema }).strict())
      .optional()
      .describe('Indicators added to national criteria'),
    groups: z.array(GroupSchema).optional(),
    criteria: z.array(CriterionSchema).optional().describe('Criteria added by the province'),
  })
  .strict();
export type Overlay = z.infer<typeof OverlaySchema>;

/**
 * A later national act that changes some targets or rules of an edition: the loader builds the full edition
 * from the one it amends, so a corrected target lives in one place.
 */
export const AmendmentSchema = z
  .object({
    ...identityShape,
    jurisdiction: z.literal('national'),
    amends: z.string().min(1).describe('Id of the edition this one is built from'),
    regionRules: z.array(RegionRuleSchema).optional().describe("Replaces the amended edition's region rules"),
    defaults: TargetDefaultsSchema.optional(),
    targets: z.array(TargetOverrideSchema).optional().describe('New targets (may be higher or lower)'),
    framework: FrameworkSchema.optional(),
    coverage: z.object({ complete: z.boolean(), note: LocalizedTextSchema }).strict().optional(),
  })
  .strict();
export type Amendment = z.infer<typeof AmendmentSchema>;

/** A ruleset file: a full edition, an amendment of one, or a province overlay. */
export const RulesetFileSchema = z.union([EditionSchema, AmendmentSchema, OverlaySchema]);
export type RulesetFile = z.infer<typeof RulesetFileSchema>;

/** Picks the schema by the file's discriminating key, so errors speak of one shape, not a union. */
export function schemaFor(
  file: unknown,
): typeof EditionSchema | typeof AmendmentSchema | typeof OverlaySchema {
  if (file && typeof file === 'object') {
    if (Object.hasOwn(file, 'extends')) return OverlaySchema;
    if (Object.hasOwn(file, 'amends')) return AmendmentSchema;
  }
  return EditionSchema;
}
