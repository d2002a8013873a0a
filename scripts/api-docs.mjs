// Writes the README's operation table, its reference of every operation's arguments and its fact table
// (between the api-docs markers) from the definitions: the registries' names and descriptions
// (src/operations/index.ts, src/facts/index.ts), the fixture-only list (src/operations/fixture-only.ts)
// and the argument types' doc comments (src/operations/arg-types.ts). `--check` fails when the README
// is not current; `--readme FILE` works on another copy of the README. Runs from source: esbuild bundles the
// registries in memory, no build needed. Run it from the repository root.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { checkOrWrite } from "./lib/generated-section.mjs";
import { readOperationTypeDocs } from "./lib/operation-docs.ts";

// The registries, loaded from src/ through a throwaway esbuild bundle (src imports `.js` names of `.ts` files).
async function loadRegistries() {
  const entry = [
    'export { operationFamilies } from "./src/operations/index.ts";',
    'export { fixtureOnlyOperations } from "./src/operations/fixture-only.ts";',
    'export { facts } from "./src/facts/index.ts";',
  ].join("\n");
  const bundled = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    write: false,
    logLevel: "silent",
  });
  const dir = mkdtempSync(join(tmpdir(), "infra-action-api-docs-"));
  try {
    const file = join(dir, "registries.mjs");
    writeFileSync(file, bundled.outputFiles[0].contents);
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Text made safe for one markdown table cell.
const cell = (text) =>
  String(text ?? "")
    .replace(/\|/g, "\\|")
    .replace(/\n/g, " ")
    .trim();

// Text made safe inside HTML (a <summary>), where markdown is not read: `code` becomes <code>code</code>.
const html = (text) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/`([^`]*)`/g, "<code>$1</code>");

// What is wrong between the registries, the fixture-only list and the argument types, one line each.
function findProblems(registered, typeDocs, fixtureOnly) {
  const typed = new Set(typeDocs.operations.map((op) => op.name));
  const problems = [];
  for (const name of registered.keys())
    if (!typed.has(name))
      problems.push(`${name} has no entry in src/operations/arg-types.ts: add its arguments, with doc comments`);
  for (const op of typeDocs.operations) {
    if (!registered.has(op.name))
      problems.push(`${op.name} is in src/operations/arg-types.ts but no operation family registers it`);
    if (!op.doc) problems.push(`${op.name} has no doc comment in src/operations/arg-types.ts`);
    for (const arg of op.arguments)
      if (!arg.doc)
        problems.push(`${op.name}'s argument ${arg.name} has no doc comment in src/operations/arg-types.ts`);
  }
  for (const arg of typeDocs.globals)
    if (!arg.doc) problems.push(`the global argument ${arg.name} has no doc comment (GlobalArgsInput)`);
  for (const name of Object.keys(fixtureOnly))
    if (!registered.has(name)) problems.push(`src/operations/fixture-only.ts names ${name}, which is no operation`);
  return problems;
}

// One argument as a list item: name, type, whether it is required, and its doc comment.
function argumentLine(arg) {
  const name = arg.name === "*" ? "any other argument" : `\`${arg.name}\``;
  return `- ${name} (\`${arg.type}\`${arg.required ? ", **required**" : ""}): ${arg.doc}`;
}

// The operation table: name, description, and "fixture-tested" with the reason for the operations no
// integration test can apply.
function operationsBlock(typeDocs, registered, fixtureOnly) {
  return [
    "| operation | what it does | tested |",
    "|---|---|---|",
    ...typeDocs.operations.map((op) => {
      const reason = fixtureOnly[op.name];
      return `| \`${op.name}\` | ${cell(registered.get(op.name).description)} | ${reason ? `fixture-tested: ${cell(reason)}` : ""} |`;
    }),
  ];
}

// Every operation's own arguments, one line each, folded by family (the global arguments have their own
// table in the README).
function argumentsBlock(typeDocs) {
  const families = Map.groupBy(typeDocs.operations, (op) => op.name.split(".")[0]);
  const lines = [];
  for (const [family, operations] of families) {
    // "files.*: files, directories, …" → "files, directories, …" after the family's name.
    const doc = html(typeDocs.families.find((f) => f.name === family)?.doc.replace(/^[a-z_]+\.\*: */, "") ?? "");
    const count = `${operations.length} operation${operations.length === 1 ? "" : "s"}`;
    lines.push(
      `<details><summary><code>${family}.*</code>: ${doc ? `${doc.replace(/\.$/, "")} ` : ""}(${count})</summary>`,
      "",
    );
    for (const op of operations) {
      lines.push(`**\`${op.name}\`**`, "");
      lines.push(...(op.arguments.length ? op.arguments.map(argumentLine) : ["- no arguments of its own"]), "");
    }
    lines.push("</details>", "");
  }
  return lines.slice(0, -1);
}

// The fact table: name, description and the arguments it takes.
function factsBlock(facts) {
  const args = (fact) =>
    Object.entries(fact.arguments ?? {})
      .map(([name, spec]) => `\`${name}\`${spec.required ? " (required)" : ""}: ${spec.description}`)
      .join("; ");
  return [
    "| fact | what it gives | arguments |",
    "|---|---|---|",
    ...Object.values(facts).map((f) => `| \`${f.name}\` | ${cell(f.description)} | ${cell(args(f))} |`),
  ];
}

// The README with the generated block of that name put between its markers.
function replaceBlock(readme, name, lines) {
  const startMark = `<!-- api-docs:${name}:start`;
  const endMark = `<!-- api-docs:${name}:end -->`;
  const start = readme.indexOf(startMark);
  const end = readme.indexOf(endMark);
  if (start < 0 || end < start)
    throw new Error(
      `no api-docs:${name} markers (\`<!-- api-docs:${name}:start -->\` … \`<!-- api-docs:${name}:end -->\`)`,
    );
  const block = [
    `${startMark} (generated from the definitions by \`node scripts/api-docs.mjs\`) -->`,
    "",
    ...lines,
    "",
    endMark,
  ];
  return `${readme.slice(0, start)}${block.join("\n")}${readme.slice(end + endMark.length)}`;
}

const { operationFamilies, fixtureOnlyOperations, facts } = await loadRegistries();
const registered = new Map(
  Object.values(operationFamilies).flatMap((family) => Object.values(family).map((op) => [op.name, op])),
);
const typeDocs = readOperationTypeDocs();
const problems = findProblems(registered, typeDocs, fixtureOnlyOperations);
if (problems.length > 0) {
  console.error(`The operation definitions disagree:\n${problems.map((p) => `- ${p}`).join("\n")}`);
  process.exit(1);
}

const readmeAt = process.argv.indexOf("--readme");
const readmeFile = readmeAt >= 0 ? process.argv[readmeAt + 1] : "README.md";
if (!readmeFile) {
  console.error("--readme needs a file: node scripts/api-docs.mjs --readme README.md");
  process.exit(1);
}
if (!existsSync(readmeFile)) {
  console.error(`${readmeFile} does not exist: run node scripts/api-docs.mjs from the repository root.`);
  process.exit(1);
}
const readme = readFileSync(readmeFile, "utf8");
let next;
try {
  next = replaceBlock(readme, "operations", operationsBlock(typeDocs, registered, fixtureOnlyOperations));
  next = replaceBlock(next, "arguments", argumentsBlock(typeDocs));
  next = replaceBlock(next, "facts", factsBlock(facts));
} catch (error) {
  console.error(`${readmeFile}: ${error.message}`);
  process.exit(1);
}
checkOrWrite(readmeFile, readme, next, {
  stale: `${readmeFile}'s operation and fact tables are out of date: run \`node scripts/api-docs.mjs\`.`,
  fresh: `${readmeFile}'s operation and fact tables match the definitions.`,
});
