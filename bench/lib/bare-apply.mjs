// The apply-overhead baseline, run as its own process: the same commands infra-action's first apply
// ran, bare (no markers, guards, hashing, lock or per-command sudo), one SSH connection and one
// `sudo sh` per host, every host at once. Usage: node bench/lib/bare-apply.mjs PLAN.json, where the
// plan is { key, knownHosts, hosts: [{ name, port, script }], floor? }; exits 1 when any host fails.
// With `floor`, each host only logs in and runs `true`: what one SSH command per host costs at least.
import { readFileSync } from "node:fs";
import { Client } from "ssh2";

const HOST = "127.0.0.1";
const TIMEOUT_MS = 10 * 60 * 1000;

// The pinned host key of a port, from the known_hosts file (`[127.0.0.1]:port type base64`).
function pinnedKey(knownHosts, port) {
  const line = knownHosts.split("\n").find((l) => l.startsWith(`[${HOST}]:${port} `));
  return line ? Buffer.from(line.split(/\s+/)[2], "base64") : undefined;
}

// Runs one host's script through `sudo sh` from a private file; resolves with its exit code and stderr.
function applyHost(host, key, knownHosts, floor) {
  const pinned = pinnedKey(knownHosts, host.port);
  return new Promise((resolve) => {
    const client = new Client();
    const timer = setTimeout(() => {
      client.end();
      resolve({ code: -1, stderr: "timed out" });
    }, TIMEOUT_MS);
    const done = (result) => {
      clearTimeout(timer);
      client.end();
      resolve(result);
    };
    client.on("error", (error) => done({ code: -1, stderr: error.message }));
    client.on("ready", () => {
      const command = floor
        ? "true"
        : `sudo -n sh -c 'f=$(mktemp) && cat > "$f" && sh "$f" </dev/null; rc=$?; rm -f "$f"; exit $rc'`;
      client.exec(command, (error, stream) => {
        if (error) return done({ code: -1, stderr: error.message });
        let stderr = "";
        stream.stderr.on("data", (chunk) => {
          stderr += chunk;
        });
        stream.on("data", () => {});
        stream.on("close", (code) => done({ code, stderr }));
        stream.end(floor ? "" : host.script);
      });
    });
    client.connect({
      host: HOST,
      port: host.port,
      username: "deploy",
      privateKey: key,
      hostVerifier: (offered) => pinned !== undefined && Buffer.compare(offered, pinned) === 0,
      readyTimeout: 60_000,
    });
  });
}

const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
const key = readFileSync(plan.key);
const knownHosts = readFileSync(plan.knownHosts, "utf8");
const results = await Promise.all(plan.hosts.map((host) => applyHost(host, key, knownHosts, plan.floor === true)));
const failed = plan.hosts.filter((_, i) => results[i].code !== 0);
for (const host of failed.slice(0, 3)) {
  const result = results[plan.hosts.indexOf(host)];
  console.error(`${host.name}: exit ${result.code}: ${result.stderr.trim().split("\n").slice(-3).join(" | ")}`);
}
process.exit(failed.length > 0 ? 1 : 0);
