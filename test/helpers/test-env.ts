// Reads .test-env/env.json, the integration-test environment written by `node scripts/test-env.mjs up`:
// two OpenSSH servers on 127.0.0.1 (main and bastion), their users, keys and known_hosts files.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const testEnvFile = fileURLToPath(new URL("../../.test-env/env.json", import.meta.url));

export interface TestServer {
  host: string; // always 127.0.0.1
  port: number;
  container: string; // the Docker container running this sshd
  hostKeyPublic: string; // "ssh-ed25519 AAAA..."
}

export interface TestEnv {
  image: string; // "infra-action-test/debian:bookworm"
  imageId: string; // "sha256:..."
  servers: { main: TestServer; bastion: TestServer };
  users: {
    // key login, sudo without a password; `key` has no passphrase, `passphraseKey` has `passphrase`
    deploy: { name: string; key: string; passphraseKey: string; passphrase: string };
    // password login, sudo with its password, no authorized keys
    pwuser: { name: string; password: string };
  };
  keys: {
    wrong: string; // a private key authorized nowhere
    otherHostPublic: string; // a host key neither server has (as in known_hostsChanged)
  };
  knownHosts: string; // both servers, plain "[127.0.0.1]:port ssh-ed25519 ..." lines
  knownHostsHashed: string; // the same entries, hashed
  knownHostsChanged: string; // main's port with another key: a changed host key
}

const HOW_TO_FIX = "run `npm test` or `node scripts/test-env.mjs up` first";

// Loads the environment written by `node scripts/test-env.mjs up`; throws saying how to make it when absent.
export function loadTestEnv(): TestEnv {
  let text: string;
  try {
    text = readFileSync(testEnvFile, "utf8");
  } catch {
    throw new Error(`The integration-test environment is not set up (${testEnvFile} is missing): ${HOW_TO_FIX}.`);
  }
  let env: TestEnv;
  try {
    env = JSON.parse(text) as TestEnv;
  } catch (error) {
    throw new Error(`${testEnvFile} is not valid JSON (${(error as Error).message}): ${HOW_TO_FIX}.`);
  }
  for (const role of ["main", "bastion"] as const) {
    if (!Number.isInteger(env.servers?.[role]?.port)) {
      throw new Error(`${testEnvFile} has no port for the ${role} server: ${HOW_TO_FIX}.`);
    }
  }
  return env;
}

// Host data that logs in to the main test server as `deploy` with its key and pinned host key.
export function deployHostData(env: TestEnv, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ssh_hostname: env.servers.main.host,
    ssh_port: env.servers.main.port,
    ssh_user: env.users.deploy.name,
    ssh_key: env.users.deploy.key,
    ssh_known_hosts_file: env.knownHosts,
    ...extra,
  };
}

// A loopback port with nothing listening (bound, then released).
export async function closedPort(): Promise<number> {
  const { createServer } = await import("node:net");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const postgresEnvFile = fileURLToPath(new URL("../../.test-env/postgres.json", import.meta.url));

/** The tests' PostgreSQL server (scripts/test-env/postgres.mjs): 127.0.0.1 only, a superuser with a password. */
export interface PostgresEnv {
  host: string; // always 127.0.0.1
  port: number;
  user: string; // a superuser
  password: string;
  database: string; // "postgres"
  bin: string; // the server's bin directory, /usr/lib/postgresql/15/bin
  dataDir: string;
}

// Loads .test-env/postgres.json written by `up`; throws saying how to make it when absent.
export function loadPostgres(): PostgresEnv {
  let env: PostgresEnv;
  try {
    env = JSON.parse(readFileSync(postgresEnvFile, "utf8")) as PostgresEnv;
  } catch (error) {
    throw new Error(
      `The test PostgreSQL server is not set up (${postgresEnvFile}: ${(error as Error).message}): ${HOW_TO_FIX}.`,
    );
  }
  if (!Number.isInteger(env.port) || !env.user || !env.password)
    throw new Error(`${postgresEnvFile} has no port, user or password: ${HOW_TO_FIX}.`);
  return env;
}
