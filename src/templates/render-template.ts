// Renders Jinja2 templates (files.template's `.j2` files) exactly as Jinja2 does for pyinfra:
// autoescape off, StrictUndefined, trailing newline kept, Python's printing of values. Built on nunjucks
// with a Jinja2 dialect (see jinja-parser.ts, jinja-compiler.ts, jinja-runtime.ts).
import { dirname } from "node:path";
import { UserError } from "../errors.js";
import { readAnsibleOverride } from "./ansible-override.js";
import { createJinjaEnvironment, type JinjaEnvironment } from "./jinja-environment.js";
import { findJinjaError, JinjaSyntaxError, UndefinedError } from "./jinja-errors.js";
import { type JinjaOptions, jinjaOptionsKey, resolveJinjaOptions } from "./jinja-options.js";

// How to name a template in messages and where its includes are.
export interface RenderTemplateOptions {
  // The template's name in messages, e.g. `templates/nginx.conf.j2`.
  name: string;
  // The directory `{% include %}`, `{% import %}` and `{% extends %}` load from; default: the template's.
  searchPath?: string;
  // Jinja2 Environment settings (files.template's `jinja_env_kwargs`); default: pyinfra's.
  jinja?: JinjaOptions;
}

// A template that does not parse or fails while rendering, named with its file and line.
export class TemplateError extends UserError {
  override name = "TemplateError";
  // The template the error is in (an included one, when it failed there), and its 1-based line.
  readonly template: string;
  readonly line: number | undefined;

  constructor(message: string, template: string, line: number | undefined, options?: ErrorOptions) {
    super(message, options);
    this.template = template;
    this.line = line;
  }
}

const undefinedHint = "Pass it as an argument of files.template or set it in host data.";

// Turns whatever rendering raised into a TemplateError: `file:line: message`.
function toTemplateError(error: unknown, name: string): TemplateError {
  const found = findJinjaError(error);
  const template = found?.location?.template ?? name;
  const line = found?.location?.line;
  let message = found?.message ?? (error instanceof Error ? error.message : String(error));
  if (found instanceof JinjaSyntaxError) message = `syntax error: ${message}`;
  if (found instanceof UndefinedError && found.missingName !== undefined) message = `${message}. ${undefinedHint}`;
  const where = line === undefined ? template : `${template}:${line}`;
  return new TemplateError(`${where}: ${message}`, template, line, { cause: error });
}

// One environment per template directory and settings for the life of the process (one run): its
// includes and compiled templates serve every host.
const environments = new Map<string, JinjaEnvironment>();

// Renders a Jinja2 template source with the given variables; raises TemplateError on any failure.
export function renderTemplate(
  source: string,
  context: Record<string, unknown>,
  options: RenderTemplateOptions,
): string {
  const searchPath = options.searchPath ?? dirname(options.name);
  let read: ReturnType<typeof readAnsibleOverride>;
  try {
    read = readAnsibleOverride(source, options.jinja ?? {});
  } catch (error) {
    throw new TemplateError(`${options.name}:1: ${(error as Error).message}`, options.name, 1);
  }
  const settings = resolveJinjaOptions(read.options);
  const key = `${jinjaOptionsKey(settings)}\0${searchPath}`;
  let environment = environments.get(key);
  if (!environment) {
    environment = createJinjaEnvironment(searchPath, settings);
    environments.set(key, environment);
  }
  try {
    return environment.render(read.source, options.name, context);
  } catch (error) {
    throw toTemplateError(error, options.name);
  }
}
