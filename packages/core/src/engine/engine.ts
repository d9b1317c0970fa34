import * as z from 'zod';
import { findProvince, isKnownProvince, provinceProblem, regionOfProvince } from '../editions/provinces.js';
import {
  type RegisteredEdition,
  type RegisteredOverlay,
  Registry,
  type RulesetInput,
} from '../editions/registry.js';
import { type ResolvedEdition, resolveEdition } from '../editions/resolve.js';
import {
  type CommuneIssue,
  CommuneValidationError,
  EvaluationError,
  NtmError,
  OptionsError,
  RuleEvaluationError,
} from '../errors.js';
import type { EvaluationRecord } from '../result/record.js';
import type { Evaluation, RequiredConfidence } from '../result/types.js';
import {
  COMMUNE_GROUP_NAMES,
  COMMUNE_GROUPS,
  type CommuneGroup,
  confidenceRank,
  IsoDateSchema,
  type LocalizedText,
  type Region,
  RegionSchema,
  SlugSchema,
} from '../schema/common.js';
import type { Edition, Measure } from '../schema/edition.js';
import { today } from '../util/dates.js';
import { execute, type LoadedCommune, type RunContext, type StatusStore } from './execute.js';
import { Chain } from './lower.js';
import { MeasureDictionary } from './measures.js';
import { loadValues, readFields } from './read-commune.js';
import { communeIssues, show } from './validate-commune.js';

export const EvaluateOptionsSchema = z
  .object({
    level: SlugSchema.describe('Tier to assess: ntm, nang-cao, kieu-mau, …'),
    asOf: IsoDateSchema.optional().describe(
      'Assessment date; picks the edition in force and the target year',
    ),
    region: RegionSchema.optional().describe('Region for communes that carry none'),
    province: SlugSchema.optional().describe('Province for communes that carry none (selects its overlay)'),
    rulesets: z
      .array(z.unknown())
      .optional()
      .describe('Extra editions, amendments or overlays; one with the id of a bundled ruleset replaces it'),
    minConfidence: z
      .enum(['official', 'secondary', 'assumed'])
      .optional()
      .describe(
        'Lowest confidence of target that counts; weaker targets make their indicator not evaluable (default assumed)',
      ),
    requireVerified: z.boolean().optional().describe('Same as minConfidence: "official" (for official use)'),
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
  results: Evaluation[];
  errors: BatchError[];
}

/** One measure of the data dictionary, with the editions that read it. */
export interface MeasureInfo {
  key: string;
  measure: Measure;
}

interface Resolved extends RunContext {
  level: string;
  recognition: boolean;
  defaultRegion: Region | null;
  defaultProvince: string | null;
  /** What this call already knows of each province (its chain, region, name). */
  places: Map<string | null, Place>;
  /** Where this call's records keep their statuses. */
  statuses: StatusStore;
}

const MAX_REQUIRES_DEPTH = 8;

/**
 * An engine over a set of rulesets. Create one per set; it caches lowered editions and target tables.
 * Ask it about its rules through its queries (levels, measures, categories, editions in force).
 */
export class Engine {
  readonly #registry: Registry;
  readonly #dictionary: MeasureDictionary;
  readonly #categories: Set<string>;
  readonly #resolved = new Map<string, ResolvedEdition>();
  readonly #chains = new Map<string, Chain>();

  /**
   * @param rulesets editions, amendments and overlays to evaluate with.
   * @param options.base rulesets to start from (e.g. the bundled ones); one with the id of a ruleset in
   *   `rulesets` is replaced by it, so a corrected table takes the place of the one it corrects.
   */
  constructor(rulesets: readonly RulesetInput[] = [], options: { base?: readonly RulesetInput[] } = {}) {
    const given = new Set(rulesets.map(rulesetId).filter((id): id is string => id !== null));
    const base = (options.base ?? []).filter((input) => !given.has(rulesetId(input) ?? ''));
    this.replaced = (options.base ?? [])
      .map(rulesetId)
      .filter((id): id is string => id !== null && given.has(id));
    this.#registry = new Registry([...base, ...rulesets]);
    this.#dictionary = new MeasureDictionary(
      [...this.#registry.measures].map(([key, { measure }]) => [key, measure]),
    );
    this.#categories = new Set(this.#registry.categories.keys());
  }

  /** Evaluates one commune. Throws {@link CommuneValidationError} when its data does not fit the edition. */
  evaluate(commune: unknown, options: EvaluateOptions): Evaluation {
    const resolved = this.#options(options);
    const outcome = this.#evaluateOne(commune, 0, resolved);
    if ('issues' in outcome) {
      const failure = outcome.failure;
      if (failure) throw failure;
      throw new CommuneValidationError(outcome.issues);
    }
    return outcome;
  }

  /**
   * Evaluates a batch. Every valid commune gets a result; every other entry (invalid data, not an object, an
   * object whose getters throw, a rule past its step budget) gets an error, and the rest of the batch is
   * kept: results + errors = input length. Nothing is thrown for one commune.
   */
  evaluateMany(communes: readonly unknown[], options: EvaluateOptions): BatchResult {
    if (!Array.isArray(communes))
      throw new OptionsError({
        vi: 'evaluateMany cần một mảng các xã',
        en: 'evaluateMany expects an array of communes',
      });
    const resolved = this.#options(options);
    const results: Evaluation[] = [];
    const errors: BatchError[] = [];
    for (let index = 0; index < communes.length; index++) {
      const outcome = this.#evaluateOne(communes[index], index, resolved);
      if ('issues' in outcome) {
        errors.push({
          index,
          communeId: outcome.issues[0]?.communeId ?? null,
          issues: outcome.issues,
          message: outcome.failure?.message ?? new CommuneValidationError(outcome.issues).message,
        });
      } else results.push(outcome);
    }
    return { results, errors };
  }

  /** The tiers (levels) any registered edition encodes. */
  levels(): string[] {
    return this.#registry.levels();
  }

  /** Every measure any registered ruleset declares (the data dictionary: CSV headers, JSON keys). */
  measures(): ReadonlyMap<string, Measure> {
    return new Map(this.#dictionary.entries.map((entry) => [entry.key, entry.measure]));
  }

  /** Commune categories any registered edition recognises, with their names. */
  categories(): ReadonlyMap<string, LocalizedText> {
    return new Map(this.#registry.categories);
  }

  /** Ids of base rulesets replaced by given rulesets of the same id. */
  readonly replaced: readonly string[];

  /**
   * The measures a level reads on `asOf` (its edition, the tiers it requires, a province's overlays and,
   * with `recognition`, the recognition conditions), in the order of the editions: the columns of a
   * data-entry template.
   */
  measuresOf(
    level: string,
    options: { asOf?: string; province?: string | null; recognition?: boolean } = {},
  ): MeasureInfo[] {
    const chain = this.chain(
      level,
      options.asOf ?? today(),
      options.province ?? null,
      options.recognition ?? false,
    );
    return chain.entries.map((entry) => ({ key: entry.key, measure: entry.measure }));
  }

  /** The registered national editions (amendments applied) and province overlays. */
  rulesets(): { editions: RegisteredEdition[]; overlays: RegisteredOverlay[] } {
    return { editions: this.#registry.editions(), overlays: this.#registry.overlays() };
  }

  /** One registered edition or overlay by id. */
  ruleset(id: string): RegisteredEdition | RegisteredOverlay | undefined {
    return this.#registry.get(id);
  }

  /** The national edition of `level` in force on `asOf`, with the overlays of `province` that apply to it. */
  resolve(level: string, asOf: string, province: string | null = null): ResolvedEdition {
    const { edition, overlays } = this.#registry.resolve(level, asOf, province);
    return this.resolveEntries(edition, overlays);
  }

  /** @internal An edition with given overlays, resolved (cached). */
  resolveEntries(edition: RegisteredEdition, overlays: readonly RegisteredOverlay[]): ResolvedEdition {
    const key = [edition.data.id, ...overlays.map((overlay) => overlay.data.id)].join('+');
    let resolved = this.#resolved.get(key);
    if (!resolved) {
      resolved = resolveEdition(edition, overlays);
      this.#resolved.set(key, resolved);
    }
    return resolved;
  }

  /** The editions of a chain: `level` in force on `asOf` and every tier it requires. */
  tiersOf(level: string, asOf: string, province: string | null): ResolvedEdition[] {
    const tiers: ResolvedEdition[] = [];
    let next: string | null = level;
    while (next) {
      if (tiers.length > MAX_REQUIRES_DEPTH)
        throw new NtmError('requires-too-deep', `'requires' chain deeper than ${MAX_REQUIRES_DEPTH}`);
      const resolved = this.resolve(next, asOf, province);
      tiers.push(resolved);
      next = resolved.requires;
    }
    return tiers;
  }

  /** @internal The lowered chain for a level, date and province (cached). */
  chain(level: string, asOf: string, province: string | null, recognition = false): Chain {
    return this.chainOf(this.resolve(level, asOf, province), asOf, province, recognition);
  }

  /** @internal The lowered chain of a given edition, with the tiers it requires on `asOf` (cached). */
  chainOf(main: ResolvedEdition, asOf: string, province: string | null, recognition = false): Chain {
    const tiers = [main, ...(main.requires ? this.tiersOf(main.requires, asOf, province) : [])];
    const conditions = recognition ? this.resolve('cong-nhan', asOf, null) : null;
    const key = [...tiers, ...(conditions ? [conditions] : [])]
      .map((tier) => `${tier.info.id}#${tier.info.hash}`)
      .join('>');
    let chain = this.#chains.get(key);
    if (!chain) {
      chain = new Chain(this.#dictionary, tiers, conditions);
      this.#chains.set(key, chain);
    }
    return chain;
  }

  #options(options: EvaluateOptions): Resolved {
    if (!options || typeof options !== 'object')
      throw new OptionsError({
        vi: 'thiếu tùy chọn, ví dụ { level: "nang-cao" }',
        en: 'options are required, e.g. { level: "nang-cao" }',
      });
    const parsed = EvaluateOptionsSchema.safeParse(options);
    if (!parsed.success) {
      const lines = parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`,
      );
      throw new OptionsError({
        vi: `Tùy chọn không hợp lệ: ${lines.join('; ')}`,
        en: `Invalid options: ${lines.join('; ')}`,
      });
    }
    const data = parsed.data;
    const asOf = data.asOf ?? today();
    if (data.province) {
      const problem = provinceProblem(data.province, asOf);
      if (problem) throw new OptionsError(problem);
    }
    // Fails now, for the whole batch, when no edition is in force.
    this.chain(data.level, asOf, data.province ?? null, data.recognition ?? false);
    const minConfidence: RequiredConfidence = data.requireVerified
      ? 'official'
      : (data.minConfidence ?? 'assumed');
    return {
      asOf,
      year: Number(asOf.slice(0, 4)),
      minConfidence,
      minRank: confidenceRank(minConfidence),
      level: data.level,
      recognition: data.recognition ?? false,
      defaultRegion: data.region ?? null,
      defaultProvince: data.province ?? null,
      places: new Map(),
      statuses: { array: new Uint8Array(0), used: 0 },
    };
  }

  /** What a batch knows once per province: the chain to run, and what the province says of region and name. */
  #place(province: string | null, options: Resolved): Place {
    let place = options.places.get(province);
    if (!place) {
      const problem = province ? provinceProblem(province, options.asOf) : null;
      const fromProvince = province && !problem ? regionOfProvince(province, options.asOf) : null;
      place = {
        chain: problem ? null : this.chain(options.level, options.asOf, province, options.recognition),
        problem,
        region: fromProvince && 'region' in fromProvince ? fromProvince.region : null,
        regionProblem: fromProvince && 'message' in fromProvince ? fromProvince.message : null,
        name: province && !problem ? (findProvince(province, options.asOf)?.name ?? null) : null,
      };
      options.places.set(province, place);
    }
    return place;
  }

  #evaluateOne(
    input: unknown,
    index: number,
    options: Resolved,
  ): EvaluationRecord | { issues: CommuneIssue[]; failure?: NtmError } {
    let communeId: string | null = null;
    try {
      const fields = readFields(input, this.#categories, isKnownProvince);
      if (!fields) return { issues: this.#issues(input, index, null) };
      communeId = fields.id;
      const province = fields.province ?? options.defaultProvince;
      const place = this.#place(province, options);
      if (!place.chain)
        return oneIssue(index, fields.id, 'province', province, place.problem as LocalizedText);
      const chain = place.chain;
      const values = loadValues(fields.values, chain);
      if (!values) return { issues: this.#issues(input, index, chain) };
      const region = regionOf(fields.region, province, place, options.defaultRegion, chain.needsRegion);
      if (typeof region === 'object' && region !== null) {
        return oneIssue(index, fields.id, region.field, region.value, region.message);
      }
      if (chain.needsGroup && fields.group === null) {
        return oneIssue(index, fields.id, 'group', null, groupMissing(chain.main.edition.edition));
      }
      const loaded: LoadedCommune = {
        info: {
          id: fields.id,
          name: fields.name,
          province,
          provinceName: place.name,
          district: fields.district,
        },
        values,
        object: fields.values,
        placement: {
          declared: region,
          categories: fields.categories,
          group: fields.group,
          year: options.year,
        },
        budget: chain.budget(),
        statuses: options.statuses,
      };
      const record = execute(chain.main, loaded, options);
      if (chain.recognition) record.recognition = execute(chain.recognition, loaded, options);
      return record;
    } catch (error) {
      // The commune object itself threw (a getter, a Proxy), or a rule ran past its budget: this commune
      // becomes an error; the batch goes on.
      const failure =
        error instanceof NtmError
          ? error
          : new EvaluationError('unreadable-commune', {
              vi: `không đọc được dữ liệu xã: ${String((error as Error)?.message ?? error)}`,
              en: `the commune's data could not be read: ${String((error as Error)?.message ?? error)}`,
            });
      const message =
        failure instanceof EvaluationError
          ? failure.localized
          : failure instanceof RuleEvaluationError
            ? { vi: failure.messageVi, en: failure.message }
            : { vi: failure.message, en: failure.message };
      return {
        issues: [{ index, communeId, field: '', value: '', reason: message.en, reasonVi: message.vi }],
        failure,
      };
    }
  }

  #issues(input: unknown, index: number, chain: Chain | null): CommuneIssue[] {
    const issues = communeIssues(
      input,
      index,
      this.#dictionary,
      this.#categories,
      isKnownProvince,
      chain?.positionOf ?? null,
    );
    if (issues.length > 0) return issues;
    // The fast path refused what the slow path accepts: never report an empty error.
    const message = { vi: 'dữ liệu xã không hợp lệ', en: 'invalid commune data' };
    return [
      { index, communeId: null, field: '', value: show(input), reason: message.en, reasonVi: message.vi },
    ];
  }
}

interface Place {
  chain: Chain | null;
  /** Why the province cannot be used on the date (merged, unknown then). */
  problem: LocalizedText | null;
  region: Region | null;
  /** Why the province gives no single region (a merged province spanning regions). */
  regionProblem: LocalizedText | null;
  name: string | null;
}

function oneIssue(index: number, communeId: string, field: string, value: unknown, message: LocalizedText) {
  return {
    issues: [{ index, communeId, field, value: show(value), reason: message.en, reasonVi: message.vi }],
  };
}

/** The region whose targets the commune uses, or null when no target varies by region (and none is known). */
function regionOf(
  declared: Region | null,
  province: string | null,
  place: Place,
  defaultRegion: Region | null,
  needed: boolean,
): Region | null | { field: string; value: unknown; message: LocalizedText } {
  if (declared) {
    if (place.region && place.region !== declared) {
      const name = place.name ?? province;
      return {
        field: 'region',
        value: declared,
        message: {
          vi: `vùng ${declared} mâu thuẫn với tỉnh ${name}, thuộc vùng ${place.region}`,
          en: `region ${declared} contradicts province ${name}, which is in region ${place.region}`,
        },
      };
    }
    return declared;
  }
  if (place.region) return place.region;
  if (defaultRegion) return defaultRegion;
  if (!needed) return null;
  if (place.regionProblem) return { field: 'province', value: province, message: place.regionProblem };
  return {
    field: 'region',
    value: null,
    message: {
      vi: 'chưa rõ vùng: hãy ghi vùng hoặc tỉnh của xã (hoặc truyền options.region)',
      en: 'no region: give the commune a region or a province, or pass options.region',
    },
  };
}

/** The id of a ruleset given as parsed JSON or as `{ file, ruleset }`, if it has one. */
function rulesetId(input: RulesetInput): string | null {
  const ruleset =
    input && typeof input === 'object' && 'ruleset' in input && 'file' in input
      ? (input as { ruleset: unknown }).ruleset
      : input;
  const id = ruleset && typeof ruleset === 'object' ? (ruleset as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

/** The error a commune without a group gets from an edition whose targets differ by commune group. */
function groupMissing(edition: Edition): LocalizedText {
  const definitions = edition.communeGroups ?? {};
  const lines = COMMUNE_GROUPS.map((group: CommuneGroup) => {
    const definition = definitions[group];
    return {
      vi: `${group} (${COMMUNE_GROUP_NAMES[group].vi})${definition ? `: ${definition.definition.vi}` : ''}`,
      en: `${group} (${COMMUNE_GROUP_NAMES[group].en})${definition ? `: ${definition.definition.en}` : ''}`,
    };
  });
  const document = edition.basis[0]?.number ?? edition.id;
  return {
    vi: `chưa có nhóm xã: mức chỉ tiêu của ${document} khác nhau theo nhóm xã; hãy ghi nhóm (group) của xã, một trong: ${lines.map((l) => l.vi).join('; ')}`,
    en: `no commune group: the targets of ${document} differ by commune group; give the commune's group, one of: ${lines.map((l) => l.en).join('; ')}`,
  };
}
