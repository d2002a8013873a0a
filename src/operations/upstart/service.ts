// upstart.service: start, stop, restart or reload an upstart job; enabled false holds it at boot with an override file.
import { File, FileContents } from "../../facts/files.js";
import { UpstartStatus } from "../../facts/upstart.js";
import { shellQuote } from "../../util/shell-quote.js";
import {
  type Command,
  change,
  defineOperation,
  type FactLookup,
  type FactNeed,
  noop,
  type OperationPlan,
} from "../operation.js";
import { serviceActions, serviceState } from "../shared/plan-service.js";
import { readInitServiceArgs, type ServiceArgs } from "../shared/service-args.js";
import { writeFileCommands } from "../shared/write-file.js";

// A job's override file: "manual" in it keeps upstart from starting the job at boot.
const overridePath = (service: string) => `/etc/init/${service}.override`;

// The facts upstart planning reads.
export function upstartFacts(args: ServiceArgs): FactNeed[] {
  return [
    { fact: UpstartStatus },
    ...(args.enabled === true ? [{ fact: File, args: { path: overridePath(args.service) } }] : []),
    ...(args.enabled === false ? [{ fact: FileContents, args: { path: overridePath(args.service) } }] : []),
  ];
}

// Plans initctl verbs, and the override file for enabled.
export function planUpstartService(args: ServiceArgs, facts: FactLookup): OperationPlan {
  const active = facts.get(UpstartStatus)[args.service] ?? false;
  const commands: Array<string | Command> = serviceActions(
    args,
    active,
    (verb) => `initctl ${verb} ${shellQuote(args.service)}`,
  );
  const path = overridePath(args.service);
  if (args.enabled === true && facts.get(File, { path }) !== null) commands.push(`rm -f -- ${shellQuote(path)}`);
  if (args.enabled === false) {
    const written = writeFileCommands(path, Buffer.from("manual\n"), facts.get(FileContents, { path }), {
      createRemoteDir: false,
    });
    if (written) commands.push(...written.commands);
  }
  if (commands.length) return change(commands);
  const boot = args.enabled === undefined ? "" : args.enabled ? " and starts at boot" : " and held at boot (manual)";
  return noop(`${serviceState(args.service, active)}${boot}`);
}

export const service = defineOperation({
  name: "upstart.service",
  description:
    "Start, stop, restart or reload an upstart job; enabled false writes /etc/init/<job>.override with manual.",
  validate: (args) => readInitServiceArgs(args, "upstart.service"),
  facts: (args) => upstartFacts(args),
  plan: (args, facts) => planUpstartService(args, facts),
});
