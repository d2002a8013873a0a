// .test-env/env.json, what the tests read (test/helpers/test-env.ts): written last by `up`, read back
// by the next `up` to reuse the running servers.
import { readFileSync, writeFileSync } from "node:fs";
import { USERS } from "./accounts.mjs";
import { envFile, IMAGE, LOOPBACK } from "./paths.mjs";
import { SERVERS } from "./sshd-containers.mjs";

// The previous env.json, or undefined when it is missing or unreadable.
export function readPreviousEnv() {
  try {
    return JSON.parse(readFileSync(envFile, "utf8"));
  } catch {
    return undefined;
  }
}

// Step 8 of `up`: writes env.json from the image id, the servers' ports, the keys and the known_hosts files.
export function writeEnv(image, ports, keys, knownHosts) {
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
