import type { LocalizedText } from './schema/common.js';

/** Base class of every error the toolkit throws on purpose; `code` is stable for programs to test. */
export class NtmError extends Error {
  override name = 'NtmError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** One problem in one place of a ruleset file. */
export interface RulesetIssue {
  /** File name, or the ruleset id when the file was given as an object. */
  file: string;
  /** Path inside the file, e.g. `criteria[3].indicators[0].test.target`. */
  path: string;
  reason: string;
  /** The reason in Vietnamese, when there is one (shown by default by the CLI). */
  reasonVi?: string;
}

/** A ruleset (edition, amendment or overlay) was refused. Nothing from it was registered. */
export class RulesetError extends NtmError {
  override name = 'RulesetError';
  readonly issues: readonly RulesetIssue[];
  constructor(issues: RulesetIssue[]) {
    const shown = issues
      .slice(0, 10)
      .map((issue) => `  ${issue.file}${issue.path ? ` at ${issue.path}` : ''}: ${issue.reason}`);
    const more = issues.length > 10 ? `\n  … and ${issues.length - 10} more` : '';
    super('invalid-ruleset', `Invalid ruleset:\n${shown.join('\n')}${more}`);
    this.issues = issues;
  }
}

/** One problem with one field of one commune. */
export interface CommuneIssue {
  /** Position in the batch (0-based); for `evaluate`, 0. */
  index: number;
  /** The commune's id when it has a usable one. */
  communeId: string | null;
  /** The field, e.g. `values.health_insurance_pct`, or `` for the commune itself. */
  field: string;
  /** The offending value (truncated when long). */
  value: unknown;
  /** What is wrong, in English. */
  reason: string;
  /** What is wrong, in Vietnamese. */
  reasonVi: string;
}

/** A commune's data does not fit the edition's data dictionary. */
export class CommuneValidationError extends NtmError {
  override name = 'CommuneValidationError';
  readonly index: number;
  readonly communeId: string | null;
  readonly issues: readonly CommuneIssue[];
  constructor(issues: CommuneIssue[]) {
    const first = issues[0] as CommuneIssue;
    const who =
      first.communeId !== null ? `commune ${first.communeId}` : `commune at position ${first.index}`;
    const lines = issues.map((issue) => `  ${issue.field || '(commune)'}: ${issue.reason}`);
    super('invalid-commune', `Invalid data for ${who}:\n${lines.join('\n')}`);
    this.index = first.index;
    this.communeId = first.communeId;
    this.issues = issues;
  }
}

/** No edition applies to the request (none in force, unknown level, ambiguous province…). */
export class EditionNotFoundError extends NtmError {
  override name = 'EditionNotFoundError';
  /** The message in Vietnamese and English (`message` is the English). */
  readonly localized: LocalizedText;
  constructor(message: string | LocalizedText) {
    const localized = typeof message === 'string' ? { vi: message, en: message } : message;
    super('edition-not-found', localized.en);
    this.localized = localized;
  }
}

/** The evaluation options themselves are wrong (not one commune's data). */
export class OptionsError extends NtmError {
  override name = 'OptionsError';
  /** The message in Vietnamese and English (`message` is the English). */
  readonly localized: LocalizedText;
  constructor(message: string | LocalizedText) {
    const localized = typeof message === 'string' ? { vi: message, en: message } : message;
    super('invalid-options', localized.en);
    this.localized = localized;
  }
}

/**
 * Evaluating one commune failed for a reason that is not its data: a rule ran past its step budget, or the
 * commune object itself threw (a getter, a Proxy). In `evaluateMany` it becomes that commune's error.
 */
export class EvaluationError extends NtmError {
  override name = 'EvaluationError';
  readonly localized: LocalizedText;
  /** The indicator being evaluated, when known. */
  readonly indicator: string | null;
  constructor(code: string, message: LocalizedText, indicator: string | null = null) {
    super(code, message.en);
    this.localized = message;
    this.indicator = indicator;
  }
}

/**
 * A rule expression of an indicator could not be evaluated for one commune: it ran out of its step budget
 * (`code` 'logic-budget-exceeded'), or failed ('rule-evaluation-failed'). The ruleset is at fault, not the
 * commune's data; `evaluateMany` reports it as that commune's error and goes on with the others.
 */
export class RuleEvaluationError extends NtmError {
  override name = 'RuleEvaluationError';
  readonly communeId: string | null;
  /** The indicator whose expression failed, and the ruleset that defines it. */
  readonly indicator: string;
  readonly ruleset: string;
  /** Which of its expressions: `applicableIf`, `test.logic` or `target` (a computed target). */
  readonly expression: 'applicableIf' | 'test.logic' | 'target';
  /** Where inside the expression. */
  readonly path: string;
  /** Why, in English and Vietnamese. */
  readonly reason: { en: string; vi: string };
  constructor(details: {
    code: 'logic-budget-exceeded' | 'rule-evaluation-failed';
    communeId: string | null;
    indicator: string;
    ruleset: string;
    expression: 'applicableIf' | 'test.logic' | 'target';
    path: string;
    reason: { en: string; vi: string };
  }) {
    const where = `${details.expression}${details.path ? `.${details.path}` : ''}`;
    const who = details.communeId === null ? 'a commune' : `commune ${details.communeId}`;
    super(
      details.code,
      `Indicator ${details.indicator} (${details.ruleset}) could not be evaluated for ${who}: ${details.reason.en} (at ${where})`,
    );
    this.communeId = details.communeId;
    this.indicator = details.indicator;
    this.ruleset = details.ruleset;
    this.expression = details.expression;
    this.path = details.path;
    this.reason = details.reason;
  }

  /** The message in Vietnamese. */
  get messageVi(): string {
    const where = `${this.expression}${this.path ? `.${this.path}` : ''}`;
    const who = this.communeId === null ? 'một xã' : `xã ${this.communeId}`;
    return `Không tính được chỉ tiêu ${this.indicator} (${this.ruleset}) cho ${who}: ${this.reason.vi} (tại ${where})`;
  }
}
