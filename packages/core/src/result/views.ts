/**
 * Criterion and indicator results as light views over an evaluation record: two fields per object, every
 * other field read from the record when asked. Fields are defined from one table each, with one guard:
 * test tools and loggers may read the getters on a bare copy of the prototype, which then answer undefined.
 */
import type { Confidence } from '../schema/common.js';
import type { CriterionLayout, IndicatorLayout } from './layout.js';
import type { EvaluationRecord } from './record.js';
import { CRITERION_STATUS, INDICATOR_STATUS } from './status.js';
import type { CriterionResult, IndicatorResult } from './types.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

type Readers<T> = { [K in keyof T]: (record: EvaluationRecord, index: number) => T[K] };

/** Defines one getter per reader on `prototype`, each reading through `locate(this)` (or undefined). */
function defineFields<T>(
  prototype: object,
  readers: Readers<T>,
  locate: (view: unknown) => [EvaluationRecord, number] | undefined,
): void {
  for (const [field, read] of Object.entries(readers) as Array<
    [string, (r: EvaluationRecord, i: number) => unknown]
  >) {
    Object.defineProperty(prototype, field, {
      configurable: true,
      enumerable: false,
      get(this: unknown) {
        const at = locate(this);
        return at ? read(at[0], at[1]) : undefined;
      },
    });
  }
}

function layoutOf(record: EvaluationRecord, i: number): IndicatorLayout {
  return record.layout.indicators[i] as IndicatorLayout;
}

function provenanceOf(record: EvaluationRecord, i: number) {
  return record.targetCell(i) ?? layoutOf(record, i).provenance;
}

const INDICATOR_FIELDS: Readers<Omit<IndicatorResult, never>> = {
  id: (r, i) => layoutOf(r, i).id,
  name: (r, i) => layoutOf(r, i).name,
  measure: (r, i) => layoutOf(r, i).measure,
  status: (r, i) => INDICATOR_STATUS[r.statusOf(i)] as IndicatorResult['status'],
  actual: (r, i) => r.actual(i),
  target: (r, i) => r.targetCell(i)?.value ?? null,
  requirement: (r, i) => layoutOf(r, i).requirement,
  comparator: (r, i) => r.targetCell(i)?.comparator ?? layoutOf(r, i).comparator,
  unit: (r, i) => layoutOf(r, i).unit,
  gap: (r, i) => r.gap(i),
  citation: (r, i) => provenanceOf(r, i).citation,
  confidence: (r, i) => provenanceOf(r, i).confidence as Confidence,
  bound: (r, i) => r.targetCell(i)?.bound === true,
  verified: (r, i) => provenanceOf(r, i).confidence === 'official',
  rationale: (r, i) => provenanceOf(r, i).rationale ?? null,
  source: (r, i) => provenanceOf(r, i).source ?? null,
  quote: (r, i) => provenanceOf(r, i).quote ?? null,
  origin: (r, i) => provenanceOf(r, i).origin,
  originRuleset: (r, i) => provenanceOf(r, i).ruleset,
  reason: (r, i) => r.reason(i),
};
const INDICATOR_KEYS = Object.keys(INDICATOR_FIELDS) as Array<keyof IndicatorResult>;

// The fields are getters defined on the prototype from INDICATOR_FIELDS (below).
export interface IndicatorView extends IndicatorResult {}
/** One indicator of one evaluation. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface declares the getters defined below
export class IndicatorView {
  readonly #record: EvaluationRecord;
  readonly #index: number;
  constructor(record: EvaluationRecord, index: number) {
    this.#record = record;
    this.#index = index;
  }
  static locate(view: unknown): [EvaluationRecord, number] | undefined {
    return view instanceof IndicatorView && #record in view ? [view.#record, view.#index] : undefined;
  }
  [INSPECT](): IndicatorResult {
    return this.toJSON();
  }
  toJSON(): IndicatorResult {
    return IndicatorView.locate(this) ? indicatorToJSON(this) : ({ ...this } as IndicatorResult);
  }
}
defineFields(IndicatorView.prototype, INDICATOR_FIELDS, IndicatorView.locate);

/** An indicator result as plain data, fields in the contract's order. */
export function indicatorToJSON(indicator: IndicatorResult): IndicatorResult {
  const json = {} as Record<string, unknown>;
  for (const key of INDICATOR_KEYS) json[key] = indicator[key];
  return json as unknown as IndicatorResult;
}

const CRITERION_FIELDS: Readers<Omit<CriterionResult, 'indicators'>> = {
  id: (r, c) => (r.layout.criteria[c] as CriterionLayout).id,
  name: (r, c) => (r.layout.criteria[c] as CriterionLayout).name,
  group: (r, c) => (r.layout.criteria[c] as CriterionLayout).group,
  status: (r, c) => CRITERION_STATUS[r.criterionStatus(c)] as CriterionResult['status'],
  undecided: (r, c) => r.criterionUndecided(c),
};

// The fields are getters defined on the prototype from CRITERION_FIELDS (below).
export interface CriterionView extends CriterionResult {}
/** One criterion of one evaluation. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface declares the getters defined below
export class CriterionView {
  readonly #record: EvaluationRecord;
  readonly #index: number;
  #indicators: IndicatorResult[] | null = null;
  constructor(record: EvaluationRecord, index: number) {
    this.#record = record;
    this.#index = index;
  }
  static locate(view: unknown): [EvaluationRecord, number] | undefined {
    return view instanceof CriterionView && #record in view ? [view.#record, view.#index] : undefined;
  }
  get indicators(): IndicatorResult[] {
    if (!(#record in this)) return undefined as never;
    if (!this.#indicators) {
      const list = (this.#record.layout.criteria[this.#index] as { indicators: readonly number[] })
        .indicators;
      const views: IndicatorResult[] = new Array(list.length);
      for (let k = 0; k < list.length; k++) views[k] = new IndicatorView(this.#record, list[k] as number);
      this.#indicators = views;
    }
    return this.#indicators;
  }
  [INSPECT](): CriterionResult {
    return this.toJSON();
  }
  toJSON(): CriterionResult {
    return CriterionView.locate(this) ? criterionToJSON(this) : ({ ...this } as CriterionResult);
  }
}
defineFields(CriterionView.prototype, CRITERION_FIELDS, CriterionView.locate);

/** A criterion result as plain data. */
export function criterionToJSON(criterion: CriterionResult): CriterionResult {
  return {
    id: criterion.id,
    name: criterion.name,
    group: criterion.group,
    status: criterion.status,
    undecided: criterion.undecided,
    indicators: criterion.indicators.map(indicatorToJSON),
  };
}
