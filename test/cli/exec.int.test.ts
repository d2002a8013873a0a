// `infra-action exec` on the three kinds of host at once: @local, a Docker image and an SSH server.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { cliPath, repoRoot, runCli } from "../helpers/run-cli.js";
import { loadTestEnv } from "../helpers/test-env.js";

const image = loadTestEnv().image;

test("runs on every host in parallel and prints each one's output, then a summary", async () => {
  const result = await runCli([
    "exec",
    "examples/inventory/test-hosts.ts",
    "--",
    "id -un; cat /etc/debian_version >/dev/null && echo debian",
  ]);
  expect(result.exitCode).toBe(0);
  const lines = result.stdout.split("\n");
  const expected: Array<[string, string]> = [
    ["@local", "root"],
    [`@docker/${image}`, "root"],
    ["test-sshd", "deploy"],
  ];
  for (const [host, user] of expected) {
    expect(lines).toContain(`[${host}] ${user}`);
    expect(lines).toContain(`[${host}] debian`);
    expect(result.stdout).toMatch(
      new RegExp(`^${host.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\s+ok\\s+0\\s+\\d+\\.\\ds$`, "m"),
    );
  }
  expect(result.stdout).toContain("3 ok, 0 failed or unreachable");
});

test("--sudo runs as root everywhere; --limit picks hosts by group", async () => {
  const result = await runCli([
    "exec",
    "examples/inventory/test-hosts.ts",
    "--sudo",
    "--limit",
    "ssh_servers",
    "--",
    "id",
    "-un",
  ]);
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toMatch(/^\[test-sshd\] root$/m);
  expect(result.stdout).not.toContain("[@local]");
  expect(result.stdout).toContain("1 ok, 0 failed or unreachable");
});

test("SIGTERM while the command runs: the engine disconnects every host (the container is removed), exit 143", async () => {
  const dir = mkdtempSync(join(tmpdir(), "infra-action-exec-sigterm-"));
  const inventory = join(dir, "inventory.json");
  writeFileSync(inventory, JSON.stringify({ targets: ["@local", `@docker/${image}`] }));
  const containers = () =>
    execFileSync("docker", ["ps", "-aq", "--filter", "label=infra-action"], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
  const before = new Set(containers());
  const child = spawn(process.execPath, [cliPath, "exec", inventory, "--", "echo started; sleep 59"], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: "1" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
  const deadline = Date.now() + 30_000;
  while (!(stdout.includes("[@local] started") && stdout.includes(`[@docker/${image}] started`))) {
    if (Date.now() > deadline) throw new Error(`exec did not start on both hosts: ${stdout}${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  expect(await closed).toBe(143);
  expect(stderr).toContain("infra-action: SIGTERM received, cleaning up…");
  expect(stdout).not.toContain("failed or unreachable");
  expect(containers().filter((id) => !before.has(id))).toEqual([]);
  const left = execFileSync("sh", ["-c", "pgrep -fc '^sleep 59$' || true"], { encoding: "utf8" }).trim();
  expect(left).toBe("0");
});
