import { OptionsError } from '../errors.js';
import { isRecord } from '../result/is-record.js';
import { CRITERION_STATUS } from '../result/status.js';
import type { CriterionStatus, Evaluation, RulesetInfo, TierStatus } from '../result/types.js';
import type { LocalizedText } from '../schema/common.js';
import { type GapItem, gapItems } from './gaps.js';

export type { GapItem };

export interface CommuneRow {
  id: string;
  name: string;
  status: TierStatus;
  criteriaMet: number;
  criteriaTotal: number;
  /** Status of each criterion of the assessed tier, by criterion id. */
  criteria: Record<string, CriterionStatus>;
  prerequisites: Array<{ level: string; status: TierStatus; criteriaMet: number; criteriaTotal: number }>;
  /** Indicators not met, in the assessed tier and its prerequisites. */
  unmet: GapItem[];
  /** Indicators that could not be judged (missing data or unknown target). */
  missing: GapItem[];
  /** Why the commune's tier is incomplete (null when met or not met). */
  undecided: Evaluation['undecided'];
}

export interface CriterionColumn {
  id: string;
  name: LocalizedText;
  met: number;
  notMet: number;
  incomplete: number;
  /** Communes assessed on this criterion. */
  total: number;
  communesNotMet: string[];
  communesIncomplete: string[];
}

/** The district view for a progress-review meeting. */
export interface DistrictSummary {
  /** The assessed tier (null when the evaluations mix tiers). */
  level: string | null;
  asOf: string | null;
  rulesets: RulesetInfo[];
  totals: { communes: number; met: number; notMet: number; incomplete: number; averageCriteriaMet: number };
  /** One column per criterion, in the edition's order. */
  criteria: CriterionColumn[];
  /** Criteria holding communes back (not met or incomplete), most communes first. */
  blockers: Array<{ id: string; name: LocalizedText; communes: number; notMet: number; incomplete: number }>;
  /** One row per commune, in input order. */
  communes: CommuneRow[];
}

function isEvaluation(value: unknown): value is Evaluation {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as Evaluation).status === 'string' &&
    typeof (value as Evaluation).commune === 'object' &&
    Array.isArray((value as Evaluation).prerequisites)
  );
}

/** One row of the matrix; its criteria and gap lists are built on first read (a dashboard may never read them). */
class Row implements CommuneRow {
  readonly id: string;
  readonly name: string;
  readonly status: TierStatus;
  readonly criteriaMet: number;
  readonly criteriaTotal: number;
  readonly prerequisites: CommuneRow['prerequisites'];
  readonly #evaluation: Evaluation;
  #criteria: Record<string, CriterionStatus> | null = null;
  #unmet: GapItem[] | null = null;
  #missing: GapItem[] | null = null;

  constructor(evaluation: Evaluation) {
    this.id = evaluation.commune.id;
    this.name = evaluation.commune.name;
    this.status = evaluation.status;
    this.criteriaMet = evaluation.counts.criteriaMet;
    this.criteriaTotal = evaluation.counts.criteriaTotal;
    this.prerequisites = evaluation.prerequisites.map((prerequisite) => ({
      level: prerequisite.level,
      status: prerequisite.status,
      criteriaMet: prerequisite.counts.criteriaMet,
      criteriaTotal: prerequisite.counts.criteriaTotal,
    }));
    this.#evaluation = evaluation;
  }

  get criteria(): Record<string, CriterionStatus> {
    if (!(#evaluation in this)) return undefined as never;
    if (!this.#criteria) {
      const criteria: Record<string, CriterionStatus> = {};
      eachCriterion(this.#evaluation, (id, _name, status) => {
        criteria[id] = status;
      });
      this.#criteria = criteria;
    }
    return this.#criteria;
  }

  get unmet(): GapItem[] {
    if (!(#evaluation in this)) return undefined as never;
    this.#gaps();
    return this.#unmet as GapItem[];
  }

  get missing(): GapItem[] {
    if (!(#evaluation in this)) return undefined as never;
    this.#gaps();
    return this.#missing as GapItem[];
  }

  get undecided(): Evaluation['undecided'] {
    return #evaluation in this ? (this.#evaluation.undecided ?? null) : (undefined as never);
  }

  #gaps(): void {
    if (this.#unmet) return;
    const { unmet, undecided } = gapItems(this.#evaluation);
    this.#unmet = unmet;
    this.#missing = undecided;
  }

  toJSON(): CommuneRow {
    if (!(#evaluation in this)) return { ...(this as object) } as CommuneRow;
    return {
      id: this.id,
      name: this.name,
      status: this.status,
      criteriaMet: this.criteriaMet,
      criteriaTotal: this.criteriaTotal,
      criteria: this.criteria,
      prerequisites: this.prerequisites,
      unmet: this.unmet,
      missing: this.missing,
      undecided: this.undecided,
    };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): CommuneRow {
    return this.toJSON();
  }
}

/** Calls `visit` for each criterion of the assessed tier, in the edition's order, without building objects. */
function eachCriterion(
  evaluation: Evaluation,
  visit: (id: string, name: LocalizedText, status: CriterionStatus) => void,
): void {
  if (isRecord(evaluation)) {
    const criteria = evaluation.layout.criteria;
    for (let c = 0; c < criteria.length; c++) {
      const criterion = criteria[c] as (typeof criteria)[number];
      visit(criterion.id, criterion.name, CRITERION_STATUS[evaluation.criterionStatus(c)] as CriterionStatus);
    }
    return;
  }
  for (const criterion of evaluation.criteria) visit(criterion.id, criterion.name, criterion.status);
}

/**
 * Builds the communes × criteria view of a batch of evaluations: how many communes meet each criterion,
 * which criteria hold most communes back, and each commune's remaining gaps (built when first read).
 */
export function summarize(evaluations: readonly Evaluation[]): DistrictSummary {
  if (!Array.isArray(evaluations as unknown))
    throw new OptionsError('summarize expects an array of evaluations');
  const columns = new Map<string, CriterionColumn>();
  const rulesets = new Map<string, RulesetInfo>();
  const levels = new Set<string>();
  const dates = new Set<string>();
  const totals = { communes: 0, met: 0, notMet: 0, incomplete: 0, averageCriteriaMet: 0 };
  const communes: CommuneRow[] = [];
  let criteriaMetSum = 0;
  let lastRuleset: RulesetInfo | null = null;
  for (let index = 0; index < evaluations.length; index++) {
    const evaluation = evaluations[index];
    if (!isEvaluation(evaluation)) throw new OptionsError(`summarize: item ${index} is not an evaluation`);
    levels.add(evaluation.level);
    dates.add(evaluation.asOf);
    if (evaluation.ruleset !== lastRuleset) {
      rulesets.set(evaluation.ruleset.hash, evaluation.ruleset);
      lastRuleset = evaluation.ruleset;
    }
    const row = new Row(evaluation);
    eachCriterion(evaluation, (id, name, status) => {
      let column = columns.get(id);
      if (!column) {
        column = {
          id,
          name,
          met: 0,
          notMet: 0,
          incomplete: 0,
          total: 0,
          communesNotMet: [],
          communesIncomplete: [],
        };
        columns.set(id, column);
      }
      column.total++;
      if (status === 'met') column.met++;
      else if (status === 'not-met') {
        column.notMet++;
        column.communesNotMet.push(row.id);
      } else {
        column.incomplete++;
        column.communesIncomplete.push(row.id);
      }
    });
    totals.communes++;
    if (evaluation.status === 'met') totals.met++;
    else if (evaluation.status === 'not-met') totals.notMet++;
    else totals.incomplete++;
    criteriaMetSum += row.criteriaMet;
    communes.push(row);
  }
  totals.averageCriteriaMet =
    totals.communes === 0 ? 0 : Math.round((criteriaMetSum / totals.communes) * 100) / 100;
  const criteria = [...columns.values()];
  const blockers = criteria
    .map((column) => ({
      id: column.id,
      name: column.name,
      communes: column.notMet + column.incomplete,
      notMet: column.notMet,
      incomplete: column.incomplete,
    }))
    .filter((blocker) => blocker.communes > 0)
    .sort((a, b) => b.communes - a.communes || b.notMet - a.notMet);
  return {
    level: levels.size === 1 ? ([...levels][0] as string) : null,
    asOf: dates.size === 1 ? ([...dates][0] as string) : null,
    rulesets: [...rulesets.values()],
    totals,
    criteria,
    blockers,
    communes,
  };
}
