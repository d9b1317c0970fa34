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
  reason: string;
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
  constructor(message: string) {
    super('edition-not-found', message);
  }
}

/** The evaluation options themselves are wrong (not one commune's data). */
export class OptionsError extends NtmError {
  override name = 'OptionsError';
  constructor(message: string) {
    super('invalid-options', message);
  }
}
