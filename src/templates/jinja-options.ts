// The Jinja2 Environment settings a template may be rendered with: pyinfra's `jinja_env_kwargs` of
// files.template. The defaults are pyinfra's: blocks keep their newlines, the trailing newline is kept and
// an undefined variable is an error. `ansible` renders as Ansible's template module does.

// What an undefined variable is: StrictUndefined (an error on any use), Undefined (prints as nothing, is
// false and empty), ChainableUndefined (as Undefined, and its attributes are undefined too) or Ansible's
// AnsibleUndefined (strict, but its attributes and items are itself, so `| default` ends a chain).
export type UndefinedKind = "strict" | "default" | "chainable" | "ansible";

// Jinja2's trim_blocks, lstrip_blocks, keep_trailing_newline and undefined, and Ansible's way.
export interface JinjaOptions {
  trimBlocks?: boolean;
  lstripBlocks?: boolean;
  keepTrailingNewline?: boolean;
  undefined?: UndefinedKind;
  // Render as Ansible's template module: trim_blocks on, AnsibleUndefined, a printed None is nothing,
  // printed ranges, dict views and filter results are lists, and the output ends with at least as many
  // newlines as the template does.
  ansible?: boolean;
}

// The options with pyinfra's defaults filled in (Ansible's, with `ansible`).
export function resolveJinjaOptions(options: JinjaOptions = {}): Required<JinjaOptions> {
  const ansible = options.ansible ?? false;
  return {
    trimBlocks: options.trimBlocks ?? ansible,
    lstripBlocks: options.lstripBlocks ?? false,
    keepTrailingNewline: options.keepTrailingNewline ?? !ansible,
    undefined: options.undefined ?? (ansible ? "ansible" : "strict"),
    ansible,
  };
}

// A key naming one set of options, for caching environments per setting.
export function jinjaOptionsKey(options: Required<JinjaOptions>): string {
  return [
    options.trimBlocks,
    options.lstripBlocks,
    options.keepTrailingNewline,
    options.undefined,
    options.ansible,
  ].join(",");
}

// Ansible's trailing newlines: the output gets newlines added until it ends with as many as the template.
export function padAnsibleNewlines(output: string, source: string): string {
  const trailing = (text: string) => text.length - text.replace(/\n+$/, "").length;
  return output + "\n".repeat(Math.max(0, trailing(source) - trailing(output)));
}
