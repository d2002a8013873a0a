// The arguments of server.service and systemd.service (pyinfra's names), read and checked once.
import { booleanArg, optionalBoolean, refuseOptionLike, rejectUnknown, requiredString } from "./args.js";

// A service operation's arguments, checked.
export interface ServiceArgs {
  service: string;
  running?: boolean;
  restarted: boolean;
  reloaded: boolean;
  enabled?: boolean;
  daemonReload: boolean;
}

// The argument names of server.service and systemd.service.
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
