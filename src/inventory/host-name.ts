// Reads a host name's connector: `@local`, `@docker/IMAGE_OR_CONTAINER`, `@ssh/HOST`, else SSH.
import { closestName } from "../util/closest.js";

export type ConnectorName = "ssh" | "local" | "docker";

export interface HostTarget {
  connector: ConnectorName;
  // The connector's group ("@local", "@docker", "@ssh"), when the name carries a connector prefix.
  group?: string;
  // Data the name itself implies (`@ssh/web-01` → ssh_hostname "web-01"), below the host's own data.
  data: Record<string, unknown>;
}

interface PrefixRule {
  connector: ConnectorName;
  // "none": `@local` alone; "required": `@docker/<argument>`.
  argument: "none" | "required";
  usage: string;
  data?: (argument: string) => Record<string, unknown>;
}

const prefixes: Record<string, PrefixRule> = {
  local: { connector: "local", argument: "none", usage: "@local" },
  docker: {
    connector: "docker",
    argument: "required",
    usage: "@docker/IMAGE or @docker/CONTAINER (e.g. @docker/debian:bookworm)",
  },
  ssh: { connector: "ssh", argument: "required", usage: "@ssh/HOSTNAME", data: (host) => ({ ssh_hostname: host }) },
};

// The connector a host name selects, or an error text saying what is wrong with the name.
export function targetOf(name: string): HostTarget | { error: string } {
  if (!name.startsWith("@")) return { connector: "ssh", data: {} };
  const slash = name.indexOf("/");
  const prefix = slash < 0 ? name.slice(1) : name.slice(1, slash);
  const argument = slash < 0 ? "" : name.slice(slash + 1);
  const rule = prefixes[prefix];
  if (!rule) {
    const near = closestName(prefix, Object.keys(prefixes));
    const known = Object.values(prefixes)
      .map((r) => r.usage)
      .join(", ");
    return {
      error: `"${name}" names an unknown connector "@${prefix}"${near ? ` (did you mean "@${near}"?)` : ""}. Known forms: ${known}; a plain host name uses SSH.`,
    };
  }
  if (rule.argument === "none" && slash >= 0)
    return { error: `"${name}" is not a valid host: write ${rule.usage} alone.` };
  if (rule.argument === "required" && !argument)
    return { error: `"${name}" is missing its target: write ${rule.usage}.` };
  return { connector: rule.connector, group: `@${prefix}`, data: rule.data?.(argument) ?? {} };
}
