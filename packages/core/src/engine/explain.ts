/**
 * Explains a composite (logic) test that is not met: which of its parts failed, with the commune's value and
 * what was required, e.g. "Tỷ lệ huy động trẻ 6 tuổi vào lớp 1: 80 % / cần ≥ 98 %; Phổ cập mầm non: Không".
 * Parts are the operands of a top-level `and` (nested `and` flattened); a part that compares one measure with a
 * literal is described in words, any other part as "điều kiện thứ N".
 */
import { ruleLogic } from '../editions/rule-logic.js';
import { truthy } from '../logic/truthy.js';
import type { LocalizedText } from '../schema/common.js';
import type { Measure } from '../schema/edition.js';

const COMPARISONS: Record<string, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '==': '=',
  '===': '=',
  '!=': '≠',
  '!==': '≠',
};
const FLIPPED: Record<string, string> = {
  '>=': '<=',
  '>': '<',
  '<=': '>=',
  '<': '>',
  '==': '==',
  '===': '===',
  '!=': '!=',
  '!==': '!==',
};

interface Part {
  test: (values: Record<string, unknown>) => unknown;
  describe: (values: Record<string, unknown>) => LocalizedText;
}

function isVar(node: unknown): node is { var: string } {
  return (
    !!node &&
    typeof node === 'object' &&
    !Array.isArray(node) &&
    typeof (node as { var?: unknown }).var === 'string'
  );
}

function format(value: unknown, measure: Measure | undefined, lang: 'vi' | 'en'): string {
  if (value === undefined || value === null) return lang === 'vi' ? 'chưa có' : 'missing';
  if (typeof value === 'boolean')
    return value ? (lang === 'vi' ? 'Có' : 'Yes') : lang === 'vi' ? 'Không' : 'No';
  if (typeof value === 'number') {
    const text = lang === 'vi' ? String(value).replace('.', ',') : String(value);
    const unit = measure?.unit?.[lang] ?? (measure?.type === 'percent' ? '%' : '');
    return unit ? `${text} ${unit}` : text;
  }
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function flatten(node: unknown): unknown[] {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const keys = Object.keys(node);
    if (keys.length === 1 && keys[0] === 'and') {
      const args = (node as { and: unknown }).and;
      return (Array.isArray(args) ? args : [args]).flatMap(flatten);
    }
  }
  return [node];
}

function partOf(node: unknown, n: number, measureOf: (key: string) => Measure | undefined): Part {
  const compiled = ruleLogic.compile(node);
  const test = (values: Record<string, unknown>) => compiled(values);
  const label = (key: string, lang: 'vi' | 'en') => measureOf(key)?.label[lang] ?? key;
  if (isVar(node)) {
    const key = node.var;
    return {
      test,
      describe: (v) => ({
        vi: `${label(key, 'vi')}: ${format(v[key], measureOf(key), 'vi')} / cần Có`,
        en: `${label(key, 'en')}: ${format(v[key], measureOf(key), 'en')} / needs Yes`,
      }),
    };
  }
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const [op] = Object.keys(node);
    const args = (node as Record<string, unknown>)[op as string];
    if (
      (op === '!!' || op === '!') &&
      (isVar(args) || (Array.isArray(args) && args.length === 1 && isVar(args[0])))
    ) {
      const key = (isVar(args) ? args : ((args as Array<{ var: string }>)[0] as { var: string })).var;
      const want = op === '!!' ? { vi: 'Có', en: 'Yes' } : { vi: 'Không', en: 'No' };
      return {
        test,
        describe: (v) => ({
          vi: `${label(key, 'vi')}: ${format(v[key], measureOf(key), 'vi')} / cần ${want.vi}`,
          en: `${label(key, 'en')}: ${format(v[key], measureOf(key), 'en')} / needs ${want.en}`,
        }),
      };
    }
    if (op && COMPARISONS[op] && Array.isArray(args) && args.length === 2) {
      const [left, right] = args;
      const flip = !isVar(left) && isVar(right);
      const variable = (flip ? right : left) as unknown;
      const literal = flip ? left : right;
      if (isVar(variable) && (typeof literal === 'number' || typeof literal === 'boolean')) {
        const key = variable.var;
        const symbol = COMPARISONS[flip ? (FLIPPED[op] as string) : op] as string;
        const measure = measureOf(key);
        return {
          test,
          describe: (v) => ({
            vi: `${label(key, 'vi')}: ${format(v[key], measure, 'vi')} / cần ${typeof literal === 'boolean' && symbol === '=' ? '' : `${symbol} `}${format(literal, measure, 'vi')}`,
            en: `${label(key, 'en')}: ${format(v[key], measure, 'en')} / needs ${typeof literal === 'boolean' && symbol === '=' ? '' : `${symbol} `}${format(literal, measure, 'en')}`,
          }),
        };
      }
    }
  }
  return {
    test,
    describe: () => ({ vi: `điều kiện thứ ${n} chưa thỏa mãn`, en: `condition ${n} is not met` }),
  };
}

/** Builds the explanation of one composite test: given the commune's values, the parts that fail, in words. */
export function explainer(
  logic: unknown,
  measureOf: (key: string) => Measure | undefined,
): (values: Record<string, unknown>) => LocalizedText | null {
  const parts = flatten(logic).map((node, i) => partOf(node, i + 1, measureOf));
  return (values) => {
    const failed = parts.filter((part) => !truthy(part.test(values))).map((part) => part.describe(values));
    if (failed.length === 0) return null;
    return { vi: failed.map((f) => f.vi).join('; '), en: failed.map((f) => f.en).join('; ') };
  };
}
