// The apply path under hostile and broken conditions, on real hosts (@local, a Docker container,
// real sshd with password sudo): commands that read standard input, sudo passwords, full disks,
// modes of new files, planted locks, huge output and a script killed midway.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { recordFault } from "../helpers/fault-table.js";
import { runCli } from "../helpers/run-cli.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8" }).trim();
const dir = mkdtempSync(join(tmpdir(), "infra-action-trust-"));
const container = `infra-action-trust-${process.pid}`;
const password = env.users.pwuser.password;

// An SSH host logging in as the password user, whose sudo wants that password.
const pwHost = (extra: Record<string, unknown>) => [
  "pw-sshd",
  {
    ssh_hostname: env.servers.main.host,
    ssh_port: env.servers.main.port,
    ssh_user: env.users.pwuser.name,
    ssh_password: password,
    ssh_known_hosts_file: env.knownHosts,
    _sudo_password: password,
    ...extra,
  },
];

async function apply(name: string, targets: unknown[], deploy: string, extra: { env?: Record<string, string> } = {}) {
  const inventory = join(dir, `${name}.json`);
  const deployFile = join(dir, `${name}.ts`);
  writeFileSync(inventory, JSON.stringify({ targets }));
  writeFileSync(deployFile, deploy);
  const reportFile = join(dir, `${name}.report.json`);
  const result = await runCli(["apply", inventory, deployFile, "--yes", "--report", reportFile], {
    timeoutMs: 150_000,
    ...(extra.env ? { env: extra.env } : {}),
  });
  const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, "utf8")) as Report) : undefined;
  return { result, report };
}

const statuses = (report: Report | undefined, host: string) =>
  report?.hosts.find((h) => h.name === host)?.operations.map((o) => `${o.name}: ${o.status}`);

beforeAll(() => {
  docker("rm", "-f", container);
  docker(
    "run",
    "-d",
    "--name",
    container,
    "--network",
    "host",
    "--tmpfs",
    "/data:size=320k",
    "--label",
    "infra-action-test",
    env.image,
    "sleep",
    "600",
  );
});

afterAll(() => {
  docker("rm", "-f", container);
  docker("exec", env.servers.main.container, "rm", "-rf", "/srv/ia-trust");
});

describe("commands cannot read the script or a password", () => {
  beforeAll(() => writeFileSync(join(dir, "t.j2"), "rendered\n"));
  // Every step that reads stdin gets nothing: the 40 operations after it all run.
  const deploy = `import { files, host, server } from "infra-action";
const root = host.data.root as string;
const sudo = host.data.get("use_sudo", false) as boolean;
files.directory({ name: "root", path: root, mode: "1777", _sudo: sudo });
server.shell({ name: "reads stdin", commands: [\`cat > \${root}/stdin-seen; read line || true\`], _sudo: sudo });
if (host.data.get("has_nobody", true)) server.shell({ name: "reads stdin as nobody", commands: [\`printf '[infra-action:sudo-password]\\\\n' >&2; sleep 1; cat > \${root}/nobody-seen\`], _sudo: sudo, _sudo_user: "nobody" });
// A file written after other sudo calls (cached credentials must not turn the password into content).
files.template({ name: "templated", src: ${JSON.stringify(join(dir, "t.j2"))}, dest: \`\${root}/templated\`, _sudo: sudo });
for (let i = 0; i < 40; i++) files.file({ name: \`after \${i}\`, path: \`\${root}/after-\${i}\`, _sudo: sudo });
server.shell({ name: "nothing was read", commands: [\`test "$(cat \${root}/templated)" = rendered && test ! -s \${root}/stdin-seen && test ! -s \${root}/nobody-seen && test -e \${root}/after-39\`], _sudo: sudo });
`;
  const expected = [
    "root",
    "reads stdin",
    "reads stdin as nobody",
    "templated",
    ...Array.from({ length: 40 }, (_, i) => `after ${i}`),
    "nothing was read",
  ].map((name) => `${name}: changed`);

  const expectedFor = (data: Record<string, unknown>) =>
    data.has_nobody === false ? expected.filter((line) => !line.startsWith("reads stdin as nobody")) : expected;

  test.each([
    // (sudo is not installed on every machine running the tests: @local runs as itself)
    ["@local", { root: join(dir, "stdin-local"), has_nobody: false }],
    [`@docker/${container}`, { root: "/srv/ia-trust-stdin" }],
    ...[pwHost({ root: "/srv/ia-trust/stdin", use_sudo: true })],
  ] as Array<[string, Record<string, unknown>]>)(
    "%s: every operation after a stdin reader runs; none reads the password",
    async (host, data) => {
      const { result, report } = await apply(`stdin-${host.replace(/\W/g, "")}`, [[host, data]], deploy);
      expect(result.stderr).not.toContain("skipped");
      expect(statuses(report, host)).toEqual(expectedFor(data));
      expect(result.exitCode).toBe(0);
      expect(`${result.stdout}${result.stderr}${JSON.stringify(report)}`).not.toContain(password);
      recordFault({
        scenario: `a stdin-reading step mid-apply (${host.startsWith("@") ? host.split("/")[0] : "ssh + sudo password"})`,
        affected: 0,
        completed: report?.hosts.filter((h) => h.status === "changed").length ?? 0,
        leftovers: 0,
        secretHits: `${result.stdout}${result.stderr}`.includes(password) ? 1 : 0,
        injectionEscapes: 0,
      });
    },
    150_000,
  );

  test("a command reading stdin under a sudo password does not hang (exec)", async () => {
    const inventory = join(dir, "exec-pw.json");
    writeFileSync(inventory, JSON.stringify({ targets: [pwHost({})] }));
    const started = Date.now();
    const result = await runCli(["exec", inventory, "--sudo", "--", "cat; echo read-done"], { timeoutMs: 60_000 });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("[pw-sshd] read-done");
    expect(result.stdout).not.toContain(password);
    expect(Date.now() - started).toBeLessThan(50_000);
    recordFault({
      scenario: "a stdin reader under a sudo password (exec, ssh)",
      affected: 0,
      completed: 1,
      leftovers: 0,
      secretHits: result.stdout.includes(password) ? 1 : 0,
      injectionEscapes: 0,
    });
  }, 70_000);
});

describe("writes are atomic and all-or-nothing", () => {
  const sha = (path: string) => docker("exec", container, "sh", "-c", `sha256sum < ${path} | cut -c1-64`);
  const listing = () => docker("exec", container, "ls", "-a", "/data");

  test("a write that fills the disk leaves the old file whole and no temporary file", async () => {
    docker("exec", container, "sh", "-c", "head -c 200000 /dev/zero | tr '\\0' a > /data/big && chmod 640 /data/big");
    const before = sha("/data/big");
    const big = join(dir, "big.txt");
    writeFileSync(big, "b".repeat(405_000));
    const { result, report } = await apply(
      "diskfull",
      [`@docker/${container}`],
      `import { files } from "infra-action";\nfiles.put({ name: "big file", src: ${JSON.stringify(big)}, dest: "/data/big" });\nfiles.file({ name: "after", path: "/srv/after-diskfull" });\n`,
    );
    expect(result.exitCode).toBe(1);
    expect(sha("/data/big")).toBe(before);
    expect(
      listing()
        .split("\n")
        .filter((f) => f.startsWith(".infra-action")),
    ).toEqual([]);
    const host = report?.hosts[0];
    expect(host?.status).toBe("failed");
    expect(host?.error).toMatch(/^operation "big file" failed with exit code 1: .*No space left on device/);
    expect(host?.operations.map((o) => `${o.name}: ${o.status}`)).toEqual(["big file: failed", "after: skipped"]);
    expect(host?.operations[1]?.reason).toBe("not run: an earlier operation failed");
    recordFault({
      scenario: "a disk-full write (Docker, 320 kB tmpfs)",
      affected: 1,
      completed: 0,
      leftovers: listing().includes(".infra-action") ? 1 : 0,
      secretHits: 0,
      injectionEscapes: 0,
    });
  }, 120_000);

  test("a chown to a missing user fails and leaves the file as it was", async () => {
    docker("exec", container, "sh", "-c", "echo old > /data/owned && chmod 600 /data/owned");
    writeFileSync(join(dir, "new.txt"), "new\n");
    const { result, report } = await apply(
      "chown",
      [`@docker/${container}`],
      `import { files } from "infra-action";\nfiles.put({ name: "owned", src: ${JSON.stringify(join(dir, "new.txt"))}, dest: "/data/owned", user: "no-such-user" });\n`,
    );
    expect(result.exitCode).toBe(1);
    expect(docker("exec", container, "cat", "/data/owned")).toBe("old");
    expect(
      listing()
        .split("\n")
        .filter((f) => f.startsWith(".infra-action")),
    ).toEqual([]);
    expect(report?.hosts[0]?.operations[0]?.status).toBe("failed");
  }, 120_000);
});

describe("links, special bits and the run's secrets on the host", () => {
  const put = (name: string, extra: string) =>
    apply(
      name,
      [`@docker/${container}`],
      `import { files } from "infra-action";\nfiles.put({ name: "put", src: ${JSON.stringify(join(dir, "t.j2"))}, ${extra} });\n`,
    );
  beforeAll(() => writeFileSync(join(dir, "t.j2"), "rendered\n"));

  test("a link to a directory at the destination is refused; nothing lands inside the directory", async () => {
    docker("exec", container, "sh", "-c", "mkdir -p /srv/links/adir && ln -sfn /srv/links/adir /srv/links/dirlink");
    const { result, report } = await put("dirlink", `dest: "/srv/links/dirlink"`);
    expect(result.exitCode).toBe(1);
    expect(report?.hosts[0]?.operations[0]?.reason).toContain(
      "files.put: dest /srv/links/dirlink exists and is not a regular file; remove it first or pick another dest.",
    );
    expect(docker("exec", container, "ls", "-A", "/srv/links/adir")).toBe("");
  }, 60_000);

  test("setuid kept: mode 4755 with an owner stays 4755, and a second apply changes nothing", async () => {
    const first = await put("setuid", `dest: "/srv/links/suid", mode: "4755", user: "root"`);
    expect(first.result.exitCode).toBe(0);
    expect(docker("exec", container, "stat", "-c", "%a %U", "/srv/links/suid")).toBe("4755 root");
    const second = await put("setuid-again", `dest: "/srv/links/suid", mode: "4755", user: "root"`);
    expect(second.report?.hosts[0]?.operations[0]?.status).toBe("unchanged");
  }, 60_000);

  test("no command line on the host shows the run's nonce (markers cannot be forged)", async () => {
    const { result } = await apply(
      "nonce",
      [`@docker/${container}`],
      `import { files, host, server } from "infra-action";
// Read while the facts are gathered, as another user.
await host.getFact("Command", { command: "cat /proc/[0-9]*/cmdline 2>/dev/null | tr '\\\\0' '\\\\n' > /tmp/fact-cmdlines; echo read", _sudo_user: "nobody" });
files.put({ name: "a file", src: ${JSON.stringify(join(dir, "t.j2"))}, dest: "/srv/links/nonce-file" });
server.shell({ name: "look", commands: ["cat /proc/[0-9]*/cmdline 2>/dev/null | tr '\\\\0' '\\\\n' > /tmp/cmdlines; test -s /tmp/cmdlines"], _sudo_user: "nobody" });
`,
    );
    expect(result.exitCode).toBe(0);
    const seen = docker("exec", container, "cat", "/tmp/cmdlines");
    expect(seen).toContain("infra-action");
    expect(seen).not.toMatch(/# end [0-9a-f]{12}|@@[0-9a-f]{12}/);
    const seenByFacts = docker("exec", container, "cat", "/tmp/fact-cmdlines");
    expect(seenByFacts).toContain("cmdline");
    expect(seenByFacts).not.toMatch(/# end [0-9a-f]{12}|@@[0-9a-f]{12}|__ia_n=/);
  }, 60_000);
});

describe("modes as pyinfra gives them", () => {
  test("a new file gets 0644 under umask 022, an existing one keeps its mode", async () => {
    docker(
      "exec",
      container,
      "sh",
      "-c",
      "mkdir -p /srv/modes && echo old > /srv/modes/kept && chmod 640 /srv/modes/kept",
    );
    const { result } = await apply(
      "modes",
      [`@docker/${container}`],
      `import { files } from "infra-action";\nfiles.template({ name: "new", src: ${JSON.stringify(join(dir, "t.j2"))}, dest: "/srv/modes/new" });\nfiles.template({ name: "kept", src: ${JSON.stringify(join(dir, "t.j2"))}, dest: "/srv/modes/kept" });\n`,
    );
    expect(result.exitCode).toBe(0);
    expect(docker("exec", container, "stat", "-c", "%a %U", "/srv/modes/new", "/srv/modes/kept")).toBe(
      "644 root\n640 root",
    );
    expect(docker("exec", container, "cat", "/srv/modes/kept")).toBe("rendered");
  }, 120_000);
  beforeAll(() => writeFileSync(join(dir, "t.j2"), "rendered\n"));
});

describe("the host lock", () => {
  test("a lock planted by another user is refused at once, clearly, without spinning", async () => {
    const home = "/dev/null"; // no usable home: the lock falls back to /tmp
    const lock = `/tmp/.infra-action-apply-${process.getuid?.()}.lock`;
    execFileSync("sh", ["-c", `rm -rf ${lock}; su nobody -s /bin/sh -c 'mkdir ${lock} && echo 1 > ${lock}/pid'`]);
    try {
      const started = Date.now();
      const { result, report } = await apply(
        "planted",
        [["@local", { root: join(dir, "planted") }]],
        `import { files, host } from "infra-action";\nfiles.file({ name: "f", path: \`\${host.data.root}\` });\n`,
        { env: { HOME: home, XDG_RUNTIME_DIR: "" } },
      );
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(result.exitCode).toBe(1);
      expect(report?.hosts[0]?.error).toBe(
        `the apply lock ${lock} belongs to another user: remove it and apply again. Applied before that: nothing; 1 planned operation did not run.`,
      );
      expect(existsSync(join(dir, "planted"))).toBe(false);
      recordFault({
        scenario: "a lock planted by another user",
        affected: 1,
        completed: 0,
        leftovers: 0,
        secretHits: 0,
        injectionEscapes: 0,
      });
    } finally {
      execFileSync("rm", ["-rf", lock]);
    }
  }, 60_000);

  test("a stale lock (its process gone) is taken over", async () => {
    const home = join(dir, "stale-home");
    const lock = join(home, ".cache", `.infra-action-apply-${process.getuid?.()}.lock`);
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, "pid"), "999999\n");
    const { result } = await apply(
      "stale",
      [["@local", { root: join(dir, "stale") }]],
      `import { files, host } from "infra-action";\nfiles.file({ name: "f", path: \`\${host.data.root}\` });\n`,
      { env: { HOME: home, XDG_RUNTIME_DIR: "" } },
    );
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(dir, "stale"))).toBe(true);
    expect(existsSync(lock)).toBe(false);
    recordFault({
      scenario: "a stale lock left by a dead apply",
      affected: 0,
      completed: 1,
      leftovers: existsSync(lock) ? 1 : 0,
      secretHits: 0,
      injectionEscapes: 0,
    });
  }, 60_000);

  test("a shell loop a command leaves in the background does not hold the lock", async () => {
    const home = join(dir, "loop-home");
    mkdirSync(home, { recursive: true });
    const lock = join(home, ".cache", `.infra-action-apply-${process.getuid?.()}.lock`);
    const marker = join(dir, "loop-ran");
    // Loops left by an operation of two commands and by an operation of one.
    const { result } = await apply(
      "loop",
      [["@local", {}]],
      `import { server } from "infra-action";
server.shell({ name: "leaves a loop", commands: ["true", "( while [ ! -e ${dir}/loop-stop ]; do sleep 1; done; touch ${marker} ) >/dev/null 2>&1 &"] });
server.shell({ name: "leaves another", commands: ["( while [ ! -e ${dir}/loop-stop ]; do sleep 1; done ) >/dev/null 2>&1 &"] });
`,
      { env: { HOME: home, XDG_RUNTIME_DIR: "" } },
    );
    try {
      expect(result.exitCode).toBe(0);
      // The loops still run; the lock is free (flock -n would fail while any process holds it).
      expect(existsSync(marker)).toBe(false);
      expect(() => execFileSync("flock", ["-n", lock, "true"])).not.toThrow();
    } finally {
      writeFileSync(join(dir, "loop-stop"), "");
    }
  }, 60_000);
});

describe("nothing is skipped silently", () => {
  test("a script killed midway: the running operation did not finish, the rest did not run, exit 1", async () => {
    const root = join(dir, "killed");
    const { result, report } = await apply(
      "killed",
      [["@local", { root }]],
      `import { files, host, server } from "infra-action";
files.directory({ name: "dir", path: host.data.root as string });
server.shell({ name: "killer", commands: ["kill -9 0"] });
files.file({ name: "after", path: \`\${host.data.root}/after\` });
`,
    );
    expect(result.exitCode).toBe(1);
    const host = report?.hosts[0];
    expect(host?.status).toBe("failed");
    expect(host?.operations.map((o) => `${o.name}: ${o.status}`)).toEqual([
      "dir: changed",
      "killer: failed",
      "after: skipped",
    ]);
    expect(host?.operations[1]?.stderr).toContain(
      "did not finish: the apply script stopped unexpectedly (exit code 137)",
    );
    expect(host?.operations[2]?.reason).toBe("not run: the apply script stopped unexpectedly (exit code 137).");
    expect(existsSync(join(root, "after"))).toBe(false);
  }, 60_000);

  test("600 MB of output does not take the run down; the report keeps its head and tail", async () => {
    const { result, report } = await apply(
      "loud",
      [["@local", { root: join(dir, "loud") }]],
      `import { files, host, server } from "infra-action";
server.shell({ name: "loud", commands: ["yes infra-action | head -c 600000000 >&2; echo last words >&2; exit 3"] });
`,
    );
    expect(result.exitCode).toBe(1);
    const op = report?.hosts[0]?.operations[0];
    expect(op?.status).toBe("failed");
    expect(op?.stderr).toMatch(/\[… \d+ bytes of output dropped …\]/);
    expect(op?.stderr?.endsWith("last words")).toBe(true);
    expect(statSync(join(dir, "loud.report.json")).size).toBeLessThan(2_000_000);
  }, 120_000);
});

describe("input taken literally", () => {
  test('_chdir: "-P" changes into the directory -P', async () => {
    docker("exec", container, "mkdir", "-p", "/-P");
    const { result } = await apply(
      "chdir",
      [`@docker/${container}`],
      `import { server } from "infra-action";\nserver.shell({ name: "where", commands: ["pwd > /tmp/chdir-seen"], _chdir: "-P" });\n`,
    );
    expect(result.exitCode).toBe(0);
    expect(docker("exec", container, "cat", "/tmp/chdir-seen")).toBe("/-P");
  }, 60_000);
});

// Commands that run as the script's own user (every operation `_sudo` to root, or no sudo at all)
// are the script's text in a subshell, not a shell of their own: they must still behave as
// `sh -c` would, and one that is not valid shell must stop the host before anything runs.
describe("commands in the apply script's own shell", () => {
  const shellDeploy = (root: string, sudo: boolean) => `import { files, server } from "infra-action";
const s = { _sudo: ${sudo} };
files.directory({ name: "root", path: "${root}", ...s });
server.shell({ name: "each its own shell", commands: ["cd /tmp && X=1 && set -e", "pwd > ${root}/pwd; echo x=$X >> ${root}/pwd; false; echo still >> ${root}/pwd"], ...s });
server.shell({ name: "last status counts", commands: ["false; true"], ...s });
server.shell({ name: "env and chdir", commands: ['pwd > ${root}/env; echo "$GREETING" >> ${root}/env'], _env: { GREETING: "hi 'there' $(id)" }, _chdir: "/etc", ...s });
server.shell({ name: "exit code", commands: ["exit 3", "touch ${root}/never"], _ignore_errors: true, ...s });
server.shell({ name: "after", commands: ["touch ${root}/after"], ...s });
`;
  const read = (host: string, path: string) =>
    host.startsWith("@docker")
      ? docker("exec", container, "cat", path)
      : docker("exec", env.servers.main.container, "cat", path);
  const exists = (host: string, path: string) =>
    docker(
      "exec",
      host.startsWith("@docker") ? container : env.servers.main.container,
      "sh",
      "-c",
      `test -e ${path} && echo yes || echo no`,
    );

  test.each([
    [`@docker/${container}`, {}, "/srv/ia-shell", false],
    ["deploy-sshd", deployHostData(env), "/srv/ia-trust/shell", true],
  ] as Array<[string, Record<string, unknown>, string, boolean]>)(
    "%s: each command has its own shell state, the last status counts, env and chdir apply",
    async (host, data, root, sudo) => {
      const { result, report } = await apply(
        `shell-${host.replace(/\W/g, "")}`,
        [[host, data]],
        shellDeploy(root, sudo),
      );
      expect(statuses(report, host)).toEqual([
        "root: changed",
        "each its own shell: changed",
        "last status counts: changed",
        "env and chdir: changed",
        "exit code: failed",
        "after: changed",
      ]);
      expect(result.exitCode).toBe(0);
      // cd, a variable and set -e of the first command do not reach the second.
      const [pwd, x, still] = read(host, `${root}/pwd`).split("\n");
      expect(pwd).not.toBe("/tmp");
      expect([x, still]).toEqual(["x=", "still"]);
      expect(read(host, `${root}/env`)).toBe(`/etc\nhi 'there' $(id)`);
      const failed = report?.hosts[0]?.operations.find((o) => o.name === "exit code");
      expect(failed?.exitCode).toBe(3);
      expect(exists(host, `${root}/never`)).toBe("no");
      expect(exists(host, `${root}/after`)).toBe("yes");
    },
    120_000,
  );

  test.each([
    [`@docker/${container}`, {}, "/srv/ia-syntax", false],
    ["deploy-sshd", deployHostData(env), "/srv/ia-trust/syntax", true],
  ] as Array<[string, Record<string, unknown>, string, boolean]>)(
    "%s: a command that is not valid shell stops the host before its first operation",
    async (host, data, root, sudo) => {
      const deploy = `import { files, server } from "infra-action";
files.directory({ name: "first", path: "${root}", _sudo: ${sudo} });
server.shell({ name: "typo", commands: ['echo "unterminated'], _sudo: ${sudo} });
`;
      const { result, report } = await apply(`syntax-${host.replace(/\W/g, "")}`, [[host, data]], deploy);
      expect(result.exitCode).toBe(1);
      expect(report?.hosts[0]?.error).toMatch(
        /a command of this host's operations is not valid shell, so nothing was run: .*(Syntax error|unterminated|EOF)/,
      );
      expect(statuses(report, host)).not.toContain("first: changed");
      expect(exists(host, root)).toBe("no");
    },
    120_000,
  );
});
