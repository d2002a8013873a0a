// Facts with a secret in their command, run through sudo on the shared sshd (as root and as another
// user, without and with a sudo password) and through docker exec in its container (su there): no
// process's command line on the host ever shows the command while the plan runs, the command under
// sudo cannot read the sudo password, and a plan is still one remote execution per host. A fact that
// puts its own command on a command line is seen by the same sampler (the positive control: it would
// catch a leak).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-project.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const secret = `ia-fact-secret-${process.pid}`;
const control = `ia-fact-control-${process.pid}`;

// Every process's command line on this machine, where the test sshd's processes run too.
function commandLines(): string[] {
  const lines: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      lines.push(readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" "));
    } catch {
      // the process ended
    }
  }
  return lines;
}

// Each host reads, in one batch: the secret-holding facts through sudo (root, then nobody), a MySQL
// fact whose password is the secret (no client on the host: its password file is still written
// first), and the control fact, whose marker is on a shell's command line on purpose. The sleeps keep
// every part running long enough to be sampled. What they said names the one planned operation.
const deploy = `import { host, server } from "infra-action";
const tag = String(host.data.tag);
// getFact takes no sudo default from host data: the password is given with the fact.
const pw = host.data._sudo_password as string | undefined;
const [asRoot, asNobody, mysql, controlled] = await Promise.all([
  host.getFact("Command", { command: \`sleep 1; : ${secret}-\${tag}-root; cat; id -un\`, _sudo: true, _sudo_password: pw }),
  host.getFact("Command", { command: \`sleep 1; : ${secret}-\${tag}-nobody; cat; id -un\`, _sudo: true, _sudo_user: "nobody", _sudo_password: pw }),
  host.getFact("MysqlDatabases", { mysql_password: \`${secret}-\${tag}-mysql\`, _sudo: true, _sudo_password: pw }).then(
    () => "read",
    () => "cannot tell",
  ),
  host.getFact("Command", { command: \`sh -c 'sleep 1; : ${control}-\${tag}'; echo control\` }),
]);
server.shell({ name: \`said \${asRoot}/\${asNobody}/\${mysql}/\${controlled}\`, commands: ["true"] });
`;

const project = tempProject({
  "inventory.ts": `export const hosts = [
  ["deploy-sshd", ${JSON.stringify(deployHostData(env, { tag: "nopw" }))}],
  ["pw-sshd", {
    ssh_hostname: "${env.servers.main.host}",
    ssh_port: ${env.servers.main.port},
    ssh_user: "${env.users.pwuser.name}",
    ssh_password: process.env.LOGIN_PASSWORD,
    _sudo_password: process.env.LOGIN_PASSWORD,
    ssh_known_hosts_file: ${JSON.stringify(env.knownHosts)},
    tag: "pw",
  }],
  // The same server's container through docker exec: another user is reached with su there.
  ["@docker/${env.servers.main.container}", { tag: "docker" }],
];
`,
  "deploy.ts": deploy,
});

describe("facts with a secret, through sudo", () => {
  test("no command line on the host shows a fact's command; sudo's password stays out of its input; one execution per host", async () => {
    const seen: string[] = [];
    let samples = 0;
    // Every 5 ms, at most 10,000 times (the run takes a few seconds).
    const sampler = setInterval(() => {
      if (samples++ < 10_000) seen.push(...commandLines().filter((line) => line.includes("ia-fact-")));
    }, 5);
    const result = await runCli(["plan", "inventory.ts", "deploy.ts", "--report", "plan.json"], {
      cwd: project,
      env: { LOGIN_PASSWORD: env.users.pwuser.password },
      timeoutMs: 120_000,
    }).finally(() => clearInterval(sampler));
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);

    // The facts ran as asked: as root and as nobody, with nothing on their input (not the password).
    expect(result.stdout.match(/said root\/nobody\/cannot tell\/control/g)).toHaveLength(3);
    const report = JSON.parse(readFileSync(join(project, "plan.json"), "utf8")) as Report;
    expect(report.hosts.map((h) => [h.name, h.executions])).toEqual([
      ["deploy-sshd", 1],
      ["pw-sshd", 1],
      [`@docker/${env.servers.main.container}`, 1],
    ]);

    // The sampler sees the control on every host, so it would have seen the secret.
    expect(seen.some((line) => line.includes(`${control}-nopw`))).toBe(true);
    expect(seen.some((line) => line.includes(`${control}-pw`))).toBe(true);
    expect(seen.some((line) => line.includes(`${control}-docker`))).toBe(true);
    // (each leak once, shortened: the lines are long)
    expect([...new Set(seen.filter((line) => line.includes(secret)).map((line) => line.slice(0, 300)))]).toEqual([]);
    for (const text of [result.stdout, result.stderr, JSON.stringify(report)]) {
      expect(text).not.toContain(env.users.pwuser.password);
    }
  }, 150_000);
});
