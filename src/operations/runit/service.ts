// runit.service: a runit service managed (linked into svdir), started, stopped, restarted or
// reloaded, and started at boot or not (its down file).
import { Directory, File, Link } from "../../facts/files.js";
import { RunitManaged, RunitStatus } from "../../facts/runit.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, OperationArgumentError } from "../shared/args.js";
import { serviceActions, serviceState } from "../shared/plan-service.js";
import {
  autoCommand,
  downPath,
  linkPath,
  manageCommand,
  readRunitPaths,
  sourcePath,
  waitRunsvCommand,
} from "../shared/runit-args.js";
import { initServiceKeys, readServiceArgs } from "../shared/service-args.js";

export const service = defineOperation({
  name: "runit.service",
  description:
    "Start, stop, restart or reload a runit service, linking it into svdir first (managed); enabled: its down file.",
  validate: (args) => ({
    ...readServiceArgs(args, "runit.service", [...initServiceKeys, "managed", "svdir", "sourcedir"]),
    ...readRunitPaths(args),
    managed: booleanArg(args, "managed", true),
  }),
  facts: (args) => [
    { fact: RunitManaged, args: { service: args.service, svdir: args.svdir } },
    { fact: RunitStatus, args: { service: args.service, svdir: args.svdir } },
    { fact: Link, args: { path: linkPath(args) } },
    { fact: File, args: { path: downPath(args) } },
    { fact: Directory, args: { path: sourcePath(args) } },
  ],
  plan: (args, facts) => {
    if (args.managed && !facts.get(Directory, { path: sourcePath(args) }))
      throw new OperationArgumentError(
        `runit service ${args.service}: there is no directory ${sourcePath(args)} (with its run script) on the host; create it first, or give sourcedir.`,
      );
    const wasManaged = facts.get(RunitManaged, { service: args.service, svdir: args.svdir }).includes(args.service);
    const wasAuto = facts.get(File, { path: downPath(args) }) === null;
    const commands: string[] = [];
    let down = !wasAuto;
    const justManaged = args.managed && !wasManaged;
    // A service about to be linked gets its down file first: runsv then does not start it before
    // we ask (and one asked to stay stopped never runs at all).
    if (justManaged && wasAuto) {
      commands.push(`touch -- ${shellQuote(downPath(args))}`);
      down = true;
    }
    const manage = manageCommand(args, args.managed, facts.get(Link, { path: linkPath(args) }));
    if (manage) commands.push(manage);
    if (justManaged) commands.push(waitRunsvCommand(args));
    const auto = autoCommand(args, args.enabled ?? wasAuto, down);
    if (auto) commands.push(auto);
    if (!args.managed) return commands.length ? change(commands) : noop(`runit service ${args.service} is not managed`);
    // Just linked: runsv holds it down until started.
    const active = justManaged
      ? false
      : (facts.get(RunitStatus, { service: args.service, svdir: args.svdir })[args.service] ?? null);
    const svdir = shellQuote(args.svdir);
    commands.push(...serviceActions(args, active, (verb) => `SVDIR=${svdir} sv ${verb} ${shellQuote(args.service)}`));
    if (commands.length) return change(commands);
    const boot = args.enabled === undefined ? "" : args.enabled ? " and starts at boot" : " and does not start at boot";
    return noop(`${serviceState(args.service, active)}${boot}`);
  },
});
