/**
 * The data dictionary of an engine (every measure of every registered ruleset) as arrays indexed by slot,
 * with the checks each value must pass. The hot path checks values by slot; the slow path
 * (validate-commune.ts) uses the same rules to say what is wrong.
 */
import type { LocalizedText } from '../schema/common.js';
import type { Measure } from '../schema/edition.js';

export const KIND_NUMBER = 0;
export const KIND_COUNT = 1;
export const KIND_BOOLEAN = 2;
export const KIND_ENUM = 3;
export const KIND_ENUM_LIST = 4;

export interface MeasureEntry {
  key: string;
  slot: number;
  measure: Measure;
  kind: number;
  min: number;
  max: number;
  allowed: ReadonlySet<string> | null;
}

export class MeasureDictionary {
  readonly entries: MeasureEntry[] = [];
  readonly #byKey = new Map<string, MeasureEntry>();

  constructor(measures: Iterable<[string, Measure]>) {
    for (const [key, measure] of measures) {
      const numericMin =
        measure.type === 'percent' || measure.type === 'count' || measure.type === 'money' ? 0 : -Infinity;
      const entry: MeasureEntry = {
        key,
        slot: this.entries.length,
        measure,
        kind:
          measure.type === 'boolean'
            ? KIND_BOOLEAN
            : measure.type === 'enum'
              ? measure.multiple
                ? KIND_ENUM_LIST
                : KIND_ENUM
              : measure.type === 'count'
                ? KIND_COUNT
                : KIND_NUMBER,
        min: measure.min ?? numericMin,
        max: measure.max ?? (measure.type === 'percent' ? 100 : Infinity),
        allowed: measure.values ? new Set(measure.values.map((item) => item.id)) : null,
      };
      this.entries.push(entry);
      this.#byKey.set(key, entry);
    }
  }

  get(key: string): MeasureEntry | undefined {
    return this.#byKey.get(key);
  }

  get keys(): string[] {
    return this.entries.map((entry) => entry.key);
  }
}

/** True when `value` fits the measure (the rules `problemOf` explains). */
export function accepts(entry: MeasureEntry, value: unknown): boolean {
  switch (entry.kind) {
    case KIND_NUMBER:
      return typeof value === 'number' && value >= entry.min && value <= entry.max;
    case KIND_COUNT:
      return typeof value === 'number' && Number.isInteger(value) && value >= entry.min && value <= entry.max;
    case KIND_BOOLEAN:
      return typeof value === 'boolean';
    case KIND_ENUM:
      return typeof value === 'string' && (entry.allowed as ReadonlySet<string>).has(value);
    default:
      return problemOf(entry, value) === null;
  }
}

function describe(value: unknown): LocalizedText {
  if (value === null) return { vi: 'null', en: 'null' };
  if (Array.isArray(value)) return { vi: 'một danh sách', en: 'a list' };
  if (typeof value === 'string') {
    const text = JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
    return { vi: `chữ ${text}`, en: `the text ${text}` };
  }
  if (typeof value === 'number') return { vi: String(value), en: String(value) };
  const kinds: Record<string, string> = {
    boolean: 'đúng/sai',
    object: 'một đối tượng',
    undefined: 'undefined',
  };
  return { vi: kinds[typeof value] ?? typeof value, en: `a ${typeof value}` };
}

const fmt = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? '∞' : '−∞');

/** Why `value` does not fit the measure, in both languages, or null when it fits. */
export function problemOf(entry: MeasureEntry, value: unknown): LocalizedText | null {
  const got = describe(value);
  switch (entry.kind) {
    case KIND_BOOLEAN:
      if (typeof value === 'boolean') return null;
      return {
        vi: `cần đúng hoặc sai (có/không), nhận được ${got.vi}${typeof value === 'string' ? ': lõi không tự chuyển chữ; CLI đọc "Có"/"Không"' : ''}`,
        en: `expected true or false (yes/no), got ${got.en}${typeof value === 'string' ? ': text is not converted by the engine; the CLI reads "Có"/"Không"' : ''}`,
      };
    case KIND_ENUM:
    case KIND_ENUM_LIST: {
      const allowed = entry.allowed as ReadonlySet<string>;
      const list = [...allowed].join(', ');
      const one = (item: unknown): LocalizedText | null =>
        typeof item === 'string' && allowed.has(item)
          ? null
          : {
              vi: `cần một trong ${list}, nhận được ${describe(item).vi}`,
              en: `expected one of ${list}, got ${describe(item).en}`,
            };
      if (entry.kind === KIND_ENUM) return one(value);
      if (!Array.isArray(value))
        return {
          vi: `cần một danh sách các giá trị trong ${list}, nhận được ${got.vi}`,
          en: `expected a list of values among ${list}, got ${got.en}`,
        };
      if (value.length > allowed.size)
        return {
          vi: `danh sách có ${value.length} mục, nhiều hơn ${allowed.size} giá trị cho phép`,
          en: `the list has ${value.length} entries, more than the ${allowed.size} allowed values`,
        };
      for (const item of value) {
        const problem = one(item);
        if (problem) return problem;
      }
      if (new Set(value).size !== value.length)
        return { vi: 'danh sách lặp lại một giá trị', en: 'the list repeats a value' };
      return null;
    }
    default: {
      const unit = entry.measure.type === 'percent' ? ' %' : '';
      if (typeof value !== 'number') {
        const hint = typeof value === 'string';
        return {
          vi: `cần một số, nhận được ${got.vi}${hint ? ': lõi không tự chuyển chữ như "85,5" hay "85%" thành số; hãy chuyển khi đọc tệp' : ''}`,
          en: `expected a number, got ${got.en}${hint ? ': text such as "85,5" or "85%" is not converted by the engine; convert it when reading the file' : ''}`,
        };
      }
      if (!Number.isFinite(value))
        return { vi: `cần một số hữu hạn, nhận được ${value}`, en: `expected a finite number, got ${value}` };
      if (entry.kind === KIND_COUNT && !Number.isInteger(value))
        return { vi: `cần một số nguyên, nhận được ${value}`, en: `expected a whole number, got ${value}` };
      if (value < entry.min)
        return {
          vi: `${value}${unit} nhỏ hơn giá trị hợp lệ nhỏ nhất ${fmt(entry.min)}${unit} của ${entry.key}`,
          en: `${value}${unit} is below the smallest valid value ${fmt(entry.min)}${unit} of ${entry.key}`,
        };
      if (value > entry.max)
        return {
          vi: `${value}${unit} lớn hơn giá trị hợp lệ lớn nhất ${fmt(entry.max)}${unit} của ${entry.key}`,
          en: `${value}${unit} is above the largest valid value ${fmt(entry.max)}${unit} of ${entry.key}`,
        };
      return null;
    }
  }
}
