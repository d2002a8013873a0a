// An operation: a pure function of its arguments and facts giving commands, or a no-op and why.
import type { Fact } from "../facts/fact.js";

// What an operation asks the host to do. Commands are data until the engine builds the script.
export type Command =
  | { type: "shell"; command: string }
  // Write a file atomically: content as base64; mode/user/group applied before it is moved into place.
  // With `ifSha256`, only when the file still has that hash (null: still does not exist), else fail.
  | {
      type: "file";
      path: string;
      content: string;
      mode?: string;
      user?: string;
      group?: string;
      ifSha256?: string | null;
    }
  // Copy a file from the host to this machine (files.get).
  | { type: "get"; path: string; local: string }
  // Reboot, then wait for the host to come back (server.reboot).
  | { type: "reboot"; delay: number; interval: number; timeout: number };

export type OperationPlan =
  | { changed: false; reason: string }
  | { changed: true; commands: Command[]; reason?: string; diff?: string };

// A fact an operation reads, with its arguments.
export interface FactNeed {
  fact: Fact<never, unknown>;
  args?: unknown;
}

// Facts gathered for an operation, read by fact and arguments. When the host would not give a fact
// (permission denied, git refusing the repository) `get` throws CannotTell: the plan stops there
// and the operation is reported as "cannot tell", never planned from a guess.
export interface FactLookup {
  get<A, R>(fact: Fact<A, R>, args?: A): R;
}

// Thrown by FactLookup.get for a fact the host would not give; `reason` says why
// ("cannot read /etc/app.conf: permission denied").
export class CannotTell extends Error {
  override name = "CannotTell";
  constructor(readonly reason: string) {
    super(reason);
  }
}

// What `prepare` may use: the only local I/O an operation gets, done before planning.
export interface PrepareContext {
  // Reads a file of the user's repository (relative to the working directory).
  readLocalFile(path: string): Promise<Buffer>;
  // Renders a Jinja2 template of the repository with the given variables.
  renderTemplate(path: string, variables: Record<string, unknown>): Promise<string>;
  // Lists a local directory's files, recursively, relative paths with their bytes.
  readLocalTree(path: string): Promise<Array<{ path: string; content: Buffer; mode: number }>>;
  // Reads a local file if it exists (files.get compares with it).
  readLocalFileIfExists(path: string): Promise<Buffer | undefined>;
}

export interface OperationDefinition<Args = Record<string, unknown>, Prepared = undefined> {
  // "apt.packages"
  readonly name: string;
  // One line for docs and `--help`.
  readonly description: string;
  // Checks and normalises the operation's own arguments; throws OperationArgumentError.
  validate(args: Record<string, unknown>): Args;
  // Local I/O the plan needs (read a source file, render a template).
  prepare?(args: Args, context: PrepareContext): Promise<Prepared>;
  // The facts the plan reads.
  facts(args: Args, prepared: Prepared): FactNeed[];
  // Pure: arguments + facts (+ prepared local data) → commands or a no-op reason.
  plan(args: Args, facts: FactLookup, prepared: Prepared): OperationPlan;
}

// Declares an operation (identity function that fixes the types).
export function defineOperation<Args, Prepared = undefined>(
  definition: OperationDefinition<Args, Prepared>,
): OperationDefinition<Args, Prepared> {
  return definition;
}

// A no-op with its reason.
export const noop = (reason: string): OperationPlan => ({ changed: false, reason });

// A change made of shell commands (and optionally files, a diff and a reason).
export function change(
  commands: Array<Command | string>,
  extra: { reason?: string; diff?: string } = {},
): OperationPlan {
  return {
    changed: true,
    commands: commands.map((c) => (typeof c === "string" ? { type: "shell", command: c } : c)),
    ...extra,
  };
}
