// Step 6 of `up`: the known_hosts files the tests use: plain, hashed, and one where main's port has
// another host's key (a changed host key).
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { must, say, shown } from "./output.mjs";
import { envDir, LOOPBACK } from "./paths.mjs";
import { SERVERS } from "./sshd-containers.mjs";

// Writes known_hosts (plain), known_hosts_hashed and known_hosts_changed; returns their paths.
export async function writeKnownHosts(ports, keys) {
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
