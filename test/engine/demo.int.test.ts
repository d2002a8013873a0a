// The README's main command: plan, apply and plan again the demo deploy on @local.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { repoRoot, runCli } from "../helpers/run-cli.js";

test("npm run demo: changes on the first plan, applies them, then finds nothing to change", () => {
  const result = spawnSync(process.execPath, ["scripts/demo.mjs"], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("=== Plan: what would change ===");
  expect(result.stdout).toMatch(/@local: 5 would change/);
  expect(result.stdout).toMatch(/@local: 5 changed/);
  expect(result.stdout).toMatch(/@local: 0 would change/);
  expect(result.stdout).toContain("The second plan found no changes: the deploy is idempotent.");
});

test("plan and apply write the report: statuses, commands, diffs, digests", async () => {
  const root = mkdtempSync(join(tmpdir(), "infra-action-demo-test-"));
  const args = ["examples/demo/inventory.ts", "examples/demo/deploy.ts", "--data", `demo_root=${root}`];
  const planFile = join(root, "plan.json");
  const plan = await runCli(["plan", ...args, "--report", planFile, "--detailed-exitcode"]);
  expect(plan.exitCode).toBe(2);
  const planReport = JSON.parse(readFileSync(planFile, "utf8")) as Report;
  expect(planReport).toMatchObject({
    version: 1,
    mode: "plan",
    totals: { hosts: 1, changed: 1, unchanged: 0, failed: 0, unreachable: 0, operationsChanged: 5 },
  });
  const ops = planReport.hosts[0]?.operations ?? [];
  expect(ops.map((o) => [o.name, o.op, o.status])).toEqual([
    ["Create the app directory", "files.directory", "changed"],
    ["Create the log directory", "files.directory", "changed"],
    ["Render the app config", "files.template", "changed"],
    ["Pin the environment", "files.line", "changed"],
    ["Point current at the app", "files.link", "changed"],
  ]);
  expect(ops[2]?.diff).toContain("+listen = 127.0.0.1:8080\n");
  expect(planReport.planDigest).toMatch(/^[0-9a-f]{64}$/);
  // The same plan twice gives the same digest.
  const again = await runCli(["plan", ...args, "--report", join(root, "plan2.json")]);
  expect(again.exitCode).toBe(0);
  expect((JSON.parse(readFileSync(join(root, "plan2.json"), "utf8")) as Report).planDigest).toBe(planReport.planDigest);

  const apply = await runCli(["apply", ...args, "--yes", "--report", join(root, "apply.json")]);
  expect(apply.exitCode).toBe(0);
  const applyReport = JSON.parse(readFileSync(join(root, "apply.json"), "utf8")) as Report;
  expect(applyReport.mode).toBe("apply");
  expect(applyReport.planDigest).toBe(planReport.planDigest);
  expect(applyReport.hosts[0]?.operations.every((o) => o.status === "changed")).toBe(true);
  expect(readFileSync(join(root, "app/app.conf"), "utf8")).toBe(
    "# demo-app on @local — managed by infra-action\nlisten = 127.0.0.1:8080\nworkers = 4\nupstream.1 = 10.0.0.11:9000\nupstream.2 = 10.0.0.12:9000\n",
  );
  expect((statSync(join(root, "app/app.conf")).mode & 0o777).toString(8)).toBe("640");
  expect(readFileSync(join(root, "app/env"), "utf8")).toBe("ENVIRONMENT=demo\n");
  expect(readlinkSync(join(root, "current"))).toBe(join(root, "app"));

  const after = await runCli(["plan", ...args, "--report", join(root, "after.json"), "--detailed-exitcode"]);
  expect(after.exitCode).toBe(0);
  const afterReport = JSON.parse(readFileSync(join(root, "after.json"), "utf8")) as Report;
  expect(afterReport.hosts[0]?.operations.map((o) => [o.status, o.reason])).toEqual([
    ["unchanged", `directory ${root}/app exists with the requested owner and mode`],
    ["unchanged", `directory ${root}/app/logs exists with the requested owner and mode`],
    ["unchanged", `${root}/app/app.conf is up to date`],
    ["unchanged", `a line matching ^ENVIRONMENT= is already in ${root}/app/env`],
    ["unchanged", `link ${root}/current already points at ${root}/app`],
  ]);
  // A no-op plan costs at most 2 remote executions per host after connecting.
  expect(afterReport.hosts[0]?.executions).toBeLessThanOrEqual(2);
});

test("apply without a terminal and without --yes refuses and changes nothing", async () => {
  const root = mkdtempSync(join(tmpdir(), "infra-action-demo-test-"));
  const result = await runCli([
    "apply",
    "examples/demo/inventory.ts",
    "examples/demo/deploy.ts",
    "--data",
    `demo_root=${root}`,
  ]);
  expect(result.exitCode).toBe(1);
  expect(result.stderr).toBe(
    "error: apply changes hosts: without a terminal to confirm on, pass --yes (review the plan first with infra-action plan).\n",
  );
  expect(() => statSync(join(root, "app"))).toThrow();
});

// Runs the CLI on a pseudo-terminal (util-linux `script`), typing `answer` at the prompt.
function onTerminal(args: string, answer: string): { status: number | null; output: string } {
  const result = spawnSync(
    "sh",
    ["-c", `(sleep 3; printf '${answer}\\r') | script -qec "${process.execPath} dist/cli.js ${args}" /dev/null`],
    {
      cwd: repoRoot,
      encoding: "utf8",
      timeout: 60_000,
      // The words, not the terminal's colours, are under test here.
      env: { ...process.env, NO_COLOR: "1" },
    },
  );
  return { status: result.status, output: result.stdout };
}

test("apply on a terminal shows the plan and asks: anything but yes changes nothing", () => {
  const root = mkdtempSync(join(tmpdir(), "infra-action-tty-"));
  const args = `apply examples/demo/inventory.ts examples/demo/deploy.ts --data demo_root=${root}`;
  const no = onTerminal(args, "no");
  expect(no.status).toBe(1);
  expect(no.output).toContain("@local: 5 would change");
  expect(no.output).toContain("Apply these changes? Only 'yes' is accepted:");
  expect(no.output).toContain("Apply cancelled; nothing was changed.");
  expect(() => statSync(join(root, "app"))).toThrow();
  const yes = onTerminal(args, "yes");
  expect(yes.status).toBe(0);
  expect(yes.output).toContain("@local: 5 changed");
  expect(statSync(join(root, "app")).isDirectory()).toBe(true);
});

test("Ctrl-C at the apply prompt cancels like SIGINT: exit 130, nothing changed, no internal error", () => {
  const root = mkdtempSync(join(tmpdir(), "infra-action-tty-"));
  const args = `apply examples/demo/inventory.ts examples/demo/deploy.ts --data demo_root=${root}`;
  const cancelled = onTerminal(args, "\\003");
  expect(cancelled.output).toContain("Apply these changes? Only 'yes' is accepted:");
  expect(cancelled.output).not.toContain("internal error");
  expect(cancelled.status).toBe(130);
  expect(() => statSync(join(root, "app"))).toThrow();
});
