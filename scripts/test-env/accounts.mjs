// The test machines' users and the keys made once for them in .test-env/keys/: the client keys of
// deploy (with and without a passphrase), a wrong key, and the servers' host keys.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { must, say, shown } from "./output.mjs";
import { keysDir } from "./paths.mjs";

// The users of the image: deploy logs in with keys (NOPASSWD sudo), pwuser with a password (sudo asks it).
export const USERS = {
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

// A public key file's "type base64" (the comment dropped).
function publicKey(file) {
  return readFileSync(file, "utf8").trim().split(/\s+/).slice(0, 2).join(" ");
}

// Step 4 of `up`: generates the keys once (a key whose .pub is missing is made anew); returns
// { name: { path, public } } for every key of KEYS.
export async function ensureKeys() {
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
export function authorizedKeys(keys) {
  return `${keys.deploy.public} infra-action-test-deploy\n${keys.deployPass.public} infra-action-test-deploy-pass\n`;
}
