// systemd.*: services and daemon-reload.
import { shellQuote } from "../connectors/shell.js";
import { SystemdEnabled, SystemdStatus } from "../facts/services.js";
import { booleanArg, optionalBoolean, refuseOptionLike, rejectUnknown, requiredString } from "./args.js";
import { change, defineOperation, noop, type OperationPlan } from "./operation.js";

export interface ServiceArgs {
  service: string;
  running?: boolean;
  restarted: boolean;
  reloaded: boolean;
  enabled?: boolean;
  daemonReload: boolean;
}

export const serviceKeys = ["service", "running", "restarted", "reloaded", "enabled", "daemon_reload"];

// Reads a service operation's arguments (running defaults to true, as in pyinfra).
export function readServiceArgs(args: Record<string, unknown>, operation: string, known = serviceKeys): ServiceArgs {
  rejectUnknown(args, known, operation);
  const service = requiredString(args, "service");
  refuseOptionLike(service, "service", 'give the service\'s name, e.g. service: "nginx".');
  return {
    service,
    running: args.running === undefined ? true : optionalBoolean(args, "running"),
    restarted: booleanArg(args, "restarted", false),
    reloaded: booleanArg(args, "reloaded", false),
    enabled: optionalBoolean(args, "enabled"),
    daemonReload: booleanArg(args, "daemon_reload", false),
  };
}

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

export const service = defineOperation({
  name: "systemd.service",
  description: "Start, stop, restart, reload, enable or disable a systemd unit.",
  validate: (args) => readServiceArgs(args, "systemd.service"),
  facts: () => [{ fact: SystemdStatus }, { fact: SystemdEnabled }],
  plan: (args, facts) => planSystemdService(args, facts.get(SystemdStatus), facts.get(SystemdEnabled)),
});

export const daemon_reload = defineOperation({
  name: "systemd.daemon_reload",
  description: "Reload systemd's unit files (always a change).",
  validate: (args) => {
    rejectUnknown(args, [], "systemd.daemon_reload");
    return {};
  },
  facts: () => [],
  plan: () => change(["systemctl daemon-reload"]),
});
