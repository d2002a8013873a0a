// Reads .test-env/mariadb.json, the MariaDB server of the mysql.* integration tests (written by
// `node scripts/test-env.mjs up`, step scripts/test-env/mariadb.mjs): 127.0.0.1, its port, an admin
// user with a password.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const mariadbEnvFile = fileURLToPath(new URL("../../.test-env/mariadb.json", import.meta.url));

export interface MariadbEnv {
  host: string; // always 127.0.0.1
  port: number;
  socket: string; // the server's own socket (root logs in there through unix_socket)
  pid: number;
  user: string; // the admin: all privileges, WITH GRANT OPTION, from 127.0.0.1
  password: string;
  dataDir: string;
}

const HOW_TO_FIX = "run `npm test` or `node scripts/test-env.mjs up` first";

// Loads the MariaDB server's facts; throws saying how to make them when absent.
export function loadMariadbEnv(): MariadbEnv {
  let text: string;
  try {
    text = readFileSync(mariadbEnvFile, "utf8");
  } catch {
    throw new Error(`The MariaDB test server is not set up (${mariadbEnvFile} is missing): ${HOW_TO_FIX}.`);
  }
  let env: MariadbEnv;
  try {
    env = JSON.parse(text) as MariadbEnv;
  } catch (error) {
    throw new Error(`${mariadbEnvFile} is not valid JSON (${(error as Error).message}): ${HOW_TO_FIX}.`);
  }
  if (!Number.isInteger(env.port) || typeof env.password !== "string" || !env.user)
    throw new Error(`${mariadbEnvFile} has no port, user or password: ${HOW_TO_FIX}.`);
  return env;
}
