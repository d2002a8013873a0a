// A fact: a remote command and a pure parser of its output. Facts never touch a connector.

export interface FactOutput {
  stdout: string;
  exitCode: number;
}

export interface Fact<Args, Result> {
  // pyinfra's name ("LinuxDistribution"): the name users pass to host.getFact.
  readonly name: string;
  readonly description: string;
  // The shell command printing what `parse` reads; every argument quoted.
  command(args: Args): string;
  // Output → value. Must not throw on any output: unexpected text gives an empty or null value.
  parse(output: FactOutput, args: Args): Result;
}

// Declares a fact (identity function that fixes the types).
export function defineFact<Args = undefined, Result = unknown>(fact: Fact<Args, Result>): Fact<Args, Result> {
  return fact;
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
