// What the nunjucks canaries share: the failure message naming a touch point, arity checks against a
// table, and compiling a template with the Jinja2 dialect the way jinja-environment.ts does.
import { JinjaCompiler } from "../../src/templates/jinja-compiler.js";
import { lexJinja } from "../../src/templates/jinja-lexer.js";
import { JinjaParser } from "../../src/templates/jinja-parser.js";
import { transformAst } from "../../src/templates/nunjucks-internals.js";

// The names of a type's methods (its function-valued members).
export type MethodNames<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? K : never;
}[keyof T] &
  string;

// The message a canary fails with: the touch point (a row of nunjucks-internals.ts) and what to do.
export function describeTouchPoint(row: string): string {
  return (
    `nunjucks touch point "${row}" changed: the Jinja2 dialect relies on it ` +
    "(see the table in src/templates/nunjucks-internals.ts); adapt the dialect before moving the nunjucks pin"
  );
}

// What differs between an object's methods and the arities a table expects ([] when they match).
export function findArityProblems(owner: string, target: object, arities: Readonly<Record<string, number>>): string[] {
  const problems: string[] = [];
  for (const [name, arity] of Object.entries(arities)) {
    const member: unknown = Reflect.get(target, name);
    if (typeof member !== "function") problems.push(`${owner}.${name} is ${typeof member}, not a function`);
    else if (member.length !== arity) problems.push(`${owner}.${name} takes ${member.length} parameters, not ${arity}`);
  }
  return problems;
}

const known = { filters: new Set(["upper", "join"]), tests: new Set(["defined"]) };

// The JavaScript the Jinja2 dialect generates for a template source.
export function compileWithDialect(source: string, name = "canary.j2"): string {
  const compiler = new JinjaCompiler(name, known);
  compiler.compile(transformAst(new JinjaParser(lexJinja(source)).parseAsRoot()));
  return compiler.getCode();
}

// The distinct `<object>.<name>` members a generated code reads, e.g. every `runtime.x`.
export function findMembersUsed(code: string, object: string): string[] {
  const names = [...code.matchAll(new RegExp(String.raw`\b${object}\.(\w+)`, "g"))].map((match) => match[1] ?? "");
  return [...new Set(names)].sort();
}
