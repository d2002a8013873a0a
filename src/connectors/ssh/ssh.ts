// SSH hosts through ssh2: one connection per host reused for every command and file, host keys
// verified against known_hosts, ~/.ssh/config honoured, ProxyJump, retries and keepalive.
// One file: the connection, its host-key check, its channels and its failure handling share one
// ssh2 client and its state; split, each part would reach into the others.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { homedir, userInfo } from "node:os";
import { dirname, join } from "node:path";
import { type Algorithms, Client, type ClientChannel, type ConnectConfig } from "ssh2";
import { CommandError, ConnectError, notConnected } from "../../errors.js";
import { Gate } from "../../util/parallel.js";
import { shellQuote } from "../../util/shell-quote.js";
import type { ConnectContext, DisconnectResult, RunOptions } from "../connector.js";
import { type DataKeySpec, readDataKeys } from "../data-keys.js";
import { ShellConnector, type StartedProcess } from "../shell-connector.js";
import { planAuth, splitPrivateKeys } from "./auth.js";
import {
  fingerprint,
  hostToken,
  type KnownHost,
  KnownHostsIndex,
  keyTypeOf,
  knownHostsLine,
  knownKeyTypes,
  parseKnownHosts,
  verifyHostKey,
} from "./known-hosts.js";
import { readSshConfig } from "./ssh-config.js";

// The host data keys the SSH connector reads (pyinfra's names).
export const sshDataKeys: readonly DataKeySpec[] = [
  {
    key: "ssh_hostname",
    type: "string",
    description: "address to connect to; defaults to ssh config HostName, else the host name",
  },
  { key: "ssh_port", type: "port", description: "port; defaults to ssh config Port, else 22" },
  { key: "ssh_user", type: "string", description: "login user; defaults to ssh config User, else the local user" },
  { key: "ssh_key", type: "string", description: "path of a private key file" },
  { key: "ssh_key_password", type: "string", description: "passphrase of ssh_key" },
  { key: "ssh_password", type: "string", description: "login password" },
  { key: "ssh_known_hosts_file", type: "string", description: "known_hosts file; defaults to ~/.ssh/known_hosts" },
  {
    key: "ssh_strict_host_key_checking",
    type: ["yes", "accept-new", "no"],
    default: "yes",
    description: "yes: refuse unknown keys; accept-new: pin unknown keys on first use; no: accept any (warns)",
  },
  { key: "ssh_proxy_jump", type: "string", description: "bastion(s) to hop through: user@bastion:port[,…]" },
  { key: "ssh_connect_timeout", type: "seconds", default: 10, description: "seconds to wait for each connection" },
  {
    key: "ssh_connect_retries",
    type: "count",
    default: 0,
    description: "extra attempts after a refused or timed-out connection",
  },
  {
    key: "ssh_keepalive_interval",
    type: "count",
    default: 0,
    description: "seconds between keepalives; 0 turns them off",
  },
  { key: "ssh_config_file", type: "string", description: "ssh config file; defaults to ~/.ssh/config" },
];

interface SshSettings {
  ssh_hostname?: string;
  ssh_port?: number;
  ssh_user?: string;
  ssh_key?: string;
  ssh_key_password?: string;
  ssh_password?: string;
  ssh_known_hosts_file?: string;
  ssh_strict_host_key_checking: "yes" | "accept-new" | "no";
  ssh_proxy_jump?: string;
  ssh_connect_timeout: number;
  ssh_connect_retries: number;
  ssh_keepalive_interval: number;
  ssh_config_file?: string;
}

interface Endpoint {
  // The name used for ssh config and known_hosts lookups.
  alias: string;
  hostname: string;
  port: number;
  user: string;
  configKeyFiles: string[];
}

// Most channels one connection opens at once (OpenSSH's MaxSessions defaults to 10).
const maxChannels = 8;

export class SshConnector extends ShellConnector {
  private client: Client | undefined;
  private hops: Client[] = [];
  private closed = false;
  private readonly channels = new Gate(maxChannels);
  private readonly onLost = new Set<(error: Error) => void>();

  constructor(
    host: string,
    private readonly data: Readonly<Record<string, unknown>>,
    private readonly context: ConnectContext = {},
  ) {
    super(host);
  }

  async connect(): Promise<void> {
    const settings = readDataKeys(this.host, this.data, sshDataKeys) as unknown as SshSettings;
    const home = this.context.homeDir ?? homedir();
    const configFile = expandHome(settings.ssh_config_file ?? join(home, ".ssh", "config"), home);
    const config = readSshConfig(configFile, this.host);
    const target: Endpoint = {
      alias: this.host,
      hostname: settings.ssh_hostname ?? config.hostName ?? this.host,
      port: settings.ssh_port ?? config.port ?? 22,
      user: settings.ssh_user ?? config.user ?? userInfo().username,
      configKeyFiles: config.identityFiles.map((file) => expandHome(file, home)),
    };
    const jumps = parseJumps(settings.ssh_proxy_jump ?? config.proxyJump, target.user, configFile, home, this.host);
    const knownHostsFile = expandHome(settings.ssh_known_hosts_file ?? join(home, ".ssh", "known_hosts"), home);
    const keys = new HostKeys(knownHostsFile, this.context, settings.ssh_strict_host_key_checking);
    if (settings.ssh_strict_host_key_checking === "no") {
      this.context.warn?.(
        `${this.host}: host key checking is off (ssh_strict_host_key_checking: no); the connection can be intercepted.`,
      );
    }

    const attempts = settings.ssh_connect_retries + 1;
    for (let attempt = 1; ; attempt++) {
      try {
        let sock: NodeJS.ReadableStream | undefined;
        for (const jump of jumps) {
          const hop = await this.handshake(jump, settings, keys, home, sock, "bastion ");
          this.hops.push(hop);
          sock = await forward(hop, jumps[jumps.indexOf(jump) + 1] ?? target);
        }
        this.client = await this.handshake(target, settings, keys, home, sock, "");
        this.client.on("close", () =>
          this.lose(
            new CommandError(`${this.host}: the SSH connection closed while a command was running.`, {
              host: this.host,
            }),
          ),
        );
        return;
      } catch (error) {
        this.closeAll();
        const retryable = error instanceof RetryableError;
        if (!retryable || attempt >= attempts) {
          const message = (error as Error).message;
          throw new ConnectError(attempt > 1 ? `${message} (after ${attempt} attempts)` : message);
        }
        await sleep(Math.min(1000 * 2 ** (attempt - 1), 10_000));
      }
    }
  }

  // With a timeout the command also runs under the target's `timeout` (where it has one), so it is
  // stopped on the host itself, not only abandoned here.
  protected override commandLine(command: string, options: RunOptions) {
    const built = super.commandLine(command, options);
    if (!options.timeoutMs) return built;
    const seconds = Math.ceil(options.timeoutMs / 1000);
    const wrapped = shellQuote(built.line);
    const line = `if command -v timeout >/dev/null 2>&1; then exec timeout -k 5 ${seconds} sh -c ${wrapped}; else exec sh -c ${wrapped}; fi`;
    return { ...built, line };
  }

  async disconnect(): Promise<DisconnectResult> {
    this.closeAll();
    return {};
  }

  protected async spawn(commandLine: string): Promise<StartedProcess> {
    const client = this.client;
    if (!client || this.closed) throw notConnected(this.host);
    const releaseChannel = await this.channels.acquire();
    let channel: ClientChannel;
    try {
      channel = await new Promise<ClientChannel>((resolve, reject) =>
        client.exec(commandLine, (error, stream) => (error ? reject(error) : resolve(stream))),
      );
    } catch (error) {
      releaseChannel();
      throw new CommandError(`${this.host}: could not start a command: ${(error as Error).message}`, {
        host: this.host,
      });
    }
    let settle: ((code: number) => void) | undefined;
    const done = new Promise<number>((resolve, reject) => {
      settle = resolve;
      const lost = (error: Error) => reject(error);
      this.onLost.add(lost);
      channel.on("close", (code: number | null, signal?: string) => {
        this.onLost.delete(lost);
        releaseChannel();
        resolve(typeof code === "number" ? code : signal ? 128 + (signalNumbers[signal] ?? 0) : 255);
      });
    });
    channel.on("error", () => undefined);
    return {
      write: (data) => void channel.write(data),
      end: () => void channel.end(),
      // Servers may ignore signals and wait for the command before closing the channel: the remote
      // `timeout` wrapper ends it there, and the caller is not kept waiting here.
      kill: () => {
        try {
          channel.signal("KILL");
        } catch {}
        channel.close();
        settle?.(137);
      },
      onStdout: (listener) => void channel.on("data", listener),
      onStderr: (listener) => void channel.stderr.on("data", listener),
      done,
    };
  }

  // One SSH handshake (to a bastion or the target), with host key checking and the auth plan; at
  // most `maxHandshakes` of the run's at once (see there).
  private async handshake(...args: Parameters<SshConnector["handshakeNow"]>): Promise<Client> {
    const release = await handshakes.acquire();
    try {
      return await this.handshakeNow(...args);
    } finally {
      release();
    }
  }

  private handshakeNow(
    endpoint: Endpoint,
    settings: SshSettings,
    keys: HostKeys,
    home: string,
    sock: NodeJS.ReadableStream | undefined,
    role: string,
  ): Promise<Client> {
    const where = `${role}${endpoint.user}@${endpoint.hostname}:${endpoint.port}`;
    const token = hostToken(endpoint.hostname, endpoint.port);
    const auth = planAuth({
      host: this.host,
      username: endpoint.user,
      keyFile: settings.ssh_key ? expandHome(settings.ssh_key, home) : undefined,
      keyPassphrase: settings.ssh_key_password,
      memoryKeys: (this.context.privateKeys ?? []).flatMap(splitPrivateKeys),
      password: role ? undefined : settings.ssh_password,
      configKeyFiles: endpoint.configKeyFiles,
      agentSocket: process.env.SSH_AUTH_SOCK,
      defaultKeyFiles: ["id_ed25519", "id_ecdsa", "id_rsa"].map((name) => join(home, ".ssh", name)),
    });
    if (auth.methods.length === 0) {
      throw new ConnectError(
        `${this.host}: no way to log in to ${where}: set ssh_key or ssh_password, give the action's ssh-private-key input, or run an SSH agent.`,
      );
    }
    let hostKeyProblem: string | undefined;
    const client = new Client();
    const options: ConnectConfig = {
      host: endpoint.hostname,
      port: endpoint.port,
      username: endpoint.user,
      readyTimeout: settings.ssh_connect_timeout * 1000,
      keepaliveInterval: settings.ssh_keepalive_interval * 1000,
      authHandler: auth.methods.map(({ label: _label, ...method }) => method) as ConnectConfig["authHandler"],
      algorithms: { serverHostKey: preferKnown(keys.typesFor(token)) },
      hostVerifier: (key: Buffer) => {
        hostKeyProblem = keys.check(this.host, endpoint, token, key, this.context.warn);
        return hostKeyProblem === undefined;
      },
      ...(sock ? { sock: sock as ConnectConfig["sock"] } : {}),
    };
    return new Promise((resolve, reject) => {
      // The first outcome settles the attempt. The error listener stays for good: a connection that
      // drops before the handshake can say so twice (reset, then "lost before handshake"), and an
      // error with no listener would end the whole run.
      let settled = false;
      client.once("ready", () => {
        if (settled) return;
        settled = true;
        resolve(client);
      });
      // Closed with no error and no handshake (a server that drops it after its banner).
      client.once("close", () => {
        if (settled) return;
        settled = true;
        if (hostKeyProblem) return reject(new ConnectError(hostKeyProblem));
        reject(
          new RetryableError(
            `${this.host}: ${where} closed the connection before the SSH handshake finished (an overloaded sshd drops connections beyond its MaxStartups).`,
          ),
        );
      });
      client.on("error", (error: Error & { level?: string; code?: string }) => {
        if (settled) return;
        settled = true;
        client.end();
        if (hostKeyProblem) return reject(new ConnectError(hostKeyProblem));
        reject(
          describeFailure(
            this.host,
            where,
            error,
            auth.methods.map((m) => m.label),
          ),
        );
      });
      client.connect(options);
    });
  }

  private lose(error: Error): void {
    this.closed = true;
    for (const listener of this.onLost) listener(error);
    this.onLost.clear();
  }

  private closeAll(): void {
    this.closed = true;
    this.client?.end();
    for (const hop of this.hops.reverse()) hop.end();
    this.hops = [];
  }
}

// How many SSH handshakes of a run are under way at once. With `--parallel 500` every host would
// start its key exchange together: on a busy runner (or through one bastion, whose sshd drops
// connections beyond its MaxStartups) most would then pass ssh_connect_timeout without any host
// being slow. The timeout counts from a handshake's start, not from its wait for a place here.
const maxHandshakes = 32;
const handshakes = new Gate(maxHandshakes);

// A failure worth another attempt (refused, reset, timed out).
class RetryableError extends ConnectError {}

// Turns an ssh2 connection error into a message naming the host and what to check.
function describeFailure(
  host: string,
  where: string,
  error: Error & { level?: string; code?: string },
  tried: string[],
): Error {
  if (error.level === "client-authentication") {
    return new ConnectError(
      `${host}: authentication failed for ${where} (tried ${tried.join(", ")}). Check ssh_user and the key or password.`,
    );
  }
  switch (error.code) {
    case "ECONNREFUSED":
      return new RetryableError(`${host}: connection refused by ${where}: is sshd running and listening there?`);
    case "ENOTFOUND":
      return new ConnectError(
        `${host}: cannot resolve the host name in ${where}. Check the name, or set ssh_hostname.`,
      );
    case "EAI_AGAIN":
      return new RetryableError(`${host}: the host name in ${where} could not be resolved right now (DNS failure).`);
    case "ECONNRESET":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "EPIPE":
      return new RetryableError(`${host}: connection to ${where} failed: ${error.code}.`);
  }
  if (/timed out/i.test(error.message)) {
    return new RetryableError(`${host}: timed out connecting to ${where} (ssh_connect_timeout).`);
  }
  return new ConnectError(`${host}: SSH connection to ${where} failed: ${error.message}`, { host });
}

// known_hosts for one connection: the file (or ~/.ssh/known_hosts), /etc/ssh/ssh_known_hosts and
// the in-memory lines, with the policy for unknown keys. Each source is read once per run (the
// connect context its hosts share), not once per host; a key pinned by one host is seen by the next.
class HostKeys {
  private readonly memory: KnownHostsIndex;
  private readonly fileIndex: KnownHostsIndex;
  private readonly system: KnownHostsIndex;

  constructor(
    private readonly file: string,
    context: ConnectContext,
    private readonly policy: SshSettings["ssh_strict_host_key_checking"],
  ) {
    const sources = knownHostsOfRun.get(context) ?? new Map<string, KnownHostsIndex>();
    knownHostsOfRun.set(context, sources);
    const source = (name: string, read: () => KnownHost[]) => {
      const index = sources.get(name) ?? new KnownHostsIndex(read());
      sources.set(name, index);
      return index;
    };
    const memory = context.knownHosts;
    this.memory = source("memory", () => (memory ? parseKnownHosts(memory, "ssh-known-hosts input") : []));
    this.fileIndex = source(`file:${file}`, () => readKnownHostsFile(file));
    this.system = source(`file:${systemKnownHosts}`, () => readKnownHostsFile(systemKnownHosts));
  }

  private forHost(token: string): KnownHost[] {
    return [this.memory, this.fileIndex, this.system].flatMap((index) => index.forHost(token));
  }

  typesFor(token: string): string[] {
    return knownKeyTypes(this.forHost(token));
  }

  // Undefined when the key may be used, else the message that refuses it.
  check(host: string, endpoint: Endpoint, token: string, key: Buffer, warn?: (m: string) => void): string | undefined {
    const verdict = verifyHostKey(this.forHost(token), key);
    const print = `${keyTypeOf(key)} ${fingerprint(key)}`;
    const scan = `ssh-keyscan -p ${endpoint.port} ${endpoint.hostname}`;
    switch (verdict.status) {
      case "known":
        return undefined;
      case "revoked":
        return `${host}: the host key of ${token} (${print}) is marked @revoked in ${verdict.entry.source}; refusing to connect.`;
      case "changed":
        return `${host}: the host key of ${token} has CHANGED: it presented ${print}, but ${verdict.expected.map((e) => e.source).join(", ")} expects ${fingerprint(verdict.expected[0]?.key ?? Buffer.alloc(0))}. This can mean someone is intercepting the connection, or the host was rebuilt. Refusing to connect. If the change is expected, verify the new fingerprint and replace the old line.`;
      case "unknown":
        if (this.policy === "no") {
          warn?.(`${host}: accepting the unverified host key of ${token} (${print}).`);
          return undefined;
        }
        if (this.policy === "accept-new") {
          this.pin(token, key);
          warn?.(`${host}: pinned the new host key of ${token} (${print}) in ${this.file}.`);
          return undefined;
        }
        return `${host}: the host key of ${token} is not known (${print}). Verify that fingerprint, then pin it: run \`${scan} >> ~/.ssh/known_hosts\` (or the host's ssh_known_hosts_file), or add the line \`${knownHostsLine(token, key)}\` to the action's ssh-known-hosts input. To pin keys on first use instead, set ssh_strict_host_key_checking: accept-new.`;
    }
  }

  private pin(token: string, key: Buffer): void {
    const line = knownHostsLine(token, key);
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    appendFileSync(this.file, `${line}\n`, { mode: 0o600 });
    for (const entry of parseKnownHosts(line, this.file)) this.fileIndex.add(entry);
  }
}

// The known_hosts sources each run has read, by name ("memory", "file:PATH").
const knownHostsOfRun = new WeakMap<ConnectContext, Map<string, KnownHostsIndex>>();
const systemKnownHosts = "/etc/ssh/ssh_known_hosts";

function readKnownHostsFile(file: string): KnownHost[] {
  try {
    return existsSync(file) ? parseKnownHosts(readFileSync(file, "utf8"), file) : [];
  } catch {
    return [];
  }
}

// Host key algorithms with those for already-known key types first (ssh-rsa keys sign with rsa-sha2-*).
function preferKnown(types: string[]): Algorithms["serverHostKey"] {
  const all = [
    "ssh-ed25519",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "rsa-sha2-512",
    "rsa-sha2-256",
    "ssh-rsa",
  ];
  const algorithmsOf = (type: string) => (type === "ssh-rsa" ? ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"] : [type]);
  const preferred = types.flatMap(algorithmsOf).filter((a) => all.includes(a));
  return [...new Set([...preferred, ...all])] as Algorithms["serverHostKey"];
}

// Parses `user@host:port[,user@host2]` jump specs, filling each from ssh config.
function parseJumps(
  spec: string | undefined,
  defaultUser: string,
  configFile: string,
  home: string,
  host: string,
): Endpoint[] {
  if (!spec) return [];
  return spec.split(",").map((part) => {
    const match = /^(?:([^@]+)@)?(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(part.trim());
    if (!match?.[2]) {
      throw new ConnectError(
        `${host}: ssh_proxy_jump ${JSON.stringify(part)} is not user@host:port (user and port optional).`,
      );
    }
    const alias = match[2].replace(/^\[|\]$/g, "");
    const config = readSshConfig(configFile, alias);
    return {
      alias,
      hostname: config.hostName ?? alias,
      port: match[3] ? Number(match[3]) : (config.port ?? 22),
      user: match[1] ?? config.user ?? defaultUser,
      configKeyFiles: config.identityFiles.map((file) => expandHome(file, home)),
    };
  });
}

// Opens a TCP stream through a connected hop to the next endpoint.
function forward(hop: Client, next: Endpoint): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) =>
    hop.forwardOut("127.0.0.1", 0, next.hostname, next.port, (error, stream) =>
      error
        ? reject(new RetryableError(`bastion could not reach ${next.hostname}:${next.port}: ${error.message}`))
        : resolve(stream),
    ),
  );
}

function expandHome(path: string, home: string): string {
  return path === "~" ? home : path.startsWith("~/") ? join(home, path.slice(2)) : path;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const signalNumbers: Record<string, number> = { HUP: 1, INT: 2, KILL: 9, TERM: 15, PIPE: 13 };
