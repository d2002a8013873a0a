// sysvinit.enable: an /etc/init.d script's start and stop links in the runlevels asked for (/etc/rcN.d).
import { Link } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { OperationArgumentError, rejectUnknown, requiredString } from "../shared/args.js";
import { checkInitServiceName } from "../shared/service-args.js";

const keys = ["service", "start_priority", "stop_priority", "start_levels", "stop_levels"];

// A priority: a whole number from 0 to 99, written with two digits as rc directories sort them.
function priorityArg(args: Record<string, unknown>, key: string, fallback: number): string {
  const value = args[key] ?? fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 99)
    throw new OperationArgumentError(`argument ${key} must be a whole number from 0 to 99, e.g. ${key}: ${fallback}.`);
  return String(value).padStart(2, "0");
}

// Runlevels: a list of 0 to 6 (or "S"), as numbers or strings.
function levelsArg(args: Record<string, unknown>, key: string, fallback: number[]): string[] {
  const value = args[key] ?? fallback;
  const list = Array.isArray(value) ? value : [value];
  const levels = list.map(String);
  if (!levels.every((l) => /^[0-6S]$/.test(l)))
    throw new OperationArgumentError(
      `argument ${key} must be a list of runlevels 0 to 6 (or "S"), e.g. ${key}: [${fallback.join(", ")}].`,
    );
  return [...new Set(levels)];
}

// The links sysvinit.enable makes: start links then stop links, each pointing at the script.
function linksOf(args: { service: string; start: string; stop: string; startLevels: string[]; stopLevels: string[] }) {
  return [
    ...args.startLevels.map((level) => `/etc/rc${level}.d/S${args.start}${args.service}`),
    ...args.stopLevels.map((level) => `/etc/rc${level}.d/K${args.stop}${args.service}`),
  ];
}

export const enable = defineOperation({
  name: "sysvinit.enable",
  description:
    "Make an /etc/init.d script's start and stop links (/etc/rcN.d/S20name, K80name) in the runlevels given.",
  validate: (args) => {
    rejectUnknown(args, keys, "sysvinit.enable");
    const service = requiredString(args, "service");
    checkInitServiceName(service);
    const read = {
      service,
      start: priorityArg(args, "start_priority", 20),
      stop: priorityArg(args, "stop_priority", 80),
      startLevels: levelsArg(args, "start_levels", [2, 3, 4, 5]),
      stopLevels: levelsArg(args, "stop_levels", [0, 1, 6]),
    };
    return { ...read, links: linksOf(read) };
  },
  facts: (args) => args.links.map((path) => ({ fact: Link, args: { path } })),
  plan: (args, facts) => {
    const target = `/etc/init.d/${args.service}`;
    const commands: string[] = [];
    for (const path of args.links) {
      const current = facts.get(Link, { path });
      if (current === false)
        throw new OperationArgumentError(`${path} exists and is not a symbolic link: remove it, then run again.`);
      if (current?.link_target !== target) commands.push(`ln -sfn -- ${shellQuote(target)} ${shellQuote(path)}`);
    }
    return commands.length ? change(commands) : noop(`service ${args.service} has its start and stop links`);
  },
});
