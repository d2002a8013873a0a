// The arguments of the service operations (pyinfra's names), read and checked once.
import {
  booleanArg,
  OperationArgumentError,
  optionalBoolean,
  optionalString,
  refuseOptionLike,
  rejectUnknown,
  requiredString,
} from "./args.js";

// A service operation's arguments, checked.
export interface ServiceArgs {
  service: string;
  running?: boolean;
  restarted: boolean;
  reloaded: boolean;
  enabled?: boolean;
  daemonReload: boolean;
  /** A verb of the service manager's run after the others (always a change): "reload-config". */
  command?: string;
}

// The argument names of server.service and systemd.service.
export const serviceKeys = ["service", "running", "restarted", "reloaded", "command", "enabled", "daemon_reload"];

// The argument names of openrc.service, sysvinit.service, upstart.service and bsdinit.service.
export const initServiceKeys = ["service", "running", "restarted", "reloaded", "command", "enabled"];

// Reads a service operation's arguments (running defaults to true, as in pyinfra).
export function readServiceArgs(args: Record<string, unknown>, operation: string, known = serviceKeys): ServiceArgs {
  rejectUnknown(args, known, operation);
  const service = requiredString(args, "service");
  refuseOptionLike(service, "service", 'give the service\'s name, e.g. service: "nginx".');
  const command = optionalString(args, "command");
  if (command !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(command))
    throw new OperationArgumentError(
      `argument command ${JSON.stringify(command)} is not one verb of the service manager: give a word such as "reload" or "configtest" (letters, digits, "_", ".", "-").`,
    );
  return {
    service,
    running: args.running === undefined ? true : optionalBoolean(args, "running"),
    restarted: booleanArg(args, "restarted", false),
    reloaded: booleanArg(args, "reloaded", false),
    enabled: optionalBoolean(args, "enabled"),
    daemonReload: booleanArg(args, "daemon_reload", false),
    ...(command === undefined ? {} : { command }),
  };
}

// Refuses a service name an init script path, a glob or a runit directory could not hold as one
// name ("../x", "a b", "*"): init systems other than systemd name services by plain words.
export function checkInitServiceName(service: string): void {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.@+:-]*$/.test(service) || service === "." || service.includes(".."))
    throw new OperationArgumentError(
      `argument service ${JSON.stringify(service)} is not a service name: give the name of its script (letters, digits, "_", ".", "@", "+", ":", "-"), e.g. service: "nginx".`,
    );
}

// The arguments of an init system's own service operation (openrc, sysvinit, upstart, bsdinit): a
// service operation's, with `command` (and `extra` keys of its own), and a name that is a plain script name.
export function readInitServiceArgs(
  args: Record<string, unknown>,
  operation: string,
  extra: string[] = [],
): ServiceArgs {
  const read = readServiceArgs(args, operation, [...initServiceKeys, ...extra]);
  checkInitServiceName(read.service);
  return read;
}
