/**
 * A JSON-logic expression was refused, or failed while evaluated. `path` points inside the expression, e.g.
 * `and[1].>=[0]`; `reason` says why in English and `reasonVi` in Vietnamese (the CLI shows it by default).
 */
export class LogicError extends Error {
  override name = 'LogicError';
  readonly path: string;
  readonly reason: string;
  readonly reasonVi: string;
  constructor(path: string, reason: string, reasonVi: string = reason) {
    super(path ? `${reason} (at ${path})` : reason);
    this.path = path;
    this.reason = reason;
    this.reasonVi = reasonVi;
  }
}

/** Which static bound of an expression was too large. */
export type CostMeasure = 'steps' | 'elements' | 'characters';

/**
 * Refused when compiled: the static upper bound of the expression's cost exceeds a limit of
 * {@link LogicLimits}. `path` points at the operation that makes it too costly.
 */
export class LogicCostError extends LogicError {
  override name = 'LogicCostError';
  readonly measure: CostMeasure;
  /** The bound found (a lower estimate of it when `exact` is false: the analysis stopped early). */
  readonly bound: number;
  readonly exact: boolean;
  readonly limit: number;
  /**
   * `operator` names the operation at `path` ('' for the whole expression, '[]' for an array literal).
   */
  constructor(
    path: string,
    operator: string,
    measure: CostMeasure,
    bound: number,
    limit: number,
    exact: boolean,
  ) {
    const en = describeBound(bound, exact, 'en');
    const vi = describeBound(bound, exact, 'vi');
    const limitEn = formatNumber(limit, 'en');
    const limitVi = formatNumber(limit, 'vi');
    const [subject, subjectVi] =
      operator === ''
        ? ['this expression', 'biểu thức này']
        : operator === '[]'
          ? ['this array', 'mảng này']
          : [`'${operator}' here`, `'${operator}' ở đây`];
    const [reason, reasonVi] =
      measure === 'steps'
        ? [
            `${subject} may need ${en} steps per evaluation (limit ${limitEn}): make the lists it goes through shorter or nest fewer loops`,
            `${subjectVi} có thể cần ${vi} bước tính mỗi lần đánh giá (giới hạn ${limitVi}): hãy rút ngắn danh sách được duyệt hoặc bớt vòng lặp lồng nhau`,
          ]
        : measure === 'elements'
          ? [
              `${subject} may build a list of ${en} elements (limit ${limitEn})`,
              `${subjectVi} có thể tạo danh sách ${vi} phần tử (giới hạn ${limitVi})`,
            ]
          : [
              `${subject} may build a text of ${en} characters (limit ${limitEn})`,
              `${subjectVi} có thể tạo chuỗi ${vi} ký tự (giới hạn ${limitVi})`,
            ];
    super(path, reason, reasonVi);
    this.measure = measure;
    this.bound = bound;
    this.exact = exact;
    this.limit = limit;
  }
}

/**
 * Evaluation stopped: the expression used up its step budget ({@link LogicBudget}). The second line of
 * defence behind the static bound; `path` is the operation that was running.
 */
export class LogicBudgetError extends LogicError {
  override name = 'LogicBudgetError';
  readonly code = 'logic-budget-exceeded';
  /** The budget that ran out, in steps. */
  readonly limit: number;
  constructor(path: string, limit: number) {
    super(
      path,
      `evaluation stopped: it needed more than its budget of ${formatNumber(limit, 'en')} steps`,
      `đã dừng tính: biểu thức cần nhiều hơn hạn mức ${formatNumber(limit, 'vi')} bước tính`,
    );
    this.limit = limit;
  }
}

const FORMATS = {
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }),
};

/** 1,234,567 (en) or 1.234.567 (vi). */
export function formatNumber(value: number, lang: 'en' | 'vi'): string {
  return FORMATS[lang].format(value);
}

/** "up to 1,234" or "more than 10^30" (an inexact bound, or one too large to write out). */
function describeBound(bound: number, exact: boolean, lang: 'en' | 'vi'): string {
  const huge = !(bound < 1e15);
  const prefix = exact && !huge ? (lang === 'en' ? 'up to' : 'tới') : lang === 'en' ? 'more than' : 'hơn';
  const value = huge
    ? `10^${Number.isFinite(bound) ? Math.floor(Math.log10(bound)) : 308}`
    : formatNumber(bound, lang);
  return `${prefix} ${value}`;
}
