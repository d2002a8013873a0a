// The JSON fixture harness for facts, built-in and users' alike: the command's output in, the value out,
// compared with what the fixture says. A value the host would not give is `{"unreadable": "why"}`.
import { isDeepStrictEqual } from "node:util";
import { type Fact, isUnreadable } from "./fact.js";

const asData = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

// Equal as JSON data: what a fixture file can say (no undefined members, no prototypes).
export function sameData(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(asData(a), asData(b));
}

/** A fixture file: one case of a fact. */
export interface FactFixture {
  /** The fact's arguments (`{ "path": "/etc/hosts" }`). */
  args?: unknown;
  /** The command the fact runs for these arguments (checked when given). */
  command?: string;
  /** What the command printed: a string, or lines. */
  stdout: string | string[];
  stderr?: string | string[];
  exitCode?: number;
  /** The value expected, or `{ "unreadable": "why" }`. */
  expected: unknown;
}

const text = (value: string | string[] = "") => (Array.isArray(value) ? value.join("\n") : value);

/** The fact's value for the fixture's output (an unreadable one as `{ unreadable }`). */
export function runFactFixture(fact: Fact<never, unknown>, fixture: FactFixture): unknown {
  const value = fact.parse(
    { stdout: text(fixture.stdout), stderr: text(fixture.stderr), exitCode: fixture.exitCode ?? 0 },
    fixture.args as never,
  );
  return isUnreadable(value) ? { unreadable: value.unreadable } : value;
}

/** Where the fact differs from what the fixture says; empty when it holds. */
export function checkFactFixture(fact: Fact<never, unknown>, fixture: FactFixture): string[] {
  const problems: string[] = [];
  const show = (value: unknown) => JSON.stringify(value, null, 2);
  if (fixture.command !== undefined) {
    const command = fact.command(fixture.args as never);
    if (command !== fixture.command)
      problems.push(`expected the command ${show(fixture.command)}, got ${show(command)}`);
  }
  const value = runFactFixture(fact, fixture);
  if (!sameData(value, fixture.expected))
    problems.push(`expected the value ${show(fixture.expected)}, got ${show(value)}`);
  return problems;
}
