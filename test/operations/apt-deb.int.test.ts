// apt.deb on a fresh container: a .deb built there with dpkg-deb is installed by the first apply, the
// second plan changes nothing, a newer file is an upgrade and present: false removes the package.
// apt.ppa is fixture-tested only (add-apt-repository looks PPAs up on launchpad.net), and so is apt.key's
// keyserver (the container has no network); apt.dist_upgrade is applied in apt-repository.int.test.ts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8" }).trim();
const dir = mkdtempSync(join(tmpdir(), "infra-action-apt-deb-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(mode: "plan" | "apply", deploy: string, name: string) {
  const reportFile = join(dir, `${name}.json`);
  const inventory = join(dir, "inventory.json");
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    { timeoutMs: 120_000 },
  );
  if (result.exitCode !== 0) throw new Error(`${mode} exited ${result.exitCode}:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(readFileSync(reportFile, "utf8")) as Report;
}

const statuses = (report: Report) =>
  Object.fromEntries((report.hosts[0]?.operations ?? []).map((o) => [o.name, o.status]));

// A deploy file with one apt.deb call.
function writeDeploy(name: string, args: string): string {
  const path = join(dir, `${name}.ts`);
  writeFileSync(path, `import { apt } from "infra-action";\napt.deb({ name: "deb", ${args} });\n`);
  return path;
}

describe("apt.deb on a fresh container", () => {
  const container = `infra-action-test-13apt-${process.pid}`;
  const exec = (command: string) => docker("exec", container, "sh", "-c", command);
  // Builds /tmp/iaprobe_<version>.deb in the container: a package with one file and no dependencies.
  const buildDeb = (version: string) =>
    exec(
      `set -e; d=$(mktemp -d); mkdir -p $d/DEBIAN $d/usr/share/iaprobe; echo ${version} > $d/usr/share/iaprobe/version; ` +
        `printf 'Package: iaprobe\\nVersion: ${version}\\nArchitecture: all\\nMaintainer: t <t@example.com>\\nDescription: probe\\n' > $d/DEBIAN/control; ` +
        `dpkg-deb --build $d /tmp/iaprobe_${version}.deb >/dev/null; rm -rf $d`,
    );
  beforeAll(() => {
    docker("run", "-d", "--init", "--network", "none", "--name", container, env.image, "sleep", "infinity");
    buildDeb("1.0");
    buildDeb("1.1");
    writeFileSync(join(dir, "inventory.json"), JSON.stringify({ targets: [[`@docker/${container}`, {}]] }));
  }, 60_000);
  afterAll(() => {
    docker("rm", "-f", container);
  });

  test("installs, then finds nothing to change; a newer file upgrades; present: false removes", async () => {
    const install = writeDeploy("install", `src: "/tmp/iaprobe_1.0.deb"`);
    expect(statuses(await run("apply", install, "first"))).toEqual({ deb: "changed" });
    expect(exec("dpkg -s iaprobe | sed -n 's/^Version: //p'")).toBe("1.0");
    expect(statuses(await run("plan", install, "second"))).toEqual({ deb: "unchanged" });

    const upgrade = writeDeploy("upgrade", `src: "/tmp/iaprobe_1.1.deb"`);
    expect(statuses(await run("apply", upgrade, "upgrade"))).toEqual({ deb: "changed" });
    expect(exec("cat /usr/share/iaprobe/version")).toBe("1.1");
    expect(statuses(await run("plan", upgrade, "upgrade-again"))).toEqual({ deb: "unchanged" });

    const remove = writeDeploy("remove", `src: "/tmp/iaprobe_1.1.deb", present: false`);
    expect(statuses(await run("apply", remove, "remove"))).toEqual({ deb: "changed" });
    expect(exec("dpkg -s iaprobe 2>/dev/null | grep '^Status:' || true")).not.toBe("Status: install ok installed");
    expect(statuses(await run("plan", remove, "remove-again"))).toEqual({ deb: "unchanged" });
  }, 300_000);
});
