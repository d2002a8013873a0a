// git.bare_repo, git.repo (shallow, with a submodule) and git.worktree on a fresh container whose
// "remote" is a bare repository inside it (no network); then git.repo's ssh_keyscan and the ssh.*
// operations from a fresh container (--network host) to the shared bastion sshd on 127.0.0.1, as
// root with a key made for the test and authorized for deploy on the bastion (removed afterwards).
// Each: the first apply changes the host (checked with real commands), the second plan changes nothing.
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
const dir = mkdtempSync(join(tmpdir(), "infra-action-git-ssh-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(mode: "plan" | "apply", inventory: string, deploy: string, name: string) {
  const reportFile = join(dir, `${name}.json`);
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    { timeoutMs: 180_000 },
  );
  if (result.exitCode !== 0) throw new Error(`${mode} exited ${result.exitCode}:\n${result.stdout}\n${result.stderr}`);
  return { report: JSON.parse(readFileSync(reportFile, "utf8")) as Report, stdout: result.stdout };
}

const statuses = (report: Report) =>
  Object.fromEntries((report.hosts[0]?.operations ?? []).map((o) => [o.name, o.status]));

describe("git repositories, clones and working trees on a fresh container", () => {
  const container = `infra-action-test-gitssh-git-${process.pid}`;
  const exec = (command: string) => docker("exec", container, "sh", "-c", command);
  const inventory = join(dir, "git-inventory.json");
  const deploy = join(dir, "git.ts");
  beforeAll(() => {
    docker("run", "-d", "--init", "--network", "none", "--name", container, env.image, "sleep", "infinity");
    writeFileSync(inventory, JSON.stringify({ targets: [[`@docker/${container}`, {}]] }));
    // The "remote": a bare repository with a commit and a submodule (file:// needs protocol.file.allow).
    exec(
      [
        "set -e",
        "git config --global protocol.file.allow always",
        "git config --global user.email test@example.com && git config --global user.name test",
        "git config --global init.defaultBranch main",
        "git init -q --bare /srv/sub.git && git init -q --bare /srv/remote.git",
        "git clone -q /srv/sub.git /seed/sub 2>/dev/null && cd /seed/sub && echo lib > lib.txt && git add . && git commit -qm sub && git push -q origin HEAD:main",
        "git clone -q /srv/remote.git /seed/app 2>/dev/null && cd /seed/app && echo v1 > app.txt && git submodule -q add file:///srv/sub.git lib/sub && git add . && git commit -qm v1 && git push -q origin HEAD:main",
      ].join("\n"),
    );
    writeFileSync(
      deploy,
      `import { git } from "infra-action";
git.bare_repo({ name: "bare", path: "/srv/new.git", user: "deploy", group: "deploy" });
git.repo({ name: "clone", src: "file:///srv/remote.git", dest: "/opt/app", branch: "main", depth: 1, update_submodules: true });
git.worktree({ name: "hotfix", repo: "/opt/app", worktree: "/opt/app-hotfix", new_branch: "hotfix" });
git.worktree({ name: "track", repo: "/opt/app", worktree: "/opt/app-track", new_branch: "track", commitish: "origin/main" });
`,
    );
  }, 60_000);
  afterAll(() => {
    docker("rm", "-f", container);
  }, 60_000);

  test("creates them, then nothing to change; a new remote commit is pulled; removal", async () => {
    const first = await run("apply", inventory, deploy, "git-first");
    expect(statuses(first.report)).toEqual({ bare: "changed", clone: "changed", hotfix: "changed", track: "changed" });
    // (as deploy: git refuses a repository of another owner)
    expect(
      docker("exec", "-u", "deploy", container, "git", "-C", "/srv/new.git", "rev-parse", "--is-bare-repository"),
    ).toBe("true");
    expect(exec("stat -c %U:%G /srv/new.git /srv/new.git/HEAD /srv/new.git/objects")).toBe(
      "deploy:deploy\ndeploy:deploy\ndeploy:deploy",
    );
    expect(
      exec("git -C /opt/app rev-parse --is-shallow-repository; cat /opt/app/app.txt /opt/app/lib/sub/lib.txt"),
    ).toBe("true\nv1\nlib");
    expect(exec("git -C /opt/app-hotfix rev-parse --abbrev-ref HEAD; cat /opt/app-hotfix/app.txt")).toBe("hotfix\nv1");
    expect(exec("git -C /opt/app-track rev-parse --abbrev-ref HEAD '@{upstream}'")).toBe("track\norigin/main");

    const second = await run("plan", inventory, deploy, "git-second");
    expect(statuses(second.report)).toEqual({
      bare: "unchanged",
      clone: "unchanged",
      hotfix: "unchanged",
      track: "unchanged",
    });

    // A new commit on the remote: the clone and the tracking working tree are pulled, the other is not.
    exec("cd /seed/app && echo v2 > app.txt && git commit -qam v2 && git push -q origin HEAD:main");
    const third = await run("apply", inventory, deploy, "git-third");
    expect(statuses(third.report)).toEqual({
      bare: "unchanged",
      clone: "changed",
      hotfix: "unchanged",
      track: "changed",
    });
    expect(exec("cat /opt/app/app.txt /opt/app-track/app.txt /opt/app-hotfix/app.txt")).toBe("v2\nv2\nv1");

    const removal = join(dir, "git-remove.ts");
    writeFileSync(
      removal,
      `import { git } from "infra-action";
git.worktree({ name: "hotfix", worktree: "/opt/app-hotfix", present: false });
git.bare_repo({ name: "bare", path: "/srv/new.git", present: false });
`,
    );
    const removed = await run("apply", inventory, removal, "git-remove");
    expect(statuses(removed.report)).toEqual({ hotfix: "changed", bare: "changed" });
    expect(exec("ls -d /opt/app-hotfix /srv/new.git 2>&1 | grep -c 'No such file'")).toBe("2");
    expect(exec("git -C /opt/app worktree list | grep -c hotfix || true")).toBe("0");
    const again = await run("plan", inventory, removal, "git-remove-again");
    expect(statuses(again.report)).toEqual({ hotfix: "unchanged", bare: "unchanged" });
  }, 400_000);
});

describe("ssh from a fresh container to the bastion sshd", () => {
  const container = `infra-action-test-gitssh-ssh-${process.pid}`;
  const exec = (command: string) => docker("exec", container, "sh", "-c", command);
  const bastion = env.servers.bastion;
  const onBastion = (command: string) => docker("exec", "-u", "deploy", bastion.container, "sh", "-c", command);
  const port = bastion.port;
  const remoteDir = `/home/deploy/ia-gitssh-${process.pid}`;
  const sudoTarget = `/opt/ia-gitssh-${process.pid}.conf`;
  const keyComment = `infra-action-test-gitssh-${process.pid}`;
  const inventory = join(dir, "ssh-inventory.json");
  beforeAll(() => {
    docker("run", "-d", "--init", "--network", "host", "--name", container, env.image, "sleep", "infinity");
    writeFileSync(inventory, JSON.stringify({ targets: [[`@docker/${container}`, {}]] }));
    const publicKey = exec(
      `mkdir -p -m 700 /root/.ssh && ssh-keygen -q -t ed25519 -N '' -C ${keyComment} -f /root/.ssh/id_ed25519 && cat /root/.ssh/id_ed25519.pub`,
    );
    onBastion(`echo '${publicKey}' >> /home/deploy/.ssh/authorized_keys`);
    // On the bastion: a file to download and a bare repository with one commit, in a directory of the test's own.
    onBastion(
      [
        "set -e",
        `mkdir -p ${remoteDir} && cd ${remoteDir} && echo remote > remote.txt`,
        "git init -q --bare repo.git && git clone -q repo.git seed 2>/dev/null && cd seed",
        "echo hello > hello.txt && git add . && git -c user.name=t -c user.email=t@example.com commit -qm one && git push -q origin HEAD",
      ].join("\n"),
    );
    exec("echo payload > /root/payload.txt");
  }, 60_000);
  afterAll(() => {
    docker("rm", "-f", container);
    onBastion(
      `grep -v ' ${keyComment}$' /home/deploy/.ssh/authorized_keys > /home/deploy/.ssh/ak.tmp; cat /home/deploy/.ssh/ak.tmp > /home/deploy/.ssh/authorized_keys; rm -f /home/deploy/.ssh/ak.tmp; rm -rf ${remoteDir}; sudo -n rm -f ${sudoTarget}`,
    );
  }, 60_000);

  test("git.repo with ssh_keyscan clones over SSH after adding the host key, then nothing to change", async () => {
    const deploy = join(dir, "git-ssh.ts");
    writeFileSync(
      deploy,
      `import { git } from "infra-action";
git.repo({ name: "clone", src: "ssh://deploy@127.0.0.1:${port}${remoteDir}/repo.git", dest: "/opt/app", ssh_keyscan: true });
`,
    );
    const first = await run("apply", inventory, deploy, "git-ssh-first");
    expect(statuses(first.report)).toEqual({ clone: "changed" });
    expect(exec("cat /opt/app/hello.txt")).toBe("hello");
    // The bastion's own host key, under its [host]:port name.
    expect(
      exec(`ssh-keygen -F '[127.0.0.1]:${port}' -f /root/.ssh/known_hosts | grep -v '^#' | cut -d' ' -f2-3`),
    ).toContain(bastion.hostKeyPublic);
    const second = await run("plan", inventory, deploy, "git-ssh-second");
    expect(statuses(second.report)).toEqual({ clone: "unchanged" });
  }, 240_000);

  test("keyscan, command, upload (also with sudo) and download, then only the command changes", async () => {
    exec("rm -f /root/.ssh/known_hosts");
    const peer = `hostname: "127.0.0.1", port: ${port}, user: "deploy"`;
    const deploy = join(dir, "ssh.ts");
    writeFileSync(
      deploy,
      `import { ssh } from "infra-action";
ssh.keyscan({ name: "keyscan", hostname: "127.0.0.1", port: ${port} });
ssh.command({ name: "command", ${peer}, command: ${JSON.stringify(`echo "one was here" > ${remoteDir}/one.txt`)} });
ssh.upload({ name: "upload", ${peer}, filename: "/root/payload.txt", remote_filename: ${JSON.stringify(`${remoteDir}/it's here.txt`)} });
ssh.upload({ name: "upload-sudo", ${peer}, filename: "/root/payload.txt", remote_filename: ${JSON.stringify(sudoTarget)}, use_remote_sudo: true });
ssh.download({ name: "download", ${peer}, filename: ${JSON.stringify(`${remoteDir}/remote.txt`)}, local_filename: "/root/downloaded.txt" });
`,
    );
    const first = await run("apply", inventory, deploy, "ssh-first");
    expect(statuses(first.report)).toEqual({
      keyscan: "changed",
      command: "changed",
      upload: "changed",
      "upload-sudo": "changed",
      download: "changed",
    });
    expect(onBastion(`cat ${remoteDir}/one.txt "${remoteDir}/it's here.txt" ${sudoTarget}`)).toBe(
      "one was here\npayload\npayload",
    );
    expect(exec("cat /root/downloaded.txt; ls -A /root | grep -c '^\\.downloaded' || true")).toBe("remote\n0");

    const second = await run("plan", inventory, deploy, "ssh-second");
    expect(statuses(second.report)).toEqual({
      keyscan: "unchanged",
      command: "changed",
      upload: "unchanged",
      "upload-sudo": "unchanged",
      download: "unchanged",
    });

    // The file on the host changes: the uploads see that the copies differ.
    exec("echo payload-2 > /root/payload.txt");
    const third = await run("plan", inventory, deploy, "ssh-third");
    expect(statuses(third.report)).toMatchObject({ upload: "changed", "upload-sudo": "changed" });
    const reasons = Object.fromEntries((third.report.hosts[0]?.operations ?? []).map((o) => [o.name, o.reason]));
    expect(reasons).toMatchObject({
      upload: `127.0.0.1:${remoteDir}/it's here.txt differs: upload`,
      "upload-sudo": `127.0.0.1:${sudoTarget} differs: upload`,
    });
  }, 240_000);
});
