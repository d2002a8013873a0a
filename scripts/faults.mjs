// `npm run test:faults`: runs the fault, hostile-input and secret tests on the real test machines,
// then prints what each scenario did: hosts affected and completed, leftovers, secret hits and
// injection escapes.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const table = ".test-env/faults.jsonl";
rmSync(table, { force: true });
for (const [command, args] of [
  ["node", ["scripts/test-env.mjs", "up"]],
  ["vitest", ["run", "test/reliability", "test/engine/honest-plan.int.test.ts", "test/action/action.int.test.ts"]],
]) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
if (!existsSync(table)) {
  console.error("No fault rows were recorded.");
  process.exit(1);
}
const rows = readFileSync(table, "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));
const header = ["scenario", "hosts affected", "hosts completed", "leftovers", "secret hits", "injection escapes"];
const cells = rows.map((r) =>
  [r.scenario, r.affected, r.completed, r.leftovers, r.secretHits, r.injectionEscapes].map(String),
);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(" | ")} |`;
console.log(`\n${line(header)}\n| ${widths.map((w) => "-".repeat(w)).join(" | ")} |\n${cells.map(line).join("\n")}`);
const bad = rows.filter((r) => r.leftovers || r.secretHits || r.injectionEscapes);
console.log(
  `\n${rows.length} scenarios; ${bad.length ? `${bad.length} with leftovers, secret hits or escapes` : "no leftovers, no secret hits, no injection escapes"}.`,
);
process.exit(bad.length ? 1 : 0);
