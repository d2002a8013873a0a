// Planning a service's start, stop, restart, reload, enable and disable from its current state.
import { shellQuote } from "../../util/shell-quote.js";
import { change, noop, type OperationPlan } from "../operation.js";
import type { ServiceArgs } from "./service-args.js";

// Start, stop, restart and reload as `running`, `restarted` and `reloaded` ask, given whether the
// service runs now; `command` spells a verb for the service manager.
export function serviceActions(args: ServiceArgs, active: boolean, command: (verb: string) => string): string[] {
  const verbs: string[] = [];
  if (args.running === true && !active) verbs.push("start");
  if (args.running === false && active) verbs.push("stop");
  if (args.restarted && !(args.running === true && !active)) verbs.push("restart");
  if (args.reloaded && active && !args.restarted) verbs.push("reload");
  return verbs.map(command);
}

// Plans systemctl commands from the units' active and enabled states.
export function planSystemdService(
  args: ServiceArgs,
  status: Record<string, boolean>,
  enabled: Record<string, boolean>,
): OperationPlan {
  const unit = args.service.includes(".") ? args.service : `${args.service}.service`;
  const u = shellQuote(unit);
  const active = status[unit] ?? false;
  const isEnabled = enabled[unit] ?? false;
  const commands = args.daemonReload ? ["systemctl daemon-reload"] : [];
  commands.push(...serviceActions(args, active, (verb) => `systemctl ${verb} ${u}`));
  if (args.enabled === true && !isEnabled) commands.push(`systemctl enable ${u}`);
  if (args.enabled === false && isEnabled) commands.push(`systemctl disable ${u}`);
  if (commands.length === 0)
    return noop(
      `${unit} is ${active ? "running" : "stopped"}${args.enabled === undefined ? "" : isEnabled ? " and enabled" : " and disabled"}`,
    );
  return change(commands);
}
