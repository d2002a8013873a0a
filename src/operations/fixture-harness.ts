// The JSON fixture harness, for built-in and users' operations alike: arguments, facts and prepared
// local work in, commands (or a no-op and its reason, or an error) out, compared with what the fixture
// says. Pure: no host, no file system.
import { sameData } from "../facts/fixture-harness.js";
import type { Command, FactLookup, OperationDefinition } from "./operation.js";

/** A fixture file: one case of an operation. */
export interface OperationFixture {
  description?: string;
  /** The operation's arguments, as a deploy file gives them. */
  args: Record<string, unknown>;
  /** Fact values by `"FactName"` or `"FactName(<its arguments as JSON>)"`. */
  facts?: Record<string, unknown>;
  /** What prepare would give: `{ "content": "text" }` for files written from local content. */
  prepared?: Record<string, unknown>;
  /** The commands expected: shell commands as strings, files as `{ type, path, text, … }`. */
  commands?: unknown[];
  /** The no-op reason expected. */
  noop?: string;
  /** A part of the error message expected. */
  error?: string;
  /** The diff expected. */
  diff?: string;
}

/** What the operation planned for a fixture. */
export interface FixtureOutcome {
  commands?: unknown[];
  noop?: string;
  diff?: string;
  error?: string;
}

// Commands as fixtures write them: shell commands as strings, files with their text.
function readable(command: Command): unknown {
  if (command.type === "shell") return command.command;
  if (command.type === "file") {
    const { content, ...rest } = command;
    return { ...rest, type: "file", text: Buffer.from(content, "base64").toString("utf8") };
  }
  return command;
}

// `prepared` with its texts as the Buffers prepare gives.
function preparedOf(fixture: OperationFixture): unknown {
  const p = fixture.prepared;
  if (!p) return undefined;
  return {
    ...p,
    ...(typeof p.content === "string" ? { content: Buffer.from(p.content) } : {}),
    ...(p.local === undefined ? {} : { local: p.local === null ? undefined : Buffer.from(String(p.local)) }),
    ...(Array.isArray(p.files)
      ? {
          files: p.files.map((f: { path: string; text: string; mode?: number }) => ({
            path: f.path,
            content: Buffer.from(f.text),
            mode: f.mode ?? 0o100644,
          })),
        }
      : {}),
  };
}

/** Plans the operation from the fixture's arguments, facts and prepared work. */
export function runOperationFixture(
  definition: OperationDefinition<unknown, unknown>,
  fixture: OperationFixture,
): FixtureOutcome {
  const facts: FactLookup = {
    get: (fact, args) => {
      const keys = [
        `${fact.name}(${JSON.stringify(args ?? null)})`,
        ...(args === undefined || (typeof args === "object" && args !== null && Object.keys(args).length === 0)
          ? [fact.name]
          : []),
      ];
      const key = keys.find((k) => fixture.facts && k in fixture.facts);
      if (key === undefined) throw new Error(`the fixture gives no value for the fact ${keys[0]}`);
      return fixture.facts?.[key] as never;
    },
  };
  try {
    const args = definition.validate(fixture.args);
    const ready = preparedOf(fixture);
    definition.facts(args, ready as never);
    const plan = definition.plan(args, facts, ready as never);
    if (!plan.changed) return { noop: plan.reason };
    return { commands: plan.commands.map(readable), ...(plan.diff === undefined ? {} : { diff: plan.diff }) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Where the operation's plan differs from what the fixture says; empty when it holds. */
export function checkOperationFixture(
  definition: OperationDefinition<unknown, unknown>,
  fixture: OperationFixture,
): string[] {
  const outcome = runOperationFixture(definition, fixture);
  const show = (value: unknown) => JSON.stringify(value, null, 2);
  if (fixture.error !== undefined) {
    if (outcome.error?.includes(fixture.error)) return [];
    return [`expected an error containing ${show(fixture.error)}, got ${show(outcome)}`];
  }
  if (outcome.error !== undefined) return [`expected a plan, got the error ${show(outcome.error)}`];
  if (fixture.noop !== undefined) {
    return outcome.noop === fixture.noop ? [] : [`expected the no-op ${show(fixture.noop)}, got ${show(outcome)}`];
  }
  if (fixture.commands === undefined) return ["the fixture says none of commands, noop or error"];
  const problems: string[] = [];
  if (outcome.noop !== undefined) problems.push(`expected commands, got the no-op ${show(outcome.noop)}`);
  else if (!sameData(outcome.commands, fixture.commands))
    problems.push(`expected the commands ${show(fixture.commands)}, got ${show(outcome.commands)}`);
  if (fixture.diff !== undefined && outcome.diff !== fixture.diff)
    problems.push(`expected the diff ${show(fixture.diff)}, got ${show(outcome.diff)}`);
  return problems;
}
