// When the CLI colours: whatever says no wins, FORCE_COLOR colours a pipe, a terminal is coloured by default.
import { expect, test } from "vitest";
import { chooseColour } from "../../src/cli/colour-choice.js";

test.each<[string, boolean, Record<string, string>, boolean, boolean]>([
  ["a terminal", true, {}, true, true],
  ["a pipe", true, {}, false, false],
  ["a dumb terminal", true, { TERM: "dumb" }, true, false],
  ["--no-color on a terminal", false, {}, true, false],
  ["NO_COLOR=1 on a terminal", true, { NO_COLOR: "1" }, true, false],
  ["NO_COLOR=0 (any non-empty value) on a terminal", true, { NO_COLOR: "0" }, true, false],
  ["an empty NO_COLOR on a terminal", true, { NO_COLOR: "" }, true, true],
  ["FORCE_COLOR=1 on a pipe", true, { FORCE_COLOR: "1" }, false, true],
  ["FORCE_COLOR=3 on a dumb terminal", true, { FORCE_COLOR: "3", TERM: "dumb" }, true, true],
  ["FORCE_COLOR=0 on a terminal", true, { FORCE_COLOR: "0" }, true, false],
  ["FORCE_COLOR=false on a terminal", true, { FORCE_COLOR: "false" }, true, false],
  ["an empty FORCE_COLOR on a pipe", true, { FORCE_COLOR: "" }, false, false],
  ["FORCE_COLOR=1 with NO_COLOR=1", true, { FORCE_COLOR: "1", NO_COLOR: "1" }, false, false],
  ["FORCE_COLOR=1 with --no-color", false, { FORCE_COLOR: "1" }, false, false],
])("%s", (_, flag, env, isTTY, coloured) => {
  expect(chooseColour(flag, env, isTTY)).toBe(coloured);
});
