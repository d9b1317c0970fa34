import { type CompiledExpression, LogicEngine } from '../logic/compile.js';

/** What rule expressions can ask of the engine while a commune is evaluated. */
export interface RuleContext {
  /** The resolved target of an indicator of a required tier (same region and year), or null. */
  requiredTarget(level: string, indicator: string): number | boolean | null;
}

/** The logic engine used for rule files: the standard operators plus `requiredTarget`. */
export const ruleLogic = new LogicEngine({
  operators: {
    requiredTarget: {
      check: (args) =>
        args.length === 2 && typeof args[0] === 'string' && typeof args[1] === 'string'
          ? undefined
          : {
              en: 'requiredTarget takes two literal strings: [level, indicator id]',
              vi: 'requiredTarget cần đúng hai chuỗi cố định: [cấp, mã chỉ tiêu]',
            },
      evaluate: ([level, indicator], context) =>
        (context as RuleContext | undefined)?.requiredTarget(level as string, indicator as string) ?? null,
    },
  },
});

/** The `requiredTarget` references of an expression, found statically. */
export function requiredTargetRefs(expression: unknown): Array<{ level: string; indicator: string }> {
  const refs: Array<{ level: string; indicator: string }> = [];
  const stack = [expression];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'requiredTarget' && Array.isArray(value)) {
          refs.push({ level: String(value[0]), indicator: String(value[1]) });
        } else stack.push(value);
      }
    }
  }
  return refs;
}

export type { CompiledExpression };
