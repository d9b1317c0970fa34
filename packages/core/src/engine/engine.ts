import * as z from 'zod';
import { CompiledEdition, Plan } from '../editions/compile.js';
import { findProvince, isKnownProvince, regionOfProvince } from '../editions/provinces.js';
import {
  type RegisteredEdition,
  type RegisteredOverlay,
  Registry,
  type RulesetInput,
} from '../editions/registry.js';
import {
  type CommuneIssue,
  CommuneValidationError,
  NtmError,
  OptionsError,
  RuleEvaluationError,
} from '../errors.js';
import { IsoDateSchema, type Region, RegionSchema, SlugSchema } from '../schema/common.js';
import { today } from '../util/dates.js';
import { communeBudget, type EvaluationRecord, runPlan } from './run.js';
import { acceptCommune, MeasureIndex, show, type ValidCommune, validateCommune } from './validate-commune.js';

export const EvaluateOptionsSchema = z
  .object({
    level: SlugSchema.describe('Tier to assess: ntm, nang-cao, kieu-mau, …'),
    asOf: IsoDateSchema.optional().describe(
      'Assessment date; picks the edition in force and the target year',
    ),
    region: RegionSchema.optional().describe('Region for communes that carry none'),
    province: SlugSchema.optional().describe('Province for communes that carry none (selects its overlay)'),
    rulesets: z.array(z.unknown()).optional().describe('Extra editions, amendments or overlays'),
    requireVerified: z
      .boolean()
      .optional()
      .describe('Treat targets no source confirms as not evaluable (for official use)'),
    recognition: z
      .boolean()
      .optional()
      .describe('Also check the recognition conditions of 18/2022/QĐ-TTg (satisfaction, debt, security)'),
  })
  .strict();
export type EvaluateOptions = z.input<typeof EvaluateOptionsSchema>;

/** One commune of a batch that could not be evaluated. */
export interface BatchError {
  /** Position in the input (0-based). */
  index: number;
  communeId: string | null;
  issues: CommuneIssue[];
  message: string;
}

export interface BatchResult {
  results: EvaluationRecord[];
  errors: BatchError[];
}

interface Resolved {
  asOf: string;
  year: number;
  requireVerified: boolean;
  level: string;
  recognition: boolean;
  defaultRegion: Region | null;
  defaultProvince: string | null;
  /** Plans already resolved in this batch, by province. */
  plans?: Map<string | null, Plan>;
}

const MAX_REQUIRES_DEPTH = 8;

/** An engine over a set of rulesets. Create one per set; it caches compiled editions and target tables. */
export class Engine {
  readonly registry: Registry;
  readonly #measures: MeasureIndex;
  readonly #categories: Set<string>;
  readonly #compiled = new Map<string, CompiledEdition>();
  readonly #plans = new Map<string, Plan>();

  constructor(rulesets: readonly RulesetInput[] = []) {
    this.registry = new Registry(rulesets);
    this.#measures = new MeasureIndex(
      [...this.registry.measures].map(([key, { measure }]) => [key, measure]),
    );
    this.#categories = new Set(this.registry.categories.keys());
  }

  /**
   * Evaluates one commune. Throws {@link CommuneValidationError} when its data does not fit the edition, and
   * {@link RuleEvaluationError} when a rule expression fails for it (e.g. runs out of its step budget).
   */
  evaluate(commune: unknown, options: EvaluateOptions): EvaluationRecord {
    const resolved = this.#options(options);
    const outcome = this.#evaluateOne(commune, 0, resolved);
    if ('issues' in outcome) throw new CommuneValidationError(outcome.issues);
    return outcome;
  }

  /**
   * Evaluates a batch. Every valid commune gets a result; every invalid one (including entries that are not
   * objects) gets an error, and the rest of the batch is kept: results + errors = input length.
   */
  evaluateMany(communes: readonly unknown[], options: EvaluateOptions): BatchResult {
    if (!Array.isArray(communes)) throw new OptionsError('evaluateMany expects an array of communes');
    const resolved = this.#options(options);
    resolved.plans = new Map();
    const results: EvaluationRecord[] = [];
    const errors: BatchError[] = [];
    for (let index = 0; index < communes.length; index++) {
      let outcome: EvaluationRecord | { issues: CommuneIssue[] };
      try {
        outcome = this.#evaluateOne(communes[index], index, resolved);
      } catch (error) {
        if (!(error instanceof RuleEvaluationError)) throw error;
        errors.push(ruleError(error, index));
        continue;
      }
      if ('issues' in outcome) {
        errors.push({
          index,
          communeId: outcome.issues[0]?.communeId ?? null,
          issues: outcome.issues,
          message: new CommuneValidationError(outcome.issues).message,
        });
      } else results.push(outcome);
    }
    return { results, errors };
  }

  /** The compiled plan (edition chain with overlays) for a level, date and province. */
  plan(level: string, asOf: string, province: string | null, depth = 0): Plan {
    if (depth > MAX_REQUIRES_DEPTH)
      throw new NtmError('requires-too-deep', `'requires' chain deeper than ${MAX_REQUIRES_DEPTH}`);
    const { edition, overlays } = this.registry.resolve(level, asOf, province);
    return this.planFor(edition, overlays, asOf, province, depth);
  }

  /** @internal */
  planFor(
    edition: RegisteredEdition,
    overlays: RegisteredOverlay[],
    asOf: string,
    province: string | null,
    depth = 0,
  ): Plan {
    const requires = edition.data.requires
      ? this.plan(edition.data.requires.level, asOf, province, depth + 1)
      : null;
    const compiledKey = [edition.data.id, ...overlays.map((overlay) => overlay.data.id)].join('+');
    const key = `${compiledKey}>${requires ? this.#keyOf(requires) : ''}`;
    let plan = this.#plans.get(key);
    if (!plan) {
      let compiled = this.#compiled.get(compiledKey);
      if (!compiled) {
        compiled = new CompiledEdition(edition, overlays, this.#measures);
        this.#compiled.set(compiledKey, compiled);
      }
      plan = new Plan(compiled, requires);
      this.#plans.set(key, plan);
    }
    return plan;
  }

  #keyOf(plan: Plan): string {
    const ids = [plan.edition.info.id, ...plan.edition.info.overlays.map((overlay) => overlay.id)].join('+');
    return `${ids}>${plan.requires ? this.#keyOf(plan.requires) : ''}`;
  }

  #options(options: EvaluateOptions): Resolved {
    if (!options || typeof options !== 'object')
      throw new OptionsError('options are required, e.g. { level: "nang-cao" }');
    const parsed = EvaluateOptionsSchema.safeParse(options);
    if (!parsed.success) {
      const lines = parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`,
      );
      throw new OptionsError(`Invalid options: ${lines.join('; ')}`);
    }
    const data = parsed.data;
    if (data.province && !isKnownProvince(data.province))
      throw new OptionsError(`unknown province '${data.province}'`);
    const asOf = data.asOf ?? today();
    // Fails now, for the whole batch, when no edition is in force.
    this.plan(data.level, asOf, data.province ?? null);
    if (data.recognition) this.plan('cong-nhan', asOf, null);
    return {
      asOf,
      year: Number(asOf.slice(0, 4)),
      requireVerified: data.requireVerified ?? false,
      level: data.level,
      recognition: data.recognition ?? false,
      defaultRegion: data.region ?? null,
      defaultProvince: data.province ?? null,
    };
  }

  #evaluateOne(
    input: unknown,
    index: number,
    options: Resolved,
  ): EvaluationRecord | { issues: CommuneIssue[] } {
    let commune = acceptCommune(input, this.#measures, this.#categories, isKnownProvince);
    if (!commune) {
      const validated = validateCommune(input, index, this.#measures, this.#categories, isKnownProvince);
      if (validated.issues) return { issues: validated.issues };
      commune = validated.commune;
    }
    const region = this.#regionOf(commune, index, options);
    if (typeof region !== 'string') return region;
    const province = commune.province ?? options.defaultProvince;
    commune.info = {
      id: commune.id,
      name: commune.name,
      province,
      provinceName: province ? (findProvince(province, options.asOf)?.name ?? null) : null,
      district: commune.district,
    };
    let plan = options.plans?.get(province);
    if (!plan) {
      plan = this.plan(options.level, options.asOf, province);
      options.plans?.set(province, plan);
    }
    const recognition = options.recognition ? this.plan('cong-nhan', options.asOf, null) : null;
    // One step budget for every rule expression this commune's evaluation runs.
    const budget = communeBudget(recognition ? [plan, recognition] : [plan]);
    const record = runPlan(plan, commune, region, options, budget);
    if (recognition) record.recognition = runPlan(recognition, commune, region, options, budget);
    return record;
  }

  #regionOf(commune: ValidCommune, index: number, options: Resolved): Region | { issues: CommuneIssue[] } {
    const issue = (field: string, value: unknown, reason: string) => ({
      issues: [{ index, communeId: commune.id, field, value: show(value), reason }],
    });
    const province = commune.province ?? options.defaultProvince;
    const fromProvince = province ? regionOfProvince(province, options.asOf) : null;
    if (commune.region) {
      if (fromProvince && 'region' in fromProvince && fromProvince.region !== commune.region) {
        const name = findProvince(province as string, options.asOf)?.name ?? province;
        return issue(
          'region',
          commune.region,
          `region ${commune.region} contradicts province ${name}, which is in region ${fromProvince.region}`,
        );
      }
      return commune.region;
    }
    if (fromProvince) {
      if ('region' in fromProvince) return fromProvince.region;
      if (!options.defaultRegion) return issue('province', province, fromProvince.error);
    }
    if (options.defaultRegion) return options.defaultRegion;
    return issue(
      'region',
      null,
      'no region: give the commune a region or a province, or pass options.region',
    );
  }
}

/** A commune whose evaluation a rule expression stopped: its error in the batch, naming the indicator. */
function ruleError(error: RuleEvaluationError, index: number): BatchError {
  return {
    index,
    communeId: error.communeId,
    issues: [
      {
        index,
        communeId: error.communeId,
        field: '',
        value: null,
        reason: error.message,
        reasonVi: error.messageVi,
      },
    ],
    message: error.message,
  };
}
