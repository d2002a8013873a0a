// A server that drops the connection before the SSH handshake (an overloaded sshd resetting it, or one
// that closes after its banner): the host is reported unreachable with the reason, never a crash with
// a stack trace, and the other hosts of the run are unaffected.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "infra-action-ssh-dropped-"));
const servers: Server[] = [];

// A loopback server that treats each connection with `handle`; resolves with its port.
async function serve(handle: (socket: import("node:net").Socket) => void): Promise<number> {
  const server = createServer(handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

let resetPort = 0;
let bannerPort = 0;
beforeAll(async () => {
  resetPort = await serve((socket) => socket.resetAndDestroy());
  bannerPort = await serve((socket) => {
    socket.write("SSH-2.0-OpenSSH_9.2\r\n");
    setTimeout(() => socket.destroy(), 200);
  });
});
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

test("a reset and a close after the banner: both hosts unreachable with their reason, no stack trace", async () => {
  const host = (port: number) => ({
    ssh_hostname: "127.0.0.1",
    ssh_port: port,
    ssh_user: "deploy",
    ssh_password: "not-used",
    ssh_known_hosts_file: "/dev/null",
    ssh_connect_timeout: 5,
  });
  const inventory = join(dir, "inventory.json");
  writeFileSync(
    inventory,
    JSON.stringify({
      targets: [
        ["reset", host(resetPort)],
        ["closed", host(bannerPort)],
        ["@local", {}],
      ],
    }),
  );
  const deploy = join(dir, "deploy.ts");
  writeFileSync(deploy, 'import { server } from "infra-action";\nserver.shell({ commands: ["true"] });\n');
  const result = await runCli(["plan", inventory, deploy], { timeoutMs: 120_000 });
  const output = result.stdout + result.stderr;
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain("Unhandled 'error' event");
  expect(output).toMatch(/reset: unreachable/);
  expect(output).toMatch(/closed: unreachable/);
  expect(output).toMatch(/ECONNRESET|reset/i);
  // The local host was planned all the same.
  expect(output).toMatch(/@local\s+changed|1 to change/);
  expect(result.exitCode).not.toBe(0);
}, 180_000);

test("with --parallel 40, at most 32 SSH handshakes are under way at once; each host's timeout starts with its own", async () => {
  // A server that never answers: every handshake waits out its ssh_connect_timeout.
  const arrivals: number[] = [];
  const sockets: import("node:net").Socket[] = [];
  const silentPort = await serve((socket) => {
    arrivals.push(Date.now());
    sockets.push(socket);
    socket.on("error", () => undefined);
  });
  const targets = Array.from({ length: 40 }, (_, i) => [
    `silent-${i}`,
    {
      ssh_hostname: "127.0.0.1",
      ssh_port: silentPort,
      ssh_user: "deploy",
      ssh_password: "not-used",
      ssh_known_hosts_file: "/dev/null",
      ssh_connect_timeout: 1,
      ssh_connect_retries: 0,
    },
  ]);
  const inventory = join(dir, "silent.json");
  writeFileSync(inventory, JSON.stringify({ targets }));
  const deploy = join(dir, "deploy-silent.ts");
  writeFileSync(deploy, 'import { server } from "infra-action";\nserver.shell({ commands: ["true"] });\n');
  const result = await runCli(["plan", inventory, deploy, "--parallel", "40"], { timeoutMs: 120_000 });
  for (const socket of sockets) socket.destroy();
  const output = result.stdout + result.stderr;
  // Every host timed out on its own second, the last eight after the first 32 had.
  expect(output.match(/timed out connecting to deploy@127\.0\.0\.1/g)?.length).toBe(40);
  // The first 32 came together; the 33rd only once one of them had timed out (1 s later).
  expect(arrivals).toHaveLength(40);
  const first = arrivals[0] ?? 0;
  expect((arrivals[31] ?? 0) - first).toBeLessThan(900);
  expect((arrivals[32] ?? 0) - first).toBeGreaterThanOrEqual(900);
  expect(result.exitCode).not.toBe(0);
}, 180_000);
