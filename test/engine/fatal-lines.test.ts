// The lines of a failed operation's stderr that the host's error quotes: the fatal ones, not the hints.
import { describe, expect, test } from "vitest";
import { fatalLines } from "../../src/engine/fatal-lines.js";

describe("fatalLines", () => {
  test.each([
    [
      "apt: the error, not the warning before it",
      "WARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\nReading package lists...\nE: Unable to locate package nginxx\n",
      "E: Unable to locate package nginxx",
    ],
    [
      "git: hints first, the fatal line last",
      "hint: Using 'master' as the name for the initial branch.\nhint: Names commonly chosen instead of 'master' are 'main'.\nfatal: repository 'x' does not exist\n",
      "fatal: repository 'x' does not exist",
    ],
    ["no error-like line: the last lines", "step 1 done\nstep 2 broke\n", "step 1 done step 2 broke"],
    [
      "two error lines: both, in order",
      "cp: cannot stat 'a': No such file or directory\nmv: cannot move: Permission denied\n",
      "cp: cannot stat 'a': No such file or directory mv: cannot move: Permission denied",
    ],
    ["empty", "\n\n", ""],
  ])("%s", (_name, stderr, expected) => {
    expect(fatalLines(stderr)).toBe(expected);
  });
});
