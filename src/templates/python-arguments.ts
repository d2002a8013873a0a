// Binds a call's positional and keyword arguments to a Python-style signature, with Python's errors.
import { JinjaRuntimeError } from "./jinja-errors.js";

// A parameter: a bare name is required; [name, default] is optional.
export type Param = string | readonly [string, unknown];

// A Python signature: named parameters, then optionally *args and **kwargs.
export interface Signature {
  name: string;
  params: readonly Param[];
  varargs?: boolean;
  varkw?: boolean;
}

// Arguments bound to a signature: one value per parameter, then the extra positional and keyword ones.
export interface BoundArguments {
  values: unknown[];
  rest: unknown[];
  kwargs: Record<string, unknown>;
}

// Matches arguments to parameters the way Python does, or raises Python's TypeError.
export function bindArguments(
  signature: Signature,
  args: readonly unknown[],
  kwargs: Record<string, unknown>,
): BoundArguments {
  const { name, params } = signature;
  const names = params.map((param) => (typeof param === "string" ? param : param[0]));
  if (args.length > params.length && !signature.varargs) {
    throw new JinjaRuntimeError(
      `${name}() takes ${describeCount(params)} positional argument${params.length === 1 ? "" : "s"} but ${args.length} were given`,
    );
  }
  const values = params.map((param, i): unknown =>
    i < args.length ? args[i] : typeof param === "string" ? missing : param[1],
  );
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(kwargs)) {
    const index = names.indexOf(key);
    if (index === -1) {
      if (!signature.varkw) throw new JinjaRuntimeError(`${name}() got an unexpected keyword argument '${key}'`);
      extra[key] = value;
    } else if (index < args.length) {
      throw new JinjaRuntimeError(`${name}() got multiple values for argument '${key}'`);
    } else {
      values[index] = value;
    }
  }
  const absent = names.filter((_, i) => values[i] === missing);
  if (absent.length > 0) {
    throw new JinjaRuntimeError(
      `${name}() missing ${absent.length} required positional argument${absent.length === 1 ? "" : "s"}: ${absent.map((n) => `'${n}'`).join(" and ")}`,
    );
  }
  return { values, rest: args.slice(params.length), kwargs: extra };
}

const missing = Symbol("missing");

// "2", "from 1 to 3": how many positional arguments a signature takes.
function describeCount(params: readonly Param[]): string {
  const required = params.filter((param) => typeof param === "string").length;
  return required === params.length ? String(required) : `from ${required} to ${params.length}`;
}
