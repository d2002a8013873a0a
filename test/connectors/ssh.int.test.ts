// The SSH connector against real OpenSSH servers (Debian containers on 127.0.0.1, host network).
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ConnectContext } from "../../src/connectors/connector.js";
import { SshConnector } from "../../src/connectors/ssh/ssh.js";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-project.js";
import { closedPort, loadTestEnv } from "../helpers/test-env.js";
import { describeConnectorContract } from "./connector-contract.js";

const env = loadTestEnv();
const main = env.servers.main;
const bastion = env.servers.bastion;
// A home of its own, so no ~/.ssh of the machine's user takes part.
const home = mkdtempSync(join(tmpdir(), "infra-action-ssh-home-"));
const context: ConnectContext = { homeDir: home };

type Data = Record<string, unknown>;
const deployData = (extra: Data = {}): Data => ({
  ssh_hostname: main.host,
  ssh_port: main.port,
  ssh_user: env.users.deploy.name,
  ssh_key: env.users.deploy.key,
  ssh_known_hosts_file: env.knownHosts,
  ...extra,
});
const pwData = (extra: Data = {}): Data => ({
  ssh_hostname: main.host,
  ssh_port: main.port,
  ssh_user: env.users.pwuser.name,
  ssh_password: env.users.pwuser.password,
  ssh_known_hosts_file: env.knownHosts,
  ...extra,
});

async function connected(data: Data, extraContext: ConnectContext = {}, host = "main"): Promise<SshConnector> {
  const connector = new SshConnector(host, data, { ...context, ...extraContext });
  await connector.connect();
  return connector;
}

async function connectError(data: Data, extraContext: ConnectContext = {}, host = "main"): Promise<string> {
  const connector = new SshConnector(host, data, { ...context, ...extraContext });
  try {
    await connector.connect();
  } catch (error) {
    return (error as Error).message;
  } finally {
    await connector.disconnect();
  }
  throw new Error("connected, but a failure was expected");
}

// Runs `infra-action exec` on a JSON inventory holding `hosts` plus a healthy @local host.
async function execWith(hosts: Array<[string, Data]>, args: string[], command: string) {
  const dir = tempProject({ "inventory.json": JSON.stringify({ targets: [...hosts, "@local"] }) });
  return runCli(["exec", "inventory.json", ...args, "--", command], {
    cwd: dir,
    env: { HOME: home, SSH_AUTH_SOCK: undefined },
  });
}

describe("SSH: deploy user with a key file", () => {
  let connector: SshConnector;
  beforeAll(async () => {
    connector = await connected(deployData());
  });
  afterAll(() => connector.disconnect());

  describeConnectorContract(() => connector, "/tmp");

  test("one connection serves every command and file, also concurrently", async () => {
    await connector.putFile("/tmp/infra-action-one-connection", "x");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => connector.run(`echo "$SSH_CONNECTION" ${i}`)),
    );
    // SSH_CONNECTION holds the client's address and port: one TCP connection gives one value.
    const connections = new Set(results.map((r) => r.stdout.split(" ").slice(0, 2).join(" ")));
    expect(connections.size).toBe(1);
    expect(results.map((r) => r.stdout.trim().split(" ").pop())).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i)),
    );
  });

  test("keepalives keep a quiet command's connection open", async () => {
    const quiet = await connected(deployData({ ssh_keepalive_interval: 1 }));
    expect((await quiet.run("sleep 3; echo alive")).stdout).toBe("alive\n");
    await quiet.disconnect();
  });

  test("sudo (NOPASSWD) runs as root or as another user", async () => {
    expect((await connector.run("id -un", { sudo: true })).stdout).toBe("root\n");
    expect((await connector.run("id -un", { sudoUser: "nobody" })).stdout).toBe("nobody\n");
  });

  test("files: a sudo-owned destination, written and read back through sudo", async () => {
    const path = "/etc/infra-action-test.conf";
    await connector.putFile(path, "owned by root\n", { sudo: true, mode: "600" });
    expect((await connector.run(`stat -c '%U %a' ${path}`, { sudo: true })).stdout).toBe("root 600\n");
    expect((await connector.getFile(path, { sudo: true })).toString()).toBe("owned by root\n");
    await expect(connector.getFile(path)).rejects.toThrow(
      /could not read \/etc\/infra-action-test\.conf: .*Permission denied/,
    );
    expect((await connector.run("ls /tmp/.infra-action-* 2>/dev/null | wc -l")).stdout.trim()).toBe("0");
  });
});

describe("SSH: passwords and sudo passwords", () => {
  test("password login; sudo with _sudo_password (sent only to sudo's prompt)", async () => {
    const connector = await connected(pwData());
    expect((await connector.run("id -un")).stdout).toBe("pwuser\n");
    const result = await connector.run("id -un", { sudo: true, sudoPassword: env.users.pwuser.password });
    expect(result).toEqual({ exitCode: 0, stdout: "root\n", stderr: "" });
    await connector.putFile("/etc/infra-action-pw.conf", "x", { sudo: true, sudoPassword: env.users.pwuser.password });
    expect((await connector.run("cat /etc/infra-action-pw.conf")).stdout).toBe("x");
    await connector.disconnect();
  });

  test("a wrong sudo password is refused without hanging", async () => {
    const connector = await connected(pwData());
    await expect(connector.run("id", { sudo: true, sudoPassword: "not-the-password" })).rejects.toThrow(
      "main: sudo refused the password for root (_sudo_password is wrong for this user).",
    );
    await connector.disconnect();
  });

  test("sudo wanting a password when none was given fails at once", async () => {
    const connector = await connected(pwData());
    const started = Date.now();
    await expect(connector.run("id", { sudo: true })).rejects.toThrow(
      "main: sudo wants a password to run as root and none was given. Set _sudo_password",
    );
    expect(Date.now() - started).toBeLessThan(5000);
    await connector.disconnect();
  });
});

describe("SSH: key sources", () => {
  test("an encrypted key with ssh_key_password", async () => {
    const connector = await connected(
      deployData({ ssh_key: env.users.deploy.passphraseKey, ssh_key_password: env.users.deploy.passphrase }),
    );
    expect((await connector.run("whoami")).stdout).toBe("deploy\n");
    await connector.disconnect();
  });

  test("an encrypted key without its passphrase, or with a wrong one, is named", async () => {
    const key = env.users.deploy.passphraseKey;
    expect(await connectError(deployData({ ssh_key: key }))).toBe(
      `main: ssh_key ${key} is encrypted; give its passphrase as ssh_key_password.`,
    );
    expect(await connectError(deployData({ ssh_key: key, ssh_key_password: "wrong" }))).toBe(
      `main: ssh_key_password does not decrypt ssh_key ${key}.`,
    );
  });

  test("a key held in memory (the action's ssh-private-key input), never a file", async () => {
    const data = deployData();
    delete data.ssh_key;
    const connector = await connected(data, { privateKeys: [readFileSync(env.users.deploy.key, "utf8")] });
    expect((await connector.run("whoami")).stdout).toBe("deploy\n");
    await connector.disconnect();
  });

  test("a key from the SSH agent", async () => {
    const socket = join(mkdtempSync(join(tmpdir(), "infra-action-agent-")), "agent.sock");
    const agent = spawn("ssh-agent", ["-D", "-a", socket], { stdio: "ignore" });
    try {
      for (let i = 0; i < 50 && !existsSocket(socket); i++) await new Promise((r) => setTimeout(r, 100));
      execFileSync("ssh-add", [env.users.deploy.key], {
        env: { ...process.env, SSH_AUTH_SOCK: socket },
        stdio: "ignore",
      });
      const saved = process.env.SSH_AUTH_SOCK;
      process.env.SSH_AUTH_SOCK = socket;
      try {
        const data = deployData();
        delete data.ssh_key;
        const connector = await connected(data);
        expect((await connector.run("whoami")).stdout).toBe("deploy\n");
        await connector.disconnect();
      } finally {
        if (saved === undefined) delete process.env.SSH_AUTH_SOCK;
        else process.env.SSH_AUTH_SOCK = saved;
      }
    } finally {
      agent.kill();
    }
  });
});

describe("SSH: host keys", () => {
  test("hashed known_hosts entries", async () => {
    const connector = await connected(deployData({ ssh_known_hosts_file: env.knownHostsHashed }));
    expect((await connector.run("true")).exitCode).toBe(0);
    await connector.disconnect();
  });

  test("known_hosts lines given in memory (the action's ssh-known-hosts input)", async () => {
    const data = deployData({ ssh_known_hosts_file: join(home, "empty_known_hosts") });
    const connector = await connected(data, { knownHosts: readFileSync(env.knownHosts, "utf8") });
    expect((await connector.run("true")).exitCode).toBe(0);
    await connector.disconnect();
  });

  test("an unknown key is refused with its fingerprint and how to pin it", async () => {
    const message = await connectError(deployData({ ssh_known_hosts_file: join(home, "none") }));
    const token = `[${main.host}]:${main.port}`;
    expect(message).toMatch(
      new RegExp(
        `^main: the host key of \\[127\\.0\\.0\\.1\\]:${main.port} is not known \\(ssh-ed25519 SHA256:[A-Za-z0-9+/]{43}\\)\\. Verify that fingerprint, then pin it: run \`ssh-keyscan -p ${main.port} 127\\.0\\.0\\.1 >> ~/\\.ssh/known_hosts\``,
      ),
    );
    expect(message).toContain(
      `add the line \`${token} ${main.hostKeyPublic.split(" ").slice(0, 2).join(" ")}\` to the action's ssh-known-hosts input`,
    );
  });

  test("a changed key is refused, even with ssh_strict_host_key_checking: no", async () => {
    for (const policy of ["yes", "accept-new", "no"]) {
      const message = await connectError(
        deployData({ ssh_known_hosts_file: env.knownHostsChanged, ssh_strict_host_key_checking: policy }),
      );
      expect(message).toMatch(
        /^main: the host key of \[127\.0\.0\.1\]:\d+ has CHANGED: it presented ssh-ed25519 SHA256:\S+, but .*known_hosts_changed:1 expects SHA256:\S+\. This can mean someone is intercepting/,
      );
    }
  });

  test("accept-new pins an unknown key on first use, then checks it", async () => {
    const file = join(home, "accept_new_known_hosts");
    const warnings: string[] = [];
    const connector = await connected(
      deployData({ ssh_known_hosts_file: file, ssh_strict_host_key_checking: "accept-new" }),
      {
        warn: (m) => warnings.push(m),
      },
    );
    await connector.disconnect();
    expect(readFileSync(file, "utf8")).toBe(
      `[${main.host}]:${main.port} ${main.hostKeyPublic.split(" ").slice(0, 2).join(" ")}\n`,
    );
    expect(warnings[0]).toMatch(
      /^main: pinned the new host key of \[127\.0\.0\.1\]:\d+ \(ssh-ed25519 SHA256:\S+\) in /,
    );
    const again = await connected(deployData({ ssh_known_hosts_file: file }));
    await again.disconnect();
  });

  test("the hosts of one run read known_hosts once and share it, pins included; the next run reads it again", async () => {
    const file = join(home, "one_run_known_hosts");
    const run: ConnectContext = { ...context, warn: () => {} };
    const first = new SshConnector(
      "main",
      deployData({ ssh_known_hosts_file: file, ssh_strict_host_key_checking: "accept-new" }),
      run,
    );
    await first.connect();
    await first.disconnect();
    expect(readFileSync(file, "utf8")).toContain(main.hostKeyPublic.split(" ")[1]);
    // Emptied while the run goes on: its next host still knows the key it pinned.
    writeFileSync(file, "");
    const second = new SshConnector("main", deployData({ ssh_known_hosts_file: file }), run);
    await second.connect();
    await second.disconnect();
    expect(await connectError(deployData({ ssh_known_hosts_file: file }))).toMatch(
      /^main: the host key of .* is not known/,
    );
  });

  test("ssh_strict_host_key_checking: no connects with a warning", async () => {
    const warnings: string[] = [];
    const connector = await connected(
      deployData({ ssh_known_hosts_file: join(home, "none"), ssh_strict_host_key_checking: "no" }),
      {
        warn: (m) => warnings.push(m),
      },
    );
    await connector.disconnect();
    expect(warnings).toEqual([
      "main: host key checking is off (ssh_strict_host_key_checking: no); the connection can be intercepted.",
      expect.stringMatching(/^main: accepting the unverified host key of \[127\.0\.0\.1\]:\d+/),
    ]);
  });
});

describe("SSH: ssh config and ProxyJump", () => {
  // A name only the bastion can resolve: reaching it proves the connection went through the bastion.
  const hiddenName = "jump-target.infra-action.test";
  const hiddenKnownHosts = join(home, "hidden_known_hosts");

  beforeAll(() => {
    execFileSync("docker", [
      "exec",
      bastion.container,
      "sh",
      "-c",
      `grep -q ${hiddenName} /etc/hosts || echo "127.0.0.1 ${hiddenName}" >> /etc/hosts`,
    ]);
    writeFileSync(
      hiddenKnownHosts,
      `[${hiddenName}]:${main.port} ${main.hostKeyPublic}\n[${bastion.host}]:${bastion.port} ${bastion.hostKeyPublic}\n`,
    );
  });

  test("HostName, User, Port and IdentityFile from ~/.ssh/config", async () => {
    const sshHome = mkdtempSync(join(tmpdir(), "infra-action-ssh-config-"));
    mkdirSync(join(sshHome, ".ssh"));
    writeFileSync(
      join(sshHome, ".ssh", "config"),
      `Host configured-alias\n  HostName ${main.host}\n  Port ${main.port}\n  User deploy\n  IdentityFile ${env.users.deploy.key}\n`,
    );
    const connector = new SshConnector(
      "configured-alias",
      { ssh_known_hosts_file: env.knownHosts },
      { homeDir: sshHome },
    );
    await connector.connect();
    expect((await connector.run("whoami")).stdout).toBe("deploy\n");
    await connector.disconnect();
  });

  test("ssh_proxy_jump through a bastion", async () => {
    const connector = await connected(
      deployData({
        ssh_hostname: hiddenName,
        ssh_known_hosts_file: hiddenKnownHosts,
        ssh_proxy_jump: `deploy@${bastion.host}:${bastion.port}`,
      }),
    );
    expect((await connector.run("whoami")).stdout).toBe("deploy\n");
    await connector.disconnect();
  });

  test("ProxyJump from ssh config", async () => {
    const sshHome = mkdtempSync(join(tmpdir(), "infra-action-ssh-jump-"));
    mkdirSync(join(sshHome, ".ssh"));
    writeFileSync(
      join(sshHome, ".ssh", "config"),
      [
        "Host hidden",
        `  HostName ${hiddenName}`,
        `  Port ${main.port}`,
        "  User deploy",
        "  ProxyJump jumpbox",
        "Host jumpbox",
        `  HostName ${bastion.host}`,
        `  Port ${bastion.port}`,
        "  User deploy",
        "Host *",
        `  IdentityFile ${env.users.deploy.key}`,
        "",
      ].join("\n"),
    );
    const connector = new SshConnector("hidden", { ssh_known_hosts_file: hiddenKnownHosts }, { homeDir: sshHome });
    await connector.connect();
    expect((await connector.run("whoami")).stdout).toBe("deploy\n");
    await connector.disconnect();
  });
});

describe("SSH failures, each a clear per-host message while the other hosts finish", () => {
  const okLocal = /@local\s+ok\s+0/;

  test.each([
    [
      "wrong password",
      () => pwData({ ssh_password: "wrong" }),
      /^bad-host: authentication failed for pwuser@127\.0\.0\.1:\d+ \(tried password \(ssh_password\)\)\. Check ssh_user and the key or password\.$/m,
    ],
    [
      "wrong key",
      () => deployData({ ssh_key: env.keys.wrong }),
      /^bad-host: authentication failed for deploy@127\.0\.0\.1:\d+ \(tried key .*id_wrong \(ssh_key\)\)/m,
    ],
    [
      "unknown host key",
      () => deployData({ ssh_known_hosts_file: join(home, "none") }),
      /^bad-host: the host key of \[127\.0\.0\.1\]:\d+ is not known \(ssh-ed25519 SHA256:/m,
    ],
    [
      "changed host key",
      () => deployData({ ssh_known_hosts_file: env.knownHostsChanged }),
      /^bad-host: the host key of \[127\.0\.0\.1\]:\d+ has CHANGED/m,
    ],
    [
      "unresolvable name",
      () => deployData({ ssh_hostname: "no-such-host..invalid" }),
      /^bad-host: cannot resolve the host name in deploy@no-such-host\.\.invalid:\d+\. Check the name, or set ssh_hostname\.$/m,
    ],
  ])("%s: unreachable", async (_, data, message) => {
    const result = await execWith([["bad-host", data()]], [], "echo fine");
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(okLocal);
    expect(result.stdout).toMatch(/bad-host\s+unreachable\s+-/);
    expect(result.stderr).toMatch(message);
  });

  test("connection refused, retried with backoff", async () => {
    const port = await closedPort();
    const result = await execWith(
      [["bad-host", deployData({ ssh_port: port, ssh_connect_retries: 2 })]],
      [],
      "echo fine",
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(okLocal);
    expect(result.stderr).toContain(
      `bad-host: connection refused by deploy@127.0.0.1:${port}: is sshd running and listening there? (after 3 attempts)`,
    );
  });

  test("wrong sudo password", async () => {
    const result = await execWith(
      [["bad-host", pwData({ _sudo_password: "not-the-password-4f1" })]],
      ["--sudo"],
      "id -un",
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/bad-host\s+failed/);
    expect(result.stderr).toContain(
      "bad-host: sudo refused the password for root (_sudo_password is wrong for this user).",
    );
    expect(result.stdout + result.stderr).not.toContain("not-the-password-4f1");
  });

  test("sudo wanting a password that was not given", async () => {
    const result = await execWith([["bad-host", pwData()]], ["--sudo"], "id -un");
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("bad-host: sudo wants a password to run as root and none was given.");
  });

  test("a command past --timeout", async () => {
    // Only the SSH host hangs (its user is deploy); @local runs as another user and finishes.
    const result = await execWith(
      [["slow-host", deployData()]],
      ["--timeout", "2"],
      '[ "$(id -un)" = deploy ] && sleep 60; echo done',
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(okLocal);
    expect(result.stderr).toContain("slow-host: timed out after 2s");
  });

  test("the server closing the connection mid-command", async () => {
    const marker = `infra-action-marker-${process.pid}`;
    // Only the SSH host's command lasts (@local runs as another user and finishes at once).
    const command = `echo started; [ "$(id -un)" = deploy ] && sleep 60; echo ${marker}`;
    const pending = execWith([["dropped-host", deployData()]], [], command);
    // Kill the sshd session process serving that command: the nearest sshd above its shell.
    const pattern = `[${marker[0]}]${marker.slice(1)}`;
    const kill = `p=$(pgrep -o -f '${pattern}'); while [ -n "$p" ] && [ "$(ps -o comm= -p $p)" != sshd ]; do p=$(ps -o ppid= -p $p | tr -d ' '); done; kill -9 $p`;
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const found = execFileSync("docker", ["exec", main.container, "sh", "-c", `pgrep -f '${pattern}' || true`], {
        encoding: "utf8",
      });
      if (found.trim()) break;
    }
    execFileSync("docker", ["exec", main.container, "sh", "-c", kill]);
    const result = await pending;
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(okLocal);
    expect(result.stdout).toMatch(/dropped-host\s+failed/);
    expect(result.stderr).toContain("dropped-host: the SSH connection closed while a command was running.");
  });
});

function existsSocket(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ENOENT";
  }
}
