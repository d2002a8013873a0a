// Every operation applied twice to a fresh Debian container: the first apply changes it, the
// second plan and apply report zero changes. A subset runs through SSH with sudo.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { debRepoTools } from "../helpers/deb-repo.js";
import { runCli } from "../helpers/run-cli.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8" }).trim();
const dir = mkdtempSync(join(tmpdir(), "infra-action-ops-"));
const container = `infra-action-test-ops-${process.pid}`;
let server: Server;

beforeAll(async () => {
  // Files to download, served on loopback (the container shares the host's network).
  server = createServer((request, response) => {
    if (request.url === "/tool.txt") response.end("tool v1\n");
    else if (request.url === "/ia-key.asc")
      response.end("-----BEGIN PGP PUBLIC KEY BLOCK-----\ntest\n-----END PGP PUBLIC KEY BLOCK-----\n");
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  docker("run", "-d", "--network", "host", "--name", container, env.image, "sleep", "infinity");
  // apt's only source is a local repository holding the package ia-hello (the image's Debian mirror is out
  // of reach by design: tests address 127.0.0.0/8 only).
  docker(
    "exec",
    container,
    "sh",
    "-c",
    `${debRepoTools}noMirrors; mk /srv/localrepo ia-hello 1.0 '' 'echo "Hello, world!"'; index /srv/localrepo`,
  );
  // A local bare repository for git.repo to clone.
  docker(
    "exec",
    container,
    "sh",
    "-c",
    "git init -q --bare -b main /srv/origin.git && git clone -q /srv/origin.git /tmp/seed && cd /tmp/seed && git -c user.email=t@t -c user.name=t commit -q --allow-empty -m first && git push -q origin HEAD:main",
  );
  writeFileSync(
    join(dir, "inventory.json"),
    JSON.stringify({
      targets: [
        [
          `@docker/${container}`,
          {
            http_base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
            get_dest: join(dir, "debian_version"),
            listening_port: env.servers.main.port,
            workers: 6,
          },
        ],
      ],
    }),
  );
}, 60_000);

afterAll(() => {
  docker("rm", "-f", container);
  server.close();
});

async function run(mode: "plan" | "apply", inventory: string, deploy: string, name: string): Promise<Report> {
  const report = join(dir, `${name}.json`);
  const result = await runCli([mode, inventory, deploy, "--report", report, ...(mode === "apply" ? ["--yes"] : [])], {
    timeoutMs: 600_000,
  });
  if (result.exitCode !== 0) throw new Error(`${mode} exited ${result.exitCode}:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(readFileSync(report, "utf8")) as Report;
}

const statuses = (report: Report) =>
  Object.fromEntries((report.hosts[0]?.operations ?? []).map((o) => [o.name, o.status]));

describe("every operation on a fresh container, through @docker", () => {
  const inventory = () => join(dir, "inventory.json");
  const deploy = "test/fixtures/deploys/all-operations.ts";
  const names = [
    "directory",
    "file",
    "put",
    "template",
    "line",
    "replace",
    "link",
    "sync",
    "get",
    "download",
    "group",
    "user",
    "crontab",
    "service",
    "wait",
    "apt.repo",
    "apt.key",
    "apt.packages",
    "server.packages",
    "git.repo",
    "git.config",
    "pip.venv",
    "pip.packages",
  ];

  test("the first apply changes the container", async () => {
    const report = await run("apply", inventory(), deploy, "first");
    const expected = Object.fromEntries(names.map((n) => [n, "changed"]));
    // Already true in a fresh container: something listens on the port; pip is in every venv once
    // made, but the venv does not exist when the plan is made.
    Object.assign(expected, { wait: "unchanged", "server.packages": "changed" });
    expect(statuses(report)).toEqual(expected);
    expect(report.hosts[0]?.status).toBe("changed");
    const check = (command: string) => docker("exec", container, "sh", "-c", command);
    expect(check("cat /srv/ia/conf/app.conf")).toBe(
      `# @docker/${container}\nport = 8080\nworkers = 6\nlog_level = info\nmax body = 10m`,
    );
    expect(check("stat -c %a /srv/ia/conf /srv/ia/conf/empty")).toBe("750\n600");
    expect(check("cat /srv/ia/conf/settings")).toBe("mode=production");
    expect(check("head -c 18 /etc/issue")).toBe("Managed Debian GNU");
    expect(check("readlink /srv/ia/current; cat /srv/ia/site/css/site.css /srv/ia/tool.txt")).toBe(
      "/srv/ia/conf\nbody { margin: 0; }\ntool v1",
    );
    expect(check("id -gn iaapp; getent passwd iaapp | cut -d: -f6,7; crontab -l")).toBe(
      "iaapp\n/home/iaapp:/bin/sh\n15 3 * * * /usr/local/bin/ia-backup",
    );
    expect(check("ia-hello")).toBe("Hello, world!");
    expect(
      check(
        "git -C /srv/ia/app log --format=%s; git config --global user.name; /srv/ia/venv/bin/pip --version | cut -c1-3",
      ),
    ).toBe("first\ninfra-action test\npip");
    expect(readFileSync(join(dir, "debian_version"), "utf8")).toMatch(/^12\.\d+\n$/);
  }, 600_000);

  test("a second plan and apply find nothing to change", async () => {
    const plan = await run("plan", inventory(), deploy, "second-plan");
    expect(statuses(plan)).toEqual(Object.fromEntries(names.map((n) => [n, "unchanged"])));
    expect(plan.hosts[0]?.status).toBe("unchanged");
    expect(plan.hosts[0]?.executions).toBeLessThanOrEqual(2);
    const apply = await run("apply", inventory(), deploy, "second-apply");
    expect(apply.totals.operationsChanged).toBe(0);
  }, 300_000);
});

describe("a subset through SSH with sudo", () => {
  const root = `/srv/ia-ssh-${process.pid}`;
  const user = `iassh${process.pid % 100000}`;
  const inventory = join(dir, "ssh-inventory.json");
  beforeAll(() => {
    const data = deployHostData(env, { root, user_name: user });
    writeFileSync(inventory, JSON.stringify({ targets: [["test-sshd", data]] }));
  });
  afterAll(() => {
    docker("exec", env.servers.main.container, "sh", "-c", `rm -rf ${root}; userdel ${user} 2>/dev/null || true`);
  });

  test("applies, then finds nothing to change", async () => {
    const first = await run("apply", inventory, "test/fixtures/deploys/sudo-over-ssh.ts", "ssh-first");
    expect(statuses(first)).toEqual({ directory: "changed", template: "changed", user: "changed", line: "changed" });
    const check = (command: string) => docker("exec", env.servers.main.container, "sh", "-c", command);
    expect(check(`stat -c '%U %a' ${root}/app.conf; id -un ${user}`)).toBe(`root 600\n${user}`);
    const second = await run("plan", inventory, "test/fixtures/deploys/sudo-over-ssh.ts", "ssh-second");
    expect(statuses(second)).toEqual({
      directory: "unchanged",
      template: "unchanged",
      user: "unchanged",
      line: "unchanged",
    });
  }, 120_000);
});

describe("sudo with a password over SSH", () => {
  const root = `/srv/ia-pw-${process.pid}`;
  const inventory = join(dir, "pw-inventory.json");
  beforeAll(() => {
    const data = {
      ssh_hostname: env.servers.main.host,
      ssh_port: env.servers.main.port,
      ssh_user: env.users.pwuser.name,
      ssh_password: env.users.pwuser.password,
      ssh_known_hosts_file: env.knownHosts,
      _sudo_password: env.users.pwuser.password,
      root,
    };
    writeFileSync(inventory, JSON.stringify({ targets: [["pw-sshd", data]] }));
    writeFileSync(
      join(dir, "pw-deploy.ts"),
      `import { files, host } from "infra-action";\nfiles.directory({ name: "dir", path: host.data.root as string, mode: "700", _sudo: true });\nfiles.file({ name: "file", path: \`\${host.data.root}/secret\`, mode: "600", _sudo: true });\n`,
    );
  });
  afterAll(() => {
    docker("exec", env.servers.main.container, "rm", "-rf", root);
  });

  test("the password reaches sudo's prompts only; a second plan finds nothing to change", async () => {
    const first = await run("apply", inventory, join(dir, "pw-deploy.ts"), "pw-first");
    expect(statuses(first)).toEqual({ dir: "changed", file: "changed" });
    expect(JSON.stringify(first)).not.toContain(env.users.pwuser.password);
    expect(docker("exec", env.servers.main.container, "stat", "-c", "%U %a", `${root}/secret`)).toBe("root 600");
    const second = await run("plan", inventory, join(dir, "pw-deploy.ts"), "pw-second");
    expect(statuses(second)).toEqual({ dir: "unchanged", file: "unchanged" });
  }, 120_000);
});
