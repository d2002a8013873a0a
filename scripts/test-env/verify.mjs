// Step 7 of `up`: proves the servers work as the tests expect: deploy logs in with a key and with a
// passphrase key, pwuser with a password, both sudo rules hold, and the bastion forwards TCP.
import { USERS } from "./accounts.mjs";
import { say } from "./output.mjs";
import { LOOPBACK } from "./paths.mjs";
import { checkSsh, quote, sshBase } from "./ssh-check.mjs";
import { SERVERS } from "./sshd-containers.mjs";

// Logs in as deploy (key, then passphrase key) and pwuser (password), checks sudo and forwarding.
export async function verify(ports, keys, knownHosts) {
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
