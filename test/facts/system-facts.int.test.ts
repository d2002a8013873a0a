// Issue 13's facts read through `infra-action fact` from the test SSH server (Debian 12) and from @local.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();

// Reads one fact from each host the target names; fails with what the CLI said.
async function readFact(target: "ssh" | "local", fact: string, ...args: string[]): Promise<unknown> {
  const where =
    target === "ssh"
      ? ["examples/inventory/test-hosts.ts", fact, ...args, "--limit", "ssh_servers"]
      : ["@local", fact, ...args];
  const result = await runCli(["fact", ...where]);
  expect(result.exitCode, result.stderr).toBe(0);
  const values = JSON.parse(result.stdout) as Record<string, unknown>;
  const host = target === "ssh" ? "test-sshd" : "@local";
  expect(Object.keys(values)).toEqual([host]);
  return values[host];
}

describe.each(["ssh", "local"] as const)("facts on %s", (target) => {
  test("the distribution: LinuxName, OsVersion, LsbRelease", async () => {
    const name = await readFact(target, "LinuxName");
    if (target === "ssh") expect(name).toBe("Debian");
    else expect(typeof name).toBe("string");
    expect(await readFact(target, "OsVersion")).toMatch(/^\d+\.\d+/);
    const lsb = await readFact(target, "LsbRelease");
    // The test image has no lsb_release: "cannot tell" is null, not an error.
    if (target === "ssh") expect(lsb).toBeNull();
    else if (lsb !== null) expect(lsb).toMatchObject({ id: expect.any(String), release: expect.any(String) });
  });

  test("the hardware: Cpus, Memory, BlockDevices", async () => {
    expect(await readFact(target, "Cpus")).toBeGreaterThanOrEqual(1);
    expect(await readFact(target, "Memory")).toBeGreaterThan(0);
    const devices = (await readFact(target, "BlockDevices")) as Record<string, { mount: string; blocks: number }>;
    const root = Object.values(devices).find((device) => device.mount === "/");
    expect(root?.blocks).toBeGreaterThan(0);
  });

  test("the network: NetworkDevices, Ipv4Addrs, Ipv4Addresses, Ports", async () => {
    const devices = (await readFact(target, "NetworkDevices")) as Record<string, { state: string; ipv4?: unknown }>;
    expect(devices.lo).toMatchObject({ state: "UP", ipv4: { address: "127.0.0.1", mask_bits: 8 } });
    expect(await readFact(target, "Ipv4Addrs")).toMatchObject({ lo: ["127.0.0.1"] });
    expect(await readFact(target, "Ipv4Addresses")).toMatchObject({ lo: "127.0.0.1" });
    const ports = (await readFact(target, "Ports")) as number[];
    expect(Array.isArray(ports)).toBe(true);
    if (target === "ssh") expect(ports).toContain(env.servers.main.port);
  });

  test("the system: Processes, Timezone, Locales, KernelModules, SecurityLimits, RebootRequired, InitdStatus", async () => {
    const processes = (await readFact(target, "Processes")) as Record<string, { ppid: number; command: string }>;
    expect(processes["1"]).toMatchObject({ ppid: 0, command: expect.any(String) });
    if (target === "ssh") expect(Object.values(processes).some((p) => p.command.includes("sshd"))).toBe(true);
    const timezone = await readFact(target, "Timezone");
    expect(typeof timezone).toBe("string");
    if (target === "ssh") expect(timezone).toBe("Etc/UTC");
    expect(await readFact(target, "Locales")).toEqual(expect.arrayContaining(["C", "POSIX"]));
    expect(typeof (await readFact(target, "KernelModules"))).toBe("object");
    expect(Array.isArray(await readFact(target, "SecurityLimits"))).toBe(true);
    expect(await readFact(target, "RebootRequired")).toBe(false);
    const initd = (await readFact(target, "InitdStatus")) as Record<string, boolean | null>;
    if (target === "ssh") expect(initd).toMatchObject({ ssh: true });
    else expect(typeof initd).toBe("object");
  });

  test("packages: DebPackage of an installed package", async () => {
    expect(await readFact(target, "DebPackage", "name=dpkg")).toEqual({
      name: "dpkg",
      version: expect.stringMatching(/^\d/),
    });
    expect(await readFact(target, "DebPackage", "name=/nonexistent/app.deb")).toBeNull();
  });
});

test("AuthorizedKeys: the connecting user's keys over SSH, by name too; none for a user without keys; root's unreadable without _sudo", async () => {
  const keys = (await readFact("ssh", "AuthorizedKeys")) as string[];
  expect(keys.some((key) => key.startsWith("ssh-ed25519 ") && key.endsWith(" infra-action-test-deploy"))).toBe(true);
  expect(await readFact("ssh", "AuthorizedKeys", `user=${env.users.deploy.name}`)).toEqual(keys);
  // pwuser has no authorized keys: an empty list, not an error.
  expect(await readFact("ssh", "AuthorizedKeys", `user=${env.users.pwuser.name}`)).toEqual([]);
  // The connecting user may not read root's: the fact says why instead of claiming there are no keys.
  const result = await runCli([
    "fact",
    "examples/inventory/test-hosts.ts",
    "AuthorizedKeys",
    "user=root",
    "--limit",
    "ssh_servers",
  ]);
  expect(result.exitCode).toBe(1);
  expect(JSON.parse(result.stdout)).toEqual({
    "test-sshd": { error: "cannot read root's ~/.ssh/authorized_keys: permission denied" },
  });
});

test("DebPackage of a .deb file on @local", async () => {
  const dir = mkdtempSync(join(tmpdir(), "infra-action-debpackage-"));
  mkdirSync(join(dir, "pkg", "DEBIAN"), { recursive: true });
  writeFileSync(
    join(dir, "pkg", "DEBIAN", "control"),
    "Package: infra-action-probe\nVersion: 1:2.3-4\nArchitecture: all\nMaintainer: Test <test@example.invalid>\nDescription: probe\n",
  );
  execFileSync("dpkg-deb", ["--build", join(dir, "pkg"), join(dir, "probe.deb")], { stdio: "ignore" });
  expect(await readFact("local", "DebPackage", `name=${join(dir, "probe.deb")}`)).toEqual({
    name: "infra-action-probe",
    version: "1:2.3-4",
  });
});
