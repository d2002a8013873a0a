// Package lists, kernel parameters and the distribution on a real host (the Debian sshd container,
// as the deploy user): what the host would not tell makes the operation "cannot tell", never a
// made-up change; a pip that is not there yet has installed nothing.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readFact } from "../../src/engine/read-fact.js";
import { runDeploy } from "../../src/engine/run-deploy.js";
import { Directory, File, FileContents } from "../../src/facts/files.js";
import { LinuxDistribution, Sysctl } from "../../src/facts/server.js";
import { apiForInstance } from "../../src/host/instances.js";
import * as publicApi from "../../src/index.js";
import type { InventoryHost } from "../../src/inventory/types.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
// A home of its own, so no ~/.ssh of the machine's user takes part.
const context = { homeDir: mkdtempSync(join(tmpdir(), "infra-action-facts-home-")) };
const host: InventoryHost = { name: "web-a", connector: "ssh", groups: [], data: deployHostData(env) };
type Api = typeof publicApi;

// Plans `deploy` on the main server and gives each operation's status and reason by name.
async function plan(deploy: (api: Api) => void) {
  const report = await runDeploy(
    {
      inventory: { file: "/inventory.json", hosts: [host], groups: {}, warnings: [] },
      deployFiles: ["/deploy.ts"],
      mode: "plan",
      parallel: 1,
      connectContext: context,
    },
    {
      loadDeploy: async (_file, instance) => {
        deploy(apiForInstance({ ...publicApi }, instance) as unknown as Api);
      },
    },
  );
  const web = report.hosts[0];
  return {
    error: web?.error,
    ops: Object.fromEntries((web?.operations ?? []).map((op) => [op.name, [op.status, op.reason ?? ""]])),
  };
}

describe("facts the host would not give, on a real host", () => {
  test("a denied kernel parameter and a missing rpm make the plan incomplete; a pip not there yet plans its install", async () => {
    const { error, ops } = await plan(({ server, dnf, apt, pip }) => {
      server.sysctl({ name: "denied key", key: "kernel.cad_pid", value: 1 });
      dnf.packages({ name: "rpm on debian", packages: ["nginx"] });
      apt.packages({ name: "dpkg there", packages: ["dpkg"] });
      apt.upgrade({ name: "upgrade simulated" });
      pip.packages({ name: "venv not made yet", packages: ["requests"], virtualenv: "/tmp/ia-no-such-venv" });
    });
    expect(ops["denied key"]?.[1]).toBe(
      "cannot tell: cannot read kernel parameter kernel.cad_pid: permission denied — does it need `_sudo: true`?",
    );
    expect(ops["rpm on debian"]?.[1]).toBe(
      "cannot tell: cannot list the installed RPM packages: rpm: not found — is it installed on the host?",
    );
    expect(ops["dpkg there"]?.[1]).toBe("package dpkg is already installed");
    expect(ops["upgrade simulated"]?.[0]).not.toBe("failed");
    expect(ops["venv not made yet"]).toEqual(["changed", "create virtualenv /tmp/ia-no-such-venv; install requests"]);
    expect(error).toMatch(/^plan incomplete: 2 operations cannot tell what to do \("denied key", "rpm on debian"\)/);
  }, 60_000);

  test("infra-action fact shows the distribution, and the kernel parameters with why some are missing", async () => {
    const read = async (fact: typeof Sysctl | typeof LinuxDistribution) =>
      (await readFact([host], { fact: fact as never, args: undefined }, 1, context)).values[0];
    expect(await read(LinuxDistribution)).toMatchObject({ name: "Debian", major: 12, id: "debian" });
    const sysctl = JSON.parse(JSON.stringify(await read(Sysctl))) as Record<string, unknown>;
    expect(sysctl["kernel.cad_pid"]).toEqual({
      unreadable: "cannot read kernel parameter kernel.cad_pid: permission denied",
    });
    expect(typeof sysctl["kernel.hostname"]).toBe("string");
  }, 60_000);

  test("a missing path is told from one the user may not look at, without stat where shell tests prove it missing", async () => {
    const read = async (fact: typeof File | typeof Directory | typeof FileContents, path: string) =>
      JSON.parse(
        JSON.stringify((await readFact([host], { fact: fact as never, args: { path } }, 1, context)).values[0]),
      );
    // Missing under a directory the user may search, one and three levels down: null.
    expect(await read(File, "/tmp/ia-no-such-file")).toBeNull();
    expect(await read(FileContents, "/tmp/ia-no-such-dir/a/b/c")).toBeNull();
    expect(await read(Directory, "/tmp/ia-no-such-dir/a")).toBeNull();
    // A regular file where a directory should be: missing too (stat says "Not a directory").
    expect(await read(File, "/etc/hostname/x")).toBeNull();
    // Under /root (mode 700), the deploy user cannot tell: unreadable with the reason, never "missing".
    expect(await read(File, "/root/ia-secret")).toEqual({
      error: "cannot stat /root/ia-secret: permission denied",
    });
    expect(await read(FileContents, "/root/ia-secret")).toEqual({
      error: "cannot read /root/ia-secret: permission denied",
    });
    // Present: the metadata.
    expect(await read(Directory, "/etc")).toMatchObject({ user: "root", mode: 755 });
    expect(await read(FileContents, "/etc/hostname")).toMatchObject({
      user: "root",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  }, 60_000);
});
