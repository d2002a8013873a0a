// docker.container's wanted configuration: read from the arguments, turned into `docker container create`
// commands, and compared with what `docker container inspect` says of the existing container.
import { isDeepStrictEqual } from "node:util";
import type { DockerObject } from "../../facts/docker.js";
import { showValue } from "../../util/describe-value.js";
import { sha256 } from "../../util/sha256.js";
import { shellQuote } from "../../util/shell-quote.js";
import type { Command } from "../operation.js";
import { OperationArgumentError, optionalBoolean, stringList } from "../shared/args.js";
import { checkDockerName, imageReference, optionList, wordArg } from "./docker-args.js";

type Args = Record<string, unknown>;

/** A container's configuration as asked; undefined fields were not given (and are not compared). */
export interface ContainerSpec {
  image?: string;
  ports?: string[];
  networks?: string[];
  volumes?: string[];
  /** `KEY=value` pairs, as [key, value]. */
  env?: Array<[string, string]>;
  envFiles?: string[];
  labels?: string[];
  pullAlways: boolean;
  restartPolicy?: string;
  autoRemove?: boolean;
  dns?: string[];
  /** The command's words (a string is split as a shell would, without expanding anything). */
  command?: string[];
}

// Reads the container's configuration arguments.
export function readContainerSpec(args: Args): ContainerSpec {
  const ports = optionList(args, "ports", '"127.0.0.1:8080:80"');
  for (const port of ports ?? []) parsePort(port);
  const networks = optionList(args, "networks", '"backend"');
  for (const network of networks ?? []) checkDockerName(network, "networks", "network");
  return {
    image: imageReference(args, "image", false),
    ports,
    networks,
    volumes: optionList(args, "volumes", '"app_data:/var/lib/app" or "/srv/app:/app:ro"'),
    env: readEnv(args),
    envFiles: optionList(args, "env_files", '"/etc/app/env"'),
    labels: optionList(args, "labels", '"team=web"'),
    pullAlways: optionalBoolean(args, "pull_always") ?? false,
    restartPolicy: wordArg(args, "restart_policy", '"unless-stopped" or "on-failure:3"'),
    autoRemove: optionalBoolean(args, "auto_remove"),
    dns: optionList(args, "dns", '"1.1.1.1"'),
    command: readCommand(args),
  };
}

// env_vars: `KEY=value` strings. They reach docker through a private file (--env-file), so each is one
// line, and the key is a name docker takes (no spaces, no "=", not a "#" comment).
function readEnv(args: Args): Array<[string, string]> | undefined {
  if (args.env_vars === undefined || args.env_vars === null) return undefined;
  return stringList(args, "env_vars").map((item) => {
    const eq = item.indexOf("=");
    const key = eq === -1 ? item : item.slice(0, eq);
    if (eq <= 0 || !/^[^\s=#][^\s=]*$/.test(key))
      throw new OperationArgumentError(
        `argument env_vars holds an item for ${showValue(key)}, which is not KEY=value: give each variable as "NAME=value", e.g. "LOG_LEVEL=info".`,
      );
    const value = item.slice(eq + 1);
    // The value is not shown: it may be a secret.
    if (/[\r\n\0]/.test(value))
      throw new OperationArgumentError(
        `argument env_vars: the value of ${key} holds a line break or NUL byte, which docker's env files cannot carry (the value is not shown).`,
      );
    return [key, value];
  });
}

// command: a list of words, or a string split into words as a shell would, with quotes and backslashes but
// no expansion ($, backquotes, globs, ;, |, & and redirections are refused: write them inside sh -c '…').
function readCommand(args: Args): string[] | undefined {
  const value = args.command;
  if (value === undefined || value === null || value === "") return undefined;
  if (Array.isArray(value)) return stringList(args, "command");
  if (typeof value !== "string")
    throw new OperationArgumentError(
      `argument command must be a string or a list of words, e.g. "sleep infinity" or ["sh", "-c", "echo hi"].`,
    );
  return splitWords(value);
}

// Splits a command line into words: '…' literal, "…" with \" \\ \$ \` escapes, \x outside quotes.
export function splitWords(line: string): string[] {
  const refuse = (what: string): never => {
    throw new OperationArgumentError(
      `argument command ${showValue(line)} holds ${what}, which would need a shell: give the words as a list, or run one, e.g. ["sh", "-c", "…"].`,
    );
  };
  const words: string[] = [];
  let word = "";
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) refuse("an unclosed quote");
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      inWord = true;
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        const d = line[j] as string;
        if (d === "\\" && j + 1 < line.length && '"\\$`'.includes(line[j + 1] as string)) word += line[++j];
        else if (d === "$" || d === "`") refuse(`"${d}"`);
        else word += d;
      }
      if (j >= line.length) refuse("an unclosed quote");
      i = j;
    } else if (c === "\\") {
      if (i + 1 >= line.length) refuse("a trailing backslash");
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else if ("$`;|&<>(){}*?[]~#".includes(c)) {
      refuse(`"${c}"`);
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** A published port, as docker's inspect shows its binding. */
interface PortBinding {
  /** `80/tcp` */
  container: string;
  /** `127.0.0.1:8080`, `:8080`, `:` (any address, a port docker picks) */
  host: string;
}

// Parses "[ip:][hostPort:]containerPort[/protocol]" ("[::1]:8080:80" for IPv6); ranges are refused.
export function parsePort(port: string): PortBinding {
  const bad = (): never => {
    throw new OperationArgumentError(
      `argument ports holds ${showValue(port)}, which is not a port: give [ip:][host_port:]container_port[/tcp|udp|sctp], one port per item, e.g. "127.0.0.1:8080:80".`,
    );
  };
  const [address = "", protocol = "tcp", extra] = port.split("/");
  if (extra !== undefined || !/^(tcp|udp|sctp)$/.test(protocol)) bad();
  let ip = "";
  let rest = address;
  if (address.startsWith("[")) {
    const close = address.indexOf("]:");
    if (close === -1) bad();
    ip = address.slice(1, close);
    rest = address.slice(close + 2);
  }
  const parts = rest.split(":");
  if (ip !== "" && parts.length !== 2) bad();
  if (parts.length === 3) ip = parts.shift() as string;
  if (parts.length > 2 || (ip !== "" && !/^[0-9a-fA-F.:]+$/.test(ip))) bad();
  const containerPort = parts.pop() as string;
  const hostPort = parts.pop() ?? "";
  if (!/^\d{1,5}$/.test(containerPort) || !/^(\d{1,5})?$/.test(hostPort)) bad();
  return { container: `${containerPort}/${protocol}`, host: `${ip}:${hostPort}` };
}

// The private file the environment variables travel in: named after the container, never shown.
export function envFilePath(container: string): string {
  return `/tmp/infra-action-docker-env-${sha256(Buffer.from(container)).slice(0, 16)}`;
}

// The commands creating the container (and connecting it to its other networks); its env_vars go in a
// private 0600 file, read by docker and removed, so that no plan, report or process list shows them.
export function createCommands(container: string, spec: ContainerSpec): Array<Command | string> {
  if (!spec.image)
    throw new OperationArgumentError(
      `argument image is needed to create the container ${container}, e.g. image: "nginx:1.25".`,
    );
  const q = shellQuote;
  const words = ["docker container create", `--name ${q(container)}`];
  const [firstNetwork, ...otherNetworks] = spec.networks ?? [];
  if (firstNetwork) words.push(`--network ${q(firstNetwork)}`);
  for (const port of spec.ports ?? []) words.push(`--publish ${q(port)}`);
  for (const volume of spec.volumes ?? []) words.push(`--volume ${q(volume)}`);
  const envFile = spec.env?.length ? envFilePath(container) : undefined;
  if (envFile) words.push(`--env-file ${envFile}`);
  for (const file of spec.envFiles ?? []) words.push(`--env-file ${q(file)}`);
  for (const label of spec.labels ?? []) words.push(`--label ${q(label)}`);
  if (spec.pullAlways) words.push("--pull always");
  if (spec.restartPolicy) words.push(`--restart ${q(spec.restartPolicy)}`);
  if (spec.autoRemove) words.push("--rm");
  for (const server of spec.dns ?? []) words.push(`--dns ${q(server)}`);
  words.push("--", q(spec.image), ...(spec.command ?? []).map(q));
  const create = words.join(" ");
  const commands: Array<Command | string> = [];
  if (envFile) {
    const content = (spec.env ?? []).map(([key, value]) => `${key}=${value}\n`).join("");
    commands.push(
      { type: "file", path: envFile, content: Buffer.from(content).toString("base64"), mode: "600", created: true },
      `${create}; rc=$?; rm -f ${envFile}; exit $rc`,
    );
  } else commands.push(create);
  for (const network of otherNetworks) commands.push(`docker network connect -- ${q(network)} ${q(container)}`);
  return commands;
}

// Reads a nested field of inspect output (undefined when any step is missing or not an object).
function field(object: unknown, ...path: string[]): unknown {
  let at: unknown = object;
  for (const key of path) {
    if (typeof at !== "object" || at === null || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
const sameSet = (a: string[], b: string[]) => isDeepStrictEqual([...new Set(a)].sort(), [...new Set(b)].sort());
const shown = (list: string[]) => (list.length === 0 ? "none" : list.join(", "));

// The port bindings docker's inspect holds, as "ip:hostPort:containerPort/protocol".
function boundPorts(existing: DockerObject): string[] {
  const bindings = field(existing, "HostConfig", "PortBindings");
  if (typeof bindings !== "object" || bindings === null) return [];
  return Object.entries(bindings).flatMap(([container, list]) =>
    (Array.isArray(list) ? list : [{}]).map(
      (b) => `${field(b, "HostIp") ?? ""}:${field(b, "HostPort") ?? ""}:${container}`,
    ),
  );
}

// The restart policy as given ("no", "always", "on-failure:3") from inspect's name and retry count.
function restartPolicyOf(existing: DockerObject): string {
  const name = String(field(existing, "HostConfig", "RestartPolicy", "Name") || "no");
  const count = Number(field(existing, "HostConfig", "RestartPolicy", "MaximumRetryCount") ?? 0);
  return name === "on-failure" && count > 0 ? `on-failure:${count}` : name;
}

// What differs between the arguments given and the existing container, one phrase each; empty when
// nothing does. Only the arguments given are compared; env_vars and labels must be set (the image adds
// its own), env_files, pull_always cannot be compared from inspect output.
export function specDifferences(spec: ContainerSpec, existing: DockerObject): string[] {
  const differences: string[] = [];
  const has = (what: string, now: string, wanted: string) =>
    differences.push(`${what} ${/s$/.test(what) ? "are" : "is"} ${now}, not ${wanted}`);
  const image = String(field(existing, "Config", "Image") ?? "");
  if (spec.image !== undefined && image !== spec.image) has("image", image, spec.image);
  if (spec.command !== undefined) {
    const cmd = strings(field(existing, "Config", "Cmd"));
    if (!isDeepStrictEqual(cmd, spec.command)) has("command", showValue(cmd), showValue(spec.command));
  }
  if (spec.ports !== undefined) {
    const now = boundPorts(existing);
    const wanted = spec.ports.map((p) => {
      const b = parsePort(p);
      return `${b.host}:${b.container}`;
    });
    if (!sameSet(now, wanted)) has("ports", shown(now), shown(wanted));
  }
  if (spec.networks !== undefined && spec.networks.length > 0) {
    const networks = field(existing, "NetworkSettings", "Networks");
    const now = typeof networks === "object" && networks !== null ? Object.keys(networks) : [];
    if (!sameSet(now, spec.networks)) has("networks", shown(now), shown(spec.networks));
  }
  if (spec.volumes !== undefined) {
    const binds = strings(field(existing, "HostConfig", "Binds"));
    const anonymous = Object.keys((field(existing, "Config", "Volumes") as object | null) ?? {});
    const wantedBinds = spec.volumes.filter((v) => v.includes(":"));
    const missingAnonymous = spec.volumes.filter((v) => !v.includes(":") && !anonymous.includes(v));
    if (!sameSet(binds, wantedBinds) || missingAnonymous.length > 0)
      has("volumes", shown([...binds, ...anonymous]), shown(spec.volumes));
  }
  if (spec.env !== undefined) {
    const env = strings(field(existing, "Config", "Env"));
    // Names only: values may be secrets.
    const differing = spec.env.filter(([key, value]) => !env.includes(`${key}=${value}`)).map(([key]) => key);
    if (differing.length > 0) differences.push(`env_vars ${differing.join(", ")} differ`);
  }
  if (spec.labels !== undefined) {
    const labels = (field(existing, "Config", "Labels") ?? {}) as Record<string, unknown>;
    const differing = spec.labels.filter((label) => {
      const eq = label.indexOf("=");
      const [key, value] = eq === -1 ? [label, ""] : [label.slice(0, eq), label.slice(eq + 1)];
      return labels[key] !== value;
    });
    if (differing.length > 0) differences.push(`labels ${differing.join(", ")} are not set`);
  }
  if (spec.restartPolicy !== undefined) {
    const now = restartPolicyOf(existing);
    if (now !== spec.restartPolicy) has("restart_policy", now, spec.restartPolicy);
  }
  if (spec.autoRemove !== undefined) {
    const now = field(existing, "HostConfig", "AutoRemove") === true;
    if (now !== spec.autoRemove) has("auto_remove", String(now), String(spec.autoRemove));
  }
  if (spec.dns !== undefined) {
    const now = strings(field(existing, "HostConfig", "Dns"));
    if (!sameSet(now, spec.dns)) has("dns", shown(now), shown(spec.dns));
  }
  return differences;
}
