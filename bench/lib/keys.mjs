// This run's SSH keys: the client key of user deploy and one host key per container, made anew each run.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { eachLimit } from "./each-limit.mjs";
import { must, say } from "./output.mjs";
import { repoRoot, workDir } from "./paths.mjs";
import { POOL } from "./settings.mjs";

// Step 4: this run's keys: the client key of user deploy and one host key per container (made anew each run).
export async function makeKeys(count) {
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
