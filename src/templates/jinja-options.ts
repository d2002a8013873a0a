// The Jinja2 Environment settings a template may be rendered with: pyinfra's `jinja_env_kwargs` of
// files.template. The defaults are pyinfra's: blocks keep their newlines, the trailing newline is kept and
// an undefined variable is an error.

// What an undefined variable is: StrictUndefined (an error on any use), Undefined (prints as nothing, is
// false and empty) or ChainableUndefined (as Undefined, and its attributes are undefined too).
export type UndefinedKind = "strict" | "default" | "chainable";

// Jinja2's trim_blocks, lstrip_blocks, keep_trailing_newline and undefined.
export interface JinjaOptions {
  trimBlocks?: boolean;
  lstripBlocks?: boolean;
  keepTrailingNewline?: boolean;
  undefined?: UndefinedKind;
}

// The options with pyinfra's defaults filled in.
export function resolveJinjaOptions(options: JinjaOptions = {}): Required<JinjaOptions> {
  return {
    trimBlocks: options.trimBlocks ?? false,
    lstripBlocks: options.lstripBlocks ?? false,
    keepTrailingNewline: options.keepTrailingNewline ?? true,
    undefined: options.undefined ?? "strict",
  };
}

// A key naming one set of options, for caching environments per setting.
export function jinjaOptionsKey(options: Required<JinjaOptions>): string {
  return [options.trimBlocks, options.lstripBlocks, options.keepTrailingNewline, options.undefined].join(",");
}
