// `--shard I/N` and `merge-reports`: four shard plans of six SSH hosts merge into one report whose
// digest is the unsharded plan's; bad values and bad reports are refused with a clear message.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { shardOfHost } from "../../src/inventory/shard.js";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const deploy = "test/fixtures/deploys/shard-marker.ts";
const names = ["web-1", "web-2", "web-3", "db-1", "db-2", "cache-1"];
const dir = mkdtempSync(join(tmpdir(), "infra-action-shards-"));
const inventory = join(dir, "inventory.json");

beforeAll(() => {
  // Six inventory hosts, all the same sshd, each with its own directory.
  // One host's data holds a password: it keys the digest of every shard, not only that host's.
  const targets = names.map((name) => [
    name,
    deployHostData(env, {
      root: `/tmp/ia-shard-${process.pid}/${name}`,
      ...(name === "cache-1" ? { _sudo_password: "pw-keys-every-shard" } : {}),
    }),
  ]);
  writeFileSync(inventory, JSON.stringify({ targets }));
});

const readReport = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Report;

describe("plan --shard and merge-reports", () => {
  test("four shards: disjoint, complete, and merged into the unsharded plan's digest", async () => {
    const whole = join(dir, "whole.json");
    const unsharded = await runCli(["plan", inventory, deploy, "--report", whole]);
    expect(unsharded.exitCode).toBe(0);
    const shards = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        runCli(["plan", inventory, deploy, "--shard", `${i}/4`, "--report", join(dir, `shard-${i}.json`)]),
      ),
    );
    const files = [1, 2, 3, 4].map((i) => join(dir, `shard-${i}.json`));
    shards.forEach((result, index) => {
      const held = names.filter((name) => shardOfHost(name, 4) === index + 1);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toContain(
        `shard ${index + 1}/4 holds ${held.length || "none"} of the 6 selected hosts${held.length ? "." : ": nothing to do on this shard."}\n`,
      );
      expect(
        readReport(files[index] as string)
          .hosts.map((h) => h.name)
          .sort(),
      ).toEqual(held.sort());
    });
    const mergedFile = join(dir, "merged.json");
    const merged = await runCli(["merge-reports", ...files, "--report", mergedFile, "--detailed-exitcode"]);
    expect(merged.stderr).toBe("");
    expect(merged.exitCode).toBe(2);
    const digest = readReport(whole).planDigest;
    expect(merged.stdout).toContain(`Plan digest: ${digest}\n`);
    expect(merged.stdout).toContain(
      "6 hosts: 6 to change, 0 unchanged, 0 failed, 0 unreachable; 12 operations to change.",
    );
    const report = readReport(mergedFile);
    expect(report.planDigest).toBe(digest);
    expect(report.hosts.map((h) => h.name)).toEqual([...names].sort());
  });

  test("--limit applies first; a shard with no hosts plans nothing and writes an empty report", async () => {
    const empty = [1, 2, 3, 4].find((i) => shardOfHost("web-1", 4) !== i) as number;
    const file = join(dir, "empty.json");
    const result = await runCli([
      "plan",
      inventory,
      deploy,
      "--limit",
      "web-1",
      "--shard",
      `${empty}/4`,
      "--report",
      file,
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(
      `shard ${empty}/4 holds none of the 1 selected host: nothing to do on this shard.\n`,
    );
    expect(readReport(file).hosts).toEqual([]);
    expect(readReport(file).totals.hosts).toBe(0);
  });

  test("exec --shard runs on that shard's hosts only", async () => {
    const result = await runCli(["exec", inventory, "--limit", "web-*", "--shard", "1/2", "--", "echo", "hi"]);
    const held = ["web-1", "web-2", "web-3"].filter((name) => shardOfHost(name, 2) === 1);
    expect(result.exitCode).toBe(0);
    for (const name of ["web-1", "web-2", "web-3"])
      expect(result.stdout.includes(`[${name}] hi`)).toBe(held.includes(name));
    expect(result.stdout).toContain(`${held.length} ok, 0 failed or unreachable`);
  });

  test.each([
    ["0/4", "plan"],
    ["5/4", "apply"],
    ["x", "exec"],
  ])("--shard %s on %s: a usage error naming the value", async (value, command) => {
    const tail = command === "exec" ? ["--", "true"] : command === "apply" ? [deploy, "--yes"] : [deploy];
    const result = await runCli([command, inventory, "--shard", value, ...tail]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      `error: --shard "${value}" is not a shard: give I/N, a shard number I from 1 to N and the number of shards N, e.g. "1/4" (in a matrix: "\${{ matrix.shard }}/4").\n`,
    );
  });
});

describe("merge-reports refuses", () => {
  test.each<[string, () => string[], string]>([
    [
      "a missing file",
      () => [join(dir, "nope.json")],
      `error: Report ${join(dir, "nope.json")} does not exist. Give the files the shard jobs wrote with --report (in a workflow: downloaded with actions/download-artifact).\n`,
    ],
    [
      "a file that is not JSON",
      () => {
        writeFileSync(join(dir, "bad.json"), "{ not json");
        return [join(dir, "bad.json")];
      },
      `error: ${join(dir, "bad.json")} is not valid JSON (`,
    ],
    ["one report given twice", () => [join(dir, "whole.json"), join(dir, "whole.json")], "is in both"],
  ])("%s", async (_, files, message) => {
    const result = await runCli(["merge-reports", ...files()]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain("internal error");
  });
});
