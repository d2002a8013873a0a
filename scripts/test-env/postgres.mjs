// Step of `up`: a PostgreSQL server of the tests' own (the postgres.* operations' integration tests),
// from Debian's packages. Its cluster lives in .test-env/postgres/ (run as the `postgres` user),
// listens only on 127.0.0.1:<a free port> and has a superuser with a password; the connection
// facts go to .test-env/postgres.json (read by test/helpers/postgres-env.ts). A second `up` reuses
// the running server; a stopped one is started again on a free port.
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePorts, hasBinary, MINUTE } from "../lib/processes.mjs";
import { fail, must, run, say, shown } from "./output.mjs";
import { envDir, LOOPBACK } from "./paths.mjs";

// Everything of the server: the data directory, its socket directory, its log and the superuser's password.
const pgDir = join(envDir, "postgres");
const dataDir = join(pgDir, "data");
const socketDir = join(pgDir, "run");
const logFile = join(pgDir, "server.log");
const passwordFile = join(pgDir, "superuser-password");
// The settings file the server's postgresql.conf includes: the port, rewritten before each start.
const portConf = join(dataDir, "infra-action-port.conf");
// What the tests read.
export const postgresFile = join(envDir, "postgres.json");

// The superuser the tests connect as (a name of our own: nothing else on this machine uses it).
const SUPERUSER = "infra_action_admin";
// The OS user the server runs as (made by Debian's postgresql-common).
const OS_USER = "postgres";
// Where Debian puts each major version's server binaries.
const LIB_DIR = "/usr/lib/postgresql";

// The newest installed server's bin directory (/usr/lib/postgresql/15/bin), or undefined.
function serverBinDir() {
  if (!existsSync(LIB_DIR)) return undefined;
  const versions = readdirSync(LIB_DIR)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(LIB_DIR, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(LIB_DIR, versions[0], "bin") : undefined;
}

// Installs the server and psql with apt-get when missing (waiting for another apt to release its lock).
async function ensurePackages() {
  if (serverBinDir() && hasBinary("psql")) return;
  say("postgres: installing postgresql postgresql-client");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const lock = ["-o", "DPkg::Lock::Timeout=600"];
  const fix = "Check this machine's apt sources and network, then rerun `node scripts/test-env.mjs up` (as root).";
  await must("apt-get update", "apt-get", [...lock, "update"], { env, timeoutMs: 15 * MINUTE }, fix);
  await must(
    "apt-get install postgresql postgresql-client",
    "apt-get",
    [...lock, "install", "-y", "--no-install-recommends", "postgresql", "postgresql-client"],
    { env, timeoutMs: 20 * MINUTE },
    fix,
  );
  if (!serverBinDir() || !hasBinary("psql"))
    fail(`after apt-get install postgresql, ${LIB_DIR}/<version>/bin/initdb or psql is still missing`);
}

// Runs a server binary as the postgres user.
function asPostgres(bin, program, args, options = {}) {
  return run("runuser", ["-u", OS_USER, "--", join(bin, program), ...args], { timeoutMs: 2 * MINUTE, ...options });
}

// The superuser's password: made once (random), kept in a file only root and postgres can read.
function superuserPassword() {
  mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  if (existsSync(passwordFile)) return readFileSync(passwordFile, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  return password;
}

// Makes the cluster (initdb) unless it exists: password login only, our settings included.
async function ensureCluster(bin) {
  for (const dir of [pgDir, socketDir]) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { uid, gid } = postgresIds();
  for (const path of [pgDir, socketDir, passwordFile]) chownSync(path, uid, gid);
  if (existsSync(join(dataDir, "PG_VERSION"))) return;
  say(`postgres: creating a cluster in ${shown(dataDir)}`);
  const result = await asPostgres(bin, "initdb", [
    "-D",
    dataDir,
    `--username=${SUPERUSER}`,
    `--pwfile=${passwordFile}`,
    "--auth-local=scram-sha-256",
    "--auth-host=scram-sha-256",
    "--encoding=UTF8",
    "--locale=C.UTF-8",
  ]);
  if (result.code !== 0) fail(`initdb failed (exit code ${result.code}):\n${result.stdout}${result.stderr}`);
  const settings = [
    "",
    "# infra-action's test server: loopback only, its own socket directory, no durability needed.",
    `listen_addresses = '${LOOPBACK}'`,
    "fsync = off",
    "synchronous_commit = off",
    "full_page_writes = off",
    "include_if_exists = 'infra-action-port.conf'",
    "",
  ].join("\n");
  writeFileSync(join(dataDir, "postgresql.conf"), readFileSync(join(dataDir, "postgresql.conf"), "utf8") + settings);
}

// The uid and gid of the postgres user.
function postgresIds() {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${OS_USER}:`));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (uid === undefined || gid === undefined)
    fail(`there is no ${OS_USER} user (Debian's postgresql-common makes it): reinstall postgresql-common`);
  return { uid: Number(uid), gid: Number(gid) };
}

// The port of the running server (postmaster.pid's fourth line), or undefined when it is not running.
async function runningPort(bin) {
  const status = await asPostgres(bin, "pg_ctl", ["status", "-D", dataDir], { timeoutMs: 30_000 });
  if (status.code !== 0) return undefined;
  const port = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

// Starts the server on a free loopback port; returns the port.
async function start(bin) {
  const [port] = await freePorts(1, LOOPBACK);
  // The port and the socket directory are set at each start (after the main file's settings, so they win):
  // a checkout moved or cloned elsewhere still starts its cluster.
  writeFileSync(portConf, `port = ${port}\nunix_socket_directories = '${socketDir.replace(/'/g, "''")}'\n`);
  chownSync(portConf, postgresIds().uid, postgresIds().gid);
  say(`postgres: starting the server on ${LOOPBACK}:${port}`);
  const result = await asPostgres(bin, "pg_ctl", ["start", "-w", "-t", "60", "-D", dataDir, "-l", logFile]);
  if (result.code !== 0)
    fail(`pg_ctl start failed (exit code ${result.code}):\n${result.stdout}${result.stderr}\nSee ${shown(logFile)}.`);
  return port;
}

// Whether the superuser logs in over TCP on 127.0.0.1 with its password (psql, never a prompt).
async function canLogIn(port, password) {
  const result = await run(
    "psql",
    ["-X", "-w", "-A", "-t", "-h", LOOPBACK, "-p", String(port), "-U", SUPERUSER, "-d", "postgres", "-c", "SELECT 1"],
    { env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: "10" }, timeoutMs: 30_000 },
  );
  return result.code === 0 && result.stdout.trim() === "1" ? { ok: true } : { ok: false, why: result.stderr.trim() };
}

// The step: packages, cluster, a running server checked by logging in, then postgres.json.
export async function ensurePostgres() {
  await ensurePackages();
  const bin = serverBinDir();
  const password = superuserPassword();
  await ensureCluster(bin);
  let port = await runningPort(bin);
  if (port !== undefined) say(`postgres: reusing the server on ${LOOPBACK}:${port}`);
  else port = await start(bin);
  const login = await canLogIn(port, password);
  if (!login.ok)
    fail(
      `postgres: ${SUPERUSER} cannot log in to ${LOOPBACK}:${port}: ${login.why}\nStop the server (runuser -u postgres -- ${join(bin, "pg_ctl")} stop -D ${dataDir}) or remove ${shown(pgDir)}, then rerun \`node scripts/test-env.mjs up\`.`,
    );
  const facts = { host: LOOPBACK, port, user: SUPERUSER, password, database: "postgres", bin, dataDir };
  writeFileSync(postgresFile, `${JSON.stringify(facts, null, 2)}\n`, { mode: 0o600 });
  chmodSync(postgresFile, 0o600);
  say(`postgres: ready on ${LOOPBACK}:${port}: ${shown(postgresFile)}`);
  return facts;
}
