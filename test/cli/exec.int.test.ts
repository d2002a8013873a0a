// `infra-action exec` on the three kinds of host at once: @local, a Docker image and an SSH server.
import { expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";
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
