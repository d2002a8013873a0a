// A corpus of hostile values through every operation that takes them, on @local and over SSH with
// sudo: the target receives each value literally and nothing hidden in it runs.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { recordFault } from "../helpers/fault-table.js";
import { runCli } from "../helpers/run-cli.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const dir = mkdtempSync(join(tmpdir(), "infra-action-hostile-"));

// Each tries to run `touch CANARY` when quoted wrongly anywhere on its way.
function hostileValues(canary: string): string[] {
  return [
    `space name`,
    `quote'single`,
    `quote"double`,
    `$(touch ${canary})`,
    `\`touch ${canary}\``,
    `;touch ${canary}`,
    `&& touch ${canary}`,
    `|touch ${canary}`,
    `-rf`,
    `--help`,
    `star*glob?[ab]`,
    `new\nline touch ${canary}`,
    `$HOME\${IFS}%s%n\\\\back`,
    `#hash !bang {brace} (paren) <in >out`,
  ];
}

async function applyHostile(
  name: string,
  target: [string, Record<string, unknown>],
): Promise<{ report: Report; canary: string }> {
  const canary = `/tmp/ia-canary-${name}-${process.pid}`;
  const data = { ...target[1], canary, hostile: hostileValues(canary) };
  const inventory = join(dir, `${name}.json`);
  writeFileSync(inventory, JSON.stringify({ targets: [[target[0], data]] }));
  const reportFile = join(dir, `${name}-report.json`);
  const result = await runCli(
    ["apply", inventory, "test/fixtures/deploys/hostile.ts", "--yes", "--report", reportFile],
    { timeoutMs: 300_000 },
  );
  expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  return { report: JSON.parse(readFileSync(reportFile, "utf8")) as Report, canary };
}

describe("hostile values", () => {
  test("on @local: literal names, literal content, no canary", async () => {
    const root = join(dir, "local-root");
    const { report, canary } = await applyHostile("local", ["@local", { root }]);
    expect(existsSync(canary)).toBe(false);
    const values = hostileValues(canary);
    // Values holding "/" make nested paths: that is the literal value too.
    values.forEach((value, i) => {
      const d = `${root}/d${i}-${value}`;
      for (const name of ["env", `f-${value}`, `l-${value}`, "lines", `t-${value}`])
        expect(existsSync(`${d}/${name}`), `${d}/${name}`).toBe(true);
      expect(readFileSync(join(d, "env"), "utf8")).toBe(value);
      expect(readFileSync(join(d, "lines"), "utf8")).toBe(`${value.replaceAll("\n", " ")}\n`);
      expect(readFileSync(join(d, `t-${value}`), "utf8")).toBe(`value=${value}\n`);
    });
    const packages = report.hosts[0]?.operations.find((o) => o.name === "hostile packages");
    expect(packages?.status).toBe("failed");
    recordFault({
      scenario: `hostile values × every operation (@local)`,
      affected: 0,
      completed: 1,
      leftovers: 0,
      secretHits: 0,
      injectionEscapes: existsSync(canary) ? 1 : 0,
    });
  });

  test("over SSH through sudo: the same, as root on the target", async () => {
    const root = `/srv/ia-hostile-${process.pid}`;
    const data = deployHostData(env, { root, use_sudo: true });
    const { canary } = await applyHostile("ssh", ["test-sshd", data]);
    const onHost = (...args: string[]) =>
      execFileSync("docker", ["exec", env.servers.main.container, ...args], { encoding: "utf8" });
    const escaped = !onHost("sh", "-c", `ls ${canary} 2>&1 || true`).includes("No such file");
    recordFault({
      scenario: "hostile values × every operation (SSH + sudo)",
      affected: 0,
      completed: 1,
      leftovers: 0,
      secretHits: 0,
      injectionEscapes: escaped ? 1 : 0,
    });
    expect(escaped).toBe(false);
    const values = hostileValues(canary);
    values.forEach((value, i) => {
      expect(onHost("cat", `${root}/d${i}-${value}/env`)).toBe(value);
      expect(onHost("stat", "-c", "%U", `${root}/d${i}-${value}/t-${value}`)).toBe("root\n");
    });
    onHost("rm", "-rf", root);
  });
});
