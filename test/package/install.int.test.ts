// `npm install infra-action` as a deploy repository does it: from the packed package, offline. Every
// library is bundled into dist/, so the install brings the package alone (no dependencies, no build
// scripts), and the installed CLI plans a deploy that imports "infra-action".
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { repoRoot } from "../helpers/run-cli.js";
import { spawnCollect } from "../helpers/spawn-collect.js";

const dir = mkdtempSync(join(tmpdir(), "infra-action-install-"));
const project = join(dir, "infra");
// npm as `npm test` runs it (npm_execpath), else the one on PATH.
const npm = (args: string[], cwd: string) =>
  process.env.npm_execpath
    ? execFileSync(process.execPath, [process.env.npm_execpath, ...args], { cwd, encoding: "utf8" })
    : execFileSync("npm", args, { cwd, encoding: "utf8" });

let tarball: string;
beforeAll(() => {
  const packed = JSON.parse(npm(["pack", "--json", "--pack-destination", dir], repoRoot)) as Array<{
    filename: string;
  }>;
  tarball = join(dir, packed[0]?.filename ?? "");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "infra", private: true, type: "module" }));
  npm(["install", "--offline", "--no-audit", "--no-fund", tarball], project);
}, 120_000);

test("the install brings infra-action alone: no dependencies, nothing to build", () => {
  const installed = readdirSync(join(project, "node_modules")).filter((name) => !name.startsWith("."));
  expect(installed).toEqual(["infra-action"]);
  const lock = JSON.parse(execFileSync("cat", [join(project, "package-lock.json")], { encoding: "utf8" })) as {
    packages: Record<string, { hasInstallScript?: boolean }>;
  };
  expect(Object.keys(lock.packages).sort()).toEqual(["", "node_modules/infra-action"]);
  expect(lock.packages["node_modules/infra-action"]?.hasInstallScript).toBeUndefined();
});

test("the installed CLI plans a deploy that imports infra-action", async () => {
  writeFileSync(join(project, "inventory.ts"), 'export const machines = ["@local"];\n');
  writeFileSync(
    join(project, "deploy.ts"),
    'import { server } from "infra-action";\nserver.shell({ name: "Say hello", commands: ["echo hello"] });\n',
  );
  const cli = join(project, "node_modules", "infra-action", "dist", "cli.js");
  const version = await spawnCollect(process.execPath, [cli, "--version"], {
    cwd: project,
    env: process.env,
    timeoutMs: 20_000,
  });
  expect(version.stdout.trim()).toMatch(/^infra-action \d+\.\d+\.\d+/);
  const plan = await spawnCollect(process.execPath, [cli, "plan", "inventory.ts", "deploy.ts"], {
    cwd: project,
    env: { ...process.env, NO_COLOR: "1" },
    timeoutMs: 60_000,
  });
  expect(plan.exitCode, plan.stderr).toBe(0);
  expect(plan.stdout).toContain("Say hello");
});
