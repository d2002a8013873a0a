// openrc.service: start, stop, restart or reload an OpenRC service, and add it to (or delete it from) a runlevel.
import { OpenrcEnabled, OpenrcStatus } from "../../facts/openrc.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop, type OperationPlan } from "../operation.js";
import { OperationArgumentError, optionalString } from "../shared/args.js";
import { serviceActions, serviceState } from "../shared/plan-service.js";
import { readInitServiceArgs, type ServiceArgs } from "../shared/service-args.js";

// openrc.service's arguments: a service's, and the runlevel it is enabled in.
export interface OpenrcServiceArgs extends ServiceArgs {
  runlevel: string;
}

// Plans rc-service and rc-update commands from the runlevel's started and enabled services.
export function planOpenrcService(
  args: ServiceArgs & { runlevel?: string },
  status: Record<string, boolean>,
  enabled: Record<string, boolean>,
): OperationPlan {
  const runlevel = args.runlevel ?? "default";
  const name = shellQuote(args.service);
  const active = status[args.service] ?? false;
  const commands = serviceActions(args, active, (verb) => `rc-service ${name} ${verb}`);
  const isEnabled = enabled[args.service] ?? false;
  if (args.enabled === true && !isEnabled) commands.push(`rc-update add ${name} ${shellQuote(runlevel)}`);
  if (args.enabled === false && isEnabled) commands.push(`rc-update del ${name} ${shellQuote(runlevel)}`);
  if (commands.length) return change(commands);
  const inRunlevel = args.enabled === undefined ? "" : ` and ${isEnabled ? "in" : "not in"} runlevel ${runlevel}`;
  return noop(`${serviceState(args.service, active)}${inRunlevel}`);
}

export const service = defineOperation({
  name: "openrc.service",
  description: "Start, stop, restart or reload an OpenRC service; enabled adds it to (or deletes it from) a runlevel.",
  validate: (args): OpenrcServiceArgs => {
    const read = readInitServiceArgs(args, "openrc.service", ["runlevel"]);
    const runlevel = optionalString(args, "runlevel") ?? "default";
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(runlevel))
      throw new OperationArgumentError(
        `argument runlevel ${JSON.stringify(runlevel)} is not a runlevel name: give one such as "default" or "boot".`,
      );
    return { ...read, runlevel };
  },
  facts: (args) => [
    { fact: OpenrcStatus, args: { runlevel: args.runlevel } },
    { fact: OpenrcEnabled, args: { runlevel: args.runlevel } },
  ],
  plan: (args, facts) =>
    planOpenrcService(
      args,
      facts.get(OpenrcStatus, { runlevel: args.runlevel }),
      facts.get(OpenrcEnabled, { runlevel: args.runlevel }),
    ),
});
