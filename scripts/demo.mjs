// `npm run demo`: plan, apply and plan again the demo deploy on this machine, under a temporary
// directory: the first plan shows changes, the apply makes them, the second plan shows none.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = mkdtempSync(join(tmpdir(), "infra-action-demo-"));
const base = ["dist/cli.js"];
const args = ["examples/demo/inventory.ts", "examples/demo/deploy.ts", "--data", `demo_root=${root}`];

function step(title, extra) {
  console.log(`\n=== ${title} ===\n$ infra-action ${extra[0]} ${args.join(" ")} ${extra.slice(1).join(" ")}\n`);
  const result = spawnSync(process.execPath, [...base, extra[0], ...args, ...extra.slice(1)], { stdio: "inherit" });
  if (result.status !== 0 && result.status !== 2) {
    rmSync(root, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
  return result.status;
}

step("Plan: what would change", ["plan", "--detailed-exitcode"]);
step("Apply", ["apply", "--yes"]);
const again = step("Plan again: nothing left to change", ["plan", "--detailed-exitcode"]);
rmSync(root, { recursive: true, force: true });
console.log(
  again === 0
    ? "\nThe second plan found no changes: the deploy is idempotent."
    : "\nThe second plan still found changes.",
);
process.exit(again === 0 ? 0 : 1);
