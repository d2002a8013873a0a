// A fact: a remote command and a pure parser of its output. Facts never touch a connector.

/** What a fact's command printed, as `parse` gets it. */
export interface FactOutput {
  /** Standard output, whole. */
  stdout: string;
  /** What the command said on standard error (the last lines of it): why something could not be read. */
  stderr: string;
  /** The command's exit code. */
  exitCode: number;
}

/** One argument a fact takes, as `host.getFact` and `infra-action fact` check it. */
export interface FactArgument {
  /** The argument's type; `infra-action fact … key=true` turns the text into a boolean for "boolean". */
  type: "string" | "boolean";
  /** Whether it must be given. */
  required?: boolean;
  /** What it is, for error messages ("a path on the host"). */
  description: string;
}

// What a fact's parse gives when the host would not tell (permission denied, a missing command, git
// refusing a repository): the reason, "cannot read /etc/app.conf: permission denied". Never a value
// that looks like "absent".
export class Unreadable {
  constructor(readonly unreadable: string) {}
}

/** A fact, as `defineFact` takes it: a shell command and a pure parser of its output. */
export interface Fact<Args, Result> {
  /** Its name ("LinuxDistribution", pyinfra's for built-ins): reports and errors show it. Keep it unique. */
  readonly name: string;
  /** One line saying what it gives. */
  readonly description: string;
  /**
   * The arguments it takes, by name ({} for none). Every built-in fact declares them; an argument
   * not listed here, or a required one missing, is refused before anything runs.
   */
  readonly arguments?: Readonly<Record<string, FactArgument>>;
  /** The shell command printing what `parse` reads; quote every argument with `shellQuote`. */
  command(args: Args): string;
  /**
   * Output → value (built-ins give `unreadable(why)` when the output says the host would not tell).
   * Must not throw on any output: unexpected text gives an empty or null value. The
   * command runs with the operation's user (`_sudo`), batched with the host's other facts.
   */
  parse(output: FactOutput, args: Args): Result | Unreadable;
}

// Declares a fact: the definition, typed (its arguments and its value).
export function defineFact<Args = undefined, Result = unknown>(fact: Fact<Args, Result>): Fact<Args, Result> {
  return fact;
}

// The fact, read only where a shell test holds (an init system's services where it runs): elsewhere
// its command starts no process and its value is what the fact makes of no output.
export function onlyWhere<Args, Result>(fact: Fact<Args, Result>, name: string, test: string): Fact<Args, Result> {
  return { ...fact, name, command: (args) => `${test} || exit 0; ${fact.command(args)}` };
}

// A fact value meaning "could not be read, because …".
export function unreadable(reason: string): Unreadable {
  return new Unreadable(reason);
}

// Whether a fact value is an Unreadable rather than the host's answer.
export function isUnreadable(value: unknown): value is Unreadable {
  return value instanceof Unreadable;
}

// Lines of output, without the empty ones.
export function lines(text: string): string[] {
  return text.split("\n").filter((line) => line.trim() !== "");
}

// A whole number from text, or null.
export function toInteger(text: string | undefined): number | null {
  if (text === undefined || !/^-?\d+$/.test(text.trim())) return null;
  return Number(text.trim());
}

// An empty map for names that come from the host ("constructor", "__proto__" are names too).
export function emptyRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
