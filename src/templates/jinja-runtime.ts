// The run-time helpers the code jinja-compiler.ts generates calls as `runtime.<name>`: nunjucks' own
// runtime (frames, macros, keyword arguments) plus Python-semantics operations. One runtime per
// environment: it closes over that environment's filters, tests, globals and template loader.
//
// nunjucks.installJinjaCompat() is not used: it patches nunjucks' runtime, parser and compiler for the
// whole process, and covers only a little (True/False/None, slices, a few dict and list methods, with
// JavaScript semantics for the rest). Everything here is scoped to the environment instead.
import type { FilterEnvironment, FilterSpec, FilterTable, TestTable } from "./filter-support.js";
import { JinjaRuntimeError, locateError } from "./jinja-errors.js";
import { dictKey, LoopContext, type RecurseLoop } from "./jinja-globals.js";
import type { UndefinedKind } from "./jinja-options.js";
import { internals, type NunjucksTemplate, type RuntimeContext, type RuntimeFrame } from "./nunjucks-internals.js";
import { bindArguments } from "./python-arguments.js";
import { mergeKeywords, spreadPositional } from "./python-call-spread.js";
import { getAttribute, getItem, sliceValue } from "./python-methods.js";
import {
  binaryOperation,
  compareValues,
  concatenate,
  contains,
  iterate,
  unaryOperation,
  unpack,
} from "./python-operators.js";
import {
  JinjaUndefined,
  makeTuple,
  Namespace,
  PyCallable,
  PyFloat,
  pyStr,
  reprString,
  truthy,
  typeName,
  undefinedName,
  unrolled,
} from "./python-values.js";

// What a runtime needs from its environment.
export interface RuntimeOptions {
  filters: FilterTable;
  tests: TestTable;
  globals: Record<string, unknown>;
  // What a missing variable, attribute or item is (the `undefined` option).
  undefinedKind: UndefinedKind;
  // Ansible's finalize: a printed None is nothing; printed ranges, dict views and filter results are lists.
  ansible?: boolean;
  // The template of an include (a name or a list of names to try), or undefined if missing and ignored.
  loadTemplate(name: unknown, ignoreMissing: boolean): NunjucksTemplate | undefined;
}

// What a compiled macro tells the runtime: its name, and whether it takes extra positional arguments
// (its body names `varargs`) and extra keyword arguments (`kwargs`).
export interface MacroInfo {
  name: string;
  varargs: boolean;
  kwargs: boolean;
}

// A macro call's arguments as nunjucks' makeMacro takes them, the extras left in the keyword object under
// `__jinjaVarargs` (a tuple) and `__jinjaKwargs` (a dict); Jinja2's TypeError for extras the macro refuses.
function passExtraArguments(raw: unknown[], names: string[], keywordNames: string[], info: MacroInfo): unknown[] {
  const { args, kwargs } = splitArguments(raw);
  const count = names.length + keywordNames.length;
  const declared = new Set([...names, ...keywordNames, "caller"]);
  const extra = Object.keys(kwargs).filter((key) => !declared.has(key));
  if (args.length > count && !info.varargs)
    throw new JinjaRuntimeError(`macro '${info.name}' takes not more than ${count} argument(s)`);
  if (extra.length > 0 && !info.kwargs)
    throw new JinjaRuntimeError(`macro '${info.name}' takes no keyword argument '${extra[0]}'`);
  const keywords = {
    ...kwargs,
    __keywords: true,
    __jinjaVarargs: makeTuple(args.slice(count)),
    __jinjaKwargs: Object.fromEntries(extra.map((key) => [key, kwargs[key]])),
  };
  return [...args.slice(0, count), keywords];
}

// Splits nunjucks' call arguments: a trailing keyword-arguments object becomes `kwargs`.
function splitArguments(raw: readonly unknown[]): { args: unknown[]; kwargs: Record<string, unknown> } {
  const last = raw.at(-1);
  if (typeof last === "object" && last !== null && Object.hasOwn(last, "__keywords")) {
    const { __keywords: _, ...kwargs } = last as Record<string, unknown>;
    return { args: raw.slice(0, -1), kwargs };
  }
  return { args: [...raw], kwargs: {} };
}

// Calls a filter or test by its Python signature; an undefined value raises unless the spec accepts it.
function invoke<R>(
  name: string,
  spec: FilterSpec<R>,
  args: unknown[],
  kwargs: Record<string, unknown>,
  env: FilterEnvironment,
): R {
  const value = args[0];
  if (!spec.acceptsUndefined && value instanceof JinjaUndefined) throw value.toError();
  return spec.run(bindArguments({ name, ...spec }, args, kwargs), env);
}

// The name a filter or test is known by: Ansible's full names `ansible.builtin.x` and `ansible.legacy.x`
// stand for `x` (its own plugins, which roles name so since Ansible 2.10); any other name is itself.
export function resolvePluginName(name: string, isKnown: (name: string) => boolean): string {
  const short = /^ansible\.(?:builtin|legacy)\.(\w+)$/.exec(name)?.[1];
  return short !== undefined && !isKnown(name) && isKnown(short) ? short : name;
}

// Builds the runtime object generated template code runs against.
export function createJinjaRuntime(options: RuntimeOptions): Record<string, unknown> {
  const { filters, tests, globals, undefinedKind } = options;
  // A missing member is of the environment's undefined kind; a chainable undefined's members are itself.
  const member =
    (find: (value: unknown, key: never) => unknown) =>
    (value: unknown, key: never): unknown => {
      if (value instanceof JinjaUndefined && (value.kind === "chainable" || value.kind === "ansible")) return value;
      const found = find(value, key);
      return found instanceof JinjaUndefined ? found.ofKind(undefinedKind) : found;
    };
  const macros = new WeakSet<object>();
  const lookupSpec = <T extends FilterSpec<unknown>>(table: Record<string, T>, kind: string, name: string): T => {
    const known = resolvePluginName(name, (each) => Object.hasOwn(table, each));
    const spec = Object.hasOwn(table, known) ? table[known] : undefined;
    if (!spec) throw new JinjaRuntimeError(`no ${kind} named '${name}'`);
    return spec;
  };
  const env: FilterEnvironment = {
    callFilter: (name, args, kwargs) => invoke(name, lookupSpec(filters, "filter", name), args, kwargs, env),
    callTest: (name, args, kwargs) => invoke(name, lookupSpec(tests, "test", name), args, kwargs, env),
    hasFilter: (name) => Object.hasOwn(filters, name),
    hasTest: (name) => Object.hasOwn(tests, name),
  };

  return {
    ...internals.runtime,
    makeMacro(names: string[], keywordNames: string[], render: unknown, info: MacroInfo) {
      const inner = internals.runtime.makeMacro(names, keywordNames, render);
      const macro = function (this: unknown, ...raw: unknown[]) {
        return Reflect.apply(inner, this, passExtraArguments(raw, names, keywordNames, info));
      };
      macros.add(macro);
      return macro;
    },
    handleError: (error: unknown, lineno: number, _colno: number, template: string) =>
      locateError(error, { template, line: lineno + 1 }),
    float: (value: number) => new PyFloat(value),
    tuple: makeTuple,
    dict: (pairs: [unknown, unknown][]) => Object.fromEntries(pairs.map(([key, value]) => [dictKey(key), value])),
    local(value: unknown, name: string, parameter: boolean): unknown {
      if (value !== undefined) return value;
      return parameter
        ? new JinjaUndefined(`parameter ${reprString(name)} was not provided`, undefined, undefinedKind)
        : undefinedName(name, undefinedKind);
    },
    lookup(context: RuntimeContext, frame: RuntimeFrame, name: string): unknown {
      const local = frame.lookup(name);
      if (local !== undefined) return local;
      if (Object.hasOwn(context.ctx, name) && context.ctx[name] !== undefined) return context.ctx[name];
      if (Object.hasOwn(globals, name)) return globals[name];
      return undefinedName(name, undefinedKind);
    },
    output: options.ansible ? (value: unknown) => (value === null ? "" : pyStr(unrolled(value))) : pyStr,
    truthy,
    spreadPositional,
    mergeKeywords,
    or: (left: unknown, right: () => unknown) => (truthy(left) ? left : right()),
    and: (left: unknown, right: () => unknown) => (truthy(left) ? right() : left),
    binary: binaryOperation,
    unary: unaryOperation,
    concat: concatenate,
    contains,
    compare(first: unknown, operations: [string, () => unknown][]): boolean {
      let left = first;
      for (const [operator, next] of operations) {
        const right = next();
        if (!compareValues(operator, left, right)) return false;
        left = right;
      }
      return true;
    },
    getattr: member(getAttribute),
    getitem: member(getItem),
    slice: sliceValue,
    iterate,
    unpack,
    loop: (items: unknown[], recurse: RecurseLoop | null, depth0: number) => new LoopContext(items, recurse, depth0),
    setAttribute(target: unknown, name: string, value: unknown): void {
      if (!(target instanceof Namespace))
        throw new JinjaRuntimeError("cannot assign attribute on non-namespace object");
      target.attributes[name] = value;
    },
    call(callee: unknown, name: string, context: RuntimeContext, raw: unknown[]): unknown {
      if (callee instanceof JinjaUndefined) throw callee.toError();
      if (typeof callee === "function" && macros.has(callee)) return Reflect.apply(callee, context, raw);
      const { args, kwargs } = splitArguments(raw);
      if (callee instanceof PyCallable) return callee.call(args, kwargs);
      if (callee instanceof LoopContext) return callee.call(args, kwargs);
      if (typeof callee === "function")
        return Reflect.apply(callee, undefined, Object.keys(kwargs).length > 0 ? [...args, kwargs] : args);
      throw new JinjaRuntimeError(`'${typeName(callee)}' object is not callable (${name})`);
    },
    filter(name: string, raw: unknown[]): unknown {
      const { args, kwargs } = splitArguments(raw);
      const result = env.callFilter(name, args, kwargs);
      return options.ansible ? unrolled(result) : result;
    },
    test(name: string, raw: unknown[]): boolean {
      const { args, kwargs } = splitArguments(raw);
      return env.callTest(name, args, kwargs);
    },
    include(
      _env: unknown,
      context: RuntimeContext,
      frame: RuntimeFrame,
      name: unknown,
      ignoreMissing: boolean,
      withContext: boolean,
    ): string {
      const template = options.loadTemplate(name, ignoreMissing);
      if (!template) return "";
      let output = "";
      let failure: unknown;
      // Jinja2 gives an included template the variables in scope, except the enclosing `loop`.
      const scope = withContext ? frame.push(true) : new internals.runtime.Frame();
      if (withContext) scope.set("loop", undefinedName("loop"));
      const variables = withContext ? context.getVariables() : {};
      template.render(variables, scope, (error, result) => {
        failure = error;
        output = result ?? "";
      });
      if (failure) throw failure;
      return output;
    },
  };
}
