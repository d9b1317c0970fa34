/** A JSON-logic expression was refused. `path` points inside the expression, e.g. `and[1].>=[0]`. */
export class LogicError extends Error {
  override name = 'LogicError';
  readonly path: string;
  readonly reason: string;
  constructor(path: string, reason: string) {
    super(path ? `${reason} (at ${path})` : reason);
    this.path = path;
    this.reason = reason;
  }
}
