// The errors rendering raises before render-template.ts turns them into a TemplateError: Python-level
// errors (TypeError, ValueError… with Python's messages), undefined values, and syntax errors. Each
// carries the template and line it happened at, set by the innermost template function that saw it.

// Where in which template an error happened (line is 1-based).
export interface TemplateLocation {
  template: string;
  line: number;
}

// A Python-level error raised while rendering: its message is Python's or Jinja2's.
export class JinjaRuntimeError extends Error {
  override name = "JinjaRuntimeError";
  location: TemplateLocation | undefined;
}

// Raised when an undefined value is used (Jinja2's StrictUndefined): `'x' is undefined`.
export class UndefinedError extends JinjaRuntimeError {
  override name = "UndefinedError";
  // The missing variable, when the value was a top-level name (not an attribute or item).
  readonly missingName: string | undefined;
  constructor(message: string, missingName?: string) {
    super(message);
    this.missingName = missingName;
  }
}

// A template that does not parse (or uses an unknown filter or test).
export class JinjaSyntaxError extends JinjaRuntimeError {
  override name = "JinjaSyntaxError";
  constructor(message: string, location: TemplateLocation) {
    super(message);
    this.location = location;
  }
}

// The JinjaRuntimeError an error is or wraps (nunjucks wraps errors in its own, keeping `cause`).
export function findJinjaError(error: unknown): JinjaRuntimeError | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof JinjaRuntimeError) return current;
  }
  return undefined;
}

// Gives an error its location unless an inner template already did; wraps errors of other kinds.
export function locateError(error: unknown, location: TemplateLocation): JinjaRuntimeError {
  const found = findJinjaError(error);
  const located =
    found ?? new JinjaRuntimeError(error instanceof Error ? error.message : String(error), { cause: error });
  located.location ??= location;
  return located;
}
