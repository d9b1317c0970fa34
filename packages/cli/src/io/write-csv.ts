/**
 * CSV writers: results (one row per commune) and problems (errors.csv). UTF-8 with a BOM, so that Excel
 * opens Vietnamese text correctly; comma separated, RFC 4180 quoting.
 */

import { type Evaluation, getEngine, type RulesetInput, tiers as tiersOf } from '@nongthonmoi/core';
import type { Lang } from '../i18n.js';
import type { RowProblem } from './types.js';

const BOM = '\ufeff';

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A leading = + - @ would make a spreadsheet run the cell as a formula: quote it as text.
  const guarded = /^[=+\-@]/.test(text) && !/^-?\d+([.,]\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(guarded) || guarded !== guarded.trim()
    ? `"${guarded.replace(/"/g, '""')}"`
    : guarded;
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return `${BOM}${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** errors.csv: file, row, column, value, reason, commune id. */
export function problemsToCsv(problems: readonly RowProblem[], lang: Lang = 'vi'): string {
  return toCsv([
    ['file', 'row', 'column', 'value', 'reason', 'commune_id'],
    ...problems.map((p) => [
      p.file,
      p.row ?? '',
      p.column,
      p.value,
      lang === 'en' ? p.reason : (p.reasonVi ?? p.reason),
      p.communeId ?? '',
    ]),
  ]);
}

/**
 * The columns of the results CSV beyond the fixed ones: the tiers required by the assessed one (prerequisites
 * first), each with a status and a count of criteria met, then one column per criterion of every tier
 * (`ntm:17`). Known before any commune is evaluated (see {@link resultsCsvLayout}), so that rows can be written
 * as they are evaluated.
 */
export interface ResultsCsvLayout {
  /** The assessed tier. */
  level: string;
  /** The tiers it requires, deepest first. */
  prerequisites: string[];
  /** `level:criterion`, tier by tier (prerequisites first). */
  criteria: string[];
}

/**
 * The layout for evaluations of `level` on `asOf`: its editions' criteria, and those that province overlays in
 * force add (a commune's province may bring one), in a stable order.
 */
export function resultsCsvLayout(options: {
  level: string;
  asOf: string;
  province?: string;
  rulesets?: readonly RulesetInput[];
}): ResultsCsvLayout {
  const engine = getEngine(options.rulesets && options.rulesets.length > 0 ? options.rulesets : undefined);
  const provinces = [
    options.province ?? null,
    ...[...new Set(engine.rulesets().overlays.map((overlay) => overlay.data.jurisdiction.province))].sort(),
  ];
  const levels: string[] = [];
  const criteria: string[] = [];
  const seen = new Set<string>();
  for (const province of provinces) {
    let tiers: ReturnType<typeof engine.tiersOf>;
    try {
      tiers = engine.tiersOf(options.level, options.asOf, province);
    } catch {
      // A province whose overlays are not in force then, or that did not exist: its communes are errors.
      continue;
    }
    for (const tier of [...tiers].reverse()) {
      if (!levels.includes(tier.info.level)) levels.push(tier.info.level);
      for (const criterion of tier.criteria) {
        const key = `${tier.info.level}:${criterion.id}`;
        if (!seen.has(key)) {
          seen.add(key);
          criteria.push(key);
        }
      }
    }
  }
  return { level: options.level, prerequisites: levels.filter((level) => level !== options.level), criteria };
}

/** The layout that fits a set of evaluations (their tiers and criteria, in the order met). */
function layoutOf(evaluations: readonly Evaluation[]): ResultsCsvLayout {
  const criteria: string[] = [];
  const seen = new Set<string>();
  const levels: string[] = [];
  for (const evaluation of evaluations) {
    for (const tier of tiersOf(evaluation)) {
      if (!levels.includes(tier.level)) levels.push(tier.level);
      for (const criterion of tier.criteria) {
        const key = `${tier.level}:${criterion.id}`;
        if (!seen.has(key)) {
          seen.add(key);
          criteria.push(key);
        }
      }
    }
  }
  return {
    level: evaluations[0]?.level ?? '',
    prerequisites: levels.filter((level) => evaluations.some((e) => e.level !== level)),
    criteria,
  };
}

/** The header row of the results CSV (with the BOM and the line ending). */
export function resultsCsvHeader(layout: ResultsCsvLayout): string {
  return `${BOM}${[
    'id',
    'name',
    'province',
    'district',
    'row',
    'level',
    'as_of',
    'region',
    'status',
    'criteria_met',
    'criteria_total',
    'indicators_met',
    'indicators_total',
    ...layout.prerequisites.flatMap((level) => [`${level}_status`, `${level}_criteria_met`]),
    ...layout.criteria,
    'unmet_indicators',
    'not_judged_indicators',
    'unverified_targets',
    'ruleset',
  ]
    .map(csvCell)
    .join(',')}\r\n`;
}

/** One commune's row of the results CSV. */
function resultCells(layout: ResultsCsvLayout, evaluation: Evaluation, row: number | undefined): unknown[] {
  const tiers = tiersOf(evaluation);
  const byLevel = new Map(tiers.map((tier) => [tier.level, tier]));
  const statuses = new Map<string, string>();
  const unmet: string[] = [];
  const notJudged: string[] = [];
  for (const tier of tiers) {
    for (const criterion of tier.criteria) {
      statuses.set(`${tier.level}:${criterion.id}`, criterion.status);
      for (const indicator of criterion.indicators) {
        const id = `${tier.level}:${indicator.id}`;
        if (indicator.status === 'not-met') unmet.push(id);
        else if (indicator.status === 'missing' || indicator.status === 'not-evaluable') notJudged.push(id);
      }
    }
  }
  return [
    evaluation.commune.id,
    evaluation.commune.name,
    evaluation.commune.province ?? '',
    evaluation.commune.district ?? '',
    row ?? '',
    evaluation.level,
    evaluation.asOf,
    evaluation.region,
    evaluation.status,
    evaluation.counts.criteriaMet,
    evaluation.counts.criteriaTotal,
    evaluation.counts.indicatorsMet,
    evaluation.counts.indicatorsTotal,
    ...layout.prerequisites.flatMap((level): unknown[] => {
      const tier = byLevel.get(level);
      return tier ? [tier.status, tier.counts.criteriaMet] : ['', ''];
    }),
    ...layout.criteria.map((key) => statuses.get(key) ?? ''),
    unmet.join(' '),
    notJudged.join(' '),
    evaluation.counts.unverifiedTargets,
    [evaluation.ruleset.id, ...evaluation.ruleset.overlays.map((overlay) => overlay.id)].join(' + '),
  ];
}

/** Rows of the results CSV, each with its line ending (empty for no evaluation). */
export function resultsCsvRows(
  layout: ResultsCsvLayout,
  evaluations: readonly Evaluation[],
  rows?: readonly number[],
): string {
  let text = '';
  for (let i = 0; i < evaluations.length; i++) {
    text += `${resultCells(layout, evaluations[i] as Evaluation, rows?.[i])
      .map(csvCell)
      .join(',')}\r\n`;
  }
  return text;
}

/**
 * Results, one row per commune: id, name, province, district, row, level, status, criteria met/total,
 * then for each tier (prerequisites first) its status and one column per criterion (`ntm:17` = met,
 * not-met or incomplete), then the indicators not met and those that could not be judged.
 */
export function evaluationsToCsv(evaluations: readonly Evaluation[], rows?: readonly number[]): string {
  const layout = layoutOf(evaluations);
  return resultsCsvHeader(layout) + resultsCsvRows(layout, evaluations, rows);
}
