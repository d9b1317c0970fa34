/**
 * CSV writers: results (one row per commune) and problems (errors.csv). UTF-8 with a BOM, so that Excel
 * opens Vietnamese text correctly; comma separated, RFC 4180 quoting.
 */

import { type Evaluation, tiers as tiersOf } from '@nongthonmoi/core';
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
 * Results, one row per commune: id, name, province, district, row, level, status, criteria met/total,
 * then for each tier (prerequisites first) its status and one column per criterion (`ntm:17` = met,
 * not-met or incomplete), then the indicators not met and those that could not be judged.
 */
export function evaluationsToCsv(evaluations: readonly Evaluation[], rows?: readonly number[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  const tierLevels: string[] = [];
  for (const evaluation of evaluations) {
    for (const tier of tiersOf(evaluation)) {
      if (!tierLevels.includes(tier.level)) tierLevels.push(tier.level);
      for (const criterion of tier.criteria) {
        const key = `${tier.level}:${criterion.id}`;
        if (!seen.has(key)) {
          seen.add(key);
          columns.push(key);
        }
      }
    }
  }
  const header = [
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
    ...tierLevels
      .filter((level) => evaluations.some((e) => e.level !== level))
      .flatMap((level) => [`${level}_status`, `${level}_criteria_met`]),
    ...columns,
    'unmet_indicators',
    'not_judged_indicators',
    'unverified_targets',
    'ruleset',
  ];
  const prerequisiteLevels = header
    .filter((name) => name.endsWith('_status') && name !== 'status')
    .map((name) => name.slice(0, -'_status'.length));
  const body = evaluations.map((evaluation, index) => {
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
      rows?.[index] ?? '',
      evaluation.level,
      evaluation.asOf,
      evaluation.region,
      evaluation.status,
      evaluation.counts.criteriaMet,
      evaluation.counts.criteriaTotal,
      evaluation.counts.indicatorsMet,
      evaluation.counts.indicatorsTotal,
      ...prerequisiteLevels.flatMap((level): unknown[] => {
        const tier = byLevel.get(level);
        return tier ? [tier.status, tier.counts.criteriaMet] : ['', ''];
      }),
      ...columns.map((key) => statuses.get(key) ?? ''),
      unmet.join(' '),
      notJudged.join(' '),
      evaluation.counts.unverifiedTargets,
      [evaluation.ruleset.id, ...evaluation.ruleset.overlays.map((overlay) => overlay.id)].join(' + '),
    ];
  });
  return toCsv([header, ...body]);
}
