// The three kinds of host, using the machines `npm test` provisions (or `node scripts/test-env.mjs up`):
// this machine, a container from the Debian test image, and an OpenSSH server on 127.0.0.1.
//   node dist/cli.js exec examples/inventory/test-hosts.ts -- uname -a
import { readFile } from "node:fs/promises";

interface TestEnv {
  image: string;
  servers: { main: { host: string; port: number } };
  users: { deploy: { name: string; key: string } };
  knownHosts: string;
}

const env: TestEnv = JSON.parse(await readFile(new URL("../../.test-env/env.json", import.meta.url), "utf8"));

export const local = ["@local"];

export const containers = [`@docker/${env.image}`];

export const ssh_servers = [
  [
    "test-sshd",
    {
      ssh_hostname: env.servers.main.host,
      ssh_port: env.servers.main.port,
      ssh_user: env.users.deploy.name,
      ssh_key: env.users.deploy.key,
      ssh_known_hosts_file: env.knownHosts,
    },
  ],
];
