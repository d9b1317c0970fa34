// The dashboard tally the competitors build from pass/fail per indicator: the status of every criterion and
// tier (core's rules: one indicator not met decides, else one missing or not evaluable makes it incomplete;
// a prerequisite tier counts like a criterion), per-criterion columns and national totals. The same code
// serves json-logic-js, json-rules-engine and the hand-written pass/fail loop, so their work is equal.

import type { BenchRules } from './rules.js';
import { MET, NOT_APPLICABLE, NOT_MET } from './rules.js';

export const TIER_MET = 0;
export const TIER_NOT_MET = 1;
export const TIER_INCOMPLETE = 2;
export const TIER_STATUS_NAMES = ['met', 'not-met', 'incomplete'] as const;

/** What a competitor keeps per commune: its statuses and the tier statuses. */
export interface PassFailRow {
  id: string;
  /** Status of every indicator of every tier (`BenchRules.all` order). */
  statuses: Uint8Array;
  /** Status of each tier (prerequisites first), the assessed one last. */
  tiers: Uint8Array;
  /** Criteria met in the assessed tier. */
  criteriaMet: number;
}

export interface Column {
  level: string;
  id: string;
  met: number;
  notMet: number;
  incomplete: number;
}

export interface PassFailDashboard {
  totals: { communes: number; met: number; notMet: number; incomplete: number; averageCriteriaMet: number };
  columns: Column[];
  rows: PassFailRow[];
}

export class Tally {
  readonly #rules: BenchRules;
  readonly columns: Column[] = [];
  readonly rows: PassFailRow[] = [];
  readonly totals = { communes: 0, met: 0, notMet: 0, incomplete: 0, averageCriteriaMet: 0 };
  #criteriaMetSum = 0;

  constructor(rules: BenchRules) {
    this.#rules = rules;
    for (const tier of rules.tiers)
      for (const criterion of tier.criteria)
        this.columns.push({ level: tier.level, id: criterion.id, met: 0, notMet: 0, incomplete: 0 });
  }

  /** Adds one commune; `statuses` is kept (the caller gives a fresh array per commune). */
  add(id: string, statuses: Uint8Array): PassFailRow {
    const tiers = this.#rules.tiers;
    const tierStatuses = new Uint8Array(tiers.length);
    let column = 0;
    let previous = TIER_MET;
    let criteriaMet = 0;
    for (let t = 0; t < tiers.length; t++) {
      const tier = tiers[t] as BenchRules['tiers'][number];
      let anyNotMet = previous === TIER_NOT_MET;
      let anyIncomplete = previous === TIER_INCOMPLETE;
      criteriaMet = 0;
      for (const criterion of tier.criteria) {
        let notMet = false;
        let incomplete = false;
        for (const i of criterion.indicators) {
          const status = statuses[tier.offset + i];
          if (status === MET || status === NOT_APPLICABLE) continue;
          if (status === NOT_MET) notMet = true;
          else incomplete = true;
        }
        const col = this.columns[column++] as Column;
        if (notMet) {
          col.notMet++;
          anyNotMet = true;
        } else if (incomplete) {
          col.incomplete++;
          anyIncomplete = true;
        } else {
          col.met++;
          criteriaMet++;
        }
      }
      previous = anyNotMet ? TIER_NOT_MET : anyIncomplete ? TIER_INCOMPLETE : TIER_MET;
      tierStatuses[t] = previous;
    }
    this.totals.communes++;
    if (previous === TIER_MET) this.totals.met++;
    else if (previous === TIER_NOT_MET) this.totals.notMet++;
    else this.totals.incomplete++;
    this.#criteriaMetSum += criteriaMet;
    const row: PassFailRow = { id, statuses, tiers: tierStatuses, criteriaMet };
    this.rows.push(row);
    return row;
  }

  finish(): PassFailDashboard {
    const n = this.totals.communes;
    this.totals.averageCriteriaMet = n === 0 ? 0 : Math.round((this.#criteriaMetSum / n) * 100) / 100;
    return { totals: this.totals, columns: this.columns, rows: this.rows };
  }
}
