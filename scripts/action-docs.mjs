// Writes the README's inputs and outputs tables from action.yml (between the action-docs markers).
// `--check` fails when the README is not current.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { checkOrWrite } from "./lib/generated-section.mjs";

const action = parse(readFileSync("action.yml", "utf8"));
const cell = (text) =>
  String(text ?? "")
    .replace(/\|/g, "\\|")
    .replace(/\n/g, " ")
    .trim();
const inputs = Object.entries(action.inputs).map(
  ([name, input]) =>
    `| \`${name}\` | ${input.required ? "**required**" : input.default === "" ? "" : `\`${cell(input.default)}\``} | ${cell(input.description)} |`,
);
const outputs = Object.entries(action.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`);
const block = [
  "<!-- action-docs:start (generated from action.yml by `node scripts/action-docs.mjs`) -->",
  "",
  "| input | default | meaning |",
  "|---|---|---|",
  ...inputs,
  "",
  "| output | meaning |",
  "|---|---|",
  ...outputs,
  "",
  "<!-- action-docs:end -->",
].join("\n");

const readme = readFileSync("README.md", "utf8");
const start = readme.indexOf("<!-- action-docs:start");
const end = readme.indexOf("<!-- action-docs:end -->");
if (start < 0 || end < 0) {
  console.error("README.md has no action-docs markers.");
  process.exit(1);
}
const next = `${readme.slice(0, start)}${block}${readme.slice(end + "<!-- action-docs:end -->".length)}`;
checkOrWrite("README.md", readme, next, {
  stale: "README.md's action inputs/outputs tables are out of date: run `node scripts/action-docs.mjs`.",
  fresh: "README.md's action tables match action.yml.",
});
