// pip.packages (packages and a requirements file, in a virtualenv it creates) and pip.virtualenv
// (pip.venv is applied in test/engine/operations.int.test.ts) on a fresh container with no network: the wheels are built by the test and installed with
// --no-index --find-links. npm.packages on this machine through @local, installing a tarball `npm pack`
// made into a project directory, offline. The first apply changes the host (checked with a real
// command), the second plan changes nothing; removing works the same way.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8" }).trim();
const dir = mkdtempSync(join(tmpdir(), "infra-action-pip-npm-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(mode: "plan" | "apply", inventory: string, deploy: string, name: string) {
  const reportFile = join(dir, `${name}.json`);
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    { timeoutMs: 540_000 },
  );
  if (result.exitCode !== 0) throw new Error(`${mode} exited ${result.exitCode}:\n${result.stdout}\n${result.stderr}`);
  return { report: JSON.parse(readFileSync(reportFile, "utf8")) as Report, stdout: result.stdout };
}

const statuses = (report: Report) =>
  Object.fromEntries((report.hosts[0]?.operations ?? []).map((o) => [o.name, o.status]));

// Builds a pure-Python wheel (a zip holding the module, METADATA, WHEEL and RECORD) into `into`.
const wheelScript = `
import base64, hashlib, sys, zipfile
name, version, into = sys.argv[1], sys.argv[2], sys.argv[3]
module = name.replace("-", "_")
info = f"{module}-{version}.dist-info"
files = {
    f"{module}.py": f"VERSION = {version!r}\\n",
    f"{info}/METADATA": f"Metadata-Version: 2.1\\nName: {name}\\nVersion: {version}\\n",
    f"{info}/WHEEL": "Wheel-Version: 1.0\\nGenerator: infra-action-test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
}
def digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
record = "".join(f"{path},{digest(text.encode())},{len(text.encode())}\\n" for path, text in files.items())
files[f"{info}/RECORD"] = record + f"{info}/RECORD,,\\n"
with zipfile.ZipFile(f"{into}/{module}-{version}-py3-none-any.whl", "w") as wheel:
    for path, text in files.items():
        wheel.writestr(path, text)
`;

describe("pip on a fresh container, no network", () => {
  const container = `infra-action-test-pkgs-${process.pid}`;
  const inventory = join(dir, "docker-inventory.json");
  const deploy = join(dir, "pip.ts");
  const removeDeploy = join(dir, "pip-remove.ts");
  // A requirements file whose path needs quoting.
  const requirements = "/srv/my app/req's.txt";
  const wheels = ["--no-index", "--find-links", "/srv/wheels"];
  const exec = (command: string) => docker("exec", container, "sh", "-c", command);
  beforeAll(() => {
    docker("run", "-d", "--init", "--network", "none", "--name", container, env.image, "sleep", "600");
    exec("mkdir -p /srv/wheels '/srv/my app'");
    for (const [name, version] of [
      ["iademo", "1.0"],
      ["iademo-two", "2.0"],
    ] as const)
      execFileSync("docker", ["exec", "-i", container, "python3", "-", name, version, "/srv/wheels"], {
        input: wheelScript,
      });
    exec(`printf '%s\\n' '# the app' 'iademo-two>=2.0' > "/srv/my app/req's.txt"`);
    writeFileSync(inventory, JSON.stringify({ targets: [[`@docker/${container}`, {}]] }));
    const wheelArgs = JSON.stringify(wheels);
    writeFileSync(
      deploy,
      `import { pip } from "infra-action";
pip.packages({ name: "packages", packages: ["iademo==1.0"], virtualenv: "/srv/venv", virtualenv_kwargs: { venv: true }, extra_install_args: ${wheelArgs} });
pip.packages({ name: "requirements", requirements: ${JSON.stringify(requirements)}, virtualenv: "/srv/venv", virtualenv_kwargs: { venv: true }, extra_install_args: ${wheelArgs} });
pip.virtualenv({ name: "virtualenv", path: "/srv/copied", venv: true, always_copy: true });
`,
    );
    writeFileSync(
      removeDeploy,
      `import { pip } from "infra-action";
pip.packages({ name: "remove-requirements", requirements: ${JSON.stringify(requirements)}, present: false, virtualenv: "/srv/venv" });
pip.packages({ name: "remove-packages", packages: ["IADemo"], present: false, virtualenv: "/srv/venv" });
pip.virtualenv({ name: "remove-virtualenv", path: "/srv/copied", present: false });
`,
    );
  }, 120_000);
  afterAll(() => {
    docker("rm", "-f", container);
  });

  test("installs packages and a requirements file into a virtualenv it creates, then finds nothing to change", async () => {
    const plan = await run("plan", inventory, deploy, "pip-plan");
    expect(statuses(plan.report)).toEqual({
      packages: "changed",
      requirements: "changed",
      virtualenv: "changed",
    });

    const first = await run("apply", inventory, deploy, "pip-first");
    expect(statuses(first.report)).toEqual({
      packages: "changed",
      requirements: "changed",
      virtualenv: "changed",
    });
    expect(exec("/srv/venv/bin/pip freeze --all | grep -i iademo")).toBe("iademo==1.0\niademo-two==2.0");
    expect(exec("/srv/venv/bin/python -c 'import iademo, iademo_two; print(iademo.VERSION, iademo_two.VERSION)'")).toBe(
      "1.0 2.0",
    );
    // always_copy: the interpreter is a copy, not a link (as in /srv/venv).
    expect(exec("test -L /srv/copied/bin/python3 && echo link || echo copy")).toBe("copy");
    expect(exec("test -L /srv/venv/bin/python3 && echo link || echo copy")).toBe("link");

    const second = await run("plan", inventory, deploy, "pip-second");
    expect(statuses(second.report)).toEqual({
      packages: "unchanged",
      requirements: "unchanged",
      virtualenv: "unchanged",
    });
  }, 900_000);

  test("removes the requirements, the packages and a virtualenv, then finds nothing to change", async () => {
    const first = await run("apply", inventory, removeDeploy, "pip-remove-first");
    expect(statuses(first.report)).toEqual({
      "remove-requirements": "changed",
      "remove-packages": "changed",
      "remove-virtualenv": "changed",
    });
    expect(exec("/srv/venv/bin/pip freeze --all | grep -ci iademo || true")).toBe("0");
    expect(exec("test -e /srv/copied && echo there || echo gone")).toBe("gone");
    const second = await run("plan", inventory, removeDeploy, "pip-remove-second");
    expect(statuses(second.report)).toEqual({
      "remove-requirements": "unchanged",
      "remove-packages": "unchanged",
      "remove-virtualenv": "unchanged",
    });
  }, 900_000);
});

describe("npm on this machine through @local, offline", () => {
  const source = join(dir, "source");
  // A project directory whose name needs quoting.
  const project = join(dir, "my app's project");
  const inventory = join(dir, "local-inventory.json");
  const deploy = join(dir, "npm.ts");
  const removeDeploy = join(dir, "npm-remove.ts");
  // No registry traffic: offline, no audit, no funding or update notices.
  const npmEnv = {
    npm_config_offline: "true",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  };
  let tarball = "";
  beforeAll(() => {
    mkdirSync(source);
    writeFileSync(
      join(source, "package.json"),
      JSON.stringify({ name: "ia-demo-pkg", version: "1.0.0", main: "index.js" }),
    );
    writeFileSync(join(source, "index.js"), "module.exports = 'ia-demo 1.0.0';\n");
    const packed = execFileSync("npm", ["pack", "--offline", "--pack-destination", dir], {
      cwd: source,
      encoding: "utf8",
      env: { ...process.env, ...npmEnv },
    });
    tarball = join(dir, packed.trim().split("\n").at(-1) ?? "");
    writeFileSync(inventory, JSON.stringify({ targets: [["@local", {}]] }));
    const common = `directory: ${JSON.stringify(project)}, _env: ${JSON.stringify(npmEnv)}`;
    writeFileSync(
      deploy,
      `import { files, npm } from "infra-action";
files.directory({ name: "project", path: ${JSON.stringify(project)} });
npm.packages({ name: "install", packages: [${JSON.stringify(`ia-demo-pkg@file:${tarball}`)}], ${common} });
`,
    );
    writeFileSync(
      removeDeploy,
      `import { npm } from "infra-action";
npm.packages({ name: "remove", packages: ["ia-demo-pkg"], present: false, ${common} });
`,
    );
  }, 60_000);

  const installed = () =>
    JSON.parse(
      execFileSync("npm", ["ls", "--depth=0", "--json"], {
        cwd: project,
        encoding: "utf8",
        env: { ...process.env, ...npmEnv },
      }),
    ) as { dependencies?: Record<string, { version?: string }> };

  test("installs a packed tarball into a directory, then finds nothing to change; removes it likewise", async () => {
    const first = await run("apply", inventory, deploy, "npm-first");
    expect(statuses(first.report)).toEqual({ project: "changed", install: "changed" });
    expect(installed().dependencies?.["ia-demo-pkg"]?.version).toBe("1.0.0");
    expect(
      execFileSync(process.execPath, ["-e", "console.log(require('ia-demo-pkg'))"], { cwd: project, encoding: "utf8" }),
    ).toBe("ia-demo 1.0.0\n");

    const second = await run("plan", inventory, deploy, "npm-second");
    expect(statuses(second.report)).toEqual({ project: "unchanged", install: "unchanged" });

    const removed = await run("apply", inventory, removeDeploy, "npm-remove-first");
    expect(statuses(removed.report)).toEqual({ remove: "changed" });
    expect(installed().dependencies?.["ia-demo-pkg"]).toBeUndefined();
    const again = await run("plan", inventory, removeDeploy, "npm-remove-second");
    expect(statuses(again.report)).toEqual({ remove: "unchanged" });
  }, 900_000);
});
