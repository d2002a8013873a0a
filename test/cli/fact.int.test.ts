// `infra-action fact`: each host's fact as JSON.
import { expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";
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
