// Planning a service's start, stop, restart, reload, enable and disable from its current state.
import { shellQuote } from "../../util/shell-quote.js";
import { change, noop, type OperationPlan } from "../operation.js";
import type { ServiceArgs } from "./service-args.js";

// Start, stop, restart and reload as `running`, `restarted` and `reloaded` ask, given whether the
// service runs now (null: its manager cannot tell, taken as not running), then the user's own
// `command` verb (always run); `command` spells a verb for the service manager.
export function serviceActions(args: ServiceArgs, active: boolean | null, command: (verb: string) => string): string[] {
  const verbs: string[] = [];
  if (args.running === true && !active) verbs.push("start");
  if (args.running === false && active) verbs.push("stop");
  if (args.restarted && !(args.running === true && !active)) verbs.push("restart");
  if (args.reloaded && active && !args.restarted) verbs.push("reload");
  if (args.command) verbs.push(args.command);
  return verbs.map(command);
}

// The no-op reason of a service left as it is: "service cron is running".
export function serviceState(name: string, active: boolean | null): string {
  return `service ${name} is ${active ? "running" : active === null ? "in an unknown state" : "stopped"}`;
}

// Plans systemctl commands from the units' active and enabled states; `systemctl` is the command for
// the manager asked for (the system's, a user's, a machine's).
export function planSystemdService(
  args: ServiceArgs,
  status: Record<string, boolean>,
  enabled: Record<string, boolean>,
  systemctl = "systemctl",
): OperationPlan {
  const unit = args.service.includes(".") ? args.service : `${args.service}.service`;
  const u = shellQuote(unit);
  const active = status[unit] ?? false;
  const isEnabled = enabled[unit] ?? false;
  const commands = args.daemonReload ? [`${systemctl} daemon-reload`] : [];
  commands.push(...serviceActions(args, active, (verb) => `${systemctl} ${verb} ${u}`));
  if (args.enabled === true && !isEnabled) commands.push(`${systemctl} enable ${u}`);
  if (args.enabled === false && isEnabled) commands.push(`${systemctl} disable ${u}`);
  if (commands.length === 0)
    return noop(
      `${unit} is ${active ? "running" : "stopped"}${args.enabled === undefined ? "" : isEnabled ? " and enabled" : " and disabled"}`,
    );
  return change(commands);
}
