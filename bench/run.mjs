// The benchmark: infra-action against Ansible on the same 20-operation workload (bench/workload/), on N
// OpenSSH servers in containers listening on 127.0.0.1 only. Writes bench/results/<date>.json and the
// results section of bench/README.md.
//
//   npm run bench                       N = 1, 10, 30, 100; 3 runs each; medians reported
//   BENCH_SIZES=1,10 BENCH_RUNS=1 npm run bench   a quicker run (nothing else changes)
//
// Runs as root on Debian bookworm with Node's built-ins only; installs ansible-core and GNU time with
// apt-get when missing, and provisions Docker and the test image with scripts/test-env.mjs.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { connect } from "node:net";
import { availableParallelism, loadavg, release, totalmem } from "node:os";
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
} from "../scripts/lib/processes.mjs";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const benchDir = join(repoRoot, "bench");
const workDir = join(benchDir, ".work");
const workloadDir = join(benchDir, "workload");
const resultsDir = join(benchDir, "results");
const readmeFile = join(benchDir, "README.md");
// The bundles run from a copy made at the start, so a rebuild of dist/ during the bench changes nothing.
const distDir = join(workDir, "dist");
const cli = join(distDir, "cli.js");

const TEST_IMAGE = "infra-action-test/debian:bookworm";
const BENCH_IMAGE_REPO = "infra-action-bench/debian";
const CONTAINER_PREFIX = "infra-action-bench-";
const LABEL = "infra-action-bench";
const LOOPBACK = "127.0.0.1";
const HOST_KEY_IN_CONTAINER = "/etc/ssh/infra-action-bench/ssh_host_ed25519_key";
// Ansible's apt module needs python3-apt on the host (and would try to download it when missing): the
// bench image is the test image plus these packages, used for both tools.
const ANSIBLE_APT_DEBS = ["python3-apt", "python-apt-common", "distro-info-data"];

const OPS_PER_HOST = 20;
// Operations the first apply changes on a fresh host: all but the two packages already installed.
const CHANGED_PER_HOST = 18;
const SIZES = listSetting("BENCH_SIZES", [1, 10, 30, 100]);
const RUNS = listSetting("BENCH_RUNS", [3])[0];
const SCALE_HOSTS = 10;
const SCALES = listSetting("BENCH_SCALES", [1, 2, 5]);
const COLD_START_SAMPLES = 10;

const SECOND = 1000;
// One tool run longer than this stops it (and, at 100 hosts, skips that size).
const RUN_TIMEOUT_MS = 10 * MINUTE;
// Repetitions of one size stop early once this much time went into that size (at least one run is made).
const SIZE_BUDGET_MS = 25 * MINUTE;
const POOL = 6;
// A machine busier than this (fraction of CPU time) is waited for before each measurement.
const QUIET_BUSY = 0.2;

const TOOLS = ["infra-action", "ansible"];
const STEPS = { "infra-action": ["apply", "noop", "plan"], ansible: ["apply", "noop", "check"] };
const STEP_TITLES = { apply: "first apply", noop: "no-op re-run", plan: "plan", check: "check (its plan)" };

// Budgets, as DESIGN.md §6 and the task state them.
const BUDGETS = {
  planExecutions: 2,
  applyExtraExecutions: 2,
  planWallMs: 2 * SECOND,
  planWallHosts: 30,
  coldStartMs: 300,
  marginalMbPerHost: 5,
};

const started = Date.now();

// A comma-separated list of positive integers from the environment, or the default.
function listSetting(name, fallback) {
  const raw = process.env[name];
  if (!raw) return fallback;
  const values = raw.split(",").map((v) => Number(v.trim()));
  if (values.some((v) => !Number.isInteger(v) || v < 1)) {
    console.error(`bench: ${name}=${raw} must be positive integers separated by commas`);
    process.exit(2);
  }
  return values;
}

const { run, must, imageId } = createProcesses({ fail, cwd: repoRoot });

// Prints one progress line, with the time since the start.
function say(message) {
  const elapsed = ((Date.now() - started) / SECOND).toFixed(0).padStart(4);
  console.log(`bench [${elapsed} s]: ${message}`);
}

// An error whose message is shown as is.
class BenchError extends Error {}

// Stops with a message naming what failed.
function fail(message) {
  throw new BenchError(message);
}

// The median of numbers (undefined for none).
function median(values) {
  const sorted = values.filter((v) => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Calls `fn` on every item, at most `limit` at a time; resolves to the results in order.
async function eachLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i], i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// Step 1: Docker and the test image (scripts/test-env.mjs installs and starts what is missing).
async function ensureTestEnv() {
  say("setup: Docker and the test image (node scripts/test-env.mjs up)");
  const logFile = join(workDir, "test-env.log");
  await must("node scripts/test-env.mjs up", process.execPath, ["scripts/test-env.mjs", "up"], {
    timeoutMs: 30 * MINUTE,
    logFile,
  });
  say(`setup: test environment ready (log: ${relative(repoRoot, logFile)})`);
}

// Step 2: ansible-core and GNU time, with apt-get when missing.
async function ensureHostPackages() {
  const wanted = [
    ["ansible-playbook", "ansible-core"],
    ["time", "time", "/usr/bin/time"],
  ];
  const missing = wanted.filter(([binary, , path]) => (path ? !existsSync(path) : !hasBinary(binary)));
  if (missing.length === 0) {
    say("setup: ansible-core and GNU time present");
    return;
  }
  const packages = missing.map(([, pkg]) => pkg);
  say(`setup: installing ${packages.join(" ")} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  await must("apt-get update", "apt-get", ["update"], { env, timeoutMs: 5 * MINUTE });
  await must("apt-get install", "apt-get", ["install", "-y", "--no-install-recommends", ...packages], {
    env,
    timeoutMs: 10 * MINUTE,
  });
}

// Step 3: the bench image, the test image plus python3-apt (for Ansible's apt module), made once per test image.
async function ensureBenchImage() {
  const base = await imageId(TEST_IMAGE);
  if (!base) fail(`${TEST_IMAGE} is missing after scripts/test-env.mjs up`);
  const tag = `${BENCH_IMAGE_REPO}:${createHash("sha256")
    .update(JSON.stringify([base, ANSIBLE_APT_DEBS]))
    .digest("hex")
    .slice(0, 12)}`;
  if (await imageId(tag)) {
    say(`setup: bench image ${tag} present`);
    return tag;
  }
  say(`setup: making ${tag} (${TEST_IMAGE} + ${ANSIBLE_APT_DEBS.join(", ")})`);
  const debDir = join(workDir, "debs");
  rmSync(debDir, { recursive: true, force: true });
  mkdirSync(debDir, { recursive: true });
  chmodSync(debDir, 0o777); // apt-get download drops privileges to _apt
  await must("apt-get download", "apt-get", ["download", ...ANSIBLE_APT_DEBS], { cwd: debDir, timeoutMs: 5 * MINUTE });
  const builder = `${CONTAINER_PREFIX}build`;
  await run("docker", ["rm", "-f", builder], { timeoutMs: MINUTE });
  await must(
    "installing python3-apt in the bench image",
    "docker",
    [
      ...["run", "--name", builder, "--network", "host", "--label", LABEL, "-v", `${debDir}:/debs:ro`, TEST_IMAGE],
      ...["sh", "-c", "dpkg -i /debs/*.deb && python3 -c 'import apt'"],
    ],
    { timeoutMs: 5 * MINUTE },
  );
  await must("docker commit", "docker", ["commit", "--change", 'CMD ["/bin/bash"]', builder, tag], {
    timeoutMs: 5 * MINUTE,
  });
  await run("docker", ["rm", "-f", builder], { timeoutMs: MINUTE });
  return tag;
}

// Step 4: this run's keys: the client key of user deploy and one host key per container (made anew each run).
async function makeKeys(count) {
  const keyDir = join(workDir, "keys");
  rmSync(keyDir, { recursive: true, force: true });
  mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  const keygen = (path, comment) =>
    must(`ssh-keygen ${comment}`, "ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path]);
  const client = join(keyDir, "id_ed25519");
  await keygen(client, "infra-action-bench-deploy");
  const authorizedKeys = join(keyDir, "authorized_keys");
  writeFileSync(authorizedKeys, readFileSync(`${client}.pub`, "utf8"), { mode: 0o644 });
  const hostKeys = await eachLimit(
    Array.from({ length: count }, (_, i) => i + 1),
    POOL,
    async (i) => {
      const path = join(keyDir, `host_${i}`);
      await keygen(path, `infra-action-bench-host-${i}`);
      return { path, public: readFileSync(`${path}.pub`, "utf8").trim().split(/\s+/).slice(0, 2).join(" ") };
    },
  );
  say(`setup: generated the client key and ${count} host keys in ${relative(repoRoot, keyDir)}`);
  return { client, authorizedKeys, hostKeys };
}

// Whether an SSH server answers with its banner on the port before the deadline (one attempt every 100 ms).
async function waitForSshBanner(port, deadline) {
  for (let attempt = 0; attempt < 600 && Date.now() < deadline; attempt++) {
    const ok = await new Promise((resolve) => {
      const socket = connect({ host: LOOPBACK, port });
      const timer = setTimeout(() => finish(false), 2 * SECOND);
      let data = "";
      const finish = (result) => {
        clearTimeout(timer);
        socket.destroy();
        resolve(result);
      };
      socket.on("data", (chunk) => {
        data += chunk;
        if (data.startsWith("SSH-")) finish(true);
      });
      socket.on("error", () => finish(false));
      socket.on("close", () => finish(false));
    });
    if (ok) return true;
    await sleep(100);
  }
  return false;
}

// Removes every bench container (by label); bounded, best effort.
async function removeBenchContainers() {
  const list = await run("docker", ["ps", "-aq", "--filter", `label=${LABEL}`], { timeoutMs: MINUTE });
  const ids = list.stdout.split(/\s+/).filter(Boolean);
  if (ids.length === 0) return;
  const result = await run("docker", ["rm", "-f", ...ids], { timeoutMs: 3 * MINUTE });
  if (result.code !== 0) console.error(`bench: docker rm -f failed: ${tail(result.stderr, 5)}`);
}

// The same, synchronously, for the signal handler.
function removeBenchContainersSync() {
  const list = spawnSync("docker", ["ps", "-aq", "--filter", `label=${LABEL}`], { timeout: MINUTE, encoding: "utf8" });
  const ids = (list.stdout ?? "").split(/\s+/).filter(Boolean);
  if (ids.length > 0) spawnSync("docker", ["rm", "-f", ...ids], { timeout: 3 * MINUTE });
}

// Starts N sshd containers on free loopback ports, writes known_hosts and both tools' inventories.
async function startFleet(n, image, keys, tag) {
  await removeBenchContainers();
  const ports = await freePorts(n, LOOPBACK);
  const hosts = ports.map((port, index) => ({
    index: index + 1,
    name: `bench-${index + 1}`,
    container: `${CONTAINER_PREFIX}${index + 1}`,
    port,
  }));
  const t0 = Date.now();
  await eachLimit(hosts, POOL, async (host) => {
    const hostKey = keys.hostKeys[host.index - 1].path;
    const sshd = ["/usr/sbin/sshd", "-D", "-e", "-p", String(host.port), "-o", `ListenAddress=${LOOPBACK}`];
    // DEBUG1 logs each exec and subsystem request, which the bench counts for both tools.
    sshd.push("-o", "LogLevel=DEBUG1", "-h", HOST_KEY_IN_CONTAINER);
    await must(`starting ${host.container}`, "docker", [
      ...["run", "-d", "--init", "--network", "host", "--name", host.container, "--label", LABEL],
      ...["-v", `${hostKey}:${HOST_KEY_IN_CONTAINER}:ro`, "-v", `${hostKey}.pub:${HOST_KEY_IN_CONTAINER}.pub:ro`],
      ...["-v", `${keys.authorizedKeys}:/home/deploy/.ssh/authorized_keys:ro`],
      image,
      ...sshd,
    ]);
  });
  const deadline = Date.now() + MINUTE;
  const answered = await eachLimit(hosts, 20, (host) => waitForSshBanner(host.port, deadline));
  const silent = hosts.filter((_, i) => !answered[i]).map((h) => h.container);
  if (silent.length > 0) fail(`sshd did not answer within 60 s in ${silent.slice(0, 5).join(", ")}`);
  const knownHosts = join(workDir, `known_hosts-${tag}`);
  writeFileSync(
    knownHosts,
    hosts.map((h) => `[${LOOPBACK}]:${h.port} ${keys.hostKeys[h.index - 1].public}\n`).join(""),
  );
  const fleet = { n, hosts, knownHosts, tag, logCounts: new Map() };
  fleet.inventory = writeInventory(fleet, keys);
  fleet.ansibleInventory = writeAnsibleInventory(fleet, keys);
  await snapshotLogs(fleet);
  say(`hosts: ${n} sshd containers up on ${LOOPBACK} in ${((Date.now() - t0) / SECOND).toFixed(1)} s (${tag})`);
  return fleet;
}

// Global data of the workload's inventory (the same for both tools).
const GLOBAL_DATA = {
  site: "bench",
  log_level: "info",
  ntp: { servers: ["0.time.example.net", "1.time.example.net", "2.time.example.net"] },
  app_env: { region: "eu-west", stage: "bench", debug: "false" },
};
// Group data: odd hosts are web servers, even hosts workers.
const GROUP_DATA = {
  web: { tier: "web", app_port: 8080, workers: 4 },
  worker: { tier: "worker", app_port: 9090, workers: 2 },
};

// The group of a host, and its own data (host 1 overrides a group value, to show precedence).
function hostData(host) {
  return {
    group: host.index % 2 ? "web" : "worker",
    data: { server_id: host.index, ...(host.index === 1 ? { app_port: 8001 } : {}) },
  };
}

// Writes the infra-action inventory (JSON: groups, <group>_data, global data) and returns its path.
function writeInventory(fleet, keys) {
  const inventory = { ...GLOBAL_DATA };
  for (const [group, data] of Object.entries(GROUP_DATA)) {
    inventory[group] = [];
    inventory[`${group}_data`] = data;
  }
  for (const host of fleet.hosts) {
    const { group, data } = hostData(host);
    inventory[group].push([
      host.name,
      {
        ...data,
        ssh_hostname: LOOPBACK,
        ssh_port: host.port,
        ssh_user: "deploy",
        ssh_key: keys.client,
        ssh_known_hosts_file: fleet.knownHosts,
      },
    ]);
  }
  const file = join(workDir, `inventory-${fleet.n}.json`);
  writeFileSync(file, `${JSON.stringify(inventory, null, 2)}\n`);
  return file;
}

// Writes the Ansible inventory (YAML, written as JSON) with the same data and returns its path.
function writeAnsibleInventory(fleet, keys) {
  const sshArgs = [
    `-o UserKnownHostsFile=${fleet.knownHosts}`,
    "-o GlobalKnownHostsFile=/dev/null",
    "-o StrictHostKeyChecking=yes",
    "-o IdentitiesOnly=yes",
  ].join(" ");
  const children = {};
  for (const [group, data] of Object.entries(GROUP_DATA)) children[group] = { vars: data, hosts: {} };
  for (const host of fleet.hosts) {
    const { group, data } = hostData(host);
    children[group].hosts[host.name] = { ...data, ansible_host: LOOPBACK, ansible_port: host.port };
  }
  const vars = {
    ...GLOBAL_DATA,
    ansible_user: "deploy",
    ansible_ssh_private_key_file: keys.client,
    ansible_ssh_common_args: sshArgs,
    ansible_python_interpreter: "/usr/bin/python3",
  };
  const file = join(workDir, `inventory-${fleet.n}.ansible.yml`);
  writeFileSync(file, `${JSON.stringify({ all: { vars, children } }, null, 2)}\n`);
  return file;
}

// Counts, per container, the logins and the exec/subsystem requests in its sshd log since the last snapshot.
async function snapshotLogs(fleet) {
  const counts = await eachLimit(fleet.hosts, POOL, async (host) => {
    const result = await run("docker", ["logs", host.container], { timeoutMs: MINUTE });
    const text = `${result.stdout}${result.stderr}`;
    return {
      logins: (text.match(/Accepted publickey for deploy/g) ?? []).length,
      channels: (text.match(/server_input_channel_req: channel \d+ request (exec|subsystem) /g) ?? []).length,
    };
  });
  const delta = { logins: [], channels: [] };
  fleet.hosts.forEach((host, i) => {
    const before = fleet.logCounts.get(host.container) ?? { logins: 0, channels: 0 };
    delta.logins.push(counts[i].logins - before.logins);
    delta.channels.push(counts[i].channels - before.channels);
    fleet.logCounts.set(host.container, counts[i]);
  });
  return { logins: spread(delta.logins), channels: spread(delta.channels) };
}

// The max, min and mean of per-host figures.
function spread(values) {
  if (values.length === 0) return { max: 0, min: 0, mean: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { max: Math.max(...values), min: Math.min(...values), mean: Number(mean.toFixed(2)) };
}

// Samples the proportional memory (PSS) of a process group every 250 ms; returns a stop function.
function sampleGroupMemory(pgid, peak) {
  const sample = () => {
    let total = 0;
    let procs = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(fields[2]) !== pgid) continue;
        const rollup = readFileSync(`/proc/${entry}/smaps_rollup`, "utf8");
        total += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
        procs++;
      } catch {
        // the process ended meanwhile
      }
    }
    peak.pssKB = Math.max(peak.pssKB, total);
    peak.procs = Math.max(peak.procs, procs);
  };
  const timer = setInterval(sample, 250);
  return () => clearInterval(timer);
}

// The fraction of this machine's CPU time spent busy (not idle) over a window.
async function cpuBusy(ms) {
  const read = () => {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.reduce((a, b) => a + b, 0), idle: fields[3] + (fields[4] ?? 0) };
  };
  const a = read();
  await sleep(ms);
  const b = read();
  return b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : 0;
}

// Waits (at most 2 minutes) until other work leaves the CPUs at least 80% idle, so it does not skew a
// measurement; returns the busy fraction seen last (kept with the figures).
async function waitForQuietMachine() {
  const deadline = Date.now() + 2 * MINUTE;
  let busy = await cpuBusy(SECOND);
  for (let attempt = 0; attempt < 60 && busy > QUIET_BUSY && Date.now() < deadline; attempt++) {
    if (attempt === 0) say(`waiting for other work to finish (CPU ${Math.round(busy * 100)}% busy)`);
    busy = await cpuBusy(2 * SECOND);
  }
  if (busy > QUIET_BUSY) say(`measuring anyway: CPU still ${Math.round(busy * 100)}% busy after 2 minutes`);
  return Number(busy.toFixed(3));
}

// Runs one timed command under GNU time: wall time, peak RSS (largest process) and peak PSS of its process tree.
async function timed(command, args, { cwd, env, logFile }) {
  const rssFile = `${logFile}.rss`;
  const peak = { pssKB: 0, procs: 0 };
  const cpuBusyBefore = await waitForQuietMachine();
  const load = loadavg()[0];
  const result = await run("/usr/bin/time", ["-f", "%M", "-o", rssFile, command, ...args], {
    cwd,
    env,
    logFile,
    timeoutMs: RUN_TIMEOUT_MS,
    onSpawn: (child) => sampleGroupMemory(child.pid, peak),
  });
  const rssLines = existsSync(rssFile) ? readFileSync(rssFile, "utf8").trim().split("\n") : [];
  return {
    code: result.code,
    timedOut: result.timedOut,
    wallMs: Math.round(result.wallMs),
    peakRssKB: Number(rssLines.at(-1)) || undefined,
    treePssKB: peak.pssKB || undefined,
    peakProcesses: peak.procs,
    loadAverage1m: load,
    cpuBusyBefore,
  };
}

// The environment of both tools: this one without an SSH agent (each is given its key explicitly).
function toolEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.SSH_AUTH_SOCK;
  return env;
}

// Runs one step of infra-action (apply, noop = apply again, plan) and reads its report.
async function runInfraAction(fleet, step, { scale = 1, label }) {
  const mode = step === "plan" ? "plan" : "apply";
  const report = join(workDir, `${label}.report.json`);
  const logFile = join(workDir, `${label}.log`);
  rmSync(report, { force: true });
  const args = [cli, mode, fleet.inventory, join(workloadDir, "deploy.ts"), "--parallel", String(fleet.n)];
  args.push("--report", report, ...(mode === "apply" ? ["--yes"] : []));
  if (scale !== 1) args.push("--data", `bench_scale=${scale}`);
  const measured = await timed(process.execPath, args, { cwd: repoRoot, env: toolEnv(), logFile });
  checkFinished(measured, `infra-action ${step}`, logFile);
  if (!existsSync(report)) fail(`infra-action ${step} wrote no report (exit ${measured.code}); see ${logFile}`);
  const data = JSON.parse(readFileSync(report, "utf8"));
  const bad = data.hosts.filter((h) => h.status === "failed" || h.status === "unreachable");
  if (bad.length > 0 || measured.code !== 0) {
    const first = bad[0];
    const why = first?.error ?? first?.operations?.find((o) => o.status === "failed")?.stderr ?? "";
    fail(`infra-action ${step}: ${bad.length} host(s) failed (exit ${measured.code}): ${tail(why, 5)}; see ${logFile}`);
  }
  return {
    ...measured,
    changedOperations: data.totals.operationsChanged,
    executions: spread(data.hosts.map((h) => h.executions)),
  };
}

// Writes ansible.cfg: pipelining on, no fact gathering, strict host keys, the interpreter named.
function writeAnsibleConfig() {
  const file = join(workDir, "ansible.cfg");
  writeFileSync(
    file,
    [
      "[defaults]",
      "host_key_checking = True",
      "gathering = explicit",
      "retry_files_enabled = False",
      "interpreter_python = /usr/bin/python3",
      "nocolor = True",
      "",
      "[ssh_connection]",
      "pipelining = True",
      "",
    ].join("\n"),
  );
  return file;
}

// Runs one step of Ansible (apply, noop = apply again, check) and reads its recap.
async function runAnsible(fleet, step, { label, config }) {
  const logFile = join(workDir, `${label}.log`);
  const controlDir = join(workDir, "cp", label);
  mkdirSync(controlDir, { recursive: true });
  const args = ["-i", fleet.ansibleInventory, "-f", String(fleet.n), "playbook.yml"];
  if (step === "check") args.push("--check");
  // A control directory per run: each run opens its own connections, as infra-action does.
  const env = toolEnv({ ANSIBLE_CONFIG: config, ANSIBLE_SSH_CONTROL_PATH_DIR: controlDir, ANSIBLE_NOCOLOR: "1" });
  const measured = await timed("ansible-playbook", args, { cwd: workloadDir, env, logFile });
  await closeControlMasters(controlDir);
  checkFinished(measured, `ansible ${step}`, logFile);
  const recap = readAnsibleRecap(readFileSync(logFile, "utf8"));
  const bad = recap.filter((r) => r.failed > 0 || r.unreachable > 0);
  if (bad.length > 0 || recap.length !== fleet.n || measured.code !== 0) {
    fail(
      `ansible ${step}: ${bad.length} host(s) failed (exit ${measured.code}):\n${tail(readFileSync(logFile, "utf8"))}`,
    );
  }
  return { ...measured, changedOperations: recap.reduce((n, r) => n + r.changed, 0) };
}

// The PLAY RECAP lines: [{ host, changed, failed, unreachable }].
function readAnsibleRecap(text) {
  const rows = [];
  for (const match of text.matchAll(/^(\S+)\s+:\s+ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)/gm)) {
    rows.push({ host: match[1], changed: Number(match[3]), unreachable: Number(match[4]), failed: Number(match[5]) });
  }
  return rows;
}

// Stops the SSH control masters a run left behind (ControlPersist), so the next run starts cold.
async function closeControlMasters(controlDir) {
  const sockets = existsSync(controlDir) ? readdirSync(controlDir) : [];
  await eachLimit(sockets.slice(0, 1000), POOL * 2, (socket) =>
    run("ssh", ["-O", "exit", "-o", `ControlPath=${join(controlDir, socket)}`, "bench"], { timeoutMs: 10 * SECOND }),
  );
  rmSync(controlDir, { recursive: true, force: true });
}

// Fails when a timed run was stopped by the time limit.
function checkFinished(measured, what, logFile) {
  if (measured.timedOut) {
    const error = new BenchError(`${what} took longer than ${RUN_TIMEOUT_MS / MINUTE} min (log: ${logFile})`);
    error.timedOut = true;
    throw error;
  }
}

// The managed files' hashes on one host, to check that both tools did the same work.
async function managedState(container) {
  const script = [
    "cd /srv/bench/conf && sha256sum motd app.conf ntp.conf env limits.conf",
    "sha256sum /etc/login.defs",
    "stat -c '%n %a %U' /srv/bench /srv/bench/conf /srv/bench/data /srv/bench/log /srv/bench/run",
    "getent passwd benchsvc | cut -d: -f1,6,7",
    "/etc/init.d/cron status >/dev/null && echo cron running",
  ].join("; ");
  const out = await run("docker", ["exec", container, "sh", "-c", script], { timeoutMs: MINUTE });
  return out.stdout.trim().split("\n");
}

// One repetition for one tool on fresh containers: first apply, no-op re-run, plan (or check).
async function measureTool(tool, n, rep, ctx) {
  const fleet = await startFleet(n, ctx.image, ctx.keys, `${tool}-${n}-r${rep}`);
  const steps = {};
  try {
    for (const step of STEPS[tool]) {
      const label = `${tool}-${n}-r${rep}-${step}`;
      const measured =
        tool === "infra-action"
          ? await runInfraAction(fleet, step, { label })
          : await runAnsible(fleet, step, { label, config: ctx.ansibleConfig });
      measured.ssh = await snapshotLogs(fleet);
      const expected = step === "apply" ? CHANGED_PER_HOST * n : 0;
      if (measured.changedOperations !== expected) {
        measured.warning = `expected ${expected} changed operations, got ${measured.changedOperations}`;
      }
      steps[step] = measured;
      const exec = measured.executions ? `, ${measured.executions.max} executions/host` : "";
      say(
        `${tool} ${n} host(s) run ${rep}: ${STEP_TITLES[step]} ${(measured.wallMs / SECOND).toFixed(2)} s, ` +
          `${measured.changedOperations} changed, ${measured.ssh.logins.max} SSH logins/host, ` +
          `${measured.ssh.channels.max} exec channels/host${exec}, peak RSS ${mb(measured.peakRssKB)} MB` +
          `${measured.warning ? ` (WARNING: ${measured.warning})` : ""}`,
      );
      if (step === "apply" && rep === 1) ctx.state[`${tool}-${n}`] = await managedState(fleet.hosts[0].container);
    }
  } finally {
    await removeBenchContainers();
  }
  return steps;
}

// Kilobytes to megabytes, one decimal.
function mb(kb) {
  return kb === undefined ? undefined : Number((kb / 1024).toFixed(1));
}

// The medians of each figure of a step over the repetitions.
function stepMedians(runs, step) {
  const of = (pick) => median(runs.map((r) => pick(r[step])).filter((v) => v !== undefined));
  return {
    wallMs: of((s) => s?.wallMs),
    peakRssMB: mb(of((s) => s?.peakRssKB)),
    treePssMB: mb(of((s) => s?.treePssKB)),
    sshLoginsPerHost: of((s) => s?.ssh.logins.max),
    execChannelsPerHost: of((s) => s?.ssh.channels.max),
    executionsPerHost: of((s) => s?.executions?.max),
    changedOperations: of((s) => s?.changedOperations),
  };
}

// All repetitions of one size, both tools alternating; stops early (noted) when the size's time budget is spent.
async function measureSize(n, ctx) {
  const entry = { hosts: n, runs: Object.fromEntries(TOOLS.map((t) => [t, []])), notes: [] };
  const t0 = Date.now();
  for (let rep = 1; rep <= RUNS; rep++) {
    if (rep > 1 && ((Date.now() - t0) / (rep - 1)) * rep > SIZE_BUDGET_MS) {
      entry.notes.push(`${rep - 1} of ${RUNS} runs: the next would pass ${SIZE_BUDGET_MS / MINUTE} min for this size`);
      break;
    }
    for (const tool of TOOLS) entry.runs[tool].push(await measureTool(tool, n, rep, ctx));
  }
  entry.medians = {};
  for (const tool of TOOLS) {
    entry.medians[tool] = Object.fromEntries(STEPS[tool].map((s) => [s, stepMedians(entry.runs[tool], s)]));
  }
  return entry;
}

// infra-action alone on SCALE_HOSTS hosts with the workload repeated K times: cost against operations.
async function measureScaling(ctx) {
  const rows = [];
  for (const scale of SCALES) {
    const runs = [];
    for (let rep = 1; rep <= RUNS; rep++) {
      const fleet = await startFleet(SCALE_HOSTS, ctx.image, ctx.keys, `scale${scale}-r${rep}`);
      try {
        const steps = {};
        for (const step of ["apply", "plan"]) {
          const label = `scale${scale}-r${rep}-${step}`;
          steps[step] = await runInfraAction(fleet, step, { scale, label });
          steps[step].ssh = await snapshotLogs(fleet);
        }
        runs.push(steps);
        say(
          `scaling: ${OPS_PER_HOST * scale} operations × ${SCALE_HOSTS} hosts run ${rep}: apply ` +
            `${(steps.apply.wallMs / SECOND).toFixed(2)} s (${steps.apply.executions.max} executions/host), ` +
            `no-op plan ${(steps.plan.wallMs / SECOND).toFixed(2)} s (${steps.plan.executions.max} executions/host)`,
        );
      } finally {
        await removeBenchContainers();
      }
    }
    rows.push({
      operationsPerHost: OPS_PER_HOST * scale,
      hosts: SCALE_HOSTS,
      runs,
      medians: { apply: stepMedians(runs, "apply"), plan: stepMedians(runs, "plan") },
    });
  }
  return rows;
}

// The action's cold start: `node dist/index.js` with no inputs, time to its first line of output.
async function measureColdStart() {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("INPUT_") && !k.startsWith("GITHUB_")),
  );
  const samples = [];
  for (let i = 0; i < COLD_START_SAMPLES; i++) {
    const ms = await new Promise((resolve) => {
      const t0 = performance.now();
      const child = spawn(process.execPath, [join(distDir, "index.js")], {
        cwd: repoRoot,
        env,
        stdio: ["ignore", "pipe", "ignore"],
      });
      let first;
      const timer = setTimeout(() => child.kill("SIGKILL"), 30 * SECOND);
      child.stdout.once("data", () => {
        first = performance.now() - t0;
      });
      child.on("close", () => {
        clearTimeout(timer);
        resolve(first);
      });
      child.on("error", () => resolve(undefined));
    });
    if (ms === undefined) fail("node dist/index.js printed nothing on stdout");
    samples.push(Number(ms.toFixed(1)));
  }
  const result = { samplesMs: samples, medianMs: median(samples) };
  say(`cold start: node dist/index.js first line after ${result.medianMs} ms (median of ${samples.length})`);
  return result;
}

// The sizes of the bundled dist/*.js files.
function bundleSizes() {
  return Object.fromEntries(
    readdirSync(distDir)
      .filter((f) => f.endsWith(".js"))
      .sort()
      .map((f) => [f, statSync(join(distDir, f)).size]),
  );
}

// Copies dist/*.js to bench/.work/dist and says which code it is: the commit, whether dist/ and src/
// differ from it, and a hash of the bundles.
async function snapshotDist() {
  const dist = join(repoRoot, "dist");
  if (!existsSync(join(dist, "cli.js"))) fail("dist/cli.js is missing: run `npm run build` first.");
  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(distDir, { recursive: true });
  const hash = createHash("sha256");
  for (const file of readdirSync(dist)
    .filter((f) => f.endsWith(".js"))
    .sort()) {
    copyFileSync(join(dist, file), join(distDir, file));
    hash.update(file).update(readFileSync(join(distDir, file)));
  }
  const head = await run("git", ["rev-parse", "HEAD"], { timeoutMs: 30 * SECOND });
  const dirty = await run("git", ["status", "--porcelain", "--", "dist", "src"], { timeoutMs: 30 * SECOND });
  const code = {
    commit: head.stdout.trim() || undefined,
    uncommittedChanges: dirty.stdout.trim() !== "",
    bundlesSha256: hash.digest("hex").slice(0, 16),
  };
  say(
    `setup: measuring dist/ of ${code.commit?.slice(0, 12) ?? "an unknown commit"}` +
      `${code.uncommittedChanges ? " with uncommitted changes in dist/ or src/" : ""} (bundles ${code.bundlesSha256})`,
  );
  return code;
}

// What this machine is: cores, memory, CPU, kernel, Node, Ansible and Docker versions.
async function describeMachine() {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
  const ansible = await run("ansible-playbook", ["--version"], { timeoutMs: MINUTE });
  const docker = await run("docker", ["version", "--format", "{{.Server.Version}}"], { timeoutMs: MINUTE });
  return {
    nproc: availableParallelism(),
    memoryMB: Math.round(totalmem() / 1024 / 1024),
    cpu,
    kernel: release(),
    node: process.version,
    ansible: ansible.stdout.split("\n")[0].trim(),
    docker: docker.stdout.trim(),
  };
}

// Checks the budgets against the figures: [{ budget, figure, met }].
function checkBudgets(results) {
  const checks = [];
  const sizes = results.sizes.filter((s) => s.medians);
  const ia = (s, step) => s.medians["infra-action"][step];
  const worst = (pick) => Math.max(...sizes.map(pick).filter((v) => v !== undefined));
  const scalingPlans = results.scaling.map((r) => r.medians.plan.executionsPerHost);
  const planExec = Math.max(
    worst((s) => ia(s, "plan").executionsPerHost),
    ...scalingPlans,
  );
  checks.push({
    budget: `no-op plan ≤ ${BUDGETS.planExecutions} remote executions per host after connecting, whatever the number of operations`,
    figure: `at most ${planExec} per host (${sizes.map((s) => `${s.hosts} hosts: ${ia(s, "plan").executionsPerHost}`).join(", ")}; ${results.scaling.map((r) => `${r.operationsPerHost} ops: ${r.medians.plan.executionsPerHost}`).join(", ")})`,
    met: planExec <= BUDGETS.planExecutions,
  });
  const applyExec = Math.max(
    worst((s) => ia(s, "apply").executionsPerHost),
    ...results.scaling.map((r) => r.medians.apply.executionsPerHost),
  );
  const applyLimit = BUDGETS.planExecutions + BUDGETS.applyExtraExecutions;
  checks.push({
    budget: `changing apply ≤ ${BUDGETS.applyExtraExecutions} more (≤ ${applyLimit} per host in all)`,
    figure: `at most ${applyExec} per host`,
    met: applyExec <= applyLimit,
  });
  const at30 = sizes.find((s) => s.hosts === BUDGETS.planWallHosts);
  const planWall = at30 ? ia(at30, "plan").wallMs : undefined;
  checks.push({
    budget: `${BUDGETS.planWallHosts} hosts × ${OPS_PER_HOST} operations no-op plan < ${BUDGETS.planWallMs / SECOND} s wall on this ${results.machine.nproc}-core machine`,
    figure: planWall === undefined ? "not measured" : `${(planWall / SECOND).toFixed(2)} s`,
    met: planWall !== undefined && planWall < BUDGETS.planWallMs,
  });
  const memory = marginalMemory(sizes);
  const maxMarginal = Math.max(...memory.map((m) => m.mbPerHost));
  checks.push({
    budget: `memory flat per host: the controller's peak RSS grows by ≤ ${BUDGETS.marginalMbPerHost} MB per extra host at every step of N`,
    figure: memory.length
      ? memory.map((m) => `${m.from}→${m.to}: ${m.mbPerHost} MB/host`).join(", ")
      : "needs two sizes",
    met: memory.length > 0 && maxMarginal <= BUDGETS.marginalMbPerHost,
  });
  checks.push({
    budget: `action cold start < ${BUDGETS.coldStartMs} ms`,
    figure: `${results.coldStart.medianMs} ms`,
    met: results.coldStart.medianMs < BUDGETS.coldStartMs,
  });
  return checks;
}

// infra-action's extra peak RSS per extra host between consecutive sizes (first apply, the largest step).
function marginalMemory(sizes, tool = "infra-action", pick = "peakRssMB") {
  const rows = [];
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [sizes[i - 1], sizes[i]];
    const ma = a.medians[tool].apply[pick];
    const mb2 = b.medians[tool].apply[pick];
    if (ma === undefined || mb2 === undefined) continue;
    const perHost = (mb2 - ma) / (b.hosts - a.hosts);
    rows.push({ from: a.hosts, to: b.hosts, mbPerHost: Number(Math.max(0, perHost).toFixed(2)) });
  }
  return rows;
}

// Seconds with two decimals, or "—".
function secs(ms) {
  return ms === undefined ? "—" : (ms / SECOND).toFixed(2);
}

// A figure or "—".
function fig(value) {
  return value === undefined || value === null ? "—" : String(value);
}

// The markdown results section of bench/README.md.
function renderResults(results, file) {
  const m = results.machine;
  const lines = [
    `Results of ${results.date} (\`${relative(benchDir, file)}\`): ${m.nproc} cores (${m.cpu}), ` +
      `${Math.round(m.memoryMB / 1024)} GB, Linux ${m.kernel}, Node ${m.node}, ${m.ansible}, Docker ${m.docker}. ` +
      `Medians of ${results.settings.runs} runs (fewer where noted), each on fresh containers; ${OPS_PER_HOST} operations per host. ` +
      `Code measured: commit ${results.code?.commit?.slice(0, 12) ?? "unknown"}` +
      `${results.code?.uncommittedChanges ? " with uncommitted changes" : ""} (bundles ${results.code?.bundlesSha256 ?? "unknown"}).`,
    "",
    "| hosts | tool | first apply | no-op re-run | plan (Ansible: --check) | SSH logins / host | exec channels / host (apply, re-run, plan) | infra-action executions / host (apply, re-run, plan) | peak RSS | tree PSS |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const size of results.sizes) {
    if (!size.medians) {
      lines.push(`| ${size.hosts} | skipped: ${size.notes.join("; ")} | | | | | | | | |`);
      continue;
    }
    for (const tool of TOOLS) {
      const [a, b, c] = STEPS[tool].map((s) => size.medians[tool][s]);
      const execs =
        tool === "infra-action" ? `${a.executionsPerHost}, ${b.executionsPerHost}, ${c.executionsPerHost}` : "—";
      lines.push(
        `| ${size.hosts} | ${tool} | ${secs(a.wallMs)} s | ${secs(b.wallMs)} s | ${secs(c.wallMs)} s | ` +
          `${fig(a.sshLoginsPerHost)} | ${fig(a.execChannelsPerHost)}, ${fig(b.execChannelsPerHost)}, ${fig(c.execChannelsPerHost)} | ` +
          `${execs} | ${fig(a.peakRssMB)} MB | ${fig(a.treePssMB)} MB |`,
      );
    }
  }
  lines.push("", "Speed-up of infra-action over Ansible (Ansible's median wall time ÷ infra-action's):", "");
  lines.push("| hosts | first apply | no-op re-run | plan vs --check |", "| ---: | ---: | ---: | ---: |");
  for (const size of results.sizes.filter((s) => s.medians)) {
    const ratio = (x, y) => {
      const a = size.medians.ansible[y].wallMs;
      const b = size.medians["infra-action"][x].wallMs;
      return a && b ? `${(a / b).toFixed(1)}×` : "—";
    };
    lines.push(`| ${size.hosts} | ${ratio("apply", "apply")} | ${ratio("noop", "noop")} | ${ratio("plan", "check")} |`);
  }
  const notes = results.sizes.flatMap((s) => s.notes.map((n) => `- ${s.hosts} hosts: ${n}`));
  if (notes.length) lines.push("", ...notes);
  lines.push("", "Memory per host (first apply; controller peak RSS, and PSS of the whole process tree):", "");
  lines.push(
    "| tool | measure | " +
      results.sizes
        .filter((s) => s.medians)
        .map((s) => `${s.hosts} hosts`)
        .join(" | ") +
      " | per extra host |",
  );
  lines.push(
    `| --- | --- | ${results.sizes
      .filter((s) => s.medians)
      .map(() => "---:")
      .join(" | ")} | --- |`,
  );
  for (const tool of TOOLS) {
    for (const [measure, key] of [
      ["peak RSS", "peakRssMB"],
      ["tree PSS", "treePssMB"],
    ]) {
      const sizes = results.sizes.filter((s) => s.medians);
      const cells = sizes.map((s) => `${fig(s.medians[tool].apply[key])} MB`);
      const marginal = marginalMemory(sizes, tool, key)
        .map((r) => `${r.from}→${r.to}: ${r.mbPerHost} MB`)
        .join(", ");
      lines.push(`| ${tool} | ${measure} | ${cells.join(" | ")} | ${marginal || "—"} |`);
    }
  }
  if (results.scaling.length) {
    lines.push(
      "",
      `infra-action on ${SCALE_HOSTS} hosts as the number of operations grows (\`--data bench_scale=K\`):`,
      "",
    );
    lines.push("| operations / host | first apply | executions / host | no-op plan | executions / host |");
    lines.push("| ---: | ---: | ---: | ---: | ---: |");
    for (const row of results.scaling) {
      const { apply, plan } = row.medians;
      lines.push(
        `| ${row.operationsPerHost} | ${secs(apply.wallMs)} s | ${fig(apply.executionsPerHost)} | ${secs(plan.wallMs)} s | ${fig(plan.executionsPerHost)} |`,
      );
    }
  }
  const [fewest, most] = [results.scaling[0], results.scaling.at(-1)];
  if (fewest && most && most.operationsPerHost > fewest.operationsPerHost) {
    const extra = (most.operationsPerHost - fewest.operationsPerHost) * SCALE_HOSTS;
    const perOp = (step) => ((most.medians[step].wallMs - fewest.medians[step].wallMs) / extra).toFixed(2);
    lines.push(
      "",
      `Remote executions per host stay the same as operations are added; wall time grows by ${perOp("plan")} ms ` +
        `(no-op plan) and ${perOp("apply")} ms (first apply) per added operation and host.`,
    );
  }
  lines.push("", "Action:", "");
  lines.push(
    `- cold start (\`node dist/index.js\`, no inputs, to its first line of output): ${results.coldStart.medianMs} ms ` +
      `(median of ${results.coldStart.samplesMs.length})`,
  );
  lines.push(
    `- bundles: ${Object.entries(results.bundles)
      .map(([f, size]) => `\`dist/${f}\` ${(size / 1024 / 1024).toFixed(2)} MiB`)
      .join(", ")}`,
  );
  if (results.sameState) lines.push(`- ${results.sameState}`);
  lines.push("", "Budgets:", "");
  for (const check of results.budgets)
    lines.push(`- **${check.met ? "met" : "MISSED"}**: ${check.budget} — ${check.figure}`);
  return lines.join("\n");
}

// Replaces the text between the results markers of bench/README.md.
function updateReadme(section) {
  const start = "<!-- bench-results:start (generated by `npm run bench`) -->";
  const end = "<!-- bench-results:end -->";
  const text = readFileSync(readmeFile, "utf8");
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) fail(`bench/README.md lacks the markers ${start} … ${end}`);
  writeFileSync(readmeFile, `${text.slice(0, from + start.length)}\n\n${section}\n\n${text.slice(to)}`);
}

// Compares the managed files of both tools' first host after the first apply.
function compareStates(state) {
  const sizes = [...new Set(Object.keys(state).map((k) => k.split("-").at(-1)))];
  const same = sizes.filter(
    (n) => JSON.stringify(state[`infra-action-${n}`]) === JSON.stringify(state[`ansible-${n}`]),
  );
  const differing = sizes.filter((n) => !same.includes(n));
  return differing.length === 0
    ? `same result: after the first apply, both tools left identical files, modes, user and service on bench-1 (${sizes.join(", ")} hosts)`
    : `results DIFFER between the tools on bench-1 at ${differing.join(", ")} hosts (see the JSON's sameState)`;
}

// Runs everything in order and writes the results.
async function main() {
  if (process.getuid?.() !== 0) fail("run as root: the bench installs packages and starts containers.");
  mkdirSync(workDir, { recursive: true });
  // bench/.work holds generated JSON: keep the formatter out of it.
  writeFileSync(join(workDir, "biome.json"), '{ "root": false, "files": { "includes": ["!**"] } }\n');
  mkdirSync(resultsDir, { recursive: true });
  await ensureTestEnv();
  await ensureHostPackages();
  const image = await ensureBenchImage();
  await removeBenchContainers();
  const code = await snapshotDist();
  const machine = await describeMachine();
  say(`machine: ${machine.nproc} cores, ${machine.memoryMB} MB, ${machine.cpu}, ${machine.ansible}`);
  const coldStart = await measureColdStart();
  const bundles = bundleSizes();
  const keys = await makeKeys(Math.max(...SIZES, SCALE_HOSTS));
  const ctx = { image, keys, ansibleConfig: writeAnsibleConfig(), state: {} };
  const sizes = [];
  for (const n of SIZES) {
    say(`size: ${n} host(s), ${RUNS} run(s) per tool`);
    try {
      sizes.push(await measureSize(n, ctx));
    } catch (error) {
      if (n < 100 || !(error instanceof BenchError)) throw error;
      say(`size: skipping ${n} hosts: ${error.message.split("\n")[0]}`);
      await removeBenchContainers();
      sizes.push({ hosts: n, notes: [`skipped: ${error.message.split("\n")[0]}`] });
    }
  }
  say(
    `scaling: infra-action on ${SCALE_HOSTS} hosts with ${SCALES.map((s) => s * OPS_PER_HOST).join(", ")} operations`,
  );
  const scaling = await measureScaling(ctx);
  const date = new Date().toISOString().slice(0, 10);
  const results = {
    date,
    command: "npm run bench",
    settings: { sizes: SIZES, runs: RUNS, operationsPerHost: OPS_PER_HOST, changedPerHost: CHANGED_PER_HOST },
    machine,
    code,
    coldStart,
    bundles,
    sizes,
    scaling,
    sameStateDetail: ctx.state,
  };
  results.sameState = compareStates(ctx.state);
  results.budgets = checkBudgets(results);
  const file = join(resultsDir, `${date}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  updateReadme(renderResults(results, file));
  say(`done in ${((Date.now() - started) / MINUTE).toFixed(1)} min: ${relative(repoRoot, file)} and bench/README.md`);
  for (const check of results.budgets) say(`budget ${check.met ? "met" : "MISSED"}: ${check.budget} — ${check.figure}`);
}

// `node bench/run.mjs --render FILE`: rewrites the results section of bench/README.md from a results file.
if (process.argv[2] === "--render") {
  const file = process.argv[3] ?? fail("usage: node bench/run.mjs --render bench/results/<date>.json");
  updateReadme(renderResults(JSON.parse(readFileSync(file, "utf8")), join(repoRoot, file)));
  process.exit(0);
}

addSbinToPath();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of running) killGroup(child);
    console.error(`bench: interrupted (${signal}); removing the bench containers`);
    removeBenchContainersSync();
    process.exit(130);
  });
}
try {
  await main();
} catch (error) {
  console.error(`bench: ${error instanceof BenchError ? error.message : (error?.stack ?? error)}`);
  for (const child of running) killGroup(child);
  await removeBenchContainers();
  process.exit(1);
}
