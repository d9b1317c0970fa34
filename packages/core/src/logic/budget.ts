import { LogicBudgetError } from './errors.js';

/**
 * The steps an evaluation may still take: the runtime line of defence behind the compiler's static bound.
 * A compiled expression called without one gets a fresh budget of `limits.maxRuntimeSteps`; pass the same
 * budget to several expressions (e.g. every expression of one commune's evaluation) to bound them together.
 *
 * What a step is: see {@link LogicLimits.maxSteps}. The count is deterministic: the same expression and data
 * always use the same number of steps, so a budget error is reproducible, never a matter of machine load.
 */
export class LogicBudget {
  /** The steps this budget started with. */
  readonly limit: number;
  /** Steps left; negative once exceeded. */
  remaining: number;

  constructor(steps: number) {
    if (!(steps >= 0)) throw new RangeError(`a step budget must be a number ≥ 0, got ${steps}`);
    this.limit = steps;
    this.remaining = steps;
  }

  /** Steps used so far. */
  get used(): number {
    return this.limit - this.remaining;
  }
}

/** Takes `steps` from the budget; throws {@link LogicBudgetError} naming `path` when it runs out. */
export function spend(budget: LogicBudget, steps: number, path: string): void {
  budget.remaining -= steps;
  if (budget.remaining < 0) throw new LogicBudgetError(path, budget.limit);
}

/** Characters read or written per step (copying text is far cheaper than running an operation). */
export const CHARS_PER_STEP = 16;
const CHAR_SHIFT = 4; // log2(CHARS_PER_STEP)

/**
 * Charges for reading a value's content, as operators that compare, convert or join their arguments do: a
 * string costs one step per 16 characters, an array one step per element at every depth (plus its strings).
 * Numbers, booleans, null and plain objects (converted as "[object Object]") cost nothing beyond the operation.
 * Arrays are walked with a budget check per element, so a value shared a billion times over (built by
 * nesting one list in itself) stops the walk instead of hanging it.
 */
export function spendOnContent(budget: LogicBudget, value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (value.length >= CHARS_PER_STEP) spend(budget, value.length >> CHAR_SHIFT, path);
  } else if (Array.isArray(value)) spendOnList(budget, value, path);
}

function spendOnList(budget: LogicBudget, root: readonly unknown[], path: string): void {
  const stack: Array<readonly unknown[]> = [root];
  let steps = 0;
  while (stack.length > 0) {
    const list = stack.pop() as readonly unknown[];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      steps++;
      if (typeof item === 'string') steps += item.length >> CHAR_SHIFT;
      else if (Array.isArray(item)) stack.push(item);
      if (steps > budget.remaining) spend(budget, steps, path);
    }
  }
  spend(budget, steps, path);
}
