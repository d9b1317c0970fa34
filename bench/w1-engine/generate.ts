// Seeded, reproducible synthetic communes for W1. Every value is drawn around the thresholds of the rules
// (all tiers, the commune's own region), so the data holds a realistic mix of met, unmet and missing values:
// each commune has a "progress" level (its chance of meeting each threshold) and a data-quality level (its
// chance of leaving a value blank). Missing values are written as `null` (most) or left out (some).
import { REGIONS, type Region } from '@nongthonmoi/core';
import type { BenchRules } from './rules.js';

export interface BenchCommune {
  id: string;
  name: string;
  region: Region;
  district: string;
  categories?: string[];
  values: Record<string, number | boolean | null>;
}

/** mulberry32: small, fast, good enough for synthetic data; the same seed gives the same communes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Share of the country's communes per region (roughly), so the dataset is not uniform over regions. */
const REGION_WEIGHTS: Record<Region, number> = {
  tdmnpb: 0.24,
  dbsh: 0.19,
  btb: 0.16,
  dhntb: 0.09,
  tn: 0.07,
  dnb: 0.06,
  dbscl: 0.19,
};

interface NumericSpec {
  kind: 'number';
  min: number;
  hi: number;
  step: number;
  /** Thresholds met from above (>=, >), ascending, with strictness. */
  above: Array<{ t: number; strict: boolean }>;
  /** Thresholds met from below (<=, <), ascending. */
  below: Array<{ t: number; strict: boolean }>;
}
interface BooleanSpec {
  kind: 'boolean';
  /** The value that meets the threshold(s), or null when nothing tests it directly. */
  wanted: boolean | null;
}
type Spec = NumericSpec | BooleanSpec;

interface Leaf {
  measure: string;
  op: string;
  value: number | boolean;
}

/** Comparisons `{op: [{var: x}, constant]}` and bare `{var: x}` tests inside an expression. */
function leavesOf(expression: unknown, out: Leaf[] = []): Leaf[] {
  if (Array.isArray(expression)) {
    for (const item of expression) leavesOf(item, out);
    return out;
  }
  if (!expression || typeof expression !== 'object') return out;
  const [op = '', args] = Object.entries(expression)[0] ?? [];
  if (op === 'var' && typeof args === 'string') out.push({ measure: args, op: 'truthy', value: true });
  else if (Array.isArray(args) && args.length === 2) {
    const [a, b] = args;
    const name = a && typeof a === 'object' && 'var' in a ? (a as { var: unknown }).var : undefined;
    if (typeof name === 'string' && (typeof b === 'number' || typeof b === 'boolean'))
      out.push({ measure: name, op, value: b });
    else leavesOf(args, out);
  } else leavesOf(args, out);
  return out;
}

/** Distinct thresholds of one direction, ascending (two tiers often share a value, e.g. income 36). */
function thresholds(
  leaves: Leaf[],
  inclusive: string,
  strict: string,
): Array<{ t: number; strict: boolean }> {
  const byValue = new Map<number, boolean>();
  for (const leaf of leaves) {
    if (leaf.op !== inclusive && leaf.op !== strict) continue;
    const t = leaf.value as number;
    byValue.set(t, (byValue.get(t) ?? false) || leaf.op === strict);
  }
  return [...byValue].map(([t, isStrict]) => ({ t, strict: isStrict })).sort((x, y) => x.t - y.t);
}

function specsFor(rules: BenchRules, region: Region): Map<string, Spec> {
  const leaves: Leaf[] = [];
  for (const indicator of rules.all) {
    if (indicator.applicableIf !== null) leavesOf(indicator.applicableIf, leaves);
    if (indicator.logic !== null) leavesOf(indicator.logic, leaves);
    const target = indicator.targets?.[region].value;
    if (indicator.measure && indicator.comparator && target !== null && target !== undefined)
      leaves.push({ measure: indicator.measure, op: indicator.comparator, value: target });
  }
  const specs = new Map<string, Spec>();
  for (const [key, measure] of Object.entries(rules.measures)) {
    const mine = leaves.filter((leaf) => leaf.measure === key);
    if (measure.type === 'boolean') {
      const wanted = mine.find((leaf) => leaf.op === '==' || leaf.op === '===');
      specs.set(key, { kind: 'boolean', wanted: wanted ? (wanted.value as boolean) : null });
      continue;
    }
    if (measure.type === 'enum') throw new Error(`bench: enum measure ${key} is not generated`);
    const numbers = mine.filter((leaf) => typeof leaf.value === 'number');
    const above = thresholds(numbers, '>=', '>');
    const below = thresholds(numbers, '<=', '<');
    const min = measure.min ?? 0;
    const largest = Math.max(0, ...numbers.map((leaf) => leaf.value as number));
    const hi =
      measure.max ??
      (measure.type === 'percent' ? 100 : measure.type === 'count' ? largest * 2 + 2 : largest * 1.8 || 10);
    const integer = measure.type === 'count' || (measure.type === 'number' && hi <= 10);
    specs.set(key, { kind: 'number', min, hi, step: integer ? 1 : 0.1, above, below });
  }
  return specs;
}

function roundTo(value: number, step: number): number {
  return step === 1 ? Math.round(value) : Math.round(value * 10) / 10;
}

/** A value on the measure's grid in [lo, hi], or in [lo, hi) when `open`. */
function between(random: () => number, lo: number, hi: number, step: number, open: boolean): number {
  const first = Math.ceil(lo / step - 1e-9);
  let last = Math.floor(hi / step + 1e-9);
  if (open && Math.abs(last * step - hi) < 1e-9) last--;
  if (last < first) return roundTo(lo, step);
  return roundTo((first + Math.floor(random() * (last - first + 1))) * step, step);
}

function drawNumber(random: () => number, spec: NumericSpec, meet: boolean): number {
  const { min, hi, step, above, below } = spec;
  if (above.length > 0 && below.length === 0) {
    const top = above[above.length - 1] as { t: number; strict: boolean };
    if (meet) return between(random, top.strict ? top.t + step : top.t, Math.max(hi, top.t), step, false);
    // Short of the highest threshold: pick one of the bands below it (it may still meet lower ones).
    const band = Math.floor(random() * above.length);
    const upper = above[band] as { t: number; strict: boolean };
    const lower = band === 0 ? min : (above[band - 1] as { t: number }).t;
    return between(random, lower, upper.t, step, !upper.strict);
  }
  if (below.length > 0 && above.length === 0) {
    const bottom = below[0] as { t: number; strict: boolean };
    if (meet) return between(random, min, bottom.strict ? bottom.t - step : bottom.t, step, false);
    const band = Math.floor(random() * below.length);
    const lower = below[band] as { t: number; strict: boolean };
    const upper = band === below.length - 1 ? Math.max(hi, lower.t) : (below[band + 1] as { t: number }).t;
    return between(random, lower.strict ? lower.t : lower.t + step, upper, step, false);
  }
  // Tested both ways (e.g. "more than 3 schools" / "3 or fewer"), or not at all: anywhere in range.
  return between(random, min, hi, step, false);
}

export interface GenerateOptions {
  communes: number;
  seed: number;
}

/** `options.communes` synthetic communes, the same for the same seed and rules. */
export function generateCommunes(rules: BenchRules, options: GenerateOptions): BenchCommune[] {
  const random = prng(options.seed);
  const specs = new Map(REGIONS.map((region) => [region, specsFor(rules, region)]));
  const keys = Object.keys(rules.measures);
  const category = rules.regionRules[0]?.categories[0];
  const cumulative: Array<[Region, number]> = [];
  let sum = 0;
  for (const region of REGIONS) {
    sum += REGION_WEIGHTS[region];
    cumulative.push([region, sum]);
  }
  const communes: BenchCommune[] = [];
  for (let n = 0; n < options.communes; n++) {
    const pick = random() * sum;
    const region = (cumulative.find(([, edge]) => pick < edge) ?? cumulative[cumulative.length - 1])?.[0];
    const commune: BenchCommune = {
      id: String(100000 + n),
      name: `Xã thử nghiệm ${n + 1}`,
      region: region as Region,
      district: `Huyện ${(n % 97) + 1}`,
      values: {},
    };
    // 3 % are extremely disadvantaged communes (their targets follow another region's, 318 Art. 1).
    if (category && random() < 0.03) commune.categories = [category];
    // Progress (chance of meeting each threshold): most communes are recognised NTM by now, so 35 % are
    // nearly there, 45 % on the way, 20 % far behind.
    const band = random();
    const progress =
      band < 0.35 ? 0.97 + 0.03 * random() : band < 0.8 ? 0.75 + 0.22 * random() : 0.4 + 0.35 * random();
    // Data quality: most reports are nearly complete, some patchy, a few mostly empty.
    const quality = random();
    const blank = quality < 0.7 ? 0.01 : quality < 0.95 ? 0.06 : 0.35;
    const regionSpecs = specs.get(commune.region) as Map<string, Spec>;
    for (const key of keys) {
      if (random() < blank) {
        if (random() < 0.7) commune.values[key] = null; // else: left out
        continue;
      }
      const spec = regionSpecs.get(key) as Spec;
      const meet = random() < progress;
      if (spec.kind === 'boolean')
        commune.values[key] = spec.wanted === null ? random() < 0.3 : meet ? spec.wanted : !spec.wanted;
      else commune.values[key] = drawNumber(random, spec, meet);
    }
    communes.push(commune);
  }
  return communes;
}
