// Host-name globs for --limit: shell sets and wildcards, and the reason a pattern cannot be used.
import { expect, test } from "vitest";
import { findGlobProblem, globToRegExp } from "../../src/util/glob.js";

test.each([
  ["web-[12]", "web-1", true],
  ["web-[12]", "web-3", false],
  ["web-[!12]", "web-3", true],
  ["web-[!12]", "web-1", false],
  ["web-[]a]", "web-]", true],
  ["web-[[]", "web-[", true],
  ["web-[a-c]*", "web-b9", true],
  ["db.*", "dbx1", false],
  ["w?b-*", "web-01.example.com", true],
  ["*(x)+|y", "a(x)+|y", true],
])("%s on %s: %s", (glob, name, matches) => {
  expect(globToRegExp(glob).test(name)).toBe(matches);
});

test.each([
  ["web-[1", 'the "[" at character 5 is never closed'],
  ["[", 'the "[" at character 1 is never closed'],
  ["web-[9-1]", "range out of order in character class"],
  ["web-[12]", undefined],
])("%s: %s", (glob, problem) => {
  expect(findGlobProblem(glob)).toBe(problem);
});
