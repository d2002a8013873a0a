// `infra-action fact`: each host's fact as JSON.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { cliPath, repoRoot, runCli } from "../helpers/run-cli.js";
import { loadTestEnv } from "../helpers/test-env.js";

const image = loadTestEnv().image;

test("LinuxDistribution on a container and an SSH server", async () => {
  const result = await runCli([
    "fact",
    "examples/inventory/test-hosts.ts",
    "LinuxDistribution",
    "--limit",
    "containers,ssh_servers",
  ]);
  expect(result.exitCode).toBe(0);
  const facts = JSON.parse(result.stdout);
  for (const host of [`@docker/${image}`, "test-sshd"]) {
    expect(facts[host]).toMatchObject({ name: "Debian", major: 12, id: "debian" });
  }
});

test("a fact with arguments", async () => {
  const result = await runCli([
    "fact",
    "examples/inventory/test-hosts.ts",
    "File",
    "path=/etc/hostname",
    "--limit",
    "ssh_servers",
  ]);
  expect(result.exitCode).toBe(0);
  expect(JSON.parse(result.stdout)["test-sshd"]).toMatchObject({ user: "root", group: "root", mode: 644 });
});

test("an unknown fact names the closest one", async () => {
  const result = await runCli(["fact", "examples/inventory/test-hosts.ts", "LinuxDistro"]);
  expect(result.exitCode).toBe(1);
  expect(result.stderr).toMatch(
    /^error: there is no fact "LinuxDistro" \(did you mean "LinuxDistribution"\?\)\. Facts: /,
  );
});

test("SIGTERM while a fact is read: the engine disconnects every host (the container is removed), exit 143", async () => {
  const dir = mkdtempSync(join(tmpdir(), "infra-action-fact-sigterm-"));
  const inventory = join(dir, "inventory.json");
  writeFileSync(inventory, JSON.stringify({ targets: [`@docker/${image}`] }));
  const sh = (script: string) => execFileSync("sh", ["-c", script], { encoding: "utf8" }).trim();
  const containers = () => sh("docker ps -aq --filter label=infra-action").split("\n").filter(Boolean);
  const before = new Set(containers());
  const child = spawn(process.execPath, [cliPath, "fact", inventory, "Command", "command=sleep 58"], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: "1" },
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
  // The fact's command runs in the container (its processes are visible from here).
  const deadline = Date.now() + 30_000;
  while (sh("pgrep -fc '^sleep 58$' || true") === "0") {
    if (Date.now() > deadline) throw new Error(`the fact's command did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  expect(await closed).toBe(143);
  expect(stderr).toContain("infra-action: SIGTERM received, cleaning up…");
  expect(containers().filter((id) => !before.has(id))).toEqual([]);
  expect(sh("pgrep -fc '^sleep 58$' || true")).toBe("0");
});
