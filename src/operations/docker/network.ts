// docker.network: a network exists (created with its driver, subnet, gateway, … ), or it does not.
import { DockerNetwork } from "../../facts/docker.js";
import { showValue } from "../../util/describe-value.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, OperationArgumentError, optionalString, rejectUnknown } from "../shared/args.js";
import { dockerName, optionList, stringMap, wordArg } from "./docker-args.js";

const known = [
  "network",
  "driver",
  "gateway",
  "ip_range",
  "ipam_driver",
  "subnet",
  "scope",
  "aux_addresses",
  "opts",
  "ipam_opts",
  "labels",
  "ingress",
  "attachable",
  "present",
];

interface NetworkArgs {
  network: string;
  /** `--flag value` pairs, in docker network create's order. */
  options: Array<[string, string]>;
  ingress: boolean;
  attachable: boolean;
  present: boolean;
}

// An address or CIDR range (IPv4 or IPv6): digits, hex, ".", ":" and one "/".
function addressArg(args: Record<string, unknown>, key: string, example: string): string | undefined {
  const value = optionalString(args, key);
  if (value === undefined || value === "") return undefined;
  if (!/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(value))
    throw new OperationArgumentError(
      `argument ${key} ${showValue(value)} is not an IP address or CIDR range, e.g. ${example}.`,
    );
  return value;
}

export const network = defineOperation<NetworkArgs>({
  name: "docker.network",
  description:
    "Make sure a Docker network exists (created with driver, subnet, gateway, ip_range, options and labels) or, with present: false, does not.",
  validate: (args) => {
    rejectUnknown(args, known, "docker.network");
    const options: Array<[string, string]> = [];
    const add = (flag: string, value: string | undefined) => {
      if (value !== undefined) options.push([flag, value]);
    };
    add("--driver", wordArg(args, "driver", '"bridge"'));
    add("--gateway", addressArg(args, "gateway", '"10.20.0.1"'));
    add("--ip-range", addressArg(args, "ip_range", '"10.20.0.128/25"'));
    add("--ipam-driver", wordArg(args, "ipam_driver", '"default"'));
    add("--subnet", addressArg(args, "subnet", '"10.20.0.0/24"'));
    add("--scope", wordArg(args, "scope", '"local" or "swarm"'));
    for (const [host, address] of stringMap(args, "aux_addresses", '{ router: "10.20.0.2" }') ?? [])
      add("--aux-address", `${host}=${address}`);
    for (const opt of optionList(args, "opts", '"com.docker.network.bridge.name=br-app"') ?? []) add("--opt", opt);
    for (const opt of optionList(args, "ipam_opts", '"foo=bar"') ?? []) add("--ipam-opt", opt);
    for (const label of optionList(args, "labels", '"team=web"') ?? []) add("--label", label);
    return {
      network: dockerName(args, "network", "network"),
      options,
      ingress: booleanArg(args, "ingress", false),
      attachable: booleanArg(args, "attachable", false),
      present: booleanArg(args, "present", true),
    };
  },
  facts: (args) => [{ fact: DockerNetwork, args: { object_id: args.network } }],
  plan: (args, facts) => {
    const name = shellQuote(args.network);
    const existing = facts.get(DockerNetwork, { object_id: args.network });
    if (!args.present) {
      if (!existing) return noop(`network ${args.network} does not exist`);
      return change([`docker network rm -- ${name}`], { reason: "remove" });
    }
    // An existing network is kept as it is: re-creating it would disconnect its containers.
    if (existing) return noop(`network ${args.network} exists`);
    const words = ["docker network create", ...args.options.map(([flag, value]) => `${flag} ${shellQuote(value)}`)];
    if (args.ingress) words.push("--ingress");
    if (args.attachable) words.push("--attachable");
    return change([[...words, "--", name].join(" ")], { reason: "create" });
  },
});
