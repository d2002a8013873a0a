// The action's `batch` and `fail-percent` inputs: rolling batches on real SSH hosts, and a bad
// value as a clear failure naming the input.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { runAction } from "../helpers/run-action.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const dir = mkdtempSync(join(tmpdir(), "infra-action-batch-input-"));
const base = `/tmp/ia-batch-input-${process.pid}`;
const onMain = (command: string) =>
  execFileSync("docker", ["exec", env.servers.main.container, "sh", "-c", command], { encoding: "utf8" }).trim();
afterAll(() => onMain(`rm -rf ${base}`));

// Four names for the test sshd; a2 fails its third step on apply.
function inventory(): string {
  const hosts = ["a1", "a2", "b1", "b2"];
  const file = join(dir, "inventory.json");
  const entry = (id: string) => [
    id,
    deployHostData(env, { root: `${base}/${id}`, once_log: `${base}/once.log`, fail_at: id === "a2" ? 3 : 0 }),
  ];
  writeFileSync(file, JSON.stringify({ web: hosts.map(entry) }));
  onMain(
    `mkdir -p ${hosts.map((id) => `${base}/${id}`).join(" ")} && touch ${base}/once.log && chown -R deploy ${base}`,
  );
  return file;
}

const inputs = (extra: Record<string, string>) => ({
  mode: "apply",
  inventory: inventory(),
  deploy: "test/fixtures/deploys/engine-rules.ts",
  "pr-comment": "false",
  ...extra,
});

describe("the batch input", () => {
  test("batch 2 with fail-percent 0: batch 1 failing stops the rollout, and the summary says why", async () => {
    const result = await runAction(inputs({ batch: "2", "fail-percent": "0" }));
    expect(result.exitCode).toBe(1);
    expect(result.outputs["failed-hosts"]).toBe("a2,b1,b2");
    expect(result.summary).toContain(
      "not applied: batch 1 of 2 stopped the rollout: 1 of 2 hosts failed, more than --fail-percent 0.",
    );
    expect(onMain(`ls ${base}/b1 | wc -l`)).toBe("0");
    expect(onMain(`ls ${base}/a1 | wc -l`)).toBe("8");
  });

  test.each([
    ["batch", "0%", "The batch input must be"],
    ["fail-percent", "abc", "The fail-percent input must be"],
  ])("%s: %s is a failure naming the input", async (name, value, message) => {
    const result = await runAction(inputs({ [name]: value }));
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`::error::${message}`);
  });
});
