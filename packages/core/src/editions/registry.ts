import { EditionNotFoundError, RulesetError, type RulesetIssue } from '../errors.js';
import {
  COMMUNE_GROUPS,
  type CommuneGroup,
  type LocalizedText,
  REGIONS,
  type Region,
} from '../schema/common.js';
import type {
  Amendment,
  Comparator,
  Criterion,
  Edition,
  Indicator,
  Measure,
  Overlay,
  Target,
} from '../schema/edition.js';
import { canonicalJson } from '../util/canonical-json.js';
import { formatPeriod, inPeriod, periodsOverlap } from '../util/dates.js';
import { sha256Hex } from '../util/sha256.js';
import { type ParsedRuleset, parseRuleset } from './parse.js';
import { isKnownProvince } from './provinces.js';
import {
  allowedProvinceOps,
  isAtLeastAsStrict,
  isDerived,
  isGroupTable,
  lookupTarget,
  type TargetProvenance,
  targetYears,
} from './targets.js';

export interface RegisteredEdition {
  kind: 'edition';
  /** Full edition (an amendment is stored already applied to the edition it amends). */
  data: Edition;
  file: string;
  /** Id of the edition this one amends, if it is an amendment. */
  amends: string | null;
  hash: string;
}

export interface RegisteredOverlay {
  kind: 'overlay';
  data: Overlay;
  file: string;
  extends: readonly string[];
  hash: string;
}

/** A ruleset handed to the registry: the parsed JSON, optionally with the file name used in errors. */
export type RulesetInput = unknown | { file: string; ruleset: unknown };

function unwrap(input: RulesetInput): { file: string | undefined; ruleset: unknown } {
  if (
    input &&
    typeof input === 'object' &&
    Object.keys(input).length === 2 &&
    typeof (input as { file?: unknown }).file === 'string' &&
    'ruleset' in input
  ) {
    return input as { file: string; ruleset: unknown };
  }
  return { file: undefined, ruleset: input };
}

/**
 * Every edition, amendment and overlay known to one engine, validated together: ids unique, periods of one
 * level and jurisdiction disjoint, `requires` acyclic, overlays only tighten, measures consistent.
 */
export class Registry {
  readonly #editions = new Map<string, RegisteredEdition>();
  readonly #overlays = new Map<string, RegisteredOverlay>();
  /** The data dictionary of all editions: one definition per measure key. */
  readonly measures = new Map<string, { measure: Measure; file: string }>();
  /** Commune categories any edition recognises. */
  readonly categories = new Map<string, LocalizedText>();

  constructor(inputs: readonly RulesetInput[] = []) {
    this.add(inputs);
  }

  /** Validates and registers rulesets; all or nothing. Throws {@link RulesetError} listing every problem. */
  add(inputs: readonly RulesetInput[]): void {
    const issues: RulesetIssue[] = [];
    const parsed: ParsedRuleset[] = [];
    for (const input of inputs) {
      const { file, ruleset } = unwrap(input);
      try {
        parsed.push(parseRuleset(ruleset, file));
      } catch (error) {
        if (error instanceof RulesetError) issues.push(...error.issues);
        else throw error;
      }
    }
    if (issues.length > 0) throw new RulesetError(issues);

    // Work on copies so that a refused batch leaves the registry as it was.
    const editions = new Map(this.#editions);
    const overlays = new Map(this.#overlays);
    const add = (file: string, path: string, reason: string) => issues.push({ file, path, reason });
    const ids = new Set([...editions.keys(), ...overlays.keys()]);
    for (const item of parsed) {
      if (ids.has(item.data.id))
        add(item.file, 'id', `an edition with id '${item.data.id}' is already registered`);
      ids.add(item.data.id);
    }
    for (const item of parsed) {
      if (item.kind === 'edition') {
        editions.set(item.data.id, {
          kind: 'edition',
          data: item.data,
          file: item.file,
          amends: null,
          hash: sha256Hex(canonicalJson(item.data)),
        });
      }
    }
    // Amendments may amend amendments: apply them as their bases become available.
    let pending = parsed.filter((item) => item.kind === 'amendment');
    while (pending.length > 0) {
      const next = pending.filter((item) => !editions.has((item.data as Amendment).amends));
      for (const item of pending) {
        const amendment = item.data as Amendment;
        const base = editions.get(amendment.amends);
        if (!base) continue;
        const data = applyAmendment(base.data, amendment, item.file, add);
        editions.set(amendment.id, {
          kind: 'edition',
          data,
          file: item.file,
          amends: amendment.amends,
          hash: sha256Hex(canonicalJson(data)),
        });
      }
      if (next.length === pending.length) {
        for (const item of next) {
          add(item.file, 'amends', `amends '${(item.data as Amendment).amends}', which is not registered`);
        }
        break;
      }
      pending = next;
    }
    for (const item of parsed) {
      if (item.kind !== 'overlay') continue;
      const overlay = item.data;
      const named = typeof overlay.extends === 'string' ? [overlay.extends] : overlay.extends;
      // A province decision stays in force when the national edition it tightens is amended: it applies to
      // the amended edition too (and is checked against it).
      const targets = withAmendments(named, editions);
      checkOverlay(overlay, item.file, targets, editions, add);
      checkCoverage(overlay, item.file, targets, editions, add);
      overlays.set(overlay.id, {
        kind: 'overlay',
        data: overlay,
        file: item.file,
        extends: targets,
        hash: sha256Hex(canonicalJson(overlay)),
      });
    }
    checkPeriods(editions, overlays, add);
    checkRequires(editions, add);
    const measures = new Map(this.measures);
    const categories = new Map(this.categories);
    for (const entry of [...editions.values(), ...overlays.values()]) {
      for (const [key, measure] of Object.entries(entry.data.measures)) {
        const known = measures.get(key);
        if (!known) measures.set(key, { measure, file: entry.file });
        else if (known.measure.type !== measure.type || !!known.measure.multiple !== !!measure.multiple) {
          add(
            entry.file,
            `measures.${key}`,
            `measure '${key}' is a ${measure.type} here but a ${known.measure.type} in ${known.file}`,
          );
        }
      }
      for (const [key, label] of Object.entries(entry.data.categories ?? {})) categories.set(key, label);
    }
    if (issues.length > 0) throw new RulesetError(issues);
    for (const [id, entry] of editions) this.#editions.set(id, entry);
    for (const [id, entry] of overlays) this.#overlays.set(id, entry);
    for (const [key, value] of measures) this.measures.set(key, value);
    for (const [key, value] of categories) this.categories.set(key, value);
  }

  editions(): RegisteredEdition[] {
    return [...this.#editions.values()];
  }

  overlays(): RegisteredOverlay[] {
    return [...this.#overlays.values()];
  }

  get(id: string): RegisteredEdition | RegisteredOverlay | undefined {
    return this.#editions.get(id) ?? this.#overlays.get(id);
  }

  levels(): string[] {
    return [...new Set(this.editions().map((entry) => entry.data.level))].sort();
  }

  /** The national edition of `level` in force on `asOf`, with the overlays of `province` that apply to it. */
  resolve(
    level: string,
    asOf: string,
    province?: string | null,
  ): { edition: RegisteredEdition; overlays: RegisteredOverlay[] } {
    const all = this.editions();
    const ofLevel = all.filter((entry) => entry.data.level === level);
    const edition = ofLevel.find((entry) => inPeriod(asOf, entry.data.effective));
    if (!edition) throw new EditionNotFoundError(this.#notFoundMessage(level, asOf, ofLevel, all));
    const overlays = province
      ? this.overlays().filter(
          (entry) =>
            entry.data.jurisdiction.province === province &&
            entry.extends.includes(edition.data.id) &&
            inPeriod(asOf, entry.data.effective),
        )
      : [];
    return { edition, overlays };
  }

  #notFoundMessage(
    level: string,
    asOf: string,
    ofLevel: RegisteredEdition[],
    all: RegisteredEdition[],
  ): LocalizedText {
    const vi: string[] = [];
    const en: string[] = [];
    const viDate = (iso: string) => iso.split('-').reverse().join('/');
    const inForce = all.filter((entry) => inPeriod(asOf, entry.data.effective));
    const levelsToday = [...new Map(inForce.map((entry) => [entry.data.level, entry.data.name])).entries()];
    if (ofLevel.length === 0) {
      vi.push(`Không có cấp '${level}'. Các cấp đã mã hóa: ${this.levels().join(', ')}.`);
      en.push(`Unknown level '${level}'. Known levels: ${this.levels().join(', ')}.`);
    } else {
      const periods = ofLevel.map((entry) => ({
        id: entry.data.id,
        document: entry.data.basis[0]?.number ?? '',
        from: entry.data.effective.from,
        to: entry.data.effective.to ?? null,
      }));
      vi.push(
        `Ngày ${viDate(asOf)} không có bộ tiêu chí cấp '${level}' nào có hiệu lực. Cấp này có hiệu lực: ${periods
          .map((p) => `${viDate(p.from)} – ${p.to ? viDate(p.to) : 'nay'} (${p.document})`)
          .join('; ')}.`,
      );
      en.push(
        `No edition of level '${level}' is in force on ${asOf}. Editions of this level: ${periods
          .map((p) => `${p.id} (${p.document}): ${formatPeriod({ from: p.from, to: p.to })}`)
          .join('; ')}.`,
      );
    }
    if (levelsToday.length > 0) {
      vi.push(
        `Các cấp có hiệu lực ngày ${viDate(asOf)}: ${levelsToday.map(([id, name]) => `${id} (${name.vi})`).join(', ')}.`,
      );
      en.push(
        `Levels in force on ${asOf}: ${levelsToday.map(([id, name]) => `${id} (${name.en})`).join(', ')}.`,
      );
    }
    const frameworks = new Map<string, Edition>();
    for (const entry of inForce)
      if (entry.data.framework) frameworks.set(entry.data.framework.id, entry.data);
    for (const data of frameworks.values()) {
      const framework = data.framework as NonNullable<Edition['framework']>;
      vi.push(
        `Bộ tiêu chí đang có hiệu lực là ${data.basis[0]?.number} (${framework.name.vi}), gồm: ${framework.levels
          .map((item) => `${item.level} (${item.name.vi}${item.encoded ? '' : ', chưa mã hóa'})`)
          .join(', ')}.`,
      );
      en.push(
        `On ${asOf} the criteria in force are those of ${data.basis[0]?.number} (${framework.name.en}), whose levels are: ${framework.levels
          .map((item) => `${item.level} (${item.name.en}${item.encoded ? '' : ', not yet encoded'})`)
          .join(', ')}.`,
      );
      if (framework.note) {
        vi.push(framework.note.vi);
        en.push(framework.note.en);
      }
    }
    return { vi: vi.join('\n'), en: en.join('\n') };
  }
}

function applyAmendment(
  base: Edition,
  amendment: Amendment,
  file: string,
  add: (file: string, path: string, reason: string) => void,
): Edition {
  if (amendment.level !== base.level) {
    add(file, 'level', `an amendment keeps the level of the edition it amends ('${base.level}')`);
  }
  const overrides = new Map(
    (amendment.targets ?? []).map((override, i) => [override.indicator, { override, i }]),
  );
  const criteria: Criterion[] = base.criteria.map((criterion) => ({
    ...criterion,
    indicators: criterion.indicators.map((indicator): Indicator => {
      const found = overrides.get(indicator.id);
      if (!found) return indicator;
      overrides.delete(indicator.id);
      if (!('measure' in indicator.test)) {
        add(
          file,
          `targets[${found.i}].indicator`,
          `indicator ${indicator.id} has a logic test, not a target`,
        );
        return indicator;
      }
      const { override } = found;
      const defaults = amendment.defaults ?? {};
      const replaced: Indicator = {
        ...indicator,
        test: { ...indicator.test, target: override.target },
        citation: override.citation ?? defaults.citation ?? indicator.citation,
        confidence: override.confidence ?? defaults.confidence ?? 'unknown',
      };
      // The amendment's provenance replaces the old one as a whole: nothing of the old value's sources stays.
      delete replaced.source;
      delete replaced.quote;
      delete replaced.rationale;
      const source = override.source ?? defaults.source;
      const quote = override.quote ?? defaults.quote;
      const rationale = override.rationale ?? defaults.rationale;
      if (source) replaced.source = source;
      if (quote) replaced.quote = quote;
      if (rationale) replaced.rationale = rationale;
      return replaced;
    }),
  }));
  for (const { override, i } of overrides.values()) {
    add(file, `targets[${i}].indicator`, `indicator '${override.indicator}' does not exist in ${base.id}`);
  }
  const { amends: _amends, targets: _targets, defaults: _defaults, ...identity } = amendment;
  return {
    ...base,
    ...identity,
    measures: { ...base.measures, ...amendment.measures },
    categories: { ...base.categories, ...amendment.categories },
    regionRules: amendment.regionRules ?? base.regionRules,
    framework: amendment.framework ?? base.framework,
    coverage: amendment.coverage ?? base.coverage,
    requires: base.requires,
    groups: base.groups,
    criteria: JSON.parse(JSON.stringify(criteria)),
  } as Edition;
}

function checkOverlay(
  overlay: Overlay,
  file: string,
  targets: readonly string[],
  editions: Map<string, RegisteredEdition>,
  add: (file: string, path: string, reason: string) => void,
): void {
  if (!isKnownProvince(overlay.jurisdiction.province)) {
    add(file, 'jurisdiction.province', `unknown province '${overlay.jurisdiction.province}'`);
  }
  for (const id of targets) {
    const base = editions.get(id);
    if (!base) {
      add(file, 'extends', `extends '${id}', which is not a registered national edition`);
      continue;
    }
    const national = base.data;
    if (national.level !== overlay.level) {
      add(
        file,
        'level',
        `level '${overlay.level}' differs from the extended edition's level '${national.level}'`,
      );
    }
    const indicators = new Map<string, Indicator>();
    for (const criterion of national.criteria)
      for (const indicator of criterion.indicators) indicators.set(indicator.id, indicator);
    const measures = { ...national.measures, ...overlay.measures };
    (overlay.targets ?? []).forEach((override, i) => {
      const path = `targets[${i}]`;
      const indicator = indicators.get(override.indicator);
      if (!indicator) {
        add(file, `${path}.indicator`, `indicator '${override.indicator}' does not exist in ${id}`);
        return;
      }
      if (!('measure' in indicator.test)) {
        add(
          file,
          `${path}.indicator`,
          `indicator ${indicator.id} has a logic test in ${id}: it has no target to raise`,
        );
        return;
      }
      checkTightens(indicator, override, `${path}.target`, id, file, add);
    });
    const criterionIds = new Set(national.criteria.map((criterion) => criterion.id));
    for (const criterion of overlay.criteria ?? []) {
      if (criterionIds.has(criterion.id)) {
        add(
          file,
          'criteria',
          `criterion '${criterion.id}' already exists in ${id}: add indicators to it instead`,
        );
      }
    }
    const groups = new Set([...national.groups, ...(overlay.groups ?? [])].map((group) => group.id));
    (overlay.criteria ?? []).forEach((criterion, i) => {
      if (!groups.has(criterion.group))
        add(file, `criteria[${i}].group`, `unknown group '${criterion.group}'`);
    });
    const allCriteria = new Set([
      ...criterionIds,
      ...(overlay.criteria ?? []).map((criterion) => criterion.id),
    ]);
    const added = [
      ...(overlay.indicators ?? []),
      ...(overlay.criteria ?? []).flatMap((criterion) => criterion.indicators),
    ];
    (overlay.indicators ?? []).forEach((indicator, i) => {
      if (!allCriteria.has(indicator.criterion)) {
        add(
          file,
          `indicators[${i}].criterion`,
          `criterion '${indicator.criterion}' does not exist in ${id} or this overlay`,
        );
      }
    });
    for (const indicator of added) {
      if (indicators.has(indicator.id)) {
        add(
          file,
          'indicators',
          `indicator '${indicator.id}' already exists in ${id}: raise its target in targets instead`,
        );
      }
      if ('measure' in indicator.test && !Object.hasOwn(measures, indicator.test.measure)) {
        add(
          file,
          'indicators',
          `indicator ${indicator.id}: measure '${indicator.test.measure}' is not declared`,
        );
      }
    }
  }
}

function checkTightens(
  indicator: Indicator,
  override: NonNullable<Overlay['targets']>[number],
  path: string,
  nationalId: string,
  file: string,
  add: (file: string, path: string, reason: string) => void,
): void {
  const test = indicator.test as { measure: string; op: Comparator; target: Target };
  const provinceOp = override.op ?? test.op;
  if (!allowedProvinceOps(test.op).includes(provinceOp)) {
    add(
      file,
      path.replace(/\.target$/, '.op'),
      `indicator ${indicator.id}: the comparator ${provinceOp} is not a tightening of the national ${test.op} (allowed: ${allowedProvinceOps(test.op).join(', ')})`,
    );
    return;
  }
  // Derived targets are compared at evaluation time instead: the stricter of the two applies.
  if (isDerived(test.target) || isDerived(override.target as Target)) return;
  const provenance: TargetProvenance = {
    confidence: 'unknown',
    citation: indicator.citation,
    origin: 'national',
    ruleset: nationalId,
  };
  const years = [...new Set([...targetYears(test.target), ...targetYears(override.target as Target)])];
  const keys: Array<{ region: Region | null; group: CommuneGroup | null; where: string }> = [];
  if (isGroupTable(test.target) || isGroupTable(override.target)) {
    for (const group of COMMUNE_GROUPS) keys.push({ region: null, group, where: group });
  } else {
    for (const region of REGIONS) keys.push({ region, group: null, where: `region ${region}` });
  }
  for (const key of keys) {
    for (const year of years.length > 0 ? years : [0]) {
      const at = { region: key.region, group: key.group, year };
      const national = lookupTarget(test.target, at, provenance);
      const province = lookupTarget(override.target as Target, at, provenance);
      if (!national || !province || province.absent || national.value === null) continue;
      const where = `${key.where}${years.length > 0 ? `, year ${year}` : ''}`;
      if (province.value === null) {
        add(
          file,
          path,
          `indicator ${indicator.id} (${where}): the province leaves the target empty where ${nationalId} sets ${test.op} ${national.value}`,
        );
      } else if (!isAtLeastAsStrict(provinceOp, province.value, test.op, national.value)) {
        add(
          file,
          path,
          `indicator ${indicator.id} (${where}): the province target ${provinceOp} ${province.value} is looser than the national target ${test.op} ${national.value} of ${nationalId}; an overlay may only raise targets`,
        );
      }
    }
  }
}

/** The editions named, and every edition built (directly or not) by amending one of them. */
function withAmendments(named: readonly string[], editions: Map<string, RegisteredEdition>): string[] {
  const ids = [...named];
  for (let k = 0; k < ids.length; k++) {
    for (const entry of editions.values()) {
      if (entry.amends === ids[k] && !ids.includes(entry.data.id)) ids.push(entry.data.id);
    }
  }
  return ids;
}

function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * An overlay must apply on every day it claims to be in force: a day on which none of the editions it
 * extends is in force would make it silently drop out of evaluations. Such days are a validation error.
 */
function checkCoverage(
  overlay: Overlay,
  file: string,
  targets: readonly string[],
  editions: Map<string, RegisteredEdition>,
  add: (file: string, path: string, reason: string) => void,
): void {
  const periods = targets
    .map((id) => editions.get(id)?.data.effective)
    .filter((period): period is NonNullable<typeof period> => !!period)
    .map((period) => ({ from: period.from, to: period.to ?? '9999-12-31' }))
    .sort((a, b) => a.from.localeCompare(b.from));
  if (periods.length === 0) return;
  const gaps: string[] = [];
  let day = overlay.effective.from;
  const end = overlay.effective.to ?? '9999-12-31';
  for (const period of periods) {
    if (day > end) break;
    if (period.to < day) continue;
    if (period.from > day) gaps.push(`${day} – ${period.from < end ? prevDay(period.from) : end}`);
    if (period.to >= day) day = period.to === '9999-12-31' ? '9999-12-31' : nextDay(period.to);
  }
  if (day <= end && day !== '9999-12-31') gaps.push(`${day} – ${overlay.effective.to ?? 'open'}`);
  if (gaps.length > 0) {
    add(
      file,
      'effective',
      `the overlay claims to be in force on days when none of the editions it extends (${targets.join(', ')}) is: ${gaps.join(', ')}. It would not apply then; end it earlier (effective.to) or extend the edition in force on those days`,
    );
  }
}

function prevDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function checkPeriods(
  editions: Map<string, RegisteredEdition>,
  overlays: Map<string, RegisteredOverlay>,
  add: (file: string, path: string, reason: string) => void,
): void {
  const list = [...editions.values()];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i] as RegisteredEdition;
      const b = list[j] as RegisteredEdition;
      if (a.data.level === b.data.level && periodsOverlap(a.data.effective, b.data.effective)) {
        add(
          b.file,
          'effective',
          `${b.data.id} (${formatPeriod(b.data.effective)}) overlaps ${a.data.id} (${formatPeriod(a.data.effective)}) for level '${a.data.level}': only one national edition may be in force on a day`,
        );
      }
    }
  }
  const overlayList = [...overlays.values()];
  for (let i = 0; i < overlayList.length; i++) {
    for (let j = i + 1; j < overlayList.length; j++) {
      const a = overlayList[i] as RegisteredOverlay;
      const b = overlayList[j] as RegisteredOverlay;
      if (
        a.data.jurisdiction.province === b.data.jurisdiction.province &&
        a.data.level === b.data.level &&
        a.extends.some((id) => b.extends.includes(id)) &&
        periodsOverlap(a.data.effective, b.data.effective)
      ) {
        add(
          b.file,
          'effective',
          `${b.data.id} overlaps ${a.data.id} for the same province, level and edition`,
        );
      }
    }
  }
}

function checkRequires(
  editions: Map<string, RegisteredEdition>,
  add: (file: string, path: string, reason: string) => void,
): void {
  const graph = new Map<string, Set<string>>();
  for (const entry of editions.values()) {
    const required = entry.data.requires?.level;
    if (!required) continue;
    const set = graph.get(entry.data.level) ?? new Set<string>();
    set.add(required);
    graph.set(entry.data.level, set);
  }
  for (const entry of editions.values()) {
    const start = entry.data.level;
    const stack = [...(graph.get(start) ?? [])];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const level = stack.pop() as string;
      if (level === start) {
        add(entry.file, 'requires', `level '${start}' requires itself through a chain of 'requires' (cycle)`);
        break;
      }
      if (seen.has(level)) continue;
      seen.add(level);
      stack.push(...(graph.get(level) ?? []));
    }
  }
}
