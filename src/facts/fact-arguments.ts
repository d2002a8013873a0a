// Checking the arguments given to a fact against the ones it declares: the one place that says
// "File needs path", "Os takes no arguments", "pth is not an argument of File (did you mean path?)".
import { closestName } from "../util/closest.js";
import type { Fact } from "./fact.js";

// What is wrong with `args` for `fact`, or undefined when they fit. Facts that declare no
// arguments list (user facts) accept anything.
export function checkFactArguments(fact: Fact<never, unknown>, args: unknown): string | undefined {
  const declared = fact.arguments;
  if (!declared) return undefined;
  const names = Object.keys(declared);
  if (args !== undefined && args !== null && (typeof args !== "object" || Array.isArray(args)))
    return `fact ${fact.name} takes its arguments as an object (${describeArguments(fact)}), not ${JSON.stringify(args)}`;
  const given = (args ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (Object.hasOwn(declared, key)) continue;
    if (names.length === 0) return `fact ${fact.name} takes no arguments, but was given "${key}"`;
    const near = closestName(key, names);
    return `"${key}" is not an argument of fact ${fact.name}${near ? ` (did you mean "${near}"?)` : ""}; it takes ${describeArguments(fact)}`;
  }
  for (const [name, spec] of Object.entries(declared)) {
    const value = given[name];
    if (value === undefined) {
      if (spec.required) return `fact ${fact.name} needs the argument "${name}" (${spec.description})`;
      continue;
    }
    if (typeof value !== spec.type)
      return `fact ${fact.name}'s argument "${name}" must be ${spec.type === "string" ? "a string" : "true or false"}, not ${JSON.stringify(value)}`;
  }
  return undefined;
}

// "path (required), pattern (required)", "user", or "no arguments".
export function describeArguments(fact: Fact<never, unknown>): string {
  const entries = Object.entries(fact.arguments ?? {});
  if (entries.length === 0) return "no arguments";
  return entries.map(([name, spec]) => `${name}${spec.required ? " (required)" : ""}`).join(", ");
}

// An argument's value from command-line text: strings as typed, booleans from true/false.
export function factArgumentFromText(fact: Fact<never, unknown>, name: string, text: string): unknown {
  const spec = fact.arguments?.[name];
  if (spec?.type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  return text;
}
