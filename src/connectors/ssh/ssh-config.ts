// ~/.ssh/config as OpenSSH reads it for one host: HostName, User, Port, IdentityFile, ProxyJump.
import { existsSync, readFileSync } from "node:fs";
import SSHConfig from "ssh-config";
import { ConnectError } from "../../errors.js";

export interface SshConfigEntry {
  hostName?: string;
  user?: string;
  port?: number;
  identityFiles: string[];
  proxyJump?: string;
}

// The settings ssh config gives `host`; nothing when the file does not exist.
export function readSshConfig(file: string, host: string): SshConfigEntry {
  if (!existsSync(file)) return { identityFiles: [] };
  let computed: Record<string, string | string[]>;
  try {
    // `Match exec` would run commands from the file: not evaluated.
    computed = SSHConfig.parse(readFileSync(file, "utf8")).compute(host, { ignoreCase: true, matchExec: false });
  } catch (error) {
    throw new ConnectError(`${host}: cannot read ssh config ${file}: ${(error as Error).message}`, { host });
  }
  const one = (key: string) => {
    const value = computed[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const port = one("port");
  const identity = computed.identityfile;
  const proxyJump = one("proxyjump");
  return {
    hostName: one("hostname"),
    user: one("user"),
    port: port ? Number(port) : undefined,
    identityFiles: identity === undefined ? [] : Array.isArray(identity) ? identity : [identity],
    proxyJump: proxyJump && proxyJump.toLowerCase() !== "none" ? proxyJump : undefined,
  };
}
