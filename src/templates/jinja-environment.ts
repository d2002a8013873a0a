// A nunjucks Environment set up as Jinja2's (no autoescape; by default StrictUndefined and
// keep_trailing_newline, as pyinfra sets it up; trim_blocks, lstrip_blocks and the others by option),
// whose templates compile with the Jinja2 dialect and load from one search path the way Jinja2's
// FileSystemLoader does (names relative to the search path, `/`-separated, no `..`).
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { filters } from "./filters.js";
import { JinjaCompiler } from "./jinja-compiler.js";
import { JinjaRuntimeError, JinjaSyntaxError } from "./jinja-errors.js";
import { createGlobals } from "./jinja-globals.js";
import { lexJinja } from "./jinja-lexer.js";
import { type JinjaOptions, padAnsibleNewlines } from "./jinja-options.js";
import { JinjaParser } from "./jinja-parser.js";
import { createJinjaRuntime } from "./jinja-runtime.js";
import {
  internals,
  type NunjucksEnvironment,
  type NunjucksTemplate,
  type RenderFunction,
  transformAst,
} from "./nunjucks-internals.js";
import { isStr, JinjaUndefined, pyRepr, strValue } from "./python-values.js";
import { tests } from "./tests.js";

// A Jinja2 environment: renders template sources, loading includes from `searchPath`.
export interface JinjaEnvironment {
  render(source: string, name: string, context: Record<string, unknown>): string;
}

// Jinja2 reads \r\n and \r as \n everywhere in a template (newline_sequence), and drops one trailing
// newline unless keep_trailing_newline is set.
function normalizeNewlines(source: string, keepTrailingNewline: boolean): string {
  const normalized = source.replace(/\r\n?/g, "\n");
  return keepTrailingNewline || !normalized.endsWith("\n") ? normalized : normalized.slice(0, -1);
}

// "parseIf: expected endif" → "expected endif".
function cleanParserMessage(message: string): string {
  return message.replace(/^parse\w*: /, "").replace(/^Template render error: /, "");
}

// Parses and compiles a template source to its render functions (root and one per block).
function compileSource(
  source: string,
  name: string,
  runtime: Record<string, unknown>,
  known: { filters: ReadonlySet<string>; tests: ReadonlySet<string> },
  options: Required<JinjaOptions>,
): { root: RenderFunction; blocks: Record<string, RenderFunction> } {
  const tokens = lexJinja(source, options);
  let code: string;
  try {
    const ast = transformAst(new JinjaParser(tokens).parseAsRoot());
    const compiler = new JinjaCompiler(name, known);
    compiler.compile(ast);
    code = compiler.getCode();
  } catch (error) {
    const lineno = (error as { lineno?: unknown }).lineno;
    const line = typeof lineno === "number" && lineno > 0 ? lineno : tokens.lineno + 1;
    const message = cleanParserMessage(error instanceof Error ? error.message : String(error));
    throw new JinjaSyntaxError(message, { template: name, line });
  }
  const props = new Function("jinjaRuntime", code)(runtime) as Record<string, RenderFunction>;
  const { root, ...rest } = props;
  if (!root) throw new Error(`compiling ${name} gave no root function`);
  const blocks = Object.fromEntries(
    Object.entries(rest)
      .filter(([key]) => key.startsWith("b_"))
      .map(([key, fn]) => [key.slice(2), fn]),
  );
  return { root, blocks };
}

// The path of a template name inside the search path, or undefined for a name Jinja2 refuses (`..`).
function resolveTemplatePath(searchPath: string, name: string): string | undefined {
  const pieces = name.split("/").filter((piece) => piece !== "" && piece !== ".");
  if (pieces.some((piece) => piece === "..")) return undefined;
  return join(searchPath, ...pieces);
}

// Creates an environment whose includes, imports and extends load from `searchPath`.
export function createJinjaEnvironment(searchPath: string, options: Required<JinjaOptions>): JinjaEnvironment {
  const environment = new internals.Environment([], { autoescape: false, dev: true });
  const known = { filters: new Set(Object.keys(filters)), tests: new Set(Object.keys(tests)) };
  const cache = new Map<string, NunjucksTemplate>();
  const runtime = createJinjaRuntime({
    filters,
    tests,
    globals: createGlobals(),
    undefinedKind: options.undefined,
    ansible: options.ansible,
    loadTemplate,
  });

  // A nunjucks Template compiled (now, so syntax errors surface at load) with the Jinja2 dialect.
  function makeTemplate(source: string, name: string): NunjucksTemplate {
    const text = normalizeNewlines(source, options.keepTrailingNewline);
    const template = new internals.Template(text, environment, name);
    template._compile = () => {
      const { root, blocks } = compileSource(template.tmplStr, name, runtime, known, options);
      template.rootRenderFunc = root;
      template.blocks = blocks;
      template.compiled = true;
    };
    template.compile();
    return template;
  }

  // Loads a template by name (or the first found of a list of names).
  function loadTemplate(name: unknown, ignoreMissing: boolean): NunjucksTemplate | undefined {
    if (name instanceof JinjaUndefined) throw name.toError();
    const names = Array.isArray(name) ? name : [name];
    for (const candidate of names) {
      if (!isStr(candidate)) throw new JinjaRuntimeError(`a template name must be a string, not ${pyRepr(candidate)}`);
      const text = strValue(candidate);
      const cached = cache.get(text);
      if (cached) return cached;
      const path = resolveTemplatePath(searchPath, text);
      if (path && existsSync(path) && statSync(path).isFile()) {
        const template = makeTemplate(readFileSync(path, "utf8"), join(searchPath, text));
        cache.set(text, template);
        return template;
      }
    }
    if (ignoreMissing) return undefined;
    const shown = names.map((candidate) => pyRepr(candidate)).join(", ");
    throw new JinjaRuntimeError(`template ${shown} not found in ${searchPath}`);
  }

  (environment as NunjucksEnvironment).getTemplate = (name, _eager, _parent, ignoreMissing, cb) => {
    let template: NunjucksTemplate | undefined;
    try {
      template = loadTemplate(name, ignoreMissing) ?? makeTemplate("", "(missing template)");
    } catch (error) {
      if (!cb) throw error;
      cb(error);
      return undefined;
    }
    cb?.(null, template);
    return template;
  };

  // Compiled once per name and source: every host renders the same template with its own context.
  const compiled = new Map<string, NunjucksTemplate>();
  return {
    render(source, name, context) {
      const key = `${name}\0${source}`;
      let template = compiled.get(key);
      if (!template) {
        template = makeTemplate(source, name);
        compiled.set(key, template);
      }
      const output = template.render(context);
      return options.ansible ? padAnsibleNewlines(output, source.replace(/\r\n?/g, "\n")) : output;
    },
  };
}
