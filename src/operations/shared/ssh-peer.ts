// Another host the target reaches over SSH (ssh.*, git.repo's ssh_keyscan): its checked name, port
// and user, and the commands that add its host key to ~/.ssh/known_hosts.
import { SshKnownHost } from "../../facts/ssh.js";
import { shellQuote } from "../../util/shell-quote.js";
import { knownHostsName, type SshPeer } from "../../util/ssh-client.js";
import type { FactLookup, FactNeed } from "../operation.js";
import { checkAccountName, OperationArgumentError, optionalNumber, requiredString } from "./args.js";

// A host name, an IPv4 address or an IPv6 address (without brackets): nothing a shell or ssh reads as more.
const hostPattern = /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9_])?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$/;

// Refuses a host name that is not a plain name or address (an option, spaces, quotes, a newline).
export function checkHostname(hostname: string, key: string): string {
  if (!hostPattern.test(hostname))
    throw new OperationArgumentError(
      `argument ${key} ${JSON.stringify(hostname)} is not a host name or address: give letters, digits, "." and "-" (e.g. "git.example.com"), or an IP address.`,
    );
  return hostname;
}

// An SSH port argument (default 22).
export function portArg(args: Record<string, unknown>, key = "port"): number {
  const port = optionalNumber(args, key) ?? 22;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new OperationArgumentError(`argument ${key} must be a port number from 1 to 65535; it is ${port}.`);
  return port;
}

// hostname, port and user read from an operation's arguments.
export function readPeer(args: Record<string, unknown>): SshPeer {
  const hostname = checkHostname(requiredString(args, "hostname"), "hostname");
  const user = args.user === undefined || args.user === null ? undefined : requiredString(args, "user");
  if (user !== undefined) checkAccountName(user, "user", "user");
  return { hostname, port: portArg(args), ...(user === undefined ? {} : { user }) };
}

// The fact telling whether the host's key is already known.
export function knownHostNeed(hostname: string, port: number): FactNeed {
  return { fact: SshKnownHost, args: { hostname, port: String(port) } };
}

// Whether ~/.ssh/known_hosts already holds the host's key.
export function isKnownHost(facts: FactLookup, hostname: string, port: number): boolean {
  return facts.get(SshKnownHost, { hostname, port: String(port) });
}

// Scans the host's keys into ~/.ssh/known_hosts (after removing its old ones with `replace`). The
// keys are collected first: a host that does not answer adds nothing and fails the operation.
export function keyscanCommands(hostname: string, port: number, replace: boolean): string[] {
  const h = shellQuote(hostname);
  const name = shellQuote(knownHostsName(hostname, port));
  return [
    'mkdir -p "$HOME/.ssh" && chmod 700 "$HOME/.ssh"',
    ...(replace ? [`ssh-keygen -R ${name} -f "$HOME/.ssh/known_hosts" >/dev/null`] : []),
    `keys=$(ssh-keyscan -T 20 -p ${port} -- ${h} 2>/dev/null) || true; [ -n "$keys" ] || { echo ${shellQuote(`ssh-keyscan got no host key from ${hostname} port ${port}`)} >&2; exit 1; }; printf '%s\\n' "$keys" >> "$HOME/.ssh/known_hosts"`,
  ];
}
