// A step of `up`: a MariaDB server of the tests' own (the mysql.* integration tests), from Debian's
// packages. Installed with apt-get when missing (the package's own service is kept from starting), run
// from .test-env/mariadb/ on 127.0.0.1 and a free port, with an admin user that logs in with a
// password over TCP; what the tests need is written to .test-env/mariadb.json (never env.json).
// A second `up` reuses the running server when it still answers with those facts.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { freePorts, hasBinary, MINUTE, sleep, tailFile } from "../lib/processes.mjs";
import { fail, must, run, say, shown } from "./output.mjs";
import { envDir, LOOPBACK } from "./paths.mjs";

// .test-env's real path: a worktree's .test-env is a link to the main checkout's, and the server must
// keep finding its files after that worktree is gone.
const realEnvDir = existsSync(envDir) ? realpathSync(envDir) : envDir;
// .test-env/mariadb/: the data directory, socket, pid file, log and the admin's option file.
const baseDir = join(realEnvDir, "mariadb");
const dataDir = join(baseDir, "data");
const socket = join(baseDir, "mariadbd.sock");
const pidFile = join(baseDir, "mariadbd.pid");
const logFile = join(baseDir, "mariadbd.log");
const adminOptions = join(baseDir, "admin.cnf");
// What the tests read (test/helpers/mariadb-env.ts).
export const mariadbFile = join(realEnvDir, "mariadb.json");

// The admin user the tests connect as (TCP from 127.0.0.1, with a password).
const ADMIN = "infra_action_admin";
// The binaries the step and the tests use, and the package of each.
const TOOLS = [
  ["mariadbd", "mariadb-server"],
  ["mariadb-install-db", "mariadb-server"],
  ["mariadb", "mariadb-client"],
  ["mariadb-admin", "mariadb-client"],
  ["mariadb-dump", "mariadb-client"],
];
// Keeps the package's own service from starting during the install (on a machine without systemd its
// init script would start a second server); written only when the machine has no policy of its own.
const POLICY_FILE = "/usr/sbin/policy-rc.d";
const POLICY = "#!/bin/sh\n# infra-action test-env: keep mariadb/mysql from starting during apt-get install\n";
const POLICY_SCRIPT = `${POLICY}case "$1" in mariadb|mysql) exit 101;; esac\nexit 0\n`;

// Step: MariaDB installed, our server running and answering, .test-env/mariadb.json written.
export async function ensureMariadb() {
  await ensureMariadbPackages();
  const previous = readMariadbFile();
  if (previous && (await answers(previous))) {
    say(`mariadb: reusing the server on ${LOOPBACK}:${previous.port} (pid ${previous.pid})`);
    return;
  }
  await stopOldServer(previous);
  const password = previous?.password ?? randomBytes(18).toString("base64url");
  if (!existsSync(join(dataDir, "mysql"))) await initDataDir();
  const [port] = await freePorts(1, LOOPBACK);
  const pid = await startServer(port);
  writeAdminOptions(password);
  await ensureAdmin(password);
  const env = { host: LOOPBACK, port, socket, pid, user: ADMIN, password, dataDir };
  if (!(await answers(env)))
    fail(`mariadb: the server started (pid ${pid}) but ${ADMIN} cannot log in over TCP:\n${tailFile(logFile)}`);
  writeFileSync(mariadbFile, `${JSON.stringify(env, null, 2)}\n`, { mode: 0o600 });
  say(`mariadb: server on ${LOOPBACK}:${port} (pid ${pid}): ${shown(mariadbFile)}`);
}

// Installs mariadb-server and mariadb-client when a binary is missing; the service they bring never runs.
async function ensureMariadbPackages() {
  const missing = TOOLS.filter(([binary]) => !hasBinary(binary));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map(([, pkg]) => pkg))];
  say(`mariadb: installing ${packages.join(" ")} (missing ${missing.map(([b]) => b).join(", ")})`);
  const ownPolicy = !existsSync(POLICY_FILE);
  if (ownPolicy) writeFileSync(POLICY_FILE, POLICY_SCRIPT, { mode: 0o755 });
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  // Other steps (or helpers) may hold the dpkg lock: wait for it rather than fail.
  const lock = ["-o", "DPkg::Lock::Timeout=600"];
  const install = ["install", "-y", "--no-install-recommends", ...lock, "mariadb-server", "mariadb-client"];
  const fix = "Check this machine's apt sources and network, then rerun `node scripts/test-env.mjs up` (as root).";
  try {
    const first = await run("apt-get", install, { env, timeoutMs: 20 * MINUTE });
    if (first.code !== 0) {
      // Stale package lists: update once, then install again.
      await must("apt-get update", "apt-get", ["update", ...lock], { env, timeoutMs: 15 * MINUTE }, fix);
      await must("apt-get install mariadb", "apt-get", install, { env, timeoutMs: 20 * MINUTE }, fix);
    }
  } finally {
    if (ownPolicy && readText(POLICY_FILE) === POLICY_SCRIPT) rmSync(POLICY_FILE, { force: true });
  }
  await stopPackageService();
  const still = TOOLS.filter(([binary]) => !hasBinary(binary)).map(([b]) => b);
  if (still.length) fail(`mariadb: after apt-get install, still missing: ${still.join(", ")}`);
}

// Stops the package's own server when its install started one anyway (a machine whose policy allowed it).
async function stopPackageService() {
  const pid = Number.parseInt(readText("/run/mysqld/mysqld.pid") ?? "", 10);
  if (!Number.isInteger(pid) || !alive(pid)) return;
  say(`mariadb: the package started its own server (pid ${pid}); stopping it`);
  await run("/etc/init.d/mariadb", ["stop"], { timeoutMs: MINUTE });
  if (alive(pid)) process.kill(pid, "SIGTERM");
}

// A fresh data directory, owned by the mysql user the package made.
async function initDataDir() {
  mkdirSync(baseDir, { recursive: true });
  rmSync(dataDir, { recursive: true, force: true });
  const owner = mysqlUser();
  chownSync(baseDir, owner.uid, owner.gid);
  chmodSync(baseDir, 0o750);
  say("mariadb: initialising the data directory");
  await must(
    "mariadb-install-db",
    "mariadb-install-db",
    [
      "--no-defaults",
      "--user=mysql",
      `--datadir=${dataDir}`,
      "--skip-test-db",
      "--auth-root-authentication-method=socket",
    ],
    { timeoutMs: 5 * MINUTE },
    `Remove ${shown(baseDir)} and rerun \`node scripts/test-env.mjs up\`.`,
  );
}

// Starts mariadbd in the background on 127.0.0.1:port and waits (up to a minute) until it answers on its socket.
async function startServer(port) {
  const out = openSync(logFile, "a");
  const child = spawn(
    "mariadbd",
    [
      "--no-defaults",
      "--user=mysql",
      `--datadir=${dataDir}`,
      `--socket=${socket}`,
      `--pid-file=${pidFile}`,
      `--bind-address=${LOOPBACK}`,
      `--port=${port}`,
      "--skip-networking=0",
      // Clients from 127.0.0.1 match accounts by address, never by a name lookup.
      "--skip-name-resolve",
    ],
    { detached: true, stdio: ["ignore", out, out] },
  );
  closeSync(out);
  child.unref();
  const deadline = Date.now() + MINUTE;
  for (let i = 0; i < 120 && Date.now() < deadline; i++) {
    if (child.exitCode !== null) break;
    const ping = await run("mariadb-admin", ["--no-defaults", `--socket=${socket}`, "-uroot", "ping"], {
      timeoutMs: 10_000,
    });
    if (ping.code === 0) return child.pid;
    await sleep(500);
  }
  if (child.exitCode === null) process.kill(child.pid, "SIGTERM");
  return fail(`mariadb: the server did not start within a minute:\n${tailFile(logFile)}`);
}

// Creates the admin user, or sets its password (mariadb.json may be gone while the data directory
// stays); root logs in through the socket, as the OS's root user.
async function ensureAdmin(password) {
  const quoted = `'${password.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  const sql = [
    `CREATE USER IF NOT EXISTS '${ADMIN}'@'${LOOPBACK}' IDENTIFIED BY ${quoted}`,
    `ALTER USER '${ADMIN}'@'${LOOPBACK}' IDENTIFIED BY ${quoted}`,
    `GRANT ALL PRIVILEGES ON *.* TO '${ADMIN}'@'${LOOPBACK}' WITH GRANT OPTION`,
  ].join(";\n");
  // The SQL (with the password) goes on stdin, never on a command line.
  await must("create the admin user", "mariadb", ["--no-defaults", `--socket=${socket}`, "-uroot"], {
    input: `${sql};\n`,
    timeoutMs: MINUTE,
  });
}

// The admin's client option file (mode 600): the tests check state with `mariadb --defaults-extra-file`.
function writeAdminOptions(password) {
  writeFileSync(adminOptions, `[client]\nuser=${ADMIN}\npassword=${password}\n`, { mode: 0o600 });
}

// Whether the server of mariadb.json runs and the admin logs in over TCP with its password.
async function answers(env) {
  if (!Number.isInteger(env.pid) || !alive(env.pid)) return false;
  writeAdminOptions(env.password);
  const result = await run(
    "mariadb",
    [
      `--defaults-extra-file=${adminOptions}`,
      "--protocol=TCP",
      `--host=${env.host}`,
      `--port=${env.port}`,
      "-Nse",
      "SELECT 1",
    ],
    { timeoutMs: 20_000 },
  );
  return result.code === 0 && result.stdout.trim() === "1";
}

// Stops a server of ours that does not answer as mariadb.json says (the pid it recorded, or the one in
// our own pid file, when that process is mariadbd), and waits up to a minute for it to let go of the
// data directory.
async function stopOldServer(env) {
  const pids = new Set([env?.pid, Number.parseInt(readText(pidFile) ?? "", 10)]);
  for (const pid of pids) {
    if (!Number.isInteger(pid) || !alive(pid) || readText(`/proc/${pid}/comm`)?.trim() !== "mariadbd") continue;
    say(`mariadb: our server (pid ${pid}) does not answer as .test-env/mariadb.json says; stopping it`);
    process.kill(pid, "SIGTERM");
    const deadline = Date.now() + MINUTE;
    for (let i = 0; i < 240 && alive(pid) && Date.now() < deadline; i++) await sleep(250);
    if (alive(pid)) fail(`mariadb: our old server (pid ${pid}) did not stop within a minute; stop it and rerun.`);
  }
}

// The previous mariadb.json, or undefined.
function readMariadbFile() {
  try {
    return JSON.parse(readFileSync(mariadbFile, "utf8"));
  } catch {
    return undefined;
  }
}

// The mysql user's ids (made by the mariadb-server package).
function mysqlUser() {
  const line = (readText("/etc/passwd") ?? "").split("\n").find((l) => l.startsWith("mysql:"));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (!uid) fail("mariadb: the mysql user is missing (reinstall mariadb-server).");
  return { uid: Number(uid), gid: Number(gid) };
}

// Whether a process is running.
function alive(pid) {
  try {
    process.kill(pid, 0);
    return !readText(`/proc/${pid}/stat`)?.includes(") Z ");
  } catch {
    return false;
  }
}

// A file's text, or undefined.
function readText(path) {
  try {
    return statSync(path).isFile() ? readFileSync(path, "utf8") : undefined;
  } catch {
    return undefined;
  }
}
