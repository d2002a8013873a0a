// The global arguments that change how a command runs, on the shared sshd through the real CLI:
// _su_user (inside sudo, with and without a login shell, keeping the environment, and with a sudo password: su never reads
// the password nor anything else on standard input), _use_sudo_login, _shell_executable (bash, and
// null: no shell of its own, and still no sight of the sudo password),
// _success_exit_codes, _retry_until, and _doas / _doas_user (the image's doas.conf lets deploy run as
// root and pwuser). Each operation runs once (until its file has content): the
// first apply changes the host, the second plan changes nothing; su and bash also on a fresh
// container, connected as root.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const dir = mkdtempSync(join(tmpdir(), "infra-action-global-args-"));
// The host's directory for this run's files, writable by every user (sticky, as /tmp).
const remote = `/tmp/ia-global-args-${process.pid}`;
const onHost = (command: string) =>
  execFileSync("docker", ["exec", env.servers.main.container, "sh", "-c", command], { encoding: "utf8" }).trim();
beforeAll(() => onHost(`rm -rf ${remote} && mkdir -m 1777 ${remote}`));
afterAll(() => {
  onHost(`rm -rf ${remote}`);
  rmSync(dir, { recursive: true, force: true });
});

// A user's operation that runs its commands until the file `path` has content (read as the
// operation's user, through the same su/sudo as its commands).
const prelude = `import { change, defineFact, defineOperation, noop, shellQuote } from "infra-action";
const Content = defineFact<{ path: string }, string>({
  name: "TestContent",
  description: "a file's text, or nothing",
  arguments: { path: { type: "string", required: true, description: "the file" } },
  command: ({ path }) => \`cat -- \${shellQuote(path)} 2>/dev/null || true\`,
  parse: ({ stdout }) => stdout,
});
const once = defineOperation<{ path: string; commands: string[] }>({
  name: "test.once",
  description: "runs its commands until a file has content",
  validate: (args) => args as { path: string; commands: string[] },
  facts: (args) => [{ fact: Content, args: { path: args.path } }],
  plan: (args, facts) =>
    facts.get(Content, { path: args.path }) ? noop(\`\${args.path} has content\`) : change(args.commands),
});
`;

async function run(mode: "plan" | "apply", inventory: string, deploy: string, name: string) {
  const reportFile = join(dir, `${name}.json`);
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    { timeoutMs: 120_000 },
  );
  return { ...result, report: JSON.parse(readFileSync(reportFile, "utf8")) as Report };
}

const statuses = (report: Report) =>
  Object.fromEntries((report.hosts[0]?.operations ?? []).map((o) => [o.name, o.status]));

describe("as deploy (passwordless sudo)", () => {
  const inventory = join(dir, "deploy-inventory.json");
  const deploy = join(dir, "deploy.ts");
  const pwuser = env.users.pwuser.name;
  beforeAll(() => {
    writeFileSync(inventory, JSON.stringify({ targets: [["test-sshd", deployHostData(env)]] }));
    writeFileSync(
      deploy,
      `${prelude}
once({ name: "su", path: "${remote}/su", commands: ["id -un > ${remote}/su"], _sudo: true, _su_user: "${pwuser}" });
once({ name: "su-login", path: "${remote}/su-login", commands: ["pwd > ${remote}/su-login"], _sudo: true, _su_user: "${pwuser}", _use_su_login: true, _su_shell: "bash" });
once({ name: "su-keep-env", path: "${remote}/su-keep-env", commands: ['echo "$HOME" > ${remote}/su-keep-env'], _sudo: true, _su_user: "${pwuser}", _preserve_su_env: true });
once({ name: "sudo-login", path: "${remote}/sudo-login", commands: ["pwd > ${remote}/sudo-login"], _sudo: true, _use_sudo_login: true });
once({ name: "doas", path: "${remote}/doas", commands: ["id -un > ${remote}/doas"], _doas: true });
once({ name: "doas-user", path: "${remote}/doas-user", commands: ["id -un > ${remote}/doas-user"], _doas_user: "${pwuser}" });
once({ name: "bash", path: "${remote}/bash", commands: ['[[ -n "$BASH_VERSION" ]] && echo "bash $0" > ${remote}/bash'], _shell_executable: "bash" });
once({ name: "exit-3", path: "${remote}/exit-3", commands: ["echo three > ${remote}/exit-3; exit 3", "echo after >> ${remote}/exit-3"], _success_exit_codes: [0, 3] });
once({
  name: "retry",
  path: "${remote}/ready",
  commands: ['if [ -s ${remote}/ready ]; then echo ready; else n=$(( $(cat ${remote}/count 2>/dev/null || echo 0) + 1 )); echo $n > ${remote}/count; [ $n -lt 3 ] || echo yes > ${remote}/ready; echo "waiting $n"; fi'],
  _retries: 5,
  _retry_delay: 0,
  _retry_until: ({ stdout }) => !stdout.includes("ready"),
});
`,
    );
  });

  test("each runs as asked; the second plan changes nothing", async () => {
    const first = await run("apply", inventory, deploy, "deploy-first");
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(statuses(first.report)).toEqual({
      su: "changed",
      "su-login": "changed",
      "su-keep-env": "changed",
      "sudo-login": "changed",
      doas: "changed",
      "doas-user": "changed",
      bash: "changed",
      "exit-3": "changed",
      retry: "changed",
    });
    // su as pwuser (the file is pwuser's), in pwuser's home with a login shell, sudo -i in root's.
    expect(onHost(`cat ${remote}/su; stat -c %U ${remote}/su`)).toBe(`${pwuser}\n${pwuser}`);
    expect(onHost(`cat ${remote}/su-login`)).toBe(`/home/${pwuser}`);
    expect(onHost(`cat ${remote}/sudo-login`)).toBe("/root");
    // su -m keeps the environment: HOME is still root's (sudo -H), not pwuser's.
    expect(onHost(`cat ${remote}/su-keep-env`)).toBe("/root");
    // doas as root, and as pwuser (doas -u).
    expect(onHost(`cat ${remote}/doas; cat ${remote}/doas-user`)).toBe(`root\n${pwuser}`);
    expect(onHost(`cat ${remote}/bash`)).toBe("bash bash");
    // Exit 3 counted as success: the operation went on to its next command.
    expect(onHost(`cat ${remote}/exit-3`)).toBe("three\nafter");
    // Tried until the file appeared (3 tries), then once more to see it: 4 tries, 3 counted.
    expect(onHost(`cat ${remote}/count; cat ${remote}/ready`)).toBe("3\nyes");

    const second = await run("plan", inventory, deploy, "deploy-second");
    expect(second.exitCode).toBe(0);
    expect(second.report.hosts[0]?.status).toBe("unchanged");
  }, 240_000);

  test("without _success_exit_codes exit 3 fails; _retry_until still asking after the last retry fails", async () => {
    const failing = join(dir, "failing.ts");
    writeFileSync(
      failing,
      `import { server } from "infra-action";
server.shell({ name: "exit-3", commands: ["exit 3"], _ignore_errors: true });
server.shell({ name: "never-ready", commands: ["echo not yet"], _retries: 2, _retry_delay: 0, _retry_until: () => true, _ignore_errors: true });
server.shell({ name: "sh-only", commands: ['[[ 1 ]]'] });
`,
    );
    const result = await run("apply", inventory, failing, "failing");
    const ops = result.report.hosts[0]?.operations ?? [];
    expect(ops.map((o) => [o.name, o.status])).toEqual([
      ["exit-3", "failed"],
      ["never-ready", "failed"],
      ["sh-only", "failed"],
    ]);
    expect(ops[0]?.exitCode).toBe(3);
    expect(ops[1]?.stderr).toContain("_retry_until still asked for a retry after 2 retries");
    // The default shell is sh: bash-only syntax fails there.
    expect(ops[2]?.stderr).toMatch(/\[\[: not found/);
    expect(result.exitCode).not.toBe(0);
  }, 120_000);
});

describe("as pwuser (sudo with a password)", () => {
  const inventory = join(dir, "pwuser-inventory.json");
  const deploy = join(dir, "pwuser.ts");
  const { name: pwuser, password } = env.users.pwuser;
  const deployUser = env.users.deploy.name;
  beforeAll(() => {
    writeFileSync(
      inventory,
      JSON.stringify({
        targets: [
          [
            "test-sshd",
            {
              ...deployHostData(env),
              ssh_user: pwuser,
              ssh_key: undefined,
              ssh_password: password,
              _sudo_password: password,
            },
          ],
        ],
      }),
    );
    writeFileSync(
      deploy,
      `${prelude}
once({ name: "su-stdin", path: "${remote}/stdin", commands: ["cat > ${remote}/stdin.tmp; id -un >> ${remote}/stdin.tmp; mv ${remote}/stdin.tmp ${remote}/stdin"], _sudo: true, _su_user: "${deployUser}" });
once({ name: "no-shell", path: "${remote}/no-shell", commands: ['echo "pw=[$__ia_pw]" > ${remote}/no-shell'], _shell_executable: null });
once({ name: "no-shell-sudo", path: "${remote}/no-shell-sudo", commands: ["id -un > ${remote}/no-shell-sudo"], _shell_executable: null, _sudo: true });
`,
    );
  });

  test("su under sudo reads nothing on standard input (not the password); the second plan changes nothing", async () => {
    const first = await run("apply", inventory, deploy, "pwuser-first");
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(statuses(first.report)).toEqual({
      "su-stdin": "changed",
      "no-shell": "changed",
      "no-shell-sudo": "changed",
    });
    // cat got end-of-file at once: only id's line is in the file, and no password anywhere.
    expect(onHost(`cat ${remote}/stdin`)).toBe(deployUser);
    // Without a shell of its own the command line is read by the script's shell, which has the sudo
    // password in a variable: the command cannot see it. Under sudo only the command is root's; the
    // redirection is the connecting user's (as a command line given to sudo means).
    expect(onHost(`cat ${remote}/no-shell`)).toBe("pw=[]");
    expect(onHost(`cat ${remote}/no-shell-sudo; stat -c %U ${remote}/no-shell-sudo`)).toBe(`root\n${pwuser}`);
    expect(JSON.stringify(first.report)).not.toContain(password);
    const second = await run("plan", inventory, deploy, "pwuser-second");
    expect(second.report.hosts[0]?.status).toBe("unchanged");
  }, 240_000);

  test("su without sudo is not given the sudo password: su's authentication fails", async () => {
    const bare = join(dir, "su-bare.ts");
    writeFileSync(
      bare,
      `import { server } from "infra-action";
server.shell({ name: "su-bare", commands: ["id -un > ${remote}/su-bare"], _su_user: "${deployUser}" });
`,
    );
    const result = await run("apply", inventory, bare, "su-bare");
    expect(result.exitCode).not.toBe(0);
    const op = result.report.hosts[0]?.operations[0];
    expect(op?.status).toBe("failed");
    expect(op?.stderr).toMatch(/su: Authentication failure/);
    expect(onHost(`test -e ${remote}/su-bare && echo exists || echo absent`)).toBe("absent");
    expect(JSON.stringify(result.report)).not.toContain(password);
  }, 120_000);
});

describe("on a fresh container (connected as root)", () => {
  const container = `infra-action-test-engine-ga-${process.pid}`;
  const inventory = join(dir, "docker-inventory.json");
  const deploy = join(dir, "docker.ts");
  const inContainer = (command: string) =>
    execFileSync("docker", ["exec", container, "sh", "-c", command], { encoding: "utf8" }).trim();
  beforeAll(() => {
    execFileSync("docker", [
      "run",
      "-d",
      "--init",
      "--network",
      "none",
      "--name",
      container,
      env.image,
      "sleep",
      "infinity",
    ]);
    writeFileSync(inventory, JSON.stringify({ targets: [[`@docker/${container}`, {}]] }));
    // nobody's login shell is nologin: su needs _su_shell to run anything as nobody.
    writeFileSync(
      deploy,
      `${prelude}
once({ name: "su-nobody", path: "/tmp/su-nobody", commands: ["id -un > /tmp/su-nobody"], _su_user: "nobody", _su_shell: "sh" });
once({ name: "bash", path: "/tmp/bash", commands: ['[[ -n "$BASH_VERSION" ]] && echo bash > /tmp/bash'], _shell_executable: "bash" });
`,
    );
  }, 60_000);
  afterAll(() => {
    execFileSync("docker", ["rm", "-f", container]);
  });

  test("su runs as nobody with the shell given; the second plan changes nothing", async () => {
    const first = await run("apply", inventory, deploy, "docker-first");
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(statuses(first.report)).toEqual({ "su-nobody": "changed", bash: "changed" });
    expect(inContainer("cat /tmp/su-nobody; stat -c %U /tmp/su-nobody")).toBe("nobody\nnobody");
    expect(inContainer("cat /tmp/bash")).toBe("bash");
    const second = await run("plan", inventory, deploy, "docker-second");
    expect(second.report.hosts[0]?.status).toBe("unchanged");
  }, 240_000);
});
