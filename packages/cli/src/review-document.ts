/**
 * `ntm review … --out review.json`: the whole review as one JSON document, for a portal to show. Its shape is
 * this zod schema; the TypeScript type {@link ReviewDocument} is inferred from it, and `review.schema.json`
 * (in this package) is generated from it by `pnpm --filter @nongthonmoi/cli schema` (a test fails when they
 * drift). The parts are core's review views as they are: `summary` (`summarize`, without the per-commune
 * gap lists, which are in `gaps`), `comparison` (`compare`), `forecast` (`forecast`), `dossiers`
 * (`reviewDossiers`).
 */
import {
  CONFIDENCE_LEVELS,
  DOSSIER_STATUSES,
  type DossierStatus,
  OUTLOOKS,
  type Outlook,
  TIER_OUTLOOKS,
  type TierOutlook,
} from '@nongthonmoi/core';
import * as z from 'zod';
import { gapsByOwner, type ReviewData } from './review.js';

const text = z.strictObject({ vi: z.string(), en: z.string() }).describe('A text in Vietnamese and English');
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('A calendar day, YYYY-MM-DD');
const tierStatus = z.enum(['met', 'not-met', 'incomplete']);
const indicatorStatus = z.enum(['met', 'not-met', 'missing', 'not-applicable', 'not-evaluable']);
const comparator = z.enum(['>=', '>', '<=', '<', '==', '!=']);
const confidence = z.enum(CONFIDENCE_LEVELS);
const actual = z.union([z.number(), z.boolean(), z.string(), z.array(z.string()), z.null()]);
const cause = z.enum(['missing-data', 'unknown-target', 'both']);
const undecided = z
  .strictObject({ cause, missingData: z.number().int(), unknownTargets: z.number().int() })
  .describe('Why a tier or commune is undecided: its data is missing, no official target is known, or both');
// The enums are core's own lists, so that the schema follows core when an outlook or a state is added.
const outlook = z.enum(OUTLOOKS as [Outlook, ...Outlook[]]);
const tierOutlook = z.enum(TIER_OUTLOOKS as [TierOutlook, ...TierOutlook[]]);
const outlookCounts = z.strictObject(
  Object.fromEntries(outlook.options.map((o) => [o, z.number().int()])) as Record<
    z.infer<typeof outlook>,
    z.ZodNumber
  >,
);
const tierOutlookCounts = z.strictObject(
  Object.fromEntries(tierOutlook.options.map((o) => [o, z.number().int()])) as Record<
    z.infer<typeof tierOutlook>,
    z.ZodNumber
  >,
);
const direction = z.enum(['improved', 'worsened', 'unchanged', 'changed']);
const dossierStatus = z.enum(DOSSIER_STATUSES as [DossierStatus, ...DossierStatus[]]);

const legalDocument = z.strictObject({
  number: z.string(),
  title: z.string(),
  issuer: z.string(),
  date,
  effective: date.optional(),
  url: z.string().optional(),
});

const rulesetInfo = z.strictObject({
  id: z.string(),
  family: z.string(),
  level: z.string(),
  edition: z.string(),
  name: text,
  effective: z.strictObject({ from: date, to: date.nullable() }),
  jurisdiction: z.union([z.literal('national'), z.strictObject({ province: z.string() })]),
  basis: z.array(legalDocument),
  hash: z.string(),
  overlays: z.array(
    z.strictObject({
      id: z.string(),
      province: z.string(),
      edition: z.string(),
      basis: z.array(legalDocument),
      hash: z.string(),
    }),
  ),
  coverage: z.strictObject({ complete: z.boolean(), note: text }).nullable(),
});

/** An indicator a commune has not met, or could not be judged on, with its owner and outlook. */
const gapRow = z
  .strictObject({
    communeId: z.string(),
    communeName: z.string(),
    level: z.string().describe('Tier of the indicator (the assessed tier or a prerequisite)'),
    criterion: z.string(),
    criterionName: text,
    indicator: z.string(),
    name: text,
    status: indicatorStatus,
    actual,
    target: z.union([z.number(), z.boolean(), z.null()]),
    comparator: comparator.nullable(),
    requirement: text.nullable(),
    unit: text.nullable(),
    gap: z.number().nullable().describe('Signed distance to the target: negative = short of it'),
    confidence: confidence.describe('How sure the target is: only `official` is law'),
    verified: z.boolean(),
    reason: text.nullable().describe('Why; for a composite indicator, which parts failed with which values'),
    owner: z.string().nullable(),
    outlook: outlook.nullable(),
    projected: date.nullable(),
    ratePerDay: z.number().nullable(),
    requiredRatePerDay: z.number().nullable(),
  })
  .describe('One gap: an indicator not met or not judged, in a commune');

const summary = z.strictObject({
  level: z.string().nullable(),
  asOf: z.string().nullable(),
  totals: z.strictObject({
    communes: z.number().int(),
    met: z.number().int(),
    notMet: z.number().int(),
    incomplete: z.number().int(),
    averageCriteriaMet: z.number(),
  }),
  criteria: z.array(
    z.strictObject({
      id: z.string(),
      name: text,
      met: z.number().int(),
      notMet: z.number().int(),
      incomplete: z.number().int(),
      total: z.number().int(),
      communesNotMet: z.array(z.string()),
      communesIncomplete: z.array(z.string()),
    }),
  ),
  blockers: z.array(
    z.strictObject({
      id: z.string(),
      name: text,
      communes: z.number().int(),
      notMet: z.number().int(),
      incomplete: z.number().int(),
    }),
  ),
  communes: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      status: tierStatus,
      criteriaMet: z.number().int(),
      criteriaTotal: z.number().int(),
      criteria: z.record(z.string(), tierStatus),
      prerequisites: z.array(
        z.strictObject({
          level: z.string(),
          status: tierStatus,
          criteriaMet: z.number().int(),
          criteriaTotal: z.number().int(),
        }),
      ),
      undecided: undecided.nullable(),
    }),
  ),
});

const progressValue = z.strictObject({
  status: indicatorStatus,
  actual,
  target: z.union([z.number(), z.boolean(), z.null()]),
  gap: z.number().nullable(),
});

const comparison = z.strictObject({
  communes: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      level: z.string(),
      before: tierStatus,
      after: tierStatus,
      criteriaMetBefore: z.number().int(),
      criteriaMetAfter: z.number().int(),
      direction,
      rulesetChanged: z.boolean(),
      criteria: z.array(
        z.strictObject({
          level: z.string(),
          id: z.string(),
          name: text,
          before: tierStatus,
          after: tierStatus,
          direction,
        }),
      ),
      indicators: z.array(
        z.strictObject({
          level: z.string(),
          criterion: z.string(),
          indicator: z.string(),
          name: text,
          before: progressValue,
          after: progressValue,
          direction,
          gapChange: z.number().nullable(),
          unit: text.nullable(),
        }),
      ),
    }),
  ),
  added: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  removed: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  totals: z.strictObject({
    communes: z.number().int(),
    improved: z.number().int(),
    worsened: z.number().int(),
    unchanged: z.number().int(),
    changed: z.number().int(),
    newlyMet: z.number().int(),
    noLongerMet: z.number().int(),
    gapsClosed: z.number().int(),
    gapsWidened: z.number().int(),
  }),
  criteria: z.array(
    z.strictObject({
      level: z.string(),
      id: z.string(),
      name: text,
      metBefore: z.number().int(),
      metAfter: z.number().int(),
    }),
  ),
});

const gapForecast = z.strictObject({
  level: z.string(),
  criterion: z.string(),
  indicator: z.string(),
  name: text,
  status: z.enum(['not-met', 'missing', 'not-evaluable']),
  actual,
  target: z.union([z.number(), z.boolean(), z.null()]),
  comparator: comparator.nullable(),
  unit: text.nullable(),
  outlook,
  series: z.array(z.strictObject({ asOf: date, value: z.number() })),
  ratePerDay: z.number().nullable(),
  trend: z.enum(['toward', 'away', 'flat']).nullable(),
  projected: date.nullable(),
  requiredRatePerDay: z.number().nullable(),
  lastChanged: date.nullable(),
});

const forecastReport = z.strictObject({
  asOf: date,
  snapshots: z.array(date),
  deadline: date,
  margin: z.number().int(),
  daysLeft: z.number().int(),
  communes: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      level: z.string(),
      status: tierStatus,
      outlook: tierOutlook,
      counts: outlookCounts,
      tiers: z.array(
        z.strictObject({
          level: z.string(),
          status: tierStatus,
          criteriaMet: z.number().int(),
          criteriaTotal: z.number().int(),
          outlook: tierOutlook,
          counts: outlookCounts,
        }),
      ),
      gaps: z.array(gapForecast),
      history: z.array(
        z.strictObject({
          asOf: date,
          status: tierStatus,
          criteriaMet: z.number().int(),
          criteriaTotal: z.number().int(),
        }),
      ),
    }),
  ),
  criteria: z.array(
    z.strictObject({
      level: z.string(),
      id: z.string(),
      name: text,
      assessed: z.number().int(),
      outlook: tierOutlook,
      gaps: outlookCounts,
      communes: tierOutlookCounts,
    }),
  ),
  totals: z.strictObject({
    communes: z.number().int(),
    gaps: outlookCounts,
    communesByOutlook: tierOutlookCounts,
  }),
});

const dossierCounts = {
  complete: z.number().int(),
  inProgress: z.number().int(),
  missing: z.number().int(),
  noRow: z.number().int(),
  metIncomplete: z.number().int(),
  completeNotMet: z.number().int(),
  completeUnconfirmed: z.number().int(),
};

const dossierEntry = z.strictObject({
  criterion: z.string(),
  name: text,
  criterionStatus: tierStatus,
  dossier: dossierStatus.nullable(),
  updated: date.nullable(),
  owner: z.string().nullable(),
  note: z.string().nullable(),
  row: z.number().int().nullable(),
});

const dossierReport = z.strictObject({
  communes: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      level: z.string(),
      completeness: z.strictObject({
        complete: z.number().int(),
        total: z.number().int(),
        label: z.string(),
      }),
      counts: z.strictObject(dossierCounts),
      criteria: z.array(dossierEntry),
      metIncomplete: z.array(dossierEntry),
      completeNotMet: z.array(dossierEntry),
      completeUnconfirmed: z.array(dossierEntry),
      noRow: z.array(dossierEntry),
    }),
  ),
  criteria: z.array(
    z.strictObject({
      level: z.string(),
      id: z.string(),
      name: text,
      communes: z.number().int(),
      ...dossierCounts,
      communesMetIncomplete: z.array(z.string()),
      communesCompleteNotMet: z.array(z.string()),
      communesCompleteUnconfirmed: z.array(z.string()),
    }),
  ),
  totals: z.strictObject({ ...dossierCounts, communes: z.number().int(), criteria: z.number().int() }),
  problems: z.array(
    z.strictObject({
      row: z.number().int(),
      code: z.enum([
        'invalid-row',
        'unknown-commune',
        'unknown-criterion',
        'invalid-status',
        'invalid-date',
        'duplicate-row',
      ]),
      field: z.enum(['commune', 'criterion', 'status', 'updated', 'owner', 'note']).nullable(),
      value: z.unknown(),
      suggestion: z.string().nullable(),
      replaces: z.number().int().nullable(),
      reason: text,
    }),
  ),
});

const rowProblem = z.strictObject({
  file: z.string(),
  row: z
    .number()
    .int()
    .nullable()
    .describe('As the spreadsheet numbers it (header = 1); for JSON, the item from 1'),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
  reasonVi: z.string().optional(),
  communeId: z.string().nullable(),
});

export const ReviewDocumentSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal('ntm-review'),
    version: z.literal(1),
    lang: z.enum(['vi', 'en']).describe('Language of the texts chosen for people (names carry both)'),
    level: z.string().describe('The assessed tier: ntm, nang-cao or kieu-mau'),
    place: z.string().nullable(),
    asOf: date.describe('The day the current data describe'),
    generatedAt: z.string().describe('When the review was written (ISO 8601, UTC)'),
    timeZone: z.string().describe('The time zone the reports show times in'),
    illustrative: text.nullable().describe('Set when the data are made up (dữ liệu minh họa)'),
    deadline: date.nullable(),
    files: z.strictObject({
      current: z.string(),
      previous: z.array(z.string()),
      owners: z.string().nullable(),
      dossier: z.string().nullable(),
    }),
    snapshots: z
      .array(
        z.strictObject({
          asOf: date,
          file: z.string(),
          dateSource: z.enum(['option', 'data', 'file-name', 'today']),
          communes: z.number().int(),
        }),
      )
      .describe('Every snapshot, oldest first; the current one is the last'),
    rulesets: z.array(rulesetInfo),
    summary,
    communes: z
      .array(
        z.strictObject({
          id: z.string(),
          name: z.string(),
          status: tierStatus,
          criteriaMet: z.number().int(),
          criteriaTotal: z.number().int(),
          blockedBy: z.enum(['met', 'own-gaps', 'missing-data', 'unknown-target', 'both']),
          unmet: z.number().int(),
          missingData: z.number().int(),
          unknownTargets: z.number().int(),
          outlook: tierOutlook.nullable(),
          dossiers: z.strictObject({ complete: z.number().int(), total: z.number().int() }).nullable(),
        }),
      )
      .describe(
        'Where each commune stands and what holds it back: own-gaps (its unmet indicators), missing-data, unknown-target (only targets with no official value: its data is complete), both',
      ),
    comparison: comparison.nullable().describe('Progress since the latest earlier snapshot (core `compare`)'),
    forecast: forecastReport.nullable().describe('Outlook of every gap by the deadline (core `forecast`)'),
    dossiers: dossierReport.nullable().describe('Dossiers against the evaluation (core `reviewDossiers`)'),
    gaps: z.array(gapRow).describe('Indicators not met, commune by commune'),
    notJudged: z.array(gapRow).describe('Indicators not judged: data missing, or no official target'),
    byOwner: z
      .array(z.strictObject({ owner: z.string().nullable(), gaps: z.array(z.number().int()) }))
      .describe('Positions in `gaps` per owner (unassigned last), off-track first when there is a forecast'),
    criteriaHistory: z
      .array(
        z.strictObject({
          level: z.string(),
          id: z.string(),
          name: text,
          met: z.array(z.number().int().nullable()),
          assessed: z.array(z.number().int().nullable()),
        }),
      )
      .describe('Communes meeting each criterion at each snapshot (aligned with `snapshots`)'),
    confidence: z.strictObject({
      official: z.number().int(),
      secondary: z.number().int(),
      assumed: z.number().int(),
      unknown: z.number().int(),
    }),
    unverifiedTargets: z.number().int(),
    unknownOwnerIds: z.array(z.string()),
    problems: z.array(rowProblem).describe('Rows of the input files that were not used, with why'),
  })
  .describe('A district review written by `ntm review --out review.json`');

/** The JSON document `ntm review … --out review.json` writes. */
export type ReviewDocument = z.infer<typeof ReviewDocumentSchema>;

export const REVIEW_SCHEMA_ID = 'https://unpkg.com/@nongthonmoi/cli/review.schema.json';

/** The review as its JSON document. */
export function reviewDocument(review: ReviewData): ReviewDocument {
  const positions = new Map(review.gaps.map((gap, index) => [gap, index]));
  const { rulesets: _rulesets, communes, ...rest } = plainSummary(review);
  return {
    $schema: REVIEW_SCHEMA_ID,
    format: 'ntm-review',
    version: 1,
    lang: review.lang,
    level: review.level,
    place: review.place,
    asOf: review.asOf,
    generatedAt: review.generatedAt,
    timeZone: review.timeZone,
    illustrative: review.illustrative,
    deadline: review.deadline,
    files: review.files,
    snapshots: review.snapshots,
    rulesets: review.rulesets,
    summary: {
      ...rest,
      communes: communes.map(({ unmet: _unmet, missing: _missing, ...commune }) => commune),
    },
    communes: review.communes,
    comparison: review.progress,
    forecast: review.forecast,
    dossiers: review.dossiers,
    gaps: review.gaps,
    notJudged: review.notJudged,
    byOwner: gapsByOwner(review).map(({ owner, gaps }) => ({
      owner,
      gaps: gaps.map((gap) => positions.get(gap) as number),
    })),
    criteriaHistory: review.criteriaHistory,
    confidence: review.confidence,
    unverifiedTargets: review.unverifiedTargets,
    unknownOwnerIds: review.unknownOwnerIds,
    problems: review.problems,
  };
}

/** The summary as plain data (its commune rows build their lists lazily). */
function plainSummary(review: ReviewData): ReviewData['summary'] {
  return JSON.parse(JSON.stringify(review.summary)) as ReviewData['summary'];
}

/** The review as JSON text (what `--out review.json` writes). */
export function reviewDocumentJson(review: ReviewData): string {
  return `${JSON.stringify(reviewDocument(review), null, 2)}\n`;
}

/** The JSON Schema of the document, generated from {@link ReviewDocumentSchema} (committed as review.schema.json). */
export function reviewJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReviewDocumentSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    reused: 'ref',
  });
  return {
    ...schema,
    $id: REVIEW_SCHEMA_ID,
    title: 'ntm review document',
    description:
      'Written by `ntm review … --out review.json`. Generated from packages/cli/src/review-document.ts by `pnpm --filter @nongthonmoi/cli schema`. Do not edit by hand.',
  };
}
