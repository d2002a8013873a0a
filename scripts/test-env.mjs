// The integration-test environment of infra-action: a Docker engine, a Debian bookworm image made with
// debootstrap, and two OpenSSH servers (containers on the host network, listening on 127.0.0.1 only).
//
//   node scripts/test-env.mjs [up]   install what is missing, start or reuse everything, verify it,
//                                    and write .test-env/env.json (read by test/helpers/test-env.ts)
//   node scripts/test-env.mjs down   remove the two sshd containers and env.json (keeps the image and keys)
//
// Idempotent: a second `up` reuses the running containers when they match .test-env/env.json.
// Runs as root on Debian bookworm, with Node 20 or newer and no dependencies beyond Node's built-ins.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";

import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  addSbinToPath,
  createProcesses,
  freePorts,
  hasBinary,
  killGroup,
  MINUTE,
  running,
  sleep,
  tail,
  tailFile,
} from "./lib/processes.mjs";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const envDir = join(repoRoot, ".test-env");
const keysDir = join(envDir, "keys");
const envFile = join(envDir, "env.json");
const askpassFile = join(envDir, "askpass.sh");

const SUITE = "bookworm";
const IMAGE_REPO = "infra-action-test/debian";
const IMAGE = `${IMAGE_REPO}:${SUITE}`;
const LOOPBACK = "127.0.0.1";
const LABEL = "infra-action-test";

// Debian packages of the test image (debootstrap resolves their dependencies). iproute2 is left out on purpose.
const IMAGE_PACKAGES = [
  "openssh-server",
  "sudo",
  "git",
  "procps",
  "python3",
  "python3-venv",
  "cron",
  "ca-certificates",
  "curl",
];

// Host binaries `up` needs, and the Debian package that provides each.
const HOST_TOOLS = [
  ["dockerd", "docker.io"],
  ["docker", "docker.io"],
  ["debootstrap", "debootstrap"],
  ["ssh-keygen", "openssh-client"],
  ["ssh", "openssh-client"],
  ["sshd", "openssh-server"],
];

const USERS = {
  deploy: { name: "deploy", passphrase: "test-passphrase" },
  pwuser: { name: "pwuser", password: "pw-secret" },
};

// Key files made once in .test-env/keys/ (all ed25519); `passphrase` is "" for none.
const KEYS = {
  deploy: { file: "id_ed25519", passphrase: "" },
  deployPass: { file: "id_ed25519_pass", passphrase: USERS.deploy.passphrase },
  wrong: { file: "id_wrong", passphrase: "" },
  hostMain: { file: "host_main", passphrase: "" },
  hostBastion: { file: "host_bastion", passphrase: "" },
  hostOther: { file: "host_other", passphrase: "" },
};

const SERVERS = {
  main: { container: "infra-action-test-sshd-main", hostKey: "hostMain" },
  bastion: { container: "infra-action-test-sshd-bastion", hostKey: "hostBastion" },
};

// sshd settings of the image (a drop-in: Debian's sshd_config includes sshd_config.d/*.conf first, and the
// first value of a setting wins). UsePAM no: Debian's PAM session stack (pam_loginuid) fails in containers.
const SSHD_DROP_IN = `# infra-action integration tests
UsePAM no
PasswordAuthentication yes
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin no
AllowTcpForwarding yes
MaxSessions 50
MaxStartups 100:30:200
`;

// Run inside the debootstrapped tree (chroot) to make the users. With UsePAM no, sshd refuses every login
// to an account whose password starts with "!" (useradd's locked default), so deploy gets "*" (no password).
const USERS_SCRIPT = `set -e
useradd --create-home --home-dir /home/deploy --shell /bin/bash deploy
usermod --password '*' deploy
install -d -m 700 -o deploy -g deploy /home/deploy/.ssh
useradd --create-home --home-dir /home/pwuser --shell /bin/bash pwuser
echo 'pwuser:${USERS.pwuser.password}' | chpasswd
rm -f /etc/ssh/ssh_host_*
install -d -m 755 /run/sshd
rm -f /var/cache/apt/archives/*.deb
`;

const SUDOERS = {
  "infra-action-deploy": "deploy ALL=(ALL:ALL) NOPASSWD:ALL\n",
  "infra-action-pwuser": "pwuser ALL=(ALL:ALL) ALL\n",
};

// Where each container sees its host key (the key files are bind-mounted read-only).
const HOST_KEY_IN_CONTAINER = "/etc/ssh/infra-action-test/ssh_host_ed25519_key";

const started = Date.now();
// The build directory in use, and strings kept out of the output.
let buildDir;
const hidden = new Set();

// Replaces the strings that must not be printed (the mirror's address) by a placeholder.
function redact(text) {
  let result = String(text);
  for (const word of hidden) result = result.split(word).join("<mirror>");
  return result;
}

// Prints one progress line.
function say(message) {
  console.log(`test-env: ${redact(message)}`);
}

// An error whose message is shown to the user as is (what failed and how to fix it).
class SetupError extends Error {}

// Stops with a message naming what failed and how to fix it.
function fail(message) {
  throw new SetupError(redact(message));
}

// A path relative to the repository, for messages.
function shown(path) {
  return relative(repoRoot, path) || ".";
}

const { run, must, imageId } = createProcesses({ fail, cwd: undefined });

// A short hex digest of a value.
function shortHash(value, length = 12) {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, length);
}

// Step 1: installs the missing host packages with apt-get (one `apt-get update` first, only when needed).
async function ensureHostPackages() {
  const missing = HOST_TOOLS.filter(([binary]) => !hasBinary(binary));
  if (missing.length === 0) {
    say(`packages: present (${HOST_TOOLS.map(([binary]) => binary).join(", ")})`);
    return;
  }
  const packages = [...new Set(missing.map(([, pkg]) => pkg))];
  say(`packages: installing ${packages.join(" ")} (missing ${missing.map(([binary]) => binary).join(", ")})`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const fix = "Check this machine's apt sources and network, then rerun `node scripts/test-env.mjs up` (as root).";
  await must("apt-get update", "apt-get", ["update"], { env, timeoutMs: 5 * MINUTE }, fix);
  await must(
    `apt-get install ${packages.join(" ")}`,
    "apt-get",
    ["install", "-y", "--no-install-recommends", ...packages],
    { env, timeoutMs: 10 * MINUTE },
    fix,
  );
  const still = HOST_TOOLS.filter(([binary]) => !hasBinary(binary)).map(([binary]) => binary);
  if (still.length > 0) fail(`after apt-get install, still missing: ${still.join(", ")}`);
}

// Whether the Docker engine answers; returns its version, or undefined.
async function dockerVersion() {
  const result = await run("docker", ["version", "--format", "{{.Server.Version}}"], { timeoutMs: 15_000 });
  return result.code === 0 ? result.stdout.trim() : undefined;
}

// Step 2: starts dockerd (detached, host networking only) when `docker info` fails, and waits until it answers.
async function ensureDocker() {
  const info = await run("docker", ["info", "--format", "{{.ServerVersion}}"], { timeoutMs: 15_000 });
  if (info.code === 0) {
    say(`docker: engine running (${info.stdout.trim()})`);
    return;
  }
  const logFile = join(envDir, "dockerd.log");
  say(`docker: starting dockerd (log: ${shown(logFile)})`);
  const logFd = openSync(logFile, "a");
  const daemon = spawn("dockerd", ["--iptables=false", "--ip6tables=false", "--bridge=none"], {
    detached: true,
    stdio: ["ignore", logFd, logFd],
  });
  closeSync(logFd);
  let exited;
  daemon.on("exit", (code, signal) => {
    exited = signal ?? `exit code ${code}`;
  });
  daemon.on("error", (error) => {
    exited = error.message;
  });
  daemon.unref();
  const deadline = Date.now() + MINUTE;
  for (let attempt = 0; attempt < 120 && Date.now() < deadline && exited === undefined; attempt++) {
    const version = await dockerVersion();
    if (version) {
      say(`docker: engine running (${version}, pid ${daemon.pid})`);
      return;
    }
    await sleep(500);
  }
  const why = exited === undefined ? "did not answer within 60 s" : `stopped (${exited})`;
  fail(`dockerd ${why}. Last lines of ${shown(logFile)}:\n${tailFile(logFile)}\nFix the cause above, then rerun.`);
}

// Parses deb822 stanzas (field names lower-cased) of one .sources file.
function parseDeb822(text) {
  const stanzas = [];
  for (const block of text.split(/\n[ \t]*\n/)) {
    const fields = {};
    let last;
    for (const line of block.split("\n")) {
      if (line.startsWith("#") || line.trim() === "") continue;
      if (/^[ \t]/.test(line) && last) {
        fields[last] += `\n${line.trim()}`;
        continue;
      }
      const match = /^([^:\s]+):\s*(.*)$/.exec(line);
      if (!match) continue;
      last = match[1].toLowerCase();
      fields[last] = match[2].trim();
    }
    if (Object.keys(fields).length > 0) stanzas.push(fields);
  }
  return stanzas;
}

// The bookworm apt sources of this machine, as [{ uri, keyring, file }], deb822 files first.
function aptSources() {
  const found = [];
  const dir = "/etc/apt/sources.list.d";
  const files = existsSync(dir) ? readdirSync(dir).sort() : [];
  for (const name of files.filter((f) => f.endsWith(".sources"))) {
    const file = join(dir, name);
    for (const fields of parseDeb822(readFileSync(file, "utf8"))) {
      const types = (fields.types ?? "").split(/\s+/);
      const suites = (fields.suites ?? "").split(/\s+/);
      if (!types.includes("deb") || !suites.includes(SUITE) || fields.enabled === "no" || !fields.uris) continue;
      const keyring = fields["signed-by"]?.startsWith("/") ? fields["signed-by"].split(/\s+/)[0] : undefined;
      found.push({ uri: fields.uris.split(/\s+/)[0], keyring, file });
    }
  }
  const listFiles = ["/etc/apt/sources.list", ...files.filter((f) => f.endsWith(".list")).map((f) => join(dir, f))];
  for (const file of listFiles.filter((f) => existsSync(f))) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const match = /^\s*deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)/.exec(line);
      if (!match || match[3] !== SUITE) continue;
      const keyring = /signed-by=(\/\S+)/.exec(match[1] ?? "")?.[1];
      found.push({ uri: match[2], keyring, file });
    }
  }
  return found;
}

// The Debian mirror to debootstrap from: this machine's own apt source for bookworm, read at run time.
function debianMirror() {
  const source = aptSources().find((s) => /^(https?|file):/.test(s.uri));
  if (source) {
    hidden.add(source.uri);
    const { host } = new URL(source.uri);
    if (host) hidden.add(host);
  } else {
    fail(
      `no apt source for "${SUITE}" with an http(s) or file URI in /etc/apt/sources.list.d/*.sources ` +
        `(deb822: Types: deb, Suites: ${SUITE}, URIs: ...) or /etc/apt/sources.list ("deb URI ${SUITE} main"). ` +
        "Add one (the one apt uses on this machine), then rerun.",
    );
  }
  return source;
}

// The image's tag for this recipe: a short hash of the package list and of everything the build writes.
function imageTag() {
  return `${IMAGE_REPO}:${SUITE}-${shortHash([SUITE, IMAGE_PACKAGES, SSHD_DROP_IN, USERS_SCRIPT, SUDOERS])}`;
}

// The mount points at or under a directory (deepest first), from /proc/mounts.
function mountsUnder(dir) {
  const mounts = readFileSync("/proc/mounts", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[1]?.replace(/\\040/g, " "))
    .filter((point) => point && (point === dir || point.startsWith(`${dir}/`)));
  return mounts.sort((a, b) => b.length - a.length);
}

// Removes a build directory, first unmounting what debootstrap may have left mounted in it (never deletes
// through a mount point).
function removeBuildDir(dir) {
  for (const point of mountsUnder(dir)) spawnSync("umount", ["-l", point], { timeout: 30_000 });
  const left = mountsUnder(dir);
  if (left.length > 0) fail(`${dir} still has mounts (${left.join(", ")}); unmount them and remove it by hand.`);
  rmSync(dir, { recursive: true, force: true });
  buildDir = undefined;
}

// Writes the users, sudoers and sshd settings into the debootstrapped tree.
async function customizeRootfs(dir, mirror) {
  writeFileSync(join(dir, "etc/ssh/sshd_config.d/infra-action-test.conf"), SSHD_DROP_IN);
  for (const [name, content] of Object.entries(SUDOERS)) {
    writeFileSync(join(dir, "etc/sudoers.d", name), content);
    chmodSync(join(dir, "etc/sudoers.d", name), 0o440);
  }
  const sourcesList = join(dir, "etc/apt/sources.list");
  const current = existsSync(sourcesList) ? readFileSync(sourcesList, "utf8") : "";
  if (!current.includes(mirror)) writeFileSync(sourcesList, `deb ${mirror} ${SUITE} main\n`);
  await must("setting up the image's users (chroot)", "chroot", [dir, "/bin/sh", "-c", USERS_SCRIPT]);
}

// Streams a directory as a tar archive into `docker import` and returns the new image id.
function importRootfs(dir, tag) {
  return new Promise((resolve, reject) => {
    const changes = [
      "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "ENV LANG=C.UTF-8",
      'CMD ["/bin/bash"]',
    ].flatMap((change) => ["--change", change]);
    const tar = spawn("tar", ["--numeric-owner", "-C", dir, "-c", "."], { stdio: ["ignore", "pipe", "pipe"] });
    const importer = spawn("docker", ["import", ...changes, "-", tag], { stdio: ["pipe", "pipe", "pipe"] });
    tar.stdout.pipe(importer.stdin);
    let output = "";
    for (const stream of [tar.stderr, importer.stdout, importer.stderr]) {
      stream.on("data", (chunk) => {
        output += chunk;
      });
    }
    const timer = setTimeout(() => {
      tar.kill("SIGKILL");
      importer.kill("SIGKILL");
    }, 10 * MINUTE);
    let tarCode;
    tar.on("close", (code) => {
      tarCode = code;
    });
    tar.on("error", reject);
    importer.on("error", reject);
    importer.on("close", (code) => {
      clearTimeout(timer);
      const id = /sha256:[0-9a-f]{64}/.exec(output)?.[0];
      if (code === 0 && tarCode === 0 && id) resolve(id);
      else
        reject(new SetupError(`tar | docker import ${tag} failed (tar ${tarCode}, docker ${code}):\n${tail(output)}`));
    });
  });
}

// Makes the image: debootstrap into a temporary directory, customize, import, remove the directory.
async function buildImage(tag) {
  const source = debianMirror();
  const dir = mkdtempSync(join(tmpdir(), "infra-action-test-rootfs-"));
  buildDir = dir;
  const logFile = join(envDir, "debootstrap.log");
  const t0 = Date.now();
  say(`image: building ${tag} with debootstrap from the mirror in ${source.file}`);
  say(`image: this takes a few minutes; log: ${shown(logFile)}`);
  try {
    const args = ["--variant=minbase", `--include=${IMAGE_PACKAGES.join(",")}`];
    if (source.keyring && existsSync(source.keyring)) args.push(`--keyring=${source.keyring}`);
    await must(
      "debootstrap",
      "debootstrap",
      [...args, SUITE, dir, source.uri],
      { logFile, timeoutMs: 15 * MINUTE },
      `Full log: ${shown(logFile)}. Check the network and this machine's apt sources, then rerun.`,
    );
    await customizeRootfs(dir, source.uri);
    const left = mountsUnder(dir);
    if (left.length > 0) fail(`debootstrap left mounts in ${dir} (${left.join(", ")}); unmount them and rerun.`);
    const id = await importRootfs(dir, tag);
    say(`image: built ${tag} (${id.slice(0, 19)}) in ${Math.round((Date.now() - t0) / 1000)} s`);
    return id;
  } finally {
    removeBuildDir(dir);
  }
}

// Step 3: makes sure the image for this recipe exists (built only when its tag is missing) and is tagged IMAGE.
async function ensureImage() {
  const tag = imageTag();
  let id = await imageId(tag);
  if (id) say(`image: ${tag} present (${id.slice(0, 19)})`);
  else id = await buildImage(tag);
  await must(`docker tag ${tag} ${IMAGE}`, "docker", ["tag", tag, IMAGE]);
  return id;
}

// A public key file's "type base64" (the comment dropped).
function publicKey(file) {
  return readFileSync(file, "utf8").trim().split(/\s+/).slice(0, 2).join(" ");
}

// Step 4: generates the keys once into .test-env/keys/ (a key whose .pub is missing is made anew).
async function ensureKeys() {
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const made = [];
  for (const { file, passphrase } of Object.values(KEYS)) {
    const path = join(keysDir, file);
    if (existsSync(path) && existsSync(`${path}.pub`)) continue;
    rmSync(path, { force: true });
    rmSync(`${path}.pub`, { force: true });
    const comment = `infra-action-test-${file}`;
    await must(`ssh-keygen for ${file}`, "ssh-keygen", [
      "-q",
      "-t",
      "ed25519",
      "-N",
      passphrase,
      "-C",
      comment,
      "-f",
      path,
    ]);
    made.push(file);
  }
  say(
    made.length > 0 ? `keys: generated ${made.join(", ")} in ${shown(keysDir)}` : `keys: present in ${shown(keysDir)}`,
  );
  const keys = {};
  for (const [name, { file }] of Object.entries(KEYS)) {
    keys[name] = { path: join(keysDir, file), public: publicKey(join(keysDir, `${file}.pub`)) };
  }
  return keys;
}

// The authorized_keys content for deploy: the keys without and with a passphrase.
function authorizedKeys(keys) {
  return `${keys.deploy.public} infra-action-test-deploy\n${keys.deployPass.public} infra-action-test-deploy-pass\n`;
}

// The `docker run` arguments of one sshd container, and a hash of everything that defines it.
function containerSpec(role, port, image, keys) {
  const { container, hostKey } = SERVERS[role];
  const sshd = ["/usr/sbin/sshd", "-D", "-e", "-p", String(port), "-o", `ListenAddress=${LOOPBACK}`];
  const definition = [image, role, port, sshd, keys[hostKey].path, keys[hostKey].public, authorizedKeys(keys)];
  const hash = shortHash(definition);
  const args = [
    "run",
    "-d",
    "--name",
    container,
    "--network",
    "host",
    "--init",
    "--restart",
    "unless-stopped",
    "--label",
    `${LABEL}.role=${role}`,
    "--label",
    `${LABEL}.port=${port}`,
    "--label",
    `${LABEL}.config=${hash}`,
    "-v",
    `${keys[hostKey].path}:${HOST_KEY_IN_CONTAINER}:ro`,
    "-v",
    `${keys[hostKey].path}.pub:${HOST_KEY_IN_CONTAINER}.pub:ro`,
    image,
    ...sshd,
    "-h",
    HOST_KEY_IN_CONTAINER,
  ];
  return { args, hash };
}

// A container's state: { running, image, labels }, or undefined when there is none of that name.
async function inspectContainer(name) {
  const result = await run("docker", ["container", "inspect", "--format", "{{json .}}", name], { timeoutMs: 30_000 });
  if (result.code !== 0) return undefined;
  const data = JSON.parse(result.stdout);
  return { running: data.State?.Running === true, image: data.Image, labels: data.Config?.Labels ?? {} };
}

// The previous env.json, or undefined when it is missing or unreadable.
function previousEnv() {
  try {
    return JSON.parse(readFileSync(envFile, "utf8"));
  } catch {
    return undefined;
  }
}

// Whether both containers are running as env.json describes them (same image, ports, keys and settings).
async function reusablePorts(image, keys) {
  const previous = previousEnv();
  if (!previous || previous.imageId !== image) return undefined;
  const ports = {};
  for (const role of Object.keys(SERVERS)) {
    const port = previous.servers?.[role]?.port;
    if (!Number.isInteger(port)) return undefined;
    const state = await inspectContainer(SERVERS[role].container);
    const expected = containerSpec(role, port, image, keys).hash;
    if (!state?.running || state.image !== image || state.labels[`${LABEL}.config`] !== expected) return undefined;
    ports[role] = port;
  }
  return ports;
}

// Removes the sshd containers (absent ones are fine).
async function removeContainers() {
  for (const { container } of Object.values(SERVERS)) {
    const result = await run("docker", ["rm", "-f", container], { timeoutMs: MINUTE });
    if (result.code !== 0 && !/No such container/i.test(result.stderr)) {
      fail(`docker rm -f ${container} failed:\n${tail(result.stderr)}`);
    }
  }
}

// Starts one sshd container and installs deploy's authorized_keys in it.
async function startContainer(role, port, image, keys) {
  const { container } = SERVERS[role];
  const { args } = containerSpec(role, port, image, keys);
  await must(`starting ${container} (docker run)`, "docker", args, { timeoutMs: 2 * MINUTE });
  const install = [
    "umask 077",
    "cat > /home/deploy/.ssh/authorized_keys",
    "chown deploy:deploy /home/deploy/.ssh/authorized_keys",
  ].join(" && ");
  await must(
    `installing deploy's authorized_keys in ${container}`,
    "docker",
    ["exec", "-i", container, "sh", "-c", install],
    {
      input: authorizedKeys(keys),
    },
  );
}

// Step 5: reuses both sshd containers when they match env.json, else removes and recreates them on new ports.
async function ensureServers(image, keys, { forceNew = false } = {}) {
  const reused = forceNew ? undefined : await reusablePorts(image, keys);
  if (reused) {
    say(
      `sshd: reusing ${Object.entries(reused)
        .map(([role, port]) => `${role} ${LOOPBACK}:${port}`)
        .join(", ")}`,
    );
    return { ports: reused, reused: true };
  }
  await removeContainers();
  const [mainPort, bastionPort] = await freePorts(2, LOOPBACK);
  const ports = { main: mainPort, bastion: bastionPort };
  for (const [role, port] of Object.entries(ports)) await startContainer(role, port, image, keys);
  say(
    `sshd: started ${Object.entries(ports)
      .map(([role, port]) => `${role} ${LOOPBACK}:${port}`)
      .join(", ")}`,
  );
  return { ports, reused: false };
}

// Step 6: writes known_hosts (plain), known_hosts_hashed and known_hosts_changed (main's port, host_other's key).
async function writeKnownHosts(ports, keys) {
  const files = {
    plain: join(envDir, "known_hosts"),
    hashed: join(envDir, "known_hosts_hashed"),
    changed: join(envDir, "known_hosts_changed"),
  };
  const line = (port, key) => `[${LOOPBACK}]:${port} ${key}\n`;
  const plain = Object.entries(SERVERS)
    .map(([role, { hostKey }]) => line(ports[role], keys[hostKey].public))
    .join("");
  writeFileSync(files.plain, plain);
  writeFileSync(files.changed, line(ports.main, keys.hostOther.public));
  writeFileSync(files.hashed, plain);
  await must("hashing known_hosts_hashed (ssh-keygen -H)", "ssh-keygen", ["-H", "-f", files.hashed]);
  rmSync(`${files.hashed}.old`, { force: true });
  say(`known_hosts: wrote ${Object.values(files).map(shown).join(", ")}`);
  return files;
}

// Writes the askpass helper that lets ssh read a password or passphrase from the environment, without a tty.
function writeAskpass() {
  writeFileSync(askpassFile, '#!/bin/sh\nprintf "%s\\n" "$INFRA_ACTION_TEST_SECRET"\n');
  chmodSync(askpassFile, 0o700);
}

// The ssh arguments shared by every check: no user config, strict host key checking against known_hosts.
function sshBase(knownHosts) {
  return [
    "-F",
    "/dev/null",
    "-o",
    `UserKnownHostsFile=${knownHosts}`,
    "-o",
    "GlobalKnownHostsFile=/dev/null",
    "-o",
    "StrictHostKeyChecking=yes",
    "-o",
    "ConnectTimeout=5",
    "-o",
    "IdentitiesOnly=yes",
    "-o",
    "IdentityAgent=none",
  ];
}

// ssh failures that waiting does not cure (the server answered and refused), so checks stop retrying on them.
const FINAL_SSH_FAILURE = /Permission denied|Host key verification failed|HOST IDENTIFICATION HAS CHANGED/;

// Runs ssh until it prints `expect` (retrying for at most 20 s); fails naming the check when it never does.
async function checkSsh(what, args, { secret, expect = "ok" } = {}) {
  const env =
    secret === undefined
      ? process.env
      : { ...process.env, SSH_ASKPASS: askpassFile, SSH_ASKPASS_REQUIRE: "force", INFRA_ACTION_TEST_SECRET: secret };
  const deadline = Date.now() + 20_000;
  let last;
  for (let attempt = 1; attempt <= 20; attempt++) {
    const timeoutMs = Math.max(1000, Math.min(10_000, deadline - Date.now()));
    last = await run("ssh", args, { env, timeoutMs });
    if (last.code === 0 && last.stdout.trim() === expect) return;
    if (FINAL_SSH_FAILURE.test(last.stderr) || Date.now() + 1000 >= deadline) break;
    await sleep(1000);
  }
  const output = tail(`${last.stdout}${last.stderr}`);
  const reason = last.timedOut ? "timed out" : output.split("\n").at(-1) || `ssh exit ${last.code}`;
  fail(
    `check failed: ${what}: ${reason}\n${output}\n` +
      "The servers log to `docker logs <container>`; `node scripts/test-env.mjs down` then `up` recreates them.",
  );
}

// Step 7: logs in as deploy (key, then passphrase key) and pwuser (password), checks sudo and forwarding.
async function verify(ports, keys, knownHosts) {
  const t0 = Date.now();
  const base = sshBase(knownHosts.plain);
  const batch = [...base, "-o", "BatchMode=yes"];
  const passwordOnly = [
    ...base,
    "-o",
    "BatchMode=no",
    "-o",
    "PubkeyAuthentication=no",
    "-o",
    "PreferredAuthentications=password",
    "-o",
    "NumberOfPasswordPrompts=1",
  ];
  const sudoNoPassword = "sudo -n true && echo ok";
  for (const role of Object.keys(SERVERS)) {
    const target = ["-i", keys.deploy.path, "-p", String(ports[role]), `deploy@${LOOPBACK}`];
    await checkSsh(`deploy@${role} with id_ed25519 and sudo -n`, [...batch, ...target, sudoNoPassword]);
  }
  const main = ["-p", String(ports.main), `${USERS.pwuser.name}@${LOOPBACK}`];
  const passKey = [
    "-o",
    "BatchMode=no",
    "-o",
    "PreferredAuthentications=publickey",
    "-i",
    keys.deployPass.path,
    "-p",
    String(ports.main),
    `deploy@${LOOPBACK}`,
  ];
  await checkSsh("deploy@main with id_ed25519_pass (passphrase)", [...base, ...passKey, "echo ok"], {
    secret: USERS.deploy.passphrase,
  });
  const password = USERS.pwuser.password;
  const pwSudo = `sudo -n true 2>/dev/null && echo not-asked || { echo '${password}' | sudo -S -p '' true && echo ok; }`;
  await checkSsh("pwuser@main by password, sudo with its password", [...passwordOnly, ...main, pwSudo], {
    secret: USERS.pwuser.password,
  });
  const jumpArgs = [...batch, "-i", keys.deploy.path, "-p", String(ports.bastion), "-W", "%h:%p", `deploy@${LOOPBACK}`];
  const jump = `ssh ${jumpArgs.map(quote).join(" ")}`;
  await checkSsh("deploy@main through bastion (TCP forwarding)", [
    ...batch,
    "-o",
    `ProxyCommand=${jump}`,
    "-i",
    keys.deploy.path,
    "-p",
    String(ports.main),
    `deploy@${LOOPBACK}`,
    "echo ok",
  ]);
  say(`verify: key, passphrase key, password, sudo and forwarding ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

// Quotes a word for /bin/sh.
function quote(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

// Step 8: writes .test-env/env.json, what the tests read (test/helpers/test-env.ts).
function writeEnv(image, ports, keys, knownHosts) {
  const servers = {};
  for (const [role, { container, hostKey }] of Object.entries(SERVERS)) {
    servers[role] = { host: LOOPBACK, port: ports[role], container, hostKeyPublic: keys[hostKey].public };
  }
  const env = {
    image: IMAGE,
    imageId: image,
    servers,
    users: {
      deploy: {
        name: USERS.deploy.name,
        key: keys.deploy.path,
        passphraseKey: keys.deployPass.path,
        passphrase: USERS.deploy.passphrase,
      },
      pwuser: { name: USERS.pwuser.name, password: USERS.pwuser.password },
    },
    keys: { wrong: keys.wrong.path, otherHostPublic: keys.hostOther.public },
    knownHosts: knownHosts.plain,
    knownHostsHashed: knownHosts.hashed,
    knownHostsChanged: knownHosts.changed,
  };
  writeFileSync(envFile, `${JSON.stringify(env, null, 2)}\n`);
}

// `up`: every step in order; a reused pair of containers that fails verification is recreated once.
async function up() {
  if (process.getuid?.() !== 0) fail("run as root: `up` installs packages, starts dockerd and runs debootstrap.");
  mkdirSync(envDir, { recursive: true });
  await ensureHostPackages();
  await ensureDocker();
  const image = await ensureImage();
  const keys = await ensureKeys();
  writeAskpass();
  let { ports, reused } = await ensureServers(image, keys);
  let knownHosts = await writeKnownHosts(ports, keys);
  try {
    await verify(ports, keys, knownHosts);
  } catch (error) {
    if (!reused || !(error instanceof SetupError)) throw error;
    say(`verify: reused containers failed (${error.message.split("\n")[0]}); recreating them`);
    ({ ports } = await ensureServers(image, keys, { forceNew: true }));
    knownHosts = await writeKnownHosts(ports, keys);
    await verify(ports, keys, knownHosts);
  }
  writeEnv(image, ports, keys, knownHosts);
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${shown(envFile)}`);
}

// `down`: removes the two containers and env.json (keeps the image and the keys).
async function down() {
  const info = await run("docker", ["info", "--format", "{{.ServerVersion}}"], { timeoutMs: 15_000 });
  if (info.code !== 0) {
    say("docker: engine not running, so no containers to remove");
  } else {
    await removeContainers();
    say(
      `removed ${Object.values(SERVERS)
        .map((s) => s.container)
        .join(", ")} (image and keys kept)`,
    );
  }
  rmSync(envFile, { force: true });
}

// Entry point: dispatches the command and turns failures into one clear message and exit code 1.
async function main() {
  const command = process.argv[2] ?? "up";
  addSbinToPath();
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      for (const child of running) killGroup(child);
      console.error(`test-env: interrupted (${signal})`);
      if (buildDir) {
        try {
          removeBuildDir(buildDir);
        } catch (error) {
          console.error(`test-env: ${error.message}`);
        }
      }
      process.exit(130);
    });
  }
  try {
    if (command === "up") await up();
    else if (command === "down") await down();
    else
      fail(`unknown command "${command}"; use \`node scripts/test-env.mjs up\` or \`node scripts/test-env.mjs down\`.`);
  } catch (error) {
    console.error(`test-env: ${redact(error instanceof SetupError ? error.message : (error?.stack ?? error))}`);
    process.exit(1);
  }
}

await main();
